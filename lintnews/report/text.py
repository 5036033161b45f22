"""--format text: ruff-like lines with the offending text shown under them.

    seeds/a.txt:7:25: News.Confusables [*] Use 'his' instead of 'hi'.
      |
    7 | Since the first days of hi elections campaign, ...
      |                         ^^
"""

from __future__ import annotations

import unicodedata

WIDTH = 100  # longest stretch of a source line shown
_COLORS = {"error": "31", "warning": "33", "suggestion": "36"}


def _c(code: str, s: str, color: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if color else s


def headline(f, color: bool = False) -> str:
    mark = " [*]" if f.safe_fix else ""
    where = _c("1", f"{f.path}:{f.line}:{f.column}:", color)
    rule = _c("1;" + _COLORS[f.severity.value], f.rule_id, color)
    return f"{where} {rule}{mark} {f.message}"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def snippet(f, source_line: str, color: bool = False) -> list[str]:
    """The finding's line, cut to a window around the span, with carets under it."""
    col = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(source_line)
    end = max(end, col + 1)
    left = max(0, col - WIDTH // 3)
    right = min(len(source_line), max(end, left + WIDTH))
    if end - left > WIDTH:
        right = end
    shown = source_line[left:right].replace("\t", " ")
    # Make invisible characters visible where they are the point.
    shown = shown.replace("\u00a0", "\u2423")
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(source_line) else ""
    gutter = str(f.line)
    pad = " " * len(gutter)
    carets = " " * (_width(prefix) + _width(source_line[left:col])) + "^" * max(1, min(end, right) - col)
    return [
        f"{pad} |",
        f"{gutter} | {prefix}{shown}{suffix}",
        f"{pad} | " + _c(_COLORS[f.severity.value], carets, color),
    ]


def render(findings, ctx) -> None:
    for f in findings:
        ctx.stream.write(headline(f, ctx.color) + "\n")
        doc = ctx.docs.get(f.path)
        if doc is not None:
            for line in snippet(f, doc.line_text(f.line), ctx.color):
                ctx.stream.write(line + "\n")
        if ctx.show_fixes and f.fix is not None:
            ctx.stream.write(f"  = fix ({f.fix.applicability.value}): {f.fix.title or 'edit'}\n")
        ctx.stream.write("\n")
