"""Vale's scopes: which parts of an article a rule in Vale's format reads.

Vale cuts a file into blocks, each named by dotted sections, and a rule's ``scope`` is a list of
selectors, any of which may match (Vale's source, internal/check/scope.go, internal/lint/ast.go,
internal/nlp/provider.go; https://vale.sh/docs/scopes):

- a plain paragraph is read three times: as "paragraph", as each "sentence" in it, and as "text";
- any other block once, as "text.<its scope>": "text.heading.h2", "text.list", "text.blockquote",
  "text.table.header", "text.table.cell" (a reader names them: ``Block.scope``); an image's alt
  text as "text.attr.alt";
- the whole file as "raw", and the prose (paragraphs, lists, block quotes) as "summary";
- each name also carries the file's extension ("heading.md" selects Markdown headings only).

A selector's sections must all be among a block's ("heading" selects "text.heading.h1");
``~x`` selects every block but those ``x`` selects, and never "raw" or "summary"; ``a & b``
selects what both select. Vale 3 no longer reads inline scopes; ``link``, ``code``, ``strong``
and ``emphasis`` still select a link's text, a code span, strong and emphasised text here
(``Document.inline_scopes``), only when named without ``~``. lintnews's own ``body`` (every
text block but the article's title) is understood too.

A match is reported only inside a block the rule selects; a block inside another the rule reads
(a sentence in its paragraph) is not read twice. Front matter is no block (Vale reads it as code).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import PurePath

from ..read import front_fields
from .rule_checks import unknown_scope

# The first section of a scope Vale accepts (check/scope.go allowedScopes), and the inline ones read here.
ALLOWED = ("text", "heading", "table", "list", "paragraph", "sentence", "alt", "title", "blockquote",
           "summary", "raw", "figure")
INLINE = ("link", "code", "strong", "emphasis")
SCOPE_ORDER = ("text", "title", "heading", "paragraph", "sentence")  # the names an error lists first, as lintnews's
_SIZED = frozenset({"raw", "summary"})  # whole-file blocks no negated selector reads
_SENTENCE_TEXT = frozenset({"sentence", "text"})  # a sentence Vale also reads as text
# Units a Vale scope reads although they lie in a skip zone (code, an HTML block, front matter).
READS_SKIPPED = frozenset({"code", "htmlblock", "frontmatter"})
_TITLE = "lintnews-title"  # the article's title block, for lintnews's ``body`` (no Vale scope names it)


@dataclass(frozen=True)
class Selector:
    sections: frozenset
    negated: bool = False


def parse(scopes) -> tuple[tuple[Selector, ...], ...]:
    """Each scope a conjunction of selectors ("heading & ~heading.h1")."""
    out = []
    for scope in scopes:
        if str(scope).strip() == "body":  # lintnews's own name: every text block but the article's title
            out.append((Selector(frozenset({"text"})), Selector(frozenset({_TITLE}), True)))
            continue
        parts = []
        for part in str(scope).split("&"):
            part = part.strip()
            negated = part.startswith("~")
            names = frozenset(s.strip() for s in part.lstrip("~").split(".") if s.strip())
            parts.append(Selector(names, negated))
        out.append(tuple(parts))
    return tuple(out)


def problem(scope: str) -> str | None:
    """Why Vale would refuse ``scope`` (None: it is fine). As Vale, only a scope's first section is checked."""
    if "&" in scope:
        return None if all(p.strip().lstrip("~") for p in scope.split("&")) else f"empty part in scope {scope!r}"
    first = scope.strip().lstrip("~").split(".")[0].strip()
    if first in ALLOWED or scope.strip() == "body" or first in INLINE:
        return None
    return unknown_scope(scope, ("body", *SCOPE_ORDER, *ALLOWED, *INLINE))


def _part(part: Selector, sections: frozenset) -> bool:
    has = part.sections <= sections
    if part.negated:
        return not has and not (sections & _SIZED)
    return has


def matches(parsed, sections: frozenset) -> bool:
    """Whether any of the rule's scopes selects a block named by ``sections``."""
    return any(all(_part(p, sections) for p in conj) for conj in parsed)


def _inline_named(parsed) -> frozenset:
    """The inline scopes a rule names without ``~``."""
    return frozenset(s for conj in parsed for p in conj if not p.negated for s in p.sections if s in INLINE)


