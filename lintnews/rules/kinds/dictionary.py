"""dictionary (formerly `spelling`): a word no English dictionary knows, with ranked suggestions.

Built on two frequency lists that install with their packages (nothing is fetched at run
time), loaded once per process:

- ``wordfreq``'s large English list (321,000 words from news, books, web and subtitles, US
  and British spellings alike) decides what is a word;
- ``symspellpy``'s dictionary (82,765 words, Google Books counts cut to a spelling
  dictionary) is the *curated* list: a suggestion must be in it or be common, and a word in
  wordfreq only because people misspell it ("goverment", "recieve") is flagged when a
  curated word one edit away is far more frequent.

Before either list, a list of common misspellings (``lintnews/data/misspellings.txt``, read by
``lintnews.rules.misspellings``; set ``misspelling-message`` to use it) catches what the
frequency lists take for words because the web misspells them so often ("accomodate"), with
the list's corrections: a safe fix when it gives one, the corrections shown when several.

Suggestions are the words one edit away (insert, delete, replace, swap two neighbours),
ranked by frequency. The fix is safe when one suggestion is clear (the only one, or
``clear-ratio`` times likelier than the next), unsafe when the first is ahead but not by
that much, shown only (display) when several are close. A word with no suggestion is not
reported: in news copy it is far more often a name, a coinage or a foreign word than a typo.

Never checked: words with a capital letter, a word seen capitalised elsewhere in the article,
words with digits, URLs, e-mail addresses, @handles, #hashtags, words shorter than ``min-length``
or longer than ``MAX_WORD`` (50) letters, and, by default, direct quotations. With
``full-dictionary``, a word a full Hunspell dictionary knows ("perdure") is rare, not misspelt.
"""

from __future__ import annotations

import math
import re

from ...findings import Applicability, Edit
from ...read import compiled as _compiled
from .. import budget
from ..base import MAX_WORD, Option, Rule, preserve_case
from ..frequencies import Lexicon, lexicon
from ..misspellings import listed_corrections, sentence_openings
from ..word_shapes import (
    compound,
    dropped_letter,
    glued_short_word,
    inner_edit,
    l_variant,
    swapped_letters,
)

# A lower-case ASCII word, with an apostrophe inside ("doesn't"). Not part of a
# longer token: not next to a letter (accented words are foreign), digit, symbol,
# @, #, / or a dot-letter (domains), nor a hyphen ("hi-tech", "mau-mauers", a word
# broken at a line end as "entrepre- neurs"), so handles and URLs are left out.
_WORD = _compiled.compile(
    r"(?<![\p{L}\p{M}\p{N}\p{S}_@#/\\.'’&-])(?<!-\s)[a-z]+(?:['’][a-z]+)*"
    r"(?![\p{L}\p{M}\p{N}\p{S}_@/\\&-]|[.'’]\p{L})"
)
_LOOSE = re.compile(r"(?<![A-Za-z0-9_@#/\\.'’&-])[a-z]+(?:['’][a-z]+)*")  # a prefilter: all _WORD's words and more
_CAPITALISED = _compiled.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’]+")
_LINKISH = _compiled.compile(r"[@#/\\:=_~%]|www\.|\p{N}|\.\p{L}")
# The rest of a contraction whose apostrophe a scraper dropped ("couldn t", "we re"):
# News.StrippedApostrophe reports those, and "couldn" is no misspelling of "could".
_STRIPPED_TAIL = _compiled.compile(r" (t|s|re|ve|ll|d|m)(?![\p{L}\p{N}'’])")
_LOWER_WORD = _compiled.compile(r"(?<![\p{L}\p{N}])[a-z]{4,}(?![\p{L}\p{N}])")
_SENTENCE_END = _compiled.compile(r"[.!?]\s|\n")


