"""The built-in rules, loaded and validated once per user, kept for the next start.

Loading the 34 built-in rule files (reading them, validating every key,
compiling the pattern kind's token constraints and their regexes, importing
the kinds) costs about 0.07 s of a one-article run; rebuilding the same rules
from what they pickle to costs about 0.02 s. ``load`` keeps that pickle in
the per-user data cache of ``read/tables.py`` (never in a project folder),
under a name that hashes everything the rules are built from: the lintnews
version, Python's and the libraries' versions, the size and time of every
file of the lintnews package (its code and data, so an edited checkout
misses), and each rule file's path and the hash of its bytes.

A pickle can run code, so a kept file is read only when all of these hold:
the file and its folder belong to the user running lintnews and nobody else
may write to them; its content matches the hash stored with it; and the
unpickler builds nothing but lintnews's rule, finding and reading classes,
``regex``'s compiled patterns and plain containers (``_Unpickler``), so
even a file that passed the other checks cannot call anything else. Any
doubt (another owner, a damaged file, a class it may not build) counts as a
miss: the rules are loaded from their files, as without the cache. Only a
load with no problem and no warning is kept. ``LINTNEWS_NO_RULE_CACHE=1``
turns it off.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from pathlib import Path

from ..read import tables

FORMAT = 1
_NAME = "ruleset"
_SUFFIX = ".pkl"
_PACKAGE = Path(__file__).resolve().parent.parent  # lintnews/
_ALLOWED_PACKAGES = ("lintnews.rules.", "lintnews.read.", "lintnews.findings", "lintnews.errors")
_REFUSED_PACKAGES = ("lintnews.rules.backends",)
_BUILTINS = {"str", "set", "frozenset", "list", "dict", "tuple", "bytes", "bytearray", "int", "float",
             "bool", "complex", "slice", "object", "range"}
_STR_METHODS = {"lower", "upper", "casefold", "strip", "title"}
_code_identity: str | None = None


def enabled() -> bool:
    return os.environ.get("LINTNEWS_NO_RULE_CACHE", "") in ("", "0") and hasattr(os, "getuid")


def _code() -> str:
    """A hash of every file of the lintnews package (path, size, change time), once per process."""
    global _code_identity
    if _code_identity is None:
        h = hashlib.blake2b(digest_size=16)
        for folder, dirs, files in os.walk(_PACKAGE):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                st = os.stat(os.path.join(folder, name))
                h.update(f"{folder}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
        _code_identity = h.hexdigest()
    return _code_identity


def _key(files: list[tuple[str, Path]]) -> tuple[str, list] | None:
    import regex

    parts: list = [FORMAT, sys.version, regex.__version__, tables.library_identity("yaml"), pickle.HIGHEST_PROTOCOL,
                   _code()]
    try:
        for rule_id, path in files:
            parts.append((rule_id, str(path), hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()))
    except OSError:
        return None
    return tables.identity(_NAME, *parts), parts


class _Unpickler(pickle.Unpickler):
    """Builds lintnews's own rule classes, compiled patterns and plain values; nothing else."""

    def find_class(self, module: str, name: str):
        if module == "builtins":
            if name in _BUILTINS:
                return super().find_class(module, name)
            if name == "getattr":
                return _str_method
        elif module == "regex._regex" and name == "compile":
            return super().find_class(module, name)
        elif module == "copyreg" and name == "_reconstructor":
            return super().find_class(module, name)
        elif module.startswith(_ALLOWED_PACKAGES) and not module.startswith(_REFUSED_PACKAGES):
            found = super().find_class(module, name)
            if isinstance(found, type) and getattr(found, "__module__", "") == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not built from the rule cache")


def _str_method(owner, name):
    """``getattr`` as a pickle of ``str.lower`` uses it, for str's public methods only."""
    if owner is str and name in _STR_METHODS:
        return getattr(str, name)
    raise pickle.UnpicklingError(f"getattr({owner!r}, {name!r}) is not built from the rule cache")


def _path(key: str) -> Path:
    return tables.cache_dir() / f"{_NAME}-{key}{_SUFFIX}"


def get(files: list[tuple[str, Path]]):
    """The rules kept for these rule files (a list of (rule id, rule)), or None."""
    if not enabled():
        return None
    found = _key(files)
    if found is None:
        return None
    path = _path(found[0])
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not (tables.owned(st) and tables.owned(os.stat(path.parent))):
                return None
            data = handle.read()
        digest, _, body = data.partition(b"\n")
        if hashlib.blake2b(body, digest_size=16).hexdigest().encode() != digest:
            return None
        rules = _Unpickler(io.BytesIO(body)).load()
    except Exception:  # noqa: BLE001 - a missing, damaged or refused file is a miss
        return None
    if not (isinstance(rules, list) and all(isinstance(item, tuple) and len(item) == 2 for item in rules)):
        return None
    return rules


def put(files: list[tuple[str, Path]], rules: list) -> None:
    """Keep ``rules`` (a list of (rule id, rule), just loaded from ``files``) for the next start."""
    if not enabled():
        return
    found = _key(files)
    if found is None:
        return
    try:
        body = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a rule that does not pickle: no cache, no error
        return
    path = _path(found[0])
    tables._store(path, hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b"\n" + body)
    tables.sweep(path, _NAME, suffix=_SUFFIX)
