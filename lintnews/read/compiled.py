"""Compiled ``regex`` patterns kept across runs, so a start does not parse them again.

The ``regex`` package parses a pattern in Python (about 0.45 ms a pattern,
0.09 s for the built-in rules' 200) and hands the result, a string of
opcodes and a few tables, to its C engine. Those are the data a compiled
pattern pickles to (``Pattern._pickled_data``); rebuilding a pattern from
them is one C call (0.002 s for all 200). ``compile`` keeps that data for
every pattern it compiles in a per-user JSON file (``read/jsoncache.py``),
named after the ``regex`` version and its default version flag, and
rebuilds from it when it has the pattern. Nothing is unpickled, and an
entry that does not rebuild is compiled from its source instead.

A pattern with named lists (``\\L<name>``) or locale rules is never kept.
``save()`` writes what a run added (the rule loader calls it once the rules
are loaded, and a run that added a pattern after that calls it at exit); the
file keeps the patterns of the last runs, ``MAX_ENTRIES`` at most. lintnews's
own modules compile their module-level patterns through ``compile`` too
(0.017 s of every start when parsed).
"""

from __future__ import annotations

import base64

import regex
from regex import _regex

from . import tables
from .jsoncache import Store

FORMAT = 1
MAX_ENTRIES = 1000
# Keyed by the lintnews installation too: several checkouts or environments of one user (each with its
# own patterns) would otherwise share one file, evict each other's patterns past MAX_ENTRIES, and parse
# and rewrite them at every start (seen on a machine with a dozen checkouts: a 667 KB file, full).
_STORE = Store("regex", FORMAT, regex.__version__, regex.DEFAULT_VERSION, tables._OWN.as_posix(), limit=MAX_ENTRIES)


def cached(pattern: str, flags: int = 0):
    """The pattern rebuilt from the cache, or None when the cache does not hold it (a pattern the
    cache holds compiled without error before, so checks made before compiling can be skipped)."""
    if not isinstance(pattern, str) or not isinstance(flags, int):
        return None
    stored = _STORE.get(f"{flags}:{pattern}")
    if stored is not None:
        try:
            return _regex.compile(*_thaw(pattern, stored))
        except Exception:  # noqa: BLE001 - a damaged entry: compiled from its source instead
            pass
    return None


def compile(pattern: str, flags: int = 0):  # noqa: A001 - regex.compile's name and arguments
    """``regex.compile(pattern, flags)``, rebuilt from the cache when it holds the pattern."""
    found = cached(pattern, flags)
    if found is not None:
        return found
    compiled = regex.compile(pattern, flags)
    frozen = _freeze(compiled) if isinstance(pattern, str) and isinstance(flags, int) else None
    if frozen is not None:
        _STORE.put(f"{flags}:{pattern}", frozen)
        _save_at_exit()
    return compiled


_SAVING = []


def _save_at_exit() -> None:
    """Module-level patterns of modules imported after the rules loaded (the rule loader saves what
    it compiled) are kept too: the first time a pattern is added, the run saves at its end."""
    if not _SAVING:
        import atexit

        _SAVING.append(True)
        atexit.register(save)


def _freeze(compiled) -> list | None:
    (pattern, flags, code, group_index, index_group, named_lists, named_list_indexes, req_offset, req_chars,
     req_flags, group_count) = compiled._pickled_data
    if named_lists or named_list_indexes or flags & regex.LOCALE or not isinstance(code, bytes):
        return None
    return [flags, base64.b64encode(code).decode("ascii"), group_index, sorted(index_group.items()), req_offset,
            list(req_chars), req_flags, group_count]


def _thaw(pattern: str, stored: list) -> tuple:
    flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count = stored
    return (pattern, flags, base64.b64decode(code), dict(group_index), {int(k): v for k, v in index_group}, {}, [],
            req_offset, tuple(req_chars), req_flags, group_count)


def save() -> None:
    """Write the patterns this run added to the cache (no error if the folder cannot be written)."""
    _STORE.save()
