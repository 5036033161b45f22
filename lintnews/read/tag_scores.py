"""The tagger's scores, kept summed per word and per group of features, so a word costs a few additions.

The perceptron scores each tag of word ``i`` with the sum of the weights of
some 33 features (``read/tag_features.py``). All but a few read one word:
the word itself, or the word one or two places before or after it. So the
first time a word is met its weights are summed for each of those five
places (``_Word``: ``own``, ``l1``, ``l2``, ``r1``, ``r2``) and kept, and a
sentence adds five sums per word. Most of a word's features are shared
with other words (its suffixes, prefixes, shape and ambiguity class): those
are summed once per group and the group's sum reused. The features that
name a word ("w-1 minister") are looked up only for the words the model has
such a feature of: ``vocabulary`` gives each such word a bit per place,
frozen with the model. The rest are per word in a sentence and kept summed
too: the pair of ambiguity classes, the two tags before, and the tag before
with the word's suffix or the next word's class (and with the word itself,
for the words the vocabulary marks); the two word pairs are looked up only
where both words are marked for them.

A sum is one integer holding every tag's score: tag ``c``'s at bits ``32c``
upwards, as a signed whole number (a weight ``v`` of tag ``c`` is
``v << 32c``), so adding integers adds all the tags' scores at once, in C.
Before the best tag is read every score is lifted by ``2**31``: a score is
under 2**21 in size (some 35 weights of 16 bits), so each lane then holds
its score plus the same constant, unsigned, in its own 32 bits. The best
tag is found without reading every lane: the tag the word (or, the first
time, a word of its class) had last time is tried first, and one subtraction
of its score from every lane shows, in each lane's top bit, which tags score
at least as much; only those are read (all of them, where more than six
do). The weights are whole numbers, so every score is exactly the plain
sum and the best tag (the first of the best, as ``list.index`` picks) the
same: tests compare both on news and treebank sentences.
"""

from __future__ import annotations

import itertools
import struct

from .tag_features import (
    PADDING, class_pair_group, form_group, left1_group, neighbour_word, normalize, own_word, prefix_group,
    right1_group, right2_group, shape, suffix_group, tag_next, tag_next_group, tag_word, tag_word_group,
    tags_group,
)

_LIFT = 1 << 31
_TAGS = 512  # more than the tags a model can have (their numbers are bytes) and the two before the first
_ARTICLES = frozenset(("a", "an", "the"))
DENSE = 12  # a row of weights for more tags than this is packed through bytes, not shifted in tag by tag
WORDS_KEPT = 25_000  # words whose sums are kept (about 1.5 KB each); then they and the groups' are forgotten
ROWS_KEPT = 150_000  # features whose weights are kept as one integer (or as absent)

# A word's bits in the vocabulary: the model has a feature naming the word (its lower case) in that place
# ("w", "W" with its capitals, "w-1"...; "t-1,w" and "t-1,w+1" after some tag; the first or second word
# of a "w,w+1" or a "w-1,w" pair). A word with no bit set is looked up under none of those features.
_PLACES = {"w": 1, "W": 2, "w-1": 4, "w-2": 8, "w+1": 16, "w+2": 32, "t-1,w": 64, "t-1,w+1": 128}
_PAIRS = {"w,w+1": (256, 512), "w-1,w": (1024, 2048)}
_FIRST, _SECOND, _AFTER, _BEFORE = 256, 512, 1024, 2048


def vocabulary(features, tags: list[str]) -> dict[str, int]:
    """Each word a feature names (lower case) -> its bits (see above), from the model's feature names.
    Where a name can be read more than one way (a word with a space in it), every reading is marked."""
    bits: dict[str, int] = {}
    befores = [t + " " for t in list(tags) + ["-S1-", "-S2-"]]
    for name in features:
        template, _, rest = name.partition(" ")
        bit = _PLACES.get(template)
        if bit is not None:
            if template.startswith("t-1"):  # "t-1,w NOUN NN word": after one of the tags
                words = [rest[len(t):] for t in befores if rest.startswith(t)]
            else:
                words = [rest.lower() if template == "W" else rest]
            for word in words:
                bits[word] = bits.get(word, 0) | bit
        elif template in _PAIRS:
            first, second = _PAIRS[template]
            parts = rest.split(" ")
            for k in range(1, len(parts)):
                a, b = " ".join(parts[:k]), " ".join(parts[k:])
                bits[a] = bits.get(a, 0) | first
                bits[b] = bits.get(b, 0) | second
    return bits


