"""Vale's names for the parts of a Markdown article: a block's scope and a table's cells.

Vale renders Markdown to HTML and names each block by the first tag, among those opened since the
last tag closed, that has a scope (Vale's source, internal/lint/ast.go): ``li`` is "list",
``blockquote`` "blockquote", ``th``/``td`` "table.header"/"table.cell", ``h1``..``h6``
"heading.h1".."heading.h6"; any other block is a "paragraph". So the first paragraph of a block
quote or a list item is "blockquote" or "list", and a later paragraph in the same one is a
"paragraph", as Vale reads it.

A GFM pipe table (a header row, then a delimiter row of as many cells) is read by CommonMark as
one paragraph: its block scope is "table", and each cell is an inline scope "table.header" (the
first row) or "table.cell" over the cell's text, since Vale reads every cell as a block of its own.
"""

from __future__ import annotations

from . import compiled as _compiled

_TAGS = {"li": "list", "blockquote": "blockquote", "th": "table.header", "td": "table.cell"}
_HEADING = _compiled.compile(r"h[1-6]")
_DELIMITER_CELL = _compiled.compile(r":?-+:?")
_PIPE = _compiled.compile(r"(?<!\\)\|")


def block_scope(history: list[str]) -> str:
    """The scope of a block from the tags opened since the last one closed (outermost first)."""
    for tag in history:
        if tag in _TAGS:
            return _TAGS[tag]
        if _HEADING.fullmatch(tag):
            return "heading." + tag
    return "paragraph"


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, without its padding, as offsets from ``offset``."""
    bounds = [m.start() for m in _PIPE.finditer(line)]
    edges = [-1, *bounds, len(line)]
    spans = []
    for a, b in zip(edges, edges[1:]):
        cell = line[a + 1:b]
        if a == -1 and not cell.strip() and bounds:  # before a leading pipe
            continue
        if b == len(line) and not cell.strip() and bounds:  # after a trailing pipe
            continue
        lead = len(cell) - len(cell.lstrip())
        spans.append((offset + a + 1 + lead, offset + a + 1 + len(cell.rstrip())))
    return spans


def _is_delimiter(line: str) -> bool:
    """A GFM delimiter row (``|:---|---:|``): cells of dashes, each with optional colons. Read by splitting,
    in linear time (a single pattern for the row backtracks on long runs of spaces)."""
    row = line.strip(" \t")
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") else row
    return bool(row) and all(_DELIMITER_CELL.fullmatch(cell.strip(" \t")) for cell in row.split("|"))


def table_cells(content: str) -> list[tuple[str, int, int]]:
    """A paragraph's cells when it is a GFM pipe table (else none): ("table.header" | "table.cell", start, end)."""
    lines = content.split("\n")
    if len(lines) < 2 or "|" not in lines[0] or not _is_delimiter(lines[1]):
        return []
    header = _cells(lines[0], 0)
    if len(header) != len(_cells(lines[1], 0)):
        return []
    out = [("table.header", s, e) for s, e in header if e > s]
    pos = len(lines[0]) + 1 + len(lines[1]) + 1
    for line in lines[2:]:
        out.extend(("table.cell", s, e) for s, e in _cells(line, pos) if e > s)
        pos += len(line) + 1
    return out
