"""News.InvisibleCharacters: zero-width spaces, soft hyphens, stray BOMs."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.InvisibleCharacters"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged, line, column, name", [
    ("Pentagon\n\nThe Pentagon\u200b said so.\n", "\u200b", 3, 13, "zero-width space"),
    ("Talks\n\nA long con\u00adversation ended.\n", "\u00ad", 3, 11, "soft hyphen"),
    ("\ufeffPentagon\n\nThe Pentagon said so.\n", "\ufeff", 1, 1, "byte-order mark"),
    ("Pentagon\n\nThe Penta\u2060gon said so.\n", "\u2060", 3, 10, "word joiner"),
])
def test_flags_invisible_character(text, flagged, line, column, name):
    findings = lintnews.check_text(text, rules=RULES)
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged))]
    assert findings[0].message == f"An invisible character ({name}) in the text."


@pytest.mark.parametrize("text", [
    "Pentagon\n\nThe Pentagon said so; the café and the naïve coöperation stayed.\n",
    "Pentagon\n\nThe Pentagon said so \U0001f642 on Monday.\n",
    "Pentagon\n\nThe well-known Pentagon spokesman said so.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Pentagon\n\nThe Pentagon\u200b said so.\n", "Pentagon\n\nThe Pentagon said so.\n"),
    ("Talks\n\nA long con\u00adversation.\n", "Talks\n\nA long conversation.\n"),
    ("\ufeffPentagon\n\nThe Pentagon said so.\n", "Pentagon\n\nThe Pentagon said so.\n"),
    # Inside quotations too: only the invisible character goes.
    ("Pentagon\n\nThe Penta\u2060gon said “so\u200b\u200b”.\n", "Pentagon\n\nThe Pentagon said “so”.\n"),
])
def test_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []
