"""The tagger's scores, kept summed per word and per place, so a word costs a few additions.

The perceptron scores each tag of word ``i`` with the sum of the weights of
some 33 features (``read/tag_features.py``). All but a few read one word
only: the word itself, or the word one or two places before or after it.
So each word, the first time it is met, has its weights summed for each of
those five places (``_Word``: ``own``, ``l1``, ``l2``, ``r1``, ``r2``), and a
sentence adds five such sums per word. The rest are looked up per word:
the two word pairs (``w,w+1``, ``w-1,w``), and, kept summed too, the pair of
ambiguity classes, the two tags before (``t-1``, ``t-2``, ``t-2,t-1``), and the
tag before with the word (``t-1,w``, ``t-1,s3``) or with the next word
(``t-1,w+1``, ``t-1,a+1``), kept with that word by the tag.

A sum is one integer holding every tag's score: tag ``c``'s at bits
``32c`` upwards, as a signed whole number (a weight ``v`` of tag ``c`` is
``v << 32c``), so adding integers adds all the tags' scores at once, in C.
Before the best tag is read, ``_BIAS`` lifts every tag's score by ``2**31``:
a score is under 2**21 in size (some 40 weights of 16 bits), so each lies
in its own 32 bits, unsigned, and the integer's bytes read as one unsigned
32-bit number per tag give the scores plus the same constant. The weights
are whole numbers, so every score is exactly the plain sum and the best tag
(the first of the best, as ``list.index`` picks) is the same.
"""

from __future__ import annotations

import struct

from .tag_features import (
    PADDING, class_pair_group, form_group, left1_group, neighbour_word, normalize, own_word, pair_features,
    prefix_group, right1_group, right2_group, shape, suffix_group, tag_next, tag_next_group, tag_word, tag_word_group,
    tags_group,
)

_LIFT = 1 << 31
_ARTICLES = frozenset(("a", "an", "the"))
DENSE = 12  # a row of weights for more tags than this is packed through bytes, not shifted in tag by tag
WORDS_KEPT = 12_000  # words whose sums are kept; then they and the shared groups' sums are forgotten at once
ROWS_KEPT = 60_000  # features whose weights are kept as one integer


class _Word:
    """A normalized word's sums for each place it can stand in, relative to the word being tagged."""
    __slots__ = ("fixed", "low", "amb", "s3", "cap", "own", "l1", "l2", "r1", "r2", "tw", "tr", "last")


def _add(a: int, b: int) -> int:
    """``a + b``, but one of them itself where the other is 0 (kept sums share their parts' integers)."""
    return a + b if a and b else a or b


