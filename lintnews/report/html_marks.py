"""--format html, the article text: escaped, with each finding's span marked in place.

Every character of an article reaches the page as text, never as markup:
``& < > " '`` are escaped, a carriage return is written ``&#13;`` (a raw one
would be folded into the line feed by the HTML parser), NUL (which HTML
drops) becomes U+FFFD. Characters a reader cannot see or that reorder a line
(controls, no-break and other odd spaces, zero-width and bidi format
characters) stay in the text but are wrapped in ``<span class="ch"
data-ch="NBSP">``, which the stylesheet shows as a small badge and isolates,
so an override cannot reorder the page.

Findings become ``<mark>`` elements whose text is exactly the finding's span.
A finding inside another is a mark inside the other's; where two spans
cross, the one opened later is closed and reopened round the end of the
other, so it is two pieces with the same ``data-f`` (the first one carries
the id and takes focus). A finding with an empty span (a missing final
newline) is an empty mark that the stylesheet shows as a caret.
"""

from __future__ import annotations

import html
import re
import unicodedata

from ..read import quotes

_SHORT = {0x00A0: "NBSP", 0x00AD: "SHY", 0x200B: "ZWSP", 0x2060: "WJ", 0xFEFF: "BOM", 0x202F: "NNBSP",
          0x2009: "THSP", 0x200E: "LRM", 0x200F: "RLM", 0x2028: "LSEP", 0x2029: "PSEP", 0x202E: "RLO",
          0x202D: "LRO", 0x0009: "TAB", 0x000A: "LF", 0x000D: "CR"}
# Kept plain: the joiners (emoji sequences, Persian), tag characters (subdivision flags).
_PLAIN = {0x200C, 0x200D, *range(0xE0000, 0xE0080)}
_EDGE_SPACES = re.compile(r"^ +| +$| {2,}")
LEVELS = ("error", "warning", "suggestion")


def badge(ch: str, breaks: bool = False) -> str | None:
    """The badge a character is shown with, or None for an ordinary one (tab and line breaks too, unless ``breaks``)."""
    if ch in "\t\n\r":
        return _SHORT[ord(ch)] if breaks else None
    if ch == " " or ord(ch) in _PLAIN or unicodedata.category(ch) not in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return None
    return _SHORT.get(ord(ch), f"U+{ord(ch):04X}")


def _escape_char(ch: str) -> str:
    if ch == "\r":
        return "&#13;"
    if ch == "\0":
        return "\ufffd"
    return html.escape(ch)


# What text_html looks at: markup characters, CR and NUL, and anything outside printable ASCII.
_SPECIAL = re.compile("[&<>\"'\\r\\0]|[^\\x20-\\x7e\\t\\n]")
_SPECIAL_BREAKS = re.compile("[&<>\"'\\r\\0\\t\\n]|[^\\x20-\\x7e]")


def text_html(text: str, breaks: bool = False) -> str:
    """``text`` as HTML text: escaped, odd characters badged (their text kept); ``breaks`` badges line breaks too."""
    def one(m) -> str:
        ch = m.group()
        # A lone CR (an old Mac line end, or one a mixed file kept) is shown by name: a browser draws nothing.
        lone_cr = ch == "\r" and not breaks and m.string[m.end():m.end() + 1] != "\n"
        name = _SHORT[0x0D] if lone_cr else badge(ch, breaks)
        escaped = _escape_char(ch)
        return f'<span class="ch" data-ch="{name}">{escaped}</span>' if name else escaped

    return (_SPECIAL_BREAKS if breaks else _SPECIAL).sub(one, text)


def snippet_html(text: str, limit: int = 80) -> str:
    """A short piece of text shown in a fix (before or after): clipped, line breaks and spaces at its
    ends or in runs shown ("␣"), as a fix that deletes " said" or turns two spaces into one is read."""
    if len(text) > limit:
        half = limit // 2 - 2
        text = text[:half] + " \u2026 " + text[-half:]
    text = _EDGE_SPACES.sub(lambda m: "\u2423" * len(m.group()), text)
    return text_html(text, breaks=True)


class Marked:
    """One finding as the page shows it: its number (for ids), level, rule and span."""

    __slots__ = ("n", "level", "rule", "start", "end")

    def __init__(self, n: int, level: str, rule: str, start: int, end: int):
        self.n, self.level, self.rule, self.start, self.end = n, level, rule, start, end

    def open_tag(self, first: bool) -> str:
        cls = "f " + self.level + ("" if self.end > self.start else " zw")
        attrs = f'class="{cls}" data-f="{self.n}" data-level="{self.level}" data-rule="{html.escape(self.rule)}"'
        if first:
            attrs += f' id="f{self.n}" tabindex="0" aria-describedby="d{self.n}"'
        return f"<mark {attrs}>"


def marked_text(text: str, marks: list[Marked]) -> str:
    """The article text as HTML with every mark in place (see the module's docstring). A pipe table's lines
    are set apart (``span.tbl``: a fixed-width font, so the columns line up as they do in the file); a mark
    that runs into or out of a table is closed at its edge and opened again on the other side."""
    for m in marks:
        m.start = max(0, min(m.start, len(text)))
        m.end = max(m.start, min(m.end, len(text)))
    tables = quotes.table_zones(text)
    if not tables:
        return _marked(text, 0, len(text), [(m, m.start, m.end, True) for m in marks])
    cuts = sorted({0, len(text), *(p for zone in tables for p in zone)})
    starts = {a for a, _ in tables}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        last = b == len(text)
        # a mark's piece in [a, b); an empty mark goes where it stands (the text's end: the last piece)
        pieces = [(m, max(a, m.start), min(b, m.end), a <= m.start < b or (last and m.start == b))
                  for m in marks if (m.start < b and m.end > a) or a <= m.start < b or (last and m.start == b)]
        piece = _marked(text, a, b, pieces)
        out.append(f'<span class="tbl">{piece}</span>' if a in starts else piece)
    return "".join(out)


def _marked(text: str, a: int, b: int, pieces) -> str:
    """``text[a:b]`` as HTML with its marks' pieces: (mark, start, end, whether the mark starts here)."""
    opening: dict[int, list] = {}
    empty: dict[int, list] = {}
    for piece in pieces:
        (opening if piece[2] > piece[1] else empty).setdefault(piece[1], []).append(piece)
    for group in opening.values():
        group.sort(key=lambda p: -p[2])  # the longest outermost
    stops = sorted({a, b, *opening, *empty, *(p[2] for p in pieces)})
    out: list[str] = []
    stack: list = []
    pos = a
    for stop in stops:
        out.append(text_html(text[pos:stop]))
        pos = stop
        if any(p[2] == stop for p in stack):
            reopen = []
            while any(p[2] == stop for p in stack):
                top = stack.pop()
                out.append("</mark>")
                if top[2] != stop:
                    reopen.append(top)
            for p in reversed(reopen):
                out.append(p[0].open_tag(first=False))
                stack.append(p)
        for p in empty.get(stop, ()):
            out.append(p[0].open_tag(first=p[3]) + "</mark>")
        for p in opening.get(stop, ()):
            out.append(p[0].open_tag(first=p[3]))
            stack.append(p)
    return "".join(out)
