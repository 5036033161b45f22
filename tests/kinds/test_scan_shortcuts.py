"""Faster scans that must find what the plain ones find (existence over the lower-cased text,
Confusables' previous word searched backwards)."""

from __future__ import annotations

import lintnews
from lintnews.rules.kinds.confusion import _PREV
from testkit import house_rules

VAGUE = """\
extends: existence
message: "'%s': a vague source."
ignorecase: true
quotes: skip
tokens:
  - '(?:critics|experts) (?:say|said|warn)'
  - 'it is (?:widely )?said'
exceptions: ['experts warn']
"""


def spans(rules, text):
    found = [(f.start, f.end, text[f.start:f.end]) for f in lintnews.linter(rules=rules).check(text).findings]
    kept = [(r, r.lower_regex) for r in rules]
    for r in rules:
        r.lower_regex = None  # the pattern that ignores case, over the text as written
    try:
        assert [(f.start, f.end, text[f.start:f.end]) for f in lintnews.linter(rules=rules).check(text).findings] == found
    finally:
        for r, lower in kept:
            r.lower_regex = lower
    return found


def test_lower_case_tokens_ignoring_case_find_every_casing_and_keep_exceptions(tmp_path):
    (rule,) = house_rules(tmp_path, Vague=VAGUE)
    assert rule.lower_regex is not None
    text = ("Title\n\nCritics say the plan failed. CRITICS SAID so. It Is Widely Said that experts warn "
            "too often; EXPERTS WARN again.\n")
    got = [s[2] for s in spans([rule], text)]
    assert got == ["Critics say", "CRITICS SAID", "It Is Widely Said"]


def test_an_article_with_a_long_s_or_a_kelvin_sign_matches_as_ignoring_case_does(tmp_path):
    (rule,) = house_rules(tmp_path, Vague=VAGUE)
    # Ignoring case, "ſ" (long s) is an "s" and "K" (Kelvin) a "k"; str.lower keeps the long s.
    text = "Title\n\nCritics ſay it is ſaid. Critics say 5 \u212a is cold.\n"
    assert [s[2] for s in spans([rule], text)] == ["Critics ſay", "it is ſaid", "Critics say"]
    # "İ" lower-cases to two characters: the article is read by the pattern that ignores case.
    text = "Title\n\nİstanbul critics said it is said.\n"
    assert [s[2] for s in spans([rule], text)] == ["critics said", "it is said"]


def test_a_token_with_a_capital_keeps_the_pattern_that_ignores_case(tmp_path):
    (rule,) = house_rules(tmp_path, Vague=VAGUE.replace("'it is (?:widely )?said'", r"'It\S*'"))
    assert rule.lower_regex is None
    assert [s[2] for s in spans([rule], "Title\n\nCritics say its fine.\n")] == ["Critics say", "its"]


def test_the_word_before_is_found_backwards_as_forwards():
    forwards = _PREV.pattern
    import regex

    plain = regex.compile(forwards)
    text = "Mr O’Neill’s well-known hi campaign — the hi 3 hi x-ray hi émigré hi  hi"
    for start in range(1, len(text) + 1):
        a = plain.search(text, max(0, start - 40), start)
        b = _PREV.search(text, max(0, start - 40), start)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1))), start


GLUED_CASES = [
    # Every seam kind, in plain ASCII copy, with a pound sign, with curly quotes, and glued after them.
    "Title\n\nNobody saw it coming.The next day, the mayor resigned.\n",
    "Title\n\nPrices rose 5%.Shares fell in 2017Trump said, and the worldTrump watched.\n",
    "Title\n\nThe deal was worth £1,300.The board met on 12/7/1941.They agreed, reports:The vote was close.\n",
    "Title\n\n“We won,” she said.“Now we govern.”He smiled.“Yes!”After that, it rained?!Nobody cared.\n",
    "Title\n\nIt cost £22million.(The rest) came later, said the FBI.NEW YORK — officials (AP)Officials said.\n",
    "Title\n\nThe U.S. economy grew 3.5 percent, e.g. in Ph.D. programs at Amazon.com, iPhone and McCain.\n",
    "Title\n\nThe crowd cheered.Featured image via Getty Images\n",
    # Letters beyond ASCII: every article is scanned by the patterns themselves.
    "Title\n\nThe café closed.The owner, Müller, left in 2019Zürich said.\n",
]


def findings_of(rule_id: str, texts: list[str]) -> list[list[tuple]]:
    rules = [r for r in lintnews.load_rules() if r.id == rule_id]
    return [[(f.start, f.end, f.message) for f in lintnews.linter(rules=rules).check(t).findings] for t in texts]


def test_glued_words_finds_the_same_seams_with_or_without_the_plain_text_prefilter(monkeypatch):
    from lintnews.rules import wordlist

    got = findings_of("News.GluedWords", GLUED_CASES)
    assert sum(map(len, got)) >= 12
    assert got[5] == []  # abbreviations, decimals, domains and names are no seams
    monkeypatch.setattr(wordlist, "_NOT_PLAIN", wordlist.re.compile(r"[\s\S]"))  # no article is plain
    assert findings_of("News.GluedWords", GLUED_CASES) == got


DOUBLED_CASES = [
    "The the troops were there (to to keep) a lid on tensions.\n",
    "They lost most of\nof their land, and what he had had was enough.\n",
    "He said, said the minister, that the \u00a0the vote was close; THE the count went on.\n",
    "No word here is doubled: that. That is all, 2 2 and x-x and co-co are not pairs.\n",
    "Prices rose 5% 5% in May. The £5 5 notes stayed; “the” the end.\n",
]


def test_doubled_word_finds_the_same_pairs_with_or_without_the_equal_runs_shortcut(monkeypatch):
    from lintnews.rules.kinds import repetition

    got = findings_of("News.DoubledWord", DOUBLED_CASES)
    assert sum(map(len, got)) >= 4 and got[3] == []
    assert not repetition._equal_neighbours(DOUBLED_CASES[3].lower().replace("2 2", "2 3"))
    monkeypatch.setattr(repetition, "_equal_neighbours", lambda lower: True)  # always ask the probe
    assert findings_of("News.DoubledWord", DOUBLED_CASES) == got
