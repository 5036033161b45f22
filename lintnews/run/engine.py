"""Running rules over a document, and fixing it to a fixed point."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..read import markdown, suppress
from ..read.document import Document, bare_link_zones
from ..errors import UsageError
from ..findings import Applicability, Edit, Finding
from ..rules.patterns import PatternTimeout
from ..rules.base import Rule

MAX_FIX_PASSES = 10
_HTML_COMMENT = regex.compile(r"<!--.*?-->", regex.DOTALL)


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
    warnings: list[str] = field(default_factory=list)  # e.g. a backend that is down
    # Lintnews.UnusedSuppression warnings: suppression comments that suppressed nothing.
    unused_suppressions: list[Finding] = field(default_factory=list)


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

    def document(self, text: str, path: str = "-", skip_zones=None, *, markdown_format: bool | None = None):
        """The document model of ``text``, and its suppression comments.

        Markdown (``.md``, ``.markdown``, or ``markdown_format=True``) is parsed
        for its prose blocks and skip zones; plain text is split on blank lines.
        Bare URLs and e-mail addresses are skip zones in both.
        """
        zones = list(skip_zones or []) + bare_link_zones(text)
        if markdown_format is None:
            markdown_format = markdown.is_markdown(path)
        if not markdown_format:
            # Plain text has no markup, but an HTML comment is still a comment: never prose,
            # and the place for lintnews-disable suppressions.
            comments = [m.span() for m in _HTML_COMMENT.finditer(text)] if "<!--" in text else []
            doc = Document(text, path, zones + comments)
            return doc, suppress.parse(text, comments, doc) if comments else []
        parsed = markdown.parse(text)
        doc = Document(text, path, zones + parsed.skip_zones, blocks=parsed.blocks,
                       marker_zones=parsed.marker_zones)
        return doc, suppress.parse(text, parsed.comments, doc)

    def check(self, text: str, path: str = "-", skip_zones=None, *, markdown_format: bool | None = None) -> Result:
        return self._check(text, path, skip_zones, markdown_format)[1]

    def _check(self, text, path, skip_zones, markdown_format) -> tuple[Document, Result]:
        doc, suppressions = self.document(text, path, skip_zones, markdown_format=markdown_format)
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
        for rule in self.rules:
            result.findings = rule.review(result.findings)
            result.warnings.extend(rule.take_problems())
        for f in result.findings:
            f.path = path
            f.line, f.column = doc.position(f.start)
            f.end_line, f.end_column = doc.position(f.end)
            if f.fix is not None and doc.skip_zones and not _fix_allowed(doc, f.fix):
                f.fix = None  # it would edit markup, code or a URL: report only
        if suppressions:
            result.findings = suppress.apply(result.findings, suppressions)
            result.unused_suppressions = suppress.unused(suppressions, doc, path, [r.id for r in self.rules])
        result.findings.sort(key=Finding.sort_key)
        return doc, result

    def fix(self, text: str, path: str = "-", unsafe: bool = False, skip_zones=None, *,
            markdown_format: bool | None = None) -> FixResult:
        applied = 0
        passes = 0
        doc, result = self._check(text, path, skip_zones, markdown_format)
        warnings = list(result.warnings)
        converged = False
        while passes < MAX_FIX_PASSES:
            new_text, count = apply_fixes(text, result.findings, unsafe, doc=doc)
            if count == 0:
                converged = True
                break
            passes += 1
            applied += count
            text = new_text
            doc, result = self._check(text, path, skip_zones, markdown_format)
            warnings.extend(w for w in result.warnings if w not in warnings)
        result.warnings = warnings
        return FixResult(text, applied, passes, converged, result)


def _fix_allowed(doc: Document, fix) -> bool:
    return all(doc.edit_allowed(e.start, e.end) for e in fix.edits)


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False, *,
                doc: Document | None = None) -> tuple[str, int]:
    """Apply every applicable fix that overlaps no fix taken before it.

    Fixes are taken in order of position; one that would overlap waits for
    the next pass, when it is found again on the new text. With ``doc`` (the
    document the findings came from), a fix with an edit that touches one of
    its skip zones is dropped: markup, code and URLs are never edited.
    """
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    accepted: list[Edit] = []
    count = 0
    for finding in sorted(findings, key=lambda f: (f.fix.start if f.fix else 0, f.start)):
        fix = finding.fix
        if fix is None or fix.applicability not in allowed or fix.overlaps(accepted):
            continue
        if doc is not None and doc.skip_zones and not _fix_allowed(doc, fix):
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
