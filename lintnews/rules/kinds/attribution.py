"""attribution: a claim of fact with no source.

A sentence is a claim when its part-of-speech tags show one of the
``features`` (an accusation against a party, a casualty figure, a statistic,
a causal claim about a contested event, a judgement superlative, each
read from the word lists in the rule's ``lexicons``), or when it matches one of the optional ``claims`` regexes
(grouped by category). The first feature listed that the sentence shows
names it in the message, with the words that showed it.

Tagging costs about 1.5 ms a sentence, so only a sentence that has no source
in reach and holds each feature's words together is tagged. A tagged sentence is
attributed too when a verb's lemma is one of ``source-lemmas`` ("tweeted",
"blamed") or a noun's one of ``source-nouns`` ("his accusation"), unless it
stands in a vague source. A ``hedges`` match ("it is understood") is a
convention of edited copy that names its source vaguely: it attributes the
sentence. Questions are not flagged.

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
  ("the minister said:"), or one of the two sentences before it in the
  paragraph matches ``paragraph-sources``, a source set up for what follows
  ("The inquiry concluded ...", "She described what she saw."). ``window``
  (0 or 1) switches the neighbour test off or on; or
* it is a share, poll or reported figure (``statistic``, ``figure``) and the article
  names a study before it, title included, or the next sentence of its
  paragraph does (``study-sources``: "poll", "survey"). A poll figure's own
  verb ("74 percent said") is the respondents', never its source.

Sentences inside a direct quotation, headings, the title and sentences
shorter than ``min-words`` are never flagged. No fix: only a reporter can
name a source.
"""

from __future__ import annotations

import bisect

from ...read import compiled as _compiled, tagged
from ...read.zones import merge_zones
from ..base import Option, Rule
from .. import anchored, carriers, polls
from ..claims import Features, Lexicon, Prefilter
from ..prefilter import Triggered, any_in as _any_in
from ..patterns import finditer, match, search

# A quotation mark as the document model pairs them, plus the doubled
# apostrophe some wires use for a double quotation mark (''like this'').
_DOUBLED_APOSTROPHES = _compiled.compile(r"''|‘‘|’’")

# How it works (the module's help above is for rule authors; features in rules/claims.py, the
# prefilter in rules/prefilter.py, polls in rules/polls.py).
# Steps of `check`: find the regex claims (`_find_claims`) and the feature
# triggers (`Prefilter.scan`); if there are any, find the sources outside
# vague ones (`_find_sources`) and the speech zones; then, paragraph by
# paragraph (`_paragraph`), take each sentence with a claim or a trigger
# that is not `attributed` and not `_carried_by_neighbour`: a regex claim
# is flagged, a triggered sentence is tagged and flagged when a feature holds
# and no source word does (`_feature`).
#
# Speed: each pattern runs once over the whole text, except a claim cue or a
# source that opens with known words, which is tried only where those words
# start (`anchored.py`: the matches one pass finds); sentences then look up
# the matches that fall inside them by bisection. Only the two anchored
# neighbour patterns run per claim sentence, and only on that neighbour.


def _alternation(cues: list[str]) -> str:
    return "|".join(f"(?:{c})" for c in cues)


