"""Fixed archive records written as they come: JSON Lines or Parquet, into a file put in place at the end.

``lintnews batch --fix`` writes every record it read, in order: a changed
one with its fixed fields, any other as it was (a JSON Lines record that
nothing changed, or that could not be read as a record, is its line as read,
byte for byte). The output goes to a temporary file beside the target,
renamed over it when the run ends, so a run that stops half-way leaves no
half-written archive; one record (JSON Lines) or one batch of rows (Parquet)
is held at a time.
"""

from __future__ import annotations

import json
import os
import tempfile

from ..errors import InputError
from .records import BATCH_ROWS, pyarrow_parquet

_LINE_BREAKERS = ("\u0085", "\u2028", "\u2029")  # written escaped, so a record stays on one line


def record_line(data: dict) -> bytes:
    line = json.dumps(data, ensure_ascii=False)
    for char in _LINE_BREAKERS:
        line = line.replace(char, f"\\u{ord(char):04x}")
    return (line + "\n").encode("utf-8")


class _Atomic:
    """A temporary file beside ``path``, renamed to it by :meth:`commit`, removed by :meth:`abort`."""

    def __init__(self, path: str):
        self.path = path
        folder = os.path.dirname(os.path.abspath(path))
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=".lintnews-", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
        os.close(fd)
        try:  # mkstemp's file is private; the output gets the mode a new file (or the one it replaces) has
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(self.tmp, mode)

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


class JsonlWriter(_Atomic):
    def __init__(self, path: str):
        super().__init__(path)
        self.handle = open(self.tmp, "wb")  # noqa: SIM115 - closed by close()

    def write(self, data: dict | None, raw: bytes | None, changed: bool) -> None:
        if raw is not None and not changed:
            self.handle.write(raw if raw.endswith(b"\n") else raw + b"\n")
        elif data is not None:
            self.handle.write(record_line(data))

    def close(self, ok: bool) -> None:
        self.handle.close()
        self.commit() if ok else self.abort()


class ParquetWriter(_Atomic):
    """Rows in the input's schema, written a batch at a time."""

    def __init__(self, path: str, schema):
        super().__init__(path)
        pq = pyarrow_parquet(path)
        import pyarrow as pa

        self.pa = pa
        self.schema = schema
        self.writer = pq.ParquetWriter(self.tmp, schema)
        self.rows: list[dict] = []

    def write(self, data: dict | None, raw: bytes | None, changed: bool) -> None:
        if data is None:
            return
        self.rows.append(data)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_batch(self.pa.RecordBatch.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self, ok: bool) -> None:
        try:
            if ok:
                self.flush()
        finally:
            self.writer.close()
        self.commit() if ok else self.abort()


def parquet_schema(path: str):
    """The Arrow schema of a Parquet input (what its fixed records are written in)."""
    pq = pyarrow_parquet(path)
    try:
        return pq.ParquetFile(path).schema_arrow
    except Exception as exc:  # noqa: BLE001 - pyarrow's errors for a file that is not Parquet vary
        raise InputError(path, f"not a Parquet file ({type(exc).__name__}: {exc})") from None
