"""Checking and fixing many files: configuration, rule selection, files, jobs.

This is the layer between the command line and the engine: it finds the
settings for each article (``config.py``), builds and caches a linter for
each distinct set of rules, walks folders (with excludes and ``.gitignore``),
and runs files in parallel with results in a stable order.
"""

from __future__ import annotations

import copy
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import pathspec

from .config import ConfigError, ConfigFinder, Settings
from .engine import Linter, select_rules
from ..errors import InputError, LintnewsError, UsageError
from ..findings import Finding, Severity
from ..rules.backends.languagetool import backend_rule
from ..rules.loader import load_rules
from ..read.source import Source, read_path, write_atomic
from ..rules.vocab import load_vocab

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


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


@dataclass
class FileResult:
    path: str
    text: str = ""  # the text findings refer to (after fixing, for fix)
    original: str = ""
    findings: list[Finding] = field(default_factory=list)
    unused_suppressions: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    bom: bool = False
    applied: int = 0
    changed: bool = False
    fail_on: str = "suggestion"


class Session:
    def __init__(self, options: Options):
        self.options = options
        self.configs = ConfigFinder(options.config, options.isolated)
        self._rules: dict = {}
        self._linters: dict = {}

    # ------------------------------------------------------------ rules
    def _all_rules(self, settings: Settings):
        key = (tuple(settings.styles), tuple(settings.vocab), repr(settings.languagetool), settings.language)
        if key not in self._rules:
            styles = [*settings.styles, *self.options.styles]
            rules = load_rules(styles, builtin=not self.options.no_default_rules)
            vocab = load_vocab(settings.vocab)
            reject = vocab.reject_rule()
            if reject is not None:
                rules.append(reject)
            if settings.languagetool is not None:
                rules.append(backend_rule(dict(settings.languagetool), str(settings.source),
                                          default_language=settings.language))
            self._rules[key] = (rules, vocab)
        return self._rules[key]

    def linter_for(self, path: str) -> tuple[Linter, Settings]:
        settings = self.configs.settings_for(path)
        overrides = settings.overrides_for(path) if path != "-" else ()
        key = (id(settings), overrides)
        if key not in self._linters:
            self._linters[key] = (self._build(settings, overrides), settings)
        return self._linters[key]

    def rules_used(self, paths=()) -> list:
        """Every rule that ran on ``paths`` (for reporters that describe rules)."""
        for path in paths:
            try:
                self.linter_for(path if path != "-" else (self.options.stdin_filename or "-"))
            except LintnewsError:
                pass
        seen = {}
        for linter, _ in self._linters.values():
            for rule in linter.rules:
                seen.setdefault(rule.id, rule)
        return [seen[k] for k in sorted(seen)]

    def _build(self, settings: Settings, overrides) -> Linter:
        rules, vocab = self._all_rules(settings)
        if not rules:
            raise UsageError(None, "no rules to run: --no-default-rules needs --styles DIR or styles in a config")
        rules = [r for r in rules if not r.values["languages"] or settings.language in r.values["languages"]]
        opts = self.options
        where = str(settings.source) if settings.source else None

        def choose(selectors, pool, source):
            try:
                return select_rules(pool, selectors)
            except UsageError as exc:
                raise (ConfigError(source, exc.problem) if source else exc) from None

        select = opts.select or settings.select
        if select:
            chosen = choose(select, rules, None if opts.select else where)
        else:
            chosen = [r for r in rules if r.values["enabled"]]
        extend = [*settings.extend_select, *opts.extend_select]
        if extend:
            chosen += [r for r in choose(extend, rules, where) if r not in chosen]
        ignore = [*settings.ignore, *opts.ignore]
        if ignore:
            dropped = {r.id for r in choose(ignore, rules, where)}
            chosen = [r for r in chosen if r.id not in dropped]
        for o in overrides:
            if o.select is not None:
                chosen = choose(list(o.select), rules, where)
            if o.extend_select:
                chosen += [r for r in choose(list(o.extend_select), rules, where) if r not in chosen]
            if o.ignore:
                dropped = {r.id for r in choose(list(o.ignore), rules, where)}
                chosen = [r for r in chosen if r.id not in dropped]
            for rule_id, level in o.severity:
                for i, rule in enumerate(chosen):
                    if rule.id == rule_id or rule.id.startswith(rule_id):
                        changed = copy.copy(rule)
                        changed.severity = Severity(level)
                        chosen[i] = changed
        chosen.sort(key=lambda r: r.id)
        if vocab.accept:
            return Linter(chosen, accept=vocab.accepts)
        return Linter(chosen)

    # ------------------------------------------------------------ files
    def collect(self, paths) -> tuple[list[str], list[str]]:
        """Articles to check, in a stable order, and errors for paths that do not exist."""
        files, errors = [], []
        for raw in paths:
            p = Path(raw)
            if raw == "-":
                files.append(raw)
            elif p.is_file():
                if not self.configs.settings_for(raw).excluded(raw):
                    files.append(raw)
            elif p.is_dir():
                files.extend(self._walk(p))
            else:
                errors.append(f"{raw}: no such file or directory")
        return list(dict.fromkeys(files)), errors

    def _walk(self, top: Path) -> list[str]:
        found = []
        ignores: list[tuple[Path, pathspec.PathSpec]] = []
        for root, dirs, names in os.walk(top):
            here = Path(root)
            ignores = [(base, spec) for base, spec in ignores if here == base or base in here.parents]
            gitignore = here / ".gitignore"
            if gitignore.is_file():
                lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
                ignores.append((here, pathspec.GitIgnoreSpec.from_lines(lines)))
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not self._ignored(here / d, True, ignores))
            for name in sorted(names):
                path = here / name
                if (name.endswith(ARTICLE_SUFFIXES) and not name.startswith(".")
                        and not self._ignored(path, False, ignores)):
                    found.append(str(path))
        return found

    def _ignored(self, path: Path, is_dir: bool, ignores) -> bool:
        """Whether a .gitignore above ``path`` or the config's exclude globs leave it out."""
        for base, spec in ignores:
            rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            if spec.match_file(rel):
                return True
        return self.configs.settings_for(str(path)).excluded(path)

    # ------------------------------------------------------------ running
    def read(self, path: str) -> Source:
        return read_path(path)

    def process(self, path: str, mode: str) -> FileResult:
        """Check (``mode`` "check"), fix in place ("fix") or compute a fix only ("diff")."""
        result = FileResult(path)
        try:
            source = self.read(path)
            linter, settings = self.linter_for(self.options.stdin_filename or path if path == "-" else path)
        except (InputError, LintnewsError) as exc:
            result.errors.append(str(exc))
            return result
        result.fail_on = self.options.fail_on or settings.fail_on
        result.original = source.text
        result.bom = source.bom
        shown = self.options.stdin_filename if path == "-" and self.options.stdin_filename else path
        if mode == "check":
            checked = linter.check(source.text, shown)
            result.text = source.text
        else:
            fixed = linter.fix(source.text, shown, unsafe=self.options.unsafe_fixes)
            checked = fixed.result
            if not fixed.converged:
                result.errors.append(f"{path}: fixes did not converge after {fixed.passes} passes; file left unchanged")
                result.text = source.text
                checked = linter.check(source.text, shown)
            else:
                result.text = fixed.text
                result.applied = fixed.applied
                result.changed = fixed.text != source.text
                if mode == "fix" and result.changed and path != "-":
                    write_atomic(path, source.encode(fixed.text))
        result.findings = checked.findings
        result.unused_suppressions = getattr(checked, "unused_suppressions", [])
        result.errors.extend(checked.errors)
        result.warnings.extend(checked.warnings)
        return result

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
