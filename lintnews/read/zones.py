"""Zones: sorted, non-nesting spans of text, and whether a span touches one."""

from __future__ import annotations

import bisect


def merge_zones(zones) -> list[tuple[int, int]]:
    """Sorted, with overlapping zones joined, so that no zone nests in another."""
    out: list[list[int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in zones):
        if e <= s:
            continue
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def overlaps(zones, starts, start: int, end: int) -> bool:
    if not zones:
        return False
    i = bisect.bisect_right(starts, max(start, end - 1)) - 1
    # Zones do not nest much; look back a few for a long zone covering the span.
    for j in range(i, max(-1, i - 4), -1):
        zs, ze = zones[j]
        if zs < end and start < ze:
            return True
    return False


def touches(zones, starts, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a zone, or, an insertion, falls strictly inside one."""
    if start == end:
        i = bisect.bisect_left(starts, start) - 1
        return i >= 0 and zones[i][0] < start < zones[i][1]
    return overlaps(zones, starts, start, end)


def blank_marks(text: str, zones, marks: str) -> str:
    """``text`` with each of ``marks`` inside ``zones`` made a space (the same length); ``text`` if none is."""
    pieces, pos = [], 0
    for s, e in zones:
        chunk = text[s:e]
        if any(m in chunk for m in marks):
            pieces.append(text[pos:s])
            pieces.append("".join(" " if c in marks else c for c in chunk))
            pos = e
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)
