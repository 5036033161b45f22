"""Fix safety, enforced in one place: text quoted as written keeps its words.

The document knows what is quoted as written (``Document.zones``: quotations
by their marks or with their marks stripped, [sic], embedded social-media
posts, block quotes, tables). Every finding passes :func:`guard` once, after
its rule reported it, whatever the kind:

* A fix with an edit that touches such a zone is never safe: it becomes
  unsafe, and a spacing fix in a table or block quote (its layout) is
  dropped. An editorial change to words (nature "words": wording, spelling,
  case) in a quotation, post, [sic], block quote or transcript turn is only
  shown (``display``), never applied, even with ``--unsafe-fixes``. Repairs of scraper damage follow the same rule as every other
  fix: mojibake, an HTML entity, an invisible character or a no-break space
  (``encoding``), a lost apostrophe or line break (``damage``) is reported
  inside a quotation, and its fix is unsafe there (a person checks that the
  repair is what the speaker said). One exception: a fix that deletes whole
  paragraphs (``blocks``: boilerplate, a repeated headline) may take a zone
  whole.
* A word-level finding (kinds whose ``nature`` is "words": spelling,
  confusables, doubled words, case) inside a quotation or post is kept only
  when the rule's ``quotes:`` (``posts:`` for a post) is set to ``include``,
  and then at most as a suggestion, or to ``check`` (a rule in Vale's format),
  at the rule's own level.
"""

from __future__ import annotations

from dataclasses import replace

from ..findings import Applicability, Finding, Fix, Severity
from ..read.document import Document
from ..rules.base import Rule

QUOTED = ("quotation", "stripped quotation", "sic", "block quote", "post", "transcript")
LAYOUT = ("table", "block quote")


def guard(doc: Document, rule: Rule, finding: Finding) -> Finding | None:
    """The finding as text quoted as written allows it (None: not reported)."""
    nature = rule.nature
    if nature == "words":
        reason = doc.protected(finding.start, max(finding.end, finding.start + 1))
        if reason in QUOTED:
            key = "posts" if reason == "post" else "quotes"
            mode = rule.values.get(key)
            if mode not in ("include", "check"):
                return None
            if mode == "include" and finding.severity.rank > Severity.SUGGESTION.rank:
                finding.severity = Severity.SUGGESTION
    if finding.fix is not None:
        finding.fix = guard_fix(doc, nature, finding.fix)
    return finding


def guard_fix(doc: Document, nature: str, fix: Fix) -> Fix | None:
    """``fix`` as the zones its edits touch allow it: unchanged, unsafe, or None."""
    reasons = set()
    for e in fix.edits:
        reason = doc.protected(e.start, e.end)
        if reason is None:
            continue
        if nature == "blocks" and _takes_whole(doc, e.start, e.end):
            continue
        reasons.add(reason)
    if not reasons:
        return fix
    if nature == "spacing" and reasons & set(LAYOUT):
        return None
    if nature == "words" and reasons & set(QUOTED) and fix.applicability is not Applicability.DISPLAY:
        # An editorial change to words someone else wrote or said is the writer's to ask about, never
        # the tool's to make, even with --unsafe-fixes: shown, never applied.
        return replace(fix, applicability=Applicability.DISPLAY)
    if fix.applicability is Applicability.SAFE:
        return replace(fix, applicability=Applicability.UNSAFE)
    return fix


def _takes_whole(doc: Document, start: int, end: int) -> bool:
    """Whether a deletion of [start, end) takes every zone it touches whole."""
    for zones in doc.zones.values():
        for zs, ze in zones:
            if zs < end and start < ze and not (start <= zs and ze <= end):
                return False
    return True

