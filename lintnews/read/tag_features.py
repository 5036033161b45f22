"""The tagger's features: the strings whose weights ``read/tagger.py``'s perceptron adds up.

``word_features`` and ``tag_features`` are the features of word ``i`` as
``scripts/train_tagger.py`` trained on them: the word itself (normalized
form, lower case, prefixes, suffixes, shape, ambiguity class), the two words
either side, and the two tags predicted before it. The ``*_slot`` functions
below give the same features grouped by the one word (or pair of words, or
tags) each reads, so ``read/tag_scores.py`` can keep each group's weights
summed with the word; tests check the groups add up to the same features.
"""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"[\d.,:]*\d[\d.,:]*\Z")
PADDING = ("-S2-", "-S1-", "-E1-", "-E2-")  # the words before the first and after the last


def normalize(word: str) -> str:
    """The form the features see: straight quotes, digits folded (``!YEAR``, ``!NUM``, ``00th``)."""
    if not word.isascii():  # the quotes straightened are none of them ASCII
        word = word.translate(_QUOTES)
    if not _DIGIT.search(word):
        return word
    if _NUMBER.match(word):
        return "!YEAR" if len(word) == 4 and word.isdigit() else "!NUM"
    return _DIGIT.sub("0", word)


def shape(word: str) -> str:
    """``Xx`` for Paris, ``X.X.`` for U.S., ``x-x`` for well-known: letter classes with runs collapsed."""
    got = _SHAPES.get(word)
    if got is None:
        got = _shape(word)
        if len(_SHAPES) < 100_000:
            _SHAPES[word] = got
    return got


_SHAPES: dict[str, str] = {}


def _shape(word: str) -> str:
    """The classes of the first 12 characters, a run of one class (or character) written once, as
    ``re.sub(r"(.)\\1+", r"\\1", ...)`` would (so a run of newlines is kept)."""
    out = []
    last = ""
    for ch in word[:12]:
        if ch.isupper():
            ch = "X"
        elif ch.isalpha():
            ch = "x"
        elif ch.isdigit():
            ch = "d"
        if ch != last or ch == "\n":
            out.append(ch)
            last = ch
    return "".join(out)


