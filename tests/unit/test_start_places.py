"""The pattern rules' start words found in one pass: the places each word's own search finds."""

from __future__ import annotations

import lintnews
from lintnews.rules import start_places
from lintnews.rules.outline import word_finder

TEXT = ("Its chairman said the council's own figures, which it's now published, were wrong. Their "
        "money was down; there were phones in the town. They’re sure the effect effected savings, "
        "more than 30 then. Whose fault? Ownership, one-off fees and someone’s costs: no_one knows.")


def test_one_pass_finds_the_places_each_word_search_finds():
    words = ["its", "'s", "own", "their", "there", "'re", "effect", "effected", "than", "then", "whose",
             "one", "could"]
    finders = {w: word_finder(w) for w in words}
    start_places.register(finders)
    lower = TEXT.lower()
    places: dict[str, list[int]] = {"could": [99]}  # a word already found is kept as it is
    start_places.fill(places, lower)
    assert places["could"] == [99]
    for w in words[:-1]:
        assert places[w] == finders[w].places(TEXT, lower), w
    # inside other words ("money", "town", "phones", "ownership") no place; a clitic touches its word
    assert [TEXT[i:i + 3] for i in places["one"]] == ["one"]  # "one-off"; not "someone", "no_one"
    assert [TEXT[i:i + 3] for i in places["own"]] == ["own", "Own"]
    assert [TEXT[i:i + 2] for i in places["'s"]] == ["'s", "'s", "’s"]
    assert [TEXT[i:i + 3] for i in places["'re"]] == ["’re"]


def test_pattern_rules_flag_from_the_places_of_the_shared_pass():
    text = ("The court said there case was weak, and whose to say it would of passed. Their own case, "
            "the judge said, was strong.\n")
    found = [(f.rule_id, f.text) for f in lintnews.check_text(text)
             if f.rule_id in ("News.ItsApostrophe", "News.TheirThere", "News.OfHave", "News.WhoseWhos")]
    assert found == [("News.TheirThere", "there"), ("News.OfHave", "of")]  # as with a search per word
