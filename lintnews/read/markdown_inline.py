"""Inline markup by position: markdown-it's inline rules, wrapped to record where each matched.

The inline parser is run once per prose block with every rule wrapped, so that
each piece of inline markup (code spans, links, HTML, autolinks, emphasis
markers, escapes, entities, the spaces of a hard break) is known by its
offsets in the block's content.

Prose inside markup stays prose: a link's text, an image's alt text (its own
markup found the same way) and a link's or image's title (``[t](u "title")``),
but for the escapes and entities in the title. The target is markup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from . import compiled as _compiled, markdown_math

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# markdown-it is imported when a Markdown article is first read (its import is 0.02 s of a start
# that reads plain text only).

_ALL_MARKUP = ("html_inline", "autolink", "entity", "escape")
_TITLE_MARKUP = _compiled.compile(r"\\[!-/:-@\[-`{-~]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_KEY = "_lintnews_inline"


def _wrap(name, fn):
    """An inline rule that records where its (non-silent) match was."""

    def rule(state, silent):
        rec = state.env.get(_KEY)
        if silent or rec is None or state.src is not rec["src"]:
            return fn(state, silent)  # silent look-ahead, or an image's alt text (own source)
        pos0 = state.pos
        ntok = len(state.tokens)
        label_end = -1
        if name == "link" and state.src[pos0] == "[":
            label_end = state.md.helpers.parseLinkLabel(state, pos0, True)
        elif name == "image" and state.src.startswith("![", pos0):
            label_end = state.md.helpers.parseLinkLabel(state, pos0 + 1, False)
        if not fn(state, silent):
            return False
        rec["spans"].append((name, pos0, state.pos, state.tokens[ntok:], label_end))
        return True

    return rule


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    markdown_math.register(md)  # $$ display math $$: not prose (read/markdown_math.py)
    md.disable("inline")  # inline content is parsed per block below, with positions recorded
    for r in list(md.inline.ruler.__rules__):
        md.inline.ruler.at(r.name, _wrap(r.name, r.fn))
    return md


def inline_markup(md: MarkdownIt, content: str, env: dict,
                  scopes: list[tuple[str, int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of ``content`` (an inline token's source) that are markup, not prose.

    ``scopes``, when given, receives the inline spans Vale names ("strong", "emphasis", "link", "code",
    "alt"), each over its text, without its markup (see ``Document.inline_scopes``)."""
    rec = {"src": content, "spans": []}
    env[_KEY] = rec
    tokens: list = []
    try:
        md.inline.parse(content, md, env, tokens)
    finally:
        env.pop(_KEY, None)
    out = []
    for name, start, end, toks, label_end in rec["spans"]:
        if name == "image" and label_end >= 0:  # the alt text is prose, with its own markup
            out.append((start, start + 2))
            inner = [] if scopes is not None else None
            alt = inline_markup(md, content[start + 2:label_end], env, inner)
            out.extend((start + 2 + s, start + 2 + e) for s, e in alt)
            out.extend(_link_tail(content, label_end, end))
            if scopes is not None:
                scopes.append(("alt", start + 2, label_end))
                scopes.extend((n, start + 2 + s, start + 2 + e) for n, s, e in inner)
            continue
        out.extend(_markup_of(name, start, end, toks, label_end, content))
        if scopes is not None:
            scopes.extend(_scope_of(name, start, end, toks, label_end, content))
    if scopes is not None:
        scopes.extend(_emphasis_scopes(rec["spans"], tokens))
    return out


def _scope_of(name: str, start: int, end: int, tokens, label_end: int, content: str) -> list[tuple[str, int, int]]:
    """A link's text or a code span's content, as Vale names them."""
    if name == "link" and label_end > start:
        return [("link", start + 1, label_end)]
    if name == "backticks" and _has(tokens, "code_inline"):
        ticks = len(content[start:end]) - len(content[start:end].lstrip("`"))
        return [("code", start + ticks, end - ticks)] if end - ticks > start + ticks else []
    return []


