"""consistency: one thing spelled two ways in one article ("ISIS" and "Isis").

``either`` lists pairs of spellings (Vale's key); with ``case-variants`` the
kind also finds, by itself, acronyms written in capitals and in title case.
The minority form is flagged and fixed to the majority form; a tie is
reported without a fix. Forms inside quotations count for the majority but
are never edited.

A rule in Vale's format (only Vale's keys) runs as Vale runs it: once both
spellings have appeared, each later block that uses one is flagged at its
last use, with an unsafe fix that writes the form the article used first
over the block's uses of the other spelling; no majority is counted.
"""

from __future__ import annotations


from ...findings import Applicability, Edit
from .. import budget
from ..base import Option, Rule, preserve_case
from ..patterns import finditer
from ..vale import blocks_in_scope
from ..vale_place import first_place
from ...read import compiled as _compiled

_ACRONYM = _compiled.compile(r"(?<![\p{L}\p{N}_-])\p{Lu}{3,6}(?![\p{L}\p{N}_-])")
# Capitals that are not an acronym's spelling: a shouted phrase, a dateline
# ("HAVANA (Reuters)"), a speaker label ("NOVAK:").
_CAPS_WORD = _compiled.compile(r"\p{Lu}{2,}")
_LABEL_AFTER = _compiled.compile(r"\s*(?:\(|:|—|–|--|,\s*\p{Lu}\p{Ll}*\.?\s*[—–(-])")