def units(doc) -> list[tuple[int, int, frozenset]]:
    """Every block Vale would read in ``doc``: (start, end, its sections). Computed once per document.

    When a loaded rule reads sentences (``doc.vale_sentences``, see :func:`segments`), Vale cuts every
    paragraph into sentences and names each "sentence.text.<ext>" (internal/nlp/provider.go): a rule
    that selects "text" reads each sentence as well as the paragraph."""
    sentence = frozenset({"sentence", "text"} if getattr(doc, "vale_sentences", False) else {"sentence"})
    cached = getattr(doc, "_vale_units", None)
    if cached is not None and cached[0] == sentence:
        return cached[1]
    suffix = PurePath(str(doc.path)).suffix.lower().lstrip(".")
    ext = frozenset({suffix} if suffix and doc.path != "-" else ())
    cells: dict[int, list] = {}
    for name, s, e in doc.inline_scopes:
        if name.startswith("table."):
            block = doc.block_at(s)
            if block is not None:
                cells.setdefault(block.index, []).append((name, s, e))
    out = [(0, len(doc.text), frozenset({"raw"}) | ext)]
    for block in doc.blocks:
        if block.field is not None and block.scope is None:
            continue  # front matter, its headline fields too: Vale reads it as a code block (an HTML <title> is text)
        scope = block.scope or ("heading" if block.marked and block.kind in ("title", "heading") else "paragraph")
        title = {_TITLE} if block.kind == "title" else set()
        if scope == "paragraph":
            out.append((block.start, block.end, frozenset({"paragraph"}) | ext))
            out.append((block.start, block.end, frozenset({"text", *title}) | ext))
            out.append((block.start, block.end, frozenset({"summary"}) | ext))
            out.extend((s.start, s.end, sentence | ext) for s in doc.sentences_in(block))
        elif scope == "table":
            out.extend((s, e, frozenset({"text", *name.split(".")}) | ext) for name, s, e in cells.get(block.index, ()))
        else:
            out.append((block.start, block.end, frozenset({"text", *scope.split("."), *title}) | ext))
            if scope in ("list", "blockquote"):
                out.append((block.start, block.end, frozenset({"summary"}) | ext))
    out.extend(_html_block_units(doc, ext))
    out.extend(_front_matter_units(doc, ext))
    for name, s, e in doc.inline_scopes:
        if name == "alt":
            out.append((s, e, frozenset({"text", "attr", "alt"}) | ext))
        elif name in INLINE:
            out.append((s, e, frozenset({name, "inline"}) | ext))
    doc._vale_units = (sentence, out)
    return out


def _html_block_units(doc, ext: frozenset) -> list[tuple[int, int, frozenset]]:
    """The blocks of a Markdown article's raw HTML blocks, read as HTML (read/article.py): Vale renders the
    article and reads them as any other (a table's ``<caption>``). No lintnews rule reads them: they stay
    skip zones, and ``htmlblock`` in their sections lets a Vale rule report there."""
    return [(s, e, frozenset({"text", "htmlblock", *scope.split(".")}) | ext)
            for s, e, scope in getattr(doc, "html_blocks", ())]


def _front_matter_units(doc, ext: frozenset) -> list[tuple[int, int, frozenset]]:
    """Each string value of a Markdown article's front matter, as current Vale lints it (since March
    2025, internal/lint/metadata.go): a block of scope ``text.frontmatter.KEY``, where the value stands.
    ``frontmatter`` in its sections lets a Vale rule report inside the front matter, which no lintnews
    rule reads but its headline fields."""
    head = getattr(doc, "headlines", None)
    if head is None:
        return []
    keys = {str(k).lower() for k, v in head.data.items() if isinstance(v, str) and v.strip()}
    return [(f.start, f.end, frozenset({"text", "frontmatter", f.key}) | ext)
            for f in front_fields.locate(doc.text, head.front, head.data, keys) if isinstance(f.value, str)]


def selected(rule, doc) -> tuple[list[tuple[int, int, frozenset]], list[int]]:
    """The blocks ``rule`` reads in ``doc``, in order, none inside another it reads, and their starts.
    Worked out once per document for each distinct scope (most rules share ``text``) and reading of
    sentences (``doc.vale_sentences``, which :func:`units` follows: a document checked by two linters
    that differ there gets each one's)."""
    sentences = getattr(doc, "vale_sentences", False)
    cache = getattr(rule, "_vale_selected", None)
    if cache is not None and cache[0] is doc and cache[1] == sentences:
        return cache[2]
    key = (rule.vale_scope, sentences)
    by_scope = getattr(doc, "_vale_selected", None)
    if by_scope is None:
        by_scope = doc._vale_selected = {}
    if key not in by_scope:
        by_scope[key] = _select(rule.vale_scope, units(doc))
    rule._vale_selected = (doc, sentences, by_scope[key])
    return by_scope[key]


def _select(parsed, every: list[tuple[int, int, frozenset]]) -> tuple[list[tuple[int, int, frozenset]], list[int]]:
    named = _inline_named(parsed)
    verdicts: dict[frozenset, bool] = {}  # a few distinct names among many blocks
    chosen = []
    for unit in every:
        names = unit[2]
        if names not in verdicts:
            verdicts[names] = bool(named & names) if "inline" in names else matches(parsed, names)
        if verdicts[names]:
            chosen.append(unit)
    chosen.sort(key=lambda u: (u[0], -u[1]))
    out: list[tuple[int, int, frozenset]] = []
    for unit in chosen:
        if out and unit[1] <= out[-1][1] and unit[0] >= out[-1][0] and not _SENTENCE_TEXT <= unit[2]:
            continue  # inside the last block read: read there already (but a sentence Vale reads as text)
        out.append(unit)
    return out, [u[0] for u in out]


