"""Which files lintnews reads as articles, and the formats it names but does not read.

Plain text (``.txt``), Markdown (``.md``, ``.markdown``) and HTML (``.html``,
``.htm``, ``.xhtml``) are read; a folder walk takes those. A file named on the
command line is read as plain text whatever its suffix, unless the suffix
names a markup or programming language lintnews does not parse (Vale lints
those): its markup or code would be read as prose, so the run says so in one
line instead ("a.rst: format not supported (reStructuredText)").
"""

from __future__ import annotations

from pathlib import PurePath

from .markdown import MARKDOWN_SUFFIXES

# Here, not in html.py, so that reading a plain text or Markdown article imports no HTML parser.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

ARTICLE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)

_CODE = """c h cc cpp cxx hpp hh cs java kt kts scala go rs swift m mm py pyi rb php pl pm lua r jl hs clj cljs
    ex exs erl js jsx mjs cjs ts tsx vue css scss sass less sh bash zsh ps1 sql proto dart groovy"""
UNSUPPORTED = {
    **{s: "reStructuredText" for s in (".rst", ".rest")},
    **{s: "AsciiDoc" for s in (".adoc", ".asciidoc", ".asc")},
    ".org": "Org",
    ".tex": "LaTeX",
    **{s: "DITA/XML" for s in (".dita", ".ditamap", ".xml")},
    **{"." + s: "source code" for s in _CODE.split()},
}


def is_html(path: str | None) -> bool:
    return bool(path) and PurePath(str(path)).suffix.lower() in HTML_SUFFIXES


def unsupported(path: str) -> str | None:
    """The name of the format of ``path`` when lintnews does not read it, else None."""
    return UNSUPPORTED.get(PurePath(str(path)).suffix.lower())
