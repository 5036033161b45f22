"""Bytes to text and back, keeping what ``fix`` must not lose.

Articles are UTF-8, with or without a byte-order mark. The text is kept as it
is (CRLF stays CRLF, mixed line endings stay mixed); only the BOM is taken
off and put back on write. Binary files and invalid UTF-8 are refused with a
one-line error naming the file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

BOM = b"\xef\xbb\xbf"
_BINARY_SNIFF = 8192


@dataclass
class Source:
    path: str
    text: str
    bom: bool = False

    @property
    def newline(self) -> str:
        return dominant_newline(self.text)

    def encode(self, text: str | None = None) -> bytes:
        data = (self.text if text is None else text).encode("utf-8")
        return BOM + data if self.bom else data


def dominant_newline(text: str) -> str:
    """The text's dominant line ending, for the line breaks a fix inserts."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def decode(data: bytes, path: str) -> Source:
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(path, "binary file (contains NUL bytes), not an article")
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"invalid UTF-8 at byte {exc.start + (3 if bom else 0)} (line {line}): {exc.reason}"
        ) from None
    return Source(path=path, text=text, bom=bom)


def read_path(path: str) -> Source:
    if path == "-":
        return decode(sys.stdin.buffer.read(), "-")
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or directory")
    if p.is_dir():
        raise InputError(path, "is a directory")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, path)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, never half."""
    target = Path(path)
    mode = target.stat().st_mode if target.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".lintnews", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
