"""The repetition kind's grammar keys (lintnews/rules/repeat_grammar.py) in a rule of a user's own: each is
off unless the rule sets it, so a rule written before them reads as it did."""

from __future__ import annotations

import pytest

from lintnews import check_text, load_rules
from lintnews.rules.repeat_grammar import written_undoubled

RULE = """\
extends: repetition
message: "'%s' is doubled."
level: warning
same-part-of-speech: true
allowed-pairs: ["RP IN", "RB IN", "VBD VB", "VBD VBN", "IN DT"]
"""


def _found(tmp_path, text, extra=""):
    style = tmp_path / "Desk"
    style.mkdir(exist_ok=True)
    (style / "Doubled.yml").write_text(RULE + extra, encoding="utf-8")
    rules = load_rules(styles=[str(tmp_path)], select=["Desk.Doubled"])
    return [f.text for f in check_text(text, rules=rules)]


@pytest.mark.parametrize("key, text, before, after", [
    ("particles", "The council relied on on the report. The Soviets came in in 1979.", [], ["on on"]),
    ("auxiliaries", "The ball fell fell to Hartson. She had had enough.", [], ["fell fell"]),
    ("determiners", "Now that that relations have improved, he said that that vote counts.", [], ["that that"]),
])
def test_each_key_is_off_until_the_rule_sets_it(tmp_path, key, text, before, after):
    assert _found(tmp_path, f"Desk\n\n{text}\n") == before
    assert _found(tmp_path, f"Desk\n\n{text}\n", f"{key}: true\n") == after


def test_clause_words_are_read_by_the_tagger(tmp_path):
    text = "Desk\n\nWhat the problem is is that nobody listens. Libya is is one of six.\n"
    assert _found(tmp_path, text) == ["is is", "is is"]
    assert _found(tmp_path, text, "clause-words: [is]\n") == ["is is"]


def test_sentence_start_needs_a_common_word_never_capitalised_mid_sentence(tmp_path):
    keys = "sentence-start: true\nnames-zipf: 4.0\n"
    assert _found(tmp_path, "Desk\n\nFire fire crews were called.\n") == []
    assert _found(tmp_path, "Desk\n\nFire fire crews were called.\n", keys) == ["Fire fire"]
    text = "Desk\n\nThe Fire Brigades Union struck.\nFire fire crews were called.\n"
    assert _found(tmp_path, text, keys) == []


@pytest.mark.parametrize("text, pair, slip", [
    ("Unlike the Oscars, the Golden Globes Globes split awards. The Golden Globes are next.", "Globes Globes", True),
    ("The award was judged by Claire Claire Armistead. Claire Armistead said so.", "Claire Claire", True),
    ("Actress Zsa Zsa Gabor died. Gabor was 99.", "Zsa Zsa", False),
    ("Assassin Sirhan Sirhan, 77, was denied parole. Sirhan was 24 in 1968.", "Sirhan Sirhan", False),
    ("In May May said so. In May the vote was held.", "May May", False),  # "In" opens the sentence
])
def test_a_name_written_undoubled_elsewhere(text, pair, slip):
    start = text.index(pair)
    assert written_undoubled(text, start, start + len(pair)) is slip
