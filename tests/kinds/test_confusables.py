"""News.Confusables and the confusion kind: real words in the wrong place, judged by bigram counts."""

import pytest

import lintnews
from lintnews.rules.registry import registry
from ruleprobe import probe

RULE = "News.Confusables"
RULES, found, fixed = probe(RULE)


def hi_rule():
    spec = {"extends": "confusion", "message": "Use '%s' instead of '%s': '%s' is %sx likelier than '%s'.",
            "sets": {"hi": ["hi", "his"]}, "min-ratio": 40, "safe-ratio": 500}
    return [registry()["confusion"]("Test.Hi", spec, "test")]


def test_hi_elections_falls_out_of_the_general_mechanism():
    text = "Campaign\n\nSince the first days of hi elections campaign, the president has said little.\n"
    (f,) = lintnews.check_text(text, rules=hi_rule())
    assert (f.text, f.line, f.column) == ("hi", 3, 25)
    assert f.message == "Use 'his' instead of 'hi': 'of his' is 688x likelier than 'of hi'."
    assert f.fix.applicability.value == "safe"
    assert lintnews.fix_text(text, rules=hi_rule()).text.count("of his elections") == 1


@pytest.mark.parametrize("text", [
    "Crowd\n\nHe stopped to say hi to the crowd.\n",
    "Crowd\n\n\"Hi, everyone,\" she said.\n",
    "Crowd\n\nHi, everyone, she said.\n",
    "Industry\n\nThe hi-tech industry grew.\n",
    "Crowd\n\nHe said “hi elections were rigged” and left.\n",
])
def test_hi_not_flagged(text):
    assert lintnews.check_text(text, rules=hi_rule()) == []


@pytest.mark.parametrize("text, word, good", [
    ("Budget\n\nThe company wants to focus on it's own shareholders.\n", "it's", "its"),
    ("Budget\n\nOfficials said they're are no plans to cut taxes.\n", "they're", "there"),
])
def test_flags(text, word, good):
    (f,) = lintnews.check_text(text, rules=RULES)
    assert f.text == word
    assert f.message.startswith(f"Use '{good}' instead of '{word}': '")
    assert "x likelier than" in f.message


def test_fix_safe_only_when_overwhelming():
    (own,) = lintnews.check_text("Budget\n\nThe firm will focus on it's own staff.\n", rules=RULES)
    assert own.fix.applicability.value == "safe"
    (are,) = lintnews.check_text("Budget\n\nOfficials said they're are no plans.\n", rules=RULES)
    assert are.fix.applicability.value == "unsafe"
    assert fixed("Budget\n\nOfficials said they're are no plans.\n", unsafe=True) == \
        "Budget\n\nOfficials said there are no plans.\n"
    assert fixed("Budget\n\nThe firm will focus on it’s own staff.\n") == "Budget\n\nThe firm will focus on its own staff.\n"


@pytest.mark.parametrize("text", [
    "Budget\n\nThe company said its own staff would be paid more than the contractors.\n",
    "Budget\n\nIt's been a long year, and then the vote came.\n",
    "Budget\n\nThey said their plans were ready and there was no delay.\n",
    "Budget\n\nShe will cite the site of the crash as a sight to remember.\n",
    "Budget\n\nThe principal said the principle was sound.\n",
    "Budget\n\nHe said \"they're are no plans\" and left.\n",
    "Budget\n\nIts own staff said so.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


def test_bad_sets_are_errors():
    with pytest.raises(lintnews.errors.RuleError if hasattr(lintnews, "errors") else Exception):
        registry()["confusion"]("Test.Bad", {"extends": "confusion", "message": "x", "sets": {"a": ["a"]}}, "t")
    with pytest.raises(Exception, match="expand"):
        registry()["confusion"]("Test.Bad", {"extends": "confusion", "message": "x",
                                             "sets": {"a": ["we're", "were"]}}, "t")


@pytest.mark.parametrize("text", [
    "Pope\n\nHe met protesters during his visit there last month.\n",
    "Summit\n\nThe leaders will meet there next week.\n",
])
def test_there_before_a_time_phrase_not_flagged(text):
    assert found(text) == []
