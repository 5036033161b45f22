"""A fixed set of strings numbered 0..n-1, kept as flat bytes that need no building to look up.

The tagger's 71,000 feature names were a ``dict`` built at every start: the
names split out of one blob and hashed into the dict cost 0.016 s, where a
one-article check looks up some 650 of them. ``freeze(names)`` writes the
names in number order (UTF-8, each followed by a newline), where each one
starts, and an open-addressing hash table (CRC-32 of the name, linear
probing, a load of at most one half); ``FrozenIndex`` reads those three
arrays in place, so it is ready at once, and a lookup costs about 0.5
microseconds (a dict's: 0.05). A long run looks up tens of thousands of
names (400 articles of edited copy: 31,000), so after ``BUILD_AFTER``
lookups the index builds the dict after all, from the names in order (one
split), and answers from it: a long run pays about 0.002 s more than with
the dict built at start. (``read/tables.py``'s tables hash their keys the
same way but keep them sorted, with a bit filter and a memo for words met
again and again: the dict cannot be built from them in one split, and a
lookup there costs twice as much; tried, 400 articles took 0.03 s longer.)
"""

from __future__ import annotations

import struct
from array import array
from zlib import crc32

_HEADER = struct.Struct("<8sQQQ")  # magic; number of names, bytes of names (padded), slots
_MAGIC = b"LNIDX1\0\0"
BUILD_AFTER = 4_000


def _slots_for(n: int) -> int:
    size = 8
    while size < 2 * n:
        size *= 2
    return size


def freeze(names: list[str]) -> bytes:
    """``names`` (distinct, without newlines) as one blob; name ``i`` has number ``i``."""
    encoded = [name.encode("utf-8", "surrogatepass") for name in names]
    blob = b"".join(e + b"\n" for e in encoded)
    blob += b"\n" * (-len(blob) % 8)
    starts = array("I", [0])
    for e in encoded:
        starts.append(starts[-1] + len(e) + 1)
    size = _slots_for(len(names))
    mask = size - 1
    slots = array("I", bytes(4 * size))
    for i, e in enumerate(encoded):
        h = crc32(e) & mask
        while slots[h]:
            h = (h + 1) & mask
        slots[h] = i + 1
    if len(starts) % 2:
        starts.append(0)  # 8-byte alignment for what follows
    return _HEADER.pack(_MAGIC, len(names), len(blob), size) + blob + starts.tobytes() + slots.tobytes()


def size_of(blob, at: int = 0) -> int:
    """How many bytes the frozen index starting at ``at`` takes."""
    return FrozenIndex(blob, at).nbytes


class FrozenIndex:
    """``get(name)``: the number of ``name``, or None; ``len``; ``names()`` in number order."""

    def __init__(self, blob, at: int = 0):
        start = at
        magic, n, n_blob, size = _HEADER.unpack_from(blob, at)
        if magic != _MAGIC or size & (size - 1) or size < 2 * n:
            raise ValueError("not a frozen lintnews index")
        at += _HEADER.size
        view = memoryview(blob)
        self._names = bytes(view[at:at + n_blob])
        at += n_blob
        self._starts = view[at:at + 4 * (n + 1)].cast("I")
        at += 4 * (n + 1 + (n + 1) % 2)
        self._slots = view[at:at + 4 * size].cast("I")
        if len(self._slots) != size or (n and self._starts[n] > n_blob):
            raise ValueError("the frozen index is cut short")
        self.nbytes = at + 4 * size - start  # header, names, starts (8-byte aligned) and slots
        self._n, self._mask, self._asked, self._dict = n, size - 1, 0, None

    def __len__(self) -> int:
        return self._n

    def names(self) -> list[str]:
        return self._names[:self._starts[self._n]].decode("utf-8", "surrogatepass").split("\n")[:self._n]

    def get(self, name: str, default=None):
        if self._dict is not None:
            return self._dict.get(name, default)
        self._asked += 1
        if self._asked > BUILD_AFTER:
            self._dict = dict(zip(self.names(), range(self._n)))
            self.get = self._dict.get  # from now on a lookup is the dict's own, with no call in between
            return self._dict.get(name, default)
        e = name.encode("utf-8", "surrogatepass")
        mask, slots, starts, names = self._mask, self._slots, self._starts, self._names
        h = crc32(e) & mask
        while True:
            k = slots[h]
            if not k:
                return default
            k -= 1
            a = starts[k]
            if names[a:starts[k + 1] - 1] == e:
                return k
            h = (h + 1) & mask
