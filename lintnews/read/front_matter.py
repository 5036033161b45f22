"""Front matter at the top of a Markdown article, and its headline fields.

Three formats, as Hugo reads them: YAML between ``---`` fences, TOML between
``+++`` fences, and a JSON object (``{`` at the start of the first line, up to
the line where the object closes). YAML and TOML are read through
:mod:`.datafile` (bounded); JSON through the standard library, from at most
``MAX_JSON`` characters. Front matter that does not parse is metadata only.

The headline fields (``HEADLINE_FIELDS`` by default; the ``headline-fields``
configuration key) are prose: each string-valued field at the top level
becomes a block over its value's characters in the article (inside its
quotes), placed by :mod:`.front_fields`. The first configured field is the
article's title (kind "title"); the others are blocks of kind "field". The
rest of the front matter (keys, quotes, other fields) stays a skip zone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import LintnewsError
from .datafile import load_toml, load_yaml
from .document import ProseBlock
from .front_fields import Field, locate
from .lines import Lines

HEADLINE_FIELDS = ("title", "description", "summary", "subtitle")
MAX_JSON = 256 * 1024  # characters a JSON front matter may take; past that it is not read as one
_FENCES = {"---": "yaml", "+++": "toml"}


class FrontMatter(NamedTuple):
    span: tuple[int, int]
    yaml_at: int      # where the source (between the fences; YAML, TOML or JSON) starts in the text
    source: str       # the YAML, TOML or JSON between the fences
    end_line: int     # the line of the closing fence (the last line of a JSON object)
    format: str = "yaml"


def find(text: str, lines: Lines) -> FrontMatter | None:
    """The front matter at the top of the text, or None."""
    if len(lines) < 2:
        return None
    first = lines.content(0).rstrip(" \t")
    if first.startswith("{"):
        return _find_json(text, lines)
    fmt = _FENCES.get(first)
    if fmt is None:
        return None
    closing = ("---", "...") if fmt == "yaml" else ("+++",)
    for n in range(1, len(lines)):
        if lines.content(n).rstrip(" \t") in closing:
            return FrontMatter((0, lines.end(n)), lines.start(1), text[lines.start(1):lines.start(n)], n, fmt)
    return None


def _find_json(text: str, lines: Lines) -> FrontMatter | None:
    """A JSON object at the top, closing at the end of a line."""
    try:
        _, end = json.JSONDecoder().raw_decode(text[:MAX_JSON])
    except (ValueError, RecursionError):
        return None
    n = lines.line_of(end - 1)
    if text[end:lines.end(n)].strip(" \t"):
        return None
    return FrontMatter((0, lines.end(n)), 0, text[:end], n, "json")


def load(fm: FrontMatter, source: str | None = None):
    """The front matter's data (a mapping), or None when it does not parse or is not a mapping."""
    source = fm.source if source is None else source
    try:
        if fm.format == "yaml":
            data = load_yaml(source, "front matter")
        elif fm.format == "toml":
            data = load_toml(source, "front matter")
        else:
            data = json.loads(source)
    except (LintnewsError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


@dataclass
class Headlines:
    """The front matter of an article and its headline fields (``title`` names the title field)."""

    front: FrontMatter
    data: dict
    fields: list[Field] = field(default_factory=list)
    title: str | None = None
    reparsed: int = 0  # characters of front matter parsed again to check fixes (front_edit.MAX_REPARSED)

    def skip_zones(self, text: str) -> list[tuple[int, int]]:
        """The front matter but the fields' text; and each field's escapes, but for the quotation mark
        a backslash escapes (``\\"``), which marks a quotation as any other does."""
        out, pos = [], self.front.span[0]
        for f in sorted(self.fields, key=lambda f: f.start):
            out.append((pos, f.start))
            out.extend((s, s + 1) if text.startswith(("\\\"", "\\'"), s) else (s, e) for s, e in f.escapes)
            pos = f.end
        out.append((pos, self.front.span[1]))
        return [(s, e) for s, e in out if e > s]

    def marker_zones(self) -> list[tuple[int, int]]:
        return [z for f in self.fields for z in f.indents]

    def blocks(self) -> list[ProseBlock]:
        out = []
        for f in self.fields:
            kind = "title" if f.key.lower() == (self.title or "").lower() else "field"
            out.append(ProseBlock(f.start, f.end, kind, value=None if f.exact else f.value,
                                  removal=(f.start, f.start), field=f.key))
        return out

    def field_at(self, start: int, end: int) -> Field | None:
        """The field whose text holds [start, end] (ends included: an insertion at either edge)."""
        for f in self.fields:
            if f.start <= start and end <= f.end:
                return f
        return None


def headlines(text: str, fm: FrontMatter, names=HEADLINE_FIELDS) -> Headlines | None:
    """The headline fields ``names`` of the front matter (the first is the title); None if it does not parse."""
    data = load(fm)
    if data is None:
        return None
    names = [str(n) for n in names]
    wanted = {n.lower() for n in names}
    found = [f for f in locate(text, fm, data, wanted) if f.value.strip()]
    return Headlines(fm, data, sorted(found, key=lambda f: f.start), names[0] if names else None)
