"""Inline suppressions, written in Markdown as HTML comments.

    <!-- lintnews-disable News.DoubledWord, News.Confusables -->
    ... findings of those rules here are dropped ...
    <!-- lintnews-enable News.DoubledWord -->

    <!-- lintnews-disable-next-line News -->
    The next non-blank line: no findings of any News.* rule.

A comment with no rule ids means every rule. Ids are rule ids or prefixes,
as with ``--select``. A region runs from its ``disable`` to the ``enable``
that names it (or a bare ``enable``), or to the end of the article. A
suppression that suppressed no finding is reported as
``Lintnews.UnusedSuppression``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


from ..findings import Finding, Severity, names_rule
from . import compiled as _compiled

UNUSED_RULE_ID = "Lintnews.UnusedSuppression"

# The head of a directive; its rule ids are the rest of the comment. (A lazy ``.*?`` before a final
# ``\s*-->`` would try every split of a long run of spaces: quadratic.)
_DIRECTIVE = _compiled.compile(r"<!--\s*lintnews-(?P<action>disable-next-line|disable|enable)(?![\w-])")
_ID = _compiled.compile(r"[^\s,]+")


@dataclass
class Suppression:
    action: str  # "disable", "enable" or "disable-next-line"
    start: int
    end: int
    ids: tuple[str, ...]  # empty: every rule
    line: int = 0  # disable-next-line: the 1-based line it covers
    used: set = field(default_factory=set)  # the ids (or "" for all) that suppressed something

    def matching(self, rule_id: str) -> list[str]:
        """The ids of this comment that name ``rule_id`` ("" when it names every rule)."""
        if not self.ids:
            return [""]
        return [i for i in self.ids if names_rule(i, rule_id)]


def parse(text: str, comments: list[tuple[int, int]], doc=None) -> list[Suppression]:
    """The suppression directives among the HTML comments at ``comments``."""
    out = []
    for start, end in comments:
        m = _DIRECTIVE.match(text, start, end)
        if not m:
            continue
        ids = tuple(dict.fromkeys(_ID.findall(text, m.end(), end - 3)))
        sup = Suppression(m.group("action"), start, end, ids)
        if sup.action == "disable-next-line" and doc is not None:
            sup.line = _next_non_blank_line(doc, end)
        out.append(sup)
    return out


def _next_non_blank_line(doc, offset: int) -> int:
    line, _ = doc.position(offset)
    total = len(doc._line_starts)
    n = line + 1
    while n <= total and not doc.line_text(n).strip():
        n += 1
    return n if n <= total else 0


def apply(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings that no suppression covers; marks which suppressions were used."""
    if not suppressions:
        return findings
    regions = [s for s in suppressions if s.action in ("disable", "enable")]
    region_starts = [s.end for s in regions]
    next_line: dict[int, list[Suppression]] = {}
    for s in suppressions:
        if s.action == "disable-next-line" and s.line:
            next_line.setdefault(s.line, []).append(s)
    kept = []
    for f in findings:
        suppressed = False
        for s in next_line.get(f.line, ()):
            ids = s.matching(f.rule_id)
            if ids:
                s.used.update(ids)
                suppressed = True
        # The last disable/enable before the finding that names its rule decides.
        i = bisect.bisect_right(region_starts, f.start) - 1
        while i >= 0:
            s = regions[i]
            ids = s.matching(f.rule_id)
            if ids:
                if s.action == "disable":
                    s.used.update(ids)
                    suppressed = True
                break
            i -= 1
        if not suppressed:
            kept.append(f)
    return kept


def unused(suppressions: list[Suppression], doc, path: str, rule_ids=()) -> list[Finding]:
    """A warning for each disable comment that suppressed nothing (naming its unused ids)."""
    out = []
    known = list(rule_ids)
    for s in suppressions:
        if s.action == "enable":
            continue
        wanted = list(s.ids) or [""]
        idle = [i for i in wanted if i not in s.used]
        if not idle:
            continue
        names = ", ".join(idle) if s.ids else "all rules"
        unknown = [i for i in idle if i and known and not any(names_rule(i, r) for r in known)]
        note = f" ({', '.join(unknown)}: no such rule is enabled)" if unknown else ""
        if s.action == "disable-next-line" and not s.line:
            note += " (no line follows it)"
        message = f"Unused suppression: {names} suppressed nothing{note}."
        f = Finding(rule_id=UNUSED_RULE_ID, severity=Severity.WARNING, start=s.start, end=s.end,
                    message=message, text=doc.text[s.start:s.end])
        f.path = path
        f.line, f.column = doc.position(s.start)
        f.end_line, f.end_column = doc.position(s.end)
        out.append(f)
    return out