class Scorer:
    """``predict(words)``: each word's tag number, greedily left to right, from the model's parts."""

    def __init__(self, tags: list[str], tagdict: dict[str, int], lexicon: dict[str, str], index, offsets,
                 classes, values):
        n = len(tags)
        self.tags = tags
        self._names = list(tags) + ["-S1-", "-S2-"]  # the tags before the first word: numbers n, n + 1
        self._lanes = struct.Struct(f"<{n}I")
        self._size = 4 * n
        self._bias = int.from_bytes(self._lanes.pack(*[_LIFT] * n), "little")
        self._ones = int.from_bytes(self._lanes.pack(*[1] * n), "little")
        self._tops = self._ones << 31
        self._n = n
        self._tagdict, self._lexicon = tagdict, lexicon
        self._index, self._offsets, self._classes, self._values = index, offsets, classes, values
        self._rows: dict[int, int] = {}  # feature number -> its weights as one integer
        self._words: dict[str, _Word] = {}  # normalized word -> its sums
        self._written: dict[str, _Word] = {}  # word as written -> the same
        # Sums of groups of features by what they read: "t" the two tags before (t-2 * 256 + t-1), "a" two
        # ambiguity classes, "s" "p" "f" a word's suffixes, prefixes and form, "l1" "r1" "r2" a neighbour's
        # letters, shape and class, "tw" "tr" the tag before with the word's or the next word's...
        self._groups: dict[str, dict] = {kind: {} for kind in ("t", "a", "c", "s", "p", "f", "l1", "r1", "r2",
                                                               "tw", "tr")}
        self._pads = [self._word(w) for w in PADDING]

    def _row(self, feat: str) -> int:
        """The weights of a feature as one integer (0 for a feature the model does not have)."""
        k = self._index.get(feat)
        if k is None:
            return 0
        got = self._rows.get(k)
        if got is None:
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
            self._rows[k] = got
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
        sh = shape(w)
        row, group = self._row, self._group
        if got.fixed is None:
            got.own = _add(_add(self._sum(own_word(w, lw)), group("s", lw[-4:], suffix_group)),
                           _add(group("p", lw[:3], prefix_group), group("f", (sh, a, "-" in w[1:-1]), form_group)))
            got.last = self._n  # no tag yet: the first time, every tag is read
        got.l1 = _add(row(neighbour_word("w-1", lw)), group("l1", (s3, sh), left1_group))
        got.l2 = row(neighbour_word("w-2", lw))
        got.r1 = _add(row(neighbour_word("w+1", lw)), group("r1", (s3, sh, a), right1_group))
        got.r2 = _add(row(neighbour_word("w+2", lw)), group("r2", a, right2_group))
        got.tw, got.tr = {}, {}
        if len(self._words) >= WORDS_KEPT:
            self._words.clear()
            self._written.clear()
            for cache in self._groups.values():
                cache.clear()
        self._words[w] = got
        return got

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
        index = self._index.get  # the frozen index's, then its dict's (it swaps once warm)
        rows, row = self._rows, self._row
        groups, names, n = self._groups, self._names, self._n
        tag_pairs, class_pairs = groups["t"], groups["a"]
        lift, ones, tops = self._bias, self._ones, self._tops
        out = []
        prev, prev2 = n, n + 1
        for i in range(len(words)):
            r = recs[i + 2]
            guess = r.fixed
            if guess is None:
                left, right = recs[i + 1], recs[i + 3]
                total = r.own + left.l1 + recs[i].l2 + right.r1 + recs[i + 4].r2 + lift
                lw = r.low
                # The two word pairs (pair_features): most pairs are met once, so they are not kept.
                k = index("w,w+1 " + lw + " " + right.low)
                if k is not None:
                    total += rows.get(k) or row("w,w+1 " + lw + " " + right.low)
                k = index("w-1,w " + left.low + " " + lw)
                if k is not None:
                    total += rows.get(k) or row("w-1,w " + left.low + " " + lw)
                got = class_pairs.get((r.amb, right.amb))
                total += got if got is not None else self._group("a", (r.amb, right.amb), class_pair_group)
                if i == 0 and r.cap:
                    total += self._group("c", "", lambda _: ["first-cap"])
                got = tag_pairs.get(prev2 * 256 + prev)
                if got is None:
                    got = tag_pairs[prev2 * 256 + prev] = self._sum(tags_group(names[prev2], names[prev]))
                total += got
                got = r.tw.get(prev)
                if got is None:
                    got = r.tw[prev] = _add(row(tag_word(names[prev], lw)),
                                            self._group("tw", (names[prev], r.s3), tag_word_group))
                total += got
                got = right.tr.get(prev)
                if got is None:
                    got = right.tr[prev] = _add(row(tag_next(names[prev], right.low)),
                                                self._group("tr", (names[prev], right.amb), tag_next_group))
                total += got
                # The best tag: first the one this word had last time. Every tag scoring at least as
                # much has the top bit of its lane set in ``ahead`` (its score minus that one's, plus 2**31).
                guess = r.last
                if guess == n:
                    guess = r.last = self._best(total, -1)
                else:
                    ahead = (total + (_LIFT - ((total >> (guess << 5)) & 0xFFFFFFFF)) * ones) & tops
                    if ahead != 1 << ((guess << 5) + 31):
                        guess = r.last = self._best(total, ahead)
                if left.low in _ARTICLES and as_noun is not None:
                    guess = as_noun(guess, i)
            out.append(guess)
            prev2, prev = prev, guess
        return out

    def _best(self, total: int, ahead: int) -> int:
        """The first tag with the highest score in ``total`` (every lane lifted), of those whose lanes'
        top bits ``ahead`` has set (all that score as much as one of them; -1: every tag)."""
        if ahead < 0 or ahead.bit_count() > 6:
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
