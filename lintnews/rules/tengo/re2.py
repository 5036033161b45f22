"""Go's regexp (RE2 syntax), which Tengo's ``text.re_*`` functions use, on the ``regex`` package.

A pattern is rewritten where the two read it differently, then compiled and run through
``rules/patterns.py`` (bounded, with the timeout): ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII
in Go; a ``-`` after a class escape in brackets is a literal (``[\\w-_]``); ``{`` that opens no
repeat is a literal; ``$`` without ``(?m)`` is the end of the text only; ``\\z`` is ``\\Z``; flags
set inside a group, ``((?ms)...)``, hold to the group's end. What RE2 refuses (look-arounds,
back-references) is refused here too. Match offsets are given in bytes, as Go gives them.
"""

from __future__ import annotations

import re

import regex

from ...errors import RuleError
from .. import patterns
from .values import enc

_WORD = "0-9A-Za-z_"
_OUTSIDE = {"w": f"[{_WORD}]", "W": f"[^{_WORD}]", "d": "[0-9]", "D": "[^0-9]", "s": r"[\t\n\f\r ]",
            "S": r"[^\t\n\f\r ]", "z": r"\Z",
            "b": f"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))",
            "B": f"(?:(?<=[{_WORD}])(?=[{_WORD}])|(?<![{_WORD}])(?![{_WORD}]))"}
_INSIDE = {"w": _WORD, "d": "0-9", "s": r"\t\n\f\r "}
_REPEAT = re.compile(r"\{\d+(?:,\d*)?\}")
_FLAGS = re.compile(r"\(\?([imsU]*)(?:-([imsU]*))?([:)])")
_BRACED = re.compile(r"\\([pPx])\{([0-9A-Fa-f]{1,8}|\^?[A-Za-z_]+)\}")
_CACHE: dict[str, object] = {}


class BadPattern(ValueError):
    pass


def translate(pattern: str) -> str:
    out: list[str] = []
    multiline = [False]  # per open group (the whole pattern first): whether (?m) holds
    closers: list[str] = []  # per open group: what closes it (flags set inside it add a ")")
    top_extra = 0  # groups opened by flags set outside any group
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i = _escape(pattern, i, out)
        elif c == "[":
            i = _klass(pattern, i, out)
        elif c == "(":
            if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                raise BadPattern("invalid or unsupported Perl syntax: look-arounds are not RE2")
            flags = _FLAGS.match(pattern, i)
            on = off = ""
            if flags:
                on, off = flags.group(1).replace("U", ""), (flags.group(2) or "").replace("U", "")
            if flags and flags.group(3) == ")":  # (?ms): to the end of the enclosing group
                if "m" in on or "m" in off:
                    multiline[-1] = "m" in on
                if on or off:
                    out.append(f"(?{on}{'-' + off if off else ''}:")
                    if closers:
                        closers[-1] += ")"
                    else:
                        top_extra += 1
                i = flags.end()
                continue
            closers.append(")")
            multiline.append(("m" in on) or (multiline[-1] and "m" not in off))
            if pattern.startswith("(?<", i) and not pattern.startswith("(?P<", i):
                out.append("(?P<")
                i += 3
                continue
            if flags:
                out.append(f"(?{on}{'-' + off if off else ''}:" if (on or off) else "(?:")
                i = flags.end()
                continue
            out.append(c)
            i += 1
        elif c == ")":
            out.append(closers.pop() if closers else ")")
            if len(multiline) > 1:
                multiline.pop()
            i += 1
        elif c == "$":
            out.append("$" if multiline[-1] else r"\Z")
            i += 1
        elif c == "{" and not _REPEAT.match(pattern, i):
            out.append(r"\{")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out) + ")" * top_extra


