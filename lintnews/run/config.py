"""Project configuration: ``lintnews.yaml``, ``.lintnews.yaml`` or ``[tool.lintnews]``.

The configuration that applies to an article is the nearest one found by
walking up from the article's folder (``--config`` names one, ``--isolated``
ignores them all). Paths in it (styles, vocab, per-path and exclude globs)
are relative to the file that holds them. Keys are validated like rule
files: an unknown key or a wrong type is a one-line error naming the file.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import pathspec
import yaml

from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

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
    per_path: list[Override] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    language: str = "en-US"
    fail_on: str = "suggestion"
    vocab: list[Path] = field(default_factory=list)
    languagetool: dict | None = None  # options of the LanguageTool backend; None: off

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
            "per-path": {o.pattern: _override_dict(o) for o in self.per_path},
            "exclude": self.exclude,
            "language": self.language,
            "fail-on": self.fail_on,
            "vocab": [str(v) for v in self.vocab],
            "languagetool": self.languagetool,
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
_KEYS = {
    "styles": "list", "select": "list", "ignore": "list", "extend-select": "list",
    "per-path": "dict", "exclude": "list", "language": "str", "fail-on": "str", "vocab": "list",
    "languagetool": "dict",
}
_OVERRIDE_KEYS = {"select": "list", "ignore": "list", "extend-select": "list", "severity": "dict"}


def _as_list(value):
    return [value] if isinstance(value, str) else value


def _check_type(where: str, key: str, kind: str, value: Any) -> None:
    ok = {
        "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "dict": isinstance(value, dict),
        "str": isinstance(value, str),
    }[kind]
    if not ok:
        expected = {"list": "a list of strings", "dict": "a mapping", "str": "a string"}[kind]
        raise ConfigError(where, f"key '{key}' must be {expected}, not {type(value).__name__}")


def _unknown(where: str, key: str, known, context: str = "") -> ConfigError:
    hint = difflib.get_close_matches(str(key), list(known), n=1)
    more = f" (did you mean '{hint[0]}'?)" if hint else ""
    return ConfigError(where, f"unknown key '{key}'{context}{more}")


def parse_settings(data: dict, source: Path) -> Settings:
    where = str(source)
    if not isinstance(data, dict):
        raise ConfigError(where, f"configuration must be a mapping of keys, not {type(data).__name__}")
    for key, value in data.items():
        if key not in _KEYS:
            raise _unknown(where, key, _KEYS)
        value = _as_list(value) if _KEYS[key] == "list" else value
        _check_type(where, key, _KEYS[key], value)
        data[key] = value
    root = source.parent.resolve()
    settings = Settings(source=source, root=root)
    settings.styles = [root / s for s in data.get("styles", [])]
    for style in settings.styles:
        if not style.is_dir():
            raise ConfigError(where, f"key 'styles': folder not found: {style}")
    settings.select = data.get("select")
    settings.ignore = data.get("ignore", [])
    settings.extend_select = data.get("extend-select", [])
    settings.exclude = data.get("exclude", [])
    settings.vocab = [root / v for v in data.get("vocab", [])]
    for folder in settings.vocab:
        if not folder.is_dir():
            raise ConfigError(where, f"key 'vocab': folder not found: {folder}")
    language = data.get("language", "en-US")
    if language not in LANGUAGES:
        raise ConfigError(where, f"key 'language' must be one of {', '.join(LANGUAGES)}, not {language!r}")
    settings.language = language
    fail_on = data.get("fail-on", "suggestion")
    if fail_on not in LEVELS:
        raise ConfigError(where, f"key 'fail-on' must be one of {', '.join(LEVELS)}, not {fail_on!r}")
    settings.fail_on = fail_on
    settings.languagetool = data.get("languagetool")
    if settings.languagetool is not None:
        from ..rules.backends.languagetool import backend_rule

        backend_rule(dict(settings.languagetool), where, default_language=language)  # validate now
    for pattern, changes in (data.get("per-path") or {}).items():
        settings.per_path.append(_parse_override(where, str(pattern), changes))
    return settings


def _parse_override(where: str, pattern: str, changes: Any) -> Override:
    if not isinstance(changes, dict):
        raise ConfigError(where, f"key 'per-path.{pattern}' must be a mapping")
    for key, value in changes.items():
        if key not in _OVERRIDE_KEYS:
            raise _unknown(where, key, _OVERRIDE_KEYS, f" in 'per-path.{pattern}'")
        value = _as_list(value) if _OVERRIDE_KEYS[key] == "list" else value
        _check_type(where, f"per-path.{pattern}.{key}", _OVERRIDE_KEYS[key], value)
        changes[key] = value
    severity = changes.get("severity", {})
    for rule_id, level in severity.items():
        if level not in LEVELS:
            raise ConfigError(where, f"key 'per-path.{pattern}.severity.{rule_id}' must be one of "
                                     f"{', '.join(LEVELS)}, not {level!r}")
    return Override(
        pattern=pattern,
        select=tuple(changes["select"]) if "select" in changes else None,
        ignore=tuple(changes.get("ignore", ())),
        extend_select=tuple(changes.get("extend-select", ())),
        severity=tuple(sorted(severity.items())),
    )


def read_config(path: Path) -> Settings | None:
    """Settings from one file; None for a pyproject.toml without [tool.lintnews]."""
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(where, f"cannot read: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(where, f"invalid TOML: {exc}") from None
        table = data.get("tool", {}).get("lintnews")
        return None if table is None else parse_settings(table, path)
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(where, f"invalid YAML{at}: {getattr(exc, 'problem', None) or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(where, "configuration is not UTF-8") from None
    return parse_settings(data or {}, path)


class ConfigFinder:
    """Finds and caches the settings for each article's folder."""

    def __init__(self, config: str | Path | None = None, isolated: bool = False):
        self.isolated = isolated
        self.fixed = read_config(Path(config)) if config else None
        if config and self.fixed is None:
            raise ConfigError(str(config), "no [tool.lintnews] table in this pyproject.toml")
        self._by_dir: dict[Path, Settings] = {}
        self.default = Settings(root=Path.cwd())

    def settings_for(self, path: str | Path) -> Settings:
        if self.fixed is not None:
            return self.fixed
        if self.isolated or str(path) == "-":
            return self.default
        folder = Path(path).resolve()
        folder = folder if folder.is_dir() else folder.parent
        return self._walk(folder)

    def _walk(self, folder: Path) -> Settings:
        if folder in self._by_dir:
            return self._by_dir[folder]
        found = None
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                found = read_config(candidate)
                if found is not None:
                    break
        if found is None:
            found = self._walk(folder.parent) if folder.parent != folder else self.default
        self._by_dir[folder] = found
        return found


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
