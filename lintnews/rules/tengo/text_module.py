"""Tengo's ``text`` module: Go's ``strings`` and ``strconv`` functions and regular expressions (``re2.py``).

Offsets (``index``, ``re_find``'s ``begin`` and ``end``) are byte offsets, as in Go.
"""

from __future__ import annotations

from ..go_strconv import parse_bool
from .convert import as_float, as_int, as_str, need, parse_go_int
from .re2 import BadPattern, compiled, find_all
from .values import (
    UNDEFINED,
    Builtin,
    ImmutableMap,
    ScriptError,
    TError,
    bslice,
    dec,
    enc,
    format_float,
    go_quote,
)

MAX_STRING = 10_000_000


def _err(message: str) -> TError:
    return TError(message)


def _regexp(pattern):
    try:
        return compiled(as_str(pattern)), None
    except BadPattern as exc:
        return None, _err(f"error parsing regexp: {exc}")


def _found(text: str, spans: list) -> list:
    return [[ImmutableMap(text=bslice(text, s, e) if s >= 0 else "", begin=s, end=e) for s, e in groups]
            for groups in spans]


def _re_find(rx, text: str, rule: str, args: list):
    if len(args) == 0:
        spans = find_all(rx, text, rule, 1)
    else:
        most = as_int(args[0], "third")
        spans = find_all(rx, text, rule, most) if most != 0 else []
    return _found(text, spans) if spans else UNDEFINED


def _expand(template: str, text: str, groups: list, names: dict) -> str:
    """Go's ``Regexp.Expand``: ``$1``, ``${1}``, ``$name``, ``${name}``, ``$$``."""
    out, i = [], 0
    while i < len(template):
        c = template[i]
        if c != "$" or i + 1 >= len(template):
            out.append(c)
            i += 1
            continue
        if template[i + 1] == "$":
            out.append("$")
            i += 2
            continue
        if template[i + 1] == "{":
            end = template.find("}", i + 2)
            name = template[i + 2:end] if end > 0 else ""
            nxt = end + 1
        else:
            j = i + 1
            while j < len(template) and (template[j].isalnum() or template[j] == "_"):
                j += 1
            name, nxt = template[i + 1:j], j
        if not name or not all(ch.isalnum() or ch == "_" for ch in name):
            out.append("$")
            i += 1
            continue
        index = int(name) if name.isdigit() else names.get(name, -1)
        if 0 <= index < len(groups) and groups[index][0] >= 0:
            out.append(bslice(text, *groups[index]))
        i = nxt
    return "".join(out)


def _re_replace(rx, text: str, repl: str, rule: str) -> str:
    out, at, size = [], 0, 0
    for groups in find_all(rx, text, rule):
        begin, end = groups[0]
        out.append(bslice(text, at, begin))
        out.append(_expand(repl, text, groups, rx.groupindex))
        size += len(out[-1]) + len(out[-2])
        _sized_by(size)
        at = end
    out.append(bslice(text, at, len(enc(text))))
    return _sized("".join(out))


def _re_split(rx, text: str, most: int, rule: str) -> list:
    if most == 0:
        return []
    if rx.pattern and not text:
        return [""]
    parts, begin, end = [], 0, 0
    for groups in find_all(rx, text, rule, most):
        if most > 0 and len(parts) == most - 1:
            break
        end = groups[0][0]
        if groups[0][1] != 0:
            parts.append(bslice(text, begin, end))
        begin = groups[0][1]
    if end != len(enc(text)):
        parts.append(bslice(text, begin, len(enc(text))))
    return parts


def _sized(s: str) -> str:
    _sized_by(len(s))
    return s


def _sized_by(size: int) -> None:
    """Refuses a string of ``size`` characters before it is made."""
    if size > MAX_STRING:
        raise ScriptError(f"a string of more than {MAX_STRING:,} characters")


def _re(name: str):
    """A ``text.re_*`` function: compiles its pattern (a bad one gives an error value, as in Go)."""
    def call(it, args):
        need(args, 2, 3)
        rx, error = _regexp(args[0])
        if error is not None:
            return error
        text = as_str(args[1], "second")
        rule = getattr(it, "rule_id", "script")
        if name == "re_match":
            need(args, 2)
            return bool(find_all(rx, text, rule, 1))
        if name == "re_find":
            return _re_find(rx, text, rule, args[2:])
        if name == "re_replace":
            need(args, 3)
            return _re_replace(rx, text, as_str(args[2], "third"), rule)
        return _re_split(rx, text, as_int(args[2], "third") if len(args) > 2 else -1, rule)
    return call


