"""The gaps of a pattern's outline (the tokens allowed between its words): the quick form allows
exactly the texts the plain form does (lintnews/rules/outline.py ``gap``)."""

from __future__ import annotations

import random

import regex

from lintnews.rules.outline import ITEM as _ITEM, gap as _gap


def plain(n: int) -> str:
    return "(?:%s){0,%d}[\\s'’]*" % (_ITEM, n)


def test_the_gap_allows_the_same_texts_as_n_tokens_of_any_cut():
    rng = random.Random(7)
    alphabet = list("ab1_é") + [" ", "'", "’", "-", ",", ".", "\n", "²"]
    for n in range(1, 5):
        quick, slow = regex.compile(_gap(n)), regex.compile(plain(n))
        ahead = [regex.compile(r"\bsaid(?=" + g + r"\bthat\b)") for g in (_gap(n), plain(n))]
        behind = [regex.compile(r"(?<=\bsaid" + g + r")\bthat\b") for g in (_gap(n), plain(n))]
        for _ in range(3000):
            s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
            assert bool(quick.fullmatch(s)) == bool(slow.fullmatch(s)), (n, s)
            text = "said" + s + "that" + rng.choice(["", " ", "a", "'s"])
            for a, b in (ahead, behind):
                assert [m.span() for m in a.finditer(text, overlapped=True)] == \
                       [m.span() for m in b.finditer(text, overlapped=True)], (n, text)


def test_the_gap_counts_tokens_in_news_text():
    gap2 = regex.compile(r"\bbefore(?=" + _gap(2) + r"\bwere\b)")
    assert gap2.search("before the ban were lifted")                    # two tokens between
    assert gap2.search("before the well-known were")                    # "well-known": one word
    assert not gap2.search("before the new bans were lifted")           # three
    assert gap2.search("before 'em, were")                              # a word with its apostrophe, a comma
    assert not gap2.search("before a, b, were")                         # four tokens
