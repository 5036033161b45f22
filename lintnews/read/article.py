"""An article as every later layer sees it: its document model and its suppression comments.

Built once per text by :func:`read_article`: Markdown (by the path's suffix)
is parsed for its prose blocks and skip zones (its front matter's headline
fields, ``headline_fields``, are prose); HTML (``.html``, ``.htm``,
``.xhtml``) is read by :mod:`.html` and :mod:`.html_doc`; plain text is
split on blank lines. Bare URLs and e-mail addresses are skip zones in
all, and an HTML comment is never prose (it is where ``lintnews-disable`` comments live).
Rules, the engine and the reporters share the one :class:`Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import html, html_doc, markdown, suppress
from .document import Document
from .front_matter import HEADLINE_FIELDS, Headlines
from .links import bare_link_zones


@dataclass
class Article:
    path: str
    doc: Document
    suppressions: list[suppress.Suppression] = field(default_factory=list)
    headlines: Headlines | None = None  # a Markdown article's front matter and its headline fields

    @property
    def text(self) -> str:
        return self.doc.text


def read_article(text: str, path: str = "-", as_markdown: bool | None = None,
                 headline_fields=HEADLINE_FIELDS, html_skipped=(), html_ignored_classes=()) -> Article:
    """``as_markdown`` says whether the text is Markdown (None: by the path's suffix); ``headline_fields``
    are the front matter fields read as prose, the first the title. ``html_skipped`` and
    ``html_ignored_classes``: HTML elements skipped whole, by name and by class (Vale's
    ``SkippedScopes``/``IgnoredScopes`` and ``IgnoredClasses``; see :func:`.html.parse`)."""
    zones = bare_link_zones(text)
    if as_markdown is None and html.is_html(path):
        doc, parsed = html_doc.document(text, path, zones, html_skipped, html_ignored_classes)
        return Article(path, doc, suppress.parse(text, parsed.comments, doc))
    if not (markdown.is_markdown(path) if as_markdown is None else as_markdown):
        comments = markdown.html_comments(text)
        doc = Document(text, path, zones + comments)
        return Article(path, doc, suppress.parse(text, comments, doc) if comments else [])
    parsed = markdown.parse(text, headline_fields)
    doc = Document(text, path, zones + parsed.skip_zones, blocks=parsed.blocks, marker_zones=parsed.marker_zones,
                   block_quotes=parsed.block_quotes, inline_scopes=parsed.inline_scopes)
    return Article(path, doc, suppress.parse(text, parsed.comments, doc), parsed.headlines)
