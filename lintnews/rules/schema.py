"""One strict validator for every mapping a user writes: rule files, configuration, backend options.

A :class:`Schema` is a table of :class:`Option` (type, default, choices, one
line of help). ``validate`` turns a mapping into checked values or calls
``fail`` with a one-line problem: an unknown key (with the closest known key
as a hint), a missing required key, a wrong type, a value outside its
choices. The caller's ``fail`` raises the error that names the file (a
:class:`~lintnews.errors.RuleError` or :class:`~lintnews.errors.ConfigError`).
The same tables print as help (``lintnews kinds``, ``lintnews config --keys``).
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from ..errors import closest
from . import go_strconv


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# type name -> (test, what the user reads after "must be", coercion applied first)
TYPES: dict[str, tuple[Callable[[Any], bool], str, Callable[[Any], Any] | None]] = {
    "str": (lambda v: isinstance(v, str), "a string", None),
    "bool": (lambda v: isinstance(v, bool), "true or false", None),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "an integer", None),
    "float": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "a number", None),
    # Rule files: words, numbers allowed (YAML reads "2000" as a number).
    "list": (lambda v: isinstance(v, list) and all(_scalar(x) for x in v), "a list of strings", None),
    # Rule files in Vale's format: a single string is a list of one (Vale reads `raw: '...'` so).
    "words": (lambda v: isinstance(v, list) and all(_scalar(x) for x in v), "a list of strings",
              lambda v: [v] if isinstance(v, str) else v),
    # Configuration: a single string is a list of one.
    "strings": (_strings, "a list of strings", lambda v: [v] if isinstance(v, str) else v),
    # Backend options: a single string is a comma-separated list.
    "csv": (_strings, "a list of strings",
            lambda v: [x.strip() for x in v.split(",") if x.strip()] if isinstance(v, str) else v),
    "map": (lambda v: isinstance(v, dict) and all(isinstance(k, (str, int)) and isinstance(x, (str, int))
                                                  for k, x in v.items()),
            "a mapping of strings to strings", None),
    "dict": (lambda v: isinstance(v, dict), "a mapping", None),
    # A consent: true or false, or what it is given to (a single string is a list of one).
    "bool|strings": (lambda v: isinstance(v, bool) or _strings(v), "true, false or a list of strings",
                     lambda v: [v] if isinstance(v, str) else v),
    "str|list": (lambda v: isinstance(v, str) or TYPES["list"][0](v), "a string or a list of strings", None),
    # A list of mappings (a pattern rule's patterns, a pattern's tokens).
    "records": (lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v), "a list of mappings", None),
    # One mapping or a list of them (a pattern token's `not`).
    "dict|records": (lambda v: isinstance(v, dict) or TYPES["records"][0](v), "a mapping or a list of mappings", None),
    # A replacement: one text, several to choose from, or one per matched text.
    "str|list|map": (lambda v: isinstance(v, str) or _strings(v) or TYPES["map"][0](v),
                     "a string, a list of strings or a mapping of strings", None),
    # A mapping of names to one name or a list of names.
    "links": (lambda v: isinstance(v, dict) and all(isinstance(k, str) and (isinstance(x, str) or _strings(x))
                                                    for k, x in v.items()),
              "a mapping of names to names", None),
}


@dataclass(frozen=True)
class Option:
    type: str  # a key of TYPES
    default: Any = None
    help: str = ""
    required: bool = False
    choices: tuple = ()
    expect: str = ""  # what the value must be, when the type's own words say too little

    def __post_init__(self):
        if self.type not in TYPES:
            raise AssertionError(f"unknown option type {self.type!r}")

    @property
    def described(self) -> str:
        return self.expect or TYPES[self.type][1]


def unknown_key(key: Any, known, context: str = "") -> str:
    """The problem line for an unknown key, with the closest known key as a hint."""
    hint = closest(key, known)
    more = f" (did you mean '{hint}'?)" if hint else ""
    return f"unknown key '{key}'{context}{more}"


def _odd_item(value) -> str:
    """For a list of strings that holds something else: which item, as YAML read it ("item 15 is true")."""
    if not isinstance(value, list):
        return ""
    for i, item in enumerate(value, 1):
        if not _scalar(item):
            if isinstance(item, bool) or item is None:
                shown = {True: "true", False: "false"}.get(item, "null")
            else:
                shown = {dict: "a mapping", list: "a list"}.get(type(item), type(item).__name__)
            hint = " (YAML reads a bare on, off, yes or no as true or false: quote it)" if isinstance(item, bool) else ""
            return f": item {i} is {shown}{hint}"
    return ""


class Schema:
    """The keys a mapping may hold."""

    def __init__(self, options: Mapping[str, Option]):
        self.options = dict(options)

    def __or__(self, other: "Schema | Mapping[str, Option]") -> "Schema":
        more = other.options if isinstance(other, Schema) else other
        return Schema({**self.options, **more})

    def validate(self, data: Mapping, fail: Callable[[str], NoReturn], *, prefix: str = "",
                 context: str = "", weak: bool = False) -> dict[str, Any]:
        """Checked values for every key (defaults filled in); ``fail(problem)`` on the first problem.

        ``prefix`` goes before key names in problems ("languagetool." ->
        "key 'languagetool.timeout' must be a number"); ``context`` after an
        unknown key (" in 'per-path.wire/**'"). A key given as null is unset.
        ``weak``: a scalar of another type is read as Vale reads a rule file's (``weakly``).
        """
        for key in data:
            if key not in self.options:
                fail(unknown_key(key, self.options, context))
        values: dict[str, Any] = {}
        for key, opt in self.options.items():
            value = data.get(key)
            if value is None:
                if opt.required:
                    fail(f"missing required key '{prefix}{key}'")
                values[key] = copy.copy(opt.default)
                continue
            test, _, coerce = TYPES[opt.type]
            if weak:
                value = weakly(opt.type, value)
            if coerce is not None:
                value = coerce(value)
            if not test(value):  # with choices, name them and what was given ("one of ..., not int 3")
                wanted, given = ((f"one of {_choices(opt)}", f" {value!r}") if opt.choices
                                 else (opt.described, ""))
                fail(f"key '{prefix}{key}' must be {wanted}, not {type(value).__name__}{given}{_odd_item(value)}")
            if opt.choices and value not in opt.choices:
                fail(f"key '{prefix}{key}' must be one of {_choices(opt)}, not {value!r}")
            values[key] = value
        return values

    def describe(self) -> list[tuple[str, str, str]]:
        """(key, type and default, help) per key, for help screens."""
        rows = []
        for key, opt in self.options.items():
            kind = " | ".join(map(str, opt.choices)) if opt.choices else opt.described
            if opt.required:
                kind += ", required"
            elif opt.default not in (None, "", [], {}):
                kind += f", default {json.dumps(opt.default, ensure_ascii=False)}"
            rows.append((key, kind, opt.help))
        return rows


def _go_str(value: Any) -> Any:
    """A bool or a number as Vale's decoding turns it into a string ("1"/"0" for a bool)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return go_strconv.format_float(value)
    if isinstance(value, int):
        return str(value)
    return value


