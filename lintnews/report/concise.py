"""--format concise: one line per finding, ``path:line:col: level: RULE [*] message``; with ``--show-fixes``,
the fix on the same line (`` = fix (safe): Write 'don't'``), with ``--show-links`` the rule's page
(`` = see docs/rules/News/DoubledWord.md``)."""

from __future__ import annotations

from .text import headline, see, visible


def render(findings, ctx) -> None:
    for f in findings:
        fix = (f" = fix ({f.fix.applicability.value}): {visible(f.fix.title or 'edit')}"
               if ctx.show_fixes and f.fix is not None else "")
        link = see(f, ctx)
        ctx.stream.write(headline(f, ctx.color) + fix + (" " + link if link else "") + "\n")
