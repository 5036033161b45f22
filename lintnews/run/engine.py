"""Running rules over one article, and fixing it to a fixed point."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding, Severity
from ..read import suppress
from ..read.article import Article, read_article
from ..rules.base import Rule
from ..rules.patterns import PatternTimeout
from .fixer import apply_fixes, fix_allowed
from .protect import guard

MAX_FIX_PASSES = 10


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a backend that is down
    # Lintnews.UnusedSuppression warnings: suppression comments that suppressed nothing.
    unused_suppressions: list[Finding] = field(default_factory=list)
    article: Article | None = None  # what the findings refer to


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
    """Runs rules over articles.

    ``accept`` (a predicate on matched text, from the vocabulary's accept
    list) drops findings on accepted terms; ``levels`` (rule id -> level,
    from the selection) sets the level of a rule's findings.
    """

    def __init__(self, rules: list[Rule], accept=None, levels: dict[str, Severity] | None = None):
        self.rules = rules
        self.accept = accept
        self.levels = levels or {}

    def check(self, text: str, path: str = "-") -> Result:
        return self.check_article(read_article(text, path))

    def check_article(self, article: Article) -> Result:
        doc, path = article.doc, article.path
        result = Result(article=article)
        for rule in self.rules:
            try:
                found = list(rule.check(doc))
                if self.accept is not None:
                    found = [f for f in found if not f.text or not self.accept(f.text)]
            except PatternTimeout as exc:
                result.errors.append(f"{path}: {exc}")
                continue
            level = self.levels.get(rule.id)
            if level is not None:
                for f in found:
                    f.severity = level
            # Text quoted as written keeps its words: the one place fix safety is enforced.
            found = [g for g in (guard(doc, rule, f) for f in found) if g is not None]
            result.findings.extend(found[:rule.limit] if rule.limit else found)
        for rule in self.rules:
            result.findings = rule.review(result.findings)
            result.warnings.extend(rule.take_problems())
        for f in result.findings:
            f.path = path
            f.line, f.column = doc.position(f.start)
            f.end_line, f.end_column = doc.position(f.end)
            if f.fix is not None and doc.skip_zones and not fix_allowed(doc, f.fix):
                f.fix = None  # it would edit markup, code or a URL: report only
        if article.suppressions:
            result.findings = suppress.apply(result.findings, article.suppressions)
            result.unused_suppressions = suppress.unused(article.suppressions, doc, path, [r.id for r in self.rules])
        result.findings.sort(key=Finding.sort_key)
        return result

    def fix(self, text: str, path: str = "-", unsafe: bool = False) -> FixResult:
        applied = 0
        passes = 0
        result = self.check(text, path)
        warnings = list(result.warnings)
        converged = False
        repairs = {r.id for r in self.rules if r.nature == "encoding"}
        while passes < MAX_FIX_PASSES:
            new_text, count = apply_fixes(text, result.findings, unsafe, doc=result.article.doc, first=repairs)
            if count == 0:
                converged = True
                break
            passes += 1
            applied += count
            text = new_text
            result = self.check(text, path)
            warnings.extend(w for w in result.warnings if w not in warnings)
        result.warnings = warnings
        return FixResult(text, applied, passes, converged, result)

