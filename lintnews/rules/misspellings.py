"""The list of common misspellings News.Spelling consults first ("accomodate",
"occured", "recieve"), each with its corrections.

``lintnews/data/misspellings.txt`` is built by ``scripts/build_misspellings.py``
from codespell's dictionary (English Wikipedia's lists of common misspellings,
CC BY-SA 3.0; see ``lintnews/data/LICENSE-misspellings.txt``), kept to entries
that are no word of their own in the frequency lists and no British spelling.
One entry a line, tab-separated: the misspelling, then its corrections in codespell's
order (not ranked: the rule only shows several); lines starting with ``#`` are
comments. Looked up through a table of where each entry's corrections start in
the file, frozen into the per-user data cache at first use (``read/tables.py``),
so a start reads the file and the table instead of building a 57,000-entry dict.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path


from ..read import tables
from ..read import compiled as _compiled

PATH = Path(__file__).resolve().parent.parent / "data" / "misspellings.txt"

# A capitalised word opening a line or a sentence ("Accomodate"), and at the start of the text.
# Led by the character before it: a look-behind or "^" tried at every position costs 4 times more.
_OPENING = _compiled.compile(r"(?:\n|[.!?][\"”’)]?[ \t])[ \t]*([A-Z][a-z]+(?:['’][a-z]+)*)")
_FIRST = _compiled.compile(r"[ \t]*([A-Z][a-z]+(?:['’][a-z]+)*)")
_WORD_GOES_ON = _compiled.compile(r"[\p{L}\p{M}\p{N}\p{S}_@/\\&-]|[.'’]\p{L}")
_MID_SENTENCE = _compiled.compile(r"(?<=[\p{Ll},;:][ \t]+)\p{Lu}[\p{Ll}'’]+")
_NAME_GOES_ON = _compiled.compile(r"[ \t]+[\p{Lu}\p{N}]")  # "Enver Solomon said", "Calle 62"


def _table() -> dict[str, str]:
    """Misspelling -> its corrections as written in the file (the whole list, as a dict)."""
    text = _text()
    return {word: _value(text, where) for word, where in _entries(text)}


def _text() -> str:
    return PATH.read_text(encoding="utf-8")


def _entries(text: str):
    """(misspelling, where its corrections stand in ``text``: start << 16 | length) for each entry."""
    at = 0
    for line in text.splitlines(keepends=True):
        content = line.splitlines()[0] if line.splitlines() else ""
        tab = content.find("\t")
        if content and not content.startswith("#") and tab > 0 and len(content) - tab - 1 < 1 << 16:
            yield content[:tab], (at + tab + 1) << 16 | (len(content) - tab - 1)
        at += len(line)


def _value(text: str, where: int) -> str:
    start = where >> 16
    return text[start:start + (where & 0xFFFF)]


class _Listed:
    """The file's text and a frozen table of where each misspelling's corrections stand in it."""

    def __init__(self) -> None:
        self.text = _text()
        key = tables.identity("misspellings", 2, tables.file_identity(PATH))
        self.where = tables.load("misspellings", key, lambda: (dict(_entries(self.text)), 0.0))

    def get(self, word: str) -> str | None:
        where = self.where.get(word)
        return None if where is None else _value(self.text, where)


@lru_cache(maxsize=1)
def _listed() -> _Listed:
    return _Listed()


def corrections(word: str) -> tuple[str, ...]:
    """The corrections of a lower-case misspelling, in the list's order; () for a word not in it."""
    found = _listed().get(word)
    return tuple(found.split("\t")) if found else ()


def listed_corrections(word: str, base: str) -> tuple[str, ...]:
    """The corrections of ``word`` (lower case), or of ``base``, the word without its "'s",
    with the "'s" put back ("goverment's" / "government's")."""
    found = corrections(word)
    if found or base == word:
        return found
    suffix = word[len(base):]
    return tuple(c + suffix for c in corrections(base))


def sentence_openings(text: str, min_length: int):
    """(start, end, corrections) of each capitalised word opening a sentence that the list
    knows ("Accomodate"), unless it looks like a name: followed by a capitalised word or a
    number, or written capitalised mid-sentence elsewhere in the text."""
    names = None
    first = _FIRST.match(text)
    for m in itertools.chain([first] if first else [], _OPENING.finditer(text)):
        word = m.group(1)
        if len(word) < min_length:
            continue
        w = word.lower().replace("’", "'")
        found = listed_corrections(w, w.removesuffix("'s"))
        if not found:
            continue
        start, end = m.span(1)
        if _WORD_GOES_ON.match(text, end) or _NAME_GOES_ON.match(text, end):
            continue  # part of a longer token ("Accomodate-2"), or a name goes on
        if names is None:
            names = {c.group() for c in _MID_SENTENCE.finditer(text)}
        if word not in names:
            yield start, end, found
