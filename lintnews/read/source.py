"""Bytes to text and back, keeping what ``fix`` must not lose.

Articles are UTF-8, with or without a byte-order mark. The text is kept as it
is (CRLF stays CRLF, mixed line endings stay mixed); only the BOM is taken
off and put back on write. Binary files and invalid UTF-8 are refused with a
one-line error naming the file.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass

from ..errors import InputError

BOM = b"\xef\xbb\xbf"
_BINARY_SNIFF = 8192


@dataclass
class Source:
    path: str
    text: str
    bom: bool = False
    identity: tuple[int, ...] | None = None  # of the file when read (see ``write_back``)
    data: bytes | None = None  # the bytes as read, to tell whether the file changed since

    @property
    def newline(self) -> str:
        return dominant_newline(self.text)

    def encode(self, text: str | None = None) -> bytes:
        data = (self.text if text is None else text).encode("utf-8")
        return BOM + data if self.bom else data


def dominant_newline(text: str) -> str:
    """The text's dominant line ending, for the line breaks a fix inserts."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    if lone_cr > text.count("\n"):
        return "\r"  # an old Mac file: its lines end in a lone CR
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def decode(data: bytes, path: str) -> Source:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # its NUL bytes are not binary: say what it is
        raise InputError(path, "UTF-16 text (its byte order mark says so): lintnews reads UTF-8; "
                               "convert it, e.g. iconv -f UTF-16 -t UTF-8")
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
            path, f"invalid UTF-8 at byte {exc.start + (3 if bom else 0)} (line {line}): {exc.reason}; "
                  f"lintnews reads UTF-8: if it was saved as Windows-1252 or Latin-1, convert it, "
                  f"e.g. iconv -f CP1252 -t UTF-8"
        ) from None
    return Source(path=path, text=text, bom=bom)


def read_path(path: str) -> Source:
    """An article's text; only a regular file is read (never a pipe or a device)."""
    if path == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            raise InputError("-", "standard input is closed")
        return decode(stdin.read(), "-")
    try:
        # Non-blocking, so that a named pipe put in the article's place is refused, not waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file")
        try:
            data = handle.read()
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    source = decode(data, path)
    source.identity = file_identity(st)
    source.data = data
    return source


def file_identity(st: os.stat_result) -> tuple[int, ...]:
    """What tells that a file is still the one that was read: device, inode, size, change time."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
