"""Output formats, one module each. ``FORMATS`` maps a --format name to its module.

A reporter module has ``render(findings, ctx)``: ``findings`` sorted by path
and position, ``ctx`` a :class:`ReportContext` with the documents (for source
lines and SARIF regions), the rules that ran (for rule metadata) and the
stream to write to.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from ..rules.docs import page_url


@dataclass
class ReportContext:
    docs: dict = field(default_factory=dict)  # path -> lintnews.read.document.Document
    rules: list = field(default_factory=list)  # lintnews.rules.base.Rule objects that ran
    stream: TextIO = field(default_factory=lambda: sys.stdout)
    color: bool = False
    show_fixes: bool = False
    unfinished: dict = field(default_factory=dict)  # path -> lines naming the rules that did not finish
    fail_on: dict = field(default_factory=dict)  # path -> the lowest level that fails it (default: suggestion)
    errors: list = field(default_factory=list)  # one line each: files not checked, and why (the run exits 2)
    docs_url: str | None = None  # where the rule pages are (None: rules/docs.py's default)
    show_links: bool = False  # the text format shows each finding's link

    def link(self, rule_id: str) -> str | None:
        """The page that explains the rule of a finding (None: a rule the context does not list)."""
        rule = next((r for r in self.rules if r.id == rule_id), None)
        return page_url(rule, self.docs_url) if rule is not None else None


def error_path(line: str) -> str | None:
    """The file a run error names ("a.txt: UTF-16 text ..."), when the text before its first ': ' is one
    that exists; None for an error of no one file."""
    from pathlib import Path

    named = line.split(": ", 1)[0]
    return named if named != line and Path(named).exists() else None


class _Formats(Mapping):
    """Format name -> reporter module, each imported when first asked for (a run imports one)."""

    def __init__(self, names: tuple[str, ...]):
        self._names = names

    def __getitem__(self, name: str):
        if name not in self._names:
            raise KeyError(name)
        return importlib.import_module(f"{__name__}.{name.replace('-', '_')}")  # vale-json: vale_json

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


FORMATS = _Formats(("text", "concise", "json", "jsonl", "github", "gitlab", "sarif", "junit", "html", "line",
                    "vale-json"))
