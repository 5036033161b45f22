"""--format github: GitHub Actions workflow commands, which GitHub shows as annotations.

    ::error file=seeds/a.txt,line=7,col=25,endLine=7,endColumn=27,title=News.Confusables::Use 'his' ...

Errors become ``error``, warnings ``warning`` and suggestions ``notice``; a file the run could
not read or write is an ``error`` with no file property, titled ``lintnews``, and an article
on which not every rule finished a ``warning`` on that file, titled ``lintnews.unfinished``.
Values are escaped as the Actions toolkit escapes them: ``%``, CR and LF in
the message; those and ``:`` and ``,`` in the properties.

In a GitHub Actions step (``$GITHUB_STEP_SUMMARY`` set) it also appends a
Markdown summary to the run's page: counts per rule and level, and every
finding past GitHub's annotation limit (see :mod:`lintnews.report.summary`).
"""

from __future__ import annotations

import os
import sys

from . import summary

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(f) -> str:
    props = {
        "file": f.path,
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f.rule_id,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[f.severity.value]} {joined}::{escape_data(f.message)}"


def render(findings, ctx) -> None:
    for f in findings:
        ctx.stream.write(command(f) + "\n")
    for line in ctx.errors:  # a file not read or written: an annotation of the run, not of a line
        ctx.stream.write(f"::error title={escape_property('lintnews')}::{escape_data(line)}\n")
    for path, lines in ctx.unfinished.items():  # rules that ran out of time: the check of this file is partial
        for line in lines:
            ctx.stream.write(f"::warning file={escape_property(path)},title={escape_property('lintnews.unfinished')}"
                             f"::{escape_data(line)}\n")
    target = os.environ.get("GITHUB_STEP_SUMMARY", "").strip()
    if target:
        problem = summary.append(findings, ctx, target)
        if problem:
            sys.stderr.write(f"warning: {problem}\n")
