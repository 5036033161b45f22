"""Compiling user-supplied patterns once, and running them with a timeout.

Patterns come from YAML and word lists, so they are untrusted: every one,
whatever key or file it comes from, compiles here (``compile_pattern``) with
the ``regex`` package (which also gives ``\\p{L}`` classes and variable-length
look-behind), and every search runs through the functions below with a
timeout (cut to the article's time left, see ``budget``), so one
catastrophic pattern cannot hang a run. Compiling cannot be interrupted
(``a{4294967294}`` would spend minutes and gigabytes inside the ``regex``
package), so a pattern whose counted repeats multiply out past
``MAX_EXPANSION`` is refused before it is compiled. A pattern compiled once
is rebuilt from the per-user cache in later runs (``read/compiled.py``).
"""

from __future__ import annotations

import os

import regex

from ..errors import RuleError
from ..read import compiled
from . import budget
from ..read import compiled as _compiled

# Seconds one rule may spend matching one document.
TIMEOUT = float(os.environ.get("LINTNEWS_REGEX_TIMEOUT", "2.0"))


class PatternTimeout(Exception):
    def __init__(self, rule_id: str, what: str | None = None):
        self.rule_id = rule_id
        super().__init__(f"{what or f'rule {rule_id}'}: pattern timed out after {TIMEOUT:g}s")


def _timeout() -> tuple[float, bool]:
    """The timeout for one search: ``TIMEOUT``, or the article's time left if less (then True); raises
    ``budget.OutOfTime`` when none is left (``cap`` does, so no ``budget.check()`` first: one clock read,
    not two, for each of the 35,000 searches of 400 articles)."""
    return budget.cap(TIMEOUT)


def _timed_out(rule_id: str, cut: bool, what: str | None = None) -> Exception:
    return budget.OutOfTime() if cut else PatternTimeout(rule_id, what)


# How many copies of its pieces a pattern's counted repeats ({n}, {n,m}) may make in all.
MAX_EXPANSION = 100_000
_COUNTED = _compiled.compile(r"\{(\d*)(?:,(\d*))?\}")
_VERBOSE = _compiled.compile(r"\(\?[a-zA-Z]*x")
_FLAGS = _compiled.compile(r"\(\?[a-zA-Z^-]*\)")  # (?i): no group
_GROUP = _compiled.compile(r"\((?:\?(?:P?<(?![=!])[^>]*>|<[=!]|[=!:>|]|[a-zA-Z^-]*:))?")  # ( (?: (?P<n> (?<= ...


def compile_pattern(pattern: str, *, where: str, rule_id: str = "", key: str = "", flags: int = 0,
                    what: str | None = None, keep: bool = True):
    """``pattern`` compiled; a one-line :class:`RuleError` naming ``where`` and the rule's key (or
    ``what``) if it does not compile or would expand past ``MAX_EXPANSION``. ``keep=False``: not kept in
    the per-user cache (a pattern a Vale script builds as it runs, which would evict the rules')."""
    known = compiled.cached(pattern, flags) if keep else None  # compiled before (this version): within the limit
    if known is not None:
        return known
    what = what or f"rule {rule_id}: key '{key}'"
    shown = pattern if len(pattern) <= 80 else pattern[:77] + "..."
    if expansion(pattern, verbose=bool(flags & regex.VERBOSE)) > MAX_EXPANSION:
        raise RuleError(where, f"{what}: regex {shown!r} repeats too much (its counted repeats make over "
                               f"{MAX_EXPANSION:,} copies): use a smaller count, or + or *")
    try:
        return compiled.compile(pattern, flags) if keep else regex.compile(pattern, flags)  # the cache when it can
    except (regex.error, TypeError, ValueError, OverflowError) as exc:
        raise RuleError(where, f"{what}: bad regex {shown!r}: {exc}") from None


def expansion(pattern: str, verbose: bool = False) -> int:
    """Roughly how many pieces the pattern compiles to, with each counted repeat written out.

    A character, class or escape is one piece; a group is what it holds; ``{n,m}`` multiplies what it
    repeats by its larger bound. Stops counting once past ``MAX_EXPANSION``.
    """
    verbose = verbose or _VERBOSE.search(pattern) is not None
    groups = [[0, 0]]  # for each open group: pieces so far, pieces of the last item (what a count repeats)
    i, n = 0, len(pattern)
    while i < n:
        c, piece = pattern[i], 1
        if c == "\\":
            i += 2
            if pattern[i - 1:i] in ("p", "P", "N", "x", "u", "U", "g") and pattern[i:i + 1] == "{":
                i = pattern.find("}", i) + 1 or n
        elif c == "[":
            i = _class_end(pattern, i)
        elif c == "(" and (pattern.startswith("(?#", i) or _FLAGS.match(pattern, i)):
            i = pattern.find(")", i) + 1 or n
            continue
        elif c == "(":
            groups.append([0, 0])
            i = _GROUP.match(pattern, i).end()
            continue
        elif c == ")":
            piece = max(groups.pop()[0], 1) if len(groups) > 1 else 1
            i += 1
        elif c == "{" and (m := _COUNTED.match(pattern, i)) and (m.group(1) or m.group(2)):
            top = groups[-1]
            count = max(int(m.group(1) or 0), int(m.group(2) or 0))
            top[0] += top[1] * (count - 1)
            top[1] *= count
            if top[0] > MAX_EXPANSION:
                return top[0]
            i = m.end()
            continue
        elif c in "*+?|" or (verbose and c.isspace()):
            groups[-1][1] = 0 if c == "|" else groups[-1][1]
            i += 1
            continue
        elif verbose and c == "#":
            i = pattern.find("\n", i) + 1 or n
            continue
        else:
            i += 1
        top = groups[-1]
        top[0] += piece
        top[1] = piece
    return sum(g[0] for g in groups)


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opening at ``i`` ends (just after its ``]``)."""
    j = i + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
        elif pattern[j] == "]":
            return j + 1
        else:
            j += 1
    return len(pattern)


def word_alternation(tokens: list[str], *, nonword: bool, ignorecase: bool) -> str:
    """One pattern for a whole word list, longest first, with word boundaries.

    Tokens are regex fragments (as in Vale). Sorting longest first lets
    "Islamic State group" win over "Islamic State".
    """
    parts = sorted(tokens, key=len, reverse=True)
    body = "|".join(f"(?:{t})" for t in parts)
    pattern = f"(?:{body})" if nonword else rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"
    return ("(?i)" if ignorecase else "") + pattern


# Matches collected before any is handed on (see finditer).
BATCH = 256


def finditer(compiled, text: str, rule_id: str, pos: int = 0, endpos: int | None = None, overlapped: bool = False):
    """The matches in ``text[pos:endpos]``, as ``compiled.finditer`` gives them.

    The ``regex`` package's clock keeps running while its iterator waits for the caller, so a rule
    that does much work between matches (tagging, looking words up) on a long article timed out
    with a pattern that had done almost nothing. Matches are taken a batch at a time, each batch
    under its own timeout, before the caller sees any; the next batch starts where the last match
    left off, which finds the same matches.
    """
    endpos = len(text) if endpos is None else endpos
    if compiled.flags & regex.REVERSE:  # matches run backwards: one pass, as the package gives them
        yield from _collect(compiled, text, rule_id, pos, endpos, overlapped, None)
        return
    while True:
        batch = _collect(compiled, text, rule_id, pos, endpos, overlapped, BATCH)
        yield from batch
        if len(batch) < BATCH or (not overlapped and batch[-1].end() == batch[-1].start()):
            return
        pos = batch[-1].start() + 1 if overlapped else batch[-1].end()
        if pos > endpos:
            return


def _collect(compiled, text: str, rule_id: str, pos: int, endpos: int, overlapped: bool, most: int | None):
    """Up to ``most`` matches (more while the last is empty), taken under one timeout."""
    found = []
    timeout, cut = _timeout()
    try:
        for m in compiled.finditer(text, pos, endpos, overlapped=overlapped, timeout=timeout):
            found.append(m)
            if most is not None and len(found) >= most and (overlapped or m.end() > m.start()):
                break
    except TimeoutError:
        raise _timed_out(rule_id, cut) from None
    return found


def search(compiled, text: str, rule_id: str, pos: int = 0, endpos: int | None = None):
    timeout, cut = _timeout()
    try:
        return compiled.search(text, pos, len(text) if endpos is None else endpos, timeout=timeout)
    except TimeoutError:
        raise _timed_out(rule_id, cut) from None


def fullmatch(compiled, text: str, rule_id: str, what: str | None = None):
    """Whether the whole text matches (``what`` names the pattern's owner when it is no rule)."""
    timeout, cut = _timeout()
    try:
        return compiled.fullmatch(text, timeout=timeout)
    except TimeoutError:
        raise _timed_out(rule_id, cut, what) from None


def sub(compiled, replacement, text: str, rule_id: str) -> str:
    """``text`` with each match replaced by ``replacement`` (a template, or a function of the match), under the
    timeout."""
    timeout, cut = _timeout()
    try:
        return compiled.sub(replacement, text, timeout=timeout)
    except TimeoutError:
        raise _timed_out(rule_id, cut) from None


def match(compiled, text: str, rule_id: str, pos: int = 0, endpos: int | None = None):
    """Match anchored at ``pos``."""
    timeout, cut = _timeout()
    try:
        return compiled.match(text, pos, len(text) if endpos is None else endpos, timeout=timeout)
    except TimeoutError:
        raise _timed_out(rule_id, cut) from None


def match_each(compiled, text: str, rule_id: str, places: list[int]) -> list:
    """The matches anchored at each of ``places`` (in order, where there is one), under one timeout
    each, cut once to the article's time left: a pattern tried at a hundred places pays for one."""
    timeout, cut = _timeout()
    at = compiled.match
    try:
        return [m for m in (at(text, i, timeout=timeout) for i in places) if m is not None]
    except TimeoutError:
        raise _timed_out(rule_id, cut) from None


_WORD_HEAD = _compiled.compile(r"\\b\(\?:[a-zA-Z]+(?:\|[a-zA-Z]+)*\)\\b")
_LOOKAROUND = ("(?<=", "(?<!", "(?=", "(?!")


def word_head(pattern: str) -> tuple[str, str] | None:
    r"""``pattern`` as a head ``\b(?:was|is|has)\b`` (plain words: at most one of them matches at a
    place, in one way) and a tail of lookarounds only (so a match is the head word), or None.
    Patterns with the same head can then be tested in one scan (see ``kinds/pattern.py``)."""
    head = _WORD_HEAD.match(pattern)
    if head is None or head.end() == len(pattern) or lookarounds(pattern[head.end():]) is None:
        return None
    return pattern[:head.end()], pattern[head.end():]


def lookarounds(tail: str) -> list[str] | None:
    """``tail`` cut into its top-level lookarounds, in order, or None if it is not lookarounds only."""
    out, j = [], 0
    while j < len(tail):
        if not tail.startswith(_LOOKAROUND, j):
            return None
        depth, end = 0, None
        for i, ch in _plain_chars(tail, j):
            depth += (ch == "(") - (ch == ")")
            if ch == ")" and depth == 0:
                end = i + 1
                break
        if end is None:
            return None
        out.append(tail[j:end])
        j = end
    return out


def top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group (an alternative to the whole of it)."""
    depth = 0
    for _, ch in _plain_chars(pattern):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            return True
    return False


def _plain_chars(pattern: str, j: int = 0):
    """The characters of ``pattern`` from ``j`` on that are neither escaped nor in a class, with their offsets."""
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j += 2
        elif ch == "[":
            j = _class_end(pattern, j)
        else:
            yield j, ch
            j += 1
