"""Go's ``strconv`` as lintnews needs it: numbers and booleans read and written as Vale's Go code and
Tengo scripts read and write them (Vale's weakly typed rule files, ``rules/schema.py``; Tengo's builtins
and ``text`` module, ``rules/tengo/``)."""

from __future__ import annotations

import math

_BOOLS = {"1": True, "t": True, "T": True, "TRUE": True, "true": True, "True": True,
          "0": False, "f": False, "F": False, "FALSE": False, "false": False, "False": False}


def parse_int(text: str, base: int = 0) -> int | None:
    """``strconv.ParseInt(text, base, 64)``, or None where Go gives an error. Base 0 takes the base from
    the prefix ("0x", "0o", "0b", and a bare leading "0" for octal: "010" is 8) and allows underscores."""
    if base == 0:
        text = text.replace("_", "")
        body = text.lstrip("+-")
        if len(text) - len(body) > 1:
            return None
        if len(body) > 1 and body[0] == "0" and body[1].isdigit():
            base, text = 8, text[:len(text) - len(body)] + body[1:]
    try:
        value = int(text, base)
    except ValueError:
        return None
    return value if -(1 << 63) <= value < (1 << 63) else None


def parse_bool(text: str) -> bool | None:
    """``strconv.ParseBool``: True or False, or None where Go gives an error."""
    return _BOOLS.get(text)


def format_float(f: float) -> str:
    """``strconv.FormatFloat(f, 'f', -1, 64)``: the shortest digits, never an exponent."""
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "+Inf" if f > 0 else "-Inf"
    text = repr(f)
    if "e" in text or "E" in text:
        text = format(f, "f") if abs(f) >= 1 else f"{f:.{max(0, -int(math.floor(math.log10(abs(f)))) + 17)}f}"
        text = text.rstrip("0").rstrip(".") if "." in text else text
    return text[:-2] if text.endswith(".0") else text
