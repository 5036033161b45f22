"""Applying fixes: non-overlapping edits, in order of position, never into a skip zone."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ..findings import Applicability, Edit, Finding, Fix
from ..read.document import Document
from ..read.lines import line_starts, position


class _Taken:
    """The edits taken so far, sorted, so an overlap test costs a bisection, not a scan of them all.

    Taken edits never overlap one another, so in order of position their ends never go down either:
    the only ones an edit can overlap are the first that ends after its start, and (for two insertions
    at one point) the one just before it.
    """

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.keys: list[tuple[int, int]] = []
        self.ends: list[int] = []

    def overlaps(self, fix: Fix) -> bool:
        """Whether the fix overlaps an edit taken, or its own edits overlap (a fix no text can take)."""
        if any(a.overlaps(b) for a, b in zip(fix.edits, fix.edits[1:])):
            return True
        for edit in fix.edits:
            i = bisect_right(self.ends, edit.start)
            if any(edit.overlaps(self.edits[k]) for k in (i - 1, i) if 0 <= k < len(self.edits)):
                return True
        return False

    def add(self, fix: Fix) -> None:
        for edit in fix.edits:
            i = bisect_right(self.keys, (edit.start, edit.end))
            self.edits.insert(i, edit)
            self.keys.insert(i, (edit.start, edit.end))
            self.ends.insert(i, edit.end)


def fix_allowed(doc: Document, fix: Fix) -> bool:
    """Whether every edit of ``fix`` leaves the document's markup, code and URLs as they are."""
    return all(doc.edit_allowed(e.start, e.end) and doc.content_allowed(e.start, e.end, e.content)
               for e in fix.edits)


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False, *,
                doc: Document | None = None, first: set[str] | frozenset[str] = frozenset(),
                taken: list[Finding] | None = None) -> tuple[str, int]:
    """Apply every applicable fix that overlaps no fix taken before it.

    Fixes are taken in order of position; one that would overlap waits for
    the next pass, when it is found again on the new text. With ``doc`` (the
    document the findings came from), a fix with an edit that touches one of
    its skip zones is dropped: markup, code and URLs are never edited.
    While a rule in ``first`` (the character repairs: invisible characters, no-break spaces,
    mojibake) has a fix to apply, only those are applied, so other rules' fixes are decided on the
    repaired words ("life s\u200bentence" is one word with a stray character, not "life's entence").
    ``taken``, when given, receives each finding whose fix was applied (to say which rule made an edit).
    """
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    repairs = [f for f in findings if f.rule_id in first and f.fix is not None and f.fix.applicability in allowed]
    findings = repairs or findings
    chosen = _Taken()
    count = 0
    for finding in sorted(findings, key=lambda f: (f.fix.start if f.fix else 0, f.start)):
        fix = finding.fix
        if fix is None or fix.applicability not in allowed or chosen.overlaps(fix):
            continue
        if doc is not None and doc.skip_zones and not fix_allowed(doc, fix):
            continue
        chosen.add(fix)
        count += 1
        if taken is not None:
            taken.append(finding)
    if not chosen.edits:
        return text, 0
    # One rebuild of the text for the whole pass: the slices between edits, joined once.
    pieces = []
    pos = 0
    for edit in chosen.edits:  # kept in order of position
        pieces.append(text[pos:edit.start])
        pieces.append(edit.content)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces), count


def placed_in_original(original: str, trace: list) -> list[Finding]:
    """The findings whose fixes each pass applied (``trace`` as ``Linter.fix`` fills it), each placed in the
    original text, as `check` placed it: a later pass reads text that earlier passes changed, so its
    offsets are carried back through their edits (a place inside an edit's new text goes to the edit's start)."""
    passes = [sorted((e for f in taken if f.fix is not None for e in f.fix.edits), key=lambda e: e.start)
              for _, taken in trace]
    starts = line_starts(original)

    def back(pos: int, k: int) -> int:
        for edits in reversed(passes[:k]):
            delta = 0
            for e in edits:
                new_start = e.start + delta
                if pos < new_start:
                    break
                if pos < new_start + len(e.content):
                    pos, delta = e.start, 0
                    break
                delta += len(e.content) - (e.end - e.start)
            pos -= delta
        return pos

    out = []
    for k, (_, taken) in enumerate(trace):
        for f in taken:
            if k == 0:
                out.append(f)
                continue
            start, end = back(f.start, k), back(f.end, k)
            (line, column), (end_line, end_column) = position(starts, start), position(starts, max(start, end))
            out.append(replace(f, start=start, end=max(start, end), line=line, column=column,
                               end_line=end_line, end_column=end_column))
    return out
