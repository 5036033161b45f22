"""conditional: a match of ``second`` needs a match of ``first`` earlier (Vale's kind).

As in Vale's source: every text captured by a group of ``second`` (an acronym's definition,
"World Health Organization (WHO)") is remembered in document order, a block's own captures
counting for that block; a match of ``first`` ("WHO") that was never captured, and in which no
exception stands, is reported. "'WHO' has no definition."
"""

from __future__ import annotations

from ..base import Option, Rule
from ..vale import block_matches, blocks_in_scope, excepted, exceptions_pattern


class Conditional(Rule):
    name = "conditional"
    summary = "Flags a match of one pattern that no earlier match of another defines (an acronym never spelled out)."
    OPTIONS = {
        "first": Option("str", required=True, help="pattern whose matches need a definition"),
        "second": Option("str", required=True, help="pattern whose groups define texts (the definition)"),
        "exceptions": Option("words", [], "texts that need no definition (patterns, as in Vale)"),
        "ignorecase": Option("bool", False, "accepted for Vale compatibility (Vale does not apply it here)"),
    }

    def compile(self):
        self.first = self.pattern(self["first"], "first")
        self.second = self.pattern(self["second"], "second")
        self.except_re = exceptions_pattern(self["exceptions"], self.path, self.id)

    def check(self, doc):
        defined: set[str] = set()
        for block in blocks_in_scope(self, doc):
            for _, m in block_matches(self.second, doc, [block], self.id):
                defined.update(g for g in m.groups() if g)
            for lo, m in block_matches(self.first, doc, [block], self.id):
                found, start, end = m.group(), lo + m.start(), lo + m.end()
                if not found or found in defined or excepted(self.except_re, found, self.id):
                    continue
                if self.in_scope(doc, start, end):
                    yield self.finding(doc, start, end, self.format_message(found))
