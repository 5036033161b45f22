"""glued-words: two words or sentences run together where a scraper lost a line break.

Text copied from some web pages loses the line breaks between paragraphs,
tweets and captions and runs the words together: "in 2017Trump said",
"the end.The next", "reports:The", "the whole worldTrump said". One regex
pass finds the seam; the fix inserts a space there.

How sure each seam is decides its fix:

- after a sentence end ("end.The", "voters!”After"): safe. The word before
  must end in two lower-case letters and not follow a period, so "U.S.",
  "e.g.", "Ph.D.", "No.1" and "5.30pm" never match; a word followed by
  another dot ("Halo.Bungie.Org") or a domain ending ("Amazon.Com") is a
  name, not a seam.
- after a year ("2017Trump"): safe; after another number ("22Place"): unsafe.
- after a number and a sentence end ("June 2003.The", "5%.Shares",
  "$1,300.The"): safe after a year, a percentage or a whole number of two
  digits or more; unsafe after one digit or a decimal ("May 1.So",
  "3.5.The"), which may be a numbered item. A number at a line start
  ("1.The") is a list marker and is left alone; a number after a dot or a
  letter ("No.5", "v2.The", "Fig.2.The") never starts a seam.
  A single digit ("4Children", "1Xtra") is a name.
- after a colon ("reports:The"): unsafe.
- a lower-case word run into a capitalised one ("worldTrump"): unsafe, and
  only when the word starts in lower case and has one capital inside, so
  "iPhone", "McCain", "YouTube", "LeBron" and "realDonaldTrump" are names.

Web addresses ("pic.twitter.com/...", "www.example.com") are never touched.

A photo credit left at the end of a paragraph ("...as we speak.Featured
image via Getty Images") is page furniture, reported with
``trailer-message``; its fix deletes the credit only (the fix's title
quotes it, so a list of fixes says what went).
"""

from __future__ import annotations

import re

import regex

from ...findings import Applicability, Edit
from ..base import Option, Rule, shown
from ..patterns import finditer
from ..wordlist import ascii_words
from ...read import compiled as _compiled

_TRAILER = (r"(?i:(?:read[ ]more[ ]?:[ ]?)?featured[ ](?:image|photo|picture)s?|(?:photo|image|picture)s?[ ]"
            r"(?:via|by|credit|courtesy)|(?:photo|image)[ ]credit)\b")
# A capitalised word: two or more lower-case letters, or a short word of its own.
# Also a title ("Mr", "Ms"), "A" or "I" before a space, and a word in capitals ("STATE AND LOCAL").
_CAP = (r"(?:\p{Lu}\p{Ll}{2,}|(?:It|In|He|We|If|On|So|As|At|Is|No|My|Oh|Or|By|To|Us|An|Mr|Ms|Mrs|Dr)(?![\p{L}\p{N}])"
        r"|[AI](?=\s)|\p{Lu}{3,}(?![\p{L}\p{N}]))")
_DOMAIN_END = r"(?i:com|net|org|gov|edu|info|news|co|uk|io|tv|us|biz|ly|me)(?![\p{L}\p{N}])"
# After a space, "Photo by ..." is a credit only when it names a picture source.
_TRAILER_WORDS = ("featured", "photo", "image", "picture")
_FEATURED = _compiled.compile(r"(?i)featured")
_SOURCE = _compiled.compile(r"Getty|Images|Reuters|\bAP\b|AFP|/|(?i:screen ?(?:shot|capture|grab)|twitter|facebook|"
                        r"youtube|flickr|wikimedia|shutterstock|instagram)")
_YEAR = _compiled.compile(r"(?:19|20)\d\d")
# In an article whose letters and digits are all ASCII (\p{Ll} is [a-z] there, \p{Lu} [A-Z], \p{N}
# [0-9]), what each seam pattern of ``compile`` needs, in order, found by the standard library's engine
# from its rarest character: a sentence end after two lower-case letters and before a capital, the same
# after a number, two digits and a capital, a lower-case word and a capitalised one. Most articles hold
# none: then that pattern is not run there (400 articles of edited copy: 0.014 s for these, 0.025 s less
# for the patterns).
_ASCII_SEAMS = [re.compile(r"[.!?:](?<=[a-z]{2}[.!?:])[.!?]{0,2}[”’)]?[“‘(]?[A-Z]"),
                re.compile(r"[.!?](?<=[0-9%][.!?])[”’)]?[“‘(]?[A-Z]"),
                re.compile(r"[A-Z](?<=[0-9]{2}[A-Z])"), re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])[a-z]{2}")]


