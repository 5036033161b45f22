"""A Markdown block's text as Vale reads it: rendered, its inline markup left out, for Vale's kinds.

Vale converts a Markdown article to HTML and reads each block's text: "this is *another*
heading!" is "this is another heading!", and "[the API in](https://...) in GitLab" is "the API in
in GitLab". A rule's pattern runs on that text; Vale then looks for the matched text in the file
as written (core/location.go), and when it is not there (markup stands inside the match) it
reports the match at the start of the line that holds it (guessLocation).

``rendered`` gives the block's text with the reader's inline markup zones (emphasis marks, a
link's or image's brackets and address) left out, and where each of its characters stands in the
file; other zones (code spans, HTML tags, entities) stay as written, as before. ``place`` turns a
match in that text into a span of the file and says whether it is the file's own text there.
``blocks`` gives each block a rule reads as a ``Reading`` (its text, rendered or as written, and
``Reading.place`` for a match in it), which the existence, repetition and conditional kinds share.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from . import vale_scopes
from .vale import guessed_start
from ..read import compiled as _compiled

# Zones the Markdown reader marks that are markup only: "*", "__", "~~", "[", "![", "](address)", "][ref]".
_MARKUP = _compiled.compile(r"[*_~]+|!?\[|\](?:\(.*|\[[^\]]*\])?", regex.S)


@dataclass(frozen=True, slots=True)
class Reading:
    """One block as a Vale rule reads it: ``text``, the file's ``text[lo:hi]`` as written or rendered; a
    rendered one has ``where``, the file offset of each of its characters (plus ``hi`` at the end)."""

    doc: object
    lo: int
    hi: int
    text: str
    where: list[int] | None = None

    def at(self, i: int) -> int:
        """The file offset of ``text[i]`` (``i`` may be ``len(text)``)."""
        return self.lo + i if self.where is None else self.where[i]

    def place(self, start: int, end: int) -> tuple[int, int, bool, tuple[int, int]]:
        """A match at ``text[start:end]`` in the file: (start, end, whether the file has the matched text
        there as written, the span whose scope decides); see :func:`place`."""
        if self.where is None:
            return self.lo + start, self.lo + end, True, (self.lo + start, self.lo + end)
        return place(self.doc, self.where, start, end, self.text[start:end])


def blocks(rule, doc):
    """Each block a Vale rule reads, in order, as a :class:`Reading`. A block of ``raw`` (the file as
    written) or an inline scope (``link``, ``strong``: lintnews reads their markup) is read as written."""
    for unit in vale_scopes.reading_order(vale_scopes.selected(rule, doc)[0]):
        yield read(doc, unit)


def read(doc, unit) -> Reading:
    """One block (start, end, sections) as :func:`blocks` gives it."""
    lo, hi, names = unit
    keep = "raw" in names or any(name in names for name in vale_scopes.INLINE)
    shown = None if keep else rendered(doc, lo, hi)
    return Reading(doc, lo, hi, doc.text[lo:hi]) if shown is None else Reading(doc, lo, hi, *shown)


def rendered(doc, lo: int, hi: int) -> tuple[str, list[int]] | None:
    """``doc.text[lo:hi]`` without its inline markup, and the file offset of each character (plus ``hi``
    at the end); None when the block has no such markup (its text is read as written)."""
    text, zones = doc.text, doc.skip_zones
    cut = []
    for i in range(bisect_left(zones, (lo, -1)), len(zones)):  # the zones are in text order
        s, e = zones[i]
        if s >= hi:
            break
        if e <= hi and _MARKUP.fullmatch(text, s, e):
            cut.append((s, e))
    if not cut:
        return None
    parts, where, at = [], [], lo
    for s, e in cut:
        if s < at:
            continue
        parts.append(text[at:s])
        where.extend(range(at, s))
        at = e
    parts.append(text[at:hi])
    where.extend(range(at, hi))
    where.append(hi)
    return "".join(parts), where


def place(doc, where: list[int], start: int, end: int, matched: str) -> tuple[int, int, bool, tuple[int, int]]:
    """The file span of a match at ``start:end`` of the rendered text, whether the file has the matched text
    there, and the span whose scope decides; when the file has not, the span starts where Vale reports it,
    at its line's start, and the match's first character decides (the span holds markup)."""
    s = where[start]
    e = where[end - 1] + 1 if end > start else s
    if doc.text[s:e] == matched:
        return s, e, True, (s, e)
    return guessed_start(doc.text, s), e, False, (s, s + 1)
