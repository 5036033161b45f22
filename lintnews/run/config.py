"""Project configuration: ``lintnews.yaml``, ``.lintnews.yaml`` or ``[tool.lintnews]``.

The configuration that applies to an article is the nearest one found by
walking up from the article's folder (``--config`` names one, ``--isolated``
ignores them all). Paths in it (styles, vocab, per-path and exclude globs)
are relative to the file that holds them. Keys are validated like rule
files: an unknown key or a wrong type is a one-line error naming the file.
"""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import pathspec

from ..errors import ConfigError
from ..read.datafile import load_toml, load_yaml
from ..rules import budget
from ..rules.backends.languagetool.options import parse_options
from ..rules.schema import Option, Schema
from .trust import Trust

CONFIG_NAMES = ("lintnews.yaml", ".lintnews.yaml", "pyproject.toml")
LEVELS = ("error", "warning", "suggestion")
LANGUAGES = ("en-US", "en-GB")


@dataclass(frozen=True)
class Override:
    """Changes for the articles whose path matches ``pattern`` (a glob)."""

    pattern: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()

    def matches(self, relative: str) -> bool:
        return _spec((self.pattern,)).match_file(relative)


@dataclass
class Settings:
    source: Path | None = None  # the file these came from; None: defaults
    root: Path = field(default_factory=Path.cwd)
    styles: list[Path] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: tuple[tuple[str, str], ...] = ()  # (rule id or prefix, level) for every article
    per_path: list[Override] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    language: str = "en-US"
    fail_on: str = "suggestion"
    vocab: list[Path] = field(default_factory=list)
    languagetool: dict | None = None  # options of the LanguageTool backend; None: off
    languagetool_allowed: bool = False  # whether the user consents to its server (run.trust)
    time_budget: float = budget.DEFAULT  # seconds one article may take; 0: no limit
    baseline: Path | None = None  # findings recorded there are not reported, nor fixed (run.baseline)

    def relative(self, path: str | Path) -> str:
        """``path`` relative to the config's folder, POSIX style (for globs)."""
        p = Path(path).resolve()
        try:
            return PurePosixPath(p.relative_to(self.root.resolve())).as_posix()
        except ValueError:
            return PurePosixPath(p).as_posix()

    def excluded(self, path: str | Path) -> bool:
        return bool(self.exclude) and _spec(tuple(self.exclude)).match_file(self.relative(path))

    def overrides_for(self, path: str | Path) -> tuple[Override, ...]:
        if not self.per_path:
            return ()
        rel = self.relative(path)
        return tuple(o for o in self.per_path if o.matches(rel))

    def describe(self) -> dict[str, Any]:
        return {
            "source": str(self.source) if self.source else None,
            "styles": [str(s) for s in self.styles],
            "select": self.select,
            "ignore": self.ignore,
            "extend-select": self.extend_select,
            "severity": dict(self.severity),
            "per-path": {o.pattern: _override_dict(o) for o in self.per_path},
            "exclude": self.exclude,
            "language": self.language,
            "fail-on": self.fail_on,
            "vocab": [str(v) for v in self.vocab],
            "languagetool": self.languagetool,
            "time-budget": self.time_budget,
            "baseline": str(self.baseline) if self.baseline else None,
        }


def _override_dict(o: Override) -> dict:
    out: dict[str, Any] = {}
    if o.select is not None:
        out["select"] = list(o.select)
    if o.ignore:
        out["ignore"] = list(o.ignore)
    if o.extend_select:
        out["extend-select"] = list(o.extend_select)
    if o.severity:
        out["severity"] = dict(o.severity)
    return out


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]):
    return pathspec.GitIgnoreSpec.from_lines(patterns)


