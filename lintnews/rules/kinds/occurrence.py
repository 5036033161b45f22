"""occurrence: too many, or too few, matches of a pattern in one block (Vale's kind).

As in Vale: ``token`` is counted in each block the scope names (each sentence for
``scope: sentence``, each heading for ``scope: heading``); a count above ``max`` or below
``min`` (either 0: no limit) is one finding at the first match (at the block's start when
there is none), and the message's first ``%s`` (or ``%d``) is the count. "Sentences of at most 30 words",
"a headline under 70 characters".
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..base import Option, Rule
from ..vale import block_matches, blocks_in_scope


class Occurrence(Rule):
    name = "occurrence"
    MESSAGE_VERBS = "sd"  # the count, in the first %s or %d
    summary = "Flags a block (sentence, heading, paragraph) with too many or too few matches of a pattern."
    OPTIONS = {
        "token": Option("str", required=True, help="the pattern to count"),
        "max": Option("int", 0, "report a block with more matches than this (0: no limit)"),
        "min": Option("int", 0, "report a block with fewer matches than this (0: no limit)"),
        "ignorecase": Option("bool", False, "match regardless of case"),
    }

    def compile(self):
        if self["max"] <= 0 and self["min"] <= 0:
            self.fail("needs 'max' or 'min' above 0")
        self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + f"(?:{self['token']})", "token")

    def check(self, doc):
        text = doc.text
        # Vale masks a code span's text (it still counts) and drops other markup (it does not).
        code = sorted((s, e) for name, s, e in doc.inline_scopes if name == "code")  # once per document
        starts = [s for s, _ in code]
        for lo, hi in blocks_in_scope(self, doc):
            if not text[lo:hi].strip():
                continue
            spans = [(lo + m.start(), lo + m.end()) for _, m in block_matches(self.regex, doc, [(lo, hi)], self.id)]
            masked = [(s, e) for s, e in code[bisect_left(starts, lo):bisect_left(starts, hi)] if e <= hi]
            read = [(s, e) for s, e in spans if self.raw or not (doc.skip_zones and doc.in_skip_zone(s, e))]
            count = len(read) + (0 if self.raw else _inside(spans, masked))
            if not ((self["max"] > 0 and count > self["max"]) or (self["min"] > 0 and count < self["min"])):
                continue
            words = [(s, e) for s, e in read if text[s:e].strip()]
            start, end = words[0] if words else (lo, lo + 1)
            if not self.in_scope(doc, start, max(end, start + 1)):
                continue
            yield self.finding(doc, start, end, _with_count(self.message, count))


def _with_count(message: str, count: int) -> str:
    """The message with the count in its first ``%s`` or ``%d`` (Vale passes the count as a number, #1048)."""
    m = re.search(r"%[sd]", message)
    return message if m is None else message[:m.start()] + str(count) + message[m.end():]


def _inside(spans: list[tuple[int, int]], zones: list[tuple[int, int]]) -> int:
    """How many of ``spans`` (in order) lie inside one of ``zones`` (in order, apart): one pass over both."""
    n, k = 0, 0
    for s, e in spans:
        while k < len(zones) and zones[k][1] <= s:
            k += 1
        if k < len(zones) and zones[k][0] <= s and e <= zones[k][1]:
            n += 1
    return n