class _Word:
    """A normalized word's sums for each place it can stand in, relative to the word being tagged."""
    __slots__ = ("fixed", "low", "amb", "s3", "s3k", "ak", "cls", "ck", "cap", "bits", "own", "l1", "l2", "r1", "r2",
                 "tw", "tr", "last")


def _add(a: int, b: int) -> int:
    """``a + b``, but one of them itself where the other is 0 (kept sums share their parts' integers)."""
    return a + b if a and b else a or b


class Scorer:
    """``predict(words)``: each word's tag number, greedily left to right, from the model's parts;
    ``vocab.get(word)``: a word's bits (``vocabulary``), None for none."""

    def __init__(self, tags: list[str], tagdict: dict[str, int], lexicon: dict[str, str], index, offsets,
                 classes, values, vocab):
        n = len(tags)
        self.tags = tags
        self._names = list(tags) + ["-S1-", "-S2-"]  # the tags before the first word: numbers n, n + 1
        self._lanes = struct.Struct(f"<{n}I")
        self._size = 4 * n
        self._bias = int.from_bytes(self._lanes.pack(*[_LIFT] * n), "little")
        self._ones = int.from_bytes(self._lanes.pack(*[1] * n), "little")
        self._tops = self._ones << 31
        self._top_of = [1 << (32 * c + 31) for c in range(n)]  # the top bit of each tag's lane
        self._n = n
        self._tagdict, self._lexicon, self._vocab = tagdict, lexicon, vocab
        self._index, self._offsets, self._classes, self._values = index, offsets, classes, values
        self._rows: dict[str, int] = {}  # feature -> its weights as one integer (0: the model has none)
        self._words: dict[str, _Word] = {}  # normalized word -> its sums
        self._written: dict[str, _Word] = {}  # word as written -> the same
        # Sums of groups of features by what they read: "t" the two tags before (t-2 * _TAGS + t-1), "a" two
        # ambiguity classes, "s" "p" "f" a word's suffixes, prefixes and form, "l1" "r1" "r2" a neighbour's
        # letters, shape and class, "tw" "tr" the tag before with the word's suffix or the next word's class.
        self._groups: dict[str, dict] = {kind: {} for kind in ("t", "a", "c", "s", "p", "f", "l1", "r1", "r2",
                                                               "tw", "tr")}
        self._keys: dict[str, int] = {}
        self._numbers = itertools.count(1)
        self._lasts: dict[str, int] = {}  # a class -> the tag the last word of it scored best with
        self._tags_suffix: dict[int, int] = {}  # tag + suffix's key -> "t-1,s3"
        self._tags_class: dict[int, int] = {}  # tag + class's key -> "t-1,a+1"
        self._pads = [self._word(w) for w in PADDING]

    def _row(self, feat: str) -> int:
        """The weights of a feature as one integer (0 for a feature the model does not have)."""
        got = self._rows.get(feat)
        if got is not None:
            return got
        k = self._index.get(feat)
        if k is None:
            got = 0
        else:
            a, b = self._offsets[k], self._offsets[k + 1]
            if b - a > DENSE:
                lanes = [_LIFT] * self._n
                for c, v in zip(self._classes[a:b], self._values[a:b]):
                    lanes[c] = _LIFT + v
                got = int.from_bytes(self._lanes.pack(*lanes), "little") - self._bias
            else:
                got = 0
                for c, v in zip(self._classes[a:b], self._values[a:b]):
                    got += v << (32 * c)
        if len(self._rows) >= ROWS_KEPT:
            self._rows.clear()
        self._rows[feat] = got
        return got

    def _sum(self, feats: list[str]) -> int:
        row = self._row
        total = 0
        for feat in feats:
            total = _add(total, row(feat))
        return total

    def _group(self, kind: str, key, feats) -> int:
        """The sum of a group of features that many words share, kept by ``kind`` and ``key``."""
        cache = self._groups[kind]
        got = cache.get(key)
        if got is None:
            got = cache[key] = self._sum(feats(*key) if type(key) is tuple else feats(key))
        return got

    def _word(self, w: str) -> _Word:
        """The sums of normalized word ``w`` (kept)."""
        got = self._words.get(w)
        if got is not None:
            return got
        got = _Word()
        got.low = lw = w.lower()
        got.amb = a = self._lexicon.get(lw, "?")
        got.fixed = self._tagdict.get(w)
        got.cap = w != lw
        got.s3 = s3 = lw[-3:]
        got.bits = bits = self._vocab.get(lw) or 0
        sh = shape(w)
        row, group, groups = self._row, self._group, self._groups
        if got.fixed is None:
            form = (sh, a, "-" in w[1:-1])
            own = _add(_add(groups["f"].get(form) or group("f", form, form_group),
                            groups["s"].get(lw[-4:]) or group("s", lw[-4:], suffix_group)),
                       groups["p"].get(lw[:3]) or group("p", lw[:3], prefix_group))
            own = _add(self._sum(own_word(w, lw)), own) if bits & 3 else own
            got.own = own + self._bias  # every lane lifted (see above), once here rather than per token
            got.last = self._lasts.get(a, 0)  # the tag tried first: the last a word of its class had
        # (a group's sum read straight from its dict where it is there: ``or`` makes one again where it
        # is 0, which costs no more than a first time)
        got.l1 = groups["l1"].get((s3, sh)) or group("l1", (s3, sh), left1_group)
        got.r1 = groups["r1"].get((s3, sh, a)) or group("r1", (s3, sh, a), right1_group)
        got.r2 = groups["r2"].get(a) or group("r2", a, right2_group)
        got.l2 = 0
        if bits & 60:
            got.l1 = _add(row(neighbour_word("w-1", lw)), got.l1) if bits & 4 else got.l1
            got.l2 = row(neighbour_word("w-2", lw)) if bits & 8 else 0
            got.r1 = _add(row(neighbour_word("w+1", lw)), got.r1) if bits & 16 else got.r1
            got.r2 = _add(row(neighbour_word("w+2", lw)), got.r2) if bits & 32 else got.r2
        # The sums of the tag before with the word, by the tag plus a number for the word's suffix (or
        # class): for most words in one dict that all share, for a word the model has such features of,
        # in its own (the number 0: keyed by the tag alone).
        got.tw = self._tags_suffix if not bits & 64 else {}
        got.s3k = 0 if bits & 64 else self._key(s3)
        got.tr = self._tags_class if not bits & 128 else {}
        got.ak = 0 if bits & 128 else self._key(a)
        got.cls = self._key(a) // _TAGS  # the class's number
        got.ck = got.cls << 32  # ... as the first of a pair of classes
        if len(self._words) >= WORDS_KEPT:
            self._words.clear()
            self._written.clear()
            for cache in self._groups.values():
                cache.clear()
            self._tags_suffix.clear()
            self._tags_class.clear()
        self._words[w] = got
        return got

    def _key(self, text: str) -> int:
        """A number for a suffix or class, a multiple of ``_TAGS`` (added to a tag's number: a key)."""
        got = self._keys.get(text)
        if got is None:  # next() and setdefault are each one step: two threads never share a number
            got = self._keys.setdefault(text, _TAGS * next(self._numbers))
        return got

    def _tag_word(self, r: _Word, prev: int) -> int:
        got = self._group("tw", (self._names[prev], r.s3), tag_word_group)
        return _add(self._row(tag_word(self._names[prev], r.low)), got) if r.bits & 64 else got

    def _tag_next(self, right: _Word, prev: int) -> int:
        got = self._group("tr", (self._names[prev], right.amb), tag_next_group)
        return _add(self._row(tag_next(self._names[prev], right.low)), got) if right.bits & 128 else got

    def words(self, words: list[str]) -> list[_Word]:
        """The sums of each word as written, padded with two markers either side."""
        written = self._written
        pads = self._pads
        out = [pads[0], pads[1]]
        add = out.append
        for word in words:
            got = written.get(word)
            if got is None:
                got = self._word(normalize(word))
                written[word] = got
            add(got)
        out += pads[2:]
        return out

    def predict(self, words: list[str], as_noun=None) -> list[int]:
        """The tag number of each word. ``as_noun(guess, i)``: the noun's tag number where a verb read
        right after an article is to be a noun (``read/tagger.py``), else None."""
        recs = self.words(words)
        rows, row = self._rows, self._row
        groups, names, n = self._groups, self._names, self._n
        tag_pairs, class_pairs = groups["t"], groups["a"]
        ones, tops, top_of, lasts = self._ones, self._tops, self._top_of, self._lasts
        out = []
        prev, prev2 = n, n + 1
        for i, (left2, left, r, right, right2) in enumerate(zip(recs, recs[1:], recs[2:], recs[3:], recs[4:])):
            guess = r.fixed
            if guess is None:
                total = r.own + left.l1 + left2.l2 + right.r1 + right2.r2
                lw = r.low
                if r.bits & _FIRST and right.bits & _SECOND:  # the word pairs' features (pair_features)
                    feat = "w,w+1 " + lw + " " + right.low
                    got = rows.get(feat)
                    total += got if got is not None else row(feat)
                if left.bits & _AFTER and r.bits & _BEFORE:
                    feat = "w-1,w " + left.low + " " + lw
                    got = rows.get(feat)
                    total += got if got is not None else row(feat)
                got = class_pairs.get(r.ck + right.cls)
                if got is None:
                    got = class_pairs[r.ck + right.cls] = self._sum(class_pair_group(r.amb, right.amb))
                total += got
                if i == 0 and r.cap:
                    total += self._group("c", "", lambda _: ["first-cap"])
                got = tag_pairs.get(prev2 * _TAGS + prev)
                if got is None:
                    got = tag_pairs[prev2 * _TAGS + prev] = self._sum(tags_group(names[prev2], names[prev]))
                total += got
                # The tag before with the word's suffix, or with the next word's class: kept by tag and
                # suffix or class; with the word itself (for the words the model has such features of),
                # kept with the word.
                tw = r.tw
                got = tw.get(prev + r.s3k)
                if got is None:
                    got = tw[prev + r.s3k] = self._tag_word(r, prev)
                total += got
                tr = right.tr
                got = tr.get(prev + right.ak)
                if got is None:
                    got = tr[prev + right.ak] = self._tag_next(right, prev)
                total += got
                # The best tag: first the one this word had last time. Every tag scoring at least as
                # much has the top bit of its lane set in ``ahead`` (its score minus that one's, plus 2**31).
                guess = r.last
                ahead = (total + (_LIFT - ((total >> (guess << 5)) & 0xFFFFFFFF)) * ones) & tops
                if ahead != top_of[guess]:
                    guess = r.last = lasts[r.amb] = self._best(total, ahead)
                if left.low in _ARTICLES and as_noun is not None:
                    guess = as_noun(guess, i)
            out.append(guess)
            prev2, prev = prev, guess
        return out

    def _best(self, total: int, ahead: int) -> int:
        """The first tag with the highest score in ``total`` (every lane lifted), of those whose lanes'
        top bits ``ahead`` has set (all that score as much as one of them)."""
        if ahead.bit_count() > 6:
            scores = self._lanes.unpack(total.to_bytes(self._size, "little"))
            return scores.index(max(scores))
        best = score = -1
        while ahead:
            top = ahead.bit_length() - 1
            tag = top >> 5
            got = (total >> (tag << 5)) & 0xFFFFFFFF
            if got >= score:  # from the last tag down: on a tie the first wins
                best, score = tag, got
            ahead ^= 1 << top
        return best
