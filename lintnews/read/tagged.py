"""The words of a document's sentences, untagged or tagged, made once per document.

Rules that reason about grammar ask for a sentence's words here, so a
sentence is tokenized once and tagged at most once however many rules look
at it. ``words`` gives each token with the tags it *can* have (from the
tagger's lexicon; None for a word the tagger never saw) and no tag yet;
``tagged`` runs the tagger over the sentence, ``tagged_around`` only over
stretches of it (with a margin, so the tags there are the ones the whole
sentence would get). All are kept for the life of the document.
"""

from __future__ import annotations

from typing import NamedTuple
from weakref import WeakKeyDictionary

from .document import Document, Sentence
from .tagger import model, normalize
from .tokenizer import tokenize

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


class Word(NamedTuple):
    """A token: ``text == doc.text[start:end]``; ``upos``/``xpos``/``lemma`` None until tagged;
    ``seen`` the universal tags the word had in the tagger's training data (None: unseen), or, for a
    word the tagger always tags one way, that tag (a ``Fixed``, with its Penn tag and lemma)."""
    start: int
    end: int
    text: str
    low: str
    upos: str | None
    xpos: str | None
    lemma: str | None
    seen: frozenset | None


class _Sentences:
    def __init__(self) -> None:
        self.words: dict[int, list[Word]] = {}
        self.tagged: dict[int, list[Word]] = {}
        self.partly: dict[int, list[Word]] = {}


_CACHE: WeakKeyDictionary[Document, _Sentences] = WeakKeyDictionary()
_SEEN: dict[str, frozenset] = {}


def _cache(doc: Document) -> _Sentences:
    got = _CACHE.get(doc)
    if got is None:
        got = _CACHE[doc] = _Sentences()
    return got


def _seen(classes: str) -> frozenset:
    got = _SEEN.get(classes)
    if got is None:
        got = _SEEN[classes] = frozenset(classes.split("|"))
    return got


def words(doc: Document, sentence: Sentence) -> list[Word]:
    """The sentence's tokens, untagged, each with the tags it can have."""
    cache = _cache(doc)
    got = cache.words.get(sentence.start)
    if got is None:
        text = doc.text[sentence.start:sentence.end]
        base = sentence.start
        known = _KNOWN
        got = []
        add = got.append
        for s, e in tokenize(text):
            word = text[s:e]
            low, seen = known.get(word) or _low_seen(word)
            add(_new(Word, (base + s, base + e, word, low, None, None, None, seen)))
        cache.words[sentence.start] = got
    return got


def word(text: str) -> Word:
    """A token of this text as ``words`` makes it (offsets 0, untagged): what a loose test reads."""
    low, seen = _KNOWN.get(text) or _low_seen(text)
    return _new(Word, (0, 0, text, low, None, None, None, seen))


_new = tuple.__new__  # _new(Word, fields): a Word without the keyword handling of Word(...), quicker
# A token's text -> its lower case (straight apostrophes) and the tags it can have: the same words
# come back in every sentence.
_KNOWN: dict[str, tuple[str, frozenset | None]] = {}
_KNOWN_KEPT = 50_000  # some 10 MB at most


class Fixed(frozenset):
    """The ``seen`` of a word the tagger always tags one way (its dictionary of unambiguous words, looked
    up before any context): that universal tag, with the Penn tag and the lemma it comes with, and
    ``classes``, the tags the word was seen with (None: unseen)."""
    __slots__ = ("upos", "xpos", "lemma", "classes")


def _low_seen(word: str) -> tuple[str, frozenset | None]:
    low = word.lower().translate(_APOSTROPHES)
    m = model()
    classes = m.lexicon.get(low)
    seen = None if classes is None else _seen(classes)
    tag = m.tagdict.get(normalize(word))
    if tag is not None:
        upos, xpos = m.pairs[tag]
        fixed = Fixed((upos,))
        fixed.upos, fixed.xpos, fixed.lemma, fixed.classes = upos, xpos, m.lemmatizer.lemma(word, xpos), seen
        seen = fixed
    got = (low, seen)
    if len(_KNOWN) >= _KNOWN_KEPT:
        _KNOWN.clear()
    _KNOWN[word] = got
    return got


def tagged(doc: Document, sentence: Sentence) -> list[Word]:
    """The sentence's tokens with their universal and Penn tags and lemmas."""
    cache = _cache(doc)
    got = cache.tagged.get(sentence.start)
    if got is None:
        plain = words(doc, sentence)
        tags = model().analyse([w.text for w in plain])
        got = [_new(Word, (w[0], w[1], w[2], w[3], tag[0], tag[1], tag[2], w[7])) for w, tag in zip(plain, tags)]
        cache.tagged[sentence.start] = got
    return got


# Words before a stretch that are tagged with it: the tagger looks two words and two tags back, so a
# margin of four leaves the stretch's tags as the sentence's. After it, two: the tagger goes left to right
# and looks two words ahead, so the words two past the stretch are all its tags depend on.
MARGIN = 4
AHEAD = 2


def tagged_around(doc: Document, sentence: Sentence, stretches: list[tuple[int, int]]) -> list[Word]:
    """The sentence's tokens, tagged within each ``(first, last)`` token stretch and one token either
    side (``upos`` None elsewhere): tagging a stretch costs a few words, not the whole sentence.
    Stretches whose taggings would overlap are tagged as one."""
    cache = _cache(doc)
    whole = cache.tagged.get(sentence.start)
    if whole is not None:
        return whole
    plain = words(doc, sentence)
    got = cache.partly.get(sentence.start)
    if got is None:  # copied once, not on every call
        got = cache.partly[sentence.start] = list(plain)
    n = len(plain)
    runs: list[list[int]] = []  # [first, end) of the tokens to tag, the stretches' joined
    for first, last in sorted(stretches):
        a, b = max(0, first - 1), min(n, last + 2)
        if runs and a <= runs[-1][1] + MARGIN + AHEAD:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    for a, b in runs:
        if all(got[i].upos is not None for i in range(a, b)):
            continue
        lo, hi = max(0, a - MARGIN), min(n, b + AHEAD)
        tags = model().analyse([w.text for w in plain[lo:hi]])
        for i in range(a, b):
            w = plain[i]
            tag = tags[i - lo]
            got[i] = _new(Word, (w[0], w[1], w[2], w[3], tag[0], tag[1], tag[2], w[7]))
    return got
