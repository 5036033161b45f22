"""HTML articles (``.html``, ``.htm``, ``.xhtml``: CMS exports): prose blocks and skip zones.

The document is the file's own text, so findings keep their true line and
column and a fix edits the file itself. The tokens come from
:mod:`.html_tokens`; this module keeps a stack of open elements (with the
end tags HTML lets a writer leave out: a ``<p>`` ends at the next block, an
``<li>`` at the next item, a cell at the next cell or row) and cuts the text
into runs: a run is text and inline markup between two block boundaries (or
two ``<br>`` in a row, as CMS bodies mark paragraphs).

What comes out (:class:`HtmlParse`):

* ``blocks``: one prose block per run that has text: headings, paragraphs,
  list items, table cells, block quotes, figure captions, text loose in a
  ``<div>`` or ``<body>``, and the page's ``<title>`` (of kind "field", as a
  front matter title is: checked as prose, not the article's title, which
  is its first heading when that is its first block); each with Vale's scope name (``Block.scope``) and
  the span that deleting it removes (its element with its tags when the run
  is the element's whole text, else the text alone, so markup never breaks);
* ``skip_zones`` (never flagged, never edited): every tag but a block's own,
  comments, declarations, character references (``&amp;``, ``&#8217;``), and
  whole ``script``, ``style``, ``pre``, ``code``, ``svg``... elements;
* ``marker_zones``: the start and end tags of block elements (a fix may take
  them only whole, by deleting the block);
* ``block_quotes`` (``<blockquote>``, ``<q>``) and ``tables`` (``<table>``):
  quoted as written, so a safe fix leaves their words alone;
* ``inline_scopes``: ``strong``/``b``, ``em``/``i``, ``a``, ``code`` and an
  image's ``alt`` text by Vale's names. Alt text is prose: inside a paragraph,
  part of it; alone (an image in a figure), a block of scope "alt".

:mod:`.html_doc` builds the document over it (``HtmlDocument``: a fix never
writes markup).
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass, field

import regex

from .document import ProseBlock
from .formats import HTML_SUFFIXES, is_html  # noqa: F401 - named here before formats.py held them
from .html_tokens import Token, tokens
from . import compiled as _compiled


VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose whole content is never prose.
SKIPPED = frozenset("""script style pre code tt kbd samp var noscript template svg math
    textarea select button iframe object canvas audio video""".split())
# Elements that start and end a run of text (block-level, or skipped and not inline).
BLOCK = frozenset("""address article aside blockquote body caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html li main menu nav
    ol p pre section summary table tbody td tfoot th thead title tr ul""".split()) | (
    SKIPPED - frozenset("code tt kbd samp var button".split()))
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The tag that names a run's scope, innermost first; a paragraph is "paragraph" only outside them.
SCOPE_TAGS = {**{h: f"heading.{h}" for h in HEADINGS}, "li": "list", "td": "table.cell", "th": "table.header",
              "caption": "table.caption", "blockquote": "blockquote"}
INLINE_SCOPES = {"strong": "strong", "b": "strong", "em": "emphasis", "i": "emphasis", "a": "link", "code": "code"}
# Start tags that end an open element of these names (HTML's optional end tags).
_CLOSES = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "td": ("td", "th"), "th": ("td", "th"),
           "tr": ("tr", "td", "th"), "tbody": ("tbody", "thead", "tr", "td", "th"),
           "thead": ("tbody", "thead", "tr", "td", "th"), "tfoot": ("tbody", "thead", "tr", "td", "th")}
# Containers a list item or a cell does not close across.
_FENCES = {"li": ("ul", "ol", "menu"), "dt": ("dl",), "dd": ("dl",), "td": ("table",), "th": ("table",),
           "tr": ("table",), "tbody": ("table",), "thead": ("table",), "tfoot": ("table",)}
# One attribute of a start tag, from where the last ended (as html.parser reads them).
_ATTR = _compiled.compile(r"""[\s/]*([^\s/>][^\s/=>]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_P_SCOPE = ("table", "td", "th", "caption", "html", "template", "object", "button")
_PARAGRAPHS = ("p", "li", "td", "th", "blockquote", "figcaption", "dd", "dt", "caption", "summary")
_REMOVABLE = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "dd", "dt", "summary")
_QUOTE_MARKS = "\"'“”‘’«»‹›„‚"
_REF = _compiled.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_SPACE = " \t\r\n\f"


