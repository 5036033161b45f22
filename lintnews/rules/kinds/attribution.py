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

Speed: each pattern runs once over the whole text; sentences then look up
the matches that fall inside them by bisection. Only the two anchored
neighbour patterns run per claim sentence, and only on that neighbour.
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


class Kind(Rule):
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
        self.claims = []
        for category, cues in self["claims"].items():
            if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
                self.fail(f"key 'claims.{category}' must be a list of regexes")
            # Each cue on its own: one that opens with known words is tried only where
            # those words stand (found by string search), not at every position.
            compiled = [(leading_words(c), self.pattern(f"(?i){c}", "claims")) for c in cues]
            self.claims.append((str(category), compiled))
        self.sources = self.pattern(r"(?i)\b(?:" + _alternation(self["sources"]) + r")\b", "sources")
        vague = self["vague-sources"]
        self.vague = self.pattern("(?i)" + "|".join(rf"\b(?:{v})\b" for v in vague), "vague-sources") if vague else None
        if self["window"] not in (0, 1):
            self.fail("key 'window' must be 0 or 1")
        nxt, prev = self["next-sources"], self["previous-sources"]
        # Anchored at the start of the next sentence / the end of the previous one.
        self.next_sources = self.pattern(r"(?i)(?:" + _alternation(nxt) + ")", "next-sources") if nxt else None
        self.previous_sources = (self.pattern(r"(?i)(?:" + _alternation(prev) + r")\W*\Z", "previous-sources")
                                 if prev else None)

    # --------------------------------------------------------------- helpers
    def _speech_zones(self, doc) -> list[tuple[int, int]]:
        """Quotations long enough to be speech, and doubled-apostrophe quotes."""
        text = doc.text
        zones = [(s, e) for s, e in doc.quote_zones if len(text[s:e].split()) >= self["quote-words"]]
        zones.extend(m.span() for m in finditer(_DOUBLED_APOSTROPHES, text, self.id))
        zones.sort()
        return zones

    @staticmethod
    def _any_in(starts: list[int], start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    def check(self, doc):
        text = doc.text
        # Claims are rare: find them once over the whole text, then look for
        # sources only around the sentences that hold one.
        found = set()
        for rank, (_category, cues) in enumerate(self.claims):
            for heads, cue in cues:
                starts = None if heads is None else word_starts(doc, heads)
                if starts is None:
                    found.update((m.start(), m.end(), rank) for m in finditer(cue, text, self.id))
                    continue
                for pos in starts:
                    m = match(cue, text, self.id, pos)
                    if m is not None:
                        found.add((m.start(), m.end(), rank))
        if not found:
            return
        claims = sorted(found)
        claim_starts = [c[0] for c in claims]
        vague = [] if self.vague is None else [m.span() for m in finditer(self.vague, text, self.id)]
        vague_starts = [s for s, _ in vague]

        def is_vague(pos: int) -> bool:
            i = bisect.bisect_right(vague_starts, pos) - 1
            return i >= 0 and vague[i][0] <= pos < vague[i][1]

        # One pass of the source cues; a cue inside a vague source does not count.
        source_starts = [m.start() for m in finditer(self.sources, text, self.id) if not is_vague(m.start())]
        speech = self._speech_zones(doc)
        speech_starts = [s for s, _ in speech]

        def attributed(s) -> bool:
            if self._any_in(source_starts, s.start, s.end):
                return True
            i = bisect.bisect_left(speech_starts, s.end) - 1
            return i >= 0 and speech[i][1] > s.start

        def carried(sentences, i) -> bool:
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

        for block in doc.body:
            if block.kind != "paragraph":
                continue
            sentences = doc.sentences_in(block)
            for i, sentence in enumerate(sentences):
                j = bisect.bisect_left(claim_starts, sentence.start)
                if j == len(claims) or claims[j][1] > sentence.end:
                    continue
                if attributed(sentence) or carried(sentences, i):
                    continue
                if len(text[sentence.start:sentence.end].split()) < self["min-words"]:
                    continue
                if not self.in_scope(doc, sentence.start, sentence.end):
                    continue
                # The first category listed in the rule names the claim.
                inside = [c for c in claims[j:bisect.bisect_left(claim_starts, sentence.end)] if c[1] <= sentence.end]
                start, end, rank = min(inside, key=lambda c: (c[2], c[0]))
                yield self.finding(doc, sentence.start, sentence.end,
                                   self.format_message(self.claims[rank][0], text[start:end]))
