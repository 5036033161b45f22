"""--format concise: one line per finding, ``path:line:col: RULE [*] message``."""

from __future__ import annotations

from .text import headline


def render(findings, ctx) -> None:
    for f in findings:
        ctx.stream.write(headline(f, ctx.color) + "\n")