@dataclass
class HtmlParse:
    blocks: list[ProseBlock] = field(default_factory=list)
    skip_zones: list[tuple[int, int]] = field(default_factory=list)
    marker_zones: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)
    block_quotes: list[tuple[int, int]] = field(default_factory=list)
    tables: list[tuple[int, int]] = field(default_factory=list)
    inline_scopes: list[tuple[str, int, int]] = field(default_factory=list)
    alt_spans: list[tuple[int, int, str]] = field(default_factory=list)  # alt text and its quotation mark
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # quotation marks written as references


@dataclass
class _Open:
    tag: str
    start: int  # where its start tag begins
    inner: int  # where its content begins
    runs: int = 0  # runs with text inside it
    nested: bool = False  # a block element opened inside it
    skips: bool = False  # skipped whole (its name, or a class the caller ignores)
    span: tuple[int, int] | None = None  # start tag to end tag, once closed


@dataclass
class _Run:
    pieces: list[tuple[int, int, str]] = field(default_factory=list)  # prose: "text", "alt", "ref"
    scope: str | None = None
    kind: str = "guess"
    owner: _Open | None = None  # the innermost block element around it
    alt_only: bool = True


def parse(text: str, skipped=(), ignored_classes=()) -> HtmlParse:
    """Read ``text``. ``skipped``: more elements whose whole content is never prose (Vale's
    ``SkippedScopes`` and ``IgnoredScopes``: "figure", "strong"...); ``ignored_classes``: an element
    with one of these classes is skipped whole (Vale's ``IgnoredClasses``)."""
    return _Reader(text, SKIPPED | frozenset(t.lower() for t in skipped), frozenset(ignored_classes)).read()


