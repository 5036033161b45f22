"""Which sentences of a text are worth tagging for the ``attribution`` kind, by cheap lookups.

``Prefilter`` scans a text once for the words of each feature's lexicons (set lookups, no regex
alternation of thousands of forms); ``Triggered`` holds what one text's scan found, with the claim
cues of the rule's ``claims`` regexes, and answers per sentence: worth tagging, poll-shaped, or sure
to give nothing when tagged. The features themselves are in ``claims``.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress

from ..read import compiled as _compiled
from .wordlist import ascii_words


def any_in(starts: list[int], start: int, end: int) -> bool:
    """Some offset of the sorted ``starts`` lies in [start, end)."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


# A word, as the odd pieces of a split: the offsets come from the pieces' lengths. In a text whose
# letters and digits are ASCII the standard library's engine splits it the same way, and faster.
_WORD_SPLIT = _compiled.compile(r"([\w-]+|%)")
_ASCII_WORD_SPLIT = re.compile(r"([\w-]+|%)")


_DIGITS = _compiled.compile(r"\d+")


class Prefilter:
    """Which sentences are worth tagging, from one pass over the words of the text with set
    lookups (a regex alternation of a few thousand forms is an order of magnitude slower).

    Each feature needs its words together in one sentence: an accusation its trigger; a cause
    its trigger and an event word; a casualty or statistic its trigger and a figure (a digit, a
    number word); a judging superlative a judging word and "most" or a scope ("ever"); a poll
    margin a share or points and a word of leading; a reported figure a verb of change, an
    indicator and a figure. (A poll figure, a verb of stance close after a share word, is
    tested by the attribution kind, which knows where each word stands; a portion word with a
    verb of stance further off, 79 sentences of the corpus tagged, never made one.) A phrase
    ("lead to", "per cent of") is looked up as its first two words."""

    NEEDS = (("accusations", ()), ("causes", ("events",)), ("casualties", ("figures",)),
             ("statistics", ("figures",)), ("judgements", ("most", "scopes")), ("shares", ("leads", "figures")),
             (("margins", "leads"), ("figures",)), (("changes", "indicators"), ("figures", "magnitudes")))
    # The groups whose features are only a share, a poll or a reported figure (a study named in reach
    # sources those, so such a sentence need not be tagged there).
    FIGURES_ONLY = ("accusations", "causes", "casualties", "judgements")
    # The groups one of which a sentence worth tagging holds: a trigger of NEEDS, or the share word of
    # a poll figure (Triggered.poll_shaped).
    HEADS = tuple(sorted({g for trigger, _ in NEEDS for g in (trigger if isinstance(trigger, tuple) else (trigger,))}
                         | {"shares", "portions"}))

    def __init__(self, lex: dict):  # group name -> claims.Lexicon (claims imports this module)
        single: dict[str, set[str]] = {}    # word -> groups it starts
        pairs: dict[tuple[str, str], set[str]] = {}
        groups = {**{k: lex[k] for k in ("accusations", "causes", "casualties", "statistics", "judgements",
                                         "events", "scopes", "shares", "portions", "stances",
                                         "leads", "margins", "changes", "magnitudes", "indicators", "process")},
                  "figures": lex["number-words"]}
        for group, lexicon in groups.items():
            for e in lexicon.entries:
                if len(e.words) == 1 or e.words[1] == "*":
                    for w in e.surface[0]:
                        single.setdefault(w, set()).add(group)
                else:
                    for a in e.surface[0]:
                        for b in e.surface[1] | {e.words[1]}:
                            pairs.setdefault((a, b), set()).add(group)
        single.setdefault("most", set()).add("most")
        # One frozenset per distinct set of groups (25), shared: the rule cache pickles each once and a
        # start loads the prefilter in 0.6 ms, not 1.5.
        shared: dict[frozenset, frozenset] = {}
        self.single = {w: shared.setdefault(frozenset(g), frozenset(g)) for w, g in single.items()}
        self.pairs = {k: shared.setdefault(frozenset(g), frozenset(g)) for k, g in pairs.items()}
        self.pair_firsts = frozenset(a for a, _ in pairs)

    def scan(self, text: str) -> dict[str, list[int]]:
        """Starts of the words of each group, sorted.

        One split gives the text's words, and the running sum of the pieces' lengths their offsets
        (both at C speed); only the words of a group, and the first words of a phrase, are visited."""
        found: dict[str, list[int]] = {"figures": [m.start() for m in _DIGITS.finditer(text)]}
        pieces = (_ASCII_WORD_SPLIT if ascii_words(text) else _WORD_SPLIT).split(text.lower())
        words = pieces[1::2]
        starts = list(accumulate(map(len, pieces)))[::2]  # the end of the gap before each word
        hits = self._hits(set(words))
        for k in compress(range(len(words)), map(hits.__contains__, words)):
            for group in hits[words[k]]:
                found.setdefault(group, []).append(starts[k])
        pairs = self.pairs
        for k in compress(range(1, len(words)), map(self.pair_firsts.__contains__, words)):
            for group in pairs.get((words[k - 1], words[k]), ()):
                found.setdefault(group, []).append(starts[k - 1])
        for group_starts in found.values():
            group_starts.sort()
        return found

    def _hits(self, vocabulary: set[str]) -> dict[str, set[str]]:
        """The groups each of a text's distinct words starts; a hyphenated word by its parts too
        ("fight-back" may be one token), but for the process words."""
        single = self.single
        hits = {w: single[w] for w in vocabulary & single.keys()}
        for w in vocabulary:
            if "-" in w:
                groups = set(single.get(w, ()))
                for part in w.split("-"):
                    groups |= single.get(part, set()) - {"process"}
                if groups:
                    hits[w] = groups
        return hits

    def worth(self, has) -> bool:
        """Whether a sentence is worth tagging; ``has(group)`` says whether a group's word stands in it."""
        for trigger, needs in self.NEEDS:  # a trigger of two groups needs both
            if all(map(has, trigger if isinstance(trigger, tuple) else (trigger,))) \
                    and (not needs or any(has(n) for n in needs)):
                return True
        return False

    def cancelled(self, first) -> bool:
        """Only an accusation could stand in the sentence, and a process word comes before its first
        trigger ("charged with fraud", "no evidence of collusion"): the feature cancels every match
        after one, so tagging would find nothing. ``first(group)`` is the start of the group's first
        word in the sentence, or None."""
        accusation, process = first("accusations"), first("process")
        if accusation is None or process is None or process >= accusation:
            return False
        return not self.worth(lambda group: group != "accusations" and first(group) is not None)

    def figures_only(self, has) -> bool:
        """No word of an accusation, a cause, a casualty or a judgement stands in the sentence: it
        can only hold a share, a poll figure or a reported figure."""
        return not any(map(has, self.FIGURES_ONLY))


