"""The configuration's ``ignored-scopes``, ``skipped-scopes``, ``block-ignores`` and ``token-ignores``.

They are Vale's IgnoredScopes, SkippedScopes, BlockIgnores and TokenIgnores (what each keeps out
of reading: read/markup_ignores.py); a configuration built on another (``extend:``) takes each
key it does not set from there. The patterns are compiled when the configuration is read, so a
bad one is a one-line error naming the file.
"""

from __future__ import annotations

from ..errors import RuleError
from ..read.markup_ignores import Ignores
from ..rules.schema import Option
from ..rules.vale_ignores import compiled

OPTIONS = {
    "ignored-scopes": Option("strings", None, "Vale's IgnoredScopes: inline tags whose text no rule reads (a, strong, "
                                              "em...; default code, tt)"),
    "skipped-scopes": Option("strings", None, "Vale's SkippedScopes: blocks no rule reads (blockquote, li, table, "
                                              "h1..h6, alt...; default script, style, pre, figure)"),
    "block-ignores": Option("strings", None, "Vale's BlockIgnores: regexes whose matches no rule reads"),
    "token-ignores": Option("strings", None, "Vale's TokenIgnores: regexes whose matches no rule reads"),
    "ignored-classes": Option("strings", None, "Vale's IgnoredClasses: an HTML element with one of these classes "
                                               "is skipped whole"),
}
KEYS = {"ignored-scopes": "ignored_scopes", "skipped-scopes": "skipped_scopes",
        "block-ignores": "block_ignores", "token-ignores": "token_ignores", "ignored-classes": "ignored_classes"}


def read(fail, values: dict, where: str) -> Ignores | None:
    """The settings the keys in ``values`` give (None: none is set)."""
    given = {attr: tuple(str(v).strip() for v in values[key] if str(v).strip())
             for key, attr in KEYS.items() if values.get(key) is not None}
    if not given:
        return None
    for pattern in given.get("block_ignores", ()) + given.get("token_ignores", ()):
        try:
            compiled(pattern, where)
        except RuleError as exc:
            fail(str(exc).split(": ", 1)[-1])
    return Ignores(**given)


def inherit(parent: Ignores | None, own: Ignores | None, data: dict) -> Ignores | None:
    """``own`` on top of ``parent``: each key this configuration does not set comes from the parent."""
    if parent is None or own is None:
        return own or parent
    return Ignores(**{attr: getattr(own if key in data else parent, attr) for key, attr in KEYS.items()})


def describe(ignores: Ignores | None) -> dict:
    """The keys as a configuration shows them (for ``lintnews config`` and the results cache's key)."""
    if ignores is None:
        return {key: None for key in KEYS}
    out = {key: list(getattr(ignores, attr)) for key, attr in KEYS.items()}
    if ignores.sections:  # a Vale configuration's per-section BlockIgnores and TokenIgnores
        out["block-ignores"] += [f"[{glob.pattern}] {p}" for glob, blocks, _ in ignores.sections for p in blocks]
        out["token-ignores"] += [f"[{glob.pattern}] {p}" for glob, _, tokens in ignores.sections for p in tokens]
    return out
