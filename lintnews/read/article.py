"""An article as every later layer sees it: its document model and its suppression comments.

Built once per text by :func:`read_article`: Markdown (by the path's suffix)
is parsed for its prose blocks and skip zones (its front matter's headline
fields, ``headline_fields``, are prose); HTML (``.html``, ``.htm``,
``.xhtml``) by :mod:`.html` and :mod:`.html_doc`; plain text is split on
blank lines. Bare URLs and e-mail addresses are skip zones in all, and an
HTML comment is never prose (it is where ``lintnews-disable`` comments and
Vale's comment controls live). Rules, the engine and the reporters share
the one :class:`Article`.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from . import markdown, suppress, vale_comments
from .formats import is_html
from .document import Document
from .front_matter import HEADLINE_FIELDS, Headlines
from .links import bare_link_zones
from .markup_ignores import Ignores


@dataclass
class Article:
    path: str
    doc: Document
    suppressions: list[suppress.Suppression] = field(default_factory=list)
    headlines: Headlines | None = None  # a Markdown article's front matter and its headline fields
    vale_controls: list[vale_comments.Control] = field(default_factory=list)  # <!-- vale off --> and kin
    vale_malformed: list[tuple[int, str]] = field(default_factory=list)  # "vale ..." comments that are no control

    @property
    def text(self) -> str:
        return self.doc.text


def read_article(text: str, path: str = "-", as_markdown: bool | None = None,
                 headline_fields=HEADLINE_FIELDS, ignores: Ignores | None = None,
                 ignore_zones: list[tuple[int, int]] = (), html_skipped=(), html_ignored_classes=()) -> Article:
    """``as_markdown`` says whether the text is Markdown (None: by the path's suffix); ``headline_fields``
    are the front matter fields read as prose, the first the title; ``ignores`` the scopes no rule reads,
    and ``ignore_zones`` the spans its patterns matched (read/markup_ignores.py). ``html_skipped`` and
    ``html_ignored_classes``: HTML elements skipped whole, by name and by class (Vale's
    ``SkippedScopes`` and ``IgnoredClasses``; see :func:`.html.parse`)."""
    zones = bare_link_zones(text) + list(ignore_zones)
    if as_markdown is None and is_html(path):
        return _html_article(text, path, zones, ignores, tuple(html_skipped), tuple(html_ignored_classes))
    if not (markdown.is_markdown(path) if as_markdown is None else as_markdown):
        comments = markdown.html_comments(text)
        doc = Document(text, path, zones + comments)
        return _article(path, doc, text, comments)
    parsed = markdown.parse(text, headline_fields)
    if ignores is not None:
        zones += ignores.scope_zones(parsed.blocks, parsed.inline_scopes)
        zones += ignores.class_zones(text, parsed.blocks)
    doc = Document(text, path, zones + parsed.skip_zones, blocks=parsed.blocks, marker_zones=parsed.marker_zones,
                   block_quotes=parsed.block_quotes, inline_scopes=parsed.inline_scopes)
    doc.vale_reads_code = ignores is not None and ignores.reads_code
    doc.html_blocks = _HtmlBlocks(text, parsed.html_blocks, ignores) if parsed.html_blocks else []
    doc.headlines = parsed.headlines  # its front matter: current Vale lints every string value (rules/vale_scopes.py)
    return _article(path, doc, text, parsed.comments, parsed.headlines)


_TAG_BLOCK = re.compile(r"[ \t]*</?[A-Za-z]")  # an HTML block that opens with a tag (CommonMark's kinds 1, 6, 7)


class _HtmlBlocks:
    """A Markdown article's raw HTML blocks, read as HTML when first iterated (``_html_block_texts``):
    only Vale's rules read them, so a run without those neither imports the HTML parser nor parses."""

    def __init__(self, text: str, zones, ignores: Ignores | None):
        self._args: tuple | None = (text, zones, ignores)
        self._blocks: list[tuple[int, int, str]] = []

    def _read(self) -> list[tuple[int, int, str]]:
        if self._args is not None:
            self._blocks, self._args = _html_block_texts(*self._args), None
        return self._blocks

    def __iter__(self):
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __reduce__(self):
        return list, (self._read(),)  # sent to another process as the list it stands for


def _html_block_texts(text: str, zones, ignores: Ignores | None) -> list[tuple[int, int, str]]:
    """(start, end, Vale's scope) of the text in a Markdown article's raw HTML blocks, read as HTML with
    the configuration's skipped scopes and ignored classes: Vale renders the article and reads these as
    any other HTML (a table's ``<caption>``). They stay skip zones: only Vale's rules read them."""
    if not zones:
        return []
    from . import html  # the HTML parser, imported only for an article with an HTML block

    skipped = ignores.skipped_scopes if ignores is not None else ()
    classes = ignores.ignored_classes if ignores is not None else ()
    out = []
    for lo, hi in zones:
        if not _TAG_BLOCK.match(text, lo, hi):
            continue  # a comment, <?...?>, <!DOCTYPE> or CDATA block: no text to read
        hi = _before_unclosed_comment(text, lo, hi)  # the rest is comment to HTML (and slow to parse)
        out.extend((lo + b.start, lo + b.end, b.scope or "paragraph")
                   for b in html.parse(text[lo:hi], skipped, classes).blocks)
    return out


def _before_unclosed_comment(text: str, lo: int, hi: int) -> int:
    """Where the first ``<!--`` with no ``-->`` after it stands in ``text[lo:hi]`` (``hi`` if none)."""
    closed = markdown.html_comments(text, lo, hi)
    start = text.find("<!--", closed[-1][1] if closed else lo, hi)
    return hi if start < 0 else start


def _html_article(text: str, path: str, zones, ignores: Ignores | None, skipped: tuple, classes: tuple) -> Article:
    """An HTML article: its skipped scopes left out by the reader, its ignored ones as skip zones."""
    skipped += ignores.skipped_scopes if ignores is not None else ()
    classes += ignores.ignored_classes if ignores is not None else ()
    from . import html_doc  # the HTML parser, imported for the first HTML article only

    ignored = None if ignores is None else (lambda parsed: ignores.scope_zones(parsed.blocks, parsed.inline_scopes))
    doc, parsed = html_doc.document(text, path, zones, skipped, classes, ignored)
    if ignores is not None:
        doc.vale_reads_code = ignores.reads_code
    return _article(path, doc, text, parsed.comments)


def _article(path: str, doc: Document, text: str, comments, headlines: Headlines | None = None) -> Article:
    """The article, with its lintnews-disable comments and Vale's comment controls."""
    if not comments:
        return Article(path, doc, [], headlines)
    return Article(path, doc, suppress.parse(text, comments, doc), headlines, vale_comments.parse(text, comments),
                   vale_comments.malformed(text, comments))
