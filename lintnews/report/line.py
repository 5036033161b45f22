"""--format line: Vale's line output, ``path:line:col:Style.Rule:message``, one finding a line.

As Vale's ``--output=line`` writes it (cmd/vale/line.go in Vale's source): the
path as given, the 1-based line and column (columns count characters, as
Vale counts runes), the rule id and the message, with line breaks made
spaces and runs of spaces made one (Vale's ``WhitespaceToSpace``). Nothing
else is written: no snippet, no colour, no summary on standard output, so a
tool that reads Vale's line output reads this.
"""

from __future__ import annotations

from ..read import compiled as _compiled

_SPACES = _compiled.compile(r" +")


def vale_message(message: str) -> str:
    """A message as Vale gives it: line breaks made spaces, runs of spaces one."""
    return _SPACES.sub(" ", message.replace("\n", " "))


def render(findings, ctx) -> None:
    for f in findings:
        ctx.stream.write(f"{f.path}:{f.line}:{f.column}:{f.rule_id}:{vale_message(f.message)}\n")
