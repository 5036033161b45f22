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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any


from ..errors import ConfigError
from ..read.datafile import load_toml, load_yaml
from ..read.front_matter import HEADLINE_FIELDS
from ..read.markup_ignores import Ignores
from ..rules import budget
from ..rules.backends.languagetool.options import parse_options
from ..rules.rule_checks import LANGUAGES  # the one list: a configuration's language, a rule's languages
from ..rules.schema import Option, Schema
from ..rules.vocab import is_vocab_file
from . import extend, markup_config
from .globs import checked_glob as _glob
from .trust import Trust
from .vale_ini_read import CONFIG_KEYS as VALE_KEYS

CONFIG_NAMES = ("lintnews.yaml", ".lintnews.yaml", "pyproject.toml")
LEVELS = ("error", "warning", "suggestion")


@dataclass(frozen=True)
class Override:
    """Changes for the articles whose path matches ``pattern`` (a glob; or any of ``patterns``)."""

    pattern: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    language: str | None = None  # the articles' language, instead of the configuration's
    patterns: tuple[str, ...] = ()  # the globs of a `paths:` list; empty: just ``pattern``
    source: str | None = None  # the file the section is written in

    def matches(self, relative: str) -> bool:
        return glob_spec(self.patterns or (self.pattern,)).match_file(relative)


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
    cache_dir: Path | None = None  # the results cache's folder (run.cache); None: .lintnews_cache beside the config
    baseline: Path | None = None  # findings recorded there are not reported, nor fixed (run.baseline)
    parent: Settings | None = None  # the configuration this one extends (run/extend.py)
    docs_url: str = "docs/rules"  # where findings link to their rule's page (rules/docs.py)
    headline_fields: tuple[str, ...] = HEADLINE_FIELDS  # front matter fields read as prose; the first is the title
    vale_config: Path | None = None  # a Vale configuration these settings build on (run/vale_ini.py)
    vale: Any = None  # what that Vale configuration runs on each file (run.vale_ini.ValeChoice)
    markup: Ignores | None = None  # ignored-scopes, skipped-scopes, block-ignores, token-ignores (run/markup_config.py)

    def relative(self, path: str | Path) -> str:
        """``path`` relative to the config's folder, POSIX style (for globs)."""
        p = Path(path).resolve()
        try:
            return PurePosixPath(p.relative_to(self.root.resolve())).as_posix()
        except ValueError:
            return PurePosixPath(p).as_posix()

    def excluded(self, path: str | Path) -> bool:
        """Whether an ``exclude`` glob (here or in an extended file) leaves ``path`` out, or it is a vocab list."""
        if self.exclude and glob_spec(tuple(self.exclude)).match_file(self.relative(path)):
            return True
        return is_vocab_file(path, self.vocab) or (self.parent is not None and self.parent.excluded(path))

    def chain(self) -> list[Settings]:
        """The configurations this one builds on, outermost first, then this one."""
        return [*(self.parent.chain() if self.parent else ()), self]

    def overrides_for(self, path: str | Path) -> tuple[Override, ...]:
        inherited = self.parent.overrides_for(path) if self.parent is not None else ()
        if not self.per_path:
            return inherited
        rel = self.relative(path)
        return inherited + tuple(o for o in self.per_path if o.matches(rel))

    def language_for(self, overrides: tuple[Override, ...]) -> str:
        """The language of an article the ``overrides`` match: the last that sets one, else the configuration's."""
        return next((o.language for o in reversed(overrides) if o.language), self.language)

    def describe(self) -> dict[str, Any]:
        return {
            "source": str(self.source) if self.source else None,
            "extend": str(self.parent.source) if self.parent else None,
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
            "languagetool": self.languagetool, "time-budget": self.time_budget,
            "cache-dir": str(self.cache_dir) if self.cache_dir else None,
            "baseline": str(self.baseline) if self.baseline else None,
            "docs-url": self.docs_url,
            "headline-fields": list(self.headline_fields), "vale-config": str(self.vale_config) if self.vale_config else None,
            "vale": repr(self.vale), **markup_config.describe(self.markup),  # vale: the .vale.ini's choices (cache key)
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
    if o.language:
        out["language"] = o.language
    return out


@lru_cache(maxsize=256)
def glob_spec(patterns: tuple[str, ...]):
    """The gitignore-style matcher of ``patterns``, compiled once per tuple."""
    import pathspec  # imported when a glob is first matched: 0.014 s of a start that matches none
    return pathspec.GitIgnoreSpec.from_lines(patterns)


# ------------------------------------------------------------------ loading
SELECTION_KEYS = {
    "select": Option("strings", None, "rule ids or prefixes to run instead of the default set"),
    "ignore": Option("strings", [], "rule ids or prefixes to leave out"),
    "extend-select": Option("strings", [], "rule ids or prefixes to add (rules that are off by default too)"),
    "severity": Option("dict", {}, "rule id or prefix -> level (error, warning, suggestion) for its findings"),
}
KEYS = Schema({
    "extend": Option("str", None, "another configuration this one builds on (a path relative to this file, "
                                  "e.g. ../lintnews.yaml); this file's keys go on top"),
    "styles": Option("strings", [], "folders of your own rules, laid out as <folder>/<Style>/<Rule>.yml"),
    **SELECTION_KEYS,
    "per-path": Option("dict|records", {}, "glob -> select / ignore / extend-select / severity / language for "
                                           "matching articles (or a list of mappings, each with paths: [globs])"),
    "exclude": Option("strings", [], "articles never checked (gitignore-style globs)"),
    "language": Option("str", "en-US", "the articles' language", choices=LANGUAGES),
    "fail-on": Option("str", "suggestion", "exit 1 only for findings at or above this level", choices=LEVELS),
    "vocab": Option("strings", [], "folders with Vale-style accept.txt / reject.txt word lists"),
    "languagetool": Option("dict", None, "a LanguageTool server to ask (its keys are listed below)"),
    "time-budget": Option("float", budget.DEFAULT, "CPU seconds one article may take; the rules not finished by then "
                                                   "are named in a warning (0: no limit)"),
    "cache-dir": Option("str", None, "folder of the results cache (default: .lintnews_cache beside this file)"),
    "baseline": Option("str", None, "a baseline file (check --write-baseline), relative to this configuration, "
                                    "whose findings check and fix leave alone; --baseline overrides it"),
    "docs-url": Option("str", "docs/rules", "where the rule pages are published (a finding links to "
                                            "<docs-url>/<Style>/<Rule>.md; an absolute URL also becomes SARIF's helpUri)"),
    "headline-fields": Option("strings", list(HEADLINE_FIELDS), "front matter fields linted as prose (YAML, TOML "
                                                                "or JSON); the first is the article's title"),
    **VALE_KEYS, **markup_config.OPTIONS,
})
OVERRIDE_KEYS = Schema({
    **SELECTION_KEYS,
    "language": Option("str", None, "the matching articles' language, over the configuration's", choices=LANGUAGES),
})


def _severities(fail, prefix: str, mapping: dict) -> tuple[tuple[str, str], ...]:
    for rule_id, level in mapping.items():
        if level not in LEVELS:
            fail(f"key '{prefix}severity.{rule_id}' must be one of {', '.join(LEVELS)}, not {level!r}")
    return tuple(sorted((str(k), v) for k, v in mapping.items()))


def parse_settings(data: dict, source: Path, trust: Trust | None = None, chain: tuple[Path, ...] = ()) -> Settings:
    """Settings from a configuration's mapping; ``trust`` is what the user lets it do (default: nothing).

    ``chain``: the files that extend this one (resolved), to refuse a loop of ``extend``."""
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
    settings.cache_dir = root / values["cache-dir"] if values["cache-dir"] else None
    settings.baseline = root / values["baseline"] if values["baseline"] else None
    settings.docs_url = values["docs-url"].strip()
    settings.headline_fields = tuple(values["headline-fields"])
    settings.vale_config = root / values["vale-config"] if values["vale-config"] else None
    settings.markup = markup_config.read(fail, values, where)
    if not (math.isfinite(settings.time_budget) and settings.time_budget >= 0):
        fail(f"key 'time-budget' must be a number of seconds, 0 (no limit) or more, not {settings.time_budget!r}")
    if settings.languagetool is not None:
        options = parse_options(dict(settings.languagetool), where, default_language=settings.language)
        settings.languagetool_allowed = trust.allows_local() if options.local else trust.allows_server(options.url)
    sections = values["per-path"]
    for pattern, changes in (sections.items() if isinstance(sections, dict) else _records(fail, sections)):
        patterns = tuple(_glob(fail, "per-path", str(p)) for p in (pattern if isinstance(pattern, list) else [pattern]))
        settings.per_path.append(_parse_override(fail, ", ".join(patterns), changes, patterns, where))
    if values["extend"] is not None:
        chain = (*chain, source.resolve())
        path = extend.target(fail, root, values["extend"], CONFIG_NAMES, trust, chain)
        parent = read_config(path, trust, chain)
        if parent is None:
            fail(f"key 'extend': no [tool.lintnews] table in {path}")
        extend.inherit(settings, parent, data)
    return settings


def _records(fail, sections: list[dict]):
    """(globs, changes) for each mapping of a ``per-path`` list (``paths:`` and the section's keys)."""
    for n, changes in enumerate(map(dict, sections), 1):
        paths = changes.pop("paths", None)
        paths = [paths] if isinstance(paths, str) else paths
        if not paths or not all(isinstance(p, str) for p in paths):
            fail(f"per-path section {n} needs 'paths': a glob or a list of globs")
        yield paths, changes


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


def _parse_override(fail, pattern: str, changes: Any, patterns: tuple[str, ...] = (),
                    source: str | None = None) -> Override:
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
        language=values["language"],
        patterns=patterns,
        source=source,
    )


