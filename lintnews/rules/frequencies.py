"""The English word frequencies that Spelling and DoubledWord consult.

- ``wordfreq``'s large English list (321,000 words from news, books, web and
  subtitles, US and British spellings alike): word -> frequency (share of all
  words);
- ``symspellpy``'s dictionary (82,765 words, Google Books counts cut to a
  spelling dictionary): the *curated* list.

Both install with their packages (nothing is fetched at run time) and are
frozen into tables (``read/tables.py``) at first use, so a start reads them
in milliseconds instead of building dicts of 400,000 words.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from ..read import tables

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


class Lexicon:
    """The word lists: ``freq`` word -> frequency (share of all words), ``curated`` a set of words."""

    def __init__(self) -> None:
        curated = tables.package_file("symspellpy", "frequency_dictionary_en_82_765.txt")
        key = tables.identity("lexicon", _wordfreq_identity(), tables.file_identity(curated))
        self.freq = tables.load("wordfreq-large-en", key, _wordfreq)
        self.curated = tables.load("curated-en", key, lambda: _curated(curated))

    def zipf(self, word: str) -> float:
        f = self.freq.get(word, 0.0)
        return math.log10(f * 1e9) if f > 0 else 0.0

    def known(self, word: str) -> bool:
        return word in self.curated or word in self.freq

    def edits1(self, word: str) -> set[str]:
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        out = {a + b[1:] for a, b in splits if b}
        out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
        out |= {a + c + b for a, b in splits for c in _ALPHABET}
        out.discard(word)
        return out

    def suggestions(self, word: str, min_zipf: float) -> list[tuple[str, float]]:
        """Words one edit away that are curated or common, most frequent first."""
        found = []
        for cand in self.edits1(word):  # only listed words have a frequency
            z = self.zipf(cand)
            if z > 0 and (cand in self.curated or z >= min_zipf):
                found.append((cand, z))
        found.sort(key=lambda x: (-x[1], x[0]))
        return found


def _wordfreq_identity() -> tuple:
    """wordfreq's English list file (where it is, its size and time): found without importing
    wordfreq or importlib.metadata (which alone cost 0.03 s of a start)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:
        return ("wordfreq", None)
    return ("wordfreq", tables.file_identity(Path(folders[0]) / "data" / "large_en.msgpack.gz"))


def _wordfreq() -> tuple[dict[str, float], float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="large"), 0.0


def _curated(path) -> tuple[dict[str, int], float]:
    with path.open(encoding="utf-8") as fh:
        return {line.split(" ", 1)[0]: 1 for line in fh}, 0.0


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
