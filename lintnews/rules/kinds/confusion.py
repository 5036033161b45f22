"""confusion: a real word typed for another ("hi elections", "lose screws").

``sets`` lists words that are confused with each other (hi/his, than/then,
affect/effect...). Each time one of them appears, every other member of its
set is tried in its place, and the word's neighbours decide: the two
phrases "previous word + candidate" and "candidate + next word" are looked
up in an English bigram frequency list (the one symspellpy ships, 242,342
bigrams from Google Books, loaded once per process). The evidence is how
many times likelier the phrases with the other word are than the phrases
as written; it is reported in the message.

Counts below the list's cut-off are not in it, so a phrase that is missing
is taken to be as frequent as the cut-off (an upper bound): a word as
written is never judged by a count lower than it could really have. The
cut-off is high (about 6.4 million uses in the list's source), so where
neither phrase is listed on either side ("principal reason" and "principle
reason" both missing) nothing decides and the word is not flagged: a set
whose words meet in rarer phrases needs a ``pattern`` rule or a
``substitution`` of whole phrases instead. Words
with an apostrophe, which the list does not hold, are scored through their
``expand`` ("it's" -> "it is").

A neighbour counts only when a single space separates it from the word (no
punctuation: "Hi, everyone" has no right neighbour). Capitalised words and,
by default, direct quotations are not checked. A finding needs at least
``min-ratio``; its fix is safe from ``safe-ratio`` on, unsafe below.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...findings import Applicability, Edit
from ...read import tables
from ..base import Option, Rule, preserve_case
from ..patterns import match
from ..wordlist import WordList, attached
from ...read import compiled as _compiled


class Bigrams:
    """The bigram list: "w1 w2" -> count, with each word's total as first and second word.

    Frozen into tables (``read/tables.py``) at first use, so a start costs a
    few milliseconds; ``floor`` is the list's cut-off.
    """

    SOURCE = "frequency_bigramdictionary_en_243_342.txt"

    def __init__(self) -> None:
        path = tables.package_file("symspellpy", self.SOURCE)
        key = tables.identity("bigrams", tables.file_identity(path))
        built: dict[str, tuple] = {}

        def part(i: int):
            if not built:
                built["all"] = self._build(path)
            return built["all"][i]

        self.counts = tables.load("bigrams", key, lambda: part(0))
        self.first = tables.load("bigrams-first", key, lambda: part(1))
        self.second = tables.load("bigrams-second", key, lambda: part(2))
        self.floor = self.counts.extra

    @staticmethod
    def _build(path) -> tuple:
        counts: dict[str, int] = {}
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                a, b, n = line.split()
                counts[f"{a} {b}"] = int(n)
        first: dict[str, int] = {}
        second: dict[str, int] = {}
        for key, n in counts.items():
            a, b = key.split(" ")
            first[a] = first.get(a, 0) + n
            second[b] = second.get(b, 0) + n
        floor = min(counts.values())
        return (counts, floor), (first, 0), (second, 0)

    def get(self, a: str, b: str) -> int:
        return self.counts.get(f"{a} {b}", 0)

    def left(self, ctx: str, words: list[str]) -> float:
        """Count of "ctx words...": for two words, c(ctx w1) x P(w2 | w1)."""
        n = self.get(ctx, words[0])
        if n and len(words) == 2:
            n = n * self.get(words[0], words[1]) / max(self.first.get(words[0], 0), 1)
        return n

    def unigram(self, words: list[str]) -> float:
        """How often a word (or a two-word expansion) starts a listed bigram: the scale of ``right``."""
        if len(words) == 2:
            return max(self.get(words[0], words[1]), self.floor)
        return max(self.first.get(words[0], 0), self.floor)

    def right(self, words: list[str], ctx: str) -> float:
        """Count of "words... ctx": for two words, c(w2 ctx) x P(w1 | w2)."""
        n = self.get(words[-1], ctx)
        if n and len(words) == 2:
            n = n * self.get(words[0], words[1]) / max(self.second.get(words[1], 0), 1)
        return n


@lru_cache(maxsize=1)
def bigrams() -> Bigrams:
    return Bigrams()


# The word before a space at the end of the window. Only one match can end there, so a search
# backwards from the end (REVERSE) finds it without trying the 40 starts a forward search tries:
# a fourth of the time, the same match at every position of 400 articles.
_PREV = _compiled.compile(r"(?:^|(?<=[^\p{L}\p{N}'’-]))([\p{L}]+) $", regex.REVERSE)
_NEXT = _compiled.compile(r" (\p{L}+)(?![\p{L}\p{N}'’-])")


class Confusion(Rule):
    name = "confusion"
    MESSAGE_FILLS = 5  # the %s its messages fill
    summary = "Flags a real word used for another, judged by its neighbours' bigram counts."
    OPTIONS = {
        "sets": Option("dict", None, "name -> list of words confused with each other", required=True),
        "expand": Option("map", {}, "word with an apostrophe -> the words it stands for (it's: it is)"),
        "min-ratio": Option("float", 50.0, "report when the other word is this many times likelier"),
        "safe-ratio": Option("float", 500.0, "the fix is safe from this ratio on, unsafe below"),
        "exceptions": Option("list", [], "phrases (word with its neighbours) never reported"),
        "right-when-followed-by": Option("map", {}, "word -> regex: the word is right when the text after "
                                                    "it matches (there: a time phrase, 'there last month')"),
    }
    default_fix = Applicability.SAFE

    def compile(self):
        sets = self["sets"]
        self.alternatives: dict[str, list[str]] = {}
        for name, words in sets.items():
            if not (isinstance(words, list) and len(words) >= 2 and all(isinstance(w, str) for w in words)):
                self.fail(f"key 'sets.{name}' must be a list of two or more words")
            words = [w.lower() for w in words]
            for w in words:
                others = [o for o in words if o != w]
                known = self.alternatives.setdefault(w, [])
                known.extend(o for o in others if o not in known)
        self.expand = {str(k).lower().replace("’", "'"): str(v).lower().split() for k, v in self["expand"].items()}
        for word in self.alternatives:
            if "'" in word.replace("’", "'") and word.replace("’", "'") not in self.expand:
                self.fail(f"key 'sets': '{word}' has an apostrophe but no entry in 'expand'")
        members = sorted(self.alternatives, key=len, reverse=True)
        # Lower case only: capitalised forms (names, sentence starts) are never judged.
        # Plain string search for each member (both apostrophes); joiners are checked on matches.
        self.words = WordList({form for m in members for form in (m, m.replace("'", "’"))})
        self.exceptions = {str(e).lower() for e in self["exceptions"]}
        self.followers = {
            str(k).lower().replace("’", "'"): self.pattern(f"(?i){v}", "right-when-followed-by")
            for k, v in self["right-when-followed-by"].items()
        }
        self._cache: dict[tuple, tuple | None] = {}

    def tokens(self, word: str) -> list[str]:
        word = word.replace("’", "'")
        return self.expand.get(word, [word])

    def judge(self, prev: str | None, word: str, nxt: str | None):
        """(ratio, alternative, evidence phrase, as-written phrase) for the best alternative, or None."""
        key = (prev, word, nxt)
        if key in self._cache:
            return self._cache[key]
        big = bigrams()
        floor = big.floor
        mine = self.tokens(word)
        best = None
        for alt in self.alternatives[word.replace("’", "'")]:
            theirs = self.tokens(alt)
            ratio = 1.0
            evidence = None
            for ctx, side in ((prev, "left"), (nxt, "right")):
                if ctx is None:
                    continue
                if side == "left":
                    a, o = big.left(ctx, theirs), big.left(ctx, mine)
                else:
                    a, o = big.right(theirs, ctx), big.right(mine, ctx)
                if a < floor and o < floor:
                    continue  # neither phrase is listed: this side says nothing
                # A phrase missing from the list is at most as frequent as its cut-off: the word as
                # written gets that upper bound, never less. Left: P(word | previous) compared;
                # right: P(next | word), so a rare word is not condemned for rare phrases.
                r = max(a, floor) / max(o, floor)
                if side == "right":
                    r *= big.unigram(mine) / big.unigram(theirs)
                ratio *= r
                # Evidence: the phrase as written is not listed at all, the other one is.
                if o < floor and a >= floor and (evidence is None or r > evidence[0]):
                    evidence = (r, side, a)
            if evidence is None:
                continue
            if best is None or ratio > best[0]:
                side = evidence[1]
                shown_alt = f"{prev} {alt}" if side == "left" else f"{alt} {nxt}"
                shown_mine = f"{prev} {word}" if side == "left" else f"{word} {nxt}"
                best = (ratio, alt, shown_alt, shown_mine, evidence[0])
        if len(self._cache) < 100_000:
            self._cache[key] = best
        return best

    @property
    def fix_condition(self) -> str:
        """When the fix is safe, for the rule's page ("Fix: safe ...")."""
        return f"from evidence {self['safe-ratio']:g}x or more; unsafe below"

    def check(self, doc):
        text = doc.text
        for start, end in self.words.spans(doc):
            word = text[start:end]
            if attached(text, start, end):
                continue  # part of a longer word: "hi-tech", "its'"
            pm = _PREV.search(text, max(0, start - 40), start)
            nm = _NEXT.match(text, end, min(len(text), end + 40))
            prev = pm.group(1).lower() if pm else None
            nxt = nm.group(1).lower() if nm else None
            if prev is None and nxt is None:
                continue
            lw = word.replace("’", "'")
            best = self.judge(prev, lw, nxt)
            if best is None or best[0] < self["min-ratio"]:
                continue
            phrase = " ".join(p for p in (prev, lw, nxt) if p)
            if phrase in self.exceptions or lw in self.exceptions:
                continue
            follower = self.followers.get(lw.lower())
            if follower is not None and match(follower, text, self.id, end):
                continue
            if not self.in_scope(doc, start, end):
                continue
            ratio, alt, shown_alt, shown_mine, side_ratio = best
            good = preserve_case(word, alt)
            if "’" in word or ("’" in text[max(0, start - 200):end + 200] and "'" in good):
                good = good.replace("'", "’")
            message = self.format_message(good, word, shown_alt, _times(side_ratio), shown_mine)
            applicability = Applicability.SAFE if ratio >= self["safe-ratio"] else Applicability.UNSAFE
            yield self.finding(doc, start, end, message, [Edit(start, end, good)], applicability,
                               fix_title=f"Replace with '{good}'")


def _times(ratio: float) -> str:
    if ratio >= 100:
        return f"{ratio:,.0f}"
    if ratio >= 10:
        return f"{ratio:.0f}"
    return f"{ratio:.1f}"
