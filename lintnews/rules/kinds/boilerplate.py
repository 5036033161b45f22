"""boilerplate: a leftover line of web page furniture ("Read more: ...").

A paragraph that starts with one of ``patterns`` and is short is page
furniture copied with the article; the fix deletes the paragraph.
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
    }
    default_fix = Applicability.SAFE
    fix_nature = "blocks"
    default_quotes = "include"

    def compile(self):
        alternation = "|".join(f"(?:{p})" for p in self["patterns"])
        self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + f"(?:{alternation})", "patterns")

    def check(self, doc):
        for block in doc.body:
            m = match(self.regex, doc.text, self.id, block.start, block.end)
            if not m or len(block.text(doc).split()) > self["max-words"]:
                continue
            if not self.in_scope(doc, block.start, block.end):
                continue
            start, end = doc.block_removal(block)
            yield self.finding(doc, block.start, block.end, self.format_message(m.group().strip()),
                               [Edit(start, end, "")], fix_title="Delete the line")
