"""Where Vale reports a match in a list item or block quote that runs over several lines.

Vale does not keep a match's offset: it looks for the matched text in the file again
(core/file.go AddAlert). A list item's or block quote's block is placed through ``assignLoc``: the
line it searches is the block's line, which the HTML walker sets to the block's last line
(lint/walk.go ``advance``), and the column is the first occurrence of the matched text there, as
a whole word (core/location.go ``initialPosition``: ``(?:^|\\b|_)text(?:_|\\b|$)``, an occurrence
next to a backtick or hyphen passed over when there are others). After each alert the first
occurrence of its text is masked, so the next alert of the rule looks further; an alert whose
place is taken already is dropped (one alert per line, column and rule). So "> I love a
oBservability.\\n> It's oBservability !" gives one alert, on the second line: both matches land
there. A match whose text is not on the last line is left where it is (Vale's fallback, FindLoc,
searches the whole file and finds it there).

:func:`first_place` is that search (the consistency kind uses it too). :func:`placed` applies this to
the findings of a Vale rule that reports matched text (existence, substitution, spelling, and Vale's
built-in rules of those kinds); a finding moved to the place Vale reports keeps its fix, moved with
it (the text there is the same).
"""

from __future__ import annotations

from dataclasses import replace

from . import vale_scopes
from ..findings import Edit, Fix

_MATCHED_TEXT = frozenset({"existence", "substitution", "spelling"})
_PLACED_BY_LINE = frozenset({"list", "blockquote"})  # Vale's tagToScope blocks that can span lines
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _wordish(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "_")  # Go's \w, which its \b reads


def _bounded(ctx: str, i: int, e: int, start: int) -> bool:
    """Vale's ``(?:^|\\b|_)match(?:_|\\b|$)`` at [i, e) of ``ctx`` as Go reads it, what lies before
    ``start`` masked (Vale's ``@``: no word character)."""
    if i == 0:
        before = True
    elif i == start:
        before = _wordish(ctx[i])  # the '@' before: a boundary only before a word character
    else:
        before = ctx[i - 1] == "_" or _wordish(ctx[i - 1]) != _wordish(ctx[i])
    after = e >= len(ctx) or ctx[e] == "_" or _wordish(ctx[e - 1]) != _wordish(ctx[e])
    return before and after


def first_place(ctx: str, match: str, start: int = 0) -> int:
    """Where core/location.go's initialPosition finds ``match`` in ``ctx`` (an offset of ``ctx``), or -1;
    what lies before ``start`` is masked, as Vale masks what precedes the block. The first occurrence
    as a whole word, a straight quote in ``match`` matching a curly one in ``ctx`` (quoteTolerantPattern;
    a curly one only itself); one with a backtick or hyphen just before it or the second character
    after it is passed over when there are others (Vale's workaround for code spans, #673); else
    the first occurrence at all."""
    norm, want = ctx.translate(_STRAIGHT), match.translate(_STRAIGHT)
    curly = [(k, c) for k, c in enumerate(match) if c != want[k]]
    hits, i = [], norm.find(want, start)
    while i >= 0 and want:
        e = i + len(want)
        if _bounded(norm, i, e, start) and all(ctx[i + k] == c for k, c in curly):
            hits.append((i, e))
            i = norm.find(want, e)  # Go's FindAll: the next match after this one's end
        else:
            i = norm.find(want, i + 1)
    if not hits:
        return ctx.find(match, start)
    for s, e in hits:
        before, after = s - 1, e + 1  # as Vale looks: the character before, the second after
        if before > 0 and before >= start and ctx[before] in "`-" or after < len(ctx) and ctx[after] in "`-":
            continue
        return s
    return hits[0][0]


def placed(rule, doc, findings: list) -> list:
    """The findings of one Vale rule where Vale reports them, one per place (see the module's doc)."""
    if rule.name in _MATCHED_TEXT and findings:
        findings = _by_last_line(rule, doc, findings)
    return vale_scopes.once_per_place(findings)


def _by_last_line(rule, doc, findings: list) -> list:
    text = doc.text
    masked: dict[tuple[int, int], list[str]] = {}  # per block: its text, with alerts' first occurrences masked
    out = []
    for f in findings:
        unit = vale_scopes.unit_of(rule, doc, f.start, f.end)
        if unit is None or not (_PLACED_BY_LINE & unit[2]) or not f.text or "\n" in f.text:
            out.append(f)
            continue
        lo, hi = unit[0], unit[1]
        last = text.rfind("\n", lo, hi) + 1
        if last <= lo:
            out.append(f)  # one line: Vale finds the match where it is
            continue
        chars = masked.setdefault((lo, hi), list(text[lo:hi]))
        line = "".join(chars[last - lo:])
        col = first_place(line, f.text)
        if col >= 0 and last + col != f.start:
            f = _moved(f, last + col - f.start)
        block = "".join(chars)
        at = block.find(f.text)
        if at >= 0:
            chars[at:at + len(f.text)] = "#" * len(f.text)
        out.append(f)
    return out


def _moved(f, delta: int):
    """``f`` at ``delta`` characters on, its fix too when it edits only the matched text."""
    fix = f.fix
    if fix is not None:
        if all(f.start <= e.start and e.end <= f.end for e in fix.edits):
            fix = Fix(tuple(Edit(e.start + delta, e.end + delta, e.content) for e in fix.edits), fix.applicability,
                      fix.title)
        else:
            fix = None
    return replace(f, start=f.start + delta, end=f.end + delta, fix=fix)