class _Reader:
    def __init__(self, text: str, skipped: frozenset = SKIPPED, ignored_classes: frozenset = frozenset()):
        self.text = text
        self.skipped = skipped
        self.ignored_classes = ignored_classes
        self.out = HtmlParse()
        self.stack: list[_Open] = []
        self.skipping = 0  # open skipped elements
        self.run: _Run | None = None
        self.runs: list[tuple[_Run, int, int]] = []
        self.has_heading = False
        self.after_br = False  # the run's last markup is a <br> with only blanks after it

    def read(self) -> HtmlParse:
        for tok in tokens(self.text):
            if tok.kind == "data":
                self.data(tok)
            elif tok.kind == "start":
                self.start(tok)
            elif tok.kind == "end":
                self.end(tok)
            elif tok.kind == "ref" and not self.skipping:
                self.out.skip_zones.append((tok.start, tok.end))
                self.piece(tok.start, tok.end, "ref")
            else:
                if tok.tag == "!--":
                    self.out.comments.append(self.comment_span(tok))
                self.out.skip_zones.append((tok.start, tok.end))
        self.cut()
        while self.stack:
            self.pop(len(self.text), len(self.text))
        return self.result()

    # ------------------------------------------------------------- tokens
    def data(self, tok: Token) -> None:
        if self.skipping or "<" in self.text[tok.start:tok.end]:
            self.out.skip_zones.append((tok.start, tok.end))
        else:
            self.piece(tok.start, tok.end, "text")

    def piece(self, start: int, end: int, kind: str) -> None:
        """Text ("text", "alt") or a character reference ("ref") in the current run, which it opens."""
        if self.run is None:
            self.run = self.new_run()
        self.run.pieces.append((start, end, kind))
        if _has_text(self.text[start:end], kind):
            self.after_br = False
            if kind != "alt":
                self.run.alt_only = False

    def new_run(self) -> _Run:
        run = _Run()
        for el in reversed(self.stack):
            if el.tag in BLOCK and run.owner is None:
                run.owner = el
            if el.tag in SCOPE_TAGS:
                run.scope = SCOPE_TAGS[el.tag]
                break
        owner = run.owner.tag if run.owner is not None else ""
        if run.scope is None and owner == "p":
            run.scope = "paragraph"
        if owner in HEADINGS:
            run.kind = "heading"
        elif owner == "title":
            run.kind = "field"  # the page's <title>: a headline field, as a front matter title is
            run.scope = "title"  # ... but text to a Vale rule, as Vale reads it (front matter is code to Vale)
        elif owner in _PARAGRAPHS:
            run.kind = "paragraph"
        return run

    def skips(self, tok: Token) -> bool:
        """Whether the element opened by ``tok`` is skipped whole: by its name, or by a class."""
        if tok.tag in self.skipped:
            return True
        if self.ignored_classes:
            classes = next((v for k, v in tok.attrs if k == "class" and v), "")
            return any(c in self.ignored_classes for c in classes.split())
        return False

    def start(self, tok: Token) -> None:
        tag = tok.tag
        if tag == "br" and self.run is not None and not self.skipping:
            if self.after_br:
                self.cut()  # two line breaks in a row end a paragraph (CMS bodies written as <br><br>)
            self.after_br = self.run is not None
        else:
            self.after_br = False
        if tag == "body":
            self.close("head", tok.start)
        skips = self.skips(tok)
        if tag in BLOCK and not self.skipping:
            self.implied_ends(tag, tok.start)
            self.cut()
        alt = self.alt(tok) if tag in ("img", "area", "input") and not self.skipping and not skips else None
        if self.skipping or tag not in BLOCK or skips:
            if alt is None:
                self.out.skip_zones.append((tok.start, tok.end))
            else:
                self.out.skip_zones.extend([(tok.start, alt[0]), (alt[1], tok.end)])
        else:
            self.out.marker_zones.append((tok.start, tok.end))
        if tag in VOID or tok.closed:
            return
        if tag in BLOCK:
            for el in reversed(self.stack):
                if el.tag in BLOCK:
                    el.nested = True
                    break
        if tag in HEADINGS:
            self.has_heading = True
        self.stack.append(_Open(tag, tok.start, tok.end, skips=skips))
        if skips:
            self.skipping += 1

    def implied_ends(self, tag: str, at: int) -> None:
        """Close what a block start tag ends: an open ``<p>``; an item, a cell or a row by the next one."""
        names = _CLOSES.get(tag, ())
        fences = _FENCES.get(tag, ()) + _P_SCOPE
        i = len(self.stack) - 1
        while i >= 0:
            el = self.stack[i].tag
            if el in fences or self.stack[i].skips:
                return
            if el == "p" or el in names:
                while len(self.stack) > i:
                    self.pop(at, at)
                if not names:
                    return
            i = min(i, len(self.stack)) - 1

    def close(self, tag: str, at: int) -> None:
        """Close the innermost open ``tag`` and what is open inside it, if it is open."""
        index = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag), None)
        if index is not None:
            while len(self.stack) > index:
                self.pop(at, at)

    def end(self, tok: Token) -> None:
        tag = tok.tag
        index = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag), None)
        if self.skipping or tag not in BLOCK or index is None:
            self.out.skip_zones.append((tok.start, tok.end))
        else:
            self.out.marker_zones.append((tok.start, tok.end))
        if index is None:
            return
        while len(self.stack) > index + 1:
            self.pop(tok.start, tok.start)
        self.pop(tok.start, tok.end)

    def pop(self, content_end: int, end: int) -> None:
        el = self.stack.pop()
        el.span = (el.start, end)
        if el.tag in BLOCK:
            self.cut()
        if el.skips:
            self.skipping -= 1
            self.out.skip_zones.append((el.start, end))
        if self.skipping:
            return
        if el.tag in INLINE_SCOPES and el.inner < content_end:
            self.out.inline_scopes.append((INLINE_SCOPES[el.tag], el.inner, content_end))
        if el.tag in ("blockquote", "q"):
            self.out.block_quotes.append((el.start, end))
        elif el.tag == "table":
            self.out.tables.append((el.start, end))

    def alt(self, tok: Token) -> tuple[int, int] | None:
        """An image's alt text: prose, named "alt"; its character references are markup."""
        found = _alt_value(self.text, tok.start, tok.end)
        if found is None or _html.unescape(self.text[found[0]:found[1]]) != dict(tok.attrs).get("alt"):
            return None  # none, or not the value the tokenizer read: leave the tag alone
        s, e, mark = found
        if not self.text[s:e].strip(_SPACE):
            return None
        self.out.inline_scopes.append(("alt", s, e))
        self.out.alt_spans.append((s, e, mark))
        pos = s
        for ref in _REF.finditer(self.text, s, e):
            self.piece(pos, ref.start(), "alt")
            self.out.skip_zones.append((ref.start(), ref.end()))
            self.piece(ref.start(), ref.end(), "alt")
            pos = ref.end()
        self.piece(pos, e, "alt")
        return s, e

    def comment_span(self, tok: Token) -> tuple[int, int]:
        close = self.text.find("-->", tok.start + 4, tok.end)
        return (tok.start, close + 3) if close != -1 else (tok.start, tok.end)

    # --------------------------------------------------------------- runs
    def cut(self) -> None:
        """End the current run: a block if it has text (leading and trailing blanks and &nbsp; left out)."""
        run, self.run = self.run, None
        if run is None:
            return
        text = self.text
        pieces = [p for p in run.pieces if p[1] > p[0]]
        while pieces and not _has_text(text[pieces[0][0]:pieces[0][1]], pieces[0][2]):
            pieces.pop(0)
        while pieces and not _has_text(text[pieces[-1][0]:pieces[-1][1]], pieces[-1][2]):
            pieces.pop()
        if not pieces:
            return
        s, e = pieces[0][0], pieces[-1][1]
        if pieces[0][2] != "ref":
            s += len(text[s:pieces[0][1]]) - len(text[s:pieces[0][1]].lstrip(_SPACE))
        if pieces[-1][2] != "ref":
            e -= len(text[pieces[-1][0]:e]) - len(text[pieces[-1][0]:e].rstrip(_SPACE))
        run.pieces = pieces
        if run.owner is not None:
            run.owner.runs += 1
        self.runs.append((run, s, e))
        for start, end, kind in pieces:
            if kind == "ref" and _html.unescape(text[start:end]) in _QUOTE_MARKS:
                self.out.marks.append((start, end, _html.unescape(text[start:end])))

    def result(self) -> HtmlParse:
        out = self.out
        first = True
        for run, s, e in self.runs:
            kind, scope = run.kind, run.scope
            if run.alt_only:
                kind, scope = "paragraph", "alt"
            elif kind == "heading" and first:
                kind = "title"
            elif kind == "guess" and self.has_heading:
                kind = "paragraph"
            first = first and kind == "field"
            out.blocks.append(ProseBlock(s, e, kind, removal=self.removal(run, s, e), scope=scope,
                                         field="title" if kind == "field" else None))
        return out

    def removal(self, run: _Run, s: int, e: int) -> tuple[int, int]:
        """The element with its tags and the blanks after it, when the run is all its text; else the run."""
        owner = run.owner
        if owner is None or owner.runs != 1 or owner.nested or owner.span is None or owner.tag not in _REMOVABLE:
            return s, e
        start, end = owner.span
        while end < len(self.text) and self.text[end] in _SPACE:
            end += 1
        return start, end


def _alt_value(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Where the value of the ``alt`` attribute of the start tag at [start, end) stands, and the
    quotation mark around it (" " for none)."""
    m = regex.match(r"<[^\s/>]+", text[:end], pos=start)
    pos = m.end() if m else end
    while pos < end:
        a = _ATTR.match(text, pos, end)
        if a is None or a.end() == pos:
            return None
        if a.group(1).lower() == "alt":
            g = next((k for k in (2, 3, 4) if a.group(k) is not None), None)
            if g is None:
                return None
            return a.start(g), a.end(g), text[a.start(g) - 1] if g < 4 else " "
        pos = a.end()
    return None


def _has_text(chunk: str, kind: str) -> bool:
    return bool((_html.unescape(chunk) if kind == "ref" else chunk).strip(_SPACE + "\u00a0"))
