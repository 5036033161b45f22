"""substitution: a bad form and the good one to use instead, with a fix.

As in Vale, ``swap`` maps a pattern to its replacement; the message's first
``%s`` is the replacement and the second the matched text. A replacement
with ``|`` offers several choices and is shown, never applied. The fix keeps
the case of what it replaces ("Hi" -> "His").
"""

from __future__ import annotations

import regex

from ..findings import Applicability, Edit
from ..patterns import finditer
from ..rule import Option, Rule, preserve_case


_PLAIN = regex.compile(r"\p{L}+(?: \p{L}+)*")


class Kind(Rule):
    name = "substitution"
    summary = "Flags a form and offers the one to use instead."
    OPTIONS = {
        "swap": Option("map", required=True, help="pattern -> replacement"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "do not require word boundaries around patterns"),
        "exceptions": Option("list", [], "matched texts to accept"),
        "capitalize": Option("bool", True, "give the replacement the case of the matched text"),
    }
    default_fix = Applicability.UNSAFE

    def compile(self):
        swap = {str(k): str(v) for k, v in self["swap"].items()}
        if not swap:
            self.fail("key 'swap' is empty")
        self.replacements = list(swap.values())
        fold = str.lower if self["ignorecase"] else str
        self.fold = fold
        self.exceptions = {fold(str(e)) for e in self["exceptions"]}
        if all(_PLAIN.fullmatch(k) for k in swap):
            # Plain words: one alternation without groups, and a dictionary for the replacement.
            self.lookup = {fold(k): v for k, v in swap.items()}
            body = "|".join(regex.escape(k) for k in sorted(swap, key=len, reverse=True))
            body = body if self["nonword"] else rf"\b(?:{body})\b"
            self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + body, "swap")
            return
        self.lookup = None
        parts = []
        for i, key in enumerate(swap):
            self.pattern(key, "swap")  # reports the bad key by itself
            parts.append(f"(?P<s{i}>{key})")
        body = "|".join(parts)
        if not self["nonword"]:
            body = rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"
        self.regex = self.pattern(("(?i)" if self["ignorecase"] else "") + body, "swap")
        self.groups = [f"s{i}" for i in range(len(swap))]

    def check(self, doc):
        for m in finditer(self.regex, doc.text, self.id):
            start, end = m.span()
            if start == end or self.fold(m.group()) in self.exceptions:
                continue
            if not self.in_scope(doc, start, end):
                continue
            if self.lookup is not None:
                good = self.lookup[self.fold(m.group())]
            else:
                index = next(i for i, g in enumerate(self.groups) if m.group(g) is not None)
                good = self.replacements[index]
            if "|" in good:
                choices = [preserve_case(m.group(), g) if self["capitalize"] else g for g in good.split("|")]
                message = self.format_message("' or '".join(choices), m.group())
                yield self.finding(doc, start, end, message, [Edit(start, end, choices[0])], Applicability.DISPLAY)
                continue
            if self["capitalize"]:
                good = preserve_case(m.group(), good)
            if good == m.group():
                continue  # with ignorecase the text may already be the good form
            message = self.format_message(good, m.group())
            yield self.finding(doc, start, end, message, [Edit(start, end, good)], fix_title=f"Replace with '{good}'")
