"""What makes a sentence a contested claim, read from its part-of-speech tags.

Used by the ``attribution`` kind. Every word list comes from the rule file;
this module holds only the mechanism. A sentence is tagged (``read/tagger``)
and tested for four features, in the order the rule lists them:

* ``accusation``: a wrongdoing lemma (bribe, torture, fraud...) with a party
  to it: an active verb whose subject side (back to the clause boundary)
  holds a proper noun, a party noun (government, police) or a personal
  pronoun; a noun or adjective whose clause has a party as its subject (a
  verb between) or as its owner ("the CIA's cover-up"); a passive verb with
  "by" and a party; a noun with "by" or "of" and a party after it. A process word anywhere before it
  ("charged with fraud", "the fight against corruption", "whether he lied")
  or a modal just before it ("would steal", "tried to rig") cancels it, and so does a match that only modifies a noun
  ("money laundering charges", "the assassinated prime minister", "a stolen
  truck"); a match
  tagged as a proper noun ("Killer Mike") is a name.
* ``casualty``: a figure (a cardinal number, "dozens") next to a casualty
  lemma ("40 people were killed", "killing 12", "the death toll rose to 40").
* ``statistic``: a figure with "per cent of" and a population ("40 percent
  of voters"; not "5 percent of its budget"), or a poll figure: a share of
  respondents with a verb of speech or stance ("74 percent said", see ``polls``).
* ``figure``: an indicator's change with its quantity ("spending grew 4.2%", see ``figures``).
* ``cause``: a causal phrase (caused, led to, sparked) in a sentence that
  names a contested event (war, crisis, riot), not under a modal ("could
  lead to" is a forecast).
* ``superlative``: "most" with a judging adjective ("the most corrupt"), or
  the superlative of one ("worst", "greatest") with a scope of all time ("the
  worst president in history"); not a record of a named kind of event ("the
  worst flooding since 1953", "the worst mass shooting in U.S. history").

A lexicon entry is a lemma or a phrase of lemmas ("lead to", "cover up");
extra surface forms the lemmatiser may miss follow a bar ("steal|stole|stolen").
A token matches a word when its lemma is that word or its text one of the
word's forms (regular inflections are generated), so a tagger's wrong lemma
("lied" -> "ly") does not lose a match. ``forms`` also gives the cheap
prefilter: a sentence with none of the trigger forms is never tagged.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from . import figures, polls
from .prefilter import Prefilter  # noqa: F401  (its home was here)

_VOWELS = "aeiou"


def forms(word: str) -> set[str]:
    """The regular inflections of a lemma (over-generating is harmless: they only widen a prefilter)."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "est"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "er", w[:-1] + "est"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied", w[:-1] + "ier", w[:-1] + "iest"}
    if w.endswith("ie"):
        out.add(w[:-2] + "ying")
    if len(w) >= 3 and w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        out |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "er"}
    return out


class Entry(NamedTuple):
    words: tuple[str, ...]          # lemmas, "*" for any one token
    surface: tuple[frozenset, ...]  # the accepted forms of each word


class Lexicon:
    """Lemmas and phrases of lemmas, matched against tagged tokens."""

    def __init__(self, entries):
        self.entries: list[Entry] = []
        for raw in entries or []:
            head, *extra = str(raw).lower().split("|")
            words = tuple(head.split())
            surface = [frozenset(forms(w)) if w != "*" else frozenset() for w in words]
            if extra:
                surface[0] = surface[0] | frozenset(extra)
            self.entries.append(Entry(words, tuple(surface)))
        # Entries by every form of their first word, so a token tries only the entries it can start.
        self.by_first: dict[str, list[Entry]] = {}
        for e in self.entries:
            for key in e.surface[0] | {e.words[0]}:
                self.by_first.setdefault(key, []).append(e)
        self.single = {e.words[0] for e in self.entries if len(e.words) == 1}
        self.single_forms = set().union(*(e.surface[0] for e in self.entries if len(e.words) == 1))

    def first_forms(self) -> set[str]:
        """Every surface form of every entry's first word (for the prefilter)."""
        return set().union(*(e.surface[0] for e in self.entries)) if self.entries else set()

    def has(self, token) -> bool:
        """A one-word entry matches this token."""
        return token.lemma.lower() in self.single or token.text.lower() in self.single_forms

    def match_at(self, tokens, i: int) -> int:
        """The end index of the longest entry matching from token i, or -1 (hyphens between words skipped)."""
        best = -1
        first = tokens[i]
        candidates = self.by_first.get(first.lemma.lower(), []) + self.by_first.get(first.text.lower(), [])
        for entry in candidates:
            j = i
            for w, surf in zip(entry.words, entry.surface):
                while 0 < j - i and j < len(tokens) and tokens[j].xpos == "HYPH":
                    j += 1
                if j >= len(tokens):
                    break
                t = tokens[j]
                if w != "*" and t.lemma.lower() != w and t.text.lower() not in surf:
                    break
                j += 1
            else:
                best = max(best, j)
        return best

    def find(self, tokens):
        """(start index, end index) of each match, left to right."""
        for i in range(len(tokens)):
            j = self.match_at(tokens, i)
            if j > i:
                yield i, j