def segments(rules) -> bool:
    """Whether Vale would cut paragraphs into sentences for these loaded rules: one of Vale's rules has a
    scope whose first section is ``sentence`` (check/manager.go HasScope, whether or not the rule runs)."""
    return any(getattr(r, "vale", False) and any(str(s).split(".")[0].strip() == "sentence" for s in r.scopes)
               for r in rules)


def reading_order(units: list[tuple[int, int, frozenset]]) -> list[tuple[int, int, frozenset]]:
    """The blocks as Vale reads them: a paragraph's sentences before the paragraph (lint.go lintProse)."""
    if not any(_SENTENCE_TEXT <= u[2] for u in units):
        return units
    out, held = [], []
    for unit in units:
        while held and unit[0] >= held[-1][1]:
            out.append(held.pop())
        if _SENTENCE_TEXT <= unit[2] and held:
            out.append(unit)
        else:
            held.append(unit)
    out.extend(reversed(held))
    return out


def edge_free(source: str) -> bool:
    """Whether a pattern finds in a sentence what it finds of that sentence inside its paragraph: no anchor
    (``^``, ``$``, ``\\A``, ``\\Z``, ``\\z``, ``\\G``, ``\\B``) and no lookaround, outside character classes."""
    i, n, in_class = 0, len(source), False
    while i < n:
        c = source[i]
        if c == "\\":
            if not in_class and source[i + 1:i + 2] in ("A", "Z", "z", "G", "B"):
                return False
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class, i = True, i + 1
            i += source.startswith("^", i)
            i += source.startswith("]", i)  # a ] first in a class is a literal
            continue
        elif c in "^$" or source.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            return False
        i += 1
    return True


_EDGE_FREE: dict[str, bool] = {}


def edge_free_pattern(compiled) -> bool:
    """:func:`edge_free` of a compiled pattern's source, worked out once per source."""
    source = compiled.pattern
    if source not in _EDGE_FREE:
        _EDGE_FREE[source] = edge_free(source)
    return _EDGE_FREE[source]


def by_paragraph(units: list[tuple[int, int, frozenset]]) -> list[tuple[list, tuple]]:
    """The blocks in Vale's reading order as (the sentences read as text inside a block, that block)."""
    out, sentences = [], []
    for unit in reading_order(units):
        if _SENTENCE_TEXT <= unit[2]:
            sentences.append(unit)
            continue
        if all(unit[0] <= s[0] and s[1] <= unit[1] for s in sentences):
            out.append((sentences, unit))
        else:
            out.extend(([], s) for s in sentences)
            out.append(([], unit))
        sentences = []
    out.extend(([], s) for s in sentences)
    return out


def pruned(rule, doc, matches_of, same_in_sentences: bool):
    """The matches ``matches_of(unit)`` gives ((start, end, ...) each) for each block the rule reads, in
    Vale's order. A paragraph's sentences are matched only when their matches could differ from the
    paragraph's: the pattern has an anchor or lookaround (``same_in_sentences`` False) or one of the
    paragraph's matches crosses a sentence's edge; otherwise they would find the same, once per place."""
    for sentences, unit in by_paragraph(selected(rule, doc)[0]):
        found = matches_of(unit)
        if sentences and not (same_in_sentences and all(
                any(s[0] <= m[0] and m[1] <= s[1] for s in sentences) for m in found)):
            for sentence in sentences:
                yield from matches_of(sentence)
        yield from found


def once_per_place(findings: list) -> list:
    """A rule's findings with one per place, the first (core/file.go AddAlert keeps one alert per line,
    column and rule): a sentence's, read before its paragraph, over the paragraph's."""
    seen, out = set(), []
    for f in findings:
        if f.start not in seen:
            seen.add(f.start)
            out.append(f)
    return out


def spans(rule, doc) -> list[tuple[int, int]]:
    """(start, end) of each block a rule reads, in Vale's order (:func:`reading_order`)."""
    return [(s, e) for s, e, _ in reading_order(selected(rule, doc)[0])]


def unit_at(rule, doc, start: int, end: int) -> frozenset | None:
    """The sections of the block the rule reads that holds [start, end), or None."""
    unit = unit_of(rule, doc, start, end)
    return None if unit is None else unit[2]


def unit_of(rule, doc, start: int, end: int) -> tuple[int, int, frozenset] | None:
    """The block the rule reads that holds [start, end): (start, end, sections), or None."""
    out, starts = selected(rule, doc)
    i = bisect.bisect_right(starts, start) - 1
    for k in range(i, max(i - 4, -1), -1):  # blocks seldom overlap: the nearest few before ``start``
        s, e, names = out[k]
        if s <= start and end <= e:
            return out[k]
    return None


def in_read_code(doc, start: int, end: int) -> bool:
    """Whether [start, end) is inside a code span that the configuration lets Vale's rules read (its
    ``ignored-scopes`` leave out ``code``: Vale then lints a code span's text as any other)."""
    if not getattr(doc, "vale_reads_code", False):
        return False
    return any(name == "code" and s <= start and end <= e for name, s, e in doc.inline_scopes)
