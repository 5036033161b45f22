"""Tengo's values in Python, and the operators on them.

int: Python ``int`` kept to 64 bits as Go wraps it; float: ``float``; bool: ``bool``; string: ``str``
(its UTF-8 bytes are Go's bytes: ``len`` and slicing count bytes, see ``blen`` and ``bslice``);
char: :class:`Char`; bytes: ``bytes``; array: ``list`` (immutable: ``tuple``); map: ``dict`` with
string keys (immutable: :class:`ImmutableMap`); undefined: ``UNDEFINED``; error: :class:`TError`.
Functions are ``scope.Closure`` and :class:`Builtin`.
"""

from __future__ import annotations

import math

from ..go_strconv import format_float


class ScriptError(Exception):
    """A script that does not compile or fails as it runs, or that went over its budget: one line."""


class _Undefined:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<undefined>"


UNDEFINED = _Undefined()


class Char:
    __slots__ = ("cp",)

    def __init__(self, cp: int) -> None:
        self.cp = cp

    def __eq__(self, other) -> bool:
        return isinstance(other, Char) and other.cp == self.cp

    def __hash__(self) -> int:
        return hash(("char", self.cp))


class ImmutableMap(dict):
    """A map no assignment may change (what ``immutable({...})`` and the modules give)."""


class TError:
    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value


class Builtin:
    __slots__ = ("fn", "name")

    def __init__(self, name: str, fn) -> None:
        self.name, self.fn = name, fn


def wrap(v: int) -> int:
    """``v`` as Go's int64 holds it (arithmetic wraps round)."""
    if -(1 << 63) <= v < (1 << 63):
        return v
    return ((v + (1 << 63)) % (1 << 64)) - (1 << 63)


def enc(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def dec(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def blen(s: str) -> int:
    """A string's length in bytes, as Go's ``len`` gives it."""
    return len(s) if s.isascii() else len(enc(s))


def bslice(s: str, lo: int, hi: int) -> str:
    """``s[lo:hi]`` by byte offsets, as Go slices a string (a cut rune's bytes are kept as they are)."""
    if s.isascii():
        return s[lo:hi]
    return dec(enc(s)[lo:hi])


def type_name(v) -> str:
    if v is UNDEFINED:
        return "undefined"
    if isinstance(v, bool):
        return "bool"
    names = ((int, "int"), (float, "float"), (str, "string"), (Char, "char"), (bytes, "bytes"),
             (ImmutableMap, "immutable-map"), (dict, "map"), (list, "array"), (tuple, "immutable-array"),
             (TError, "error"), (Builtin, "builtin-function"))
    for kind, name in names:
        if isinstance(v, kind):
            return name
    return "user-function" if hasattr(v, "params") else "object"


def falsy(v) -> bool:
    if v is UNDEFINED or isinstance(v, TError):
        return True
    if isinstance(v, bool):
        return not v
    if isinstance(v, float):
        return math.isnan(v)
    if isinstance(v, Char):
        return v.cp == 0
    if isinstance(v, (int, str, bytes, list, tuple, dict)):
        return not v
    return False


def go_quote(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif 0xDC80 <= ord(ch) <= 0xDCFF:
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def show(v, inner: bool = False) -> str:
    """Tengo's ``String()`` of a value (a string inside an array or map is shown quoted)."""
    if isinstance(v, str):
        return go_quote(v) if inner else v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return format_float(v)
    if isinstance(v, Char):
        return chr(v.cp) if v.cp < 0x110000 else "\ufffd"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(show(x, True) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {show(x, True)}" for k, x in sorted(v.items())) + "}"
    if isinstance(v, TError):
        return f"error: {show(v.value, True)}"
    if isinstance(v, bytes):
        return dec(v)
    if v is UNDEFINED:
        return "<undefined>"
    return f"<{type_name(v)}>"


def equal(a, b) -> bool:
    """Tengo's ``==``: values of one type (an int is never equal to a float or char)."""
    if a is b:
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    if isinstance(a, float) and isinstance(b, float):
        return a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    if isinstance(a, TError) and isinstance(b, TError):
        return equal(a.value, b.value)
    if type(a) is type(b) and isinstance(a, (str, Char, bytes)):
        return a == b
    return False


def _ordered(op: str, x, y) -> bool:
    return {"<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}[op]


def _int_op(op: str, x: int, y: int):
    if op in ("/", "%") and y == 0:
        raise ScriptError("runtime error: division by zero")
    if op == "/":
        q = abs(x) // abs(y)
        return wrap(q if (x >= 0) == (y >= 0) else -q)
    if op == "%":
        r = abs(x) % abs(y)
        return r if x >= 0 else -r
    if op in ("<<", ">>"):
        if y < 0:
            raise ScriptError("runtime error: negative shift amount")
        return wrap(x << min(y, 64)) if op == "<<" else x >> min(y, 64)
    arith = {"+": lambda: x + y, "-": lambda: x - y, "*": lambda: x * y, "&": lambda: x & y,
             "|": lambda: x | y, "^": lambda: x ^ y, "&^": lambda: x & ~y}
    if op in arith:
        return wrap(arith[op]())
    if op in ("<", ">", "<=", ">="):
        return _ordered(op, x, y)
    return None


def _float_op(op: str, x: float, y: float):
    if op == "/":
        if y == 0:
            return math.copysign(math.inf, x) * math.copysign(1, y) if x else math.nan
        return x / y
    arith = {"+": lambda: x + y, "-": lambda: x - y, "*": lambda: x * y}
    if op in arith:
        return arith[op]()
    if op in ("<", ">", "<=", ">="):
        return _ordered(op, x, y)
    return None


def binary(op: str, a, b):
    """``a op b`` for the arithmetic and ordering operators (``==``, ``!=``, ``&&``, ``||`` are the evaluator's)."""
    result = None
    if isinstance(a, bool) or isinstance(b, bool):
        result = None
    elif isinstance(a, int) and isinstance(b, int):
        result = _int_op(op, a, b)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)):
        result = _float_op(op, float(a), float(b))
    elif isinstance(a, str):
        if op == "+":
            return a + show(b) if not isinstance(b, str) else a + b
        if isinstance(b, str) and op in ("<", ">", "<=", ">="):
            return _ordered(op, enc(a), enc(b))
    elif isinstance(a, Char) and isinstance(b, (Char, int)):
        y = b.cp if isinstance(b, Char) else b
        if op in ("+", "-"):
            return Char(a.cp + y if op == "+" else a.cp - y)
        if op in ("<", ">", "<=", ">="):
            return _ordered(op, a.cp, y)
    elif isinstance(a, Char) and isinstance(b, str) and op == "+":
        return show(a) + b
    elif isinstance(a, int) and isinstance(b, Char):
        if op in ("+", "-"):
            return Char(a + b.cp if op == "+" else a - b.cp)
        if op in ("<", ">", "<=", ">="):
            return _ordered(op, a, b.cp)
    elif isinstance(a, list) and isinstance(b, (list, tuple)) and op == "+":
        return a + list(b)
    elif isinstance(a, tuple) and isinstance(b, (list, tuple)) and op == "+":
        return list(a) + list(b)
    elif isinstance(a, bytes) and isinstance(b, bytes) and op == "+":
        return a + b
    if result is None:
        raise ScriptError(f"runtime error: invalid operation: {type_name(a)} {op} {type_name(b)}")
    return result
