"""For the ``pattern`` kind: its patterns' prefilters tested together, and the sentences it need not read.

A rule's patterns whose prefilter is one head word (``\\b(?:were|are|have)\\b``) and then lookarounds only
share one scan of a document (``shared_scans``, run by ``scan``): the head word's places, and there one
regex with each pattern's lookarounds, optional, and a group that shows they held.

A rule that skips quotations (``quotes: skip``, the default) reports nothing in a sentence quoted whole,
since every finding there overlaps the quotation (``quoted_sentences``): such a sentence's hits are dropped
before any work, and a shared scan is not tried at the head words that stand in one.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, compress, repeat
from operator import is_not

import regex

from .patterns import finditer, lookarounds, match_each, word_head


def shared_scans(rule, patterns) -> dict:
    """Patterns whose prefilter is one head word test and then lookarounds only (``was`` after a plural
    noun, ``was`` after "and the ..."), grouped by head: each group's prefilters in one regex, the head
    and then each pattern's lookarounds, optional, with an empty named group that shows they held.
    Each pattern's outline key -> (that regex, every member's key -> its group name, the head alone, the
    members' keys in the order of their groups)."""
    heads: dict[tuple, dict[tuple, str]] = {}
    for p in patterns:
        split = word_head(p.outline.pattern) if p.start_words is None and p.outline.groups == 0 else None
        if split is not None and not p.outline.flags & regex.VERBOSE:
            heads.setdefault((split[0], p.outline.flags), {})[p.key] = split[1]
    out = {}
    for (head, flags), tails in heads.items():
        if len(tails) < 2:
            continue
        members = {key: f"_p{i}" for i, key in enumerate(tails)}
        source = head + nested([(lookarounds(tail), members[key]) for key, tail in tails.items()])
        scan = rule.pattern(source, "patterns (their prefilters together)", flags)
        # The members by the number of their group, as a match's groups() lists them.
        by_group = sorted(members, key=lambda key: scan.groupindex[members[key]])
        head_regex = rule.pattern(head, "patterns (their head word)", flags)
        out.update({key: (scan, members, head_regex, by_group) for key in members})
    return out


def nested(members: list[tuple[list[str], str]]) -> str:
    """Each member's lookarounds, optional, then an empty group named for it; members starting with the
    same lookaround share it, tested once (PluralVerb's 11 patterns after "a singular-looking word,
    no pronoun"). The groups set are those of the members whose lookarounds all hold, as before."""
    firsts: dict[str, list[tuple[list[str], str]]] = {}
    out = []
    for tests, name in members:
        if not tests:
            out.append(f"(?P<{name}>)")
        else:
            firsts.setdefault(tests[0], []).append((tests[1:], name))
    for first, rest in firsts.items():
        if len(rest) == 1:
            out.append(f"(?:{first}{''.join(rest[0][0])}(?P<{rest[0][1]}>)|)")
        else:
            out.append(f"(?:{first}{nested(rest)}|)")
    return "".join(out)


def scan(doc, together, rule_id: str, skip_quotes: bool) -> dict:
    """A shared scan's spans in the document: each member's key -> where its prefilter matches. The scan is
    matched only where its head word stands (whole words: they never overlap), which the head alone finds
    quicker than the scan's own search; with ``skip_quotes``, not in a sentence quoted whole (no finding
    can come of those)."""
    regex_, members, head, by_group = together
    text = doc.text
    found = {k: [] for k in members}
    places = [hit.start() for hit in finditer(head, text, rule_id)]
    quoted = quoted_sentences(doc)[0] if skip_quotes else ()
    if quoted and places:  # both in order: one walk
        kept, j, n = [], 0, len(quoted)
        for a in places:
            while j < n and quoted[j][1] <= a:
                j += 1
            if j == n or a < quoted[j][0]:
                kept.append(a)
        places = kept
    for hit in match_each(regex_, text, rule_id, places):
        if hit.lastindex is None:  # the head word alone: no member's lookarounds held
            continue
        span = hit.span()
        for k in compress(by_group, map(is_not, hit.groups(), _NONE)):  # a group held is "", one not held None
            found[k].append(span)
    return found


_NONE = repeat(None)


def quoted_sentences(doc) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """The sentences that lie inside one quotation by its marks (``Document.quote_zones``), in order, and
    their starts: every span in such a sentence overlaps a quotation, so a rule that skips quotations
    reports none there. Kept per document."""
    got = doc.__dict__.get("_pattern_quoted_sentences")
    if got is None:
        spans = []
        zones = sorted(doc.quote_zones)
        if zones:
            # The zones by start, and the furthest end of those starting up to each: a sentence lies in one
            # of them when the furthest end of those starting at or before it reaches its end.
            starts, reach = [s for s, _ in zones], list(accumulate((e for _, e in zones), max))
            for sentence in doc.sentences:
                i = bisect_right(starts, sentence.start) - 1
                if i >= 0 and reach[i] >= sentence.end > sentence.start:
                    spans.append((sentence.start, sentence.end))
        got = doc.__dict__["_pattern_quoted_sentences"] = (spans, frozenset(a for a, _ in spans))
    return got