class Triggered:
    """The claim cues matched in a text, (start, end, category rank), sorted."""

    def __init__(self, found: set[tuple[int, int, int]], prefilter, triggers: dict[str, list[int]]):
        self.claims = sorted(found)
        self.starts = [c[0] for c in self.claims]
        self.prefilter = prefilter
        self.triggers = triggers
        # Where any word that can make a sentence worth tagging stands: most sentences hold none.
        self.heads = sorted(s for g in Prefilter.HEADS for s in triggers.get(g, ())) if triggers else []

    def triggered(self, sentence) -> bool:
        """A feature could stand in the sentence (see Prefilter): worth tagging."""
        if not any_in(self.heads, sentence.start, sentence.end):
            return False
        return self.prefilter.worth(
            lambda group: any_in(self.triggers.get(group, []), sentence.start, sentence.end)) \
            or self.poll_shaped(sentence)

    def poll_shaped(self, sentence) -> bool:
        """A verb of stance follows a share word closely (80 characters): its "said" may be the
        respondents' ("74 percent of Democrats said")."""
        stances = self.triggers.get("stances", [])
        for group in ("shares", "portions"):
            starts = self.triggers.get(group, [])
            for k in range(bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)):
                if any_in(stances, starts[k] + 1, min(sentence.end, starts[k] + 80)):
                    return True
        return False

    def untaggable(self, sentence, study_in_reach) -> bool:
        """Tagging could find nothing to flag: only an accusation, after a process word; or only a
        share or a figure, with a study named in reach (see Prefilter)."""
        def first(group):
            starts = self.triggers.get(group, [])
            i = bisect.bisect_left(starts, sentence.start)
            return starts[i] if i < len(starts) and starts[i] < sentence.end else None
        if self.prefilter.figures_only(lambda g: first(g) is not None):
            return study_in_reach()
        return self.prefilter.cancelled(first) and not self.poll_shaped(sentence)

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