def _number_end(number: str) -> Applicability:
    """How sure a seam after a number is: a year, a percentage or a grouped or
    long whole number ends a sentence; "3.5." or "May 1." may be a heading or a
    numbered item, so its fix is unsafe."""
    if number.endswith("%") or _YEAR.fullmatch(number) or regex.fullmatch(r"\p{N}{1,3}(?:,\p{N}{3})+|\p{N}{2,}", number):
        return Applicability.SAFE
    return Applicability.UNSAFE


class GluedWords(Rule):
    name = "glued-words"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags words run together at a lost line break ('2017Trump', 'end.The'); the fix adds the space."
    OPTIONS = {
        "exceptions": Option("list", [], "words written run together on purpose (comScore, redOrbit)"),
        "camel-case": Option("bool", True, "also flag a lower-case word run into a capitalised one ('worldTrump')"),
        "trailer-message": Option("str", "", "message for a photo credit left at a paragraph end; "
                                             "empty: do not look for them"),
        "trailer-max-words": Option("int", 20, "a longer tail is prose, not a credit"),
    }
    default_fix = Applicability.SAFE
    fix_nature = "damage"
    default_quotes = "include"

    def compile(self):
        not_trailer = rf"(?!{_TRAILER})"
        start = r"(?<![\p{L}\p{N}\p{M}_.@#/\\'’&=+\-])"
        parts = [
            # Sentence end: "end.The", "region.”Harry", "said.“We", "reports:The".
            rf"(?=[.!?:])(?<={start}(?P<sl>\p{{L}}*\p{{Ll}}\p{{Ll}}))(?P<sp>(?:[.!?]|[!?]{{2,3}})(?!\.)[”’)]?|:)"
            rf"{not_trailer}(?!{_DOMAIN_END})(?P<sr>[“‘(]?{_CAP})(?![\p{{L}}\p{{N}}]*[.:/@]\p{{L}})",
            # A number, then a sentence end: "June 2003.The", "rose 5%.Shares", "$1,300.The".
            # A year may follow a slash or a hyphen: "on 12/7/1941.They", "from mid-2005.It".
            rf"(?=\p{{N}})(?:(?<={start})|(?<=[/-])(?=(?:19|20)\d\d[.!?]))(?P<dl>(?:\p{{N}}{{1,3}}(?:,\p{{N}}{{3}})+|\p{{N}}+)(?:\.\p{{N}}+)?%?)"
            rf"(?P<dp>[.!?](?!\.)[”’)]?){not_trailer}(?!{_DOMAIN_END})(?P<dr>[“‘(]?{_CAP})"
            rf"(?![\p{{L}}\p{{N}}]*[.:/@]\p{{L}})",
            # A number: "2017Trump", "2,000People".
            rf"(?=\p{{Lu}})(?<={start}(?<!\$|£|€)(?P<nl>\p{{N}}{{1,3}}(?:,\p{{N}}{{3}})+|\p{{N}}{{2,}})){not_trailer}"
            rf"(?P<nr>{_CAP})(?![\p{{L}}\p{{N}}]*[.:/@]\p{{L}})",
        ]
        if self["camel-case"]:
            # "worldTrump": a lower-case word, one capital inside, nothing like a handle or a domain after.
            parts.append(rf"(?=\p{{Lu}})(?<={start}(?P<cl>\p{{Ll}}{{3,}})){not_trailer}"
                         r"(?P<cr>\p{Lu}\p{Ll}{2,})(?![\p{L}\p{N}]*(?:\p{Lu}|\p{N}|[.:/@]\p{L}))")
        if self["trailer-message"]:
            # A credit at the very end of a line, glued or after a sentence end.
            parts.append(rf"(?<=[.!?:”\"’)\p{{N}}])(?P<tg>[ \t]*)(?P<tr>{_TRAILER}[^\n]{{0,300}}?)"
                         r"[ \t]*(?=\r?\n|\Z)")
        # One pattern per seam kind: an alternation of look-around-led branches
        # costs twice as much as the branches run one by one.
        self.regexes = [self.pattern(part, "(built in)") for part in parts]
        # The credit pattern looks behind at every position; an article without one of
        # these words cannot hold a credit, so it is skipped there.
        self.trailer = self.regexes.pop() if self["trailer-message"] else None
        self.exceptions = {str(e).lower() for e in self["exceptions"]}
        # Each seam pattern goes with the _ASCII_SEAMS entry of its place: a seam added to ``parts``
        # without its entry there fails here, not silently in zip. (The pairs are not kept on the rule:
        # the rule cache builds no standard-library pattern.)
        assert len(self.regexes) <= len(_ASCII_SEAMS), "a seam pattern without its _ASCII_SEAMS entry"

    def _matches(self, doc):
        """Matches of every seam pattern in text order, without overlaps (earliest wins)."""
        text = doc.text
        if ascii_words(text):  # each seam pattern with what it needs there (see compile)
            regexes = [r for r, seam in zip(self.regexes, _ASCII_SEAMS) if seam.search(text)]
        else:
            regexes = list(self.regexes)
        lower = doc.lower_text if doc.lower_text is not None else text.lower()
        if self.trailer is not None and any(w in lower for w in _TRAILER_WORDS):
            regexes.append(self.trailer)
        found = sorted((m for r in regexes for m in finditer(r, text, self.id)), key=lambda m: m.start())
        last_end = -1
        for m in found:
            if m.start() >= last_end:
                last_end = m.end()
                yield m

    def check(self, doc):
        text = doc.text
        for m in self._matches(doc):
            if m.groupdict().get("tr") is not None:
                yield from self._trailer(doc, m)
                continue
            end = m.end()
            groups = m.groupdict()
            if groups.get("sl") is not None:
                start, seam = m.start("sl"), m.end("sp")
                colon = m.group("sp") == ":"
                applicability = Applicability.UNSAFE if colon else Applicability.SAFE
            elif groups.get("dl") is not None:
                start, seam = m.start("dl"), m.end("dp")
                if not text[text.rfind("\n", 0, start) + 1:start].strip():
                    continue  # "1.The" at a line start: a list marker
                applicability = _number_end(m.group("dl"))
            elif groups.get("nl") is not None:
                start, seam = m.start("nl"), m.end("nl")
                year = _YEAR.fullmatch(m.group("nl"))
                if not year and m.group("nr").isupper():
                    continue  # "1800GMT", "100MW": a unit or a time zone, written glued
                applicability = Applicability.SAFE if year else Applicability.UNSAFE
            else:
                start, seam = m.start("cl"), m.end("cl")
                applicability = Applicability.UNSAFE
                if text[start:end].lower() in self.exceptions:
                    continue
            if not self.in_scope(doc, start, end):
                continue
            left, right = text[start:seam], text[seam:end]
            yield self.finding(doc, start, end, self.format_message(f"{left} {right}", text[start:end]),
                               [Edit(seam, seam, " ")], applicability, fix_title="Insert a space")

    def _trailer(self, doc, m):
        start, end = m.start("tr"), m.end("tr")
        block = doc.block_at(start)
        if block is None or block.end != end or start == block.start:
            return
        credit = m.group("tr")
        if len(credit.split()) > self["trailer-max-words"]:
            return
        if m.group("tg") and not _FEATURED.match(credit) and not _SOURCE.search(credit):
            return  # "… lake. Photo by the river was his favourite." is prose
        if not self.in_scope(doc, start, end):
            return
        message = self["trailer-message"].replace("%s", m.group("tr").strip(), 1)
        yield self.finding(doc, start, end, message, [Edit(m.start("tg"), end, "")],
                           Applicability.SAFE, fix_title=f"Delete the credit {shown(credit)}")
