"""Markdown articles: prose blocks and skip zones from a CommonMark parse.

The structure comes from markdown-it-py. Block tokens give line ranges
(``token.map``); the inline parser is run once more per prose block with its
rules wrapped, so that every piece of inline markup (code spans, links, HTML,
autolinks, emphasis markers, escapes, entities) is known by its offsets in the
block's content. The content is then mapped back, line by line, to offsets in
the original text, so findings keep their true line and column.

What comes out (:class:`MarkdownParse`):

* ``blocks``: prose blocks (paragraphs, list-item and blockquote paragraphs,
  headings) as :class:`~lintnews.read.document.ProseBlock`, each spanning only its
  prose text (after ``# ``, ``- `` or ``> ``), with the span that deleting it
  removes (its own lines and the blank lines after it);
* ``skip_zones``: everything that is not prose and must never be flagged or
  edited: front matter, code blocks and spans, display math (``$$``,
  read/markdown_math.py), HTML, link targets, reference definitions, autolinks,
  thematic breaks;
* ``marker_zones``: the block markers inside a prose block's own lines
  (``> `` on a paragraph's later lines, ``# ``, a setext underline): never
  flagged, and edited only by a fix that deletes the whole block;
* ``comments``: the spans of HTML comments, where suppressions live;
* ``block_quotes``: the lines of each block quote (``> ``), quoted as written.

Front matter (YAML between ``---``, TOML between ``+++``, a JSON object) is
read by :mod:`.front_matter`, safely and with bounds; its headline fields
(``title``, ``description``... configurable) are prose blocks over their
values' characters, the title field the article's title (kind "title").
Front matter that does not parse (or an alias bomb, or nesting too deep) is
skipped as metadata with no title.

The steps of :func:`parse` (after the first, each a method of ``_Reader``),
run in this order, which is also the order of the skip and marker zones:

1. mask the text for markdown-it: same length, front matter blanked, a lone
   CR made a line feed (``_mask``); block geometry is read on the masked
   lines, so a fence or a heading after a line ending in a lone CR is one,
   as CommonMark and every renderer read it;
2. the front matter: a skip zone but for its headline fields, which are blocks;
3. the leaf blocks: code, fences, thematic breaks and HTML blocks are skip
   zones; each paragraph and heading gets its prose span, its inline markup
   as skip zones, the markers on its lines, and (a heading) the blanks after
   its text;
4. reference definitions, then any other line no block covers, are skip zones;
5. each prose block gets its kind (a first heading is the title when the
   front matter has none) and its removal span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import PurePath


from . import front_matter, markdown_scopes
from .document import ProseBlock
from .front_matter import FrontMatter
from .lines import Lines
from .markdown_inline import inline_markup, parser
from . import compiled as _compiled

MARKDOWN_SUFFIXES = (".md", ".markdown")

_LEAF_TYPES = ("paragraph_open", "heading_open", "code_block", "fence", "html_block", "hr", "math_block")
_SKIPPED_LEAVES = ("code_block", "fence", "hr", "math_block")
# Inline rules whose whole match is markup.
_BLANKISH = _compiled.compile(r"[ \t>]*")
_LONE_CR = _compiled.compile(r"\r(?!\n)")
_NOT_LINE_END = _compiled.compile(r"[^\r\n]")
# Python's str.strip() (used by markdown-it-py) takes more than the plain-text splitter does.
_PLAIN_STRIP = " \t\r\n\f\v"


def is_markdown(path: str | None) -> bool:
    return bool(path) and PurePath(str(path)).suffix.lower() in MARKDOWN_SUFFIXES


@dataclass
class MarkdownParse:
    blocks: list[ProseBlock] = field(default_factory=list)
    skip_zones: list[tuple[int, int]] = field(default_factory=list)
    marker_zones: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)
    block_quotes: list[tuple[int, int]] = field(default_factory=list)
    inline_scopes: list[tuple[str, int, int]] = field(default_factory=list)  # see Document.inline_scopes
    headlines: front_matter.Headlines | None = None  # the front matter and its headline fields
    html_blocks: list[tuple[int, int]] = field(default_factory=list)  # raw HTML blocks (skip zones too)


# ---------------------------------------------------------------- helpers
def _mask(text: str, fm: FrontMatter | None) -> str:
    """The text markdown-it sees: same length, a lone CR (a line ending to
    CommonMark) made a line feed, front matter blanked."""
    masked = _LONE_CR.sub("\n", text)
    if fm is None:
        return masked
    fs, fe = fm.span
    return masked[:fs] + _NOT_LINE_END.sub(" ", masked[fs:fe]) + masked[fe:]


# ------------------------------------------------------------------- parse
def parse(text: str, headline_fields=front_matter.HEADLINE_FIELDS) -> MarkdownParse:
    """Read ``text``: mask it for markdown-it, read the front matter (and its ``headline_fields``),
    walk the leaf blocks, then take reference definitions and lines in no block as markup, and
    give each block its kind and removal span."""
    lines = Lines(text)
    fm = front_matter.find(text, lines)
    reader = _Reader(text, lines, _mask(text, fm))
    fields = reader.front_matter(fm, headline_fields) if fm is not None else []
    reader.leaf_blocks(reader.tokens())
    reader.reference_definitions()
    reader.uncovered_lines()
    return reader.result(fields)


class _Reader:
    """One parse: the steps of :func:`parse`, which add to ``out`` in the order they run."""

    def __init__(self, text: str, lines: Lines, masked: str):
        self.text = text
        # Lines as markdown-it counts them (a lone CR ends one); offsets are those of ``text``.
        self.lines = self.mlines = Lines(masked)
        self.masked = masked
        self.md = parser()
        self.env: dict = {}
        self.out = MarkdownParse()
        self.covered = [False] * len(self.lines)  # lines some block (or the front matter) stands on
        self.prose: list[tuple[int, int, str, int, int, str]] = []  # start, end, kind, first line, last line, scope
        # Block tags opened since the last one closed, as Vale's HTML walk keeps them (its scope of a block).
        self.history: list[str] = []

    def front_matter(self, fm: FrontMatter, names) -> list[ProseBlock]:
        """Front matter is a skip zone but for its headline fields, each a block (the title field's of kind "title")."""
        for n in range(len(self.lines)):
            if self.lines.start(n) < fm.span[1]:
                self.covered[n] = True
        found = front_matter.headlines(self.text, fm, names)
        if found is None:
            self.out.skip_zones.append(fm.span)
            return []
        self.out.headlines = found
        self.out.skip_zones.extend(found.skip_zones(self.text))
        self.out.marker_zones.extend(found.marker_zones())
        return found.blocks()

    def tokens(self) -> list:
        return self.md.parse(self.masked, self.env)

    def leaf_blocks(self, tokens: list) -> None:
        """Code, fences, thematic breaks and HTML are skip zones; paragraphs and headings are prose."""
        for i, tok in enumerate(tokens):
            if tok.type == "blockquote_open" and tok.map is not None:
                self.out.block_quotes.append(self.lines.zone(*tok.map))
            if tok.nesting == 1:
                self.history.append(tok.tag)
            elif tok.nesting == -1:
                self.history = []
            if tok.type not in _LEAF_TYPES or tok.map is None:
                continue
            l0, l1 = tok.map
            for n in range(l0, min(l1, len(self.lines))):
                self.covered[n] = True
            zone = self.lines.zone(l0, l1)
            if tok.type in _SKIPPED_LEAVES:
                self.out.skip_zones.append(zone)
            elif tok.type == "html_block":
                self.out.skip_zones.append(zone)
                self.out.html_blocks.append(zone)  # no prose to lintnews; Vale reads it as HTML (rules/vale_scopes.py)
                self.out.comments.extend(html_comments(self.masked, *zone))
            else:
                self.prose_block(tok, tokens[i + 1].content, zone)

    def prose_block(self, tok, content: str, zone: tuple[int, int]) -> None:
        """A paragraph or heading: its prose span, the markup inside it and the markers on its lines."""
        l0, l1 = tok.map
        if not content.strip():
            self.out.marker_zones.append(zone)  # an empty heading: markers only
            return
        mapped = _map_inline(content, self.mlines, l0)
        if mapped is None:
            self.out.skip_zones.append(zone)  # could not place the prose exactly: leave the block alone
            return
        to_src, line_cols = mapped
        start, end = _widen(self.text, to_src(0), to_src(len(content)))
        self.inline_markup(content, to_src)
        self.line_markers(l0, l1, start, line_cols)
        if tok.type == "heading_open":
            self.after_heading(end, l0 + len(line_cols) - 1)
            kind = "heading"
        else:
            kind = "guess" if tok.level == 0 else "paragraph"
        scope = markdown_scopes.block_scope(self.history)
        if scope == "paragraph":
            cells = markdown_scopes.table_cells(content)
            if cells:
                scope = "table"
                self.out.inline_scopes.extend((name, to_src(cs), to_src(ce)) for name, cs, ce in cells)
        self.prose.append((start, end, kind, l0, l1 - 1, scope))

    def inline_markup(self, content: str, to_src) -> None:
        """Code spans, links, HTML, emphasis markers... are skip zones; inline HTML comments are comments;
        strong, emphasis, link text, code spans and alt text are the inline scopes Vale names."""
        scopes: list[tuple[str, int, int]] = []
        for ms, me in inline_markup(self.md, content, self.env, scopes):
            s, e = to_src(ms), to_src(me)
            if s < e:
                self.out.skip_zones.append((s, e))
                if self.masked.startswith("<!--", s):
                    self.out.comments.extend(html_comments(self.masked, s, e))
        self.out.inline_scopes.extend((name, to_src(s), to_src(e)) for name, s, e in scopes if e > s)

    def line_markers(self, l0: int, l1: int, start: int, line_cols) -> None:
        """Markers on the block's own lines: '# ', '> ', list indentation, a setext underline."""
        zones = self.out.marker_zones
        for n, col in line_cols:
            ls = self.lines.start(n)
            if n == l0:
                if ls < start:
                    zones.append((ls, start))
            elif col > 0:
                zones.append((ls, ls + col))
        for n in range(l0 + len(line_cols), l1):  # setext underline
            zones.append((self.lines.start(n), self.lines.end(n)))

    def after_heading(self, end: int, line: int) -> None:
        """Blanks or '#'s after a heading's text on its last line are markers.

        (A heading with closing '#'s does not get this far today: markdown-it
        drops them from the content, which then cannot be placed on its line,
        so the whole heading is a skip zone.)
        """
        after = self.lines.end(line)
        if end < after and self.text[end:after].strip(" \t#") == "":
            self.out.marker_zones.append((end, after))

    def reference_definitions(self) -> None:
        for ref in self.env.get("references", {}).values():
            rmap = ref.get("map") if isinstance(ref, dict) else None
            if rmap:
                self.out.skip_zones.append(self.lines.zone(rmap[0], rmap[1]))

    def uncovered_lines(self) -> None:
        """Anything else the parser placed in no block (reference definitions in containers) is markup."""
        for n in range(len(self.lines)):
            if not self.covered[n] and not self.blank(n):
                self.out.skip_zones.append((self.lines.start(n), self.lines.end(n)))

    def blank(self, n: int) -> bool:
        """Line ``n`` is blank (blockquote markers aside) in the masked text."""
        return _BLANKISH.fullmatch(self.masked, self.lines.start(n), self.lines.end(n)) is not None

    def result(self, fields: list[ProseBlock]) -> MarkdownParse:
        """The blocks (a first heading is the title when the front matter has none), with removal spans."""
        protected = sorted(self.out.skip_zones)
        blocks = list(fields)
        has_title = any(b.kind == "title" for b in fields)
        for k, (start, end, kind, l0, l1, scope) in enumerate(self.prose):
            if kind == "heading" and k == 0 and not has_title:
                kind = "title"
            blocks.append(ProseBlock(start, end, kind, removal=self.removal(l0, l1, protected), scope=scope))
        self.out.blocks = blocks
        self.out.comments = sorted(set(self.out.comments))
        return self.out

    def removal(self, l0: int, l1: int, protected) -> tuple[int, int]:
        """The block's own lines and the blank lines after it; at the end, the blank lines before it."""
        lines = self.lines
        n = l1 + 1
        while n < len(lines) and self.free_blank(n):
            n += 1
        if n < len(lines) and lines.start(n) < len(self.masked):
            return lines.start(l0), lines.start(n)
        # Nothing follows: delete the blank lines before the block instead, keeping the line before it.
        p = l0 - 1
        while p >= 0 and self.free_blank(p) and not _in(protected, lines.start(p)):
            p -= 1
        return (lines.next_start(p) if p >= 0 else 0), len(self.masked)

    def free_blank(self, n: int) -> bool:
        """Line ``n`` is blank and in no block."""
        return not self.covered[n] and self.blank(n)


def html_comments(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the HTML comments in ``text[start:end]``, each from ``<!--`` to the first ``-->``.

    One pass with ``str.find``: an opening with no close ends the search, as every later opening
    has none either (a lazy regex would scan to the end from each of them: quadratic)."""
    end = len(text) if end is None else end
    out = []
    i = text.find("<!--", start, end)
    while i != -1:
        close = text.find("-->", i + 4, end)
        if close == -1:
            break
        out.append((i, close + 3))
        i = text.find("<!--", close + 3, end)
    return out


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take back the whitespace markdown-it's strip() took that plain text keeps (no-break spaces)."""
    while start > 0 and text[start - 1].isspace() and text[start - 1] not in _PLAIN_STRIP:
        start -= 1
    while end < len(text) and text[end].isspace() and text[end] not in _PLAIN_STRIP:
        end += 1
    return start, end


def _map_inline(content: str, lines: Lines, first: int):
    """A function from offsets in ``content`` to offsets in the text, and each line's column.

    Each line of an inline token's content is the end of its source line
    (container markers and indentation come off the front; the last line
    may have lost trailing space). None if a line cannot be placed.
    """
    parts = content.split("\n")
    cstarts, sstarts, line_cols = [], [], []
    pos = 0
    for k, part in enumerate(parts):
        n = first + k
        if n >= len(lines):
            return None
        src = lines.content(n)
        if src.endswith(part):
            col = len(src) - len(part)
        else:
            stripped = src.rstrip()
            if not stripped.endswith(part):
                return None
            col = len(stripped) - len(part)
        cstarts.append(pos)
        sstarts.append(lines.start(n) + col)
        line_cols.append((n, col))
        pos += len(part) + 1

    def to_src(offset: int) -> int:
        k = bisect.bisect_right(cstarts, offset) - 1
        return sstarts[k] + offset - cstarts[k]

    return to_src, line_cols


def _in(zones, offset: int) -> bool:
    return any(s <= offset < e for s, e in zones)