class Claim(NamedTuple):
    feature: str
    start: int  # index of the first token of the cue
    end: int    # index after its last token


_YEAR = regex.compile(r"(?:1[5-9]|20)\d\d\Z")
_TOLL_PATH = {"toll", "rise", "climb", "reach", "stand", "be", "than"}
_CLAUSE_END = {",", ";", ":", "—", "–", "(", ")"}


class Features:
    """The four features over one tagged sentence; ``lex`` maps each lexicon key to a Lexicon."""

    def __init__(self, lex: dict[str, Lexicon], order: list[str]):
        self.lex = lex
        self.order = order

    def first(self, tokens) -> Claim | None:
        for feature in self.order:
            claim = getattr(self, feature)(tokens)
            if claim is not None:
                return claim
        return None

    # ------------------------------------------------------------ parties
    def party(self, t, pronouns: bool = True) -> bool:
        if t.upos == "PROPN" and not self.lex["not-parties"].has(t):
            return t.text[:1].isupper()
        if t.upos == "PRON" and pronouns:
            return t.lemma.lower() in ("he", "she", "they", "we", "i")
        return t.upos == "NOUN" and self.lex["parties"].has(t)

    def _subject_side(self, tokens, k: int, verb_between: bool = False) -> bool:
        """A party before token k, back to a clause boundary (at most 10 tokens). With
        ``verb_between`` (for a noun or adjective) the party must be the clause's subject, a verb
        between ("the regime committed a massacre", "Washington was corrupt"), own the noun
        ("the CIA's cover-up") or be a party noun ("police brutality"), not a name that only
        modifies it ("the Charleston church massacre")."""
        passed_verb = False
        for j in range(k - 1, max(-1, k - 11), -1):
            t = tokens[j]
            if t.text in _CLAUSE_END:
                return False
            if t.upos in ("VERB", "AUX"):
                passed_verb = True
            if self.party(t) and (not verb_between or passed_verb or t.upos == "NOUN"
                                  or j + 1 < len(tokens) and tokens[j + 1].xpos == "POS"):
                return True
        return False

    @staticmethod
    def _passive(tokens, k: int) -> bool:
        """A past participle not after "have": "was killed", "the officers killed in 2016"."""
        return tokens[k].xpos == "VBN" and not any(t.lemma == "have" for t in tokens[max(0, k - 3):k])

    def _by_party(self, tokens, k: int) -> bool:
        for j in range(k + 1, min(len(tokens), k + 4)):
            if tokens[j].lemma == "by":
                return any(self.party(t) for t in tokens[j + 1:j + 5])
        return False

    def _party_after(self, tokens, j: int) -> bool:
        """"the cover-up by the CIA", "the corruption of officials": a party just after a noun."""
        if j < len(tokens) and tokens[j].lemma.lower() in ("by", "of"):
            return any(self.party(t, pronouns=False) for t in tokens[j + 1:j + 4])
        return False

    def _neutralised(self, tokens, k: int) -> bool:
        """A process word (charged, investigated, whether, not) anywhere before token k, or a
        modal (would, could, tried to) just before it: a process, a question or a forecast."""
        return (any(self.lex["process"].has(t) for t in tokens[:k])
                or self._modal_in(tokens, max(0, k - 3), k))

    @staticmethod
    def _modifier(tokens, i: int, j: int) -> bool:
        """The match only modifies a noun after it: "money laundering charges", "the assassinated
        prime minister", "a murder inquiry" (a participle or noun before a noun)."""
        if j >= len(tokens) or tokens[j].upos not in ("NOUN", "PROPN", "ADJ"):
            return False
        t = tokens[j - 1]
        if t.upos == "NOUN":
            return tokens[j].upos == "NOUN"
        participle = t.xpos in ("VBN", "VBG") or t.upos == "ADJ" and t.text.lower().endswith(("ed", "en"))
        return participle and not any(x.upos == "AUX" for x in tokens[max(0, i - 2):i])

    # ----------------------------------------------------------- features
    def accusation(self, tokens) -> Claim | None:
        lex = self.lex["accusations"]
        for i, j in lex.find(tokens):
            t = tokens[i]
            if t.upos == "PROPN" or self._neutralised(tokens, i) or self._modifier(tokens, i, j):
                continue
            if t.upos in ("VERB", "AUX") or t.xpos.startswith("VB"):
                if self._passive(tokens, i):
                    if self._by_party(tokens, i):
                        return Claim("accusation", i, j)
                elif self._subject_side(tokens, i):
                    return Claim("accusation", i, j)
            elif self._subject_side(tokens, i, verb_between=True) or self._party_after(tokens, j):
                return Claim("accusation", i, j)
        return None

    def _figure(self, t, nxt) -> bool:
        if t.xpos == "CD":
            if nxt is not None and (self.lex["units"].has(nxt) or self.lex["not-parties"].has(nxt)):
                return False  # "16 years after", "on 26 February": no count of people
            if any(c.isdigit() for c in t.text):  # not a year, a time, a decade or an age ("her 50's")
                return not _YEAR.match(t.text) and ":" not in t.text and not t.text.endswith("s")
            return t.text.lower() != "one" or nxt is not None and nxt.upos == "NOUN"  # not "one of"
        return self.lex["number-words"].has(t)

    def casualty(self, tokens) -> Claim | None:
        casualties = self.lex["casualties"]
        for i, t in enumerate(tokens):
            if not self._figure(t, tokens[i + 1] if i + 1 < len(tokens) else None):
                continue
            # After: up to two words of what is counted, then auxiliaries, then the casualty word.
            j, nouns = i + 1, 0
            while j < len(tokens) and nouns < 3 and tokens[j].upos in ("NOUN", "ADJ", "PROPN", "NUM") \
                    and not self.lex["units"].has(tokens[j]):
                if casualties.has(tokens[j]):
                    return Claim("casualty", i, j + 1)
                j, nouns = j + 1, nouns + 1
            aux = j
            while j < len(tokens) and tokens[j].upos in ("AUX", "ADV", "PART"):
                j += 1
            if j < len(tokens) and casualties.has(tokens[j]) and j > i + 1 and not self._modal_in(tokens, aux, j):
                return Claim("casualty", i, j + 1)
            # Before: "killing 12", "killed at least 30", "the death toll rose to 40"; not an age
            # ("died at 92") nor a forecast ("could kill 30").
            for k in range(i - 1, max(-1, i - 6), -1):
                b = tokens[k]
                if casualties.has(b) and (b.upos == "VERB" and b.xpos != "VBN"
                                          or k + 1 < i and tokens[k + 1].lemma.lower() == "toll"):
                    age = tokens[i - 1].lemma.lower() == "at" and (i + 1 == len(tokens) or tokens[i + 1].upos != "NOUN")
                    if age or self._modal_in(tokens, max(0, k - 3), k):
                        break
                    return Claim("casualty", k, i + 1)
                if b.upos not in ("ADV", "ADP", "ADJ", "DET") and b.lemma.lower() not in _TOLL_PATH:
                    break
        return None

    def _modal_in(self, tokens, i: int, j: int) -> bool:
        """A modal or a verb of attempt among tokens[i:j] (a verb: "in May" is no modal)."""
        return any(t.xpos == "MD" or t.upos in ("AUX", "VERB") and self.lex["modals"].has(t) for t in tokens[i:j])

    def statistic(self, tokens) -> Claim | None:
        shares = self.lex["statistics"]
        for i, t in enumerate(tokens):
            if t.xpos == "CD" and not _YEAR.match(t.text):
                j = shares.match_at(tokens, i + 1)
                if j > i + 1 and self._population(tokens, j):
                    return Claim("statistic", i, j)
        poll = polls.poll_claim(self.lex, tokens) or polls.margin_claim(self.lex, tokens) \
            or polls.group_claim(self.lex, tokens)
        return None if poll is None else Claim("statistic", *poll)  # "74 percent said", "leads 46% to 41%"

    def figure(self, tokens) -> Claim | None:
        """An indicator's change with the quantity it reports ("car sales fell 2.8%"): see ``figures``."""
        got = figures.change_claim(self.lex, tokens)
        return None if got is None else Claim("figure", *got)

    def _population(self, tokens, j: int) -> bool:
        """A share of people ("40 percent of Americans", "of young voters"), not of a sum or a budget."""
        for t in tokens[j:j + 4]:
            if t.xpos == "NNPS" or self.lex["populations"].has(t):
                return True
            if t.upos not in ("DET", "ADJ", "PROPN", "NOUN", "NUM") and t.xpos not in ("VBN", "VBG"):
                return False
        return False

    def cause(self, tokens) -> Claim | None:
        causes = self.lex["causes"]
        for i, j in causes.find(tokens):
            if self._modal_in(tokens, max(0, i - 3), i):
                continue
            near = tokens[max(0, i - 5):i] + tokens[j:j + 5]
            if any(self.lex["events"].has(t) and t.upos == "NOUN" for t in near):
                return Claim("cause", i, j)
        return None

    def superlative(self, tokens) -> Claim | None:
        for i, t in enumerate(tokens):
            if t.xpos == "JJS" and self.lex["judgements"].has(t):
                end, strong = i + 1, False
            elif t.xpos == "RBS" and t.lemma.lower() == "most" and i + 1 < len(tokens) \
                    and self.lex["judgements"].has(tokens[i + 1]):
                end, strong = i + 2, True
            else:
                continue
            if i == 0 or tokens[i - 1].upos not in ("DET", "PRON") and tokens[i - 1].xpos != "POS":
                continue  # "at worst", "worst-case": not "the worst ..."
            after = tokens[end:end + 10]
            if any(self.lex["records"].has(x) for x in after[:3]):
                continue
            if any(x.lemma.lower() == "since" for x in after):
                continue
            scoped = any(self.lex["scopes"].match_at(tokens, k) > k for k in range(end, min(len(tokens), end + 10)))
            if strong or scoped:
                return Claim("superlative", i, end)
        return None
