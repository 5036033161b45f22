"""Checking and fixing many files: configuration, rule selection, files, jobs.

This is the layer between the command line and the engine: it finds the
settings for each article (``config``), has ``selection`` choose its rules
and levels, builds and caches a linter for each distinct choice, collects
files (``files``), and runs them in parallel with results in a stable order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LintnewsError, UsageError
from ..findings import Finding, Severity
from ..read.article import Article
from ..read.source import Source, read_path
from ..rules.base import Rule
from ..rules.loader import load_rules
from ..rules import vale_scopes
from ..rules.vale_builtin import vale_rules
from ..rules.vocab import Vocab, load_vocab
from .cache import Caches
from .config import Override, Settings
from .engine import Linter
from .files import Collected, collect
from .fixer import placed_in_original
from .jobs import run_parallel
from .selection import Level, resolve, validate
from .baseline import Baselines
from .trust import LOCAL_FLAG, Trust
from .vale_ini import ValeConfigFinder, above_min_level, vale_levels, vale_loaded, vale_reader, vale_styles_path
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
    cache: bool = False  # keep and reuse results in the cache folder (run.cache)
    cache_dir: str | None = None  # that folder (--cache-dir, LINTNEWS_CACHE_DIR); None: each configuration's
    profile: bool = False  # time each rule (Session.timings); the caller runs one job, without the cache
    baseline: str | None = None  # --baseline FILE, over the configuration's baseline: key
    use_baselines: bool = True  # False while writing a baseline: every finding is recorded
    languagetool_local: bool = False  # start LanguageTool here and check with it (rules/backends/languagetool/local.py)
    vale_config: str | None = None  # --vale-config: a Vale configuration for every article (run/vale_ini.py)


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
    baselined: int = 0  # findings the baseline accounts for, not reported
    fail_on: str = "suggestion"
    article: Article | None = None  # of ``text``, for the reporters


def _tuple(values) -> tuple[str, ...] | None:
    """A select list; empty or absent selects nothing in particular (the default rules run)."""
    return tuple(values) if values else None


def config_levels(settings: Settings, keep_select: bool = True) -> list[Level]:
    """The configuration's choices, one level per file of its ``extend`` chain, outermost first; without
    ``keep_select`` their selects are dropped (a command-line ``--select`` replaces them)."""
    return [Level(_tuple(s.select) if keep_select else None, tuple(s.extend_select), tuple(s.ignore),
                  s.severity, str(s.source) if s.source else None) for s in settings.chain()]


def _level(o: Override, where: str | None) -> Level:
    return Level(o.select, o.extend_select, o.ignore, o.severity, o.source or where, f"per-path.{o.pattern}.")


class Session:
    def __init__(self, options: Options):
        self.options = options
        self.configs = ValeConfigFinder(options.config, options.isolated,
                                        Trust.load(options.allow_languagetool, options.allow_outside_paths,
                                                   languagetool_local=options.languagetool_local),
                                        vale_config=options.vale_config)
        self._pools: dict = {}
        # Rule files skipped (one line each: the file and the problem), and warnings about rules that load.
        self.load_errors: list[str] = []
        self.load_warnings: list[str] = []
        self.load_replaced: list[str] = []  # a rule replacing one of its id from another file: said, never --strict's
        self.load_failed: set[str] = set()  # the ids of rule files that did not load (selection.validate names them)
        self._linters: dict = {}
        self.timings: dict[str, float] | None = {} if options.profile else None  # rule id -> CPU seconds
        self._checked: set[int] = set()
        self._runs_nothing: set[int] = set()  # settings (by id) whose select and ignore leave every rule out
        self.cache = Caches(options, options.cache_dir) if options.cache else None
        self.baselines = Baselines()

    # ------------------------------------------------------------ rules
    def _pool(self, settings: Settings, language: str | None = None) -> tuple[list[Rule], Vocab]:
        """Every rule an article under ``settings`` (in ``language``) could run (before selection), and the vocabulary."""
        language = language or settings.language
        key = (tuple(settings.styles), tuple(settings.vocab), repr(settings.languagetool), language,
               vale_styles_path(settings))
        if key not in self._pools:
            styles = [*settings.styles, *self.options.styles]
            problems: list[str] = []
            warnings: list[str] = []
            replaced: list[str] = []
            rules = load_rules(styles, builtin=not self.options.no_default_rules, problems=problems,
                               warnings=warnings, replaced=replaced, failed=self.load_failed)
            self.load_errors.extend(p for p in problems if p not in self.load_errors)
            self.load_warnings.extend(w for w in warnings if w not in self.load_warnings)
            self.load_replaced.extend(w for w in replaced if w not in self.load_replaced)
            vocab = load_vocab(settings.vocab)
            reject = vocab.reject_rule()
            if reject is not None:
                rules.append(reject)
            lt, where = settings.languagetool, str(settings.source)
            if self.options.languagetool_local:
                from ..rules.backends.languagetool.local import local_options  # its client: only when asked for

                lt, where = local_options(lt), LOCAL_FLAG
            if lt is not None and (settings.languagetool_allowed or self.options.languagetool_local):
                from ..rules.backends.languagetool import backend_rule

                rules.append(backend_rule(dict(lt), where, default_language=language))
            if not rules:
                raise UsageError(None, "no rules to run: --no-default-rules needs --styles DIR or styles in a config")
            # Vale's built-in rules (Vale.Spelling, Vale.Repetition, Vale.Terms, Vale.Avoid): run only when chosen.
            rules.extend(vale_rules(vocab.accept, vocab.reject, {r.id for r in rules}, vale_styles_path(settings)))
            self._pools[key] = (rules, vocab)
        return self._pools[key]

    def _levels(self, settings: Settings) -> list[Level]:
        """The project's choices: the configuration file's (after those of the files it extends), and the command line's."""
        opts = self.options
        config = config_levels(settings, keep_select=not opts.select)
        cli = Level(_tuple(opts.select), tuple(opts.extend_select), tuple(opts.ignore), section="--")
        return [*config, cli]

    def check_settings(self, settings: Settings) -> None:
        """Raise, once per configuration, for a rule id or prefix that names no rule, at any level."""
        if id(settings) in self._checked:
            return
        runs = self.cache.validated(settings) if self.cache is not None else None
        if runs is None:  # not passed before with the same rules and choices
            pool, _ = self._pool(settings)
            where = str(settings.source) if settings.source else None
            sections = [_level(o, where) for s in settings.chain() for o in s.per_path]
            validate(pool, [*self._levels(settings), *sections], self.load_failed)
            # Whether some rule runs; per-path sections and a .vale.ini choose per article: taken as yes.
            runs = bool(sections or getattr(settings, "vale", None) is not None
                        or resolve(pool, self._levels(settings), settings.language).rules)
            if self.cache is not None and not (self.load_errors or self.load_warnings):  # else said again next run
                self.cache.mark_validated(settings, runs)
        self._checked.add(id(settings))
        if not runs:
            self._runs_nothing.add(id(settings))

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
        vale = vale_levels(settings, path)  # a Vale configuration's choice for this file: the first level
        key = (id(settings), overrides, vale)
        if key not in self._linters:
            self.check_settings(settings)
            language = settings.language_for(overrides)
            pool, vocab = self._pool(settings, language)
            where = str(settings.source) if settings.source else None
            selection = resolve(pool, [*vale, *self._levels(settings), *(_level(o, where) for o in overrides)], language)
            selection = above_min_level(selection, settings)
            linter = Linter(selection.rules, accept=vocab.accepts if vocab.accept else None, levels=selection.levels,
                            time_budget=settings.time_budget, headline_fields=settings.headline_fields,
                            accept_within=vocab.accepts_within if vocab.accept else None, markup=settings.markup)
            linter.timings = self.timings
            linter.known_ids = frozenset(r.id for r in pool) | self.load_failed
            linter.vale_sentences = vale_scopes.segments(vale_loaded(pool, settings))  # Vale cuts them into sentences
            self._linters[key] = (linter, settings)
        return self._linters[key]

    def styles_left_out(self, files: list[str]) -> list[str]:
        """A warning for each ``--styles`` folder none of whose rules an article's configuration runs
        (a project's ``select: [News]`` leaves a style given on the command line out, and a check of it
        would say "All clean" with none of its rules run)."""
        if not self.options.styles or not files:
            return []
        folders = [Path(d).resolve() for d in self.options.styles]
        ran: set = set()
        loaded: dict = {folder: set() for folder in folders}
        pools: set = set()
        for path in files:
            linter, settings = self.linter_for(self._config_path(path))  # the selection the check will run
            ran.update(r.id for r in linter.rules)
            pool, _ = self._pool(settings)
            if id(pool) not in pools:
                pools.add(id(pool))
                for rule in pool:
                    parents = Path(rule.path).resolve().parents if rule.path else ()
                    for folder in folders:
                        if folder in parents:
                            loaded[folder].add(rule.id)
        out = []
        for folder, ids in loaded.items():
            if ids and not ids & ran:
                styles = sorted({i.split(".")[0] for i in ids})
                out.append(f"{folder}: no rule of this folder runs: the select in effect leaves all {len(ids)} out; "
                           f"add them with --extend-select {','.join(styles)}")
        return out

    def runs_no_rule(self, files: list[str]) -> list[str]:
        """A warning for each configuration whose select and ignore leave no rule to run (``--ignore
        News`` with the built-in rules only: a check would say "All clean" having read nothing)."""
        out: dict = {}
        for path in files:  # prepare() checked every configuration the files use
            settings = self.configs.settings_for(self._config_path(path))
            if id(settings) in self._runs_nothing:
                where = f"{settings.source}: " if settings.source else ""
                out[id(settings)] = f"{where}no rule runs: the select and ignore in effect leave every rule out"
        return list(out.values())

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
        return collect(paths, lambda p: self.configs.settings_for(str(p)).excluded(p), self.configs.suffixes())

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

    def cached(self, path: str, mode: str) -> FileResult | None:
        """The file's result from the cache, or None (not cached, or anything to report or fix)."""
        if self.cache is None or path == "-":
            return None
        result = FileResult(path)
        try:
            return result if self._restore(path, mode, self.read(path), result) else None
        except LintnewsError:
            return None  # process() reports it

    def _restore(self, path: str, mode: str, source: Source, result: FileResult) -> bool:
        if self.cache is None or path == "-":
            return False
        settings = self.configs.settings_for(path)
        result.fail_on = self.options.fail_on or settings.fail_on
        keep = self._baseline_keep(path, settings)
        return self.cache.restore(result, settings, path, source, mode, self.options.unsafe_fixes, keep)

    def _process(self, path: str, mode: str, result: FileResult) -> None:
        source = self.read(path)
        if self._restore(path, mode, source, result):
            return
        linter, settings = self.linter_for(self._config_path(path))
        result.fail_on = self.options.fail_on or settings.fail_on
        result.original = source.text
        result.bom = source.bom
        shown = self.options.stdin_filename if path == "-" and self.options.stdin_filename else path
        keep = self._baseline_keep(path, settings)
        reader = vale_reader(settings, path, linter)  # a suffix [formats] maps to md or txt
        if mode == "check":
            checked = linter.check(source.text, shown, reader)
            result.text = source.text
        else:
            trace: list = []
            fixed = linter.fix(source.text, shown, unsafe=self.options.unsafe_fixes, trace=trace, keep=keep,
                               reader=reader)
            checked = fixed.result
            if not fixed.converged:
                result.errors.append(f"{path}: fixes did not converge after {fixed.passes} passes; file left unchanged")
                result.text = source.text
                checked = linter.check(source.text, shown, reader)
            else:
                result.text = fixed.text
                result.applied = fixed.applied
                # In the order of the text, each where `check` placed it in the file as it was.
                result.fixes = sorted(placed_in_original(source.text, trace), key=lambda f: (f.line, f.column))
                result.changed = fixed.text != source.text
                if mode == "fix" and result.changed and path != "-":
                    try:
                        write_back(source, source.encode(fixed.text))
                    except WriteError as exc:
                        # Nothing was written: report what the file still holds.
                        result.errors.append(str(exc))
                        result.text, result.applied, result.changed, result.fixes = source.text, 0, False, []
                        checked = linter.check(source.text, shown, reader)
        result.findings = keep(checked.findings) if keep is not None else checked.findings
        result.baselined = len(checked.findings) - len(result.findings)
        result.article = checked.article
        result.unused_suppressions = checked.unused_suppressions
        result.errors.extend(checked.errors)
        result.warnings.extend(checked.warnings)
        result.unfinished = checked.unfinished
        if self.cache is not None and path != "-" and not (self.load_errors or self.load_warnings):
            self.cache.keep(result, settings, path, source, checked.findings)  # a bad rule file: said every run

    def run(self, files: list[str], mode: str, jobs: int | None = None, progress=None) -> list[FileResult]:
        """Results for ``files`` in their order: from the cache where it has them, the others checked
        in ``jobs`` processes (run.jobs). ``progress``, when given, is called with 1 per file done."""
        jobs = jobs or os.cpu_count() or 1
        done: dict[str, FileResult] = {}
        for f in files:
            hit = self.cached(f, mode)
            if hit is not None:
                done[f] = hit
                if progress is not None:
                    progress(1)
        todo = [f for f in files if f != "-" and f not in done]
        if jobs > 1 and len(todo) >= 4:
            done.update(run_parallel(self, todo, mode, jobs, progress))
        results = []
        for f in files:
            res = done.get(f) if f != "-" else None
            if res is None:
                res = self.process(f, mode)
                if progress is not None:
                    progress(1)
            results.append(res)
        return results


def failing(results: list[FileResult]) -> list[Finding]:
    """Findings at or above each file's fail-on level."""
    out = []
    for r in results:
        floor = Severity(r.fail_on).rank
        out.extend(f for f in r.findings if f.severity.rank >= floor)
    return out
