"""The ``languagetool`` configuration mapping, validated into :class:`BackendOptions`."""

from __future__ import annotations

import math
import unicodedata
import urllib.parse
from dataclasses import dataclass
from typing import Any

from ....errors import ConfigError
from ...schema import Option, Schema

CONFIG_KEY = "languagetool"
MAX_TIMEOUT = 3600  # seconds; a longer wait is a mistake (or .inf, which the socket layer refuses)

OPTIONS = Schema({
    "url": Option("str", help="the LanguageTool server, e.g. http://localhost:8081 (with or without /v2)"),
    "local": Option("bool", False, "true: start LanguageTool on this machine through language-tool-python instead "
                                   "(needs Java 17+; downloads LanguageTool, about 250 MB, on first use)"),
    "language": Option("str", help="the language code sent to the server (default: the configuration's language)"),
    "disabled-rules": Option("csv", [], "LanguageTool rule ids to switch off"),
    "enabled-rules": Option("csv", [], "LanguageTool rule ids to switch on"),
    "disabled-categories": Option("csv", [], "LanguageTool category ids to switch off"),
    "enabled-categories": Option("csv", [], "LanguageTool category ids to switch on"),
    "timeout": Option("float", 5, "seconds to wait for each request"),
    "quotes": Option("str", "skip", "skip: drop matches inside direct quotations; include", choices=("skip", "include")),
    "overlaps": Option("links", {}, "LanguageTool rule id -> lintnews rule id(s) whose findings its matches repeat",
                       expect="a mapping of LanguageTool rule ids to lintnews rule ids"),
})


@dataclass(frozen=True)
class BackendOptions:
    url: str  # the server's base URL, without /v2 ("" for a local server not yet started)
    language: str
    local: bool = False  # start one through language-tool-python (local.py)
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


def base_url(url: str) -> str:
    """The server's base URL: no surrounding spaces, no trailing / or /v2."""
    base = url.strip().rstrip("/")
    base = base.removesuffix("/v2")
    return base


def _control(text: str) -> str | None:
    """The first control or format character in ``text`` (CR, LF, ESC, a zero-width space...), as U+XXXX."""
    for c in text:
        if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp"):
            return f"U+{ord(c):04X}"
    return None


def parse_options(options: Any, where: str, default_language: str = "en-US") -> BackendOptions:
    """Validate the ``languagetool`` mapping; a one-line ConfigError naming ``where`` otherwise."""
    def fail(problem: str):
        raise ConfigError(where, problem)

    if not isinstance(options, dict):
        fail(f"key '{CONFIG_KEY}' must be a mapping, not {type(options).__name__}")
    values = OPTIONS.validate(options, fail, prefix=f"{CONFIG_KEY}.", context=f" in '{CONFIG_KEY}'")
    url = values["url"]
    if values["local"] and url is not None:
        fail(f"key '{CONFIG_KEY}': set either 'url' (a server of yours) or 'local: true' (one started here), not both")
    if values["local"]:
        url = ""
    elif not url or not url.strip():
        fail(f"key '{CONFIG_KEY}': missing required key 'url' (the LanguageTool server, "
             "e.g. http://localhost:8081; or local: true to start one here)")
    bad = _control(url.strip())
    if bad or " " in url.strip():
        fail(f"key '{CONFIG_KEY}.url' must not hold {bad or 'a space'} (a control character or a space): {url!r}")
    parsed = urllib.parse.urlsplit(url.strip())
    if not values["local"] and (parsed.scheme not in ("http", "https") or not parsed.netloc):
        fail(f"key '{CONFIG_KEY}.url' must be an http:// or https:// URL, not {url!r}")
    timeout = values["timeout"]
    if not math.isfinite(timeout) or not 0 < timeout <= MAX_TIMEOUT:
        fail(f"key '{CONFIG_KEY}.timeout' must be more than 0 seconds and at most {MAX_TIMEOUT}, not {timeout!r}")
    language = values["language"] or default_language
    if not language.strip():
        fail(f"key '{CONFIG_KEY}.language' must not be empty")
    overlaps = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in values["overlaps"].items()}
    return BackendOptions(
        url=base_url(url),
        language=language.strip(),
        local=values["local"],
        disabled_rules=tuple(values["disabled-rules"]),
        enabled_rules=tuple(values["enabled-rules"]),
        disabled_categories=tuple(values["disabled-categories"]),
        enabled_categories=tuple(values["enabled-categories"]),
        timeout=float(values["timeout"]),
        quotes=values["quotes"],
        overlaps=tuple(sorted(overlaps.items())),
    )
