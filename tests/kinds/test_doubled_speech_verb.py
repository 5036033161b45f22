"""News.DoubledSpeechVerb: "said Assad said"."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.DoubledSpeechVerb"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged, line, column", [
    ("Raqqa\n\n“Raqqa is going to be a priority for us,” said Assad said.\n", "said Assad said", 3, 43),
    ("Rally\n\n“We will win,” said President Donald Trump said.\n", "said President Donald Trump said", 3, 16),
    ("Syria\n\n“We will win,” said Bashar al Assad said, smiling.\n", "said Bashar al Assad said", 3, 16),
    ("Berlin\n\n“We will win,” says Merkel says.\n", "says Merkel says", 3, 16),
    ("Vote\n\n“No,” added Mr. Smith added.\n", "added Mr. Smith added", 3, 7),
    ("Vote\n\n“No,” said Ms Smith-Jones said.\n", "said Ms Smith-Jones said", 3, 7),
    ("Talks\n\nThe talks were over.\n\n“We are done,” told Reuters told.\n", "told Reuters told", 5, 16),
])
def test_flags_doubled_speech_verb(text, flagged, line, column):
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged))]


def test_finding_spans_a_line_break():
    assert found("Rally\n\n“We will win,” said Assad\nsaid.\n") == [(RULE, "said Assad\nsaid", 3, 16, 4, 5)]


@pytest.mark.parametrize("text", [
    "Raqqa\n\n“We will win,” Assad said.\n",
    "Raqqa\n\nHe said Trump said it first, and the White House did not deny it.\n",
    # Two sentences, each ending in "said": not a repeat.
    "Raqqa\n\nThat is what Assad said. He said more later.\n",
    "Raqqa\n\nThat is what Assad said. Said Assad said it later in the week.\n",
    "Raqqa\n\nThe minister said Merkel said so in private.\n",
    # Lower-case speaker: reported speech, not a name.
    "Raqqa\n\nThe aide said the minister said nothing.\n",
    # Different verbs around the name.
    "Raqqa\n\n“We will win,” said Assad, who told reporters.\n",
    "Raqqa\n\n“No,” said Assad. Asked again, Putin added.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Raqqa\n\n“Raqqa is going to be a priority for us,” said Assad said.\n",
     "Raqqa\n\n“Raqqa is going to be a priority for us,” Assad said.\n"),
    ("Rally\n\n“We will win,” said President Donald Trump said.\n",
     "Rally\n\n“We will win,” President Donald Trump said.\n"),
    ("Syria\n\n“We will win,” said Bashar al Assad said, smiling.\n",
     "Syria\n\n“We will win,” Bashar al Assad said, smiling.\n"),
    ("Vote\n\n“No,” added Mr. Smith added.\n", "Vote\n\n“No,” Mr. Smith added.\n"),
    # The quotation before the attribution is untouched.
    ("Rally\n\n“He said said it,” said Assad said.\n", "Rally\n\n“He said said it,” Assad said.\n"),
])
def test_fix_keeps_the_last_verb(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []


def test_fix_is_safe():
    (finding,) = lintnews.check_text("Rally\n\n“We will win,” said Assad said.\n", rules=RULES)
    assert finding.fix.applicability.value == "safe"


def test_reported_speech_followed_by_comma_is_not_doubled():
    text = "Kremlin\n\nA spokesman said Putin said, in effect, no to the plan.\n"
    assert found(text) == []
    assert fixed(text) == text
