"""The numbers Vale's metric and readability rules read from a document (Vale's variable names).

``words``, ``sentences``, ``paragraphs``, ``characters`` (letters and digits in words),
``syllables``, ``polysyllabic_words`` (three syllables or more), ``complex_words``
(polysyllabic even without an -es, -ed or -ing ending), ``long_words`` (more than six
characters), and the counts of Markdown blocks: ``heading_h1`` to ``heading_h6``, ``list``
(items), ``blockquote``, ``pre`` (code blocks). Words, syllables and complex words are counted
as Vale's summarize package (github.com/jdkato/twine) counts them: a word is a run of letters,
digits and straight apostrophes (a hyphen splits "meet-ups" in two), or an initialism like U.S.;
syllables come from ``syllables.py``.
"""

from __future__ import annotations

import math


from .syllables import syllables
from .vale import vale_kind
from ..read import compiled as _compiled

_WORD = _compiled.compile(r"(?:[A-Z]\.){2,}|[\p{N}\p{L}']+")
_HEADING = _compiled.compile(r"[ \t]{0,3}(#{1,6})[ \t]")
_LIST_ITEM = _compiled.compile(r"(?m)^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_QUOTE_START = _compiled.compile(r"(?m)^(?<!>[^\n]*\n)[ \t]{0,3}>")
_FENCE = _compiled.compile(r"(?m)^[ \t]{0,3}(```|~~~)")

VARIABLES = ("words", "sentences", "paragraphs", "characters", "syllables", "polysyllabic_words",
             "complex_words", "long_words", "pre", "list", "blockquote",
             *(f"heading_h{i}" for i in range(1, 7)))


def prose(doc) -> str:
    """The document's prose, as Vale's summary holds it: its paragraphs, without headings."""
    return "\n\n".join(doc.text[b.start:b.end] for b in doc.blocks if vale_kind(b) == "paragraph")


def stats(doc) -> dict[str, float]:
    """Every variable, for the document (all 0 when it has no words)."""
    blocks = [b for b in doc.blocks if vale_kind(b) == "paragraph"]
    # Vale counts the text a reader sees: not code (it masks it with '*'), link targets or markup.
    hidden = doc.protected_zones
    words = [m.group() for b in blocks for m in _WORD.finditer(doc.text, b.start, b.end)
             if not any(s <= m.start() < e for s, e in hidden)]
    out = dict.fromkeys(VARIABLES, 0.0)
    if not words:
        return out
    counts = [syllables(w) for w in words]
    out["words"] = float(len(words))
    out["sentences"] = float(max(1, sum(len(doc.sentences_in(b)) for b in blocks)))
    out["paragraphs"] = float(len(blocks))
    out["characters"] = float(sum(sum(c.isalnum() for c in w) for w in words))
    out["syllables"] = float(sum(counts))
    out["polysyllabic_words"] = float(sum(c >= 3 for c in counts))
    out["complex_words"] = float(sum(c - w.endswith(("es", "ed", "ing")) > 2 for w, c in zip(words, counts)))
    out["long_words"] = float(sum(len(w.encode()) > 6 for w in words))
    text = doc.text
    for b in doc.blocks:
        if b.marked and b.kind in ("title", "heading"):
            line_start = text.rfind("\n", 0, b.start) + 1
            m = _HEADING.match(text, line_start)
            level = len(m.group(1)) if m else (1 if text[b.end:b.end + 2].strip().startswith("=") else 2)
            out[f"heading_h{level}"] += 1
    out["list"] = float(len(_LIST_ITEM.findall(text)))
    out["blockquote"] = float(len(_QUOTE_START.findall(text)))
    out["pre"] = float(len(_FENCE.findall(text)) // 2)
    return out


def readability(values: dict[str, float], metric: str) -> float:
    """One of Vale's readability grades from the document's numbers."""
    w, s = values["words"], values["sentences"]
    if metric == "Flesch-Kincaid":
        return 0.39 * (w / s) + 11.8 * (values["syllables"] / w) - 15.59
    if metric == "Gunning Fog":
        return 0.4 * ((w / s) + 100.0 * (values["complex_words"] / w))
    if metric == "Coleman-Liau":
        return 0.0588 * (values["characters"] / w * 100.0) - 0.296 * (s / w * 100.0) - 15.8
    if metric == "SMOG":
        return 1.0430 * math.sqrt(values["polysyllabic_words"] * 30.0 / s) + 3.1291
    if metric == "Automated Readability":
        return 4.71 * (values["characters"] / w) + 0.5 * (w / s) - 21.43
    raise ValueError(metric)


METRICS = ("Gunning Fog", "Coleman-Liau", "Flesch-Kincaid", "SMOG", "Automated Readability")
