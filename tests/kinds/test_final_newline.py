"""News.FinalNewline: a file that does not end with a newline."""

import pytest

from ruleprobe import probe

RULE = "News.FinalNewline"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, line, column", [
    ("The troops left.", 1, 17),
    ("Troops\n\nThe troops left.", 3, 17),
    ("Troops\r\n\r\nThe troops left.", 3, 17),
])
def test_flags_missing_final_newline(text, line, column):
    assert found(text) == [(RULE, "", line, column, line, column)]


@pytest.mark.parametrize("text", ["Troops\n\nThe troops left.\n", "Troops\r\n\r\nThe troops left.\r\n", "", "\n"])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The troops left.", "The troops left.\n"),
    ("Troops\n\nThe troops left.", "Troops\n\nThe troops left.\n"),
    ("Troops\r\n\r\nThe troops left.", "Troops\r\n\r\nThe troops left.\r\n"),
    ("Troops\n\nHe said “we will win.”", "Troops\n\nHe said “we will win.”\n"),
])
def test_fix_uses_the_file_line_ending(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []
