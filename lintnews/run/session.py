"""Checking and fixing many files: configuration, rule selection, files, jobs.

This is the layer between the command line and the engine: it finds the
settings for each article (``config``), has ``selection`` choose its rules
and levels, builds and caches a linter for each distinct choice, collects
files (``files``), and runs them in parallel with results in a stable order.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context

from ..errors import InputError, LintnewsError, UsageError
from ..findings import Finding, Severity
from ..read.article import Article
from ..read.source import Source, read_path
from ..rules.backends.languagetool import backend_rule
from ..rules.base import Rule
from ..rules.loader import load_rules
from ..rules.vale_builtin import vale_rules
from ..rules.vocab import Vocab, load_vocab
from .config import ConfigFinder, Override, Settings
from .engine import Linter
from .files import Collected, collect
from .selection import Level, resolve, validate
from .baseline import Baselines
from .trust import Trust
from .writeback import WriteError, write_back


@dataclass
class Options:
    """What the command line (or a calling program) asks for."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    no_default_rules: bool = False
    config: str | None = None
    isolated: bool = False
    unsafe_fixes: bool = False
    fail_on: str | None = None  # overrides the configuration's
    stdin_filename: str | None = None
    allow_languagetool: bool = False  # contact a LanguageTool server a project's configuration names (run.trust)
    allow_outside_paths: bool = False  # read a project's styles and vocab outside it
    baseline: str | None = None  # --baseline FILE, over the configuration's baseline: key
    use_baselines: bool = True  # False while writing a baseline: every finding is recorded


@dataclass
class FileResult:
    path: str
    text: str = ""  # the text findings refer to (after fixing, for fix)
    original: str = ""
    findings: list[Finding] = field(default_factory=list)
    unused_suppressions: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unfinished: list[str] = field(default_factory=list)  # rules that did not finish on the file, one line each
    bom: bool = False
    applied: int = 0
    fixes: list[Finding] = field(default_factory=list)  # fixed, each at its place in the text it was fixed in
    changed: bool = False
    fail_on: str = "suggestion"
    article: Article | None = None  # of ``text``, for the reporters


def _tuple(values) -> tuple[str, ...] | None:
    """A select list; empty or absent selects nothing in particular (the default rules run)."""
    return tuple(values) if values else None


def _level(o: Override, where: str | None) -> Level:
    return Level(o.select, o.extend_select, o.ignore, o.severity, where)


