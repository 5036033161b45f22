"""Figures of change: a quantity that a verb of change or measure reports ("car sales fell 2.8%").

Used by the ``attribution`` kind through ``claims.Features`` (the ``figure``
feature). Car sales that fell, spending that grew: such a figure comes from
somewhere (official figures, an industry body, a survey) and a copy editor
asks where. Every word list comes from the rule file (``changes``,
``indicators``, ``measures``, ``magnitudes``, ``shares``); this module holds
the mechanism.

* The verb's lemma is one of ``changes`` (rise, fall, grow) and it is a
  finite verb or a participle after an auxiliary ("has grown"), not a
  participle that modifies a noun ("the fallen soldiers").
* Its subject is an ``indicators`` noun (spending, unemployment, sales), as
  the phrase's head or with a ``measures`` noun after it ("the unemployment
  rate"), and no firm or person owns it ("Heineken's net income", "its
  sales": a firm's own results are of record).
* A quantity follows within four words, over prepositions, adverbs and
  determiners ("fell by almost 3%", "has cost the company billions"): a
  figure with a share unit (percent, %), with a currency sign, or with a
  magnitude (million, bn), or a magnitude on its own ("billions").
* A modal or a conditional before the verb makes it a forecast, not a
  report ("could rise 5%", "if sales fell 2%"): not a claim here.
"""

from __future__ import annotations

_CURRENCY = set("$£€¥")
_BRIDGE = ("ADP", "ADV", "DET", "ADJ", "PART", "PRON", "NOUN", "PROPN", "SYM")
_SUBJECT = ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PART", "AUX", "ADV", "SYM")


def _quantity(lex, tokens, j: int) -> int:
    """The end index of a quantity starting at token j, or -1."""
    t = tokens[j]
    text = t.text
    if lex["magnitudes"].has(t) and t.xpos in ("NNS", "CD"):
        return j + 1  # "billions", "millions"
    glued = text[:1] in _CURRENCY and any(c.isdigit() for c in text)
    if text in _CURRENCY or glued:
        k = j + (1 if glued else 2)
        if not glued and (j + 1 >= len(tokens) or tokens[j + 1].xpos != "CD"):
            return -1
        return k + 1 if k < len(tokens) and lex["magnitudes"].has(tokens[k]) else k
    if t.xpos != "CD" or not any(c.isdigit() for c in text) and not lex["number-words"].has(t):
        return -1
    if text.endswith("%"):
        return j + 1
    k = j + 1
    if k < len(tokens) and (lex["shares"].has(tokens[k]) or lex["magnitudes"].has(tokens[k])):
        return k + 1
    if k + 1 < len(tokens) and lex["shares"].match_at(tokens, k) > k:
        return lex["shares"].match_at(tokens, k)
    return -1


def _forecast(lex, tokens, k: int) -> bool:
    before = tokens[max(0, k - 4):k]
    return any(t.xpos == "MD" or lex["modals"].has(t) or t.lemma.lower() in ("if", "whether", "unless")
               for t in before)


def _indicator_subject(lex, tokens, k: int) -> bool:
    """The subject before the verb at k (one noun phrase, read back to a clause boundary) is an
    indicator: its head ("consumer spending", "the income of the richest 1 percent") or a measure
    of one ("the unemployment rate"); not a modifier ("investment bank") and not one a firm or a
    person owns ("Heineken's net income": its own results, of record)."""
    found = False
    for j in range(k - 1, max(-1, k - 9), -1):
        t = tokens[j]
        if t.xpos == "POS" or t.upos == "PRON" and t.xpos == "PRP$":
            return False
        if lex["indicators"].has(t) and t.upos == "NOUN":
            nxt = tokens[j + 1]
            found = found or nxt.upos != "NOUN" or lex["measures"].has(nxt)
        elif not (t.upos in _SUBJECT or t.lemma.lower() in ("of", "in", "for") or t.xpos == "HYPH"):
            break
    return found


def change_claim(lex, tokens):
    """(start, end) of the first figure of change: an indicator, a verb of change and the
    quantity it reports."""
    changes = lex["changes"]
    for k, t in enumerate(tokens):
        if not changes.has(t) or not (t.upos == "VERB" or t.xpos.startswith("VB")):
            continue
        if not _indicator_subject(lex, tokens, k):
            continue
        if t.xpos in ("VBN", "VBG") and not any(x.upos == "AUX" for x in tokens[max(0, k - 3):k]):
            continue  # "the fallen soldiers", "rising prices": a modifier, not a report
        if _forecast(lex, tokens, k):
            continue
        for j in range(k + 1, min(len(tokens), k + 6)):
            end = _quantity(lex, tokens, j)
            if end > j:
                return k, end
            if tokens[j].upos not in _BRIDGE or tokens[j].xpos == "CD":
                break
    return None
