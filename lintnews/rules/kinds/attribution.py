"""attribution: a claim of fact with no source.

A sentence is a claim when it matches one of the ``claims`` cues (grouped by
what they claim: a cause, an accusation, a casualty count, a superlative, a
hedge such as "it is believed"). When a sentence matches several categories,
the one listed first in the rule names it.

A claim is attributed, and not flagged, when

* its own sentence holds a ``sources`` cue ("said", "according to",
  "reported") that is not part of a vague source ("critics say", "many
  believe": these never attribute), or a direct quotation of at least
  ``quote-words`` words (one or two words in quotation marks are scare quotes,
  not speech); or
* a neighbour in the same paragraph carries the source *for this sentence*.
  A neighbour's source does not spill over by mere proximity ("Troops fired
  on the crowd. 40 died, the UN said." leaves the first sentence
  unsourced). It counts only when the neighbour's own words point back or
  forward to this sentence: the next sentence opens with a ``next-sources``
  pattern, a pronoun or a reference to an earlier statement followed by a
  speech verb ("He said.", "She added that ...", "The statement said ...",
  "That is according to ..."), or the previous sentence ends with a
  ``previous-sources`` pattern, a speech verb introducing what follows
  ("the minister said:"). ``window`` (0 or 1) switches the neighbour test
  off or on.

Sentences inside a direct quotation, headings, the title and sentences
shorter than ``min-words`` are never flagged. No fix: only a reporter can
name a source.

Steps of ``check``: find the claims (``_find_claims``); if there are any,
find the sources outside vague ones (``_find_sources``) and the speech
zones; then, paragraph by paragraph (``_paragraph``), flag each claim
sentence that is not ``attributed`` and not ``_carried_by_neighbour``.

Speed: each pattern runs once over the whole text, except a claim cue that
opens with known words, which is tried only where those words start;
sentences then look up the matches that fall inside them by bisection. Only
the two anchored neighbour patterns run per claim sentence, and only on that
neighbour.
"""

from __future__ import annotations

import bisect

import regex

from ..base import Option, Rule
from ..patterns import finditer, match, search
from ..wordlist import leading_words, word_starts

# A quotation mark as the document model pairs them, plus the doubled
# apostrophe some wires use for a double quotation mark (''like this'').
_DOUBLED_APOSTROPHES = regex.compile(r"''|‘‘|’’")


def _alternation(cues: list[str]) -> str:
    return "|".join(f"(?:{c})" for c in cues)


def _any_in(starts: list[int], start: int, end: int) -> bool:
    """Some offset of the sorted ``starts`` lies in [start, end)."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


class _Claims:
    """The claim cues matched in a text, (start, end, category rank), sorted."""

    def __init__(self, found: set[tuple[int, int, int]]):
        self.claims = sorted(found)
        self.starts = [c[0] for c in self.claims]

    def first_in(self, sentence) -> int | None:
        """Index of the first claim starting in ``sentence``, if it ends there too; else None."""
        j = bisect.bisect_left(self.starts, sentence.start)
        if j == len(self.claims) or self.claims[j][1] > sentence.end:
            return None
        return j

    def naming(self, sentence, j: int) -> tuple[int, int, int]:
        """The claim that names the sentence's: of those inside it from ``j`` on, the first category listed."""
        stop = bisect.bisect_left(self.starts, sentence.end)
        inside = [c for c in self.claims[j:stop] if c[1] <= sentence.end]
        return min(inside, key=lambda c: (c[2], c[0]))


class _Sources:
    """What attributes a sentence on its own: a source cue (vague ones left out), or speech."""

    def __init__(self, source_starts: list[int], speech: list[tuple[int, int]]):
        self.source_starts = source_starts
        self.speech = speech
        self.speech_starts = [s for s, _ in speech]

    def attributed(self, sentence) -> bool:
        if _any_in(self.source_starts, sentence.start, sentence.end):
            return True
        i = bisect.bisect_left(self.speech_starts, sentence.end) - 1
        return i >= 0 and self.speech[i][1] > sentence.start


class Attribution(Rule):
    name = "attribution"
    summary = "Flags a sentence that claims a fact with no source in reach; report only."
    OPTIONS = {
        "claims": Option("dict", required=True, help="category -> list of regexes that mark a claim"),
        "sources": Option("list", required=True, help="regexes that attribute a sentence"),
        "vague-sources": Option("list", [], "regexes for sources that do not count (critics say)"),
        "window": Option("int", 0, "1: a neighbour sentence may carry the source (see next-/previous-sources)"),
        "next-sources": Option("list", [], "regexes matched at the start of the next sentence: it attributes this one"),
        "previous-sources": Option("list", [], "regexes matched at the end of the previous sentence: it introduces this one"),
        "quote-words": Option("int", 3, "a quotation of fewer words is a scare quote, not a source"),
        "min-words": Option("int", 6, "shorter sentences are not checked"),
    }
    default_fix = None
    # Quotations are handled here: speech attributes, a scare quote does not.
    default_quotes = "include"

    def compile(self):
        self.claims = [self._compile_claims(str(category), cues) for category, cues in self["claims"].items()]
        self.sources = self.pattern(r"(?i)\b(?:" + _alternation(self["sources"]) + r")\b", "sources")
        vague = self["vague-sources"]
        self.vague = self.pattern("(?i)" + "|".join(rf"\b(?:{v})\b" for v in vague), "vague-sources") if vague else None
        self._compile_neighbours()

    def _compile_claims(self, category: str, cues) -> tuple[str, list]:
        """A category and its cues, each on its own: one that opens with known words is tried
        only where those words stand (found by string search), not at every position."""
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            self.fail(f"key 'claims.{category}' must be a list of regexes")
        return category, [(leading_words(c), self.pattern(f"(?i){c}", "claims")) for c in cues]

    def _compile_neighbours(self):
        """The patterns anchored at the start of the next sentence / the end of the previous one."""
        if self["window"] not in (0, 1):
            self.fail("key 'window' must be 0 or 1")
        nxt, prev = self["next-sources"], self["previous-sources"]
        self.next_sources = self.pattern(r"(?i)(?:" + _alternation(nxt) + ")", "next-sources") if nxt else None
        self.previous_sources = (self.pattern(r"(?i)(?:" + _alternation(prev) + r")\W*\Z", "previous-sources")
                                 if prev else None)

    # ----------------------------------------------------------------- check
    def check(self, doc):
        # Claims are rare: find them once over the whole text, then look for
        # sources only around the sentences that hold one.
        found = self._find_claims(doc)
        if not found:
            return
        claims = _Claims(found)
        sources = _Sources(self._find_sources(doc.text), self._speech_zones(doc))
        for block in doc.body:
            if block.kind == "paragraph":
                yield from self._paragraph(doc, doc.sentences_in(block), claims, sources)

    def _find_claims(self, doc) -> set[tuple[int, int, int]]:
        """(start, end, category rank) of every claim cue's match."""
        found = set()
        for rank, (_category, cues) in enumerate(self.claims):
            for heads, cue in cues:
                found.update((m.start(), m.end(), rank) for m in self._cue_matches(doc, heads, cue))
        return found

    def _cue_matches(self, doc, heads, cue):
        """The cue's matches: tried only where its leading words start, or one pass when it has none."""
        text = doc.text
        starts = None if heads is None else word_starts(doc, heads)
        if starts is None:
            yield from finditer(cue, text, self.id)
            return
        for pos in starts:
            m = match(cue, text, self.id, pos)
            if m is not None:
                yield m

    def _find_sources(self, text: str) -> list[int]:
        """Starts of the source cues, in one pass; a cue inside a vague source does not count."""
        vague = [] if self.vague is None else [m.span() for m in finditer(self.vague, text, self.id)]
        vague_starts = [s for s, _ in vague]

        def is_vague(pos: int) -> bool:
            i = bisect.bisect_right(vague_starts, pos) - 1
            return i >= 0 and vague[i][0] <= pos < vague[i][1]

        return [m.start() for m in finditer(self.sources, text, self.id) if not is_vague(m.start())]

    def _speech_zones(self, doc) -> list[tuple[int, int]]:
        """Quotations long enough to be speech, and doubled-apostrophe quotes."""
        text = doc.text
        zones = [(s, e) for s, e in doc.quote_zones if len(text[s:e].split()) >= self["quote-words"]]
        zones.extend(m.span() for m in finditer(_DOUBLED_APOSTROPHES, text, self.id))
        zones.sort()
        return zones

    def _paragraph(self, doc, sentences, claims: _Claims, sources: _Sources):
        """The findings of one paragraph: each long enough claim sentence with no source in reach."""
        text = doc.text
        for i, sentence in enumerate(sentences):
            j = claims.first_in(sentence)
            if j is None or sources.attributed(sentence) or self._carried_by_neighbour(text, sentences, i):
                continue
            if len(text[sentence.start:sentence.end].split()) < self["min-words"]:
                continue
            if not self.in_scope(doc, sentence.start, sentence.end):
                continue
            start, end, rank = claims.naming(sentence, j)
            yield self.finding(doc, sentence.start, sentence.end,
                               self.format_message(self.claims[rank][0], text[start:end]))

    def _carried_by_neighbour(self, text: str, sentences, i: int) -> bool:
        """A neighbour that names the source of sentence i."""
        if not self["window"]:
            return False
        if i + 1 < len(sentences) and self.next_sources is not None:
            nxt = sentences[i + 1]
            if match(self.next_sources, text, self.id, nxt.start, nxt.end):
                return True
        if i > 0 and self.previous_sources is not None:
            prev = sentences[i - 1]
            if search(self.previous_sources, text, self.id, max(prev.start, prev.end - 80), prev.end):
                return True
        return False