class Consistency(Rule):
    name = "consistency"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags a name or word spelled two ways in one article; fixes to the majority form."
    OPTIONS = {
        "either": Option("map", {}, "pairs of spellings that must not both appear"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "do not require word boundaries"),
        "case-variants": Option("bool", False, "also find acronyms written both in capitals and in title case"),
        "exceptions": Option("list", [], "forms never compared (LORD, GOD)"),
        "shout-length": Option("int", 4, "a capitalised form longer than this, outnumbered by the title-case "
                                         "form, is emphasis (TRUMP), not an acronym"),
        "safe-ratio": Option("float", 1.0, "the fix is safe only when the majority form is used at least this "
                                           "many times as often as the other; closer counts make it unsafe "
                                           "(which form is the house's is a person's call)"),
    }
    default_fix = Applicability.SAFE
    VALE_MAPPINGS = ("either",)

    def compile(self):
        self.pairs = []
        for a, b in self["either"].items():
            pa = self.pattern(self._wrap(str(a)), "either")
            pb = self.pattern(self._wrap(str(b)), "either")
            self.pairs.append((pa, pb))
        # Vale's way (check/consistency.go): one pattern per pair, its two sides named groups.
        self.vale_steps = [self.pattern(self._wrap(f"(?P<{_SIDES[0]}>{a})|(?P<{_SIDES[1]}>{b})"), "either")
                           for a, b in self["either"].items()] if self.vale else []
        if self.vale:
            self.applicability = Applicability.UNSAFE  # Vale's way has no majority: a person picks the form
            self.summary = "Flags the second of two spellings used in one article, as Vale does; fixes to the first."
        if not self.pairs and self.vale:
            self.load_warnings.append("key 'either' has no entries: the rule reports nothing (as in Vale)")
        elif not self.pairs and not self["case-variants"]:
            self.fail("needs 'either' or 'case-variants: true'")

    def _wrap(self, p: str) -> str:
        flags = "(?i)" if self["ignorecase"] else ""
        return flags + (p if self["nonword"] else rf"(?<![\p{{L}}\p{{N}}_])(?:{p})(?![\p{{L}}\p{{N}}_])")

    def check(self, doc):
        if self.vale:
            yield from self._check_vale(doc)
            return
        body = doc.body
        if not body:
            return
        lo, hi = body[0].start, body[-1].end
        groups = [
            ([m.span() for m in finditer(pa, doc.text, self.id, lo, hi)],
             [m.span() for m in finditer(pb, doc.text, self.id, lo, hi)])
            for pa, pb in self.pairs
        ]
        if self["case-variants"]:
            groups.extend(self._case_variants(doc, lo, hi))
        for spans_a, spans_b in groups:
            if spans_a and spans_b:
                yield from self._report(doc, spans_a, spans_b)

    def _check_vale(self, doc):
        """As Vale runs a consistency rule: block by block, in order, remembering which side of each pair
        the file has used so far. A block with a match, once both sides have been seen, gets one finding
        for its last match, placed where Vale places it: the first occurrence of that text from the
        block's start (core/location.go initialPosition)."""
        text = doc.text
        seen: dict[int, dict[str, str]] = {}
        for lo, hi in blocks_in_scope(self, doc):
            block = text[lo:hi]  # read alone, once for all the pairs
            for i, pat in enumerate(self.vale_steps):
                last, side = None, None
                places: dict[str, list[tuple[int, int]]] = {}
                for m in finditer(pat, block, self.id):
                    side = _SIDES[0] if m.start(_SIDES[0]) != -1 else _SIDES[1]
                    seen.setdefault(i, {}).setdefault(side, m.group(side))
                    places.setdefault(side, []).append((lo + m.start(side), lo + m.end(side)))
                    last = m.group(side)
                if not last or len(seen.get(i, {})) < 2:
                    continue
                start = first_place(text, last, lo)
                start = start if start != -1 else lo
                end = start + len(last)
                if not self.in_scope(doc, start, end):
                    continue
                # The fix writes the form the article used first over every use of the other spelling in the
                # block: fixing the flagged use toward the other side flipped a word back and forth from pass
                # to pass ("e-mail", then "email"), and Vale flags only a block's last use.
                first = next(iter(seen[i]))
                form = seen[i][first]
                edits = [Edit(a, b, form) for side_, spans in places.items() if side_ != first for a, b in spans
                         if text[a:b] != form] or None
                yield self.finding(doc, start, end, self.format_message(last), edits, Applicability.UNSAFE,
                                   fix_title=f"Write '{form}'" if edits else "")

    def _case_variants(self, doc, lo, hi):
        text = doc.text
        found: dict[str, list] = {}
        for m in _ACRONYM.finditer(text, lo, hi):
            found.setdefault(m.group(), []).append(m.span())
        # Only an acronym the article also writes in title case can vary ("Nato"): most ("BBC", "US")
        # never do, and their places are not judged. In the order of each one's first plain place.
        upper: dict[str, tuple[str, list]] = {}
        exceptions = set(self["exceptions"])
        for acronym, places in found.items():
            budget.check()  # each acronym scans the text: thousands of them take a while
            title = acronym[0] + acronym[1:].lower()
            if title not in text or acronym in exceptions:
                continue
            spans = [(a, b) for a, b in places
                     if self._plain_capitals(doc, a, b) and not (self.skip_posts and _in_post(doc, a))]
            if spans:
                upper[acronym] = (title, spans)
        for acronym, (title, spans) in sorted(upper.items(), key=lambda kv: kv[1][1][0]):
            budget.check()
            if any(True for _ in _whole_words(text, acronym.lower(), lo, hi)):
                continue  # also a common word ("who", "aids")
            titled = []
            for start in _whole_words(text, title, lo, hi):
                end = start + len(title)
                sentence = doc.sentence_at(start)
                block = doc.block_at(start)
                if sentence is None or sentence.start == start or block.kind != "paragraph":
                    continue  # a sentence or heading start is capitalised anyway
                if text[start - 1] in "@#" or _capitalised_neighbour(text, start, end, sentence.start):
                    continue  # part of a longer name: "West Palm Beach", "Queen Elizabeth"
                if self.skip_posts and _in_post(doc, start):
                    continue  # a social-media post is quoted as posted: neither counted nor flagged
                titled.append((start, end))
            if titled and (len(titled) <= len(spans) or len(acronym) <= self["shout-length"]):
                yield spans, titled

    @staticmethod
    def _plain_capitals(doc, start: int, end: int) -> bool:
        """An acronym in running text, not a dateline, a label or a shouted phrase."""
        text = doc.text
        block = doc.block_at(start)
        if block is None or block.kind != "paragraph" or start == block.start:
            return False
        if text[start - 1] in "\n@#":
            return False  # a line-start label ("GILANI A:"), a handle or a hashtag
        if _LABEL_AFTER.match(text, end):
            return False
        before = text[max(block.start, start - 30):start].split()
        after = text[end:end + 30].split()
        for word in (before[-1:] + after[:1]):
            if _CAPS_WORD.fullmatch(word.strip(".,;:!?\"“”'’()")):
                return False
        return True

    def _report(self, doc, spans_a, spans_b):
        text = doc.text
        form_a, form_b = text[slice(*spans_a[0])], text[slice(*spans_b[0])]
        if len(spans_a) == len(spans_b):
            minority, majority, applicability = spans_b, form_a, Applicability.DISPLAY
        elif len(spans_a) > len(spans_b):
            minority, majority, applicability = spans_b, form_a, None
        else:
            minority, majority, applicability = spans_a, form_b, None
        many, few = max(len(spans_a), len(spans_b)), min(len(spans_a), len(spans_b))
        if applicability is None and many < self["safe-ratio"] * few:
            applicability = Applicability.UNSAFE
        counts = f"{many} to {few}"
        if self["ignorecase"]:
            # The majority spelling, in the case of the text it replaces ("Advisor" -> "Adviser").
            majority = majority.lower()
        for start, end in minority:
            if not self.in_scope(doc, start, end):
                continue
            found = text[start:end]
            good = preserve_case(found, majority) if self["ignorecase"] else majority
            message = self.format_message(found, good) + ("" if self.vale else f" ({counts})")
            yield self.finding(doc, start, end, message, [Edit(start, end, good)], applicability,
                               fix_title=f"Write '{good}'")


_SIDES = ("lintnews_either_a", "lintnews_either_b")


_NAME_WORD = _compiled.compile(r"\p{Lu}\p{Ll}+")


def _capitalised_neighbour(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether a capitalised word stands right beside: then the word is part of a longer name.

    The first word of the sentence does not count ("The Nato summit").
    """
    before = text[max(sentence_start, start - 30):start]
    after = text[end:end + 30]
    prev = before.split()[-1:] if before[-1:] == " " else []
    if prev and start - len(before) == sentence_start and len(before.split()) == 1:
        prev = []
    # The next word may end a list item or clause: "Real History, Society" is a name.
    nxt = [w.rstrip(",;:.!?") for w in after.split()[:1]] if after[:1] == " " else []
    return any(_NAME_WORD.fullmatch(w) for w in prev + nxt)


def _in_post(doc, start: int) -> bool:
    """Whether the word is part of an embedded social-media post: quoted as posted."""
    return doc.in_post(start)


def _whole_words(text: str, word: str, lo: int, hi: int):
    """Starts of ``word`` in text[lo:hi], not inside a longer word or a hyphenated one."""
    i = text.find(word, lo, hi)
    while i != -1:
        end = i + len(word)
        if (i == 0 or not _joins(text[i - 1])) and (end >= len(text) or not _joins(text[end])):
            yield i
        i = text.find(word, i + 1, hi)


def _joins(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"
