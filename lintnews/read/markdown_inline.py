"""Inline markup by position: markdown-it's inline rules, wrapped to record where each matched.

The inline parser is run once per prose block with every rule wrapped, so that
each piece of inline markup (code spans, links, HTML, autolinks, emphasis
markers, escapes, entities, the spaces of a hard break) is known by its
offsets in the block's content.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

_ALL_MARKUP = ("html_inline", "autolink", "image", "entity", "escape")
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
        if not fn(state, silent):
            return False
        rec["spans"].append((name, pos0, state.pos, state.tokens[ntok:], label_end))
        return True

    return rule


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.disable("inline")  # inline content is parsed per block below, with positions recorded
    for r in list(md.inline.ruler.__rules__):
        md.inline.ruler.at(r.name, _wrap(r.name, r.fn))
    return md


def inline_markup(md: MarkdownIt, content: str, env: dict) -> list[tuple[int, int]]:
    """Spans of ``content`` (an inline token's source) that are markup, not prose."""
    rec = {"src": content, "spans": []}
    env[_KEY] = rec
    try:
        md.inline.parse(content, md, env, [])
    finally:
        env.pop(_KEY, None)
    out = []
    for name, start, end, tokens, label_end in rec["spans"]:
        out.extend(_markup_of(name, start, end, tokens, label_end, content))
    return out


def _markup_of(name: str, start: int, end: int, tokens, label_end: int, content: str) -> list[tuple[int, int]]:
    """The markup in one span an inline rule matched."""
    if name in _ALL_MARKUP:
        return [(start, end)]
    if name == "backticks" and _has(tokens, "code_inline"):
        return [(start, end)]
    if name == "link":
        # [, then ](target "title"), ][ref] or ] (the whole link when its label was not found)
        return [(start, start + 1), (label_end, end) if label_end >= 0 else (start, end)]
    if name == "newline" and _has(tokens, "hardbreak"):
        return [(_spaces_before(content, start), start)]
    if name in ("emphasis", "strikethrough"):
        return _delimiters(start, tokens)
    return []


def _has(tokens, kind: str) -> bool:
    return any(t.type == kind for t in tokens)


def _delimiters(start: int, tokens) -> list[tuple[int, int]]:
    """The emphasis or strikethrough markers: one character each, the tokens that are not text."""
    return [(start + i, start + i + 1) for i, tok in enumerate(tokens) if tok.type != "text" or tok.content == ""]


def _spaces_before(content: str, pos: int) -> int:
    """Where the spaces before ``pos`` begin (the spaces that make a hard break)."""
    while pos > 0 and content[pos - 1] == " ":
        pos -= 1
    return pos
