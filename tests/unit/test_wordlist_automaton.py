"""Literal word lists found in one automaton pass (lintnews/rules/wordlist.py): what the boundary regex finds."""

from __future__ import annotations

import pickle

from testkit import SEED

from lintnews import load_rules
from lintnews.read.article import read_article
from lintnews.rules.wordlist import WordList

TEXT = ("In order to cut costs, the café's naïve order-taker ordered the colour-blind staff to re-order. "
        "IN ORDER TO win, they then lose; loose change, Then-chancellor Loose said. Their there they're. "
        "Its it's, who's whose, affect/effect and accept-except: of have, than then.\n")


def test_the_built_in_word_lists_find_what_their_regex_finds():
    lists = [r.words for r in load_rules() if isinstance(getattr(r, "words", None), WordList)]
    assert len(lists) >= 3
    texts = [TEXT, SEED.read_text(encoding="utf-8"), TEXT.upper()]
    for words in lists:
        for text in texts:
            doc = read_article(text, "a.txt").doc
            assert words.spans(doc) == [m.span() for m in words.fallback.finditer(text)]


def test_overlapping_phrases_leftmost_longest_first_and_after_pickling():
    words = WordList(["in order", "in order to", "order", "to cut", "naïve", "café"], ignorecase=True)
    doc = read_article(TEXT, "a.txt").doc
    found = [TEXT[s:e] for s, e in words.spans(doc)]
    assert found[:4] == ["In order to", "café", "naïve", "order"]  # "to cut" overlaps the longer match
    assert "re-order"[3:] in found  # "order" after a hyphen: \b stops there
    again = pickle.loads(pickle.dumps(words))
    assert again.spans(doc) == words.spans(doc)
