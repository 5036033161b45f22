"""News.ParagraphStart: a paragraph that lost its capital."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.ParagraphStart"
RULES, found, fixed = probe(RULE, applicability=True)


@pytest.mark.parametrize("text, flagged, line, applicability", [
    ("The US forces are invaders\n\nlast week, a few hundred marines were deployed to Syria.\n", "last", 3, "safe"),
    ("Marines\n\nThe troops arrived on Monday.\n\nlast week, a few hundred marines were deployed to Syria.\n",
     "last", 5, "safe"),
    ("Election results\n\nthe ruling party won a majority in the vote on Sunday.\n", "the", 3, "safe"),
    ("Vote\n\nThe election was held on Sunday.\n\nthe ruling party won a majority, officials said.\n",
     "the", 5, "safe"),
    # A verb first means a lost name: the fix is unsafe.
    ("Cabinet\n\nThe minister resigned.\n\nwas delighted to see the new minister take office this week.\n",
     "was", 5, "unsafe"),
    ("Cabinet\n\nThe minister resigned.\n\nannounced his resignation from the cabinet on Tuesday.\n",
     "announced", 5, "unsafe"),
])
def test_flags_lower_case_paragraph_start(text, flagged, line, applicability):
    assert found(text) == [(RULE, flagged, line, 1, line, 1 + len(flagged), applicability)]


@pytest.mark.parametrize("text", [
    "Apple\n\nApple said sales rose.\n\niPhone sales rose 5% in the quarter, the company said.\n",
    "Auction\n\nThe auction closed.\n\neBay said the auction site had more users than ever before.\n",
    "Mayor\n\nThe mayor spoke.\n\nde Blasio said the city would hire more police officers.\n",
    "Syria\n\nThe minister resigned.\n\nal-Assad said the minister resigned on Tuesday.\n",
    "Web\n\nThe minister resigned.\n\nwww.example.com said the minister resigned on Tuesday.\n",
    # A sentence left unfinished by the paragraph before.
    "Plan\n\nThe plan, which was first proposed in a long and detailed report by the Pentagon and\n\n"
    "which the White House has not yet approved, was leaked.\n",
    # Short lines (credits, list items) are not checked.
    "Cabinet\n\nThe minister resigned.\n\nmore to come\n",
    # A run of lower-case paragraphs is a style, not a slip.
    "Poem\n\nthe ruling party won a majority.\n\nthe opposition lost seats in the vote.\n\n"
    "the turnout was low in the vote.\n",
    # A quotation opens the paragraph: the speaker's words are not touched.
    "Cabinet\n\nThe minister resigned.\n\n“the end is near,” the minister said on Tuesday.\n",
    # The headline itself is never checked.
    "iphone sales slump\n\nApple said sales fell in the quarter, its first drop in years.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The US forces are invaders\n\nlast week, a few hundred marines were deployed to Syria.\n",
     "The US forces are invaders\n\nLast week, a few hundred marines were deployed to Syria.\n"),
    # Only the first letter of the paragraph changes: later lower-case words and quotes stay.
    ("Cabinet\n\nThe minister resigned.\n\nthe minister said “we are done here” on Tuesday.\n",
     "Cabinet\n\nThe minister resigned.\n\nThe minister said “we are done here” on Tuesday.\n"),
])
def test_safe_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []


def test_unsafe_fix_only_when_asked():
    text = "Cabinet\n\nThe minister resigned.\n\nwas delighted to see the new minister take office this week.\n"
    assert fixed(text) == text
    expected = "Cabinet\n\nThe minister resigned.\n\nWas delighted to see the new minister take office this week.\n"
    assert fixed(text, unsafe=True) == expected
    assert fixed(expected, unsafe=True) == expected


@pytest.mark.parametrize("start, applicability", [
    ("last week, a few hundred marines were deployed to the region.", "safe"),
    ("in May of that year the bank ran short of cash and sold assets.", "safe"),
    ("of the issue gear up for the elections in the autumn, officials said.", "unsafe"),
    ("espite the turmoil the party held on to its seat in the county.", "unsafe"),
])
def test_fix_is_safe_only_after_a_common_opener(start, applicability):
    text = f"Heading for it\n\nThe troops arrived on Monday.\n\n{start}\n"
    (f,) = lintnews.check_text(text, select=["News.ParagraphStart"])
    assert f.fix.applicability.value == applicability
