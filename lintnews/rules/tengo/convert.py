"""Arguments as Tengo's functions take them (``ToString``, ``ToInt``, ``ToFloat64``), and Go's formatting
verbs for ``fmt.sprintf`` and ``format``."""

from __future__ import annotations

import math
import re

from ..go_strconv import parse_int as parse_go_int
from .values import (
    UNDEFINED,
    Char,
    ScriptError,
    TError,
    format_float,
    go_quote,
    show,
    type_name,
)

_ORDINAL = ("first", "second", "third", "fourth", "fifth")


def need(args: list, least: int, most: int | None = None) -> None:
    most = least if most is None else most
    if not least <= len(args) <= most:
        raise ScriptError("wrong number of arguments")


def _bad(v, which: str, expected: str):
    return ScriptError(f"invalid type for argument '{which}': expected {expected}, found {type_name(v)}")


def as_str(v, which: str = "first") -> str:
    """A string argument: a string as it is, any other value but undefined and errors as Tengo shows it."""
    if isinstance(v, str):
        return v
    if v is UNDEFINED or isinstance(v, TError):
        raise _bad(v, which, "string(compatible)")
    if isinstance(v, bytes):
        return v.decode("utf-8", "surrogateescape")
    return show(v)


def as_int(v, which: str = "first") -> int:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return int(v) if not math.isnan(v) and abs(v) < 9.3e18 else -(1 << 63)
    if isinstance(v, Char):
        return v.cp
    if isinstance(v, str):
        value = parse_go_int(v.strip() if v.strip() == v else v)
        if value is not None:
            return value
    raise _bad(v, which, "int(compatible)")


def as_float(v, which: str = "first") -> float:
    if isinstance(v, float):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            pass
    raise _bad(v, which, "float(compatible)")


_VERB = re.compile(r"%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])")


def _number(v):
    if isinstance(v, bool) or not isinstance(v, (int, float, Char)):
        return None
    return v.cp if isinstance(v, Char) else v


def _one(flags: str, prec: int | None, verb: str, v) -> str:
    n = _number(v)
    if verb in "vs":
        if verb == "v" and isinstance(v, str):
            return v
        return show(v) if not isinstance(v, str) else v
    if verb == "q":
        return go_quote(v) if isinstance(v, str) else (f"'{chr(n)}'" if isinstance(v, Char) else show(v, True))
    if verb == "t" and isinstance(v, bool):
        return "true" if v else "false"
    if verb == "c" and isinstance(n, int):
        return chr(n) if 0 <= n < 0x110000 else "\ufffd"
    if verb in "dboxX" and isinstance(n, int):
        out = format(n, {"d": "d", "b": "b", "o": "o", "x": "x", "X": "X"}[verb])
        return ("+" + out if "+" in flags and n >= 0 else out)
    if verb in "feEgG" and isinstance(n, (int, float)):
        if verb == "g" and prec is None:
            return format_float(float(n))
        return format(float(n), f"{'+' if '+' in flags else ''}.{6 if prec is None else prec}{verb}")
    return f"%!{verb}({type_name(v)}={show(v)})"


def sprintf(args: list) -> str:
    """Go's ``fmt.Sprintf`` for the verbs scripts use (%v %s %q %d %x %f %e %g %t %c %%, width, precision)."""
    if not args:
        raise ScriptError("wrong number of arguments")
    fmt, rest = as_str(args[0]), list(args[1:])
    out, at = [], 0
    for m in _VERB.finditer(fmt):
        out.append(fmt[at:m.start()])
        at = m.end()
        flags, width, prec, verb = m.group(1), m.group(2), m.group(3), m.group(4)
        if verb == "%":
            out.append("%")
            continue
        if width == "*":
            width = str(as_int(rest.pop(0))) if rest else "0"
        if prec == "*":
            prec = str(as_int(rest.pop(0))) if rest else "0"
        if not rest:
            out.append(f"%!{verb}(MISSING)")
            continue
        text = _one(flags, None if prec is None else int(prec), verb, rest.pop(0))
        size = min(int(width or 0), 100_000)
        if len(text) < size:
            pad = "0" if "0" in flags and "-" not in flags and verb not in "sqvc" else " "
            text = text.ljust(size) if "-" in flags else text.rjust(size, pad)
        out.append(text)
    out.append(fmt[at:])
    if rest:
        out.append("%!(EXTRA " + ", ".join(f"{type_name(v)}={show(v)}" for v in rest) + ")")
    return "".join(out)
