"""Part-of-speech tags and lemmas for a sentence: a greedy averaged perceptron.

``tag(text)`` splits a sentence into UD-style tokens (``read/tokenizer.py``)
and gives each its character offsets, the universal tag (UPOS, the 17 tags of
Universal Dependencies), the Penn Treebank tag (XPOS: VBZ, VBP, NNS...) and
its lemma. One model predicts the pair ``UPOS XPOS`` left to right from the
word, its prefixes, suffixes and shape, the two words either side and the
two tags before it; frequent words that almost always carry one tag are
looked up in a tag dictionary instead.

The weights are derived from the UD English-EWT (CC BY-SA 4.0) and GUM
(CC BY 4.0) treebanks by ``scripts/train_tagger.py``; they ship as
``lintnews/data/tagger.json.gz`` (plain JSON, so loading runs no code),
read on first use and kept for the life of the process. Decoding that JSON
costs about 0.05 s, so the first use freezes the model into one file in the
per-user data cache (``read/tables.py``): the small JSON part, the feature
names as an index looked up in place (``read/frozen_index.py``) and the
weights as flat arrays; later starts read it in about 0.004 s.
On EWT test the model gets 95.4% of UPOS and 94.7% of XPOS right
(scripts/train_tagger.py prints the figures).
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import struct
import sys
import threading
from array import array
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from . import frozen_index, tables
from .lemmatizer import Lemmatizer
from .tokenizer import tokenize

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "tagger.json.gz"
FORMAT = "lintnews-tagger/1"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"[\d.,:]*\d[\d.,:]*\Z")
_SHAPE_RUNS = re.compile(r"(.)\1+")
_ARTICLES = frozenset(("a", "an", "the"))
_DENSE = 12  # a feature with weights for more tags than this is kept as a list over all tags


class Token(NamedTuple):
    """One token of a sentence: ``text == sentence[start:end]`` (offsets into the text given)."""
    start: int
    end: int
    text: str
    upos: str
    xpos: str
    lemma: str


def normalize(word: str) -> str:
    """The form the features see: straight quotes, digits folded (``!YEAR``, ``!NUM``, ``00th``)."""
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
    out = []
    for ch in word[:12]:
        if ch.isupper():
            out.append("X")
        elif ch.isalpha():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return _SHAPE_RUNS.sub(r"\1", "".join(out))


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


class Model:
    """The tag set, the tag dictionary, the weights and the lemmatizer, as the training script wrote them."""

    def __init__(self, data: dict, weights: tuple | None = None):
        """``data`` as the model file holds it; ``weights`` its ``weights`` already decoded (frozen)."""
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
        self.tags: list[str] = data["tags"]
        self.pairs = [tuple(t.split(" ", 1)) for t in self.tags]
        # A verb in its base form right after an article is a noun ("a meet up", "the walk", "a set of":
        # EWT tags VB there only in a hyphenated compound, "a dial-up"; a participle that is not the
        # base form, "the proposed plan", stays): the reading is changed unless a hyphen follows.
        self._base_verbs = frozenset(i for i, (_, xpos) in enumerate(self.pairs) if xpos in ("VB", "VBP"))
        self._participles = frozenset(i for i, (_, xpos) in enumerate(self.pairs) if xpos in ("VBN", "VBD"))
        self._noun = self.tags.index("NOUN NN") if "NOUN NN" in self.tags else None
        self.tagdict: dict[str, int] = data["tagdict"]
        self._index, self._offsets, self._classes, self._values = weights or _decode(data["weights"])
        self._rows: dict[str, tuple] = {}
        self._owned: dict[str, int] = {}  # word -> the summed scores of its own features, packed
        self.lexicon: dict[str, str] = data["lexicon"]
        self.lemmatizer = Lemmatizer(data["lemmas"])
        self.meta: dict = data.get("meta", {})

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> "Model":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return cls(json.load(f))

    @classmethod
    def frozen(cls, path: Path | str = MODEL_PATH) -> "Model":
        """The same model, read from the per-user data cache (built there from ``path`` on first use)."""
        key = tables.identity("tagger", FORMAT, _MAGIC, tables.file_identity(path))
        read: dict = {}

        def source() -> dict:
            if not read:
                with gzip.open(path, "rt", encoding="utf-8") as f:
                    read["data"] = json.load(f)
                read["weights"] = _decode(read["data"]["weights"])
            return read

        data, index, offsets, classes, values = tables.load_bytes("tagger", key, lambda: _freeze(source()), _thaw)
        return cls(data, (index, offsets, classes, values))

    def _row(self, feat: str):
        """A feature's weights, unpacked on first use (so loading stays quick): ``(tag, weight)`` pairs,
        or, when many tags have one, one weight per tag packed into one integer (``_pack``)."""
        k = self._index.get(feat)
        if k is None:
            if len(self._rows) < _ROWS_KEPT:
                self._rows[feat] = ()  # remembered as absent: features recur
            return ()
        a, b = self._offsets[k], self._offsets[k + 1]
        if b - a > _DENSE:
            dense = [0] * len(self.tags)
            for c, v in zip(self._classes[a:b], self._values[a:b]):
                dense[c] = v
            row = _pack(dense)
        else:
            row = tuple(zip(self._classes[a:b], self._values[a:b]))
        self._rows[feat] = row
        return row

    def _own(self, w: str, lw: str, a: str) -> int:
        """The scores of the features that depend on the word alone, summed once per word: a third of
        a word's features, the same in every sentence (the weights are whole numbers: the same sums)."""
        got = self._owned.get(w)
        if got is None:
            scores = [0] * len(self.tags)
            packed = 0
            for feat in own_features(w, lw, a):
                row = self._rows.get(feat)
                if row is None:
                    row = self._row(feat)
                if type(row) is int:
                    packed += row
                else:
                    for c, v in row:
                        scores[c] += v
            if len(self._owned) >= _OWNED_KEPT:
                self._owned.clear()
            got = self._owned[w] = packed + _pack(scores, bias=_SUM_BIAS)  # a dozen weights summed
        return got

    def predict(self, words: list[str]) -> list[int]:
        """The tag index of each word, greedily left to right."""
        norm, low, amb = context(words, self.lexicon)
        size = _LANE_BYTES * len(self.tags)
        rows, row_of, tagdict, tags = self._rows, self._row, self.tagdict, self.tags
        prev, prev2 = "-S1-", "-S2-"
        out = []
        for i in range(len(words)):
            guess = tagdict.get(norm[i + 2])
            if guess is None:
                packed, sparse = self._own(norm[i + 2], low[i + 2], amb[i + 2]), []
                feats = context_features(norm, low, amb, i) + tag_features(prev, prev2, low, amb, i)
                if i == 0 and norm[2] != low[2]:
                    feats.append("first-cap")
                for feat in feats:
                    row = rows.get(feat)
                    if row is None:
                        row = row_of(feat)
                    if type(row) is int:
                        packed += row
                    elif row:
                        sparse.append(row)
                # Each tag's score, plus the same offset for every tag (so the best is the same tag).
                scores = array(_LANE, packed.to_bytes(size, sys.byteorder)).tolist()
                for row in sparse:
                    for c, v in row:
                        scores[c] += v
                guess = scores.index(max(scores))
                # After the model only: a tag-dictionary word keeps its one tag (read/tagged.py's Fixed).
                if low[i + 1] in _ARTICLES and self._noun is not None and self._as_noun(guess, words, i):
                    guess = self._noun
            out.append(guess)
            prev2, prev = prev, tags[guess]
        return out

    def _as_noun(self, guess: int, words: list[str], i: int) -> bool:
        """Whether a verb read after an article is a noun (see ``__init__``)."""
        if i + 1 < len(words) and words[i + 1] in ("-", "‐"):
            return False
        if guess in self._base_verbs:
            return True
        word = words[i].lower()
        return guess in self._participles and self.lemmatizer.lemma(word, self.pairs[guess][1]) == word

    def analyse(self, words: list[str]) -> list[tuple[str, str, str]]:
        """``(upos, xpos, lemma)`` for each word."""
        out = []
        for word, t in zip(words, self.predict(words)):
            upos, xpos = self.pairs[t]
            out.append((upos, xpos, self.lemmatizer.lemma(word, xpos)))
        return out

    def tag(self, text: str, offset: int = 0) -> list[Token]:
        """The tokens of one sentence, tagged and lemmatized; offsets are ``offset`` + positions in ``text``."""
        spans = tokenize(text)
        words = [text[s:e] for s, e in spans]
        return [Token(s + offset, e + offset, word, upos, xpos, lemma)
                for (s, e), word, (upos, xpos, lemma) in zip(spans, words, self.analyse(words))]


def encode_weights(rows: dict[str, list[tuple[int, int]]]) -> dict[str, str]:
    """Weights as the model file keeps them: feature names one a line, and for each feature in that
    order its number of tags (bytes), then the tags (bytes) and weights (16-bit little-endian), base64."""
    feats = list(rows)
    lengths = array("B", [len(rows[f]) for f in feats])
    classes = array("B", [c for f in feats for c, _ in rows[f]])
    values = array("h", [v for f in feats for _, v in rows[f]])
    if sys.byteorder == "big":
        values.byteswap()
    pack = lambda a: base64.b64encode(a.tobytes()).decode("ascii")  # noqa: E731
    return {"features": "\n".join(feats), "lengths": pack(lengths), "classes": pack(classes), "values": pack(values)}


def _decode(data: dict[str, str]):
    feats = data["features"].split("\n") if data["features"] else []
    lengths = array("B", base64.b64decode(data["lengths"]))
    classes = array("B", base64.b64decode(data["classes"]))
    values = array("h", base64.b64decode(data["values"]))
    if sys.byteorder == "big":
        values.byteswap()
    if len(lengths) != len(feats) or sum(lengths) != len(classes) or len(classes) != len(values):
        raise ValueError("the tagger's weights do not add up")
    return dict(zip(feats, range(len(feats)))), list(accumulate(lengths, initial=0)), classes, values


_FROZEN = struct.Struct("<6s2xQQQQQ")  # magic; lengths of the JSON part, feature index, offsets, classes, values
_MAGIC = b"LNTG2\0"


def _freeze(read: dict) -> bytes:
    """The model as one flat file: the JSON part without the weights, the feature names as a frozen
    index (``read/frozen_index.py``: looked up in place, no dict built at start), then the weights'
    arrays (native byte order: a per-user cache)."""
    small = json.dumps({k: v for k, v in read["data"].items() if k != "weights"}).encode("utf-8")
    small += b" " * (-len(small) % 8)
    index, offsets, classes, values = read["weights"]
    names = frozen_index.freeze(list(index))
    arrays = [array("q", offsets), classes, values]
    return (_FROZEN.pack(_MAGIC, len(small), len(names), *(len(a) for a in arrays)) + small + names
            + b"".join(a.tobytes() for a in arrays))


def _thaw(blob: bytes):
    """The parts ``_freeze`` wrote, read in place."""
    magic, n_small, n_names, n_offsets, n_classes, n_values = _FROZEN.unpack_from(blob, 0)
    at = _FROZEN.size + n_small + n_names
    if (magic != _MAGIC or len(blob) != at + 8 * n_offsets + n_classes + 2 * n_values
            or n_classes != n_values):
        raise ValueError("not a frozen lintnews tagger")
    feats = frozen_index.FrozenIndex(blob, _FROZEN.size + n_small)
    if feats.nbytes != n_names:
        raise ValueError("the tagger's frozen feature index is damaged")
    if len(feats) + 1 != n_offsets:
        raise ValueError("the tagger's frozen weights do not match its features")
    view = memoryview(blob)
    offsets = view[at:at + 8 * n_offsets].cast("q")
    at += 8 * n_offsets
    classes = view[at:at + n_classes].cast("B")
    values = view[at + n_classes:].cast("h")
    data = json.loads(blob[_FROZEN.size:_FROZEN.size + n_small])
    return data, feats, offsets, classes, values


# A row of one weight per tag is kept as one integer, a lane of 32 bits a tag holding the weight plus
# _BIAS (never below 0; the same for every tag, so the best tag stays the best): adding the integers adds
# every tag's weights at once, in C, and each lane stays below 2**32 for the 40 or so rows a word sums
# (each under 2**16, the weights being 16-bit), so the lanes never carry into each other.
_LANE = next(t for t in "IL" if array(t).itemsize == 4)
_LANE_BYTES = 4
_BIAS = 1 << 15
_SUM_BIAS = 1 << 20  # for a sum of up to 32 weights


def _pack(weights: list[int], bias: int = _BIAS) -> int:
    return int.from_bytes(array(_LANE, [w + bias for w in weights]).tobytes(), sys.byteorder)


_ROWS_KEPT = 400_000  # features remembered (weights unpacked, or absent) per process
_OWNED_KEPT = 10_000  # words whose own features' scores are kept summed (some 430 bytes each)
_MODEL: Model | None = None
_LOCK = threading.Lock()


def model() -> Model:
    """The shipped model, loaded on first use and kept for the process."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = Model.frozen()
    return _MODEL


def tag_words(words: list[str]) -> list[tuple[str, str, str]]:
    """``(upos, xpos, lemma)`` for each of the given (already tokenized) words."""
    return model().analyse(list(words))


def tag(text: str, offset: int = 0) -> list[Token]:
    """The tokens of one sentence, tagged and lemmatized; offsets are ``offset`` + positions in ``text``."""
    return model().tag(text, offset)