def _re_compile(it, args):
    need(args, 1)
    error = _regexp(args[0])[1]  # compiled here only to report a bad pattern at once
    if error is not None:
        return error

    def method(name, least, most):
        def run(it2, margs):
            need(margs, least, most)
            return _re(name)(it2, [args[0], *margs])
        return Builtin(name, run)
    return ImmutableMap(match=method("re_match", 1, 1), find=method("re_find", 1, 2),
                        replace=method("re_replace", 2, 2), split=method("re_split", 1, 2))


def _bytes_index(s: str, char_index: int) -> int:
    return char_index if char_index < 0 else len(enc(s[:char_index]))


def _split_n(s: str, sep: str, n: int, after: bool) -> list:
    if n == 0:
        return []
    if sep == "":
        chars = list(s)
        return chars if n < 0 or n >= len(chars) else chars[:n - 1] + ["".join(chars[n - 1:])]
    parts = s.split(sep, n - 1 if n > 0 else -1)
    if after:
        parts = [p + sep for p in parts[:-1]] + parts[-1:]
    return parts


def _pad(left: bool):
    def call(it, args):
        need(args, 2, 3)
        s, size = as_str(args[0]), as_int(args[1], "second")
        pad = as_str(args[2], "third") if len(args) > 2 else " "
        if not pad or size <= len(enc(s)):
            return s
        size = min(size, MAX_STRING)
        fill = enc(pad * ((size - len(enc(pad))) // len(enc(pad)) + 1))
        joined = fill + enc(s) if left else enc(s) + fill
        return dec(joined[len(joined) - size:] if left else joined[:size])
    return call


def _atoi(it, args):
    need(args, 1)
    s = as_str(args[0])
    value = parse_go_int(s, 10) if s and s.lstrip("+-").isdigit() and s.isascii() else None
    return _err(f'strconv.Atoi: parsing {go_quote(s)}: invalid syntax') if value is None else value


def _parse_int(it, args):
    need(args, 3)
    s, base = as_str(args[0]), as_int(args[1], "second")
    value = parse_go_int(s, base) if (base == 0 or 2 <= base <= 36) and s.strip() == s else None
    return _err(f'strconv.ParseInt: parsing {go_quote(s)}: invalid syntax') if value is None else value


def _parse_float(it, args):
    need(args, 2)
    s = as_str(args[0])
    try:
        return float(s.replace("_", "")) if s.strip() == s else _err("invalid syntax")
    except ValueError:
        return _err(f'strconv.ParseFloat: parsing {go_quote(s)}: invalid syntax')


def _parse_bool(it, args):
    need(args, 1)
    s = as_str(args[0])
    value = parse_bool(s)
    if value is not None:
        return value
    return _err(f'strconv.ParseBool: parsing {go_quote(s)}: invalid syntax')


def _format_int(it, args):
    need(args, 2)
    i, base = as_int(args[0]), as_int(args[1], "second")
    if not 2 <= base <= 36:
        raise ScriptError("invalid base")
    digits, n, out = "0123456789abcdefghijklmnopqrstuvwxyz", abs(i), ""
    while True:
        n, r = divmod(n, base)
        out = digits[r] + out
        if not n:
            break
    return ("-" if i < 0 else "") + out


def _repeat(it, args):
    need(args, 2)
    s, n = as_str(args[0]), as_int(args[1], "second")
    if n < 0:
        raise ScriptError("negative repeat count")
    _sized_by(len(s) * n)
    return s * n


def _replace(it, args):
    need(args, 4)
    s, old, new = as_str(args[0]), as_str(args[1], "second"), as_str(args[2], "third")
    n = as_int(args[3], "fourth")
    times = s.count(old) if n < 0 else min(n, s.count(old))
    _sized_by(len(s) + times * max(0, len(new) - len(old)))
    return s.replace(old, new, times)


def _substr(it, args):
    need(args, 2, 3)
    s = as_str(args[0])
    size = len(enc(s))
    lo = as_int(args[1], "second")
    hi = as_int(args[2], "third") if len(args) > 2 else size
    if lo > hi:
        raise ScriptError("invalid index type")
    return bslice(s, min(max(lo, 0), size), min(max(hi, 0), size))


def _s(fn, arity: int = 1):
    """A function of ``arity`` string arguments."""
    def call(it, args):
        need(args, arity)
        return fn(*(as_str(a, ("first", "second", "third")[k]) for k, a in enumerate(args)))
    return call


def _title(s: str) -> str:
    out, prev = [], " "
    for ch in s:
        out.append(ch.upper() if not (prev.isalnum() or prev == "_" or prev == "'") else ch)
        prev = ch
    return "".join(out)


def _index_any(s: str, chars: str, last: bool) -> int:
    spots = [i for i, ch in enumerate(s) if ch in chars]
    return _bytes_index(s, (spots[-1] if last else spots[0]) if spots else -1)


TEXT = {name: Builtin(name, fn) for name, fn in {
    "re_match": _re("re_match"), "re_find": _re("re_find"), "re_replace": _re("re_replace"),
    "re_split": _re("re_split"), "re_compile": _re_compile,
    "compare": _s(lambda a, b: (enc(a) > enc(b)) - (enc(a) < enc(b)), 2),
    "contains": _s(lambda s, sub: sub in s, 2),
    "contains_any": _s(lambda s, chars: any(ch in s for ch in chars), 2),
    "count": _s(lambda s, sub: s.count(sub), 2),
    "equal_fold": _s(lambda a, b: a.casefold() == b.casefold(), 2),
    "fields": _s(lambda s: s.split()),
    "has_prefix": _s(lambda s, p: s.startswith(p), 2),
    "has_suffix": _s(lambda s, p: s.endswith(p), 2),
    "index": _s(lambda s, sub: _bytes_index(s, s.find(sub)), 2),
    "index_any": _s(lambda s, chars: _index_any(s, chars, False), 2),
    "last_index": _s(lambda s, sub: _bytes_index(s, s.rfind(sub)), 2),
    "last_index_any": _s(lambda s, chars: _index_any(s, chars, True), 2),
    "join": lambda it, args: (need(args, 2), _sized(as_str(args[1], "second").join(
        as_str(v) for v in (args[0] if isinstance(args[0], (list, tuple)) else as_str([])))))[1],
    "repeat": _repeat,
    "replace": _replace,
    "substr": _substr,
    "split": lambda it, args: (need(args, 2), _split_n(as_str(args[0]), as_str(args[1], "second"), -1, False))[1],
    "split_n": lambda it, args: (need(args, 3), _split_n(as_str(args[0]), as_str(args[1], "second"),
                                                          as_int(args[2], "third"), False))[1],
    "split_after": lambda it, args: (need(args, 2), _split_n(as_str(args[0]), as_str(args[1], "second"),
                                                              -1, True))[1],
    "split_after_n": lambda it, args: (need(args, 3), _split_n(as_str(args[0]), as_str(args[1], "second"),
                                                                as_int(args[2], "third"), True))[1],
    "title": _s(_title), "to_lower": _s(str.lower), "to_title": _s(str.upper), "to_upper": _s(str.upper),
    "pad_left": _pad(True), "pad_right": _pad(False),
    "trim": _s(lambda s, cut: s.strip(cut), 2), "trim_left": _s(lambda s, cut: s.lstrip(cut), 2),
    "trim_right": _s(lambda s, cut: s.rstrip(cut), 2), "trim_space": _s(str.strip),
    "trim_prefix": _s(lambda s, p: s.removeprefix(p), 2), "trim_suffix": _s(lambda s, p: s.removesuffix(p), 2),
    "atoi": _atoi, "itoa": lambda it, args: (need(args, 1), str(as_int(args[0])))[1],
    "format_bool": lambda it, args: (need(args, 1), "true" if args[0] is True else "false")[1],
    "format_float": lambda it, args: (need(args, 4), format_float(as_float(args[0])) if as_int(args[2], "third") < 0
                                      else format(as_float(args[0]), f".{as_int(args[2], 'third')}"
                                                  f"{as_str(args[1], 'second')[:1] or 'f'}"))[1],
    "format_int": _format_int, "parse_bool": _parse_bool, "parse_float": _parse_float, "parse_int": _parse_int,
    "quote": _s(go_quote),
    "unquote": _s(lambda s: s[1:-1] if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"`" else _err("invalid syntax")),
}.items()}
