"""substitution: a bad form and the good one to use instead, with a fix.

As in Vale, ``swap`` maps a pattern to its replacement; the message's first
``%s`` is the replacement and the second the matched text. A replacement
with ``|`` offers several choices and is shown, never applied. The fix keeps
the case of what it replaces ("Hi" -> "His").

``endings`` inflects plain-word swaps: each ending is tried on every pair
whose two forms end in the same letter ("neighbour" -> "neighbor" gives
"neighbouring" -> "neighboring"; a final e goes before a vowel: "analyse"
-> "analysing"); a pair that differs at its end ("centre", "center") takes
none. A form the swap lists itself wins.
"""

from __future__ import annotations

from ...findings import Applicability, Edit
from ..base import Option, Rule, preserve_case
from ..patterns import finditer
from ..vale_substitution import ValeSwap
from ..wordlist import WordList, is_plain


class Substitution(Rule):
    name = "substitution"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags a form and offers the one to use instead."
    OPTIONS = {
        "swap": Option("map", required=True, help="pattern -> replacement"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "do not require word boundaries around patterns"),
        "exceptions": Option("list", [], "matched texts to accept"),
        "capitalize": Option("bool", None, "give the replacement the case of the matched text (default: true; "
                                           "false in Vale's format, where it capitalises the first letter only)"),
        "pos": Option("str", "", "Vale's part-of-speech filter; accepted for compatibility (not applied)"),
        "endings": Option("list", [], "endings that inflect each plain-word pair ending in the same letter "
                                      "(ing: neighbouring -> neighboring)"),
    }
    default_fix = Applicability.UNSAFE
    VALE_MAPPINGS = ("swap",)

    def compile(self):
        swap = {str(k): str(v) for k, v in self["swap"].items()}
        if self.values["capitalize"] is None:
            self.values["capitalize"] = not self.vale
        if not swap and self.vale:
            self.load_warnings.append("key 'swap' has no entries: the rule reports nothing (as in Vale)")
            self.swap = None
            return
        if not swap:
            self.fail("key 'swap' is empty")
        if self.vale:
            self.swap = ValeSwap(self, swap)
            return
        swap = _inflected(swap, [str(e) for e in self["endings"]])
        fold = str.lower if self["ignorecase"] else str
        self.fold = fold
        self.exceptions = {fold(str(e)) for e in self["exceptions"]}
        # Plain words and phrases are found by string search (``WordList``); only the other keys
        # ("deep-seeded", a pattern) need a regex pass, which costs about ten times as much per key.
        plain = {} if self["nonword"] else {k: v for k, v in swap.items() if is_plain(k)}
        self.lookup = {fold(k): v for k, v in plain.items()} if plain else None
        self.words = WordList(plain, ignorecase=self["ignorecase"]) if plain else None
        rest = {k: v for k, v in swap.items() if k not in plain}
        self.regex = None
        if not rest:
            return
        self.replacements = list(rest.values())
        parts = []
        for i, key in enumerate(rest):
            self.pattern(key, "swap")  # reports the bad key by itself
            parts.append(f"(?P<s{i}>{key})")
        body = "|".join(parts)
        if not self["nonword"]:
            body = rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"
        self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + body, "swap")
        self.groups = [f"s{i}" for i in range(len(rest))]

    def _matches(self, doc):
        """(start, end, replacement) for every match, in text order."""
        text = doc.text
        found = []
        if self.lookup is not None:
            found = [(start, end, self.lookup[self.fold(text[start:end])]) for start, end in self.words.spans(doc)]
        if self.regex is not None:
            found += [(m.start(), m.end(), self.replacements[next(i for i, g in enumerate(self.groups)
                                                                  if m.group(g) is not None)])
                      for m in finditer(self.regex, text, self.id)]
            found.sort(key=lambda f: (f[0], -f[1]))
        last_end = -1
        for start, end, good in found:
            if start >= last_end:  # the two passes may overlap: the earlier (then longer) match stands
                last_end = end
                yield start, end, good

    def check(self, doc):
        if self.vale:
            if self.swap is not None:
                yield from self.swap.check(doc)
            return
        for start, end, good in self._matches(doc):
            found = doc.text[start:end]
            if start == end or self.fold(found) in self.exceptions:
                continue
            if not self.in_scope(doc, start, end):
                continue
            if "|" in good:
                choices = [preserve_case(found, g) if self["capitalize"] else g for g in good.split("|")]
                message = self.format_message("' or '".join(choices), found)
                yield self.finding(doc, start, end, message, [Edit(start, end, choices[0])], Applicability.DISPLAY)
                continue
            if self["capitalize"]:
                good = preserve_case(found, good)
            if good == found:
                continue  # with ignorecase the text may already be the good form
            message = self.format_message(good, found)
            yield self.finding(doc, start, end, message, [Edit(start, end, good)], fix_title=f"Replace with '{good}'")


def _inflected(swap: dict[str, str], endings: list[str]) -> dict[str, str]:
    """``swap`` with each plain-word pair whose forms end alike inflected by ``endings``."""
    out = dict(swap)
    for bad, good in swap.items():
        if not (endings and is_plain(bad) and is_plain(good) and bad[-1:] == good[-1:]):
            continue
        for ending in endings:
            out.setdefault(_inflect(bad, ending), _inflect(good, ending))
    return out


def _inflect(word: str, ending: str) -> str:
    return word[:-1] + ending if word.endswith("e") and ending[:1] in "aeiouy" and ending else word + ending
