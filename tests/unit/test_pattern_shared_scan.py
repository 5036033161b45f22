"""Prefilters that share a head word are scanned together: same findings as one scan each."""

from __future__ import annotations

import textwrap

import lintnews
from lintnews.rules.loader import load_rules
from lintnews.rules.patterns import word_head

# Two prefilters with the head "was|is" and lookbehinds only, one with another head.
BODY = r"""
    patterns:
      - tokens: [{pos: NOUN}, {word: [was, is], mark: true}]
        prefilter: '\b(?:was|is)\b(?<=\bnumbers\s+(?:was|is))'
        suggest: were
        message: "'%s' after numbers: use {suggestion}."
      - tokens: [{pos: NOUN}, {word: [was, is], mark: true}]
        prefilter: '\b(?:was|is)\b(?<=\bfigures\s+(?:was|is))(?<!\bthe\s+figures\s+is)'
        suggest: were
        message: "'%s' after figures: use {suggestion}."
      - tokens: [{pos: NOUN}, {word: [were], mark: true}]
        prefilter: '\b(?:were)\b(?<=\bcouncil\s+were)'
        suggest: was
"""


def rules_from(tmp_path, body):
    folder = tmp_path / "styles" / "Desk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Rule.yml").write_text("extends: pattern\nmessage: \"'%s': use {suggestion}.\"\n"
                                     + textwrap.dedent(body), encoding="utf-8")
    return load_rules([tmp_path / "styles"], builtin=False)


def test_word_head_splits_only_a_head_word_and_lookarounds():
    assert word_head(r"\b(?:was|is)\b(?<=s\s+(?:was|is))(?!\s+not)") == (r"\b(?:was|is)\b",
                                                                          r"(?<=s\s+(?:was|is))(?!\s+not)")
    assert word_head(r"\b(?:was|is)\b\s+(?:a|an)") is None          # the tail consumes text
    assert word_head(r"\b(?:was|is)\b(?<=s\s+(?:was|is))x") is None
    assert word_head(r"\b(?:was|is)\b") is None                     # no tail: nothing to share
    assert word_head(r"(?i)\bthere\s+(?!is)") is None
    assert word_head(r"\b(?:are|were)\b(?<=[)(]\s(?:are|were))") == (r"\b(?:are|were)\b",
                                                                       r"(?<=[)(]\s(?:are|were))")


def test_patterns_sharing_a_head_find_what_each_finds_alone(tmp_path):
    text = ("The unemployment numbers was released on Friday, and the council were told the figures is "
            "wrong. Officials said the figures is final, while ministers said new figures was due.\n")
    together = [(f.text, f.message) for f in lintnews.check_text(text, rules=rules_from(tmp_path / "a", BODY))]
    assert together == [("was", "'was' after numbers: use 'were'."), ("were", "'were': use 'was'."),
                        ("was", "'was' after figures: use 'were'.")]
    # each prefilter in a rule of its own (no shared scan) flags the same words
    entries = textwrap.dedent(BODY).split("\n  - ")
    alone = []
    for i, entry in enumerate(entries[1:]):
        body = "patterns:\n  - " + entry
        alone += [(f.start, f.text, f.message) for f in
                  lintnews.check_text(text, rules=rules_from(tmp_path / str(i), body))]
    assert [(t, m) for _, t, m in sorted(alone)] == together


def test_outline_with_a_clitic_finds_any_capitals(tmp_path):
    # The outline starts from "'s" (not a plain word): scanned over the lower-cased text.
    rules = rules_from(tmp_path, """
        patterns:
          - tokens: [{word: it, mark: true}, {word: "'s", mark: true}, {word: own}]
            suggest: its
    """)
    text = "The party said IT’S OWN polling was wrong, and It's own staff agreed.\n"
    want = [("IT’S", "'IT’S': use 'ITS'."), ("It's", "'It's': use 'Its'.")]
    assert [(f.text, f.message) for f in lintnews.check_text(text, rules=rules)] == want
    # a long s anywhere: the text is scanned with (?i) instead, with the same findings
    long_s = text + "Its 1780 masthead spelt it Poſt.\n"
    assert [(f.text, f.message) for f in lintnews.check_text(long_s, rules=rules)] == want


def test_loose_answers_are_kept_by_word_and_bounded(tmp_path, monkeypatch):
    from lintnews.rules import token_pattern
    monkeypatch.setattr(token_pattern, "_LOOSE_KEPT", 2)
    rules = rules_from(tmp_path, """
        patterns:
          - tokens: [{pos: MD}, {word: loose, mark: true}]
            suggest: lose
    """)
    texts = ["Voters might loose patience.\n", "A loose coalition might form.\n",
             "They could loose the seat, and it might loose more.\n", "Officials said it would loose.\n"]
    for text in texts * 2:  # the second time round, answers kept (and dropped) from the first
        got = [f.text for f in lintnews.check_text(text, rules=rules)]
        assert got == {0: ["loose"], 1: [], 2: ["loose", "loose"], 3: ["loose"]}[texts.index(text)]


def test_shared_scan_tried_at_its_head_words_finds_what_scanning_everywhere_finds(tmp_path):
    # The shared scan is matched only where its head word stands (found by the head alone): the same
    # hits as the scan's own overlapped search, with the head inside words ("this", "wasp"), after
    # marks, capitalised and ending the text.
    from lintnews.read.document import Document
    rule = rules_from(tmp_path, BODY)[0]
    text = ("This wasp is rare. The numbers was late (figures is wrong), numbers Was fine; "
            "\u201cnumbers was\u201d, Thesis: figures is\nnumbers\tis the figures is numbers was")
    doc = Document(text, "x.txt")
    keys = [p.key for p in rule.patterns if p.key in rule._shared_scans]
    assert len(keys) == 2
    scan, members, *_ = rule._shared_scans[keys[0]]
    expected = {k: [m.span() for m in scan.finditer(text, overlapped=True) if m.start(name) != -1]
                for k, name in members.items()}
    got = {k: rule._spans(next(p for p in rule.patterns if p.key == k), doc) for k in members}
    assert got == expected
    # "numbers Was" is not the head (case), "the figures is" is left out by its lookbehind
    assert [text[a:b] for a, b in got[keys[0]]] == ["was", "was", "is", "was"]
    assert [text[a:b] for a, b in got[keys[1]]] == ["is", "is"]


def test_a_sentence_quoted_whole_is_skipped_unless_the_rule_includes_quotations(tmp_path):
    # The head words of the second and third sentences stand inside quotations that hold the whole
    # sentence; the last sentence's quotation holds only part of it.
    text = ("The unemployment numbers was released on Friday. \u201cThe numbers was wrong.\u201d "
            "\"Officials said new figures is final.\" He said \u201cnumbers was\u201d and the numbers was late.\n")
    skipped = [f.start for f in lintnews.check_text(text, rules=rules_from(tmp_path / "a", BODY))]
    included = [f.start for f in lintnews.check_text(
        text, rules=rules_from(tmp_path / "b", "quotes: include\n" + textwrap.dedent(BODY)))]
    at = [text.index(s) + 8 for s in ("numbers was released", "numbers was wrong", "figures is final",
                                      "numbers was\u201d", "numbers was late")]
    assert included == at
    assert skipped == [at[0], at[4]]  # the quoted ones left out, whole sentence or not
