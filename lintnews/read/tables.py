"""Large word tables (word -> number) that load in a millisecond.

The word lists behind Spelling and Confusables hold hundreds of thousands
of entries. Building them as dicts from their source files cost about 0.6 s
and 100 MB at every start. A ``Table`` is the same data frozen into one
flat file: the keys sorted as UTF-8 and joined, an array of where each key
starts, and an array of values. Loading reads the file (a few MB) and looks
at it through typed views. A lookup hashes the key (CRC-32): a bit filter
turns most absent keys away at once, and an open-addressing table of key
numbers (stored in the file, two slots or so a key) finds the others in
one or two probes; a binary search over the sorted keys took seven times
as long, and a run looks up tens of thousands of words it has not met
before. Nothing is unpickled, so a cache file can never run code.

Each table is built once per user, at first use, into the cache folder
(``$LINTNEWS_DATA_CACHE``, else ``$XDG_CACHE_HOME/lintnews/data``, else
``~/.cache/lintnews/data``) under a name that holds a hash of what it was
built from: the lintnews version, the table's format and its sources'
identity (package versions, file sizes and times). A change to any of them
builds a new file. Where the folder cannot be written, the table is built
in memory for this run.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import struct
import time
import zlib
from array import array
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..version import __version__
from .atomic import write_atomically

_MAGIC = b"LNTB2\0"
# magic, count, value typecode, padding, extra number, filter bits (log2), hash slots (log2), padding
_HEAD = struct.Struct("<6sIcxdII4x")
FORMAT = 3
MEMO = 100_000  # lookups remembered per table (a run meets the same words again and again)


class Table:
    """A frozen mapping from str to int or float, sorted by the keys' UTF-8 bytes."""

    def __init__(self, data) -> None:
        """``data``: the file's bytes, or a read-only memory map of it (``map_file``)."""
        magic, n, code, extra, bits, slot_bits = _HEAD.unpack_from(data, 0)
        if magic != _MAGIC or code not in (b"q", b"d") or bits > 32 or slot_bits > 32:
            raise ValueError("not a lintnews table")
        at = _HEAD.size
        self._mask = (1 << bits) - 1
        self._filter = memoryview(data)[at:at + max(1, (1 << bits) // 8)]
        at += len(self._filter)
        self._starts = memoryview(data)[at:at + 8 * (n + 1)].cast("q")
        at += 8 * (n + 1)
        self._values = memoryview(data)[at:at + 8 * n].cast(code.decode())
        at += 8 * n
        self._slot_mask = (1 << slot_bits) - 1
        self._slots = memoryview(data)[at:at + 4 * (1 << slot_bits)].cast("I")  # key number + 1; 0: empty
        at += 4 * (1 << slot_bits)
        self._data, self._base = data, at  # a key's bytes: data[base + start:base + end] (bytes, even from a map)
        if len(data) - at != self._starts[n] or len(self._slots) != 1 << slot_bits or n >= len(self._slots):
            raise ValueError("truncated lintnews table")
        self._n = n
        self._seen: dict[str, int] = {}  # key -> index (-1: absent), for the words a run meets again
        self.extra = extra  # one number stored with the table (a list's cut-off, say)

    def __len__(self) -> int:
        return self._n

    def _key(self, i: int) -> bytes:
        return self._data[self._base + self._starts[i]:self._base + self._starts[i + 1]]

    def _find(self, key: str) -> int:
        i = self._seen.get(key)
        if i is None:
            k = key.encode("utf-8", "surrogatepass")
            h = zlib.crc32(k)
            f = h & self._mask
            i = -1
            if self._filter[f >> 3] & (1 << (f & 7)):  # else surely absent (most misspelt candidates end here)
                slots, starts, data, base, mask, n = self._slots, self._starts, self._data, self._base, self._slot_mask, self._n
                s = h & mask
                j, probes = slots[s] - 1, 0
                while j >= 0 and probes <= mask:  # bounded, should a damaged file have no empty slot
                    if j < n and data[base + starts[j]:base + starts[j + 1]] == k:
                        i = j
                        break
                    s = (s + 1) & mask
                    j, probes = slots[s] - 1, probes + 1
            if len(self._seen) >= MEMO:
                self._seen.clear()
            self._seen[key] = i
        return i

    def get(self, key: str, default=None):
        i = self._find(key)
        return default if i < 0 else self._values[i]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __getitem__(self, key: str):
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._values[i]

    def keys(self) -> Iterable[str]:
        return (self._key(i).decode("utf-8", "surrogatepass") for i in range(self._n))


def encode(values: Mapping[str, float | int], extra: float = 0.0) -> bytes:
    """The bytes of a table holding ``values`` (all ints, or any floats)."""
    items = sorted((k.encode("utf-8", "surrogatepass"), v) for k, v in values.items())
    code = "q" if all(isinstance(v, int) for _, v in items) else "d"
    starts = array("q", [0])
    total = 0
    for k, _ in items:
        total += len(k)
        starts.append(total)
    vals = array(code, (v for _, v in items))
    bits = max(3, (16 * len(items)).bit_length())  # a filter of 16 to 32 bits a key: 2-4% false hits
    mask, filt = (1 << bits) - 1, bytearray((1 << bits) // 8)
    slot_bits = max(3, (3 * len(items) // 2).bit_length())  # 1.5 to 3 slots a key: one or two probes
    slot_mask, slots = (1 << slot_bits) - 1, array("I", bytes(4 << slot_bits))
    for j, (k, _) in enumerate(items):
        crc = zlib.crc32(k)
        h = crc & mask
        filt[h >> 3] |= 1 << (h & 7)
        s = crc & slot_mask
        while slots[s]:
            s = (s + 1) & slot_mask
        slots[s] = j + 1
    head = _HEAD.pack(_MAGIC, len(items), code.encode(), float(extra), bits, slot_bits)
    return (head + bytes(filt) + starts.tobytes() + vals.tobytes() + slots.tobytes()
            + b"".join(k for k, _ in items))


def cache_dir() -> Path:
    """Where built tables live for this user."""
    if os.environ.get("LINTNEWS_DATA_CACHE"):
        return Path(os.environ["LINTNEWS_DATA_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lintnews" / "data"


def identity(*parts: object) -> str:
    """A short hash of what a table is built from (with this version and format)."""
    h = hashlib.blake2b(digest_size=10)
    for part in (__version__, FORMAT, *parts):
        h.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def package_file(package: str, name: str) -> Path:
    """A data file shipped in a top-level package, found without importing the package (importing
    symspellpy to find its word lists cost 0.02 s of every start)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if locations:
        return Path(locations[0]) / name
    from importlib import resources

    return Path(str(resources.files(package).joinpath(name)))


_SAMPLE = 1 << 16
_OWN = Path(__file__).resolve().parent.parent  # the lintnews package


def file_identity(path) -> tuple:
    """What a source file holds, for a table's key: its name, size and a hash of its first and last
    64 KiB. Not its folder or change time: every virtual environment with the same version of a word
    list then shares one table (keyed by path, each built its own: 300 copies of a 10 MB table were
    seen on one machine). A file of lintnews's own package adds its change time, since a developer
    may edit one in place without changing its size or ends."""
    path = Path(path)
    try:
        st = os.stat(path)
        h = hashlib.blake2b(digest_size=10)
        with open(path, "rb") as fh:
            h.update(fh.read(_SAMPLE))
            if st.st_size > 2 * _SAMPLE:
                fh.seek(-_SAMPLE, os.SEEK_END)
                h.update(fh.read(_SAMPLE))
    except OSError:
        return (path.name, None)
    own = _OWN in path.resolve().parents
    return (path.name, st.st_size, h.hexdigest()) + ((st.st_mtime_ns,) if own else ())


def load(name: str, key: str, build: Callable[[], tuple[Mapping[str, float | int], float]]) -> Table:
    """The table ``name`` built from what ``key`` identifies: from the cache, else built (and cached)."""
    path = cache_dir() / f"{name}-{key}.tbl"
    try:
        return Table(map_file(path))
    except (OSError, ValueError, struct.error):
        pass
    values, extra = build()
    data = encode(values, extra)
    _store(path, data)
    sweep(path, name)
    return Table(data)


def map_file(path: Path):
    """The file's bytes as a read-only memory map: a start reads only the pages its lookups touch
    (reading the 26 MB of tables a run uses cost about 0.015 s), and forked workers share them."""
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return b""
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def load_bytes(name: str, key: str, build: Callable[[], bytes], check: Callable[[bytes], object]):
    """Other frozen data (arrays, a small JSON part) the same way: ``check(bytes)`` of the cached
    file, else of ``build()``'s bytes (then cached). ``check`` raises ValueError on a bad file."""
    path = cache_dir() / f"{name}-{key}.bin"
    try:
        return check(path.read_bytes())
    except (OSError, ValueError, struct.error):
        pass
    data = build()
    _store(path, data)
    sweep(path, name, suffix=".bin")
    return check(data)


def library_identity(name: str) -> str:
    """A library's identity without importing it (PyYAML's import is 0.008 s of a start that reads no
    YAML) or asking importlib.metadata for its version: the path, size and change time of its
    ``__init__``, which installing another version rewrites."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        return f"{name}: none"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return f"{name}: {spec.origin}"
    return f"{spec.origin}\0{st.st_size}\0{st.st_mtime_ns}"


def owned(st: os.stat_result) -> bool:
    """Whether only the user running lintnews (or root, who may write anything) can have written the
    file or folder ``st`` describes: the test before a cache file that holds code is used."""
    import stat

    return st.st_uid in (os.getuid(), 0) and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def sweep(kept: Path, name: str, days: float = 7.0, suffix: str = ".tbl") -> None:
    """Remove this table's files built from other sources (an older version) over ``days`` old."""
    cutoff = time.time() - days * 86400
    try:
        for old in kept.parent.glob(f"{name}-*{suffix}"):
            rest = old.name[len(name) + 1:-len(suffix)]
            if old != kept and "-" not in rest and old.stat().st_mtime < cutoff:
                old.unlink()
    except OSError:
        pass


def _store(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; a folder that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data, prefix=".tbl-")
    except OSError:
        pass
