"""Whether a verb takes a word as a particle that can end its phrase ("the Soviets came in",
"she gave in", "talks went on") or only as a preposition that needs an object ("relied on the
report", "left in a hurry"), as the UD English treebanks have it.

``lintnews/data/particles.tsv`` is counted by ``scripts/build_particles.py`` (EWT train and GUM's CC BY
genres; CC BY-SA 4.0, ``lintnews/data/LICENSE-particles.txt``): one line per verb lemma and word,
how often the word ended the verb's phrase and how often it led the verb's object. Read once, on the
first question (a doubled "in in" or "on on" in an article).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "data" / "particles.tsv"


@lru_cache(maxsize=1)
def _counts() -> tuple[dict[tuple[str, str], tuple[int, int]], frozenset[str]]:
    """((lemma, word) -> (ends, object), the words counted)."""
    pairs: dict[tuple[str, str], tuple[int, int]] = {}
    for line in PATH.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        lemma, word, ends, obj = line.split("\t")
        pairs[(lemma, word)] = (int(ends), int(obj))
    return pairs, frozenset(word for _, word in pairs)


def known(word: str) -> bool:
    """Whether the treebanks show ``word`` (lower case) both as a particle and as a preposition."""
    return word in _counts()[1]


def ends_phrase(lemma: str | None, word: str) -> bool | None:
    """Whether ``word`` after the verb ``lemma`` can be a particle that ends the verb's phrase: yes if
    the treebanks show the verb with it as a particle at all ("come in", "give in"), no if only as a
    preposition ("rely on", "leave in"); None if they never show the verb with it ("drag on": the
    tagger's reading decides). No verb (None): no."""
    if lemma is None:
        return False
    got = _counts()[0].get((lemma.lower(), word))
    return None if got is None else got[0] > 0


OBJECTS_PATH = PATH.parent / "two_objects.tsv"


@lru_cache(maxsize=1)
def _two_objects() -> frozenset[str]:
    lines = OBJECTS_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t")[0] for line in lines if line and not line.startswith("#"))


def takes_two_objects(lemma: str | None) -> bool:
    """Whether the treebanks show the verb ``lemma`` with an indirect object ("gave her the keys", counted by
    ``scripts/build_particles.py`` into ``lintnews/data/two_objects.tsv``): after it, a pronoun can be the
    first object and then the second's owner ("gave her her due"); after "kept" it cannot."""
    return lemma is not None and lemma.lower() in _two_objects()
