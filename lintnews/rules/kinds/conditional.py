"""conditional: a match of ``second`` needs a match of ``first`` earlier (Vale's kind).

As in Vale's source: every text captured by a group of ``second`` (an acronym's definition,
"World Health Organization (WHO)") is remembered in document order, a block's own captures
counting for that block; a match of ``first`` ("WHO") that was never captured, and in which no
exception stands, is reported. "'WHO' has no definition."
"""

from __future__ import annotations

from ..base import Option, Rule
from ..patterns import finditer
from ..vale import blocks_in_scope, excepted, exceptions_pattern


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
        text = doc.text
        defined: set[str] = set()
        for lo, hi in blocks_in_scope(self, doc):
            for m in finditer(self.second, text, self.id, lo, hi):
                defined.update(g for g in m.groups() if g)
            for m in finditer(self.first, text, self.id, lo, hi):
                found = m.group()
                if not found or found in defined or excepted(self.except_re, found, self.id):
                    continue
                if self.in_scope(doc, m.start(), m.end()):
                    yield self.finding(doc, m.start(), m.end(), self.format_message(found))
