"""boilerplate: a leftover line of web page furniture ("Read more: ...").

A paragraph that starts with one of ``patterns`` and is short is page
furniture copied with the article; the fix deletes the paragraph. In a
paragraph of several lines (scraped copy often keeps one sentence a line),
each short line that starts so is furniture too, and the fix deletes the line.
"""

from __future__ import annotations

from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..patterns import match


class Boilerplate(Rule):
    name = "boilerplate"
    summary = "Flags a leftover web page line (Read more, Share this...); the fix deletes it."
    OPTIONS = {
        "patterns": Option("list", required=True, help="regexes matched at the start of a paragraph"),
        "ignorecase": Option("bool", True, "match regardless of case"),
        "max-words": Option("int", 25, "longer paragraphs are prose, not furniture"),
        "credit-patterns": Option("list", [], "regexes, matched as patterns are, for credit lines (a syndication "
                                  "permission, a copyright notice, a picture credit): flagged like the rest, but "
                                  "their fix is unsafe, since a licence may require the line"),
    }
    default_fix = Applicability.SAFE
    fix_nature = "blocks"
    default_quotes = "include"

    def compile(self):
        flags = "(?i)" if self["ignorecase"] else ""
        alternation = "|".join(f"(?:{p})" for p in [*self["patterns"], *self["credit-patterns"]])
        self.regex = self.pattern(flags + f"(?:{alternation})", "patterns")
        credits = "|".join(f"(?:{p})" for p in self["credit-patterns"])
        self.credits = self.pattern(flags + f"(?:{credits})", "credit-patterns") if credits else None

    def _applicability(self, doc, start: int, end: int):
        """Unsafe for a credit line (``credit-patterns``) at ``start``-``end``, else the rule's own."""
        if self.credits is not None and match(self.credits, doc.text, self.id, start, end) is not None:
            return Applicability.UNSAFE
        return None

    def check(self, doc):
        for block in doc.body:
            m = match(self.regex, doc.text, self.id, block.start, block.end)
            if not m or len(block.text(doc).split()) > self["max-words"]:
                yield from self._lines(doc, block)
                continue
            if not self.in_scope(doc, block.start, block.end):
                continue
            start, end = doc.block_removal(block)
            yield self.finding(doc, block.start, block.end, self.format_message(m.group().strip()),
                               [Edit(start, end, "")], self._applicability(doc, block.start, block.end),
                               fix_title="Delete the line")

    def _lines(self, doc, block):
        """Furniture on a line of its own inside a longer paragraph; the fix takes the line and its newline."""
        text = doc.text
        start = block.start
        while True:
            newline = text.find("\n", start, block.end)
            end = block.end if newline < 0 else newline
            line = text[start:end].rstrip("\r")
            if start > block.start or newline >= 0:
                m = match(self.regex, text, self.id, start, start + len(line))
                if m and len(line.split()) <= self["max-words"] and self.in_scope(doc, start, start + len(line)):
                    cut = (start, newline + 1) if newline >= 0 else (_line_break_before(text, start), end)
                    yield self.finding(doc, start, start + len(line), self.format_message(m.group().strip()),
                                       [Edit(*cut, "")], self._applicability(doc, start, start + len(line)),
                                       fix_title="Delete the line")
            if newline < 0:
                return
            start = newline + 1


def _line_break_before(text: str, start: int) -> int:
    """Where the line ending before ``start`` begins ("\n", or "\r\n" taken whole)."""
    i = start - 1
    return i - 1 if i > 0 and text[i - 1] == "\r" else i
