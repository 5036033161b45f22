"""Applying fixes: non-overlapping edits, in order of position, never into a skip zone."""

from __future__ import annotations

from ..findings import Applicability, Edit, Finding, Fix
from ..read.document import Document


def fix_allowed(doc: Document, fix: Fix) -> bool:
    """Whether every edit of ``fix`` leaves the document's markup, code and URLs as they are."""
    return all(doc.edit_allowed(e.start, e.end) for e in fix.edits)


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
    accepted: list[Edit] = []
    count = 0
    for finding in sorted(findings, key=lambda f: (f.fix.start if f.fix else 0, f.start)):
        fix = finding.fix
        if fix is None or fix.applicability not in allowed or fix.overlaps(accepted):
            continue
        if doc is not None and doc.skip_zones and not fix_allowed(doc, fix):
            continue
        accepted.extend(fix.edits)
        count += 1
        if taken is not None:
            taken.append(finding)
    if not accepted:
        return text, 0
    pieces = []
    pos = 0
    for edit in sorted(accepted):
        pieces.append(text[pos:edit.start])
        pieces.append(edit.content)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces), count