def context(words: list[str], lexicon: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """The normalized words, their lower case and their ambiguity classes (the tags a word was seen
    with in training, ``?`` for a rare or unseen word), each padded with two markers either side."""
    norm = ["-S2-", "-S1-"] + [normalize(w) for w in words] + ["-E1-", "-E2-"]
    low = [w.lower() for w in norm]
    return norm, low, [lexicon.get(w, "?") for w in low]


def word_features(norm: list[str], low: list[str], amb: list[str], i: int) -> list[str]:
    """The features of word ``i`` (0-based, unpadded) that do not depend on the tags predicted."""
    j = i + 2
    feats = own_features(norm[j], low[j], amb[j]) + context_features(norm, low, amb, i)
    if i == 0 and norm[j] != low[j]:
        feats.append("first-cap")
    return feats


def own_features(w: str, lw: str, a: str) -> list[str]:
    """The features that depend on the word alone (its normalized form, lower case and ambiguity class)."""
    feats = ["b", "w " + lw, "s1 " + lw[-1:], "s2 " + lw[-2:], "s3 " + lw[-3:], "s4 " + lw[-4:],
             "p1 " + lw[:1], "p2 " + lw[:2], "sh " + shape(w), "p3 " + lw[:3], "a " + a]
    if w != lw:
        feats.append("W " + w)
    if "-" in w[1:-1]:
        feats.append("hyphen")
    return feats


def context_features(norm: list[str], low: list[str], amb: list[str], i: int) -> list[str]:
    """The features of word ``i`` that depend on the words around it (not on the tags predicted)."""
    j = i + 2
    lw = low[j]
    return ["w-1 " + low[j - 1], "w-2 " + low[j - 2], "w+1 " + low[j + 1], "w+2 " + low[j + 2],
            "s3-1 " + low[j - 1][-3:], "s3+1 " + low[j + 1][-3:], "sh+1 " + shape(norm[j + 1]),
            "w,w+1 " + lw + " " + low[j + 1], "w-1,w " + low[j - 1] + " " + lw,
            "sh-1 " + shape(norm[j - 1]), "a+1 " + amb[j + 1], "a+2 " + amb[j + 2],
            "a,a+1 " + amb[j] + " " + amb[j + 1]]


def tag_features(prev: str, prev2: str, low: list[str], amb: list[str], i: int) -> list[str]:
    """The features of word ``i`` that depend on the two tags before it."""
    lw = low[i + 2]
    return ["t-1 " + prev, "t-2 " + prev2, "t-2,t-1 " + prev2 + " " + prev, "t-1,w " + prev + " " + lw,
            "t-1,w+1 " + prev + " " + low[i + 3], "t-1,s3 " + prev + " " + lw[-3:],
            "t-1,a+1 " + prev + " " + amb[i + 3]]


# The same features grouped by what each reads (``context_features`` and ``tag_features`` are the plain
# path). ``read/tag_scores.py`` sums each group once and keeps the sum: a word's own features by the word,
# the rest by a key many words share (its last four letters, first three, shape and class...), and the
# features that read one neighbour by that neighbour.

def own_word(w: str, lw: str) -> list[str]:
    """The features of a word (normalized ``w``, lower case ``lw``) that name it."""
    return ["w " + lw, "W " + w] if w != lw else ["w " + lw]


def suffix_group(s4: str) -> list[str]:
    """A word's suffix features, from its last four letters (``lw[-4:]``)."""
    return ["s1 " + s4[-1:], "s2 " + s4[-2:], "s3 " + s4[-3:], "s4 " + s4]


def prefix_group(p3: str) -> list[str]:
    """... its prefix features, from its first three letters (``lw[:3]``)."""
    return ["p1 " + p3[:1], "p2 " + p3[:2], "p3 " + p3]


def form_group(sh: str, a: str, hyphen: bool) -> list[str]:
    """... the rest of its own: the bias, its shape, its ambiguity class, a hyphen inside (``"-" in w[1:-1]``)."""
    return ["b", "sh " + sh, "a " + a, "hyphen"] if hyphen else ["b", "sh " + sh, "a " + a]


def left1_group(s3: str, sh: str) -> list[str]:
    """Word ``i``'s features that read the last three letters and the shape of the word before it
    (and ``"w-1 " + lw``, its lower case)."""
    return ["s3-1 " + s3, "sh-1 " + sh]


def right1_group(s3: str, sh: str, a: str) -> list[str]:
    """... of the word after it, and its ambiguity class (and ``"w+1 " + lw``)."""
    return ["s3+1 " + s3, "sh+1 " + sh, "a+1 " + a]


def right2_group(a: str) -> list[str]:
    """... the class of the word two after it (and ``"w+2 " + lw``; the word two before: ``"w-2 " + lw``)."""
    return ["a+2 " + a]


def pair_features(lw: str, lw1: str) -> tuple[str, str]:
    """The features of two words in a row: the first's (``w,w+1``), the second's (``w-1,w``)."""
    pair = lw + " " + lw1
    return "w,w+1 " + pair, "w-1,w " + pair


def class_pair_group(a: str, a1: str) -> list[str]:
    """Word ``i``'s feature that reads its ambiguity class and the next word's."""
    return ["a,a+1 " + a + " " + a1]


def tags_group(prev2: str, prev: str) -> list[str]:
    """Word ``i``'s features that read only the two tags before it."""
    return ["t-1 " + prev, "t-2 " + prev2, "t-2,t-1 " + prev2 + " " + prev]


def tag_word_group(prev: str, s3: str) -> list[str]:
    """... the tag before it and its last three letters (and ``"t-1,w " + prev + " " + lw``)."""
    return ["t-1,s3 " + prev + " " + s3]


def tag_next_group(prev: str, a1: str) -> list[str]:
    """... the tag before it and the next word's class (and ``"t-1,w+1 " + prev + " " + lw1``)."""
    return ["t-1,a+1 " + prev + " " + a1]


def neighbour_word(place: str, lw: str) -> str:
    """The feature naming the word at ``place`` (``w-2``, ``w-1``, ``w+1``, ``w+2``) by its lower case."""
    return place + " " + lw


def tag_word(prev: str, lw: str) -> str:
    """The feature of the tag before word ``i`` with the word (``t-1,w``)."""
    return "t-1,w " + prev + " " + lw


def tag_next(prev: str, lw1: str) -> str:
    """... with the word after it (``t-1,w+1``)."""
    return "t-1,w+1 " + prev + " " + lw1
