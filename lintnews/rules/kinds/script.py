"""script: Vale's rules written in Tengo, run by lintnews's own interpreter (``rules/tengo/``), in a sandbox.

As Vale's check/script.go runs one: the script (inline, or a ``.tengo`` file in the styles'
``config/scripts`` folder) gets each block its ``scope`` selects as the global ``scope`` (``raw``: the
file as written), and each map it leaves in ``matches`` is a finding: ``begin`` and ``end`` are byte
offsets, ``message`` (optional) replaces the rule's. Vale places a script's finding by those offsets
in the whole file, whatever the scope (core/file.go, since #1081), so lintnews does too; offsets past
the file's end are placed in the block. One finding per place. A script that does not parse is a
load error; one that fails as it runs, or runs over its budget, is an error naming the rule file for
that article, and the rule gives nothing there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

from ...errors import RuleError
from .. import budget, vale_rendered, vale_scopes
from ..base import Option, Rule
from ..tengo import ScriptError, matches_of, parse, run
from ..tengo.builtins import MODULES
from ..tengo.values import bslice, enc

MAX_SCRIPT_FILE = 1_000_000  # bytes


def script_file(rule: Rule, name: str, folder: str, key: str) -> str:
    """The text of the Tengo file ``name`` in the styles' ``config/<folder>`` (``scripts`` for a script
    rule, ``actions`` for an action's; the rule file's grandparent is the styles folder), or a load
    error naming the rule's ``key``."""
    if Path(name).name != name or name.startswith("."):
        rule.fail(f"key '{key}': {name!r} must be a file name in the styles' config/{folder} folder")
    path = Path(rule.path).resolve().parent.parent / "config" / folder / name
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SCRIPT_FILE + 1)
    except OSError as exc:
        rule.fail(f"key '{key}': cannot read {path}: {exc.strerror or exc}")
    if len(data) > MAX_SCRIPT_FILE:
        rule.fail(f"key '{key}': {path} is over {MAX_SCRIPT_FILE:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        rule.fail(f"key '{key}': {path} is not UTF-8")


_SCRIPT_LINE = re.compile(r"line (\d+)(?=:)")


def _script_first_line(path: str) -> int | None:
    """The line of the rule file where an inline ``script`` begins (the line after ``script: |``), or
    None when the file cannot be read again (only asked when a script does not parse)."""
    from ...read.datafile import compose_yaml

    try:
        with open(path, encoding="utf-8") as handle:
            root = compose_yaml(handle.read(), path)
    except Exception:  # noqa: BLE001 - a line number is a courtesy; the problem is reported without it
        return None
    for key, value in getattr(root, "value", ()):
        if getattr(key, "value", None) == "script":
            block = getattr(value, "style", None) in ("|", ">")
            return value.start_mark.line + 1 + (1 if block else 0)
    return None


class Script(Rule):
    name = "script"
    summary = "Vale's Tengo script rule: the script's matches are the findings (run in a sandbox)."
    OPTIONS = {
        "script": Option("str", required=True, help="the Tengo script, or the name of a .tengo file in the "
                                                    "styles' config/scripts folder"),
    }

    def compile(self):
        source = self["script"]
        inline = not source.endswith(".tengo")
        if not inline:
            source = script_file(self, source, "scripts", "script")
        try:
            self.program = parse(source)
        except ScriptError as exc:
            self.fail(f"script does not parse: {self._located(str(exc))}")
        except RecursionError:
            self.fail("script does not parse: nested too deeply")
        # A module no script may import is known now: said once, when the rule loads, not once per article.
        for module in _imports(self.program):
            if module not in MODULES:
                self.fail(f"script imports module '{module}', which Vale's scripts cannot (they may import text, "
                          f"fmt and math)")

    def _located(self, problem: str) -> str:
        """The interpreter's "line N: ..." said as a line of the file the user edits: the rule file's
        line (and the script's) for an inline script, the .tengo file's for a script file."""
        where = _SCRIPT_LINE.match(problem)
        if where is None:
            return problem
        if self["script"].endswith(".tengo"):  # a .tengo file: its own lines
            return f"line {where.group(1)} of {self['script']}{problem[where.end():]}"
        first = _script_first_line(self.path)
        if first is None:
            return problem
        line = first + int(where.group(1)) - 1  # inline: the rule file's lines
        return f"line {line} (line {where.group(1)} of the script){problem[where.end():]}"

    def check(self, doc):
        text = doc.text
        to_char = _CharAt(text)
        found, seen = [], set()
        for reading in vale_rendered.blocks(self, doc):
            block, where, lo = reading.text, reading.where, reading.lo
            budget.check()  # a script runs on every block it reads, an empty file's too (Vale's raw block)
            try:
                names = run(self.program, block, rule_id=self.id)
                matches = matches_of(names)
            except ScriptError as exc:
                raise RuleError(self.path, f"rule {self.id}: script failed: {self._located(str(exc))}") from None
            for begin, end, message in matches:
                place = self._place(text, to_char, block, where, lo, begin, end)
                if place is None or place[0] in seen:
                    continue
                seen.add(place[0])
                matched = bslice(block, begin, end) if 0 <= begin <= end else ""
                msg = message if message is not None else self.message
                found.append(self.finding(doc, *place, self.format_message_from(msg, matched)))
        found.sort(key=lambda f: (f.start, f.end))
        return iter(vale_scopes.once_per_place(found))

    @staticmethod
    def _place(text: str, to_char, block: str, where, lo: int, begin: int, end: int):
        """(start, end) in the file of a match at bytes [begin, end): by the file's bytes when they hold it
        (as Vale does), else in the block; None for offsets Vale cannot place."""
        if begin < 0 or end < begin:
            return None
        if end <= to_char.size:
            start, stop = to_char(begin), to_char(end)
        else:
            in_block = _CharAt(block)
            if end > in_block.size:
                return None
            start, stop = in_block(begin), in_block(end)
            start, stop = (where[start], where[stop]) if where is not None else (lo + start, lo + stop)
        stop = min(stop, len(text))
        start = min(start, stop)
        return (start, stop) if stop > start else (start, min(start + 1, len(text)))

    def format_message_from(self, message: str, matched: str) -> str:
        """Vale's formatMessages: the match's text in the message's first ``%s``."""
        return message.replace("%s", matched, 1) if "%s" in message else message


class _CharAt:
    """Byte offsets into a text as character offsets (a byte inside a character: that character's)."""

    def __init__(self, text: str) -> None:
        self.ascii = text.isascii()
        self.starts = None if self.ascii else list(accumulate((len(enc(ch)) for ch in text), initial=0))
        self.size = len(text) if self.ascii else self.starts[-1]

    def __call__(self, offset: int) -> int:
        return offset if self.ascii else bisect_right(self.starts, offset) - 1


def _imports(node) -> list[str]:
    """The module names a parsed script imports (``("import", name)`` nodes), in order."""
    found, stack = [], [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple) and len(item) == 2 and item[0] == "import" and isinstance(item[1], str):
            found.append(item[1])
        elif isinstance(item, (tuple, list)):
            stack.extend(reversed(item))
    return found
