"""Archive records read as a stream: JSON Lines and Parquet, whole files or shards of them.

A record is a mapping with an id, a body and, usually, a title (field names
are the user's, :class:`Fields`). Records are read one at a time, so a run
holds one record (JSON Lines) or one batch of rows (Parquet) at once, never
the file. A file is cut into shards for parallel work: JSON Lines by byte
ranges that start at line starts (:func:`jsonl_shards`, with the line
number each starts at, so a bad record is named by its line), Parquet by
row groups (:func:`parquet_shards`). ``-`` is JSON Lines on standard input,
read whole by one process. pyarrow is imported only for Parquet
(the ``archive`` extra); without it a Parquet input is a one-line error.

What a reader yields for each record is a :class:`Record` (the fields as
read, all of them, for ``--fix`` to write back) or a :class:`BadRecord`
(invalid JSON, not an object, a line too long): one line of problem, and the
run goes on.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import PurePath

from ..errors import InputError, UsageError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".pq")
MAX_LINE = 64 * 1024 * 1024  # bytes: one record's line; a longer one is a bad record, skipped in bounded reads
BATCH_ROWS = 256  # Parquet rows read at once
_BLOCK = 1024 * 1024


@dataclass(frozen=True)
class Fields:
    """The names of the fields a record is read from."""

    id: str = "id"
    title: str = "title"
    body: str = "body"
    format: str = "format"  # "markdown" or "text" per record; absent: --markdown decides


@dataclass
class Record:
    path: str  # the input file
    number: int  # its line (JSON Lines) or row (Parquet), from 1
    data: dict
    raw: bytes | None = None  # the line as read (JSON Lines): written back as it was when nothing changed

    @property
    def label(self) -> str:
        """Names the record in messages: "archive.jsonl: line 17", "archive.parquet: record 17"."""
        return _label(self.path, self.number)


@dataclass
class BadRecord:
    path: str
    number: int
    problem: str
    raw: bytes | None = None  # the line as read, when it was read whole: --fix writes it back unchanged

    @property
    def label(self) -> str:
        return _label(self.path, self.number)

    def __str__(self) -> str:
        return f"{self.label}: {self.problem}"


def _label(path: str, number: int) -> str:
    return f"{path}: {'record' if kind_of(path) == 'parquet' else 'line'} {number}"


@dataclass(frozen=True)
class Shard:
    """Part of one input file: JSON Lines bytes [start, end) from line ``first``, or Parquet row groups."""

    path: str
    kind: str  # "jsonl" or "parquet"
    start: int = 0
    end: int | None = None  # None: to the end of the file
    first: int = 1  # the line or row number of the shard's first record
    row_groups: tuple[int, ...] | None = None  # Parquet: None for all
    location: str = ""  # the file's absolute path, where it is read (a Dask worker's folder is not ours)

    def __post_init__(self):
        if not self.location:
            object.__setattr__(self, "location", self.path if self.path == "-" else os.path.abspath(self.path))


def kind_of(path: str) -> str:
    """ "jsonl" or "parquet" by the file's suffix; a one-line error for another."""
    if path == "-":
        return "jsonl"  # standard input
    suffix = PurePath(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    raise InputError(path, f"not an archive lintnews reads (JSON Lines: {', '.join(JSONL_SUFFIXES)}; "
                           f"Parquet: {', '.join(PARQUET_SUFFIXES)})")


def pyarrow_parquet(path: str | None = None):
    """``pyarrow.parquet``, or a one-line error saying how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(path, "reading Parquet needs pyarrow: pip install 'lintnews[archive]'") from None
    return pq


def _open_parquet(path: str, shown: str | None = None):
    shown = shown or path
    pq = pyarrow_parquet(shown)
    try:
        return pq.ParquetFile(path, pre_buffer=False)  # read as asked, a batch at a time
    except OSError as exc:
        raise InputError(shown, f"cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - pyarrow's errors for a file that is not Parquet vary
        raise InputError(shown, f"not a Parquet file ({type(exc).__name__}: {exc})") from None


def _check_file(path: str) -> int:
    """The file's size; a one-line error for a missing or unreadable file or a folder."""
    try:
        if not os.path.isfile(path):
            raise InputError(path, "no such file" if not os.path.exists(path) else "not a regular file")
        return os.path.getsize(path)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


# ------------------------------------------------------------------ shards
def shards(path: str, size: int) -> list[Shard]:
    """The shards of one input: JSON Lines in pieces of about ``size`` bytes; Parquet one per row group."""
    kind = kind_of(path)
    if kind == "parquet":
        return parquet_shards(path)
    return jsonl_shards(path, size)


def jsonl_shards(path: str, size: int) -> list[Shard]:
    """Byte ranges of about ``size`` bytes, each starting at a line start, with their first line numbers.

    One pass over the file in fixed blocks, counting line breaks: memory stays constant.
    """
    total = _check_file(path)
    out: list[Shard] = []
    start, line = 0, 1
    try:
        with open(path, "rb") as f:
            while start < total:
                f.seek(min(total, start + max(1, size)))
                if f.tell() < total:
                    f.seek(f.tell() - 1)  # the break may be the byte just before the target
                    _skip_line(f)
                end = min(total, f.tell())
                out.append(Shard(path, "jsonl", start, end, line))
                line += _count_breaks(f, start, end)
                start = end
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return out or [Shard(path, "jsonl", 0, 0, 1)]


def _skip_line(f) -> None:
    """Move past the next line break (bounded reads: a huge line is no burden)."""
    while True:
        chunk = f.readline(_BLOCK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _count_breaks(f, start: int, end: int) -> int:
    f.seek(start)
    n, left = 0, end - start
    while left > 0:
        block = f.read(min(_BLOCK, left))
        if not block:
            break
        n += block.count(b"\n")
        left -= len(block)
    return n


def parquet_shards(path: str) -> list[Shard]:
    _check_file(path)
    meta = _open_parquet(path).metadata
    out, row = [], 1
    for i in range(meta.num_row_groups):
        out.append(Shard(path, "parquet", first=row, row_groups=(i,)))
        row += meta.row_group(i).num_rows
    return out


# ----------------------------------------------------------------- reading
def read(shard: Shard, fields: Fields | None = None, columns_only: bool = False):
    """Yield a :class:`Record` or :class:`BadRecord` for each record of the shard, in order.

    ``columns_only``: from Parquet, read only the columns ``fields`` names (a check needs no others).
    """
    if shard.kind == "parquet":
        yield from _read_parquet(shard, fields or Fields(), columns_only)
    else:
        yield from _read_jsonl(shard)


def _read_jsonl(shard: Shard):
    path = shard.path
    try:
        f = nullcontext(sys.stdin.buffer) if shard.location == "-" else open(shard.location, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with f as f:
        if shard.start:
            f.seek(shard.start)
        pos, number = shard.start, shard.first
        while shard.end is None or pos < shard.end:
            raw = f.readline(MAX_LINE + 1)
            if not raw:
                break
            pos += len(raw)
            if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
                rest = _skip_rest(f)
                pos += rest
                yield BadRecord(path, number, f"record longer than {MAX_LINE // (1024 * 1024)} MiB; skipped "
                                               "(and left out of --fix output)")
            elif raw.strip():
                yield _parse_line(raw, path, number, first=number == 1)
            number += 1


def _skip_rest(f) -> int:
    skipped = 0
    while True:
        chunk = f.readline(_BLOCK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _parse_line(raw: bytes, path: str, number: int, first: bool):
    body = raw[3:] if first and raw.startswith(b"\xef\xbb\xbf") else raw  # a BOM, kept in ``raw``
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadRecord(path, number, f"not UTF-8 (byte {exc.start + 1} of the line)", raw)
    try:
        data = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return BadRecord(path, number, f"invalid JSON ({exc.msg} at column {exc.colno})", raw)
    except RecursionError:
        return BadRecord(path, number, "invalid JSON (nested too deep)", raw)
    if not isinstance(data, dict):
        return BadRecord(path, number, f"not a JSON object but {describe(data)}", raw)
    return Record(path, number, data, raw)


def _read_parquet(shard: Shard, fields: Fields, columns_only: bool):
    pf = _open_parquet(shard.location, shard.path)
    names = pf.schema_arrow.names
    for needed in (fields.id, fields.body):
        if needed not in names:
            raise InputError(shard.path, f"no column {needed!r} (columns: {', '.join(names[:12])})")
    columns = None
    if columns_only:
        columns = [n for n in (fields.id, fields.title, fields.body, fields.format) if n in names]
    groups = list(shard.row_groups) if shard.row_groups is not None else None
    number = shard.first
    try:
        # One thread: pyarrow's readers would read ahead, and each thread's arena would stay.
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, row_groups=groups, columns=columns, use_threads=False):
            for row in batch.to_pylist():
                yield Record(shard.path, number, row)
                number += 1
    except OSError as exc:
        raise InputError(shard.path, f"cannot read: {exc.strerror or exc}") from None


def describe(value) -> str:
    """What a JSON value is, for a message: "a list", "a number", "text", "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__