def _escape(pattern: str, i: int, out: list[str]) -> int:
    """The escape at ``pattern[i]`` (a backslash) outside brackets, written out; returns the index after it."""
    e = pattern[i + 1:i + 2]
    braced = _BRACED.match(pattern, i)
    if braced:  # \p{Greek}, \P{L}, \x{201C}
        kind, body = braced.group(1), braced.group(2)
        if kind == "x" and not all(ch in "0123456789abcdefABCDEF" for ch in body):
            raise BadPattern(f"invalid escape sequence: {braced.group()}")
        out.append(f"\\U{int(body, 16):08x}" if kind == "x" else braced.group())
        return braced.end()
    if e == "Q":  # \Q...\E: literal text
        end = pattern.find("\\E", i + 2)
        end = len(pattern) if end < 0 else end
        out.append(regex.escape(pattern[i + 2:end]))
        return end + 2
    if e in _OUTSIDE:
        out.append(_OUTSIDE[e])
    elif e.isdigit() and e != "0":
        raise BadPattern("invalid escape sequence: back-references are not RE2")
    else:
        out.append(pattern[i:i + 2])
    return i + 2


def _klass(pattern: str, i: int, out: list[str]) -> int:
    """A bracket expression from ``pattern[i]`` (``[``) written out; returns the index after its ``]``."""
    j = i + 1
    parts = ["["]
    if pattern[j:j + 1] == "^":
        parts.append("^")
        j += 1
    first, after_class = True, False
    while j < len(pattern):
        c = pattern[j]
        if c == "]" and not first:
            parts.append("]")
            out.append("".join(parts))
            return j + 1
        if c == "[" and pattern.startswith("[:", j):
            end = pattern.find(":]", j + 2)
            if end > 0:
                parts.append(pattern[j:end + 2])
                j, after_class, first = end + 2, True, False
                continue
        if c == "\\":
            e = pattern[j + 1:j + 2]
            parts.append(_INSIDE.get(e, pattern[j:j + 2]))
            after_class = e in "wdsWDSpP"
            j += 2
        elif c == "-" and (after_class or first or pattern[j + 1:j + 2] == "]"):
            parts.append(r"\-")
            j += 1
        elif c in "[&~|":
            parts.append("\\" + c)  # set operations in the regex package; literals in Go
            j += 1
            after_class = False
        else:
            parts.append(c)
            j += 1
            after_class = False
        first = False
    raise BadPattern("missing closing ]")


def compiled(pattern: str):
    """The compiled pattern, or a :class:`BadPattern` with Go's kind of reason."""
    if pattern in _CACHE:
        found = _CACHE[pattern]
        if isinstance(found, BadPattern):
            raise found
        return found
    if len(_CACHE) > 512:
        _CACHE.clear()
    try:
        found = patterns.compile_pattern(translate(pattern), where="script", what="regexp", keep=False)
    except (BadPattern, RuleError) as exc:
        found = exc if isinstance(exc, BadPattern) else BadPattern(str(exc).split("regexp: ", 1)[-1])
    _CACHE[pattern] = found
    if isinstance(found, BadPattern):
        raise found
    return found


class ByteOffsets:
    """Character offsets into ``text`` as byte offsets, for offsets asked in increasing order (or any, slower)."""

    def __init__(self, text: str) -> None:
        self.text, self.ascii = text, text.isascii()
        self.char, self.byte = 0, 0

    def __call__(self, i: int) -> int:
        if self.ascii or i < 0:
            return i
        if i < self.char:
            self.char, self.byte = 0, 0
        self.byte += len(enc(self.text[self.char:i]))
        self.char = i
        return self.byte


def find_all(rx, text: str, rule_id: str, most: int = -1) -> list[list[tuple[int, int]]]:
    """Go's ``FindAllStringSubmatchIndex``: each match's (begin, end) byte offsets, then each group's
    ((-1, -1) when a group took no part); an empty match right where the last one ended is skipped."""
    found, last_end = [], -1
    to_bytes = ByteOffsets(text)
    for m in patterns.finditer(rx, text, rule_id):
        if most >= 0 and len(found) >= most:
            break
        if m.start() == m.end() and m.start() == last_end:
            continue
        last_end = m.end()
        spans = [m.span(g) for g in range(rx.groups + 1)]
        at = {p: to_bytes(p) for p in sorted({p for span in spans for p in span if p >= 0})}
        found.append([(at[s], at[e]) if s >= 0 else (-1, -1) for s, e in spans])
    return found
