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
weights as flat arrays, and the words the features name with a bit for
each place they are named in (``read/tag_scores.py``'s ``vocabulary``);
later starts read it in about 0.004 s. The features are in
``read/tag_features.py``; ``read/tag_scores.py`` adds their weights up,
kept summed per word and group of features (about 3x the tokens per second
of adding them feature by feature, the same tags).
On EWT test the model gets 95.4% of UPOS and 94.7% of XPOS right
(scripts/train_tagger.py prints the figures).
"""

from __future__ import annotations

import base64
import gzip
import json
import struct
import sys
import threading
from array import array
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from . import frozen_index, tables
from .lemmatizer import Lemmatizer
from .tag_features import (  # noqa: F401 (the features' functions, as scripts/train_tagger.py imports them)
    context, context_features, normalize, own_features, shape, tag_features, word_features,
)
from .tag_scores import Scorer, vocabulary
from .tokenizer import tokenize

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "tagger.json.gz"
FORMAT = "lintnews-tagger/1"


class Token(NamedTuple):
    """One token of a sentence: ``text == sentence[start:end]`` (offsets into the text given)."""
    start: int
    end: int
    text: str
    upos: str
    xpos: str
    lemma: str


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
        weights = weights or _decode(data["weights"])
        self._index, self._offsets, self._classes, self._values = weights[:4]
        self.lexicon: dict[str, str] = data["lexicon"]
        self.lemmatizer = Lemmatizer(data["lemmas"])
        self.meta: dict = data.get("meta", {})
        vocab = weights[4] if len(weights) > 4 else vocabulary(self._index, self.tags)
        self._scorer = Scorer(self.tags, self.tagdict, self.lexicon, self._index, self._offsets, self._classes,
                              self._values, vocab)
        # For each tag, a word -> its (upos, xpos, lemma) with that tag.
        self._analysed: list[dict[str, tuple[str, str, str]]] = [{} for _ in self.tags]
        self._analysed_n = 0

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

        data, *weights = tables.load_bytes("tagger", key, lambda: _freeze(source()), _thaw)
        return cls(data, tuple(weights))

    def predict(self, words: list[str]) -> list[int]:
        """The tag index of each word, greedily left to right (``read/tag_scores.py``)."""
        return self._scorer.predict(words, None if self._noun is None else lambda guess, i: (
            self._noun if self._as_noun(guess, words, i) else guess))

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
        known = self._analysed
        out = []
        add = out.append
        for word, t in zip(words, self.predict(words)):
            got = known[t].get(word)
            if got is None:
                got = self._analysis(word, t)
            add(got)
        return out

    def _analysis(self, word: str, t: int) -> tuple[str, str, str]:
        upos, xpos = self.pairs[t]
        got = (upos, xpos, self.lemmatizer.lemma(word, xpos))
        self._analysed_n += 1
        if self._analysed_n > _ANALYSED_KEPT:
            for kept in self._analysed:
                kept.clear()
            self._analysed_n = 1
        self._analysed[t][word] = got
        return got

    def tag(self, text: str, offset: int = 0) -> list[Token]:
        """The tokens of one sentence, tagged and lemmatized; offsets are ``offset`` + positions in ``text``."""
        spans = tokenize(text)
        words = [text[s:e] for s, e in spans]
        known, analysis = self._analysed, self._analysis
        return [_new(Token, (s + offset, e + offset, word, (got := known[t].get(word) or analysis(word, t))[0],
                             got[1], got[2]))  # (no ``*got``: it builds a list first)
                for (s, e), word, t in zip(spans, words, self.predict(words))]


_new = tuple.__new__  # _new(Token, fields): a Token without NamedTuple's call in Python
_ANALYSED_KEPT = 50_000  # words with a tag whose tags and lemma are kept (a few MB at most)


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


# magic; lengths of the JSON part, feature index, offsets, classes, values, vocabulary index, its bits
_FROZEN = struct.Struct("<6s2xQQQQQQQ")
_MAGIC = b"LNTG3\0"


def _freeze(read: dict) -> bytes:
    """The model as one flat file: the JSON part without the weights, the feature names as a frozen
    index (``read/frozen_index.py``: looked up in place, no dict built at start), the weights' arrays
    (native byte order: a per-user cache), then the words the features name, as a frozen index with
    their bits (``read/tag_scores.py``'s ``vocabulary``)."""
    data = read["data"]
    small = json.dumps({k: v for k, v in data.items() if k != "weights"}).encode("utf-8")
    small += b" " * (-len(small) % 8)
    index, offsets, classes, values = read["weights"]
    names = frozen_index.freeze(list(index))
    arrays = [array("q", offsets), classes, values]
    vocab = vocabulary(index, data["tags"])
    words = frozen_index.freeze(list(vocab))
    bits = array("H", vocab.values())
    body = small + names + b"".join(a.tobytes() for a in arrays)
    body += b"\0" * (-len(body) % 8)
    return (_FROZEN.pack(_MAGIC, len(small), len(names), *(len(a) for a in arrays), len(words), len(bits))
            + body + words + bits.tobytes())


class _Vocabulary:
    """The frozen vocabulary: ``get(word)``, its bits or None."""

    def __init__(self, words: frozen_index.FrozenIndex, bits):
        self._words, self._bits = words, bits

    def get(self, word: str):
        k = self._words.get(word)
        return None if k is None else self._bits[k]


def _thaw(blob: bytes):
    """The parts ``_freeze`` wrote, read in place."""
    magic, n_small, n_names, n_offsets, n_classes, n_values, n_words, n_bits = _FROZEN.unpack_from(blob, 0)
    at = _FROZEN.size + n_small + n_names
    end = at + 8 * n_offsets + n_classes + 2 * n_values
    vocab_at = end + (-(end - _FROZEN.size) % 8)
    if (magic != _MAGIC or len(blob) != vocab_at + n_words + 2 * n_bits or n_classes != n_values):
        raise ValueError("not a frozen lintnews tagger")
    feats = frozen_index.FrozenIndex(blob, _FROZEN.size + n_small)
    words = frozen_index.FrozenIndex(blob, vocab_at)
    if feats.nbytes != n_names or words.nbytes != n_words or len(words) != n_bits:
        raise ValueError("the tagger's frozen indexes are damaged")
    if len(feats) + 1 != n_offsets:
        raise ValueError("the tagger's frozen weights do not match its features")
    view = memoryview(blob)
    offsets = view[at:at + 8 * n_offsets].cast("q")
    at += 8 * n_offsets
    classes = view[at:at + n_classes].cast("B")
    values = view[at + n_classes:end].cast("h")
    bits = view[vocab_at + n_words:].cast("H")
    data = json.loads(blob[_FROZEN.size:_FROZEN.size + n_small])
    return data, feats, offsets, classes, values, _Vocabulary(words, bits)


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
