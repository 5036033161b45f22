"""How far a named study or a sourced figure reaches, for the ``attribution`` kind.

A share, a poll figure or a reported figure is sourced by a study (a poll, a
survey, the official figures) only where a reader can tell that the figure is
that study's. Two blind readers of the tune half (docs/evaluation.md, branch
claims5) asked "says who?" of shares and turnout figures in articles that had
named some other poll paragraphs earlier, and read as sourced a figure in a
story about one study, or right after a sentence that gave a sourced figure.
So a study reaches a figure (``study-reach: lede``) when it is named

* in the title or the first paragraph of the body (the story reports it), or
* earlier in the figure's own paragraph, or in the next sentence of it
  ("..., the poll found"), or
* in an earlier paragraph when every paragraph from there to the figure's
  states a figure too: a run of results ("About four in 10 said ...") goes on
  with the study that opened it, and a paragraph with no figure ends the run.

``study-reach: article`` keeps the older reach: any study named anywhere
before the figure.

A figure also continues a sourced figure (``continued``): the sentence before
it in its paragraph names a source and states a figure of the same kind
itself, a share after a share, an amount after an amount, a count after a
count ("Envisional said 18% of downloaders were from the UK. About 70% were
using BitTorrent."). Only structure is read: tags, the rule's own word lists
and source cues.
"""

from __future__ import annotations

from . import figures
from .claims import _YEAR
from .prefilter import any_in



def lede_end(text: str, lines: int) -> int:
    """Where the top of the story ends: the title line and the first ``lines`` lines with words
    after it (news copy keeps a paragraph on one line; a standfirst or a short lede may come
    before the paragraph that names the study)."""
    end = text.find("\n")
    while end >= 0 and lines > 0:
        start = end + 1
        end = text.find("\n", start)
        if text[start:len(text) if end < 0 else end].strip():
            lines -= 1
    return len(text) if end < 0 else end


def study_reaches(text: str, starts: list[int], lede: int | None, figures: list[int], sentences, i: int) -> bool:
    """A study named at one of the sorted ``starts`` reaches sentence i of its paragraph: in the
    title or the lede (``lede``, its end; None for the older reach, anywhere before), earlier in
    the paragraph, in the next sentence of it, or at the head of a run of paragraphs (lines) that
    each state a figure (``figures``: the sorted starts of digits and number words)."""
    here = sentences[i]
    if i + 1 < len(sentences) and any_in(starts, here.end, sentences[i + 1].end):
        return True
    if lede is None:
        return any_in(starts, 0, here.start)
    if any_in(starts, 0, min(lede, here.start)) or any_in(starts, sentences[0].start, here.start):
        return True
    return _run(text, starts, figures, text.rfind("\n", 0, sentences[0].start), -1, lede) \
        or _run(text, starts, figures, text.find("\n", sentences[-1].end), 1, lede, 1)


def _run(text: str, starts: list[int], figures: list[int], at: int, step: int, lede: int, lines: int = -1) -> bool:
    """From the line break at ``at``, line by line back (``step`` -1) or on (1, at most ``lines``
    lines with words) over lines that each state a figure: whether one names a study before a
    line with no figure ends the run."""
    while at > lede and lines != 0:
        if step < 0:
            start, end = text.rfind("\n", 0, at) + 1, at
        else:
            start, end = at + 1, text.find("\n", at + 1)
            end = len(text) if end < 0 else end
        if start < end and text[start:end].strip():  # a line with words: it names the study, or states a figure
            if any_in(starts, start, end):
                return True
            if not any_in(figures, start, end):
                return False
            lines -= 1
        at = start - 1 if step < 0 else (end if end < len(text) else -1)
    return False


def figure_kinds(lex, tokens, lo: int = 0, hi: int | None = None) -> set[str]:
    """The kinds of figure tokens[lo:hi] state: ``share`` (a number with a share unit: "18%",
    "40 percent", "nine out of 10"), ``money`` (an amount with a currency sign or a magnitude:
    "$1bn", "120m euros") and ``count`` (a number that counts a noun: "14 people", "210,000
    civilians"; not a year, an age between commas, a duration or a date)."""
    hi = len(tokens) if hi is None else min(hi, len(tokens))
    out = set()
    for k in range(max(0, lo), hi):
        t = tokens[k]
        if figures.money_end(lex, tokens, k) > k:
            out.add("money")
            continue
        if t.xpos != "CD" and not lex["number-words"].has(t) or _YEAR.match(t.text):
            continue
        if lex["shares"].match_at(tokens, k + 1) > k + 1:
            out.add("share")
            continue
        after = tokens[k + 1:k + 3]
        if after and not lex["units"].has(after[0]) and not lex["not-parties"].has(after[0]) \
                and any(a.upos == "NOUN" and not lex["units"].has(a) for a in after):
            out.add("count")
    return out


def continued(lex, tokens, claim: tuple[int, int], before, names_source) -> bool:
    """A figure claim (its tokens ``claim``, start and end) goes on from the sentence before it in its
    paragraph (``before()``, its tokens, tagged only when the claim states a figure of a kind) when
    that sentence names a source of its own (``names_source(tokens, k)``: a speech or finding verb,
    not a process word such as "accused") and states a figure of the same kind: "Envisional said
    18% of downloaders were from the UK. About 70% were using BitTorrent." A figure of another kind
    ("estimates place the cost at $4.4 trillion" before a death toll) is the writer's own."""
    kinds = figure_kinds(lex, tokens, claim[0] - 1, claim[1] + 2)
    if not kinds:
        return False
    earlier = before()
    if not any(names_source(earlier, k) and not lex["process"].has(earlier[k]) for k in range(len(earlier))):
        return False
    return bool(kinds & figure_kinds(lex, earlier))
