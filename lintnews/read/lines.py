"""Lines of a text by offset: where each starts and where its content ends (before CR LF)."""

from __future__ import annotations

import re
from bisect import bisect_right

# A line ends at LF, CR LF or a lone CR (an old Mac file: Vale, editors and markdown-it count each
# CR as a line too). ``Lines`` below counts LF only, for front matter and records.
_LINE_END = re.compile(r"\r\n?|\n")


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts, each CR, LF or CR LF ending one."""
    return [0] + [m.end() for m in _LINE_END.finditer(text)]


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset, given its text's ``line_starts``; columns count
    characters."""
    line = bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


def line_spans(text: str, lo: int, hi: int):
    """(start, end) of each line of ``text[lo:hi]``, ``end`` at its LF or at ``hi`` for the last one (a CR
    before an LF stays in the line); a span with no LF is one line."""
    start = lo
    while True:
        newline = text.find("\n", start, hi)
        if newline < 0:
            yield start, hi
            return
        yield start, newline
        start = newline + 1


class Lines:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        i = text.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def __len__(self):
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The line that holds ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def start(self, n: int) -> int:
        return self.starts[n] if n < len(self.starts) else len(self.text)

    def end(self, n: int) -> int:
        """End of line ``n``'s content, before its line ending."""
        if n + 1 < len(self.starts):
            e = self.starts[n + 1] - 1
            return e - 1 if e > self.starts[n] and self.text[e - 1] == "\r" else e
        return len(self.text)

    def next_start(self, n: int) -> int:
        """Start of line ``n + 1`` (after line ``n``'s ending), or the end of the text."""
        return self.starts[n + 1] if n + 1 < len(self.starts) else len(self.text)

    def content(self, n: int) -> str:
        return self.text[self.start(n):self.end(n)]

    def zone(self, first: int, stop: int) -> tuple[int, int]:
        """From the start of line ``first`` to the end of line ``stop - 1`` (a token's ``map``)."""
        return self.start(first), self.end(max(first, stop - 1))