_CLOSERS = " \"'”’)]"
_FEATURES = ("accusation", "casualty", "statistic", "cause", "superlative", "figure")
_LEXICONS = ("accusations", "parties", "not-parties", "process", "modals", "casualties", "number-words", "units",
             "statistics", "populations", "causes", "events", "judgements", "records", "scopes", "shares", "portions",
             "stances", "leads", "results", "margins",
             "changes", "magnitudes", "indicators", "measures")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` lies in one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class _Sources:
    """What attributes a sentence on its own: a source cue (vague ones left out), or speech."""

    def __init__(self, found: tuple[list[int], list[tuple[int, int]]], speech: list[tuple[int, int]]):
        self.source_starts, self.vague = found
        self.speech = speech
        self.speech_starts = [s for s, _ in speech]

    def attributed(self, sentence) -> bool:
        return _any_in(self.source_starts, sentence.start, sentence.end) or self.spoken(sentence)

    def spoken(self, sentence) -> bool:
        i = bisect.bisect_left(self.speech_starts, sentence.end) - 1
        return i >= 0 and self.speech[i][1] > sentence.start

    def starts_in(self, sentence) -> list[int]:
        lo = bisect.bisect_left(self.source_starts, sentence.start)
        return self.source_starts[lo:bisect.bisect_left(self.source_starts, sentence.end)]


class Attribution(Rule):
    name = "attribution"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags a sentence that claims a fact with no source in reach; report only."
    OPTIONS = {
        "claims": Option("dict", {}, "category -> list of regexes that mark a claim"),
        "features": Option("dict", {}, "feature -> how the message names it, in order: accusation, casualty, "
                           "statistic, cause, superlative"),
        "lexicons": Option("dict", {}, "lexicon -> lemmas or phrases of lemmas the features read "
                           "(the rule file News.UnattributedClaim lists them)"),
        "source-lemmas": Option("list", [], "lemmas of verbs that attribute a tagged sentence"),
        "source-nouns": Option("list", [], "lemmas of nouns that attribute a tagged sentence (accusation, remarks)"),
        "hedges": Option("list", [], "regexes of conventional hedges that attribute a sentence (it is understood)"),
        "sources": Option("list", required=True, help="regexes that attribute a sentence"),
        "vague-sources": Option("list", [], "regexes for sources that do not count (critics say)"),
        "window": Option("int", 0, "1: a neighbour sentence may carry the source (see next-/previous-sources)"),
        "next-sources": Option("list", [], "regexes matched at the start of the next sentence: it attributes this one"),
        "previous-sources": Option("list", [], "regexes matched at the end of the previous sentence: it introduces this one"),
        "paragraph-sources": Option("list", [], "regexes that, in an earlier sentence of the paragraph, name the source "
                                    "of the sentences after it (the report found; described what he saw)"),
        "study-sources": Option("list", [], "regexes naming a study (a poll, a survey): a statistic after one in the "
                                "article, or before one in the next sentence, is sourced"),
        "quote-words": Option("int", 3, "a quotation of fewer words is a scare quote, not a source"),
        "min-words": Option("int", 6, "shorter sentences are not checked"),
    }
    default_fix = None
    # Quotations are handled here: speech attributes, a scare quote does not.
    default_quotes = "include"

    def compile(self):
        self.claims = [self._compile_claims(str(category), cues) for category, cues in self["claims"].items()]
        self.sources = self.pattern(r"(?i)\b(?:" + _alternation(self["sources"] + self["hedges"]) + r")\b",
                                    "sources")
        # Where a source can start.
        self.source_heads = anchored.finder(anchored.heads(self["sources"] + self["hedges"]))
        self._compile_features()
        vague = self["vague-sources"]
        self.vague = self.pattern("(?i)" + "|".join(rf"\b(?:{v})\b" for v in vague), "vague-sources") if vague else None
        self.vague_heads = anchored.finder(anchored.heads(vague)) if vague else None
        self._compile_neighbours()
        study = self["study-sources"]
        self.study_sources = self.pattern(r"(?i)\b(?:" + _alternation(study) + r")\b", "study-sources") if study else None

    def _compile_features(self):
        features = self["features"]
        unknown = [f for f in features if f not in _FEATURES]
        if unknown:
            self.fail(f"key 'features' names no feature: {', '.join(map(str, unknown))} "
                      f"(known: {', '.join(_FEATURES)})")
        lexicons = self["lexicons"]
        for key, entries in lexicons.items():
            if key not in _LEXICONS or not isinstance(entries, list):
                self.fail(f"key 'lexicons.{key}' must be one of {', '.join(_LEXICONS)}, a list")
        lex = {key: Lexicon(lexicons.get(key, [])) for key in _LEXICONS}
        self.features = Features(lex, list(features)) if features else None
        self.feature_names = {str(k): str(v) for k, v in features.items()}
        self.source_lemmas = {str(x).lower() for x in self["source-lemmas"]}
        self.source_nouns = {str(x).lower() for x in self["source-nouns"]}
        self.triggers = Prefilter(lex) if features else None

    def _compile_claims(self, category: str, cues) -> tuple[str, list]:
        """A category and its cues, each on its own: one that opens with ``\\b`` and words of four letters
        or more is tried only where those words stand (``anchored``), not at every position (a shorter
        word, "the", "is", stands everywhere: one scan is as quick)."""
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            self.fail(f"key 'claims.{category}' must be a list of regexes")
        return category, [(anchored.finder(anchored.bounded_heads(c, min_length=4)),
                           self.pattern(f"(?i){c}", "claims")) for c in cues]

    def _compile_neighbours(self):
        """The patterns anchored at the start of the next sentence / the end of the previous one."""
        if self["window"] not in (0, 1):
            self.fail("key 'window' must be 0 or 1")
        nxt, prev, par = self["next-sources"], self["previous-sources"], self["paragraph-sources"]
        self.paragraph_sources = self.pattern(r"(?i)\b(?:" + _alternation(par) + r")\b", "paragraph-sources") if par else None
        self.next_sources = self.pattern(r"(?i)(?:" + _alternation(nxt) + ")", "next-sources") if nxt else None
        self.previous_sources = (self.pattern(r"(?i)(?:" + _alternation(prev) + r")\W*\Z", "previous-sources")
                                 if prev else None)

    # ----------------------------------------------------------------- check
    def check(self, doc):
        # Claims are rare: find them once over the whole text, then look for
        # sources only around the sentences that hold one.
        found = self._find_claims(doc)
        triggers = {} if self.triggers is None else self.triggers.scan(doc.text)
        polls = "stances" in triggers and ("shares" in triggers or "portions" in triggers)
        if not found and not polls and not (triggers and self.triggers.worth(triggers.__contains__)):
            return  # no sentence can be worth tagging if the whole text is not
        claims = Triggered(found, self.triggers, triggers)
        paragraphs = [(block, doc.sentences_in(block)) for block in doc.body if block.kind == "paragraph"]
        wanted = {s.start for _, sentences in paragraphs for s in sentences
                  if claims.first_in(s) is not None or claims.triggered(s)}
        if not wanted:
            return  # no sentence holds a claim or is worth tagging: its sources need not be found
        studies: dict = {}  # where the text names a study, found when a statistic needs it
        sources, _, carried = self.sources_of(doc)
        for block, sentences in paragraphs:
            if block.index not in carried:  # a source points at the whole paragraph (see rules/carriers.py)
                yield from self._paragraph(doc, sentences, claims, sources, studies, wanted)

    def sources_of(self, doc):
        """The text's sources (cues, vague sources, speech), its paragraphs, and the indexes of the
        paragraphs a source points at as a whole (rules/carriers.py; none with ``window: 0``)."""
        sources = _Sources(self._find_sources(doc), self._speech_zones(doc))
        paragraphs = [b for b in doc.body if b.kind == "paragraph"]
        carried = carriers.carried_blocks(doc, paragraphs, lambda s, e: _any_in(sources.source_starts, s, e),
                                          doc.quote_zones) if self["window"] else set()
        return sources, paragraphs, carried

    def _find_claims(self, doc) -> set[tuple[int, int, int]]:
        """(start, end, category rank) of every claim cue's match."""
        found = set()
        for rank, (_category, cues) in enumerate(self.claims):
            for heads, cue in cues:
                found.update((m.start(), m.end(), rank) for m in self._anchored(doc, cue, heads))
        return found

    def _find_sources(self, doc) -> tuple[list[int], list[tuple[int, int]]]:
        """Starts of the source cues, in one pass (tried only where a cue's first words stand, when
        that can be told: ``anchored``), and the vague sources; a cue inside one does not count."""
        vague = [] if self.vague is None else [m.span() for m in self._anchored(doc, self.vague, self.vague_heads)]
        return [m.start() for m in self._anchored(doc, self.sources, self.source_heads)
                if not _inside(vague, m.start())], vague

    def _anchored(self, doc, compiled, heads):
        """The pattern's matches over the text: only where its heads stand, when that can be told."""
        places = None if heads is None else heads.places(doc.text, doc.lower_text)
        if places is None:
            return finditer(compiled, doc.text, self.id)
        return anchored.matches_from(compiled, doc.text, self.id, places)

    def _speech_zones(self, doc) -> list[tuple[int, int]]:
        """Quotations long enough to be speech, and doubled-apostrophe quotes, merged: a quotation
        nested in a longer one must not hide it from the lookup by start."""
        text = doc.text
        zones = [(s, e) for s, e in doc.quote_zones if len(text[s:e].split()) >= self["quote-words"]]
        zones.extend(m.span() for m in finditer(_DOUBLED_APOSTROPHES, text, self.id))
        return merge_zones(zones)

    def _paragraph(self, doc, sentences, claims: Triggered, sources: _Sources, studies: dict, wanted: set[int]):
        """The findings of one paragraph: each long enough claim sentence (its start in ``wanted``) with
        no source in reach."""
        text = doc.text
        for i, sentence in enumerate(sentences):
            if sentence.start not in wanted:
                continue
            j = claims.first_in(sentence)
            if sources.attributed(sentence) and not self._respondents_only(doc, sentence, claims, sources) \
                    or self._carried_by_neighbour(text, sentences, i) \
                    or self["window"] and carriers.first_person_after_source(text, sentences, i, sources.attributed,
                                                                             sources.spoken):
                continue
            if len(text[sentence.start:sentence.end].split()) < self["min-words"]:
                continue
            if text[sentence.start:sentence.end].rstrip(_CLOSERS).endswith("?"):
                continue  # a question claims nothing
            if not self.in_scope(doc, sentence.start, sentence.end):
                continue
            if j is not None:
                start, end, rank = claims.naming(sentence, j)
                yield self.finding(doc, sentence.start, sentence.end,
                                   self.format_message(self.claims[rank][0], text[start:end]))
                continue
            if claims.untaggable(sentence, lambda: self._study_in_reach(text, sentences, i, studies)):
                continue  # nothing tagging could find would be flagged
            named = self._feature(doc, sentence, sources.vague)
            if named is not None and not (named[0] in ("statistic", "figure") and self._study_in_reach(text, sentences, i, studies)):
                yield self.finding(doc, sentence.start, sentence.end,
                                   self.format_message(self.feature_names[named[0]], named[1]))

    def _feature(self, doc, sentence, vague) -> tuple[str, str] | None:
        """(the feature, its cue words) for a tagged sentence, or None. A speech verb inside a
        vague source ("critics say") names no source, nor does the verb of a share of
        respondents ("74 percent said": see ``polls``)."""
        text = doc.text
        tokens = tagged.tagged(doc, sentence)  # shared with the other rules that tag this sentence
        respondents = polls.respondent_verbs(self.features.lex, tokens)
        if any(self._source(tokens, k) and k not in respondents and not _inside(vague, tokens[k].start)
               for k in range(len(tokens))):
            return None
        # A poll figure names the claim: what respondents report ("had their phone stolen") is theirs.
        claim = respondents and self.features.statistic(tokens) or self.features.first(tokens)
        if claim is None:
            return None
        return claim.feature, text[tokens[claim.start].start:tokens[claim.end - 1].end]

    def _respondents_only(self, doc, sentence, claims: Triggered, sources: _Sources) -> bool:
        """Every source cue of a poll-shaped sentence is the verb of a share of respondents ("74
        percent said they ..."): the sentence names no source of its own."""
        if self.features is None or not claims.poll_shaped(sentence) or sources.spoken(sentence):
            return False
        stances = set(claims.triggers.get("stances", []))
        if any(start not in stances for start in sources.starts_in(sentence)):
            return False  # "according to", "the poll": a source no respondent's verb can be
        tokens = tagged.tagged(doc, sentence)
        verbs = {tokens[k].start for k in polls.respondent_verbs(self.features.lex, tokens)}
        return all(start in verbs for start in sources.starts_in(sentence))

    def _study_in_reach(self, text: str, sentences, i: int, studies: dict) -> bool:
        """A statistic is the study's when the article names a study (a poll, a survey) before it,
        title included, or the next sentence of its paragraph does ("..., the poll found")."""
        if self.study_sources is None:
            return False
        if "starts" not in studies:
            studies["starts"] = [m.start() for m in finditer(self.study_sources, text, self.id)]
        starts = studies["starts"]
        end = sentences[i + 1].end if i + 1 < len(sentences) else sentences[i].end
        return _any_in(starts, 0, sentences[i].start) or _any_in(starts, sentences[i].end, end)

    def _source(self, tokens, k: int) -> bool:
        """Token k names a source: a speech verb ("tweeted"; also one mistagged as a plural noun
        right after its subject, "Al-Awlaki extols", "the analysis shows"), or a noun that carries
        one ("his accusation")."""
        t = tokens[k]
        lemma = t.lemma.lower()
        if t.upos == "VERB":
            return lemma in self.source_lemmas
        if t.upos != "NOUN":
            return False
        if lemma in self.source_nouns:
            return True
        return (k > 0 and tokens[k - 1].upos in ("PROPN", "PRON", "NOUN") and t.text.lower().endswith("s")
                and t.text.lower()[:-1] in self.source_lemmas)

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
        # One of the two sentences before, in the paragraph, sets up a source for what follows it:
        # a document with its finding ("The inquiry concluded ..."), a speaker's account ("described
        # what he saw"). Further back it points at nothing in particular (scraped copy is often
        # one long paragraph).
        return (i > 0 and self.paragraph_sources is not None
                and search(self.paragraph_sources, text, self.id, sentences[max(0, i - 2)].start,
                           sentences[i - 1].end) is not None)
