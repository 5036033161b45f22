"""Markdown articles: prose blocks and skip zones from a CommonMark parse.

The structure comes from markdown-it-py. Block tokens give line ranges
(``token.map``); the inline parser is run once more per prose block with its
rules wrapped, so that every piece of inline markup (code spans, links, HTML,
autolinks, emphasis markers, escapes, entities) is known by its offsets in the
block's content. The content is then mapped back, line by line, to offsets in
the original text, so findings keep their true line and column.

What comes out (:class:`MarkdownParse`):

* ``blocks``: prose blocks (paragraphs, list-item and blockquote paragraphs,
  headings) as :class:`~lintnews.document.ProseBlock`, each spanning only its
  prose text (after ``# ``, ``- `` or ``> ``), with the span that deleting it
  removes (its own lines and the blank lines after it);
* ``skip_zones``: everything that is not prose and must never be flagged or
  edited: front matter, code blocks and spans, HTML, link targets, reference
  definitions, autolinks, thematic breaks;
* ``marker_zones``: the block markers inside a prose block's own lines
  (``> `` on a paragraph's later lines, ``# ``, a setext underline): never
  flagged, and edited only by a fix that deletes the whole block;
* ``comments``: the spans of HTML comments, where suppressions live.

Front matter (``---`` ... ``---`` at the top) is YAML, read with
``yaml.safe_load``; its ``title:`` is the article's title. Invalid YAML is
skipped as metadata with no title.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

import regex
import yaml
from markdown_it import MarkdownIt

from .document import ProseBlock

MARKDOWN_SUFFIXES = (".md", ".markdown")

_LEAF_TYPES = ("paragraph_open", "heading_open", "code_block", "fence", "html_block", "hr")
_HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)
_BLANKISH = regex.compile(r"[ \t>]*")
# Python's str.strip() (used by markdown-it-py) takes more than the plain-text splitter does.
_PLAIN_STRIP = " \t\r\n\f\v"
_KEY = "_lintnews_inline"


def is_markdown(path: str | None) -> bool:
    return bool(path) and PurePath(str(path)).suffix.lower() in MARKDOWN_SUFFIXES


@dataclass
class MarkdownParse:
    blocks: list[ProseBlock] = field(default_factory=list)
    skip_zones: list[tuple[int, int]] = field(default_factory=list)
    marker_zones: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)


# ------------------------------------------------------------------ parser
def _wrap(name, fn):
    """An inline rule that records where its (non-silent) match was."""

    def rule(state, silent):
        rec = state.env.get(_KEY)
        if silent or rec is None or state.src is not rec["src"]:
            return fn(state, silent)  # silent look-ahead, or an image's alt text (own source)
        pos0 = state.pos
        ntok = len(state.tokens)
        label_end = -1
        if name == "link" and state.src[pos0] == "[":
            label_end = state.md.helpers.parseLinkLabel(state, pos0, True)
        if not fn(state, silent):
            return False
        rec["spans"].append((name, pos0, state.pos, state.tokens[ntok:], label_end))
        return True

    return rule


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.disable("inline")  # inline content is parsed per block below, with positions recorded
    for r in list(md.inline.ruler.__rules__):
        md.inline.ruler.at(r.name, _wrap(r.name, r.fn))
    return md


def _inline_markup(md: MarkdownIt, content: str, env: dict) -> list[tuple[int, int]]:
    """Spans of ``content`` (an inline token's source) that are markup, not prose."""
    rec = {"src": content, "spans": []}
    env[_KEY] = rec
    try:
        md.inline.parse(content, md, env, [])
    finally:
        env.pop(_KEY, None)
    out = []
    for name, start, end, tokens, label_end in rec["spans"]:
        types = {t.type for t in tokens}
        if name == "backticks" and "code_inline" in types:
            out.append((start, end))
        elif name in ("html_inline", "autolink", "image", "entity", "escape"):
            out.append((start, end))
        elif name == "link":
            out.append((start, start + 1))          # [
            if label_end >= 0:
                out.append((label_end, end))        # ](target "title"), ][ref] or ]
            else:
                out.append((start, end))
        elif name == "newline" and "hardbreak" in types:
            ws = start
            while ws > 0 and content[ws - 1] == " ":
                ws -= 1
            out.append((ws, start))                 # the spaces that make a hard break
        elif name in ("emphasis", "strikethrough"):
            for i, tok in enumerate(tokens):
                if tok.type != "text" or tok.content == "":
                    out.append((start + i, start + i + 1))
    return out


# ---------------------------------------------------------------- helpers
class _Lines:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        i = text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def __len__(self):
        return len(self.starts)

    def start(self, n: int) -> int:
        return self.starts[n] if n < len(self.starts) else len(self.text)

    def end(self, n: int) -> int:
        """End of line ``n``'s content, before its line ending."""
        if n + 1 < len(self.starts):
            e = self.starts[n + 1] - 1
            return e - 1 if e > self.starts[n] and self.text[e - 1] == "\r" else e
        return len(self.text)

    def next_start(self, n: int) -> int:
        """Start of line ``n + 1`` (after line ``n``'s ending), or the end of the text."""
        return self.starts[n + 1] if n + 1 < len(self.starts) else len(self.text)

    def content(self, n: int) -> str:
        return self.text[self.start(n):self.end(n)]


def _front_matter(text: str, lines: _Lines):
    """(span, yaml source offset, yaml source, end line) of front matter, or None."""
    if len(lines) < 2 or lines.content(0).rstrip(" \t") != "---":
        return None
    for n in range(1, len(lines)):
        if lines.content(n).rstrip(" \t") in ("---", "..."):
            return (0, lines.end(n)), lines.start(1), text[lines.start(1):lines.start(n)], n
    return None


def _front_matter_title(source: str):
    """The title and its span in ``source``; (None, None) for none or invalid YAML."""
    try:
        data = yaml.safe_load(source)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    title = data.get("title")
    if isinstance(title, bool) or not isinstance(title, (str, int, float)):
        return None, None
    title = str(title).strip()
    if not title:
        return None, None
    span = None
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)  # nodes only: nothing is constructed
        for key, value in getattr(node, "value", []):
            if isinstance(key, yaml.ScalarNode) and key.value == "title" and isinstance(value, yaml.ScalarNode):
                span = (value.start_mark.index, value.end_mark.index)
    except (yaml.YAMLError, ValueError, RecursionError):
        pass
    return title, span