# ------------------------------------------------------------------ loading
SELECTION_KEYS = {
    "select": Option("strings", None, "rule ids or prefixes to run instead of the default set"),
    "ignore": Option("strings", [], "rule ids or prefixes to leave out"),
    "extend-select": Option("strings", [], "rule ids or prefixes to add (rules that are off by default too)"),
    "severity": Option("dict", {}, "rule id or prefix -> level (error, warning, suggestion) for its findings"),
}
KEYS = Schema({
    "styles": Option("strings", [], "folders of your own rules, laid out as <folder>/<Style>/<Rule>.yml"),
    **SELECTION_KEYS,
    "per-path": Option("dict", {}, "glob -> select / ignore / extend-select / severity for matching articles"),
    "exclude": Option("strings", [], "articles never checked (gitignore-style globs)"),
    "language": Option("str", "en-US", "the articles' language", choices=LANGUAGES),
    "fail-on": Option("str", "suggestion", "exit 1 only for findings at or above this level", choices=LEVELS),
    "vocab": Option("strings", [], "folders with Vale-style accept.txt / reject.txt word lists"),
    "languagetool": Option("dict", None, "a LanguageTool server to ask (its keys are listed below)"),
    "time-budget": Option("float", budget.DEFAULT, "seconds one article may take; the rules not finished by then "
                                                   "are named in a warning (0: no limit)"),
    "baseline": Option("str", None, "a baseline file (check --write-baseline), relative to this configuration, "
                                    "whose findings check and fix leave alone; --baseline overrides it"),
})
OVERRIDE_KEYS = Schema(SELECTION_KEYS)


def _severities(fail, prefix: str, mapping: dict) -> tuple[tuple[str, str], ...]:
    for rule_id, level in mapping.items():
        if level not in LEVELS:
            fail(f"key '{prefix}severity.{rule_id}' must be one of {', '.join(LEVELS)}, not {level!r}")
    return tuple(sorted((str(k), v) for k, v in mapping.items()))


def parse_settings(data: dict, source: Path, trust: Trust | None = None) -> Settings:
    """Settings from a configuration's mapping; ``trust`` is what the user lets it do (default: nothing)."""
    where = str(source)
    trust = trust or Trust()

    def fail(problem: str):
        raise ConfigError(where, problem)

    if not isinstance(data, dict):
        fail(f"configuration must be a mapping of keys, not {type(data).__name__}")
    values = KEYS.validate(data, fail)
    root = source.parent.resolve()
    settings = Settings(source=source, root=root)
    settings.styles = _folders(fail, root, "styles", values["styles"], trust)
    settings.select = values["select"]
    settings.ignore = values["ignore"]
    settings.extend_select = values["extend-select"]
    settings.severity = _severities(fail, "", values["severity"])
    settings.exclude = [_glob(fail, "exclude", g) for g in values["exclude"]]
    settings.vocab = _folders(fail, root, "vocab", values["vocab"], trust)
    settings.language = values["language"]
    settings.fail_on = values["fail-on"]
    settings.languagetool = values["languagetool"]
    settings.time_budget = values["time-budget"]
    settings.baseline = root / values["baseline"] if values["baseline"] else None
    if not (math.isfinite(settings.time_budget) and settings.time_budget >= 0):
        fail(f"key 'time-budget' must be a number of seconds, 0 (no limit) or more, not {settings.time_budget!r}")
    if settings.languagetool is not None:
        options = parse_options(dict(settings.languagetool), where, default_language=settings.language)
        settings.languagetool_allowed = trust.allows_server(options.url)
    for pattern, changes in values["per-path"].items():
        settings.per_path.append(_parse_override(fail, _glob(fail, "per-path", str(pattern)), changes))
    return settings


def _folders(fail, root: Path, key: str, names: list[str], trust: Trust) -> list[Path]:
    """The folders a key names, relative to the configuration's folder; each must exist, and
    one outside the project (``root``, links followed) needs the user's consent."""
    folders = [root / name for name in names]
    for name, folder in zip(names, folders):
        real = folder.resolve()
        if not real.is_relative_to(root) and not trust.allows_folder(real):
            fail(trust.folder_refused(key, name, real, root))
        if not folder.is_dir():
            fail(f"key '{key}': folder not found: {folder}")
    return folders


# Globs are matched by pathspec through Python's re, which has no timeout, and each '*' within one
# path segment multiplies the ways a long name can be tried: four take 15 s on a 250-letter name,
# five run for hours. No real glob comes near the bounds; a hostile one is refused.
MAX_GLOB_STARS = 3  # '*' in one path segment
MAX_GLOBSTARS = 4  # '**' segments in one glob


def costly_glob(glob: str) -> bool:
    """Whether a glob has too many wildcards to match a path in bounded time (also for .gitignore lines)."""
    segments = glob.split("/")
    return any(s.count("*") > MAX_GLOB_STARS for s in segments if s != "**") or segments.count("**") > MAX_GLOBSTARS


def _glob(fail, key: str, glob: str) -> str:
    if costly_glob(glob):
        fail(f"key '{key}': glob {glob[:80]!r} has too many wildcards to match in bounded time "
             f"(at most {MAX_GLOB_STARS} '*' in one path segment and {MAX_GLOBSTARS} '**')")
    return glob


