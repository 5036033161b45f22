"""A pattern's heads (the literal letters every match of it opens with) and where they stand in a text.

One reader of heads and one finder of their places, for every pattern matched only where its heads
stand, not tried at every position: the attribution kind's sources and vague sources
(``\\b(?:said|says|according to|...)\\b``, sixty cues with ``(?i)``: a ``regex`` try at every position
cost 0.07 s over 400 edited articles) and its claim cues, and the existence kind's tokens
(News.VagueSource), whose heads ``heads`` reads; and the pattern kind's start words, which its outline
gives (``outline.word_finder``).

``heads`` reads a cue list: each cue's leading letters ("said", "according to", "it is "), a group of
such alternatives ("(?:critics|analysts) say"), an optional group adding what follows it; a cue that
does not open with at least ``min_length`` plain letters (a class, an optional first letter), or a
verbose or inline flag, gives None. ``Anchored.places`` finds where the heads stand in the lower-cased
text: a string search for a few heads, one Aho-Corasick pass at C speed for more. The places are a
superset of where a case-insensitive match can start (a head that opens with a letter or digit needs no
ASCII letter, digit or underscore before it: what ``\\b`` also refuses, and more); ``matches_from`` then
matches the pattern there, left to right, each match resuming after the last as ``finditer`` does: the
same matches. A text whose lower case moves offsets or holds a letter that case-folds to an ASCII one
without lower-casing to it (the long s, "ſ") gives None: the caller scans the whole text.
"""

from __future__ import annotations

import string

from ..read import compiled as _compiled
from .patterns import _timed_out, _timeout
from .wordlist import automaton

_LITERAL = _compiled.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
# After a head's last letter: a quantifier that may leave that letter out.
_OPTIONAL_AFTER = "?*{"
# Folds to an ASCII letter under (?i) but lower-cases to itself: not found in the lower-cased text.
_FOLDS_TO_ASCII = "ſ"
# Up to this many heads, one string search each is quicker than one automaton pass (1.4 against 4.5
# microseconds for one word over an edited article).
_FEW = 4
# Just before a head that opens with a letter or digit, one of these leaves no place for a match that
# opens with \b (a letter beyond ASCII, a mark, is kept: the match decides).
_ASCII_WORD = frozenset(string.ascii_letters + string.digits + "_")