# ------------------------------------------------------------------- parse
def parse(text: str) -> MarkdownParse:
    out = MarkdownParse()
    lines = _Lines(text)

    # The text markdown-it sees: same length and lines, front matter blanked,
    # a lone CR (which markdown-it would take for a line break) made a space.
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch == "\r" and (i + 1 == len(chars) or chars[i + 1] != "\n"):
            chars[i] = " "
    first_line = 0
    fm = _front_matter(text, lines)
    title_block = None
    if fm is not None:
        (fs, fe), yaml_at, source, end_line = fm
        out.skip_zones.append((fs, fe))
        for i in range(fs, fe):
            if chars[i] not in "\r\n":
                chars[i] = " "
        first_line = end_line + 1
        title, span = _front_matter_title(source)
        if title is not None:
            s, e = (yaml_at + span[0], yaml_at + span[1]) if span else (fs, fs + 3)
            title_block = ProseBlock(s, e, "title", value=title, removal=(s, s))
    masked = "".join(chars)
    mlines = _Lines(masked)

    md = _parser()
    env: dict = {}
    tokens = md.parse(masked, env)

    covered = [False] * len(lines)
    for n in range(first_line):
        covered[n] = True
    prose: list[tuple[ProseBlock, int, int]] = []  # block, first line, last line

    for i, tok in enumerate(tokens):
        if tok.type not in _LEAF_TYPES or tok.map is None:
            continue
        l0, l1 = tok.map
        for n in range(l0, min(l1, len(lines))):
            covered[n] = True
        zone = (lines.start(l0), lines.end(max(l0, l1 - 1)))
        if tok.type in ("code_block", "fence", "hr"):
            out.skip_zones.append(zone)
            continue
        if tok.type == "html_block":
            out.skip_zones.append(zone)
            out.comments.extend(_comments(masked, *zone))
            continue
        inline = tokens[i + 1]
        if not inline.content.strip():
            out.marker_zones.append(zone)  # an empty heading: markers only
            continue
        mapped = _map_inline(inline.content, mlines, l0)
        if mapped is None:
            out.skip_zones.append(zone)  # could not place the prose exactly: leave the block alone
            continue
        to_src, line_cols = mapped
        start, end = to_src(0), to_src(len(inline.content))
        start, end = _widen(text, start, end)
        for ms, me in _inline_markup(md, inline.content, env):
            s, e = to_src(ms), to_src(me)
            if s < e:
                out.skip_zones.append((s, e))
                if masked.startswith("<!--", s):
                    out.comments.extend(_comments(masked, s, e))
        # Markers on the block's own lines: '# ', '> ', list indentation, a setext underline.
        last_line = l1 - 1
        for n, col in line_cols:
            ls = lines.start(n)
            if n == l0:
                if ls < start:
                    out.marker_zones.append((ls, start))
            elif col > 0:
                out.marker_zones.append((ls, ls + col))
        for n in range(l0 + len(line_cols), l1):  # setext underline
            out.marker_zones.append((lines.start(n), lines.end(n)))
        if tok.type == "heading_open":
            after = lines.end(l0 + len(line_cols) - 1)
            if end < after and text[end:after].strip(" \t#") == "":
                out.marker_zones.append((end, after))  # closing '#'s
            kind = "heading"
        else:
            kind = "guess" if tok.level == 0 else "paragraph"
        prose.append((ProseBlock(start, end, kind), l0, last_line))

    for ref in env.get("references", {}).values():
        rmap = ref.get("map") if isinstance(ref, dict) else None
        if rmap:
            out.skip_zones.append((lines.start(rmap[0]), lines.end(max(rmap[0], rmap[1] - 1))))
    # Anything else the parser placed in no block (reference definitions in containers) is markup.
    for n in range(len(lines)):
        if not covered[n] and not _BLANKISH.fullmatch(masked, lines.start(n), lines.end(n)):
            out.skip_zones.append((lines.start(n), lines.end(n)))

    protected = sorted(out.skip_zones)
    blocks = []
    for k, (block, l0, l1) in enumerate(prose):
        kind = block.kind
        if kind == "heading" and k == 0 and title_block is None:
            kind = "title"
        removal = _removal(masked, lines, l0, l1, protected, covered)
        blocks.append(ProseBlock(block.start, block.end, kind, removal=removal))
    out.blocks = ([title_block] if title_block else []) + blocks
    out.comments = sorted(set(out.comments))
    return out


