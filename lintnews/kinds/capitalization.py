"""capitalization: a paragraph (or sentence) that starts in lower case.

A scraped paragraph such as "last week, a few hundred marines..." lost its
capital. The kind leaves alone starts that are lower case on purpose
(``exceptions``: iPhone, eBay, de, al-...) and a paragraph that continues a
sentence the paragraph before left unfinished (a line broken by a scraper).
"""

from __future__ import annotations

import regex

from ..findings import Applicability, Edit
from ..rule import Option, Rule

_FIRST_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.@-]*")
_TERMINAL = ('.', '!', '?', '"', '”', '’', "'", ')', ':')


class Kind(Rule):
    name = "capitalization"
    summary = "Flags a paragraph or sentence that starts in lower case; fixes the capital."
    OPTIONS = {
        "position": Option("str", "paragraph-start", "where a capital is expected",
                           choices=("paragraph-start", "sentence-start")),
        "exceptions": Option("list", [], "regexes for first words that may start in lower case"),
        "heading-words": Option("int", 12, "a paragraph of at most this many words with no final stop counts as a heading"),
    }
    default_fix = Applicability.SAFE

    def compile(self):
        exceptions = "|".join(f"(?:{e})" for e in self["exceptions"]) or "(?!)"
        self.exceptions = self.pattern(f"^(?:{exceptions})$", "exceptions")

    def _starts(self, doc):
        if self["position"] == "paragraph-start":
            previous = None
            for block in doc.blocks:
                if block.kind != "title" and self._ends_previous(doc, previous):
                    yield block.start
                previous = block
        else:
            starts = {b.start for b in doc.blocks}
            for sentence in doc.sentences:
                if sentence.start not in starts:
                    yield sentence.start

    def _ends_previous(self, doc, previous) -> bool:
        """A lower-case start is a lost capital only if the block before ended its sentence."""
        if previous is None:
            return True
        text = previous.text(doc)
        return text.endswith(_TERMINAL) or len(text.split()) <= self["heading-words"]

    def check(self, doc):
        text = doc.text
        for start in self._starts(doc):
            m = _FIRST_WORD.match(text, start)
            if not m or not m.group()[0].islower():
                continue
            word = m.group().rstrip(".")
            if self.exceptions.match(word) or any(c.isupper() for c in word[1:]):
                continue  # iPhone, eBay, al-Assad's own style, or an exception
            if "." in word or "@" in word:
                continue  # e.g., a domain name
            if not self.in_scope(doc, start, m.end()):
                continue
            fixed = text[start].upper()
            yield self.finding(doc, start, m.end(), self.format_message(m.group()),
                               [Edit(start, start + 1, fixed)], fix_title="Capitalise")