class Session:
    def __init__(self, options: Options):
        self.options = options
        self.configs = ConfigFinder(options.config, options.isolated,
                                    Trust.load(options.allow_languagetool, options.allow_outside_paths))
        self._pools: dict = {}
        # Rule files skipped (one line each: the file and the problem), and warnings about rules that load.
        self.load_errors: list[str] = []
        self.load_warnings: list[str] = []
        self._linters: dict = {}
        self._checked: set[int] = set()
        self.baselines = Baselines()

    # ------------------------------------------------------------ rules
    def _pool(self, settings: Settings) -> tuple[list[Rule], Vocab]:
        """Every rule an article under ``settings`` could run (before selection), and the vocabulary."""
        key = (tuple(settings.styles), tuple(settings.vocab), repr(settings.languagetool), settings.language)
        if key not in self._pools:
            styles = [*settings.styles, *self.options.styles]
            problems: list[str] = []
            warnings: list[str] = []
            rules = load_rules(styles, builtin=not self.options.no_default_rules, problems=problems,
                               warnings=warnings)
            self.load_errors.extend(p for p in problems if p not in self.load_errors)
            self.load_warnings.extend(w for w in warnings if w not in self.load_warnings)
            vocab = load_vocab(settings.vocab)
            reject = vocab.reject_rule()
            if reject is not None:
                rules.append(reject)
            if settings.languagetool is not None and settings.languagetool_allowed:
                rules.append(backend_rule(dict(settings.languagetool), str(settings.source),
                                          default_language=settings.language))
            if not rules:
                raise UsageError(None, "no rules to run: --no-default-rules needs --styles DIR or styles in a config")
            # Vale's built-in rules (Vale.Spelling, Vale.Repetition, Vale.Terms, Vale.Avoid): run only when chosen.
            rules.extend(vale_rules(vocab.accept, vocab.reject, {r.id for r in rules}))
            self._pools[key] = (rules, vocab)
        return self._pools[key]

    def _levels(self, settings: Settings) -> tuple[Level, Level]:
        """The project's choices: the configuration file's, and the command line's."""
        opts = self.options
        where = str(settings.source) if settings.source else None
        config = Level(None if opts.select else _tuple(settings.select), tuple(settings.extend_select),
                       tuple(settings.ignore), settings.severity, where)
        cli = Level(_tuple(opts.select), tuple(opts.extend_select), tuple(opts.ignore))
        return config, cli

    def check_settings(self, settings: Settings) -> None:
        """Raise, once per configuration, for a rule id or prefix that names no rule, at any level."""
        if id(settings) in self._checked:
            return
        pool, _ = self._pool(settings)
        where = str(settings.source) if settings.source else None
        validate(pool, [*self._levels(settings), *(_level(o, where) for o in settings.per_path)])
        self._checked.add(id(settings))

    def prepare(self, files: list[str]) -> None:
        """Check every configuration the files use before any is read (errors reported once)."""
        for path in files:
            settings = self.configs.settings_for(self._config_path(path))
            self.check_settings(settings)
            self._baseline_keep(path, settings)

    def _baseline_keep(self, path: str, settings: Settings):
        """The filter that drops the findings the article's baseline records (None: no baseline)."""
        if not self.options.use_baselines:
            return None
        if self.options.baseline:
            return self.baselines.keep(self.options.baseline, path)
        if settings.baseline is not None:
            self.baselines.load(settings.baseline, named_by=str(settings.source))
            return self.baselines.keep(settings.baseline, path)
        return None

    def _config_path(self, path: str) -> str:
        return (self.options.stdin_filename or "-") if path == "-" else path

    def linter_for(self, path: str) -> tuple[Linter, Settings]:
        settings = self.configs.settings_for(path)
        overrides = settings.overrides_for(path) if path != "-" else ()
        key = (id(settings), overrides)
        if key not in self._linters:
            self.check_settings(settings)
            pool, vocab = self._pool(settings)
            where = str(settings.source) if settings.source else None
            selection = resolve(pool, [*self._levels(settings), *(_level(o, where) for o in overrides)],
                                settings.language)
            linter = Linter(selection.rules, accept=vocab.accepts if vocab.accept else None, levels=selection.levels,
                            time_budget=settings.time_budget)
            self._linters[key] = (linter, settings)
        return self._linters[key]

    def rules_used(self, paths=()) -> list:
        """Every rule that ran on ``paths`` (for reporters that describe rules)."""
        for path in paths:
            try:
                self.linter_for(self._config_path(path))
            except LintnewsError:
                pass
        seen = {}
        for linter, _ in self._linters.values():
            for rule in linter.rules:
                seen.setdefault(rule.id, rule)
        return [seen[k] for k in sorted(seen)]

    # ------------------------------------------------------------ files
    def collect(self, paths) -> Collected:
        """Articles to check, in a stable order, with errors and warnings for entries left out."""
        return collect(paths, lambda p: self.configs.settings_for(str(p)).excluded(p))

    # ------------------------------------------------------------ running
    def read(self, path: str) -> Source:
        return read_path(path)

    def process(self, path: str, mode: str) -> FileResult:
        """Check (``mode`` "check"), fix in place ("fix") or compute a fix only ("diff").

        Never raises: whatever goes wrong becomes a one-line error on the
        file's result, so one bad article cannot take the others' results down.
        """
        result = FileResult(path)
        try:
            self._process(path, mode, result)
        except LintnewsError as exc:
            result.errors.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - reported per file, the run goes on
            result.errors.append(f"{path}: internal error ({type(exc).__name__}: {exc}); please report it")
        return result

    def _process(self, path: str, mode: str, result: FileResult) -> None:
        source = self.read(path)
        linter, settings = self.linter_for(self._config_path(path))
        result.fail_on = self.options.fail_on or settings.fail_on
        result.original = source.text
        result.bom = source.bom
        shown = self.options.stdin_filename if path == "-" and self.options.stdin_filename else path
        keep = self._baseline_keep(path, settings)
        if mode == "check":
            checked = linter.check(source.text, shown)
            result.text = source.text
        else:
            trace: list = []
            fixed = linter.fix(source.text, shown, unsafe=self.options.unsafe_fixes, trace=trace, keep=keep)
            checked = fixed.result
            if not fixed.converged:
                result.errors.append(f"{path}: fixes did not converge after {fixed.passes} passes; file left unchanged")
                result.text = source.text
                checked = linter.check(source.text, shown)
            else:
                result.text = fixed.text
                result.applied = fixed.applied
                result.fixes = [f for _, taken in trace for f in taken]
                result.changed = fixed.text != source.text
                if mode == "fix" and result.changed and path != "-":
                    try:
                        write_back(source, source.encode(fixed.text))
                    except WriteError as exc:
                        # Nothing was written: report what the file still holds.
                        result.errors.append(str(exc))
                        result.text, result.applied, result.changed, result.fixes = source.text, 0, False, []
                        checked = linter.check(source.text, shown)
        result.findings = keep(checked.findings) if keep is not None else checked.findings
        result.article = checked.article
        result.unused_suppressions = checked.unused_suppressions
        result.errors.extend(checked.errors)
        result.warnings.extend(checked.warnings)
        result.unfinished = checked.unfinished

    def run(self, files: list[str], mode: str, jobs: int | None = None) -> list[FileResult]:
        jobs = jobs or os.cpu_count() or 1
        on_disk = [f for f in files if f != "-"]
        if jobs <= 1 or len(on_disk) < 4:
            return [self.process(f, mode) for f in files]
        global _SESSION
        _SESSION = self
        # Warm the caches so forked workers inherit compiled rules.
        for f in on_disk[:1]:
            try:
                self.linter_for(f)
            except LintnewsError:
                pass
        results: dict[str, FileResult] = {}
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
            chunk = max(1, len(on_disk) // (jobs * 8))
            for res in pool.map(_process, on_disk, [mode] * len(on_disk), chunksize=chunk):
                results[res.path] = res
        return [results[f] if f != "-" else self.process(f, mode) for f in files]


_SESSION: Session | None = None


def _process(path: str, mode: str) -> FileResult:
    assert _SESSION is not None
    return _SESSION.process(path, mode)


def failing(results: list[FileResult]) -> list[Finding]:
    """Findings at or above each file's fail-on level."""
    out = []
    for r in results:
        floor = Severity(r.fail_on).rank
        out.extend(f for f in r.findings if f.severity.rank >= floor)
    return out