def _comments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _HTML_COMMENT.finditer(text, start, end)]


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take back the whitespace markdown-it's strip() took that plain text keeps (no-break spaces)."""
    while start > 0 and text[start - 1].isspace() and text[start - 1] not in _PLAIN_STRIP:
        start -= 1
    while end < len(text) and text[end].isspace() and text[end] not in _PLAIN_STRIP:
        end += 1
    return start, end


def _map_inline(content: str, lines: _Lines, first: int):
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


def _removal(text: str, lines: _Lines, l0: int, l1: int, protected, covered) -> tuple[int, int]:
    """The block's own lines and the blank lines after it; at the end, the blank lines before it."""
    start = lines.start(l0)
    n = l1 + 1
    while n < len(lines) and not covered[n] and _BLANKISH.fullmatch(text, lines.start(n), lines.end(n)):
        n += 1
    if n < len(lines) and lines.start(n) < len(text):
        return start, lines.start(n)
    # Nothing follows: delete the blank lines before the block instead, keeping the line before it.
    p = l0 - 1
    while p >= 0 and not covered[p] and _BLANKISH.fullmatch(text, lines.start(p), lines.end(p)) \
            and not _in(protected, lines.start(p)):
        p -= 1
    return (lines.next_start(p) if p >= 0 else 0), len(text)


def _in(zones, offset: int) -> bool:
    return any(s <= offset < e for s, e in zones)
