"""The methods ``dataclasses`` writes for lintnews's own classes, compiled once per user, not per start.

``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``...
as source text and compiles it with ``exec``: for the 34 dataclasses a
check imports, 154 compilations, 0.012 s of a one-article check's 0.15 s.
``install()`` (called by ``lintnews/__init__.py`` before any of them is
defined) gives the ``dataclasses`` module its own ``exec``: for a class
defined in a lintnews module it runs the code object compiled from the
same text before, kept in the per-user data cache (``tables.cache_dir``);
for any other class it is the built-in ``exec``, untouched. The code is
the same: ``compile(text, "<string>", "exec")`` of the text dataclasses
wrote, run with the same globals and namespace.

A kept code object runs, so the file is trusted as the rule cache's pickle
is (``rules/ruleset_cache.py``): only when it and its folder belong to the
user running lintnews and nobody else may write to them, and its content
matches the hash stored with it; it is named after the Python version and
bytecode magic number. Anything else is a miss: the text is compiled, as
without the cache. What a run compiled is saved at its end (atexit).
``LINTNEWS_NO_CODE_CACHE=1`` turns it off.
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
import marshal
import os
import sys
import types

from . import tables

_NAME = "dataclass-code"
_SUFFIX = ".bin"
MAX_ENTRIES = 2000
_held: dict[str, types.CodeType] = {}
_added: dict[str, types.CodeType] = {}
_state = {"path": None, "loaded": False}


def _path():
    import importlib.util

    key = tables.identity(_NAME, sys.version, importlib.util.MAGIC_NUMBER)
    return tables.cache_dir() / f"{_NAME}-{key}{_SUFFIX}"


def _load() -> None:
    _state["loaded"] = True
    path = _state["path"] = _path()
    try:
        with open(path, "rb") as handle:
            if not (tables.owned(os.fstat(handle.fileno())) and tables.owned(os.stat(path.parent))):
                return
            data = handle.read()
        digest, _, body = data.partition(b"\n")
        if hashlib.blake2b(body, digest_size=16).hexdigest().encode() != digest:
            return
        held = marshal.loads(body)
    except Exception:  # noqa: BLE001 - missing, damaged or refused: compiled again
        return
    if isinstance(held, dict) and all(isinstance(k, str) and isinstance(v, types.CodeType) for k, v in held.items()):
        _held.update(held)


def _exec(text, globals_=None, locals_=None, /):
    """``exec`` for the dataclasses module: the kept code for a lintnews class's methods."""
    if not (isinstance(text, str) and isinstance(globals_, dict)
            and str(globals_.get("__name__", "")).startswith("lintnews.")):
        return builtins.exec(text, globals_, locals_)
    if not _state["loaded"]:
        _load()
    code = _held.get(text)
    if code is None:
        code = _held[text] = _added[text] = compile(text, "<string>", "exec")
        if len(_added) == 1:
            import atexit

            atexit.register(save)
    return builtins.exec(code, globals_, locals_)


def install() -> None:
    if os.environ.get("LINTNEWS_NO_CODE_CACHE", "") in ("", "0") and hasattr(os, "getuid"):
        dataclasses.exec = _exec  # a module global: the dataclasses module looks its names up there first


def save() -> None:
    """Keep what this run compiled (no error if the folder cannot be written)."""
    if not _added or _state["path"] is None:
        return
    kept = dict(list(_held.items())[-MAX_ENTRIES:])
    _added.clear()
    body = marshal.dumps(kept)
    tables._store(_state["path"], hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b"\n" + body)
