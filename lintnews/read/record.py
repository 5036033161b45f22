"""An archive record (a title and a body) as one article, the title read as the article's title.

A record from a newsroom archive keeps its headline apart from its text. To
lint both as one article, the title and the body are joined into one text,
``title + SEPARATOR + body``, and the title is given to the document as its
title block, as a Markdown article's front matter title is (see
``read/front_matter.py``): a block of kind "title" whose value is the title,
that no fix deletes. The separator is a skip zone, so no finding and no fix
crosses from the title into the body; :class:`Layout` says where each is, so
findings and fixed text are split back into the two fields.

The body is read alone (Markdown, HTML, or plain text split on blank lines) and
its blocks and zones moved by where it starts, so its first heading or first
short line is a heading there, never a second title.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import markdown, suppress
from .article import Article, read_article
from .document import Document, ProseBlock
from .html import parse as parse_html
from .html_doc import HtmlDocument
from .lines import Lines
from .links import bare_link_zones

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Layout:
    """Where a record's fields stand in its joined text: the title ends at ``title_end`` (None: no
    title, the text is the body alone), then the separator, then the body."""

    title_end: int | None = None

    @property
    def body_start(self) -> int:
        return 0 if self.title_end is None else self.title_end + len(SEPARATOR)

    def field_of(self, offset: int) -> str:
        return "title" if self.title_end is not None and offset <= self.title_end else "body"

    def split(self, text: str) -> tuple[str | None, str]:
        """The title (None without one) and the body of a joined text."""
        if self.title_end is None:
            return None, text
        return text[:self.title_end], text[self.body_start:]


def join(title: str | None, body: str) -> tuple[str, Layout]:
    """The text to lint for a record, and where its fields stand in it."""
    if title is None:
        return body, Layout()
    return title + SEPARATOR + body, Layout(len(title))


def record_article(text: str, path: str, as_markdown: bool, layout: Layout, html: bool = False) -> Article:
    """The article of a joined record text: the body read as Markdown, HTML (``html``) or plain text, the
    title its title."""
    if layout.title_end is None and not html:
        return read_article(text, path, as_markdown)
    if layout.title_end is None:
        return _html_article(text, path, 0, [], bare_link_zones(text))
    title_end, at = layout.title_end, layout.body_start
    if text[title_end:at] != SEPARATOR:
        raise ValueError(f"{path}: the title and body of the record cannot be told apart")
    body = text[at:]
    title = text[:title_end]
    stripped = title.strip()
    blocks = []
    if stripped:
        s = title.index(stripped)
        blocks.append(ProseBlock(s, s + len(stripped), "title", value=stripped, removal=(s, s)))
    zones = bare_link_zones(text) + [(title_end, at)]
    if html:
        return _html_article(text, path, at, blocks, zones)
    if not as_markdown:
        comments = markdown.html_comments(text)
        blocks += [ProseBlock(b.start + at, b.end + at, "guess") for b in Document(body).blocks]
        doc = Document(text, path, zones + comments, blocks=blocks)
        return Article(path, doc, suppress.parse(text, comments, doc) if comments else [])
    parsed = markdown.parse(body)

    def moved(spans):
        return [(s + at, e + at) for s, e in spans]

    for b in parsed.blocks:
        removal = (b.removal[0] + at, b.removal[1] + at) if b.removal is not None else None
        kind = "heading" if b.kind == "title" else b.kind  # the record's title is the title
        blocks.append(replace(b, start=b.start + at, end=b.end + at, kind=kind, removal=removal))
    doc = Document(text, path, zones + moved(parsed.skip_zones), blocks=blocks,
                   marker_zones=moved(parsed.marker_zones), block_quotes=moved(parsed.block_quotes))
    return Article(path, doc, suppress.parse(text, moved(parsed.comments), doc))


def _html_article(text: str, path: str, at: int, blocks: list[ProseBlock], zones) -> Article:
    """The article of a record whose body (from ``at``) is HTML: its blocks and zones moved there."""
    parsed = parse_html(text[at:])

    def moved(spans):
        return [(s + at, e + at, *rest) for s, e, *rest in spans]

    for b in parsed.blocks:
        removal = (b.removal[0] + at, b.removal[1] + at) if b.removal is not None else None
        kind = "heading" if b.kind == "title" and blocks else b.kind  # the record's title is the title
        blocks.append(replace(b, start=b.start + at, end=b.end + at, kind=kind, removal=removal))
    doc = HtmlDocument(text, path, zones + moved(parsed.skip_zones), blocks=blocks,
                       marker_zones=moved(parsed.marker_zones), block_quotes=moved(parsed.block_quotes),
                       inline_scopes=[(n, s + at, e + at) for n, s, e in parsed.inline_scopes],
                       tables=moved(parsed.tables), alt_spans=moved(parsed.alt_spans), marks=moved(parsed.marks))
    return Article(path, doc, suppress.parse(text, moved(parsed.comments), doc))


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text`` (a field of a record), columns in characters."""
    lines = Lines(text[:offset])
    n = len(lines) - 1
    return n + 1, offset - lines.start(n) + 1
