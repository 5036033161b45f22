"""--format text: ruff-like lines with the offending text shown under them.

    seeds/a.txt:7:25: error: News.Confusables [*] Use 'his' instead of 'hi'.
      |
    7 | Since the first days of hi elections campaign, ...
      |                         ^^

Control characters from articles and file names never reach the terminal
raw: :func:`visible` writes them as escapes (``\x1b``, ``\n``, ``\u202e``),
so an article cannot clear the screen, set the window title or reorder a
line, and a file name with a line break cannot split a line of output. The
concise format and the command's error and warning lines use it too.
"""

from __future__ import annotations

import unicodedata

WIDTH = 100  # longest stretch of a source line shown
_COLORS = {"error": "31", "warning": "33", "suggestion": "36"}

# C0 and C1 controls and DEL (ESC starts CSI and OSC sequences, BEL ends OSC), the
# characters that reorder a line (bidi embeddings, overrides, isolates and marks), and
# the line and paragraph separators.
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
             *range(0x2066, 0x206A), 0x2028, 0x2029]
_ESCAPES = {c: _NAMED.get(chr(c)) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _CONTROLS}


def visible(text: str) -> str:
    """``text`` with control characters written as escapes (``\x1b``, ``\n``), safe for a terminal."""
    # Every character escaped is one str.isprintable() refuses: most text is returned as it is, unscanned.
    return text if text.isprintable() else text.translate(_ESCAPES)


def _c(code: str, s: str, color: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if color else s


def headline(f, color: bool = False) -> str:
    """``path:line:col: level: Rule [*] message``: the level in words as well as in colour (a log, a pipe,
    NO_COLOR and a reader who cannot tell the colours apart see only the words)."""
    mark = " [*]" if f.safe_fix else ""
    where = _c("1", f"{visible(f.path)}:{f.line}:{f.column}:", color)
    level = _c(_COLORS[f.severity.value], f"{f.severity.value}:", color)
    rule = _c("1;" + _COLORS[f.severity.value], visible(f.rule_id), color)
    return f"{where} {level} {rule}{mark} {visible(f.message)}"


def _width(s: str) -> int:
    if s.isascii():
        return len(s)
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
    stop = min(end, right)
    before, span, after = (_shown(source_line[a:b]) for a, b in ((left, col), (col, stop), (stop, right)))
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(source_line) else ""
    gutter = str(f.line)
    pad = " " * len(gutter)
    carets = " " * (_width(prefix) + _width(before)) + "^" * max(1, len(span))
    return [
        f"{pad} |",
        f"{gutter} | {prefix}{before}{span}{after}{suffix}",
        f"{pad} | " + _c(_COLORS[f.severity.value], carets, color),
    ]


def _shown(text: str) -> str:
    """Part of a source line as shown: tabs as spaces, no-break spaces made visible, controls escaped."""
    return visible(text.replace("\t", " ").replace("\u00a0", "\u2423"))


def see(f, ctx) -> str:
    """`` = see <page>`` for the finding's rule with ``--show-links`` (its docs-url page); "" without."""
    link = ctx.link(f.rule_id) if ctx.show_links else None
    return f"= see {visible(link)}" if link else ""


def render(findings, ctx) -> None:
    for f in findings:
        ctx.stream.write(headline(f, ctx.color) + "\n")
        doc = ctx.docs.get(f.path)
        if doc is not None:
            for line in snippet(f, doc.line_text(f.line), ctx.color):
                ctx.stream.write(line + "\n")
        if ctx.show_fixes and f.fix is not None:
            ctx.stream.write(f"  = fix ({f.fix.applicability.value}): {visible(f.fix.title or 'edit')}\n")
        link = see(f, ctx)
        if link:
            ctx.stream.write(f"  {link}\n")
        ctx.stream.write("\n")
