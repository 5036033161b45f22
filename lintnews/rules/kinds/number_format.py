"""number-format: continental number punctuation in English copy.

``mode: thousands`` (the default) flags a dot used as a thousands separator
("450.000", "635.173 reports"). English writes 450,000. A dot between digit
groups is flagged where it reads as a separator: two or more dot groups
("1.234.567"), a group of three digits before a plural count noun
("635.173 reports"), or a group ending in "00" ("12.500", "€12.500") that is
not followed by a unit that takes decimals ("1.068 million", "43.305 per
dollar"), not after a reference word ("section 4.100", "version 2.100"),
and not an address. The fix writes commas: safe where the reading is
certain (several groups, "000", a plural count noun), unsafe where the
number could still be a decimal (a lone "12.500", a price, a measure).
Money is written to the cent, so a three-digit group after ten units or
more ("£17.730", "£131.961") or before a time ("£3.000 a year") is read as
thousands too, unsafely; a small unit price ("$2.999 a gallon") is not.

``mode: decimal-comma`` flags a comma used as a decimal point ("12,5
percent", "3,2%", "a 0,5 point rise"): one or two digits after the comma,
then a word from ``decimal-units``. A list ("1,2,3") or thousands ("12,500")
never match. The fix writes a dot; it is unsafe when the number follows
another number and a comma, as in a list.
"""

from __future__ import annotations

import re

from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..patterns import finditer
from ...read import compiled as _compiled

# Digits are decimal digits (\d): a superscript or a fraction (\p{N}) is not part of a number
# ("¹2.500" is a footnote mark, then a number), but it still bounds one.
_NUMBER = _compiled.compile(
    r"(?<![\p{L}\p{N}_.,:/#@-])(?P<head>\d{1,3})(?P<groups>(?:\.\d{3})+)(?![\p{N}]|[.,:]\p{N}|\.\p{L})"
)
_DECIMAL_COMMA = _compiled.compile(
    r"(?<![\p{L}\p{N}_.,:/#@-])(?P<head>\d{1,3}),(?P<tail>\d{1,2})(?![\p{N}]|[.,:]\p{N})"
)
# Decimal commas that cannot be thousands: four or more digits before the comma, or four to six after.
_DECIMAL_COMMA_LONG = _compiled.compile(
    r"(?<![\p{L}\p{N}_.,:/#@-])(?:(?P<head>\d{4,}),(?P<tail>\d{1,2})|(?P<head>\d{1,3}),(?P<tail>\d{4,6}))"
    r"(?![\p{N}]|[.,:]\p{N})"
)
# "m", "bn" glued to an amount ("$15,1m"): decimals, as with "million".
_AMOUNT_SUFFIXES = frozenset({"m", "bn", "mn", "k", "tn"})
_NEXT_WORD = _compiled.compile(r"[\s\u00a0]*([\p{L}%]+)")
_NEXT_WORDS = _compiled.compile(r"[\s\u00a0-]*([\p{L}%]+)(?:[\s\u00a0]+(\p{L}+))?")
_PREV_WORD = _compiled.compile(r"([\p{L}§]+)\.?[\s\u00a0]*$")
_LIST_BEFORE = _compiled.compile(r"\p{N}\s*,\s*$")
# The rest of a range after its first number ("1,1 and 1.5 million", "3,5 to 4 million", "0,7-0.8%"): a
# unit after the second number is the first's too.
_RANGE_REST = _compiled.compile(r"[\s\u00a0]*(?:[-–—]|to|and|or)[\s\u00a0]*\d+(?:[.,]\d+)?")
# A plural count noun by its form: a word of four letters or more ending in
# s but not in ss, us or is ("reports", "Syrians"; not "status", "crisis").
# Words in s that are not nouns are kept out below.
_PLURAL = _compiled.compile(r"\p{Lu}?\p{Ll}{3,}(?<![sui])s")
_RATE_WORDS = frozenset({"a", "an", "per"})
_IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "cattle", "feet", "teeth", "mice", "geese"}
_NOT_NOUNS = {"does", "goes", "perhaps", "always", "whereas", "towards", "afterwards",
              "besides", "sometimes", "unless", "ones", "plus", "minus", "thus", "this"}


