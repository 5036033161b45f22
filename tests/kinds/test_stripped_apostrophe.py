"""News.StrippedApostrophe: "don t", "Trump s": an apostrophe lost as a space."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.StrippedApostrophe"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("flagged", [
    "don t", "doesn t", "didn t", "isn t", "can t", "won t", "couldn t", "wasn t", "aren t", "ain t",
    "it s", "he s", "that s", "there s", "let s", "we re", "they re", "you re", "they ve", "we ve",
    "I m", "I ve", "I ll", "I d", "we ll", "she ll", "you d", "Trump s", "senator s", "Obama s",
])
def test_flags_stripped_apostrophe(flagged):
    text = f"Budget\n\nCritics said {flagged} plan was odd.\n"
    assert found(text) == [(RULE, flagged, 3, 14, 3, 14 + len(flagged))]


@pytest.mark.parametrize("text", [
    "Budget\n\nItems a, b and s were on the list.\n",
    "Budget\n\nMr T and the A-Team were on TV in Las Vegas.\n",
    "Budget\n\nThe letter s is silent, and plural s too.\n",
    "Budget\n\nWorld War I ended; the Type I design was used.\n",
    "Budget\n\nThe U.S. s plan.\n",
    "Budget\n\nHe re-entered the race and will re-run the vote; the charge d’affaires left.\n",
    "Budget\n\nThe senator doesn't know, and it's Trump's plan.\n",
    "Budget\n\nRoute s-12 and file x.s were named.\n",
    "Budget\n\nDon T Jones and John S Smith met.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Budget\n\nThe senator doesn t know why the plan failed.\n",
     "Budget\n\nThe senator doesn't know why the plan failed.\n"),
    # The article's own curly apostrophes set the style.
    ("Budget\n\nThey’re sure it s the mayor s call, and I m too.\n",
     "Budget\n\nThey’re sure it’s the mayor’s call, and I’m too.\n"),
    # Inside a quotation too: only the apostrophe changes.
    ("Budget\n\n“We don t know,” she said.\n", "Budget\n\n“We don't know,” she said.\n"),
    ("Budget\n\nDON T stop. It s Trump s.\n", "Budget\n\nDON'T stop. It's Trump's.\n"),
])
def test_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []


def test_fixes_are_safe_and_message_names_the_form():
    fs = lintnews.check_text("Budget\n\nIt s Trump s plan.\n", rules=RULES)
    assert [f.fix.applicability.value for f in fs] == ["safe", "safe"]
    assert fs[1].message == "Write 'Trump's', not 'Trump s': the apostrophe was lost."
