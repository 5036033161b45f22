"""News.Mojibake: mis-decoded text and HTML entities, repaired with ftfy."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.Mojibake"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("bad, good", [
    ("donâ€™t", "don’t"),
    ("communiquÃ©", "communiqué"),
    ("GuantÃ¡namo", "Guantánamo"),
    ("AT&amp;T", "AT&T"),
    ("it&#8217;s", "it’s"),
    ("&#163;8m", "£8m"),
    ("â€œyesâ€\x9d", "“yes”"),
    ("Â£5", "£5"),
    # NFKD left a space and a combining mark of "¨": still repaired.
    ("SÃ©golÃ \u0308ne", "Ségolène"),
])
def test_fixes_to_intended_characters(bad, good):
    text = f"Talks\n\nThe minister cited {bad} on Monday.\n"
    assert found(text)
    assert fixed(text) == f"Talks\n\nThe minister cited {good} on Monday.\n"
    assert found(fixed(text)) == []


def test_edit_covers_only_what_changed():
    text = "Talks\n\nHe signed the communiqu&#233; on Monday.\n"
    assert found(text) == [(RULE, "&#233;", 3, 24, 3, 30)]


def test_nbsp_entity_becomes_no_break_space():
    assert fixed("Talks\n\nTen&nbsp;km away.\n") == "Talks\n\nTen\u00a0km away.\n"


@pytest.mark.parametrize("text", [
    "Talks\n\nThe café served a naïve résumé; CAFÉ’S sign was “new”.\n",
    "Talks\n\nAT&T, R&D; Q&A and Procter & Gamble; x&y;\n",
    "Talks\n\nDetails at https://example.com/?a=1&amp;b=2 today.\n",
    "Talks\n\nÀ la carte, Ángel and Ölund met.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


def test_repair_that_still_looks_damaged_is_display_only():
    (f,) = lintnews.check_text("Talks\n\nRights from America&#191;s league.\n", rules=RULES)
    assert f.fix.applicability.value == "display"
    assert fixed("Talks\n\nRights from America&#191;s league.\n", unsafe=True).count("&#191;") == 1
