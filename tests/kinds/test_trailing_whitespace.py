"""News.TrailingWhitespace: spaces or tabs at the end of a line."""

import pytest

from ruleprobe import probe

RULE = "News.TrailingWhitespace"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged, line, column", [
    ("Troops\n\nThe troops left.  \nThey did not return.\n", "  ", 3, 17),
    ("Troops \n\nThe troops left.\n", " ", 1, 7),
    ("Troops\n\nThe troops left.\t\n", "\t", 3, 17),
    ("Troops\n\nThe troops left.   ", "   ", 3, 17),
    ("Troops\r\n\r\nThe troops left.  \r\nThey did not return.\r\n", "  ", 3, 17),
])
def test_flags_trailing_whitespace(text, flagged, line, column):
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged))]


@pytest.mark.parametrize("text", [
    "Troops\n\nThe troops left.\nThey did not return.\n",
    "Troops\r\n\r\nThe troops left.\r\n",
    "Troops\n\nThe troops  left.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Troops\n\nThe troops left.  \nThey did not return.\n", "Troops\n\nThe troops left.\nThey did not return.\n"),
    ("Troops \n\nThe troops left.\t\n\nThey did not return. \n",
     "Troops\n\nThe troops left.\n\nThey did not return.\n"),
    ("Troops\r\n\r\nThe troops left.  \r\nThey did not return.\r\n",
     "Troops\r\n\r\nThe troops left.\r\nThey did not return.\r\n"),
    ("Troops\n\nHe said “we will win.”  \n", "Troops\n\nHe said “we will win.”\n"),
])
def test_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []
