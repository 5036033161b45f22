"""attribution: a claim of fact with no source.

A sentence is a claim when it matches one of the ``claims`` cues (grouped by
what they claim: a cause, an accusation, a casualty count, a hedge such as
"it is believed"). It is attributed when a ``sources`` cue ("said",
"according to", "reported", a quotation mark) stands in the same sentence,
or within ``window`` sentences of it in the same paragraph. When a sentence
matches several categories, the one listed first in the rule names it. Vague sources
("critics say", "many believe") do not attribute. Quoted sentences, headings
and the title are never flagged. No fix: only a reporter can name a source.
"""

from __future__ import annotations

import bisect

from ..patterns import finditer
from ..rule import Option, Rule

_QUOTE_MARKS = '"“”'


class Kind(Rule):
    name = "attribution"
    summary = "Flags a sentence that claims a fact with no source in reach; report only."
    OPTIONS = {
        "claims": Option("dict", required=True, help="category -> list of regexes that mark a claim"),
        "sources": Option("list", required=True, help="regexes that attribute a sentence"),
        "vague-sources": Option("list", [], "regexes for sources that do not count (critics say)"),
        "window": Option("int", 0, "sentences before and after that may carry the source"),
        "min-words": Option("int", 6, "shorter sentences are not checked"),
    }
    default_fix = None

    def compile(self):
        self.claims = []
        for category, cues in self["claims"].items():
            if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
                self.fail(f"key 'claims.{category}' must be a list of regexes")
            self.claims.append((str(category), self.pattern("(?i)" + "|".join(f"(?:{c})" for c in cues), "claims")))
        self.sources = self.pattern("(?i)\\b(?:" + "|".join(f"(?:{s})" for s in self["sources"]) + ")\\b", "sources")
        vague = self["vague-sources"]
        self.vague = self.pattern("(?i)" + "|".join(rf"\b(?:{v})\b" for v in vague), "vague-sources") if vague else None

    def _attributed(self, doc, sentence) -> bool:
        """A source cue or a quotation mark in the sentence, not inside a vague source."""
        text = doc.text
        if any(q in text[sentence.start:sentence.end] for q in _QUOTE_MARKS):
            return True
        vague = []
        if self.vague is not None:
            vague = [m.span() for m in finditer(self.vague, text, self.id, sentence.start, sentence.end)]
        for m in finditer(self.sources, text, self.id, sentence.start, sentence.end):
            if not any(vs <= m.start() < ve for vs, ve in vague):
                return True
        return False

    def check(self, doc):
        text = doc.text
        # Claims are rare: find them once over the whole text, then look for
        # sources only around the sentences that hold one.
        claims = []
        for rank, (category, cue) in enumerate(self.claims):
            claims.extend((m.start(), m.end(), rank) for m in finditer(cue, text, self.id))
        if not claims:
            return
        claims.sort()
        claim_starts = [c[0] for c in claims]
        window = self["window"]
        for block in doc.body:
            if block.kind != "paragraph":
                continue
            sentences = doc.sentences_in(block)
            attributed: dict[int, bool] = {}
            for i, sentence in enumerate(sentences):
                j = bisect.bisect_left(claim_starts, sentence.start)
                if j == len(claims) or claims[j][1] > sentence.end:
                    continue
                near = range(max(0, i - window), min(len(sentences), i + window + 1))
                if any(attributed.setdefault(k, self._attributed(doc, sentences[k])) for k in near):
                    continue
                if doc.in_quote(sentence.start, sentence.end):
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
