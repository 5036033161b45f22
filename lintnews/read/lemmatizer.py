"""Lemmas from a word and its Penn tag: a table of exceptions, then suffix rules.

Both are learned from the treebanks by ``scripts/train_tagger.py``: a rule
maps a tag and the end of a word to the letters to strip and to add
(``NNS ies`` -> strip 3, add ``y``); the longest ending seen in training
wins. The table holds only the forms the rules get wrong (``went VBD`` ->
``go``, ``I PRP`` -> ``I``), looked up first as written, then in lower case.
Proper nouns (NNP, NNPS) keep their case; every other lemma is lower case.
"""

from __future__ import annotations

MAX_SUFFIX = 5
_KNOWN_KEPT = 50_000  # lemmas kept by word and tag (a few MB at most)
_QUOTES = str.maketrans({"’": "'", "‘": "'"})


def base_form(word: str, xpos: str) -> str:
    """The word before any rule: quotes straightened, lower case unless a proper noun."""
    if not word.isascii():
        word = word.translate(_QUOTES)
    return word if xpos.startswith("NNP") else word.lower()


class Lemmatizer:
    def __init__(self, data: dict):
        self.table: dict[str, str] = data["table"]
        self.rules: dict[str, list] = data["rules"]
        self._known: dict[tuple[str, str], str] = {}  # (word, tag) -> lemma: the same words come back

    def by_rule(self, base: str, xpos: str) -> str:
        """The lemma the suffix rules give ``base`` (already through ``base_form``)."""
        rules = self.rules
        for n in range(min(MAX_SUFFIX, len(base) - 1), -1, -1):
            rule = rules.get(f"{xpos} {base[len(base) - n:]}" if n else xpos)
            if rule is not None:
                strip, add = rule
                return base[:len(base) - strip] + add
        return base

    def lemma(self, word: str, xpos: str) -> str:
        got = self._known.get((word, xpos))
        if got is None:
            if len(self._known) >= _KNOWN_KEPT:
                self._known.clear()
            got = self._known[(word, xpos)] = self._lemma(word, xpos)
        return got

    def _lemma(self, word: str, xpos: str) -> str:
        table = self.table
        plain = word if word.isascii() else word.translate(_QUOTES)
        found = table.get(f"{plain} {xpos}")
        if found is None:
            found = table.get(f"{plain.lower()} {xpos}")
        if found is not None:
            return found
        return self.by_rule(base_form(plain, xpos), xpos)