def _top_level(cue: str) -> list[str] | None:
    """The cue's alternatives at its top level (``says|states``), or None when it cannot be read."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(cue):
        ch = cue[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if cue[i + 1:i + 2] == "]":
                i += 1  # "[]...]": the first ] is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(cue[start:i])
            start = i + 1
        i += 1
    if depth or in_class:
        return None
    return parts + [cue[start:]]


def heads(cues: list[str], min_length: int = 2) -> list[str] | None:
    """The lower-case letters (and single spaces between words) every match of each cue opens with,
    or None when some cue has no such head of at least ``min_length`` characters. A cue may open with a
    group of such alternatives ("(?:critics|analysts) say")."""
    out = []
    for cue in cues:
        if "(?" in cue.replace("(?:", "").replace("(?=", "").replace("(?!", "").replace("(?<", ""):
            return None  # an inline flag: (?x) would make the spaces mean nothing
        got = _heads(cue, min_length)
        if got is None:
            return None
        out.extend(got)
    return out


def bounded_heads(pattern: str, min_length: int = 2) -> list[str] | None:
    """The heads of a pattern that opens with ``\\b`` and is one alternative at its top level (a claim
    cue: ``\\b(?:crisis|protests?)\\s+began``), found where no word character stands before them; else
    None (``\\bwar|conflict``: the second alternative has no ``\\b``)."""
    if not pattern.startswith("\\b"):
        return None
    parts = _top_level(pattern)
    if parts is None or len(parts) != 1:
        return None
    return heads([pattern[2:]], min_length)


def _heads(cue: str, min_length: int) -> list[str] | None:
    alternatives = _top_level(cue)
    if alternatives is None:
        return None
    out = []
    for alt in alternatives:
        m = _LITERAL.match(alt)
        if m is None:
            got = _group_heads(alt, min_length)
            if got is None:
                return None
            out.extend(got)
            continue
        head = m.group().lower()  # the pattern is matched case-insensitively (see Anchored)
        if m.end() < len(alt) and alt[m.end()] in _OPTIONAL_AFTER:
            head = head[:-1]
        head = head.rstrip(" ")
        if len(head) < min_length:
            return None
        out.append(head)
    return out


def _group_heads(alt: str, min_length: int) -> list[str] | None:
    """The heads of an alternative that opens with a ``(?:...)`` group: the group's, and when the group
    may be left out ("(?:some )?critics say"), those of what follows it too."""
    if not alt.startswith("(?:"):
        return None
    depth = 0
    for i, ch in enumerate(alt):
        if ch == "\\" or ch == "[":
            return None  # kept simple: a group of plain words is all this reads
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                inner = _heads(alt[3:i], min_length)
                after = alt[i + 1:i + 2]
                if inner is None or after in ("*", "{"):
                    return None
                if after != "?":
                    return inner
                rest = _heads(alt[i + 2:], min_length)
                return None if rest is None else inner + rest
    return None


class Anchored:
    """Where the heads stand in a lower-cased text, for a pattern matched case-insensitively: one string
    search per head for a few, else one automaton (built on first use)."""

    def __init__(self, heads):
        self.heads = sorted(set(heads))
        self._auto = None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_auto": None}  # built again where it is used

    def places(self, text: str, lower: str | None, bounded: bool = True) -> list[int] | None:
        """Sorted offsets where a head starts (``bounded``: a head that opens with a letter or digit with
        no ASCII letter, digit or underscore just before it, for a pattern that opens with ``\\b`` or a
        look-behind for no word character), or None when the lower-cased text cannot stand for the text."""
        if not readable(text, lower):
            return None
        heads = self.heads
        if len(heads) <= _FEW:
            if len(heads) == 1:
                return _searched(lower, heads[0], bounded and heads[0][:1].isalnum())
            return sorted({i for head in heads for i in _searched(lower, head, bounded and head[:1].isalnum())})
        if self._auto is None:
            self._auto = automaton(heads)
        out = set()
        for last, n in self._auto.iter(lower):
            start = last - n + 1
            if not bounded or start == 0 or lower[start - 1] not in _ASCII_WORD or not lower[start].isalnum():
                out.add(start)
        return sorted(out)


def finder(heads: list[str] | None) -> Anchored | None:
    """The finder of ``heads`` as ``heads`` or ``bounded_heads`` read them, or None when there are none."""
    return Anchored(heads) if heads else None


def _searched(lower: str, head: str, bounded: bool) -> list[int]:
    out = []
    find = lower.find
    i = find(head)
    while i != -1:
        if not bounded or i == 0 or lower[i - 1] not in _ASCII_WORD:
            out.append(i)
        i = find(head, i + 1)
    return out


def readable(text: str, lower: str | None) -> bool:
    """Whether ``lower``, the lower-cased ``text`` (None when lower-casing moved offsets), holds a match
    of a case-insensitive pattern wherever ``text`` does: not when ``text`` holds a long s. The last
    text's answer is kept (several rules ask about one article)."""
    global _last_long_s
    if lower is None:
        return False
    if _last_long_s[0] is not text:
        _last_long_s = (text, _FOLDS_TO_ASCII in text)
    return not _last_long_s[1]


_last_long_s: tuple[str | None, bool] = (None, False)


def matches_from(compiled, text: str, rule_id: str, places: list[int]) -> list:
    """The matches ``finditer`` gives when every match starts at one of the sorted ``places``: the
    pattern matched at each place from the end of the last match on, under one timeout."""
    timeout, cut = _timeout()
    at = compiled.match
    out, after = [], 0
    try:
        for p in places:
            if p < after:
                continue
            m = at(text, p, timeout=timeout)
            if m is not None:
                out.append(m)
                after = max(m.end(), p + 1)
    except TimeoutError:
        raise _timed_out(rule_id, cut) from None
    return out
