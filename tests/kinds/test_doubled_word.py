"""News.DoubledWord: the same word twice in a row ("the the")."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.DoubledWord"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged, line, column", [
    ("Troops deployed\n\nThe the troops were sent to keep a lid on tensions in the area.\n", "The the", 3, 1),
    ("Farmers protest\n\nThey lost most of of their land to the new motorway.\n", "of of", 3, 16),
    ("Vote delayed\n\nThe election commission said the vote was was postponed until June.\n", "was was", 3, 39),
    ("Talks\n\nHe he said the talks would resume in Geneva next week.\n", "He he", 3, 1),
    ("Quake\n\nRescuers worked through the night.\nA big big aftershock hit the coast on Tuesday.\n", "big big", 4, 3),
    ("Budget\n\nThe finance minister, speaking to to reporters, defended the budget.\n", "to to", 3, 32),
])
def test_flags_doubled_word(text, flagged, line, column):
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged))]


def test_flags_each_doubled_word_in_a_sentence():
    text = "Poll\n\nOfficials said the the vote would be held on Sunday, and and that results would follow.\n"
    assert [(t, c) for _, t, _, c, _, _ in found(text)] == [("the the", 16), ("and and", 54)]


@pytest.mark.parametrize("text", [
    "Enough\n\nWhat he had had was enough for the court, the judge said.\n",
    "Wrong\n\nThe minister said that that was wrong and would not happen again.\n",
    "Trip\n\nThe troops left Walla Walla today for a base in Texas.\n",
    "Concert\n\nThe band Duran Duran played in Paris on Friday night.\n",
    "Afghanistan\n\nThe Soviets came in in 1979 and left a decade later.\n",
    "Afghanistan\n\nThey came in in force and were soon bogged down.\n",
    "Vote\n\nThe vote was held on Sunday. Sunday was a holiday for most workers.\n",
    "Vote\n\nThe vote was held on Sunday, the day after the storm.\n",
    "Lottery\n\nThe tabloids called it Spend Spend Spend, after her famous line.\n",
    # Inside quotations the reporter's copy is the speaker's words: left alone.
    "Quote\n\nHe shouted “the the vote was rigged,” and left the hall.\n",
    'Quote\n\nHe shouted "the the vote was rigged," and left the hall.\n',
    # Possessives and hyphenated compounds are not doubled words.
    "Rebels\n\nThe rebels' rebels said no to the ceasefire.\n",
    "Tv\n\nThe so-so ratings worried the network.\n",
    "Markets\n\nShares fell 5 5 percent, a typo in numbers is another rule's business.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


def test_title_is_out_of_scope():
    assert found("Bye Bye Britain the the end\n\nThe vote was held on Sunday.\n") == []


@pytest.mark.parametrize("text, expected", [
    ("Troops\n\nThen the the troops were there to keep a lid on tensions in the area.\n",
     "Troops\n\nThen the troops were there to keep a lid on tensions in the area.\n"),
    ("Land\n\nThey lost most of of their land.\n", "Land\n\nThey lost most of their land.\n"),
    ("Poll\n\nOfficials said the the vote would be held on Sunday, and and that results would follow.\n",
     "Poll\n\nOfficials said the vote would be held on Sunday, and that results would follow.\n"),
    # The quotation keeps its doubled word; the narrative's is fixed.
    ("Poll\n\nHe said “the the vote was rigged” and and left.\n",
     "Poll\n\nHe said “the the vote was rigged” and left.\n"),
])
def test_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected  # a second pass changes nothing
    assert found(expected) == []


def test_capitalised_first_word_is_an_unsafe_fix():
    # "Wait wait", "For for this cause" (a verse): emphasis or quotation is possible.
    for text in ("Tweet\n\nWait wait, he said.\n", "Verse\n\nFor for this cause pay ye tribute.\n"):
        (f,) = lintnews.check_text(text, rules=RULES)
        assert f.fix.applicability.value == "unsafe"
    assert fixed("Tweet\n\nWait wait, he said.\n") == "Tweet\n\nWait wait, he said.\n"
    assert fixed("Tweet\n\nWait wait, he said.\n", unsafe=True) == "Tweet\n\nWait, he said.\n"
    # A doubled article is a slip, whatever its case: safe.
    (f,) = lintnews.check_text("Troops\n\nThe the troops left.\n", rules=RULES)
    assert f.fix.applicability.value == "safe"


def test_fix_is_safe():
    (finding,) = lintnews.check_text("Land\n\nThey lost most of of their land.\n", rules=RULES)
    assert finding.fix.applicability.value == "safe"
    assert [(e.start, e.end, e.content) for e in finding.fix.edits] == [(23, 26, "")]


def test_doubled_word_across_line_break():
    assert found("Vote\n\nThe vote was held in the\nthe capital on Sunday.\n") == [
        (RULE, "the\nthe", 3, 22, 4, 4)]


@pytest.mark.parametrize("text", [
    # A pronoun that ends one clause and starts the next.
    "Debate\n\nIf the minister admitted it it would force a vote in parliament.\n",
    "Advice\n\nThe people who resent you you will have to win over first.\n",
    # Words YAML would read as true or false must still be exceptions.
    "Golf\n\nDriving a cart onto the green is a big no no for members.\n",
    "Strike\n\nThe strike dragged on on Tuesday as talks stalled.\n",
])
def test_clause_boundaries_and_idioms_not_flagged(text):
    assert found(text) == []
