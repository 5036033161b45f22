"""News.DoubledWord skips its back-reference scan in an ASCII article where a quicker scan with the
standard library's engine finds no word twice in a row (lintnews/rules/kinds/repetition.py)."""

from __future__ import annotations

from lintnews import check_text, load_rules
from lintnews.rules.kinds import repetition

ARTICLE = """\
WASHINGTON (Reuters) - The the Senate voted 52-48 on Tuesday. She had had enough, an aide said,
and said that that was the end of it. The bill now goes to the
the House, where Speaker Mike Johnson said it would be taken up in in due course.
"""


def doubled_word():
    return next(r for r in load_rules() if r.id == "News.DoubledWord")


def test_the_probe_finds_a_pair_wherever_the_scan_does():
    rule = doubled_word()
    assert rule.ascii_probe is not None and ARTICLE.isascii()
    for m in rule.regex.finditer(ARTICLE):
        assert rule.ascii_probe.search(ARTICLE, m.start()) is not None
    assert rule.ascii_probe.search("The Senate voted on Tuesday, then the House.") is None


def test_doubled_words_are_reported_with_and_without_the_probe():
    found = sorted((f.line, f.text) for f in check_text(ARTICLE) if f.rule_id == "News.DoubledWord")
    assert found == [(1, "The the"), (2, "the\nthe"), (3, "in in")]


def test_only_white_space_between_uses_the_probe():
    assert repetition._BLANK_BETWEEN.fullmatch(r"[ \t]+|[ \t]*\r?\n[ \t]*")
    assert repetition._BLANK_BETWEEN.fullmatch(r"\s+")
    for between in (r"[tr]", r"\s+\w+\s+", r", ", r"[^a]"):  # letters or anything else between: no probe
        assert not repetition._BLANK_BETWEEN.fullmatch(between)
