"""paragraph-start (formerly `capitalization`): a paragraph (or sentence) that starts in lower case.

A scraped paragraph such as "last week, a few hundred marines..." lost its
capital. The kind leaves alone starts that are lower case on purpose
(``exceptions``: iPhone, eBay, de, al-...) and a paragraph that continues a
sentence the paragraph before left unfinished (a line broken by a scraper).
"""

from __future__ import annotations


from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..patterns import match
from ...read import compiled as _compiled

_FIRST_WORD = _compiled.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.@-]*")
_LOWER_AFTER_STOP = _compiled.compile(r"([.!?])[\"”’')\]]*\s+[\"“‘(]?(\p{Ll})")
_TERMINAL = ('.', '!', '?', '"', '”', '’', "'", ')', ':')
# A heading-like line that ends in one of these was cut mid-sentence.
# Words that commonly open a news sentence: a lost capital on one of these is
# certain. Any other first word may be a cut-off fragment ("of the issue...",
# "espite the..."), so its fix is only shown: a person should look (blind reads of the
# measure half found the capital right 3 of 7 and then 1 of 6 times: the fault is usually
# elsewhere, a lost letter or a repeated fragment).
_OPENERS = frozenset(
    "the a an this that these those last next after before when while since as in on at for from with "
    "without during despite although though if it its he she they we i you there here but and yet so "
    "then however meanwhile earlier later today yesterday tomorrow some many most more several "
    "officials police one two three four five both all no not what why how where who".split()
)
_OPEN_ENDINGS = frozenset(
    "a an the and but or nor of to in on at by for from with as that which who whose than "
    "is are was were be been his her its their our your my".split()
)


class ParagraphStart(Rule):
    name = "paragraph-start"
    summary = "Flags a paragraph or sentence that starts in lower case; fixes the capital."
    OPTIONS = {
        "position": Option("str", "paragraph-start", "where a capital is expected",
                           choices=("paragraph-start", "sentence-start")),
        "exceptions": Option("list", [], "regexes for first words that may start in lower case"),
        "heading-words": Option("int", 12, "a paragraph of at most this many words with no final stop counts as a heading"),
        "min-words": Option("int", 6, "shorter paragraphs (list items, credits) are not checked"),
    }
    default_fix = Applicability.SAFE

    def compile(self):
        exceptions = "|".join(f"(?:{e})" for e in self["exceptions"]) or "(?!)"
        self.exceptions = self.pattern(f"^(?:{exceptions})$", "exceptions")

    def _starts(self, doc):
        if self["position"] == "paragraph-start":
            blocks = [b for b in doc.blocks if b.kind != "field"]  # a front matter field is no paragraph
            lower = [_starts_lower(doc, b) for b in blocks]
            for i, block in enumerate(blocks):
                if block.kind == "title" or not lower[i]:
                    continue
                if (i > 0 and lower[i - 1]) or (i + 1 < len(blocks) and lower[i + 1]):
                    continue  # a run of lower-case paragraphs: verse, a list, a style
                if len(block.text(doc).split()) < self["min-words"]:
                    continue
                if self._ends_previous(doc, blocks[i - 1] if i else None):
                    yield block.start
        else:
            # The sentence splitter wants a capital after a stop, so look for the lower-case ones here.
            text = doc.text
            for block in doc.blocks:
                if block.kind != "paragraph":
                    continue
                for m in _LOWER_AFTER_STOP.finditer(text, block.start, block.end):
                    if m.group(1) == "." and doc.is_abbreviation(block.start, m.start(1)):
                        continue
                    yield m.start(2)

    def _ends_previous(self, doc, previous) -> bool:
        """A lower-case start is a lost capital only if the block before ended its sentence."""
        if previous is None:
            return True
        text = previous.text(doc)
        if text.endswith(_TERMINAL):
            return True
        words = text.split()
        return (previous.kind in ("title", "heading") and len(words) <= self["heading-words"]
                and words[-1].lower() not in _OPEN_ENDINGS)

    def check(self, doc):
        text = doc.text
        for start in self._starts(doc):
            m = _FIRST_WORD.match(text, start)
            if not m or not m.group()[0].islower():
                continue
            word = m.group().rstrip(".")
            if match(self.exceptions, word, self.id) or any(c.isupper() for c in word[1:]):
                continue  # iPhone, eBay, al-Assad's own style, or an exception
            if "." in word or "@" in word or "/" in text[m.end():m.end() + 1]:
                continue  # e.g., a domain name
            if not self.in_scope(doc, start, m.end()):
                continue
            fixed = text[start].upper()
            # "was delighted to...": a verb first means a lost name, not a lost capital; and a
            # paragraph whose opening words stand in the paragraph before is a scraper's repeated
            # fragment, to delete rather than capitalise.
            sure = word.lower() in _OPENERS and not _repeats_previous(doc, start)
            yield self.finding(doc, start, m.end(), self.format_message(m.group()),
                               [Edit(start, start + 1, fixed)],
                               Applicability.SAFE if sure else Applicability.DISPLAY, fix_title="Capitalise")


def _repeats_previous(doc, start: int, words: int = 4) -> bool:
    """Whether the first ``words`` words from ``start`` also stand in the block before it."""
    block = doc.block_at(start)
    if block is None or block.index == 0:
        return False
    opening = " ".join(doc.text[start:block.end].split()[:words]).lower()
    before = " ".join(doc.blocks[block.index - 1].text(doc).split()).lower()
    return len(opening.split()) == words and opening in before


def _starts_lower(doc, block) -> bool:
    return doc.text[block.start].islower()
