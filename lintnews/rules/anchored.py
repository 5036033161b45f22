"""A case-insensitive alternation of cues found from the literal words each cue opens with.

The attribution kind's sources (``\\b(?:said|says|according to|...)\\b``, sixty cues with ``(?i)``)
cost the ``regex`` engine a try at every position of the text: 0.07 s over 400 edited articles.
Every match starts where the lower-cased text holds one of the cues' leading letters ("said",
"according to", "it is "), so an Aho-Corasick automaton finds those places in one pass at C speed and
the pattern is matched only there, left to right, each match resuming after the last as ``finditer``
does: the same matches. A cue that does not open with at least two plain letters (a class, a group,
an optional first letter), a verbose or inline flag, or a text whose lower case moves offsets or holds
a letter that case-folds to an ASCII one without lower-casing to it (the long s, "ſ") gives None:
the caller scans the whole text.
"""

from __future__ import annotations

from ..read import compiled as _compiled
from .patterns import _timed_out, _timeout
from .wordlist import automaton

_LITERAL = _compiled.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
# After a head's last letter: a quantifier that may leave that letter out.
_OPTIONAL_AFTER = "?*{"
# Folds to an ASCII letter under (?i) but lower-cases to itself: not found in the lower-cased text.
_FOLDS_TO_ASCII = "ſ"


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


def heads(cues: list[str]) -> list[str] | None:
    """The lower-case letters (and single spaces between words) every match of each cue opens with,
    or None when some cue has no such head of at least two letters. A cue may open with a group of
    such alternatives ("(?:critics|analysts) say")."""
    out = []
    for cue in cues:
        if "(?" in cue.replace("(?:", "").replace("(?=", "").replace("(?!", "").replace("(?<", ""):
            return None  # an inline flag: (?x) would make the spaces mean nothing
        got = _heads(cue)
        if got is None:
            return None
        out.extend(got)
    return out


def _heads(cue: str) -> list[str] | None:
    alternatives = _top_level(cue)
    if alternatives is None:
        return None
    out = []
    for alt in alternatives:
        m = _LITERAL.match(alt)
        if m is None:
            got = _group_heads(alt)
            if got is None:
                return None
            out.extend(got)
            continue
        head = m.group().lower()  # the pattern is matched case-insensitively (see Anchored)
        if m.end() < len(alt) and alt[m.end()] in _OPTIONAL_AFTER:
            head = head[:-1]
        head = head.rstrip(" ")
        if len(head) < 2:
            return None
        out.append(head)
    return out


def _group_heads(alt: str) -> list[str] | None:
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
                inner = _heads(alt[3:i])
                after = alt[i + 1:i + 2]
                if inner is None or after in ("*", "{"):
                    return None
                if after != "?":
                    return inner
                rest = _heads(alt[i + 2:])
                return None if rest is None else inner + rest
    return None


class Anchored:
    """Where the heads stand in a lower-cased text, by one automaton (built on first use), for a
    pattern matched case-insensitively."""

    def __init__(self, heads: list[str]):
        self.heads = sorted(set(heads))
        self._auto = None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_auto": None}  # built again where it is used

    def places(self, text: str, lower: str | None, bounded: bool = True) -> list[int] | None:
        """Sorted offsets where a head starts (``bounded``: with no ASCII letter, digit or underscore
        just before it, for a pattern that opens with ``\\b`` or a look-behind for no word character),
        or None when the lower-cased text cannot stand for the text."""
        if lower is None or _FOLDS_TO_ASCII in text:
            return None
        if self._auto is None:
            self._auto = automaton(self.heads)
        out = set()
        for last, n in self._auto.iter(lower):
            start = last - n + 1
            if not bounded or start == 0 or not (lower[start - 1].isascii() and (lower[start - 1].isalnum() or lower[start - 1] == "_")):
                out.add(start)
        return sorted(out)


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
