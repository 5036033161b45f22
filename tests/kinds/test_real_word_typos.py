"""News.RealWordTypos: "hi elections" for "his elections"."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.RealWordTypos"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, line, column", [
    ("Campaign\n\nSince the first days of hi elections campaign, the president has said little.\n", 3, 25),
    ("Resignation\n\nThe minister lost hi seat in the June election.\n", 3, 19),
    ("Resignation\n\nThe minister resigned on Monday.\nHe thanked hi staff in a short statement.\n", 4, 12),
])
def test_flags_hi_for_his(text, line, column):
    assert found(text) == [(RULE, "hi", line, column, line, column + 2)]


def test_message_names_both_words():
    (f,) = lintnews.check_text("Seat\n\nThe minister lost hi seat.\n", rules=RULES)
    assert f.message == "Use 'his' instead of 'hi': a real word in the wrong place."


@pytest.mark.parametrize("text", [
    "Crowd\n\nHe stopped to say hi to the crowd outside the court.\n",
    "Crowd\n\nThe senator waved hi to reporters as he left.\n",
    "Crowd\n\nHe came to say hi after the meeting, aides said.\n",
    "Crowd\n\nSay hi to your mother, he told his son.\n",
    "Crowd\n\nHe just said hi and left the building.\n",
    "Crowd\n\nShe said hi there to the press and went inside.\n",
    "Crowd\n\nHe said hi guys to the crowd and then hi folks.\n",
    '"Hi, everyone," she said as the session opened.\n',
    'Crowd\n\n"Hi, everyone," she said as the session opened.\n',
    "Industry\n\nThe hi-tech industry grew 4 percent last year.\n",
    "Industry\n\nThe hi-fi market and Hi-Tech Ltd both grew.\n",
    "Crowd\n\nHe gave a quick hi to the staff.\n",
    "Crowd\n\nThe HI team in Honolulu said so.\n",
    "Crowd\n\nHe left without so much as a hi.\n",
    # Quotations are never changed, even where "hi" is a lost "s".
    "Crowd\n\nHe said “hi elections were rigged” and left.\n",
    'Crowd\n\nHe said "I saw hi brother" and left.\n',
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Campaign\n\nSince the first days of hi elections campaign, the president has said little.\n",
     "Campaign\n\nSince the first days of his elections campaign, the president has said little.\n"),
    ("Seat\n\nThe minister lost hi seat. He said “hi voters” were wrong. Say hi to them, he added.\n",
     "Seat\n\nThe minister lost his seat. He said “hi voters” were wrong. Say hi to them, he added.\n"),
])
def test_fix(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []


def test_fix_is_safe():
    (f,) = lintnews.check_text("Seat\n\nThe minister lost hi seat.\n", rules=RULES)
    assert f.fix.applicability.value == "safe"
    assert [e.content for e in f.fix.edits] == ["his"]


def test_hi_after_and_is_flagged():
    text = "Family\n\nThe minister thanked hi staff and hi family.\n"
    assert [c for _, _, _, c, _, _ in found(text)] == [22, 35]
