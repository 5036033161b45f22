"""Literal word lists found with plain string search.

A rule whose tokens are plain words or phrases ("colour", "in order to")
needs no regex pass: an Aho-Corasick automaton (pyahocorasick) finds every
phrase in one pass over the text, at C speed, and each hit is checked for
word boundaries. The result is what ``\\b(?:phrase|...)\\b`` would find,
leftmost and longest first, without overlaps. Over 400 edited articles the
three built-in lists took 0.031 s this way, 0.095 s with ``str.find`` once
per phrase, and 0.142 s as one ``regex`` alternation.
"""

from __future__ import annotations

import re
import unicodedata

import ahocorasick
import regex
from ..read import compiled as _compiled

PLAIN = _compiled.compile(r"\w+(?: \w+)*")


# Characters beyond ASCII that are no letter, digit or mark for either engine: currency signs,
# typographic quotes, dashes and spaces (the rest of ASCII-typed news copy).
_NOT_PLAIN = re.compile(r"[^\x00-\x7f£€¥¢“”‘’«»‹›—–…•·°©®™\u00a0\u2009\u202f]")


def ascii_words(text: str) -> bool:
    """Whether every letter, digit and mark of ``text`` is ASCII: then \\p{Ll}, \\p{Lu}, \\p{N} and \\w
    are [a-z], [A-Z], [0-9] and [A-Za-z0-9_] there, and the standard library's engine can look for what
    a pattern needs first (about half the edited copy is ASCII, a third more adds only a "£" or curly
    quotes). The last text's answer is kept: several rules ask about the same article."""
    global _last_ascii
    if _last_ascii[0] is not text:
        _last_ascii = (text, _NOT_PLAIN.search(text) is None)
    return _last_ascii[1]


_last_ascii: tuple[str | None, bool] = (None, False)


def is_plain(token: str) -> bool:
    return PLAIN.fullmatch(token) is not None


def attached(text: str, start: int, end: int, joiners: str = "'’-") -> bool:
    """Whether the span is part of a longer word by an apostrophe or a hyphen
    ("hi-tech", "well-known known", "don't t"): ``\\b`` stops at those. A joiner with no word
    character on its far side is a quotation mark or a dash, not a joint ("'The the plan'")."""
    before = start > 1 and text[start - 1] in joiners and word_char(text[start - 2])
    after = end + 1 < len(text) and text[end] in joiners and word_char(text[end + 1])
    return before or after


def word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"


def automaton(words) -> "ahocorasick.Automaton":
    """An Aho-Corasick automaton over ``words``, each reported with its length (its start is
    ``end - length + 1``); or, for a mapping of word -> value, with its value."""
    auto = ahocorasick.Automaton()
    for word in words:
        auto.add_word(word, words[word] if isinstance(words, dict) else len(word))
    auto.make_automaton()
    return auto


class WordList:
    def __init__(self, phrases, ignorecase: bool = False):
        self.ignorecase = ignorecase
        self.phrases = sorted({p.lower() if ignorecase else p for p in phrases})
        self._fallback = None

    @property
    def fallback(self):
        """The phrases as one regex, compiled when first needed (rarely: see ``spans``)."""
        if self._fallback is None:
            self._fallback = regex.compile(
                ("(?i)" if self.ignorecase else "") + r"\b(?:" + "|".join(
                    regex.escape(p) for p in sorted(self.phrases, key=len, reverse=True)) + r")\b")
        return self._fallback

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_auto": None}  # the automaton is built again where it is used

    def _automaton(self):
        auto = getattr(self, "_auto", None)
        if auto is None:
            auto = self._auto = automaton(self.phrases)
        return auto

    def spans(self, doc) -> list[tuple[int, int]]:
        text = doc.text
        haystack = doc.lower_text if self.ignorecase else text
        if haystack is None:  # lower-casing would move offsets (rare scripts): use the regex
            return [m.span() for m in self.fallback.finditer(text)]
        size = len(text)
        found = []
        if "" in self.phrases:  # the empty phrase stands everywhere: an automaton reports it nowhere
            for phrase in self.phrases:
                n = len(phrase)
                i = haystack.find(phrase)
                while i != -1:
                    end = i + n
                    if (i == 0 or not word_char(text[i - 1])) and (end == size or not word_char(text[end])):
                        found.append((i, end))
                    i = haystack.find(phrase, i + 1)
        elif self.phrases:
            for last, n in self._automaton().iter(haystack):
                start, end = last - n + 1, last + 1
                if (start == 0 or not word_char(text[start - 1])) and (end == size or not word_char(text[end])):
                    found.append((start, end))
        found.sort(key=lambda span: (span[0], -span[1]))
        out, last_end = [], -1
        for start, end in found:
            if start >= last_end:
                out.append((start, end))
                last_end = end
        return out

