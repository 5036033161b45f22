"""Running rules over one article, and fixing it to a fixed point."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..errors import RuleError
from ..findings import Finding, Severity
from ..read import suppress, vale_comments
from ..read.article import Article, read_article
from ..read.front_edit import check_fix
from ..read.front_matter import HEADLINE_FIELDS
from ..read.markup_ignores import Ignores, from_values
from ..rules import budget, vale_place, vale_scopes
from ..rules.base import Rule
from ..rules.patterns import PatternTimeout
from ..rules.vale_ignores import ignore_zones
from .fixer import apply_fixes, fix_allowed
from .protect import guard
from .selection import unknown_suppressed, unknown_vale_controls

MAX_FIX_PASSES = 10


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a backend that is down
    # Rules that did not finish (a pattern timed out, the time budget ran out): one line each, naming
    # the file and the rules. Their findings are not in ``findings``: the check is not complete.
    unfinished: list[str] = field(default_factory=list)
    out_of_time: bool = False  # the time budget ran out (the rules after it were not run)
    # Lintnews.UnusedSuppression warnings: suppression comments that suppressed nothing.
    unused_suppressions: list[Finding] = field(default_factory=list)
    article: Article | None = None  # what the findings refer to


@dataclass
class FixResult:
    """``converged``: the fixes came to rest (a pass changed nothing) or the time budget stopped them
    (``result.out_of_time``: the passes done are kept); False when ``MAX_FIX_PASSES`` passes still
    changed the text."""

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
    from the selection) sets the level of a rule's findings; ``time_budget``
    is the seconds one article may take (0 or None: no limit), after which
    the rules still to run are skipped and named in ``Result.unfinished``;
    ``headline_fields`` the front matter fields read as prose (the first is the title);
    ``accept_within`` (another predicate) reads the accept list as Vale does for a rule in Vale's format:
    an accepted term anywhere in the matched text, as whole words, is an exception.
    """

    def __init__(self, rules: list[Rule], accept=None, levels: dict[str, Severity] | None = None,
                 time_budget: float | None = budget.DEFAULT, headline_fields=HEADLINE_FIELDS, accept_within=None,
                 markup=None):
        self.rules = rules
        self.accept = accept
        self.accept_within = accept_within
        self.levels = levels or {}
        self.time_budget = time_budget
        self.headline_fields = tuple(headline_fields)
        # Scopes and patterns no rule reads (read/markup_ignores.py): an Ignores, its keyword values, or None.
        self.markup = markup if markup is None or isinstance(markup, Ignores) else from_values(markup)
        self.timings: dict[str, float] | None = None  # rule id -> CPU seconds, when someone measures
        # Every rule id the run loaded, selected or not (the session sets it): a suppression naming none is a warning.
        self.known_ids: frozenset[str] | None = None
        # Vale reads sentences as text too when a loaded Vale rule reads sentences (the session sets it from
        # every rule it loaded; a library caller's linter from its rules).
        self.vale_sentences = vale_scopes.segments(rules)

    def check(self, text: str, path: str = "-", reader=None) -> Result:
        """``reader`` builds the article from the text (None: a file, with this linter's headline fields; a
        record's title and body, run.batch)."""
        if self.timings is None:
            return self.check_article(self._read(reader, text, path))
        started = time.process_time()
        article = self._read(reader, text, path)
        self.timings["(reading)"] = self.timings.get("(reading)", 0.0) + time.process_time() - started
        return self.check_article(article)

    def _read(self, reader, text: str, path: str) -> Article:
        """The article, read as a file (:meth:`read`) unless a ``reader`` is given."""
        return self.read(text, path) if reader is None else reader(text, path)

    def read(self, text: str, path: str, as_markdown: bool | None = None) -> Article:
        """The article as this linter reads a file: with its headline fields, and without the scopes and
        patterns its configuration ignores; ``as_markdown`` as :func:`read_article` takes it."""
        if self.markup is None:
            return read_article(text, path, as_markdown, headline_fields=self.headline_fields)
        patterns = self.markup.patterns_for(path)  # a Vale section's apply to the files it matches
        zones = ignore_zones(text, patterns) if patterns else []
        return read_article(text, path, as_markdown, headline_fields=self.headline_fields, ignores=self.markup,
                            ignore_zones=zones)

    def check_article(self, article: Article) -> Result:
        doc, path = article.doc, article.path
        result = Result(article=article)
        doc.vale_sentences = self.vale_sentences  # rules/vale_scopes.py units
        with budget.within(self.time_budget):
            for i, rule in enumerate(self.rules):
                try:
                    found = self._run(rule, doc)
                except PatternTimeout as exc:
                    result.unfinished.append(f"{path}: {exc}")
                    continue
                except budget.OutOfTime:
                    result.unfinished.append(self._out_of_time(path, self.rules[i:]))
                    result.out_of_time = True
                    break
                # Data a rule reads at its first use that does not load (a dictionary), or a rule that cannot
                # run on this article (a Vale script that fails).
                except RuleError as exc:
                    result.errors.append(f"{path}: {exc}; rule skipped")
                    continue
                except Exception as exc:  # noqa: BLE001 - one rule's bug must not cost the article its other findings
                    result.errors.append(f"{path}: {rule.id}: internal error ({type(exc).__name__}: {exc}); "
                                         "rule skipped, please report it")
                    continue
                self._take(result, doc, rule, found)
        self._finish(result, article)
        return result

    def _run(self, rule: Rule, doc) -> list[Finding]:
        """The rule's findings, less accepted terms; the time budget is looked at between them."""
        budget.check()
        found = []
        started = time.process_time() if self.timings is not None else 0.0
        for f in rule.check(doc):
            found.append(f)
            budget.check()
        if self.timings is not None:
            self.timings[rule.id] = self.timings.get(rule.id, 0.0) + time.process_time() - started
        if self.accept is not None and rule.values.get("vocab") is not False:  # Vale's `vocab: false`: no exceptions
            within = self.accept_within if rule.vale else None
            found = [f for f in found if not f.text or not (self.accept(f.text) or (
                within and within(f.text, doc.text, f.start, f.end)))]
        if rule.vale:
            found = vale_place.placed(rule, doc, found)  # where Vale reports each, one per place
        return found

    def _out_of_time(self, path: str, left: list[Rule]) -> str:
        names = ", ".join(r.id for r in left[:5]) + (f" and {len(left) - 5} more" if len(left) > 5 else "")
        return f"{path}: time budget of {self.time_budget:g}s ran out; rules not finished: {names}"

    def _take(self, result: Result, doc, rule: Rule, found: list[Finding]) -> None:
        """Add one rule's findings to the result, at their levels, as the quotation guard lets them."""
        level = self.levels.get(rule.id)
        if level is not None:
            for f in found:
                f.severity = level
        # Text quoted as written keeps its words: the one place fix safety is enforced.
        found = [g for g in (guard(doc, rule, f) for f in found) if g is not None]
        result.findings.extend(found[:rule.limit] if rule.limit > 0 else found)  # 0 or less: no limit, as Vale

    def _finish(self, result: Result, article: Article) -> None:
        """What follows every rule: backends' review, positions, fixes kept off markup, suppressions."""
        doc, path = article.doc, article.path
        for rule in self.rules:
            result.findings = rule.review(result.findings)
            result.warnings.extend(rule.take_problems())
        for f in result.findings:
            f.path = path
            f.line, f.column = doc.position(f.start)
            f.end_line, f.end_column = doc.position(f.end)
            if f.fix is not None and doc.skip_zones and not fix_allowed(doc, f.fix):
                f.fix = None  # it would edit markup, code or a URL: report only
            if f.fix is not None and article.headlines is not None:
                f.fix = check_fix(doc.text, article.headlines, f.fix)  # quoting kept, or no fix
        if article.vale_controls:  # <!-- vale off --> and kin (read/vale_comments.py)
            whole = frozenset(r.id for r in self.rules
                              if getattr(r, "raw", False) or "summary" in getattr(r, "scopes", ()))
            result.findings = vale_comments.apply(result.findings, article.vale_controls, doc, whole)
        result.warnings.extend(self._vale_comment_typos(article, doc, path))
        if article.suppressions:
            result.findings = suppress.apply(result.findings, article.suppressions)
            result.unused_suppressions = suppress.unused(article.suppressions, doc, path, [r.id for r in self.rules])
            if self.known_ids is not None:  # an id that names no rule at all: a typo, whatever the flags
                result.warnings.extend(unknown_suppressed(article.suppressions, doc, path, self.known_ids))
        result.findings.sort(key=Finding.sort_key)

    def _vale_comment_typos(self, article, doc, path: str) -> list[str]:
        """A warning for each Vale comment control that names no rule or style loaded, and each "vale ..."
        comment that is no control, in the order of the lines: a typo turns nothing off, and Vale says nothing."""
        said = []
        for start, body in article.vale_malformed:
            line = doc.position(start)[0]
            said.append((line, f"{path}:{line}: not a Vale comment control: '{body}' (Vale reads "
                               f"'vale Style.Rule = NO' or YES, 'vale Style = NO', 'vale off', 'vale on')"))
        if self.known_ids is not None and article.vale_controls:
            said += unknown_vale_controls(article.vale_controls, doc, path, self.known_ids)
        return [line for _, line in sorted(said, key=lambda pair: pair[0])]

    def fix(self, text: str, path: str = "-", unsafe: bool = False, trace: list | None = None,
            keep=None, reader=None) -> FixResult:
        """Fix to a fixed point, every pass within the one time budget. A check the budget cut short
        gives no fixes (the rules not run could hold the repairs that go first): the passes done stand.

        ``trace``, when given, receives one ``(text, findings)`` per pass: the text the pass
        edited and the findings whose fixes it applied, for a reader who wants to know
        which rule made each change. ``keep``, when given, takes a pass's findings and returns those
        whose fixes may be applied (a baseline's findings are left as they are). ``reader`` is as for
        :meth:`check`, called on every pass's text.
        """
        applied = 0
        passes = 0
        with budget.within(self.time_budget):
            result = self.check(text, path, reader)
            warnings = list(result.warnings)
            converged = False
            repairs = {r.id for r in self.rules if r.nature == "encoding"}
            while passes < MAX_FIX_PASSES:
                if result.out_of_time:
                    converged = True
                    break
                taken: list[Finding] | None = [] if trace is not None else None
                candidates = keep(result.findings) if keep is not None else result.findings
                new_text, count = apply_fixes(text, candidates, unsafe, doc=result.article.doc, first=repairs,
                                              taken=taken)
                if count == 0:
                    converged = True
                    break
                passes += 1
                applied += count
                if trace is not None:
                    trace.append((text, taken))
                text = new_text
                result = self.check(text, path, reader)
                warnings.extend(w for w in result.warnings if w not in warnings)
        result.warnings = warnings
        return FixResult(text, applied, passes, converged, result)
