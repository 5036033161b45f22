"""--format concise: one line per finding, ``path:line:col: RULE [*] message``."""

from __future__ import annotations

from .text import headline


def render(findings, sources, *, stream, color=False) -> None:
    for f in findings:
        stream.write(headline(f, color) + "\n")
