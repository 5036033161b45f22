"""conditional: a match of ``second`` needs a match of ``first`` earlier (Vale's kind).

As in Vale's source: every text captured by a group of ``second`` (an acronym's definition,
"World Health Organization (WHO)") is remembered in document order, a block's own captures
counting for that block; a match of ``first`` ("WHO") that was never captured, and in which no
exception stands, is reported. "'WHO' has no definition." A ``second`` with no group is a
presence check (current Vale, #1048): every ``first`` in a block without a ``second`` is
reported. A Markdown block is read rendered ("Interface ([API](...))" defines "API").
"""

from __future__ import annotations

from ..base import Option, Rule
from ..patterns import finditer
from ..vale import excepted, exceptions_pattern
from ..vale_rendered import blocks


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
        presence = self.second.groups == 0  # no group to capture: `second` must only stand in the block
        for block in blocks(self, doc):  # a Markdown block read rendered, as Vale reads it; alone: ^ at its start
            seconds = list(finditer(self.second, block.text, self.id))
            if presence and seconds:
                continue
            for m in seconds:
                defined.update(g for g in m.groups() if g)
            for m in finditer(self.first, block.text, self.id):
                found = m.group()
                if not found or found in defined or excepted(self.except_re, found, self.id):
                    continue
                start, end, _, probe = block.place(*m.span())
                if self.in_scope(doc, *probe):
                    yield self.finding(doc, start, end, self.format_message(found))