def _emphasis_scopes(spans, tokens) -> list[tuple[str, int, int]]:
    """Strong and emphasis spans: each delimiter token's offset is known from the run that pushed it, and the
    parser's last pass retypes the paired ones (strong_open on the inner character of an opening ``**``)."""
    where = {}
    for name, start, end, toks, _ in spans:
        if name in ("emphasis", "strikethrough"):
            run = toks[max(0, len(toks) - (end - start)):]
            where.update((id(tok), start + i) for i, tok in enumerate(run))
    out, opened = [], []
    for tok in tokens:
        if tok.type in ("strong_open", "em_open") and id(tok) in where:
            opened.append(tok)
        elif tok.type in ("strong_close", "em_close") and opened and id(tok) in where:
            first = opened.pop()
            out.append(("strong" if tok.type == "strong_close" else "emphasis", where[id(first)] + 1, where[id(tok)]))
    return out


def _markup_of(name: str, start: int, end: int, tokens, label_end: int, content: str) -> list[tuple[int, int]]:
    """The markup in one span an inline rule matched."""
    if name in _ALL_MARKUP or name == "image":
        return [(start, end)]
    if name == "backticks" and _has(tokens, "code_inline"):
        return [(start, end)]
    if name == "link":
        # [, then ](target "title"), ][ref] or ] (the whole link when its label was not found)
        return [(start, start + 1), *_link_tail(content, label_end, end)] if label_end >= 0 else [(start, end)]
    if name == "newline" and _has(tokens, "hardbreak"):
        return [(_spaces_before(content, start), start)]
    if name in ("emphasis", "strikethrough"):
        return _delimiters(start, end, tokens)
    return []


def _link_tail(content: str, label_end: int, end: int) -> list[tuple[int, int]]:
    """The markup of ``](target "title")`` (or ``][ref]``, ``]``) from ``label_end``: all of it but the title's
    words (its escapes and entities are markup)."""
    title = _title_span(content, label_end, end)
    if title is None:
        return [(label_end, end)]
    ts, te = title
    inner = [m.span() for m in _TITLE_MARKUP.finditer(content, ts, te)]
    return [(label_end, ts), *inner, (te, end)]


def _title_span(content: str, label_end: int, end: int) -> tuple[int, int] | None:
    """Where the title's text stands in an inline link's ``](target "title")``, or None."""
    pos = label_end + 1
    if not content.startswith("(", pos):
        return None
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    pos = _skip_space(content, pos + 1, end)
    dest = parseLinkDestination(content, pos, end)
    if not dest.ok:
        return None
    after = _skip_space(content, dest.pos, end)
    if after == dest.pos:
        return None  # a title is set off from the target by white space
    title = parseLinkTitle(content, after, end)
    if not title.ok or title.pos - after < 3:
        return None
    return after + 1, title.pos - 1


def _skip_space(content: str, pos: int, end: int) -> int:
    while pos < end and content[pos] in " \t\n":
        pos += 1
    return pos


def _has(tokens, kind: str) -> bool:
    return any(t.type == kind for t in tokens)


def _delimiters(start: int, end: int, tokens) -> list[tuple[int, int]]:
    """The emphasis or strikethrough markers: the run's characters, when any of them opened or closed.

    The rule pushes one token per character of its run, the last ``end - start`` tokens (any before
    them is text the parser had pending). The parser's later passes retype the ones that pair and
    merge text tokens, so only "some token of the run paired" can be read back; an unpaired run
    ("5 * 3") is text."""
    run = tokens[max(0, len(tokens) - (end - start)):]
    if all(tok.type == "text" for tok in run):
        return []
    return [(start + i, start + i + 1) for i in range(end - start)]


def _spaces_before(content: str, pos: int) -> int:
    """Where the spaces before ``pos`` begin (the spaces that make a hard break)."""
    while pos > 0 and content[pos - 1] == " ":
        pos -= 1
    return pos
