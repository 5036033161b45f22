"""Running rules over a document, and fixing it to a fixed point."""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .errors import UsageError
from .findings import Applicability, Edit, Finding
from .patterns import PatternTimeout
from .rule import Rule

MAX_FIX_PASSES = 10


def select_rules(rules: list[Rule], select=None, ignore=None) -> list[Rule]:
    """Keep rules matching ``select`` (ids or prefixes), then drop ``ignore``.

    A selector that matches no rule is an error, so a typo is not silently
    a no-op.
    """
    def matching(selector: str) -> list[Rule]:
        hits = [r for r in rules if r.id == selector or r.id.startswith(selector)]
        if not hits:
            raise UsageError(None, f"unknown rule id or prefix '{selector}' (see `lintnews rules`)")
        return hits

    chosen = rules
    if select:
        ids = {r.id for s in select for r in matching(s)}
        chosen = [r for r in rules if r.id in ids]
    if ignore:
        dropped = {r.id for s in ignore for r in matching(s)}
        chosen = [r for r in chosen if r.id not in dropped]
    return chosen


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class FixResult:
    text: str
    applied: int
    passes: int
    converged: bool
    result: Result  # findings left in the fixed text

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings


class Linter:
    """Runs rules over documents. ``accept`` (a predicate on matched text, from
    the vocabulary's accept list) drops findings on accepted terms."""

    def __init__(self, rules: list[Rule], accept=None):
        self.rules = rules
        self.accept = accept

    def check(self, text: str, path: str = "-", skip_zones=None) -> Result:
        doc = Document(text, path, skip_zones)
        result = Result()
        for rule in self.rules:
            try:
                found = list(rule.check(doc))
            except PatternTimeout as exc:
                result.errors.append(f"{path}: {exc}")
                continue
            if self.accept is not None:
                found = [f for f in found if not f.text or not self.accept(f.text)]
            limit = rule.values["limit"]
            result.findings.extend(found[:limit] if limit else found)
        for f in result.findings:
            f.path = path
            f.line, f.column = doc.position(f.start)
            f.end_line, f.end_column = doc.position(f.end)
        result.findings.sort(key=Finding.sort_key)
        return result

    def fix(self, text: str, path: str = "-", unsafe: bool = False, skip_zones=None) -> FixResult:
        applied = 0
        passes = 0
        result = self.check(text, path, skip_zones)
        converged = False
        while passes < MAX_FIX_PASSES:
            new_text, count = apply_fixes(text, result.findings, unsafe)
            if count == 0:
                converged = True
                break
            passes += 1
            applied += count
            text = new_text
            result = self.check(text, path, skip_zones)
        return FixResult(text, applied, passes, converged, result)


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, int]:
    """Apply every applicable fix that overlaps no fix taken before it.

    Fixes are taken in order of position; one that would overlap waits for
    the next pass, when it is found again on the new text.
    """
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    accepted: list[Edit] = []
    count = 0
    for finding in sorted(findings, key=lambda f: (f.fix.start if f.fix else 0, f.start)):
        fix = finding.fix
        if fix is None or fix.applicability not in allowed or fix.overlaps(accepted):
            continue
        accepted.extend(fix.edits)
        count += 1
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
