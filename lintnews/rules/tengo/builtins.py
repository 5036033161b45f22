"""Tengo's builtin functions and the ``fmt`` and ``math`` modules (``text`` is ``text_module.py``).

Each function takes the interpreter and its arguments. ``fmt``'s printing functions print nothing:
a rule's output is its ``matches``, and lintnews's output is its report.
"""

from __future__ import annotations

import math

from .convert import as_float, as_int, as_str, need, sprintf
from .text_module import TEXT
from .values import (
    UNDEFINED,
    Builtin,
    Char,
    ImmutableMap,
    ScriptError,
    TError,
    dec,
    enc,
    falsy,
    show,
    type_name,
)

MAX_BUILT = 1_000_000  # elements or bytes one call may make (range, bytes(n))


def _len(it, args):
    need(args, 1)
    v = args[0]
    if isinstance(v, str):
        return len(enc(v))
    if isinstance(v, (list, tuple, dict, bytes)):
        return len(v)
    raise ScriptError(f"invalid type for argument 'first': {type_name(v)}")


def _append(it, args):
    if not args:
        raise ScriptError("wrong number of arguments")
    if args[0] is UNDEFINED:
        return list(args[1:])
    if not isinstance(args[0], (list, tuple)):
        raise ScriptError(f"invalid type for argument 'first': expected array, found {type_name(args[0])}")
    return list(args[0]) + list(args[1:])


def _delete(it, args):
    need(args, 2)
    if not isinstance(args[0], dict) or isinstance(args[0], ImmutableMap):
        raise ScriptError(f"invalid type for argument 'first': expected map, found {type_name(args[0])}")
    args[0].pop(as_str(args[1], "second"), None)
    return UNDEFINED


def _splice(it, args):
    if not args or not isinstance(args[0], list):
        raise ScriptError("invalid type for argument 'first': expected array")
    arr = args[0]
    start = as_int(args[1], "second") if len(args) > 1 else 0
    if not 0 <= start <= len(arr):
        raise ScriptError("index out of bounds")
    count = as_int(args[2], "third") if len(args) > 2 else len(arr) - start
    if count < 0:
        raise ScriptError("invalid count for argument 'third'")
    removed = arr[start:start + count]
    arr[start:start + count] = list(args[3:])
    return removed


def _string(it, args):
    v = args[0] if args else UNDEFINED
    if isinstance(v, str):
        return v
    if v is UNDEFINED or isinstance(v, TError):
        return args[1] if len(args) > 1 else UNDEFINED
    return dec(v) if isinstance(v, bytes) else show(v)


def _convert(kind):
    def convert(it, args):
        if not args:
            raise ScriptError("wrong number of arguments")
        v = args[0]
        try:
            if kind == "int":
                if isinstance(v, int) and not isinstance(v, bool):
                    return v
                return as_int(v, "first")
            if kind == "float":
                return as_float(v, "first")
            if kind == "char":
                if isinstance(v, Char):
                    return v
                if isinstance(v, str) and len(v) == 1:
                    return Char(ord(v))
                return Char(as_int(v, "first"))
        except ScriptError:
            pass
        return args[1] if len(args) > 1 else UNDEFINED
    return convert


def _bytes(it, args):
    need(args, 1, 2)
    v = args[0]
    if isinstance(v, int) and not isinstance(v, bool):
        if not 0 <= v <= MAX_BUILT:
            raise ScriptError(f"bytes({v}): size out of range")
        return bytes(v)
    if isinstance(v, str):
        return enc(v)
    if isinstance(v, bytes):
        return v
    return args[1] if len(args) > 1 else UNDEFINED


def _range(it, args):
    need(args, 2, 3)
    start, stop = as_int(args[0], "first"), as_int(args[1], "second")
    step = as_int(args[2], "third") if len(args) > 2 else 1
    if step <= 0:
        raise ScriptError("invalid range step: must be > 0")
    values = range(start, stop, step) if start <= stop else range(start, stop, -step)
    if len(values) > MAX_BUILT:
        raise ScriptError("range too large")
    return list(values)


def _copied(v):
    """A deep copy of an array or map (functions and other values are shared, as in Tengo)."""
    if isinstance(v, list):
        return [_copied(x) for x in v]
    if isinstance(v, tuple):
        return tuple(_copied(x) for x in v)
    if isinstance(v, ImmutableMap):
        return ImmutableMap({k: _copied(x) for k, x in v.items()})
    if isinstance(v, dict):
        return {k: _copied(x) for k, x in v.items()}
    return v


def _is(test):
    return lambda it, args: (need(args, 1), test(args[0]))[1]