def _parse_override(fail, pattern: str, changes: Any) -> Override:
    prefix = f"per-path.{pattern}."
    if not isinstance(changes, dict):
        fail(f"key 'per-path.{pattern}' must be a mapping")
    values = OVERRIDE_KEYS.validate(changes, fail, prefix=prefix, context=f" in 'per-path.{pattern}'")
    return Override(
        pattern=pattern,
        select=tuple(values["select"]) if values["select"] is not None else None,
        ignore=tuple(values["ignore"]),
        extend_select=tuple(values["extend-select"]),
        severity=_severities(fail, prefix, values["severity"]),
    )


def read_config(path: Path, trust: Trust | None = None) -> Settings | None:
    """Settings from one file; None for a pyproject.toml without [tool.lintnews]."""
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(where, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = f"invalid TOML: {exc}" if path.name == "pyproject.toml" else "configuration is not UTF-8"
        raise ConfigError(where, problem) from None
    if path.name == "pyproject.toml":
        table = load_toml(text, where, error=ConfigError).get("tool", {}).get("lintnews")
        return None if table is None else parse_settings(table, path, trust)
    return parse_settings(load_yaml(text, where, error=ConfigError) or {}, path, trust)


class ConfigFinder:
    """Finds and caches the settings for each article's folder.

    ``trust`` is what the user lets a configuration do (default: the user's
    configuration file and the environment, :meth:`Trust.load`);
    ``warnings`` collects one line per configuration whose LanguageTool
    server is not contacted for want of consent.
    """

    def __init__(self, config: str | Path | None = None, isolated: bool = False, trust: Trust | None = None):
        self.isolated = isolated
        self.trust = trust or Trust.load()
        self.warnings: list[str] = []
        self.fixed = self._read(Path(config)) if config else None
        if config and self.fixed is None:
            raise ConfigError(str(config), "no [tool.lintnews] table in this pyproject.toml")
        self._by_dir: dict[Path, Settings] = {}
        self.default = Settings(root=Path.cwd())

    def settings_for(self, path: str | Path) -> Settings:
        if self.fixed is not None:
            return self.fixed
        if self.isolated or str(path) == "-":
            return self.default
        folder = Path(os.path.abspath(path))  # not resolve(): a link is configured where it stands
        folder = folder if folder.is_dir() else folder.parent
        return self._walk(folder)

    def _walk(self, folder: Path) -> Settings:
        if folder in self._by_dir:
            return self._by_dir[folder]
        found = None
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                found = self._read(candidate)
                if found is not None:
                    break
        if found is None:
            found = self._walk(folder.parent) if folder.parent != folder else self.default
        self._by_dir[folder] = found
        return found

    def _read(self, path: Path) -> Settings | None:
        settings = read_config(path, self.trust)
        if settings is not None and settings.languagetool is not None and not settings.languagetool_allowed:
            url = str(settings.languagetool.get("url", "")).strip()
            self.warnings.append(self.trust.server_refused(str(path), url))
        return settings


STARTER_CONFIG = """\
# lintnews configuration: every key is described in the lintnews README.
# Paths are relative to this file.

# Rule folders of your own, laid out as <folder>/<Style>/<Rule>.yml.
# styles: [styles]

# Rule ids or prefixes. By default every rule runs.
# select: [News]
ignore: []
# extend-select: []

# en-US or en-GB.
language: en-US

# Exit 1 only for findings at or above this level: error, warning or suggestion.
fail-on: warning

# Articles never checked (gitignore-style globs).
exclude:
  - "drafts/**"

# Fewer rules for wire copy, which is edited upstream.
# per-path:
#   "wire/**":
#     ignore: [News.UnattributedClaim]
#     severity: {News.MultipleSpaces: suggestion}

# Folders with Vale-style accept.txt / reject.txt word lists.
# vocab: [vocab/House]

# Seconds one article may take; rules not finished by then are named in a warning (0: no limit).
# time-budget: 8
"""

PRE_COMMIT_SNIPPET = """\
# Add to .pre-commit-config.yaml (see the lintnews README).
repos:
  - repo: https://github.com/your-org/lintnews   # wherever you host lintnews
    rev: v0.1.0                                   # a tag or commit of it
    hooks:
      - id: lintnews-fix   # applies safe fixes; fails when it changed a file
      - id: lintnews       # reports what is left
"""
