"""Small per-user caches of JSON values: what a start would otherwise work out again.

A ``Store`` is one JSON file in the data cache of ``read/tables.py``, named
after what its values depend on (the lintnews version, a package's version,
a format number), read whole at first use and checked against its own hash;
a damaged or foreign file counts as empty. Nothing is unpickled: values are
plain JSON. ``save()`` writes the file again only when a run added a value:
the values this run used first, then others it held, at most ``limit``, so
values nothing asks for any more do not pile up. A folder that cannot be
written is no error (the values are worked out again next time).
"""

from __future__ import annotations

import hashlib
import json
import threading

from . import tables
from .atomic import write_atomically


class Store:
    def __init__(self, name: str, *identity: object, limit: int = 1000):
        self.name, self.identity, self.limit = name, identity, limit
        self._lock = threading.Lock()
        self._path = None
        self._held: dict = {}
        self._used: set = set()
        self._added = False

    def _entries(self) -> dict:
        path = tables.cache_dir() / f"{self.name}-{tables.identity(self.name, *self.identity)}.json"
        if path != self._path:  # first use (or the cache folder changed, as tests do)
            held: object = {}
            try:
                digest, _, body = path.read_bytes().partition(b"\n")
                if _digest(body) == digest:
                    held = json.loads(body)
            except (OSError, ValueError):
                held = {}
            self._path, self._held = path, held if isinstance(held, dict) else {}
            self._used, self._added = set(), False
        return self._held

    def reload(self) -> None:
        """Forget what this process read and added: the next use reads the file again (a new run)."""
        with self._lock:
            self._path = None

    def get(self, key: str):
        """The value kept for ``key``, or None."""
        with self._lock:
            self._used.add(key)
            return self._entries().get(key)

    def put(self, key: str, value) -> None:
        with self._lock:
            self._entries()[key] = value
            self._used.add(key)
            self._added = True

    def save(self) -> None:
        with self._lock:
            if not self._added:
                return
            held = self._held
            kept = {k: held[k] for k in sorted(self._used) if k in held}
            for k in held:
                if len(kept) >= self.limit:
                    break
                kept.setdefault(k, held[k])
            path, self._added = self._path, False
        body = json.dumps(kept, separators=(",", ":"), sort_keys=True).encode("utf-8")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, _digest(body) + b"\n" + body, prefix=f".{self.name}-")
        except OSError:
            return
        tables.sweep(path, self.name, suffix=".json")  # files of an older version, long unused


def _digest(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=16).hexdigest().encode()
