"""--format html: one self-contained page for editors.

Each article's text with its findings marked in place (``html_marks``); on
hover or keyboard focus a mark shows its level, rule, message and what its
fix would change (before -> after). Above the articles, counts per level and
per rule, as checkboxes that show and hide the marks and the articles they
leave without any; articles with no findings are listed as clean. The page
loads nothing (its stylesheet and script are inline, ``html_assets``) and
works from a file.
"""

from __future__ import annotations

import codecs
from collections import Counter
from html import escape

from ..findings import Applicability
from ..version import __version__
from .html_assets import CSP, CSS, JS
from .html_marks import LEVELS, Marked, marked_text, snippet_html

_FIX_LABELS = {
    Applicability.SAFE: "Fix (applied by <code>lintnews fix</code>)",
    Applicability.UNSAFE: "Fix (unsafe: applied only with <code>--unsafe-fixes</code>)",
    Applicability.DISPLAY: "Suggested change (never applied by itself)",
}
MAX_EDITS = 5


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _level_counts(findings) -> str:
    counts = Counter(f.severity.value for f in findings)
    return ", ".join(_plural(counts[level], level) for level in LEVELS if counts[level])


def fix_html(f, text: str | None) -> str:
    """What a finding's fix would change: each edit as before -> after, deletion or insertion."""
    if f.fix is None:
        return ""
    parts = []
    for e in f.fix.edits[:MAX_EDITS]:
        before = text[e.start:e.end] if text is not None else ""
        if before and e.content:
            parts.append(f"<del>{snippet_html(before)}</del> \u2192 <ins>{snippet_html(e.content)}</ins>")
        elif before:
            parts.append(f"delete <del>{snippet_html(before)}</del>")
        elif e.content:
            parts.append(f"insert <ins>{snippet_html(e.content)}</ins>")
    if len(f.fix.edits) > MAX_EDITS:
        parts.append(f"and {len(f.fix.edits) - MAX_EDITS} more edits")
    title = f' <span class="title">({escape(f.fix.title)})</span>' if f.fix.title else ""
    return f'<p class="fix">{_FIX_LABELS[f.fix.applicability]}: {"; ".join(parts)}{title}</p>'


def _item(f, n: int, text: str | None) -> str:
    level = f.severity.value
    where = f"line {f.line}, column {f.column}"
    go = f'<a class="go" href="#f{n}">{where}</a>' if text is not None else f'<span class="go">{where}</span>'
    return (f'<li class="finding" id="d{n}" data-f="{n}" data-level="{level}" data-rule="{escape(f.rule_id)}">'
            f'{go}<div class="about"><p><span class="lv {level}">{level}</span> '
            f'<span class="rule">{escape(f.rule_id)}</span></p>'
            f'<p class="msg">{escape(f.message)}</p>{fix_html(f, text)}</div></li>')


def _notes(lines) -> str:
    return "".join(f'<p class="note" role="note">{escape(line)}</p>' for line in lines)


def _article(k: int, path: str, numbered: list, text: str | None, unfinished) -> str:
    findings = [f for _, f in numbered]
    marks = [Marked(n, f.severity.value, f.rule_id, f.start, f.end) for n, f in numbered]
    body = (f'<div class="text">{marked_text(text, marks)}</div>'
            if text is not None else '<p class="note">The text of this article is not available.</p>')
    items = "".join(_item(f, n, text) for n, f in numbered)
    return (f'<article class="article" id="a{k}" aria-labelledby="a{k}-h">'
            f'<h2 id="a{k}-h" class="path">{escape(path)}</h2>'
            f'<p class="counts">{_plural(len(findings), "finding")}: {_level_counts(findings)}</p>'
            f'{_notes(unfinished)}{body}'
            f'<ol class="findings" aria-label="Findings in {escape(path)}">{items}</ol></article>')


def _clean(paths: list[str], unfinished: dict) -> str:
    if not paths:
        return ""
    items = "".join(f"<li>{escape(p)}{_notes(unfinished.get(p, ()))}</li>" for p in paths)
    return (f'<section class="clean" aria-labelledby="clean-h"><h2 id="clean-h">Clean articles ({len(paths)})</h2>'
            f'<p class="counts">No findings in these articles.</p><ul class="clean-list">{items}</ul></section>')


def _box(name: str, value: str, label: str, count: int) -> str:
    return (f'<label><input type="checkbox" name="{name}" value="{escape(value)}" checked> '
            f'<span class="label">{label}</span> <span class="n" data-count="{count}">{count}</span></label>')


def _filters(findings) -> str:
    levels = Counter(f.severity.value for f in findings)
    rules = Counter(f.rule_id for f in findings)
    level_boxes = "".join(_box("level", lv, f'<span class="lv {lv}">{lv}</span>', levels[lv])
                          for lv in LEVELS if levels[lv])
    rule_boxes = "".join(_box("rule", r, f'<span class="rule">{escape(r)}</span>', n)
                         for r, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
    return ('<form id="filters" aria-label="Filters">'
            f'<fieldset class="levels"><legend>Findings by level</legend><div class="boxes">{level_boxes}</div></fieldset>'
            f'<fieldset class="rules"><legend>Findings by rule</legend><div class="boxes">{rule_boxes}</div>'
            '<p class="buttons"><button type="button" data-rules="all">All rules</button>'
            '<button type="button" data-rules="none">No rules</button></p></fieldset>'
            f'<p id="status" role="status" aria-live="polite">{_plural(len(findings), "finding")}.</p></form>')


def _texts(ctx) -> dict[str, str]:
    """Article texts by the path findings carry (a document's own path, e.g. --stdin-filename, and its key)."""
    texts = {}
    for key, doc in ctx.docs.items():
        texts[key] = doc.text
        texts.setdefault(getattr(doc, "path", key), doc.text)
    return texts


def render(findings, ctx) -> None:
    texts = _texts(ctx)
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    clean = sorted(p for p in ctx.docs if p not in by_path and getattr(ctx.docs[p], "path", p) not in by_path)
    articles = []
    n = 0
    for k, path in enumerate(sorted(by_path), 1):
        numbered = []
        for f in by_path[path]:
            n += 1
            numbered.append((n, f))
        articles.append(_article(k, path, numbered, texts.get(path), ctx.unfinished.get(path, ())))
    checked = len(by_path) + len(clean)
    totals = (f"{_plural(len(findings), 'finding')} in {_plural(len(by_path), 'article')}"
              f"{': ' + _level_counts(findings) if findings else ''}. "
              f"{_plural(checked, 'article')} checked, {len(clean)} clean.")
    filters = _filters(findings) if findings else ""
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f'<meta name="generator" content="lintnews {escape(__version__)}">'
        f"<title>lintnews report: {escape(totals)}</title><style>{CSS}</style></head>\n<body>"
        '<a class="skip" href="#articles">Skip to the articles</a>'
        f'<header><h1>lintnews report</h1><p class="totals">{escape(totals)}</p>{filters}</header>\n'
        f'<main id="articles" tabindex="-1">{"".join(articles)}{_clean(clean, ctx.unfinished)}</main>\n'
        f'<div id="tip" role="tooltip" hidden></div><script>{JS}</script></body></html>\n'
    )
    ctx.stream.write(page if _utf8(ctx.stream) else page.encode("ascii", "xmlcharrefreplace").decode("ascii"))


def _utf8(stream) -> bool:
    """Whether the stream writes UTF-8, as the page says it is; else the page is written in ASCII with
    character references (the stylesheet and script are ASCII, so none lands where it would not be read)."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name == "utf-8"
    except LookupError:
        return False
