"""HTML as a stream of tokens, each at its offset in the text as read.

The tokenizer is the standard library's :class:`html.parser.HTMLParser`,
with character references left as they are (``convert_charrefs=False``), so
that every piece of text it hands over is a slice of the source, and its
``getpos()`` (line and column of the token being handled) gives the slice's
offset. It never raises on broken markup (an unclosed tag, a stray ``</>``,
a ``<`` in text): whatever it consumes without a token is a gap between
tokens, which the reader treats as markup.

Why this tokenizer (measured on CMS exports with ``scripts/html_parsers.py``):
lxml gives an element's line but no column and no position for text, and
hands text back with entities decoded, so its text cannot be placed by
search where it holds an entity; selectolax (lexbor) exposes no source
positions; html5lib's tree has none either. Only ``html.parser`` places
every text token exactly, and it adds no dependency.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from .lines import Lines


@dataclass
class Token:
    kind: str  # "start", "end", "data", "ref" (an entity or character reference), "other"
    start: int
    end: int = -1  # data and start tags: exact; the others run to the next token (set by ``tokens``)
    tag: str = ""
    attrs: tuple = ()
    closed: bool = False  # a start tag written <x/>


class _Tokenizer(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.lines = Lines(text)
        self.out: list[Token] = []

    def _at(self) -> int:
        line, col = self.getpos()
        return self.lines.start(line - 1) + col

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def _start(self, tag, attrs, closed):
        at = self._at()
        raw = self.get_starttag_text() or ""
        end = at + len(raw) if self.text.startswith(raw, at) else -1
        self.out.append(Token("start", at, end, tag, tuple(attrs), closed))

    def handle_endtag(self, tag):
        self.out.append(Token("end", self._at(), tag=tag))

    def handle_data(self, data):
        at = self._at()
        if self.text.startswith(data, at):
            self.out.append(Token("data", at, at + len(data)))
        else:  # never seen: a token that is not a slice of the source is markup
            self.out.append(Token("other", at))

    def handle_entityref(self, name):
        self.out.append(Token("ref", self._at()))

    def handle_charref(self, name):
        self.out.append(Token("ref", self._at()))

    def handle_comment(self, data):
        self.out.append(Token("other", self._at(), tag="!--"))

    def handle_decl(self, decl):
        self.out.append(Token("other", self._at()))

    def handle_pi(self, data):
        self.out.append(Token("other", self._at()))

    def unknown_decl(self, data):
        self.out.append(Token("other", self._at()))


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` in order. A token whose end the tokenizer does not give runs to
    the next token's start (or the end of the text); a start tag that could not be placed too."""
    tok = _Tokenizer(text)
    tok.feed(text)
    tok.close()
    out = tok.out
    for i, t in enumerate(out):
        if t.end < 0:
            t.end = out[i + 1].start if i + 1 < len(out) else len(text)
    return out
