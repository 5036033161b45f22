"""'hi' for 'his' ("hi elections"), found by News.Confusables' general mechanism.

No rule per phrase: the hi/his set is scored by bigram counts like every
other confusion set, so a greeting ("say hi to") is never taken for a lost
"s". The price is recall: "lost hi seat" is not caught, because "lost his"
and "his seat" are not frequent enough in the bigram list to be evidence.
"""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.Confusables"
RULES, found, fixed = probe(RULE)


def test_flags_hi_for_his_with_evidence():
    text = "Campaign\n\nSince the first days of hi elections campaign, the president has said little.\n"
    assert found(text) == [(RULE, "hi", 3, 25, 3, 27)]
    (f,) = lintnews.check_text(text, rules=RULES)
    assert f.message == "Use 'his' instead of 'hi': 'of his' is 688x likelier than 'of hi'."
    assert f.fix.applicability.value == "safe" and [e.content for e in f.fix.edits] == ["his"]


def test_weak_evidence_is_not_reported():
    # "lost his seat" is right, but the bigram list cannot tell: precision first.
    assert found("Seat\n\nThe minister lost hi seat.\n") == []


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


def test_fix_leaves_quotations_and_greetings():
    text = ("Campaign\n\nSince the first days of hi elections campaign, he said “hi elections” were near. "
            "Say hi to them, he added.\n")
    expected = ("Campaign\n\nSince the first days of his elections campaign, he said “hi elections” were near. "
                "Say hi to them, he added.\n")
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []
