"""Where a ``pattern`` rule's pattern may match, found before any sentence is tokenized.

A pattern's *outline* is its required word lists in order (``TokenPattern.outline``), as one regex
that starts from the rarest list, the others checked around it in lookarounds, with room for the
tokens allowed between them. The places where the rarest list's words stand are found by
``anchored.Anchored`` (``word_finder``) and the outline is matched there; a match is one of those words, and
``anchor`` says from which tokens a match holding it may start.
"""

from __future__ import annotations

import regex

from ..read import tagged
from ..read.tokenizer import token_after, token_before
from .anchored import Anchored
from .patterns import top_level_bar, word_head
from .token_pattern import TokenPattern

# Words too frequent to start a search from: a pattern's search starts from its rarest word list.
_COMMON = frozenset("""the of and to a an in is was that for it on with as at by be he she they has have had are were from
this but not or his her their its we you i will said there been which who one all more also than can
do does did so if no into out up about over after""".split())
# The most frequent of them (several in every sentence): a list with one of them is the last choice
# ("each/either/neither/one" ... "of": from "neither", not from every "of").
_COMMONEST = frozenset("the of and to a in".split())



def word_finder(word: str) -> Anchored:
    """Where ``word`` stands in the lower-cased text (``anchored.Anchored``), with no letter or digit just
    before it if it starts with one (a clitic or a mark may touch the word before it); an apostrophe in it
    is either one."""
    return Anchored(_apostrophe_forms(word))


def _apostrophe_forms(word: str) -> list[str]:
    """``word`` with each of its straight apostrophes straight or curly (what ``['’]`` in its regex takes)."""
    forms = [""]
    for c in word:
        forms = [f + x for f in forms for x in (("'", "’") if c == "'" else (c,))]
    return forms


def words_regex(words) -> str:
    """Any of the words, whole where they begin or end with a letter (or before a clitic), either apostrophe."""
    parts = []
    for w in sorted(words, key=lambda w: (-len(w), w)):  # longest first; the same pattern in every process
        body = regex.escape(w).replace("'", "['’]")
        # A word's end may touch a clitic the tokenizer splits off ("should|n't", "can|not", "gon|na").
        end = r"(?:\b|(?=n['’]t|not\b|na\b|ta\b))" if w[-1:].isalnum() else ""
        parts.append((r"\b" if w[:1].isalnum() else "") + body + end)
    return "(?:" + "|".join(parts) + ")"


# One token of a gap: spaces or apostrophes, then a word (letters, digits, apostrophes, hyphens) or a mark.
ITEM = r"(?:[\s'’]*(?:[\w'’-]+|[^\w\s]))"
# The same, but a word that ends where no letter or digit follows: the fewest tokens that cover a text
# never end a word before a letter (the two words would be one), so the gap allows the same texts,
# but the regex no longer tries every way of cutting each word into pieces when the words after the
# gap are not there (that took some 25 microseconds a try on "before ... were").
_WHOLE_ITEM = r"(?:[\s'’]*(?:[\w'’-]+(?!\w)|[^\w\s]))"


def gap(n: int) -> str:
    """At most ``n`` tokens (``n`` > 0) and the spaces after them: as ``(?:ITEM){0,n}[\\s'’]*``, with
    every token but the last a whole word."""
    return (f"(?:{_WHOLE_ITEM}{{0,{n - 1}}}{ITEM})?" if n > 1 else f"{ITEM}?") + r"[\s'’]*"


def taker(tokens: TokenPattern, k: int) -> int:
    """The index of the token that takes the ``k``-th required word list."""
    return [i for i, t in enumerate(tokens.tokens) if not t.optional and t.words is not None][k]


def anchor(tokens: TokenPattern, k: int) -> tuple[int, int]:
    """How many tokens a match holds before the one that takes its ``k``-th required word list (fewest,
    most): the constraints before it (an optional one may be absent; each may skip tokens before its
    own, the first token's skipped ones counting as the match's), and those its own constraint skips."""
    idx = taker(tokens, k)
    fewest = sum(1 for t in tokens.tokens[:idx] if not t.optional)
    most = sum(1 + t.skip for t in tokens.tokens[:idx]) + tokens.tokens[idx].skip
    return fewest, most


def head_taker(tokens: TokenPattern, prefilter: str) -> int | None:
    """A prefilter that is a head word and lookarounds (``\\b(?:were|are)\\b(?<=...)``) hits the head word:
    when one required token takes exactly those words, the hit is that token, as with an outline (the
    index of its word list among the required ones), else None."""
    split = word_head(prefilter)
    if split is None:
        return None
    heads = set(split[0][len(r"\b(?:"):-len(r")\b")].lower().split("|"))
    lists = [t.words for t in tokens.tokens if not t.optional and t.words is not None]
    takers = [k for k, words in enumerate(lists) if heads <= words]
    return takers[0] if len(takers) == 1 else None


def gates(tokens: list, idx: int | None) -> tuple | None:
    """What the tokens either side of a hit must pass for a match where token ``idx`` takes it (a match
    where another token takes it has its own hit there): (before, after), each the constraints one of
    which the neighbouring token passes, or None where any token may stand there.

    After: the next token, its skip-over if it skips, and those after it while they are optional. Before:
    the token's own skip-over if it skips, the token before it and those before while they are
    optional. None where a skip has no skip-over, or nothing is required on that side."""
    if idx is None:
        return None
    after = _gate(tokens[idx + 1:], lambda t: (t.over, t) if t.skip else (t,))
    before = None if tokens[idx].skip and tokens[idx].over is None else _gate(tokens[idx - 1::-1] if idx else [],
                                                                              lambda t: (t,))
    if before is not None and tokens[idx].skip:
        before = (tokens[idx].over,) + before
    return None if before is None and after is None else (before, after)


def _gate(walk, takes) -> tuple | None:
    gate = []
    for t in walk:
        if any(c is None for c in takes(t)):
            return None
        gate.extend(takes(t))
        if not t.optional:
            return tuple(gate)
    return None


_NEAR_KEYS = ("_pattern_token_before", "_pattern_token_after")  # the document's caches of the two finds


def gates_pass(doc, sentence, a: int, gate: tuple) -> bool:
    """Whether the tokens either side of the one at ``a`` can pass the gates loosely ("there" before
    "were" cannot be TheirThere's noun; a hit that ends the sentence has nothing after it)."""
    text = doc.text
    if text[a].isspace():
        return True
    for side, find, key in zip(gate, (token_before, token_after), _NEAR_KEYS):
        if side is None:
            continue
        near = doc.__dict__.get(key)
        if near is None:
            near = doc.__dict__[key] = {}
        got = near.get(a, False)
        if got is False:
            got = near[a] = find(text, sentence.start, sentence.end, a)
        if got is None:
            return False
        w = tagged.word(got)
        if not any(c.test(w, True) for c in side):
            return False
    return True


# After lower(): a character of these next to a hit that is not one a neighbouring word can end or start
# with rules the hit out; any other (a mark, a letter beyond ASCII) is left to the outline's regex.
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_SPACES = frozenset(" \t\n\r\f\v")  # every one a \s of the regex


def neighbours(outline, k: int, word: str) -> tuple[frozenset | None, frozenset | None]:
    """For a search from ``word`` of the ``k``-th word list: the characters the word before a hit may end
    with, when the list before stands right next to it (no token between: only spaces), and those the
    word after may start with; None where that is not known (a gap, no list there, or a longer word of
    the list that starts with ``word`` may be what stands at the hit)."""
    lists = [words for _, words in outline]
    lasts = firsts = None
    if k > 0 and outline[k][0] == 0:
        lasts = frozenset(w[-1].lower() for w in lists[k - 1])
    if k + 1 < len(lists) and outline[k + 1][0] == 0 and not any(w != word and w.startswith(word) for w in lists[k]):
        firsts = frozenset(w[0].lower() for w in lists[k + 1])
    return lasts, firsts


def near_places(low: str, places: list[int], n: int, lasts, firsts) -> list[int]:
    """The ``places`` (of an ``n``-character start word in the lower-cased text) where the characters next to
    the word, past any spaces, can be those of ``neighbours``: the outline matched only there finds the
    same, for a fraction of the calls ("it" before "'s": most words before a possessive end in another letter)."""
    out = []
    size = len(low)
    for i in places:
        if lasts is not None:
            j = i - 1
            while j >= 0 and low[j] in _SPACES:
                j -= 1
            if j < 0 or (low[j] in _ALNUM and low[j] not in lasts):
                continue
        if firsts is not None:
            j = i + n
            while j < size and low[j] in _SPACES:
                j += 1
            if j >= size or (low[j] in _ALNUM and low[j] not in firsts):
                continue
        out.append(i)
    return out


_LITERAL_HEAD = regex.compile(r"(\(\?i\))?\\b([a-z]+(?:\['’\]|\['’\]|\[’'\])?[a-z]*)(?![?*+{])")


def literal_head(prefilter: str) -> str | None:
    r"""The word every match of a prefilter opens with, when it is ``\b`` and plain letters (with an
    apostrophe, either one: ``\bit['’]s``) and nothing at its top level is another choice: where that word
    stands is then where the prefilter may match (``(?i)\bthen\b(?<=...)``). None otherwise."""
    m = _LITERAL_HEAD.match(prefilter)
    if m is None or top_level_bar(prefilter):
        return None
    word = regex.sub(r"\[['’]+\]", "'", m.group(2))
    return word if word.count("'") <= 1 and word[-1:] != "'" else None


def outline_regex(outline) -> tuple[str, frozenset[str], int]:
    """Where a pattern may match: its required words in order, with room for the tokens allowed between
    them (adjacent ones may touch: "it's" is two tokens). The
    search starts from the shortest word list, the others checked around it, so the scan is quick."""
    lists = [words for _, words in outline]
    k = min(range(len(lists)), key=lambda i: (sum(10_000 if w in _COMMONEST else 1000 if w in _COMMON else 1
                                                  for w in lists[i]), len(lists[i])))

    def room(n: int) -> str:  # n tokens at most: words (with their apostrophes and hyphens) or marks
        return r"\s*" if n == 0 else gap(n)

    before = "".join(words_regex(lists[i]) + room(outline[i + 1][0]) for i in range(k))
    after = "".join(room(outline[i][0]) + words_regex(lists[i]) for i in range(k + 1, len(lists)))
    return ((f"(?<={before})" if before else "") + words_regex(lists[k]) + (f"(?={after})" if after else ""),
            lists[k], k)
