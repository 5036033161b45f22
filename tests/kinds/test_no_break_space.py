"""News.NoBreakSpace: a no-break space between words."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.NoBreakSpace"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged, line, column", [
    ("Campaign\n\nSince the first days of his campaign,\u00a0 President Trump has said so.\n", "\u00a0", 3, 38),
    ("Islamic State\n\nHe vowed to fight ISIS\u00a0and its allies.\n", "\u00a0", 3, 23),
    ("Troops\n\nThe troops\u202fleft on Monday.\n", "\u202f", 3, 11),
    ("Troops\n\nThe troops\u00a0\u00a0left on Monday.\n", "\u00a0\u00a0", 3, 11),
    ("Troops\u00a0leave\n\nThe troops left on Monday.\n", "\u00a0", 1, 7),
])
def test_flags_no_break_space(text, flagged, line, column):
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged))]


def test_message_names_the_character():
    (f,) = lintnews.check_text("Troops\n\nThe troops\u202fleft.\n", rules=RULES)
    assert f.message == "A narrow no-break space in running text."


@pytest.mark.parametrize("text", [
    "March\n\nThe march covered 10\u00a0km.\n",
    "Fees\n\nThe fee was £\u00a05 and rose 5\u00a0%.\n",
    "Time\n\nThe vote closed at 8\u00a0p.m. on Sunday.\n",
    "Troops\n\nThe troops left on Monday.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Campaign\n\nSince the first days of his campaign,\u00a0 President Trump has said so.\n",
     "Campaign\n\nSince the first days of his campaign, President Trump has said so.\n"),
    ("Islamic State\n\nHe vowed to fight ISIS\u00a0and its allies.\n",
     "Islamic State\n\nHe vowed to fight ISIS and its allies.\n"),
    ("Troops\n\nThe troops left.\u00a0\n", "Troops\n\nThe troops left.\n"),
    # Spacing inside quotations is normalised too: the words are not changed.
    ("Rally\n\nHe said “we\u00a0will win” on Sunday, 10\u00a0km away.\n",
     "Rally\n\nHe said “we will win” on Sunday, 10\u00a0km away.\n"),
])
def test_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []
