"""duplicate-title: the headline repeated as the first paragraph of the body.

Scrapers often take the headline twice. Compared after folding case,
punctuation and spacing; the fix deletes the repeated paragraph.
"""

from __future__ import annotations


from ...findings import Applicability, Edit
from ..base import Option, Rule
from ...read import compiled as _compiled

_NOT_WORD = _compiled.compile(r"[^\p{L}\p{N}]+")


def _fold(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


class DuplicateTitle(Rule):
    name = "duplicate-title"
    summary = "Flags the headline repeated as the first body paragraph; the fix deletes the repeat."
    OPTIONS = {
        "paragraphs": Option("int", 1, "how many of the first body paragraphs to compare with the title"),
    }
    default_fix = Applicability.SAFE
    fix_nature = "blocks"
    default_quotes = "include"

    def check(self, doc):
        title = doc.title
        if title is None:
            return
        folded = _fold(title.text(doc))
        if not folded:
            return
        for block in doc.body[: self["paragraphs"]]:
            if title.field is not None and block.marked:
                continue  # front matter title plus the same "# heading": the page shows it once
            if _fold(block.text(doc)) == folded:
                start, end = doc.block_removal(block)
                yield self.finding(doc, block.start, block.end, self.format_message(block.text(doc)),
                                   [Edit(start, end, "")], fix_title="Delete the repeated headline")
