"""Where the pattern rules' start words stand in a document, found for all of them in one pass.

A pattern without a prefilter starts from the places of its rarest required word (``kinds/pattern.py``),
found per word with ``str.find`` (``anchored.Anchored.places``): some 30 words over a dozen rules, each
a search of the whole text. Every pattern rule checked in this process adds its words here
(``register``), and the first rule to need a word in a document finds all the words known so far in
one Aho-Corasick pass over the lower-cased text, with the same places ``Anchored.places`` gives: a head
opening with a letter or digit has no ASCII letter, digit or underscore just before it.
"""

from __future__ import annotations

from .anchored import _ASCII_WORD, Anchored
from .wordlist import automaton

_FINDERS: dict[str, Anchored] = {}  # each registered word -> its finder (its heads: the apostrophe forms)
_generation = 0
_auto = None  # over every head of every registered word, each reported as (its length, its word)


def register(finders: dict[str, Anchored]) -> None:
    """Add a rule's start words (word -> finder); each rule calls it for every document it checks."""
    global _auto, _generation
    if finders.keys() <= _FINDERS.keys():  # known already (every document but the first)
        return
    _FINDERS.update({w: f for w, f in finders.items() if w not in _FINDERS})
    _auto = None
    _generation += 1


def generation() -> int:
    """How many times words were added: places filled under an earlier one may lack some words."""
    return _generation


def fill(places: dict[str, list[int]], lower: str) -> None:
    """Put the places of every registered word not in ``places`` yet into it (``lower``: the document's
    lower-cased text, which ``anchored.readable`` has accepted)."""
    global _auto
    missing = [w for w in _FINDERS if w not in places]
    if not missing:
        return
    if _auto is None:
        _auto = automaton({head: (len(head), word) for word, finder in _FINDERS.items() for head in finder.heads})
    found: dict[str, list[int]] = {w: [] for w in missing}
    for last, (n, word) in _auto.iter(lower):
        at = found.get(word)
        if at is None:
            continue
        start = last - n + 1
        if start == 0 or lower[start - 1] not in _ASCII_WORD or not lower[start].isalnum():
            at.append(start)
    for word, at in found.items():
        if len(_FINDERS[word].heads) > 1:  # its apostrophe forms, found in the order they end
            at.sort()
        places[word] = at