def read_config(path: Path, trust: Trust | None = None, chain: tuple[Path, ...] = ()) -> Settings | None:
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
        return None if table is None else parse_settings(table, path, trust, chain)
    return parse_settings(load_yaml(text, where, error=ConfigError, unique_keys=True) or {}, path, trust, chain)


class ConfigFinder:
    """Finds and caches the settings for each article's folder. ``trust`` is what the user lets a
    configuration do (default: the user's configuration file and the environment, :meth:`Trust.load`);
    ``warnings`` collects one line per configuration whose LanguageTool server is not contacted for
    want of consent.
    """

    def __init__(self, config: str | Path | None = None, isolated: bool = False, trust: Trust | None = None):
        self.isolated = isolated
        self.trust = trust or Trust.load()
        self.warnings: list[str] = []
        self.fixed = self._read(Path(config)) if config else None
        if config and self.fixed is None:
            raise ConfigError(str(config), "no [tool.lintnews] table in this pyproject.toml")
        self._by_dir, self._by_path = {}, {}  # folder -> settings; a path as given -> settings
        self.default = Settings(root=Path.cwd())

    def settings_for(self, path: str | Path) -> Settings:
        if self.fixed is not None:
            return self.fixed
        if self.isolated:
            return self.default
        if str(path) == "-":  # standard input with no --stdin-filename: configured from the current folder
            return self._walk(Path(os.getcwd()))
        found = self._by_path.get(path)  # a run asks for each article several times
        if found is None:
            folder = Path(os.path.abspath(path))  # not resolve(): a link is configured where it stands
            found = self._by_path[path] = self._walk(folder if folder.is_dir() else folder.parent)
        return found

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
  - "**/drafts/**"

# Fewer rules for wire copy, which is edited upstream. Globs are relative to this
# file, as in .gitignore: "content/wire/**" here, or "**/wire/**" at any depth.
# per-path:
#   "content/wire/**":
#     language: en-US
#     ignore: [News.UnattributedClaim]
#     severity: {News.MultipleSpaces: suggestion}

# Folders with Vale-style accept.txt / reject.txt word lists.
# vocab: [vocab/House]

# Seconds one article may take; rules not finished by then are named in a warning (0: no limit).
# time-budget: 8

# Where findings link to their rule's page (<docs-url>/<Style>/<Rule>.md); an absolute URL
# is also SARIF's helpUri. Default: docs/rules, the pages' place in the lintnews repository.
# docs-url: https://github.com/your-org/lintnews/blob/v{version}/docs/rules
"""