class NumberFormat(Rule):
    name = "number-format"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags continental number punctuation in English (450.000, 12,5 percent); fixes it."
    OPTIONS = {
        "mode": Option("str", "thousands", "thousands: a dot as thousands separator; "
                       "decimal-comma: a comma as decimal point", choices=("thousands", "decimal-comma")),
        "separator": Option("str", ",", "the thousands separator the copy should use"),
        "decimal-units": Option("list", [], "words that make the number before them a decimal (million, "
                                "per, percent): no thousands finding there; in decimal-comma mode, the only "
                                "words before which a comma is read as a decimal point"),
        "measure-units": Option("list", [], "units of measure or money, whose amounts may have decimals "
                                "(seconds, miles, euros): a lone group before one is unsafe"),
        "reference-words": Option("list", [], "words before a section or version number (section, chapter)"),
        "period-words": Option("list", [], "units of time: money 'a' or 'per' one of them is a sum, not a unit "
                                           "price (£3.000 a year)"),
        "currency": Option("str", "$£€¥", "symbols that make a number money (decimals allowed)"),
        "lost-digit-message": Option("str", "", "decimal-comma mode: the message where money ('$110,00') is a "
                                     "figure the article states whole elsewhere ('$110,000' in the headline): a "
                                     "digit was lost, and the fix writes the whole figure (%s: the figure, then "
                                     "the whole one); empty: such a figure is read as any other"),
    }
    default_fix = Applicability.SAFE

    def compile(self):
        self.units = {str(u).lower() for u in self["decimal-units"]}
        self.measures = {str(u).lower() for u in self["measure-units"]}
        self.references = {str(u).lower() for u in self["reference-words"]}
        self.periods = {str(u).lower() for u in self["period-words"]}

    def check(self, doc):
        if self["mode"] == "decimal-comma":
            yield from self._decimal_commas(doc)
        else:
            yield from self._thousands(doc)

    def _thousands(self, doc):
        text = doc.text
        for m in finditer(_NUMBER, text, self.id):
            start, end = m.span()
            reading = self._reading(text, m)
            if reading is None or not self.in_scope(doc, start, end):
                continue
            fixed = m.group().replace(".", self["separator"])
            yield self.finding(doc, start, end, self.format_message(m.group(), fixed),
                               [Edit(start, end, fixed)], reading, fix_title=f"Write '{fixed}'")

    def _reading(self, text, m):
        """SAFE or UNSAFE for a number read as thousands, or None for a decimal or a reference."""
        start, end = m.span()
        head = m.group("head")
        groups = m.group("groups").split(".")[1:]
        prev = _PREV_WORD.search(text, max(0, start - 24), start)
        if prev and prev.group(1).lower() in self.references:
            return None  # "section 4.100", "chapter 10.176", "version 2.100"
        if len(groups) == 3 and int(head) <= 255 and all(int(g) <= 255 for g in groups):
            return None  # an IPv4 address
        if len(groups) > 1:
            return Applicability.SAFE
        money = any(c in self["currency"] for c in text[max(0, start - 4):start])
        nxt = _NEXT_WORD.match(text, end)
        word = nxt.group(1) if nxt else ""
        if money and word.lower() in _RATE_WORDS and self._per_period(text, nxt.end()):
            # "£3.000 a year", "$250.000 per year": a sum over a time, not a unit price to a tenth of a cent
            return Applicability.UNSAFE
        if word.lower() in self.units:
            return None  # "1.068 million", "20.000 per dollar": a decimal amount
        if int(head) == 0:
            return None  # "0.500": a decimal
        round_ = groups[0].endswith("00")
        if money and int(head) >= 10:
            # Money is written to the cent: three decimals are a unit price of a few units ("$2.999 a
            # gallon", caught above by its unit), never "£17.730" or "£131.961": thousands, though unsure.
            return Applicability.UNSAFE
        if money or word.lower() in self.measures:
            # "€12.500", "12.500 euros", "1.500 km": a decimal price or measure is possible
            return Applicability.UNSAFE if round_ else None
        if groups[0] == "000" or ((_PLURAL.fullmatch(word) or word.lower() in _IRREGULAR_PLURALS)
                                  and word.lower() not in _NOT_NOUNS and not self._rate(text, nxt.end())):
            return Applicability.SAFE  # "635.173 reports", "450.000", "1.313 people"
        return Applicability.UNSAFE if round_ else None

    def _rate(self, text, at):
        """Whether a rate follows the noun: "2.125 goals per game" is an average, so may have decimals;
        "11.608 votes each" shares out whole counts, so "each" is no rate."""
        after = _NEXT_WORD.match(text, at)
        return bool(after) and after.group(1).lower() in self.units and after.group(1).lower() != "each"

    def _per_period(self, text, at) -> bool:
        """Whether a unit of time follows ("a year", "per month")."""
        after = _NEXT_WORD.match(text, at)
        return bool(after) and after.group(1).lower() in self.periods

    def _decimal_commas(self, doc):
        text = doc.text
        for m in finditer(_DECIMAL_COMMA, text, self.id):
            start, end = m.span()
            unit = self._decimal_unit_after(text, end)
            rest = None if unit else _RANGE_REST.match(text, end)
            ranged = rest is not None and self._decimal_unit_after(text, rest.end())
            if not (unit or ranged or self._money(text, start)):
                continue
            if not self.in_scope(doc, start, end):
                continue
            listed = _LIST_BEFORE.search(text, max(0, start - 6), start)
            # Money alone ("$110,00") may be a thousands figure that lost a digit, and a range's unit
            # ("3,5 to 4 million") stands one number away: unsafe.
            unsure = listed or not unit
            money_alone = not unit and self._money(text, start)
            whole = self._stated_whole(text, m) if money_alone and self["lost-digit-message"] else None
            if whole is not None:
                message = self.format_message(m.group(), whole, template=self["lost-digit-message"])
                yield self.finding(doc, start, end, message, [Edit(start, end, whole)], Applicability.UNSAFE,
                                   fix_title=f"Write '{whole}'")
                continue
            fixed = f"{m.group('head')}.{m.group('tail')}"
            yield self.finding(doc, start, end, self.format_message(m.group(), fixed),
                               [Edit(start, end, fixed)],
                               Applicability.UNSAFE if unsure else Applicability.SAFE,
                               fix_title=f"Write '{fixed}'")
        # No thousands reading at all: a head of four digits or more ("6661,89": thousands would be
        # "6,661"), or money with four decimals, as exchange rates have ("$1,3218").
        for m in finditer(_DECIMAL_COMMA_LONG, text, self.id):
            start, end = m.span()
            if len(m.group("tail")) > 2 and not self._money(text, start):
                continue
            if len(m.group("head")) == 4 and 1800 <= int(m.group("head")) <= 2099:
                continue  # "the 2004,05 season": years, not a decimal
            if not self.in_scope(doc, start, end):
                continue
            fixed = f"{m.group('head')}.{m.group('tail')}"
            yield self.finding(doc, start, end, self.format_message(m.group(), fixed),
                               [Edit(start, end, fixed)], Applicability.UNSAFE, fix_title=f"Write '{fixed}'")

    @staticmethod
    def _stated_whole(text: str, m) -> str | None:
        """The thousands figure the money ``m`` ("$110,00") starts, as the article states it elsewhere with the
        same sign, one digit longer ("$110,000" in the headline), or None. Only a head of three digits: "$4,50"
        is a price in cents far more often than "$4,505" with a digit lost, whatever else the article says."""
        if len(m.group("head")) != 3:
            return None
        sign = re.escape(text[m.start() - 1])
        whole = _compiled.compile(rf"(?<={sign}){re.escape(m.group())}\d(?![\d]|[.,]\d)")
        for other in whole.finditer(text):
            if other.start() != m.start():
                return other.group()
        return None

    def _decimal_unit_after(self, text, end) -> bool:
        nxt = _NEXT_WORDS.match(text, end)
        if not nxt:
            return False
        first = nxt.group(1).lower()
        two = f"{first} {(nxt.group(2) or '').lower()}"
        return first in self.units or two in self.units or first in _AMOUNT_SUFFIXES and end == nxt.start(1)

    def _money(self, text, start) -> bool:
        """A currency sign just before the number ("$47,10", "€3,5 million")."""
        return start > 0 and text[start - 1] in self["currency"]

