"""Tengo source to tokens (the language Vale's ``script`` rules are written in).

Tokens are ``(kind, value, line)``: kind is ``name``, ``int``, ``float``, ``str``, ``char``, ``op``,
``nl`` (one or more line ends, where a statement may end) or ``end``. Strings are Go's: ``"..."``
with Go's escapes and raw ``` `...` ```; a string's bytes that are not UTF-8 are kept as
surrogate escapes, so a Tengo string is a Python ``str`` whose UTF-8 bytes are Go's bytes.
"""

from __future__ import annotations

import re

from .values import ScriptError

# Longest first, so "&^=" is read before "&^" and "&".
_OPS = sorted([
    "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "<<=", ">>=", "&^=", "&&", "||", "++", "--", "==", "<", ">", "=", "!", "!=", "<=",
    ">=", ":=", "...", "(", ")", "[", "]", "{", "}", ",", ";", ".", ":", "?",
], key=len, reverse=True)
_OP_RE = re.compile("|".join(re.escape(op) for op in _OPS))
_NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|"
                     r"(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_NAME = re.compile(r"[^\W\d]\w*")
_SPACE = re.compile(r"[ \t\r]+")
_SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\",
           "'": "'", '"': '"'}
MAX_SOURCE = 1_000_000  # characters of one script


def _escape(src: str, i: int, quote: str, line: int) -> tuple[str | bytes, int]:
    """The escape at ``src[i]`` (just after the backslash): its text (bytes for ``\\x``/octal) and the next index."""
    c = src[i:i + 1]
    if c in _SIMPLE and (c != "'" or quote == "'") and (c != '"' or quote == '"'):
        return _SIMPLE[c], i + 1
    size = {"x": 2, "u": 4, "U": 8}.get(c)
    if size is not None:
        digits = src[i + 1:i + 1 + size]
        if len(digits) != size or not re.fullmatch(r"[0-9a-fA-F]+", digits):
            raise ScriptError(f"line {line}: bad escape in string")
        value = int(digits, 16)
        if c == "x":
            return bytes([value]), i + 1 + size
        if value > 0x10FFFF or 0xD800 <= value < 0xE000:
            raise ScriptError(f"line {line}: escape is not a valid code point")
        return chr(value), i + 1 + size
    if c in "01234567" and re.fullmatch(r"[0-7]{3}", src[i:i + 3]) and int(src[i:i + 3], 8) < 256:
        return bytes([int(src[i:i + 3], 8)]), i + 3
    raise ScriptError(f"line {line}: unknown escape sequence in string")


def _quoted(src: str, i: int, line: int) -> tuple[str, int]:
    """The double-quoted string starting at ``src[i]``; returns its value and the index after it."""
    parts: list[bytes] = []
    j = i + 1
    while True:
        k = j
        while k < len(src) and src[k] not in '"\\\n':
            k += 1
        parts.append(src[j:k].encode("utf-8", "surrogateescape"))
        if k >= len(src) or src[k] == "\n":
            raise ScriptError(f"line {line}: string not terminated")
        if src[k] == '"':
            return b"".join(parts).decode("utf-8", "surrogateescape"), k + 1
        piece, j = _escape(src, k + 1, '"', line)
        parts.append(piece if isinstance(piece, bytes) else piece.encode("utf-8", "surrogateescape"))


def _char(src: str, i: int, line: int) -> tuple[int, int]:
    """The character literal starting at ``src[i]``: its code point and the index after it."""
    if src[i + 1:i + 2] == "\\":
        piece, j = _escape(src, i + 2, "'", line)
        if src[j:j + 1] != "'":
            raise ScriptError(f"line {line}: bad character literal")
        return (piece[0] if isinstance(piece, bytes) else ord(piece)), j + 1
    if src[i + 2:i + 3] != "'" or src[i + 1:i + 2] in ("", "'", "\n"):
        raise ScriptError(f"line {line}: bad character literal")
    return ord(src[i + 1]), i + 3


def tokens(src: str) -> list[tuple[str, object, int]]:
    if len(src) > MAX_SOURCE:
        raise ScriptError(f"script is longer than {MAX_SOURCE:,} characters")
    out: list[tuple[str, object, int]] = []
    i, line, n = 0, 1, len(src)
    while i < n:
        c = src[i]
        if c in " \t\r":
            i = _SPACE.match(src, i).end()
        elif c == "\n":
            if out and out[-1][0] != "nl":
                out.append(("nl", None, line))
            line += 1
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            if j < 0:
                raise ScriptError(f"line {line}: comment not terminated")
            newlines = src.count("\n", i, j)
            if newlines and out and out[-1][0] != "nl":
                out.append(("nl", None, line))
            line += newlines
            i = j + 2
        elif c == '"':
            value, i = _quoted(src, i, line)
            out.append(("str", value, line))
        elif c == "`":
            j = src.find("`", i + 1)
            if j < 0:
                raise ScriptError(f"line {line}: raw string not terminated")
            value = src[i + 1:j].replace("\r", "")
            out.append(("str", value, line))
            line += value.count("\n")
            i = j + 1
        elif c == "'":
            value, i = _char(src, i, line)
            out.append(("char", value, line))
        elif c.isdigit() or (c == "." and src[i + 1:i + 2].isdigit()):
            m = _NUMBER.match(src, i)
            text = m.group().replace("_", "")
            i = m.end()
            try:
                if text[:2].lower() in ("0x", "0b", "0o"):
                    out.append(("int", int(text, 0), line))
                elif any(ch in text for ch in ".eE"):
                    out.append(("float", float(text), line))
                else:
                    out.append(("int", int(text, 8) if len(text) > 1 and text[0] == "0" else int(text), line))
            except ValueError:
                raise ScriptError(f"line {line}: bad number {m.group()!r}") from None
        elif _NAME.match(src, i):
            m = _NAME.match(src, i)
            out.append(("name", m.group(), line))
            i = m.end()
        else:
            m = _OP_RE.match(src, i)
            if m is None:
                raise ScriptError(f"line {line}: unexpected character {c!r}")
            out.append(("op", m.group(), line))
            i = m.end()
    out.append(("end", None, line))
    return out
