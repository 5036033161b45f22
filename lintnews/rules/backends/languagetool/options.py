"""The ``languagetool`` configuration mapping, validated into :class:`BackendOptions`."""

from __future__ import annotations

import difflib
import urllib.parse
from dataclasses import dataclass
from typing import Any

from ....errors import ConfigError

CONFIG_KEY = "languagetool"

# key: (type, default)
_OPTIONS: dict[str, tuple[str, Any]] = {
    "url": ("str", None),
    "language": ("str", None),
    "disabled-rules": ("list", []),
    "enabled-rules": ("list", []),
    "disabled-categories": ("list", []),
    "enabled-categories": ("list", []),
    "timeout": ("number", 5),
    "quotes": ("str", "skip"),
    "overlaps": ("overlaps", {}),
}
_TYPE_NAMES = {
    "str": "a string", "list": "a list of strings", "number": "a number",
    "overlaps": "a mapping of LanguageTool rule ids to lintnews rule ids",
}

# ------------------------------------------------------------------ options
def _config_error(where: str, problem: str):
    return ConfigError(where, problem)


@dataclass(frozen=True)
class BackendOptions:
    url: str  # the server's base URL, without /v2
    language: str
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    timeout: float = 5
    quotes: str = "skip"
    overlaps: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def params(self) -> dict[str, str]:
        """The request parameters other than the text."""
        out = {"language": self.language}
        for name, values in (("disabledRules", self.disabled_rules), ("enabledRules", self.enabled_rules),
                             ("disabledCategories", self.disabled_categories),
                             ("enabledCategories", self.enabled_categories)):
            if values:
                out[name] = ",".join(values)
        return out


def _base_url(url: str) -> str:
    base = url.strip().rstrip("/")
    base = base.removesuffix("/v2")
    return base


def parse_options(options: Any, where: str, default_language: str = "en-US") -> BackendOptions:
    """Validate the ``languagetool`` mapping; a one-line ConfigError naming ``where`` otherwise."""
    if not isinstance(options, dict):
        raise _config_error(where, f"key '{CONFIG_KEY}' must be a mapping, not {type(options).__name__}")
    for key in options:
        if key not in _OPTIONS:
            hint = difflib.get_close_matches(str(key), list(_OPTIONS), n=1)
            more = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise _config_error(where, f"unknown key '{key}' in '{CONFIG_KEY}'{more}")
    values: dict[str, Any] = {}
    for key, (kind, default) in _OPTIONS.items():
        value = options.get(key)
        if value is None:
            values[key] = default
            continue
        if kind == "list" and isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        ok = {
            "str": isinstance(value, str),
            "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool),
            "overlaps": isinstance(value, dict) and all(
                isinstance(k, str) and (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)))
                for k, v in value.items()),
        }[kind]
        if not ok:
            raise _config_error(where, f"key '{CONFIG_KEY}.{key}' must be {_TYPE_NAMES[kind]}, "
                                       f"not {type(value).__name__}")
        values[key] = value
    url = values["url"]
    if not url or not url.strip():
        raise _config_error(where, f"key '{CONFIG_KEY}': missing required key 'url' (the LanguageTool server, "
                                   "e.g. http://localhost:8081)")
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise _config_error(where, f"key '{CONFIG_KEY}.url' must be an http:// or https:// URL, not {url!r}")
    if values["timeout"] <= 0:
        raise _config_error(where, f"key '{CONFIG_KEY}.timeout' must be more than 0 seconds, not {values['timeout']!r}")
    if values["quotes"] not in ("skip", "include"):
        raise _config_error(where, f"key '{CONFIG_KEY}.quotes' must be one of skip, include, not {values['quotes']!r}")
    language = values["language"] or default_language
    if not language.strip():
        raise _config_error(where, f"key '{CONFIG_KEY}.language' must not be empty")
    overlaps = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in values["overlaps"].items()}
    return BackendOptions(
        url=_base_url(url),
        language=language.strip(),
        disabled_rules=tuple(values["disabled-rules"]),
        enabled_rules=tuple(values["enabled-rules"]),
        disabled_categories=tuple(values["disabled-categories"]),
        enabled_categories=tuple(values["enabled-categories"]),
        timeout=float(values["timeout"]),
        quotes=values["quotes"],
        overlaps=tuple(sorted(overlaps.items())),
    )