BUILTINS = {name: Builtin(name, fn) for name, fn in {
    "len": _len, "append": _append, "delete": _delete, "splice": _splice, "string": _string,
    "int": _convert("int"), "float": _convert("float"), "char": _convert("char"), "bytes": _bytes,
    "bool": lambda it, args: (need(args, 1), not falsy(args[0]))[1],
    "copy": lambda it, args: (need(args, 1), _copied(args[0]))[1],
    "type_name": lambda it, args: (need(args, 1), type_name(args[0]))[1],
    "format": lambda it, args: sprintf(args),
    "range": _range,
    "is_int": _is(lambda v: isinstance(v, int) and not isinstance(v, bool)),
    "is_float": _is(lambda v: isinstance(v, float)), "is_string": _is(lambda v: isinstance(v, str)),
    "is_bool": _is(lambda v: isinstance(v, bool)), "is_char": _is(lambda v: isinstance(v, Char)),
    "is_bytes": _is(lambda v: isinstance(v, bytes)), "is_error": _is(lambda v: isinstance(v, TError)),
    "is_undefined": _is(lambda v: v is UNDEFINED),
    "is_array": _is(lambda v: isinstance(v, list)), "is_immutable_array": _is(lambda v: isinstance(v, tuple)),
    "is_map": _is(lambda v: isinstance(v, dict) and not isinstance(v, ImmutableMap)),
    "is_immutable_map": _is(lambda v: isinstance(v, ImmutableMap)),
    "is_iterable": _is(lambda v: isinstance(v, (list, tuple, dict, str, bytes)) or v is UNDEFINED),
    "is_function": _is(lambda v: hasattr(v, "params")),
    "is_callable": _is(lambda v: hasattr(v, "params") or isinstance(v, Builtin)),
    "is_time": _is(lambda v: False),
}.items()}


def _math_fn(fn, arity: int = 1):
    def call(it, args):
        need(args, arity)
        try:
            return float(fn(*(as_float(a, "first") for a in args)))
        except (ValueError, OverflowError):
            return math.nan
    return call


def _go_round(x: float) -> float:
    return math.copysign(math.floor(abs(x) + 0.5), x) if math.isfinite(x) else x


_MATH_FUNCS = {
    "abs": abs, "acos": math.acos, "acosh": math.acosh, "asin": math.asin, "asinh": math.asinh,
    "atan": math.atan, "atanh": math.atanh, "cbrt": lambda x: math.copysign(abs(x) ** (1 / 3), x),
    "ceil": math.ceil, "cos": math.cos, "cosh": math.cosh, "erf": math.erf, "erfc": math.erfc,
    "exp": math.exp, "exp2": lambda x: 2.0 ** x, "expm1": math.expm1, "floor": math.floor,
    "gamma": math.gamma, "log": math.log, "log10": math.log10, "log1p": math.log1p, "log2": math.log2,
    "round": _go_round, "round_to_even": round, "sin": math.sin, "sinh": math.sinh, "sqrt": math.sqrt,
    "tan": math.tan, "tanh": math.tanh, "trunc": math.trunc,
}
_MATH_FUNCS2 = {"atan2": math.atan2, "copysign": math.copysign, "dim": lambda x, y: max(x - y, 0.0),
                "hypot": math.hypot, "max": max, "min": min, "mod": math.fmod, "pow": math.pow,
                "remainder": math.remainder}
_MATH = {name: Builtin(name, _math_fn(fn)) for name, fn in _MATH_FUNCS.items()}
_MATH.update({name: Builtin(name, _math_fn(fn, 2)) for name, fn in _MATH_FUNCS2.items()})
_MATH.update({
    "is_inf": Builtin("is_inf", lambda it, args: (need(args, 2), math.isinf(as_float(args[0], "first")) and (
        as_int(args[1], "second") == 0 or (as_int(args[1], "second") > 0) == (as_float(args[0], "first") > 0)))[1]),
    "is_nan": Builtin("is_nan", lambda it, args: (need(args, 1), math.isnan(as_float(args[0], "first")))[1]),
    "inf": Builtin("inf", lambda it, args: (need(args, 1),
                                            math.inf if as_int(args[0], "first") >= 0 else -math.inf)[1]),
    "nan": Builtin("nan", lambda it, args: math.nan),
    "signbit": Builtin("signbit", lambda it, args: (need(args, 1),
                                                    math.copysign(1, as_float(args[0], "first")) < 0)[1]),
    "e": math.e, "pi": math.pi, "phi": (1 + math.sqrt(5)) / 2, "sqrt2": math.sqrt(2), "sqrte": math.sqrt(math.e),
    "sqrtpi": math.sqrt(math.pi), "sqrtphi": math.sqrt((1 + math.sqrt(5)) / 2), "ln2": math.log(2),
    "log2e": 1 / math.log(2), "ln10": math.log(10), "log10e": 1 / math.log(10),
    "max_float64": 1.7976931348623157e308, "smallest_nonzero_float64": 5e-324,
    "max_int": (1 << 63) - 1, "min_int": -(1 << 63), "max_int64": (1 << 63) - 1, "min_int64": -(1 << 63),
    "max_int32": (1 << 31) - 1, "min_int32": -(1 << 31),
})

_FMT = {
    "print": Builtin("print", lambda it, args: UNDEFINED),
    "println": Builtin("println", lambda it, args: UNDEFINED),
    "printf": Builtin("printf", lambda it, args: UNDEFINED),
    "sprintf": Builtin("sprintf", lambda it, args: sprintf(args)),
}

MODULES = {"text": ImmutableMap(TEXT), "fmt": ImmutableMap(_FMT), "math": ImmutableMap(_MATH)}
