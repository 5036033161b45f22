"""Compiled ``regex`` patterns kept across runs, so a start does not parse them again.

The ``regex`` package parses a pattern in Python (about 0.45 ms a pattern,
0.09 s for the built-in rules' 200) and hands the result, a string of
opcodes and a few tables, to its C engine. Those are the data a compiled
pattern pickles to (``Pattern._pickled_data``); rebuilding a pattern from
them is one C call (0.002 s for all 200). ``compile`` keeps that data for
every pattern it compiles in one JSON file per user (in the data cache of
``read/tables.py``), named after the ``regex`` version and its default
version flag, and rebuilds from it when it has the pattern. Nothing is
unpickled: the file is JSON, checked against its own hash, and an entry
that does not rebuild is compiled from its source instead.

A pattern with named lists (``\\L<name>``) or locale rules is never kept.
``save()`` writes the file again when a run compiled a pattern it did not
hold (the rule loader calls it once the rules are loaded): the patterns this
run used first, then others it held, ``MAX_ENTRIES`` at most, so patterns no
rule builds any more (or a pattern built in a different order each run) do
not pile up.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading

import regex
from regex import _regex

from . import tables
from .atomic import write_atomically

FORMAT = 1
MAX_ENTRIES = 1000
_LOCK = threading.Lock()
_state: dict = {}  # "path", "entries" (key -> stored data), "used" (keys asked for), "added" (keys new this run)


def _key(pattern: str, flags: int) -> str:
    return f"{flags}:{pattern}"


def _path():
    name = tables.identity("regex", FORMAT, regex.__version__, regex.DEFAULT_VERSION)
    return tables.cache_dir() / f"regex-{name}.json"


def _entries() -> dict:
    path = _path()
    if _state.get("path") != path:
        entries: dict = {}
        try:
            digest, _, body = path.read_bytes().partition(b"\n")
            if hashlib.blake2b(body, digest_size=16).hexdigest().encode() == digest:
                entries = json.loads(body)
        except (OSError, ValueError):
            entries = {}
        _state.update(path=path, entries=entries if isinstance(entries, dict) else {}, used=set(), added=set())
    return _state["entries"]


def compile(pattern: str, flags: int = 0):  # noqa: A001 - regex.compile's name and arguments
    """``regex.compile(pattern, flags)``, rebuilt from the cache when it holds the pattern."""
    if not isinstance(pattern, str) or not isinstance(flags, int):
        return regex.compile(pattern, flags)
    key = _key(pattern, flags)
    with _LOCK:
        stored = _entries().get(key)
        _state["used"].add(key)
    if stored is not None:
        try:
            return _regex.compile(*_thaw(pattern, stored))
        except Exception:  # noqa: BLE001 - a damaged entry: compiled from its source below
            pass
    compiled = regex.compile(pattern, flags)
    frozen = _freeze(compiled)
    if frozen is not None:
        with _LOCK:
            _entries()[key] = frozen
            _state["added"].add(key)
    return compiled


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
    with _LOCK:
        if not _state.get("added"):
            return
        path, held, used = _state["path"], _state["entries"], _state["used"]
        entries = {k: held[k] for k in sorted(used) if k in held}
        for k in held:
            if len(entries) >= MAX_ENTRIES:
                break
            entries.setdefault(k, held[k])
        _state["added"] = set()
    body = json.dumps(entries, separators=(",", ":"), sort_keys=True).encode("utf-8")
    data = hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b"\n" + body
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data, prefix=".regex-")
    except OSError:
        pass
