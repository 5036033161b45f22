"""News.Spelling: words no dictionary knows, with ranked suggestions."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.Spelling"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, word", [
    ("Budget\n\nThe new legisation was passed on Tuesday.\n", "legisation"),
    ("Budget\n\nThe goverment said the plan would cost more.\n", "goverment"),
    ("Budget\n\nShe was resonsible for the cuts.\n", "resonsible"),
    ("Budget\n\nThe adminstration has made a major effort.\n", "adminstration"),
])
def test_flags_misspellings(text, word):
    assert [f[1] for f in found(text)] == [word]


@pytest.mark.parametrize("text", [
    # British and American spellings alike
    "Budget\n\nThe organisation and the organization liked the colour and the color.\n",
    "Budget\n\nThe programme was criticised by the defence minister at the theatre centre.\n",
    # names, acronyms, words with digits
    "Budget\n\nThe minister, Ms Kowalczyk, met Mr Brzezinski and the NATO envoy on the A400M.\n",
    # a lower-case word that appears capitalised elsewhere in the article
    "Budget\n\nKowalczyk spoke first. Later kowalczyk spoke again.\n",
    # URLs, e-mail addresses, handles, hashtags
    "Budget\n\nRead it at www.exampel.org/legisation or mail legisation@exampel.org.\n",
    "Budget\n\nShe wrote to @legisation under #goverment tags.\n",
    # quotations are left alone
    "Budget\n\nHe said: \"the legisation is a disgrace\" and left.\n",
    "Budget\n\nHe said the “goverment plan” was a disgrace.\n",
    # hyphenated parts, derived forms of known words, short words
    "Budget\n\nThe hi-tech rebanding and demerged units were financings for smallish firms.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


def test_fix_and_message():
    text = "Budget\n\nThe new legisation was passed.\n"
    (f,) = lintnews.check_text(text, rules=RULES)
    assert f.message == "'legisation' is not in the dictionary: did you mean 'legislation'?"
    # One clear suggestion, a letter left out: safe.
    assert f.fix.applicability.value == "safe"
    assert fixed(text) == "Budget\n\nThe new legislation was passed.\n"


@pytest.mark.parametrize("text, word, applicability", [
    ("Vote\n\nThe presdient called the vote on Monday.\n", "presdient", "safe"),  # swapped
    ("Verse\n\nHe raised brasen walls against the whole land.\n", "brasen", "unsafe"),  # changed letter
    ("Faith\n\nThe order will perdure until the end of time.\n", "perdure", "unsafe"),
])
def test_only_finger_typos_are_safe(text, word, applicability):
    found_now = [f for f in lintnews.check_text(text, rules=RULES) if f.text == word]
    assert [f.fix.applicability.value for f in found_now] == [applicability]


def test_several_close_suggestions_are_only_shown():
    (f,) = lintnews.check_text("Music\n\nThe vibraphone beloned to a jazz player.\n", rules=RULES)
    assert "'beloved' or 'belonged'" in f.message
    assert f.fix.applicability.value == "display"
    assert fixed("Music\n\nThe vibraphone beloned to a jazz player.\n", unsafe=True).count("beloned") == 1



@pytest.mark.parametrize("text", [
    # A contraction whose apostrophe a scraper dropped: News.StrippedApostrophe reports it.
    "Budget\n\nThe minister couldn t say when the plan would pass, and he wouldn t guess.\n",
    # A passage in another language.
    "Rome\n\nThe old plaque reads ab universali mandato conscientia, the guide said.\n",
    # A term quoted as a term.
    "Search\n\nSearches for ‘como votar,’ rose sharply in Texas.\n",
    # Rare but real inflections of listed words.
    "Verdict\n\nThe verdict scandalizes many voters, and the scale stupefies the rest.\n",
    "Claim\n\nThe report says the figures are unassailably correct.\n",
    # Coinages and real words whose first or last letter differs from the suggestion.
    "Senate\n\nWho knows what kind of nuttery will follow in the chamber.\n",
    "Critics\n\nThe columnist called the tycoon a vulgarian on air.\n",
    # A British spelling variant with one 'l', and two common words run together.
    "Health\n\nFewer enrolees signed up this year.\n",
    "Talks\n\nAfter a dayslong standoff, talks resumed on Friday.\n",
    # Editorial brackets and censored words.
    "Blog\n\nHe wrote: [H]opefully the inquiry ends soon.\n",
])
def test_context_and_word_shape_not_flagged(text):
    assert found(text) == []


@pytest.mark.parametrize("text, word", [
    ("Race\n\nRecovering from a mistep, the senator pressed on.\n", "mistep"),
    ("Poll\n\nThe mosque atttended by the two men was closed.\n", "atttended"),
])
def test_still_flags_inner_typos(text, word):
    assert [f[1] for f in found(text)] == [word]
