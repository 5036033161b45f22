"""Speed-only gates of the pattern kind: the same findings with them as without.

A hit that is a pattern's first token is dropped before its sentence is tokenized when the token after it
cannot pass the pattern's second token (``tokenizer.token_after``); prefilters sharing a head word and a
first lookaround test that lookaround once (``rules/pattern_scan.nested``)."""

from __future__ import annotations

import textwrap
from bisect import bisect_right

import lintnews
from lintnews.read.tokenizer import token_after, token_before, tokenize
from lintnews.rules.kinds import pattern as pattern_kind
from testkit import house_rules

SENTENCES = [
    "The U.S. envoy said it's “too early” to judge, and the ministers' aides (who declined) agreed.",
    "Shares fell 3.5% to $12.40bn at 10:30am on Friday, after the co-founder's exit... Analysts weren't sure.",
    "She left for the U.S.",
    "Officials cannot say - yet - whether there were 450,000 or 500,000 voters; gonna be close, one said!",
]


def test_token_after_and_before_are_the_neighbours_tokenize_gives():
    for sentence in SENTENCES:
        text = f"Before. {sentence} After."  # the stretch sits inside a longer text
        start, end = 8, 8 + len(sentence)
        tokens = [(start + a, start + b) for a, b in tokenize(text[start:end])]
        offsets = [a for a, _ in tokens]
        for at in range(start, end):
            if text[at].isspace():
                continue
            h = bisect_right(offsets, at) - 1
            want = text[tokens[h + 1][0]:tokens[h + 1][1]] if h + 1 < len(tokens) else None
            assert token_after(text, start, end, at) == want, (sentence, at)
            want = text[tokens[h - 1][0]:tokens[h - 1][1]] if h >= 1 else None
            assert token_before(text, start, end, at) == want, (sentence, at)


def rules_from(tmp_path, body):
    return house_rules(tmp_path, Rule="extends: pattern\nmessage: \"'%s': use {suggestion}.\"\n" + textwrap.dedent(body))


THERE = """
    patterns:
      - tokens:
          - {word: there, mark: true}
          - {pos: [NN, NNS], skip: 2, skip-over: {pos: [ADJ, NUM]}}
          - {pos: [VBD, VBZ, VBP]}
        suggest: their
"""
TEXT = ("Residents said there new homes were flooded. Officials went there. Was it there? "
        "Ministers said there two children were safe, and there were no arrests.\n")


def test_a_hit_whose_next_token_cannot_match_is_skipped_with_the_same_findings(tmp_path, monkeypatch):
    rules = rules_from(tmp_path / "a", THERE)
    assert rules[0].patterns[0].gates[1] is not None
    tried = []
    real = pattern_kind.Pattern._check_sentence
    monkeypatch.setattr(pattern_kind.Pattern, "_check_sentence",
                        lambda self, doc, sentence, hopeful: tried.append(sentence.start) or real(self, doc, sentence, hopeful))
    got = [(f.start, f.text) for f in lintnews.check_text(TEXT, rules=rules)]
    # "there new" (an adjective skipped) and "there two children" (a number skipped) are flagged
    assert [t for _, t in got] == ["there", "there"]
    assert [TEXT[a:a + 15] for a, _ in got] == ["there new homes", "there two child"]
    # "there." "there?" (no next word) and "there were" never get a sentence tokenized
    assert len(tried) == 2
    # without the gate, the same findings
    for p in rules[0].patterns:
        p.gates = None
    assert [(f.start, f.text) for f in lintnews.check_text(TEXT, rules=rules)] == got


# Three prefilters with one head and one first lookaround, then each its own noun ("the figures is" not).
SHARED = "patterns:\n" + "".join(
    f"""  - tokens: [{{pos: NOUN}}, {{word: [was, is], mark: true}}]
    prefilter: '\\b(?:was|is)\\b(?<=s\\s+(?:was|is))(?<=\\b{noun}\\s+(?:was|is)){extra}'
    suggest: were
    message: "'%s' after {noun}: use {{suggestion}}."
""" for noun, extra in (("numbers", ""), ("figures", r"(?<!\bthe\s+figures\s+is)"), ("prices", "")))


def test_prefilters_sharing_a_first_lookaround_find_what_each_finds_alone(tmp_path):
    rules = rules_from(tmp_path / "a", SHARED)
    scan = next(iter(rules[0]._shared_scans.values()))[0].pattern
    assert scan.count(r"(?<=s\s+(?:was|is))") == 1  # tested once for the three
    text = ("The unemployment numbers was released on Friday; the figures is wrong, officials said. "
            "New figures was due, but prices is rising and the council is silent.\n")
    together = sorted((f.start, f.message) for f in lintnews.check_text(text, rules=rules))
    alone = []
    for i, entry in enumerate(textwrap.dedent(SHARED).split("\n  - ")[1:]):
        alone += [(f.start, f.message) for f in
                  lintnews.check_text(text, rules=rules_from(tmp_path / str(i), "patterns:\n  - " + entry))]
    assert together == sorted(alone)
    assert [m.split()[2] for _, m in together] == ["numbers:", "figures:", "prices:"]
