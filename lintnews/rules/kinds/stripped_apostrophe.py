"""stripped-apostrophe: a contraction or possessive whose apostrophe a scraper turned into a space.

Copy taken from some web pages loses every apostrophe and leaves a space in
its place: "Trump s plan", "don t", "it s", "we re", "I m". One regex pass
finds a word followed by a lone contraction tail (``s``, ``t``, ``re``,
``ve``, ``ll``, ``d``, ``m``); the tail must follow a word that takes it
("don t", not "Mr T"), so a letter in a list ("a, b and s") or a name is left
alone. The fix writes the apostrophe in the article's own style: ’ when the
article already has curly apostrophes between letters, ' otherwise.

Contractions from a closed list ("don t", "it s", "we re") are certain and
fixed safely; a possessive after any other word ("Trump s") is almost always
right but is marked unsafe unless ``safe-possessive`` is true.

In an article where the lost apostrophes are the only evidence that a gap
between two words is a stripped quotation mark (``Document.marks_rest_on_apostrophes``),
the findings come with no fix: restoring the apostrophes would leave that
gap looking like a typed double space, and the next pass of ``fix`` would
close it and erase the trace of the mark. Once an editor restores the
lost marks, or closes a gap that was only a typed double space, the
apostrophes are fixed as usual.
"""

from __future__ import annotations

import re


from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..patterns import match
from ...read.quotes import apostrophe_style

# Word before the tail -> which tails it takes. Case-insensitive except "I".
_NT = ("do does did is are was were has have had ca wo could would should must need ai might dare"
       " ought")
_RE = "we you they who what there where why how"
_VE = "we you they who could would should might must what"
_LL = "we you they he she it that there who what this"
_D = "we you they he she who it that there"
_S = "it he she that there what who where here how let when why"

_TAIL = re.compile(r" (?:[tsmdTSMD]|[rR][eE]|[vV][eE]|[lL][lL])(?![\w'’-])")


_WAIT = (" No fix yet: with its apostrophes lost, a double space in this article may be a stripped quotation"
         " mark or dash (News.MultipleSpaces reports it); restore the mark or close the gap, then `lintnews fix`"
         " restores the apostrophes.")


def _alt(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


class StrippedApostrophe(Rule):
    name = "stripped-apostrophe"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags 'don t', 'Trump s': an apostrophe lost as a space; the fix restores it."
    OPTIONS = {
        "possessive": Option("bool", True, "also flag 'Name s' (a possessive 's' after any word)"),
        "safe-possessive": Option("bool", False, "fix possessives safely (otherwise unsafe)"),
        "exceptions": Option("list", [], "words before a lone 's' that never take a possessive"),
    }
    default_fix = Applicability.SAFE
    fix_nature = "damage"
    default_quotes = "include"

    def compile(self):
        edge = r"(?<![\p{L}\p{N}_'’.\-/@#&])"
        tail_end = r"(?![\p{L}\p{N}_'’\-]|\.\p{L})"
        nt = "don doesn didn isn aren wasn weren hasn haven hadn can won couldn wouldn shouldn mustn needn ain mightn daren oughtn"
        # The scan stops only at a space and a lone tail; the word before is checked by look-behind.
        parts = [
            rf"(?<={edge}(?P<w>(?i:{_alt(nt)}))) (?P<t>(?i:t))",
            rf"(?<={edge}(?P<w>I)) (?P<t>(?i:m|ve|ll|d))",
            rf"(?<={edge}(?P<w>(?i:{_alt(_RE)}))) (?P<t>(?i:re))",
            rf"(?<={edge}(?P<w>(?i:{_alt(_VE)}))) (?P<t>(?i:ve))",
            rf"(?<={edge}(?P<w>(?i:{_alt(_LL)}))) (?P<t>(?i:ll))",
            rf"(?<={edge}(?P<w>(?i:{_alt(_D)}))) (?P<t>(?i:d))",
            rf"(?<={edge}(?P<w>(?i:{_alt(_S)}))) (?P<t>(?i:s))",
        ]
        if self["possessive"]:
            # Any word of two letters or more, ending in a letter ("Trump s", "company s", "Obama s").
            parts.append(rf"(?<={edge}(?P<p>(?P<w>\p{{L}}[\p{{L}}\p{{M}}]*\p{{L}}))) (?P<t>s)")
        self.regex = self.pattern("(?= (?i:[tsrvldm]))(?:" + "|".join(parts) + ")" + tail_end, "(built in)")
        self.exceptions = {str(e).lower() for e in self["exceptions"]}

    def _matches(self, text):
        """The full pattern tried only where a lone tail follows a space.

        Such spots are rare; finding them with the standard library's ``re``
        (a plain, bounded pattern) and matching there is several times
        faster than letting the look-behinds run at every space.
        """
        for spot in _TAIL.finditer(text):
            m = match(self.regex, text, self.id, spot.start())
            if m is not None:
                yield m

    def check(self, doc):
        text = doc.text
        mark = None
        for m in self._matches(text):
            word = m.group("w")
            possessive = "p" in m.groupdict() and m.group("p") is not None  # no such group with possessive: false
            if possessive and word.lower() in self.exceptions:
                continue
            tail = m.group("t")
            if not tail.islower() and not (word.isupper() and (len(word) > 1 or tail == "M")):
                continue  # "Don T", "Mr T": an initial; "DON T", "I M" in capitals are contractions
            start, end = m.start("w"), m.end()
            if not self.in_scope(doc, start, end):
                continue
            if mark is None:
                mark = apostrophe_style(text)
            gap = m.end("w")
            good = f"{word}{mark}{tail}"
            message = self.format_message(good, text[start:end])
            if doc.marks_rest_on_apostrophes:
                yield self.finding(doc, start, end, message + _WAIT)
                continue
            applicability = Applicability.UNSAFE if possessive and not self["safe-possessive"] else Applicability.SAFE
            yield self.finding(doc, start, end, message, [Edit(gap, gap + 1, mark)], applicability,
                               fix_title=f"Write '{good}'")
