"""News.MultipleSpaces: runs of spaces between words."""

import pytest

from ruleprobe import probe

RULE = "News.MultipleSpaces"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged, line, column", [
    ("Troops\n\nThe troops were there  to keep a lid on tensions.\n", "  ", 3, 22),
    ("Troops\n\nThe troops    left, officials said.\n", "    ", 3, 11),
    ("Troops  leave\n\nThe troops left.\n", "  ", 1, 7),
    ("Troops\n\nThe troops left.\nThey did not  return.\n", "  ", 4, 13),
])
def test_flags_runs_of_spaces(text, flagged, line, column):
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged))]


@pytest.mark.parametrize("text", [
    "Troops\n\nThe troops left.  They did not return.\n",  # after a sentence end
    "Troops\n\nThe troops left:  all of them.\n",
    "Troops\n\n    The troops left.\n",                     # indentation
    "Troops\n\nThe troops left on Monday.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Troops\n\nThe troops were there  to keep a lid on tensions.\n",
     "Troops\n\nThe troops were there to keep a lid on tensions.\n"),
    ("Troops\n\nThe  troops    left, officials   said.\n", "Troops\n\nThe troops left, officials said.\n"),
    ("Rally\n\nHe said “we  will win” on Sunday.\n", "Rally\n\nHe said “we will win” on Sunday.\n"),
])
def test_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []
