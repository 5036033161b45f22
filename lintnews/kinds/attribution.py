"""attribution: a claim of fact with no source.

A sentence is a claim when it matches one of the ``claims`` cues (grouped by
what they claim: a cause, an accusation, a casualty count, a hedge such as
"it is believed"). It is attributed when a ``sources`` cue ("said",
"according to", "reported", a quotation mark) stands in the same sentence,
or within ``window`` sentences of it in the same paragraph. Vague sources
("critics say", "many believe") do not attribute. Quoted sentences, headings
and the title are never flagged. No fix: only a reporter can name a source.
"""

from __future__ import annotations

from ..patterns import finditer, search
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
        self.sources = self.pattern("(?i)" + "|".join(rf"\b(?:{s})\b" for s in self["sources"]), "sources")
        vague = self["vague-sources"]
        self.vague = self.pattern("(?i)" + "|".join(rf"\b(?:{v})\b" for v in vague), "vague-sources") if vague else None

    def _attributed(self, doc, sentence) -> bool:
        text = doc.text[sentence.start:sentence.end]
        if any(q in text for q in _QUOTE_MARKS):
            return True
        vague = []
        if self.vague is not None:
            vague = [v.span() for v in finditer(self.vague, doc.text, self.id, sentence.start, sentence.end)]
        for m in finditer(self.sources, doc.text, self.id, sentence.start, sentence.end):
            if not any(vs <= m.start() < ve for vs, ve in vague):
                return True
        return False

    def check(self, doc):
        window = self["window"]
        for block in doc.body:
            if block.kind != "paragraph":
                continue
            sentences = doc.sentences_in(block)
            attributed = [self._attributed(doc, s) for s in sentences]
            for i, sentence in enumerate(sentences):
                if attributed[i] or doc.in_quote(sentence.start, sentence.end):
                    continue
                if any(attributed[max(0, i - window):i + window + 1]):
                    continue
                if len(doc.text[sentence.start:sentence.end].split()) < self["min-words"]:
                    continue
                for category, cue in self.claims:
                    m = search(cue, doc.text, self.id, sentence.start, sentence.end)
                    if m is None:
                        continue
                    if not self.in_scope(doc, sentence.start, sentence.end):
                        break
                    yield self.finding(doc, sentence.start, sentence.end,
                                       self.format_message(category, m.group()))
                    break