class Dictionary(Rule):
    name = "dictionary"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags words no dictionary knows, with ranked suggestions."
    OPTIONS = {
        "min-length": Option("int", 4, "shorter words are not checked"),
        "rare-zipf": Option("float", 3.0,
                            "a word in the frequency list but not the curated dictionary is flagged only "
                            "below this Zipf frequency (3 = once per million words)"),
        "min-gain": Option("float", 2.0,
                           "how many Zipf points (powers of ten) a suggestion must be ahead of a "
                           "rare listed word to flag it"),
        "suggestion-zipf": Option("float", 3.0, "a suggestion outside the curated dictionary needs this Zipf"),
        "clear-ratio": Option("float", 20.0, "the first suggestion is clear (safe fix) when this many times "
                                             "more frequent than the second"),
        "max-suggestions": Option("int", 3, "suggestions named in the message"),
        "accept": Option("list", [], "words never reported (lower case)"),
        "misspelling-message": Option("str", "", "message for a word on lintnews's list of common misspellings, "
                                                 "consulted first (%s: the word, then its corrections); "
                                                 "empty: the list is not used"),
        "full-dictionary": Option("str", "", "'en_US-web' (Vale's dictionary, in the wheel): a word it knows is "
                                             "rare, not misspelt, and is not reported; empty: not consulted",
                                  choices=("", "en_US-web")),
    }
    default_fix = Applicability.SAFE

    def compile(self):
        if self["min-length"] < 1:
            self.fail("key 'min-length' must be at least 1")
        self.accept = frozenset(str(a).lower() for a in self["accept"])
        self.clear_gain = math.log10(max(self["clear-ratio"], 1.0))
        self._verdicts: dict[str, tuple | None] = {}
        self._good: set[str] = set()  # the words of _verdicts judged good: most of an article's, ruled out in C

    def verdict(self, word: str):
        """None for a good word; else (suggestions) for a misspelling. Cached per word."""
        if word in self._verdicts:
            return self._verdicts[word]
        if len(word) > MAX_WORD:
            return None  # no spelling candidate: its edits alone would fill memory
        budget.check()  # a new word costs thousands of look-ups: where a run out of time stops
        result = self._judge(word)
        if len(self._verdicts) < 200_000:
            self._verdicts[word] = result
            if result is None:
                self._good.add(word)
        return result

    def _judge(self, word: str):
        lex = lexicon()
        w = word.replace("’", "'")
        if w in self.accept or w in lex.curated:
            return None
        base = w[:-2] if w.endswith("'s") else w
        if base in self.accept:
            return None
        on_list = self._listed(w, base)
        if on_list:
            return on_list  # before the frequency lists, which know "accomodate" from the web
        if base in lex.curated:
            return None
        listed = w in lex.freq or base in lex.freq
        zipf = max(lex.zipf(w), lex.zipf(base))
        if listed and zipf >= self["rare-zipf"]:
            return None
        if "'" in base:
            return None  # contractions and elisions the lists split differently
        if _derived(base, lex):
            return None  # "rebanding", "demerged", "financings": a known word with a prefix or suffix
        if self._inflects_good_word(base, lex):
            return None  # "scandalizes": an inflection of a rare word the lists know ("scandalize")
        if compound(base, lex):
            return None  # "dayslong": two common words written as one, a coinage
        sugg = lex.suggestions(base, self["suggestion-zipf"])
        if listed:
            # A listed rare word: only a common misspelling of the one curated word
            # one edit away, and far more frequent ("goverment", "recieve").
            curated = [(s, z) for s, z in sugg if s in lex.curated]
            if len(curated) != 1 or curated[0][1] - zipf < self["min-gain"]:
                return None
            sugg = curated
        # A word whose first or last letter differs from every suggestion is usually another
        # word, a coinage or a foreign word ("nuttery" / "buttery", "consortio" / "consortia").
        # A letter dropped at an edge ("ecessary", "awmakers") is a slip too, in a word no list knows.
        sugg = [(s, z) for s, z in sugg if inner_edit(base, s) or (
            not listed and len(base) >= 5 and dropped_letter(base, s))]
        if len(sugg) == 1 and l_variant(base, sugg[0][0]):
            return None  # "enrolees" / "enrollees": a spelling variant, not a typo
        # A word keeps its last letter, an ending, unless another reading is far more frequent
        # ("outburts": "outbursts" before "outburst"; but "almots": "almost").
        if sugg and sugg[0][0][-1:] != base[-1:]:
            near = [sz for sz in sugg if sz[0][-1:] == base[-1:] and sz[1] >= sugg[0][1] - self.clear_gain]
            sugg = near[:1] + [sz for sz in sugg if sz not in near[:1]]
        if not listed:
            split = glued_short_word(base, lex)
            if split:  # "reportedby": two words, one of them short and frequent, run together
                sugg.insert(0, split)
        if not sugg or (self["full-dictionary"] and _full_dictionary_knows(base)):
            return None  # "perdure": rare, but a word; the dictionary loads only for a word that would be flagged
        suffix = w[len(base):]
        return tuple((s + suffix, z) for s, z in sugg)

    def _listed(self, w: str, base: str):
        """The list's corrections of the word ("goverment's" / "government's"), or None."""
        if not self["misspelling-message"]:
            return None
        found = listed_corrections(w, base)
        return _Listed(found) if found else None

    def _inflects_good_word(self, word: str, lex: Lexicon) -> bool:
        """An inflection of a rare word the lists know and this rule accepts ("scandalizes",
        "stupefies", "unassailably", "magickal")."""
        for suffix, add in _INFLECTIONS:
            if word.endswith(suffix) and len(word) - len(suffix) >= 5:
                stem = word[: -len(suffix)] + add
                if stem in lex.freq and stem != word and self.verdict(stem) is None:
                    return True
        return False

    def _context_skips(self, text: str, start: int, end: int, word: str) -> bool:
        """Whether the context shows the word is no misspelling of English."""
        tail = _STRIPPED_TAIL.match(text, end)
        if tail and (word + "'" + tail.group(1)) in lexicon().curated:
            return True  # "couldn t": a contraction that lost its apostrophe
        if start > 0 and text[start - 1] in "]*":
            return True  # "[H]opefully", "sh*tstorm": an edited or censored word
        if _mentioned(text, start, end):
            return True  # "the queries ‘como votar’": a term quoted as a term
        return self._foreign_passage(text, start, end)

    def _foreign_passage(self, text: str, start: int, end: int) -> bool:
        """Two more words no list knows in the same sentence: a passage in another language."""
        lo = start
        while lo > 0 and start - lo < 300 and not _SENTENCE_END.match(text, lo - 1):
            lo -= 1
        m = _SENTENCE_END.search(text, end, min(len(text), end + 300))
        hi = m.start() if m else min(len(text), end + 300)
        lex = lexicon()
        unknown = 0
        for w in _LOWER_WORD.finditer(text, lo, hi):
            if w.start() == start:
                continue
            word = w.group()
            if word not in lex.curated and word not in lex.freq and not _derived(word, lex):
                unknown += 1
                if unknown >= 2:
                    return True
        return False

    def check(self, doc):
        text = doc.text
        min_len = self["min-length"]
        capitalised = None
        # Judge each distinct word once (in C); _WORD's slower scan only if one of _LOOSE's is misspelt.
        loose = {w for w in set(_LOOSE.findall(text)) - self._good if len(w) >= min_len and self.verdict(w) is not None}
        flagged = {w for w in set(_WORD.findall(text)) if w in loose} if loose else loose
        for m in (_WORD.finditer(text) if flagged else ()):
            word = m.group()
            if word not in flagged:
                continue
            sugg = self.verdict(word)
            start, end = m.span()
            if _in_link(text, start, end) or self._context_skips(text, start, end, word):
                continue
            if capitalised is None:
                capitalised = {c.group().lower().replace("’", "'") for c in _CAPITALISED.finditer(text)}
            if word.replace("’", "'") in capitalised:
                continue
            if not self.in_scope(doc, start, end):
                continue
            yield self._finding(doc, start, end, word, sugg)
        if self["misspelling-message"]:
            yield from self._check_openings(doc)

    def _check_openings(self, doc):
        """Capitalised words opening a sentence that the list knows ("Accomodate"), unless the
        article also writes them capitalised mid-sentence (a name) or the accept list has them."""
        text = doc.text
        for start, end, found in sentence_openings(text, self["min-length"]):
            word = text[start:end]
            w = word.lower().replace("’", "'")
            if w in self.accept or w.removesuffix("'s") in self.accept:
                continue
            if _in_link(text, start, end) or self._context_skips(text, start, end, word.lower()):
                continue
            if self.in_scope(doc, start, end):
                yield self._listed_finding(doc, start, end, word, _Listed(found))

    def _finding(self, doc, start, end, word, sugg):
        if isinstance(sugg, _Listed):
            return self._listed_finding(doc, start, end, word, sugg)
        names = [preserve_case(word, s) for s, _ in sugg[: self["max-suggestions"]]]
        if "’" in word:
            names = [n.replace("'", "’") for n in names]
        if " " in sugg[0][0]:
            # Two words run together: a space is the fix when nothing else is near, but a person checks it.
            applicability = Applicability.UNSAFE if len(sugg) == 1 else Applicability.DISPLAY
        elif len(sugg) == 1 or sugg[0][1] - sugg[1][1] >= self.clear_gain:
            # One clear suggestion. Safe only for the typos fingers make, a letter
            # left out ("legisation") or two swapped ("recieve"); a changed or an
            # extra letter is as often a rare real word ("brasen", "perdure").
            # A letter restored at an edge ("ecessary") may make another word than the writer's: unsafe.
            low, best = word.lower(), sugg[0][0]
            inner = low[:1] == best[:1] and low[-1:] == best[-1:]
            typo = (dropped_letter(low, best) and inner) or swapped_letters(low, best)
            applicability = Applicability.SAFE if typo else Applicability.UNSAFE
        elif sugg[0][1] - sugg[1][1] >= self.clear_gain / 2:
            applicability = Applicability.UNSAFE
        else:
            applicability = Applicability.DISPLAY
        shown = "' or '".join(names) if applicability is Applicability.DISPLAY else names[0]
        message = self.format_message(word, shown)
        return self.finding(doc, start, end, message, [Edit(start, end, names[0])], applicability,
                            fix_title=f"Replace with '{names[0]}'")

    def _listed_finding(self, doc, start, end, word, listed):
        """A word on the list of common misspellings: safe with one correction, else shown."""
        names = [preserve_case(word, c) for c in listed[: self["max-suggestions"]]]
        if "’" in word:
            names = [n.replace("'", "’") for n in names]
        applicability = Applicability.SAFE if len(listed) == 1 else Applicability.DISPLAY
        message = self["misspelling-message"]
        for arg in (word, "' or '".join(names)):
            message = message.replace("%s", arg, 1)
        return self.finding(doc, start, end, message, [Edit(start, end, names[0])], applicability,
                            fix_title=f"Replace with '{names[0]}'")


def _full_dictionary_knows(word: str) -> bool:
    from ..vale_speller import shipped_words
    return word in shipped_words()


class _Listed(tuple):
    """The corrections the list of common misspellings gives for a word, in the list's order."""


_PREFIXES = ("re", "de", "un", "non", "pre", "co", "anti", "over", "under", "mis", "out", "post", "sub",
             "super", "inter", "multi", "semi", "mid", "cyber", "mega", "micro", "counter", "dis", "en", "gun")
_SUFFIXES = ("s", "es", "ed", "d", "er", "ers", "r", "rs", "est", "ing", "ings", "ly", "ness", "ism", "ist", "ists",
             "able", "ment", "ments", "ship", "ful", "less", "ize", "ise", "ized", "ised")


def _derived(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is a known word (3+ letters) with a common prefix or suffix."""
    def known(stem: str) -> bool:
        return stem in lex.curated or lex.zipf(stem) >= 3.0

    def known_stem(stem: str) -> bool:  # the curated list holds rare short forms: "hined" is no "hin"
        return lex.zipf(stem) >= 4.0 if len(stem) <= 3 else known(stem)

    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3 and known(word[len(p):]):
            return True
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            stem = word[: -len(s)]
            if s in _AFTER_E and not stem.endswith("e"):
                continue  # "filed", "writer"; but "warnd" is no form of "warn"
            if known_stem(stem) or (stem[-1:] == stem[-2:-1] and known(stem[:-1])):
                return True  # "financings", "flatteners"; "shipper" from "ship" + "p" + "er"
            if s in ("es", "ed", "er", "ers", "est") and stem.endswith("i") and known(stem[:-1] + "y"):
                return True  # "stupefies", "testier" (not "punced" from "puny")
    return False


_AFTER_E = frozenset({"d", "r", "rs"})  # suffixes that follow a silent e only

_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("d", ""), ("bly", "ble"), ("al", ""))


_CLOSING_SINGLE = _compiled.compile(r"[^‘’\n]{0,30}?’(?!\p{L})")


def _mentioned(text: str, start: int, end: int) -> bool:
    """Whether the word stands in single quotes with at most three others ("‘como votar,’")."""
    left = text[max(0, start - 30):start]
    i = left.rfind("‘")
    if i < 0 or "’" in left[i:] or "\n" in left[i:] or len(left[i + 1:].split()) > 3:
        return False
    right = _CLOSING_SINGLE.match(text[end:end + 31])
    return right is not None and len(text[start:end + right.end()].split()) <= 4


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the word is part of a URL, e-mail address, handle, hashtag or a token with digits."""
    left = start
    while left > 0 and not text[left - 1].isspace() and start - left < 200:
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace() and right - end < 200:
        right += 1
    chunk = text[left:right].strip("\"“”‘’'()[]<>,;!?")
    chunk = chunk.rstrip(".")
    return _LINKISH.search(chunk) is not None
