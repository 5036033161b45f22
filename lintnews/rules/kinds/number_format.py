"""number-format: a European thousands separator in English copy ("450.000").

English writes 450,000. A dot between digit groups is flagged only where it
cannot be a decimal point: two or more dot groups ("1.234.567"), or a single
group of three digits ending in "00" ("450.000", "12.500") that is not money
("$2.222"), not followed by a unit that takes decimals ("1.068 million",
"43.305 per dollar"), and not an address or a version. The fix writes
commas: safe where the reading is certain ("000" or several groups),
unsafe otherwise.
"""

from __future__ import annotations

import regex

from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..patterns import finditer

_NUMBER = regex.compile(
    r"(?<![\p{L}\p{N}_.,:/#@-])(?P<head>\p{N}{1,3})(?P<groups>(?:\.\p{N}{3})+)(?![\p{N}]|[.,:]\p{N}|\.\p{L})"
)
_NEXT_WORD = regex.compile(r"[\s\u00a0]*([\p{L}%]+)")


class NumberFormat(Rule):
    name = "number-format"
    summary = "Flags dots used as thousands separators in English; fixes them to commas."
    OPTIONS = {
        "separator": Option("str", ",", "the thousands separator the copy should use"),
        "decimal-units": Option("list", [], "words after which a number is a decimal (million, per...)"),
        "currency": Option("str", "$£€¥", "symbols that make a number money (decimals allowed)"),
    }
    default_fix = Applicability.SAFE

    def compile(self):
        self.units = {str(u).lower() for u in self["decimal-units"]}

    def check(self, doc):
        text = doc.text
        for m in finditer(_NUMBER, text, self.id):
            start, end = m.span()
            groups = m.group("groups").split(".")[1:]
            before = text[max(0, start - 4):start]
            if any(c in self["currency"] for c in before):
                continue
            if len(groups) == 3 and int(m.group("head")) <= 255 and all(int(g) <= 255 for g in groups):
                continue  # an IPv4 address
            certain = len(groups) > 1 or groups[0] == "000"
            if len(groups) == 1:
                if not groups[0].endswith("00"):
                    continue  # 43.305, 1.068: a decimal
                nxt = _NEXT_WORD.match(text, end)
                if nxt and nxt.group(1).lower() in self.units:
                    continue  # "1.000 million", "20.000 per dollar": a decimal amount
            if not certain and int(m.group("head")) == 0:
                continue
            if not self.in_scope(doc, start, end):
                continue
            fixed = m.group().replace(".", self["separator"])
            yield self.finding(doc, start, end, self.format_message(m.group(), fixed),
                               [Edit(start, end, fixed)],
                               Applicability.SAFE if certain else Applicability.UNSAFE,
                               fix_title=f"Write '{fixed}'")
