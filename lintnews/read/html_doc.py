"""The document over an HTML article: :class:`HtmlDocument`, built by :func:`document` from
:mod:`.html`'s parse.

It differs from a plain document in three ways: an edit may not write
markup (``<``, ``&``: :meth:`HtmlDocument.content_allowed`, asked by the
fixer for every edit), nor a quotation mark inside alt text (it would end
the attribute); quotation marks written as character references
(``&ldquo;``) are quotation marks; and a run of spaces is layout (a browser
shows one), never a quotation mark a scraper stripped.
"""

from __future__ import annotations

from functools import cached_property

from . import quotes
from .document import Document
from .html import HtmlParse, parse
from .zones import blank_marks


class HtmlDocument(Document):
    """A document over HTML: an edit may not write markup (``<``, ``&``), nor a quotation mark in alt
    text; quotation marks written as references (``&ldquo;``) are quotation marks; and a run of spaces
    is layout (the browser shows one), never a stripped quotation mark."""

    def __init__(self, *args, alt_spans=(), marks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.alt_spans = list(alt_spans)
        self.marks = list(marks)

    def content_allowed(self, start: int, end: int, content: str) -> bool:
        if "<" in content or "&" in content:
            return False
        for s, e, mark in self.alt_spans:
            if s <= start and end <= e and mark in content:
                return False
        return True

    @cached_property
    def quote_zones(self) -> list[tuple[int, int]]:
        text = blank_marks(self.text, self.protected_zones, quotes.QUOTATION_MARKS + "'‘’\\")
        if self.marks:
            pieces, pos = [], 0
            for s, e, mark in self.marks:  # the mark, then invisible characters the reading looks through
                pieces += [text[pos:s], mark, "\u200b" * (e - s - 1)]
                pos = e
            text = "".join(pieces) + text[pos:]
        return quotes.quotations(text, [(b.start, b.end) for b in self.blocks])

    @cached_property
    def _stripped(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]], bool]:
        return [], [], False


def document(text: str, path: str, zones: list[tuple[int, int]], skipped=(),
             ignored_classes=(), more_zones=None) -> tuple[HtmlDocument, HtmlParse]:
    """The document over an HTML text (``zones``: more skip zones, bare URLs), with its parse
    (``skipped`` and ``ignored_classes`` as :func:`parse` takes them); ``more_zones(parsed)``, when
    given, adds skip zones read from the parse (scopes the configuration ignores)."""
    parsed = parse(text, skipped, ignored_classes)
    extra = more_zones(parsed) if more_zones is not None else []
    doc = HtmlDocument(text, path, zones + extra + parsed.skip_zones, blocks=parsed.blocks,
                       marker_zones=parsed.marker_zones, block_quotes=parsed.block_quotes,
                       inline_scopes=parsed.inline_scopes, tables=parsed.tables, alt_spans=parsed.alt_spans,
                       marks=parsed.marks)
    return doc, parsed
