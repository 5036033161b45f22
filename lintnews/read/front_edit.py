"""Fixes inside a headline field of the front matter, written back with the field's quoting kept.

A fix whose edits fall in a headline field is kept only when it can be
written in that field's quoting and changes nothing else the front matter
says: each replacement is escaped for the style (``"`` and ``\\`` in a
double-quoted YAML, TOML basic or JSON string; ``'`` doubled in a
single-quoted YAML string; a TOML literal string cannot hold ``'``; a plain
YAML scalar takes no character that YAML reads as syntax), then the front
matter with the edits is parsed again and must give the same data but for
that field, whose value must be the old one with the edits made. A field
that is not ``exact`` (a block scalar, a value over several lines) takes no
fix. Otherwise the fix is dropped: reported, never applied. So is every fix
past ``MAX_REPARSED`` characters of front matter read again for one article.
"""

from __future__ import annotations

from dataclasses import replace


from ..findings import Edit, Fix
from .front_fields import Field
from .front_matter import Headlines, load
from . import compiled as _compiled

# Characters of front matter one article may have parsed again to check fixes (each check reads the
# whole front matter): a few hundred fixes in a usual one, a handful in a huge one. Past it, a fix in a
# headline field is reported without its fix.
MAX_REPARSED = 1_000_000
_CONTROL = _compiled.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
# Characters a plain YAML scalar may not gain from a fix: a mapping or comment mark, a flow bracket;
# at its start, any indicator (a quote there would open a quoted scalar).
_PLAIN_UNSAFE = _compiled.compile(r"[:#\[\]{},\\\t]")
_PLAIN_INDICATOR = _compiled.compile(r"[-?:,\[\]{}#&*!|>'\"%@`\s]")


def escape(style: str, content: str, first: bool = False) -> str | None:
    """``content`` as written inside a value of ``style`` (``first``: at its start), or None when it cannot be."""
    if _CONTROL.search(content):
        return None
    if style in ("double", "basic", "json"):
        return content.replace("\\", "\\\\").replace('"', '\\"')
    if style == "single":
        return content.replace("'", "''")
    if style == "literal":
        return None if "'" in content else content
    if style == "plain":
        if _PLAIN_UNSAFE.search(content) or (first and _PLAIN_INDICATOR.match(content)):
            return None
        return content
    return None


def check_fix(text: str, headlines: Headlines, fix: Fix) -> Fix | None:
    """``fix`` as it may be written into the headline fields it edits (unchanged if it edits none), or None."""
    fe = headlines.front.span[1]
    if all(e.start >= fe for e in fix.edits):
        return fix
    headlines.reparsed += len(headlines.front.source)
    if headlines.reparsed > MAX_REPARSED:
        return None
    edits: list[Edit] = []
    touched: dict[str, str] = {}
    for e in fix.edits:
        if e.start >= fe:
            edits.append(e)
            continue
        field = headlines.field_at(e.start, e.end)
        if field is None or not field.exact or _splits_escape(field, e):
            return None
        content = escape(field.style, e.content, e.start == field.start)
        if content is None:
            return None
        edits.append(Edit(e.start, e.end, content))
        value = touched.get(field.key, field.value)
        touched[field.key] = _edit_value(field, value, e, len(field.value) - len(value))
    if not _same_but(text, headlines, edits, touched):
        return None
    return replace(fix, edits=tuple(sorted(edits)))


def _splits_escape(field: Field, edit: Edit) -> bool:
    """Whether the edit starts or ends inside an escape (between ``\\`` and ``"``)."""
    return any(s < edit.start < e or s < edit.end < e for s, e in field.escapes)


def _edit_value(field: Field, value: str, edit: Edit, shift: int) -> str:
    """The value with ``edit`` made (``shift``: how much the edits made before, left of it, shortened it)."""
    return value[:_at(field, edit.start) - shift] + edit.content + value[_at(field, edit.end) - shift:]


def _at(field: Field, offset: int) -> int:
    """Where text offset ``offset`` of the field falls in its value (each escape is one character)."""
    gone = sum(e - s - 1 for s, e in field.escapes if e <= offset)
    return offset - field.start - gone


def _same_but(text: str, headlines: Headlines, edits: list[Edit], values: dict[str, str]) -> bool:
    """Whether the front matter with ``edits`` parses to its data with only ``values`` changed."""
    fm = headlines.front
    at, end = fm.yaml_at, fm.yaml_at + len(fm.source)
    source, pos = [], at
    for e in sorted(edits):
        if e.start >= end:
            break
        source.append(text[pos:e.start])
        source.append(e.content)
        pos = e.end
    source.append(text[pos:end])
    expected = dict(headlines.data)
    expected.update(values)
    return load(fm, "".join(source)) == expected