def weakly(kind: str, value: Any) -> Any:
    """A value of a Vale rule file read as Vale decodes rule files (mapstructure's weakly typed input,
    internal/check/definition.go): a string of digits is a number, "true" or "1" a bool, a bool or a
    number where a string is wanted is its text, a single value is a list of one. What cannot be read
    so is left as it is, and the schema names the problem."""
    if kind in ("int", "float") and isinstance(value, str):
        number = go_strconv.parse_int(value.strip()) if kind == "int" else None
        if kind == "float":
            try:
                number = float(value)
            except ValueError:
                number = None
        return value if number is None else number
    if kind in ("int", "float") and isinstance(value, bool):
        return int(value)
    if kind == "int" and isinstance(value, float) and math.isfinite(value):
        return int(value)  # a float where Vale wants an int is cut to its whole part
    if kind == "bool":
        if isinstance(value, str):
            as_bool = go_strconv.parse_bool(value)
            return value if as_bool is None else as_bool
        if isinstance(value, (int, float)):
            return value != 0
    if kind == "str":
        return _go_str(value)
    if kind in ("words", "list", "str|list", "strings"):
        if isinstance(value, list):  # the list itself when nothing in it changes (a YAML alias stays one list)
            return [_go_str(v) for v in value] if any(isinstance(v, (bool, float)) for v in value) else value
        if isinstance(value, (bool, int, float)):
            return [_go_str(value)]
    return value


def _choices(opt) -> str:
    """An option's choices as a message names them (an empty string shown as '')."""
    return ", ".join(repr(c) if c == "" else str(c) for c in opt.choices)
