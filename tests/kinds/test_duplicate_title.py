"""News.DuplicateTitle: the headline repeated as the first paragraph."""

import pytest

from ruleprobe import probe

RULE = "News.DuplicateTitle"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged", [
    ("Could Trump cooperate with Assad?\n\nCould Trump cooperate with Assad?\n\nAssad said he saw promise.\n",
     "Could Trump cooperate with Assad?"),
    # Case, punctuation and spacing are ignored.
    ("Could Trump cooperate with Assad?\n\ncould trump  cooperate with Assad\n\nAssad said he saw promise.\n",
     "could trump  cooperate with Assad"),
    ("Trump and Assad\n\nTrump, and Assad!\n\nMore text here.\n", "Trump, and Assad!"),
    ("EU leaders meet in Brussels\n\nEU LEADERS MEET IN BRUSSELS\n\nThe summit opened on Thursday.\n",
     "EU LEADERS MEET IN BRUSSELS"),
])
def test_flags_repeated_headline(text, flagged):
    assert found(text) == [(RULE, flagged, 3, 1, 3, 1 + len(flagged))]


@pytest.mark.parametrize("text", [
    "Could Trump cooperate with Assad?\n\nAssad said he saw promise in the US vow.\n",
    "Trump and Assad\n\nTrump and Assad met no one this week, officials said.\n",
    # Only the first body paragraph is compared.
    "Trump and Assad\n\nAssad said so.\n\nTrump and Assad\n",
    # A near-repeat with different words is a lede, not a copy.
    "Oil prices fall\n\nOil prices fall again\n\nBrent crude fell 2 percent.\n",
    # No title, no comparison.
    "Assad said he saw promise in the US vow.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Could Trump cooperate with Assad?\n\nCould Trump cooperate with Assad?\n\nAssad said he saw promise.\n",
     "Could Trump cooperate with Assad?\n\nAssad said he saw promise.\n"),
    ("Trump and Assad\n\nTrump and Assad\n", "Trump and Assad\n"),
    ("Could Trump cooperate with Assad?\r\n\r\nCould Trump cooperate with Assad?\r\n\r\nAssad said so.\r\n",
     "Could Trump cooperate with Assad?\r\n\r\nAssad said so.\r\n"),
    # The headline itself is kept, never the copy.
    ("Trump and Assad\n\nTRUMP AND ASSAD\n\nThey met.\n", "Trump and Assad\n\nThey met.\n"),
])
def test_fix_deletes_the_repeat(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []
