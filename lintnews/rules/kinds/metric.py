"""metric: a formula over the document's numbers, and a condition on its value (Vale's kind).

As in Vale: ``formula`` is arithmetic over Vale's variables (``words``, ``sentences``,
``paragraphs``, ``characters``, ``syllables``, ``polysyllabic_words``, ``complex_words``,
``long_words``, ``pre``, ``list``, ``blockquote``, ``heading_h1`` to ``heading_h6``;
``heading.h2`` is read as ``heading_h2``), ``condition`` compares its value ("> 8"). When the
condition holds there is one finding at the start of the document, the message's ``%s`` the
value with two decimals. The formula is read by a small arithmetic evaluator, never run as
code: Tengo's other statements are not supported.
"""
# For maintainers: the variables are counted in rules/text_stats.py (VARIABLES), the formula read by
# rules/formula.py.

from __future__ import annotations

import ast
import math


from ..base import Option, Rule
from ..formula import FormulaError, evaluate, parse
from ..text_stats import VARIABLES, stats
from ...read import compiled as _compiled

_HEADINGS = _compiled.compile(r"heading\.(h[1-6])")
_VALUE = "lintnews_formula_value"  # the formula's value, in its condition


class Metric(Rule):
    name = "metric"
    summary = "Flags a document whose formula over its numbers (words, sentences, headings) meets a condition."
    OPTIONS = {
        "formula": Option("str", required=True, help="arithmetic over Vale's variables (words, sentences, "
                                                     "syllables, heading_h2...)"),
        "condition": Option("str", required=True, help="a comparison the value is tested with ('> 8')"),
    }

    def compile(self):
        try:
            self.formula = parse(_HEADINGS.sub(r"heading_\1", self["formula"]))
            self.condition = parse(f"{_VALUE} {self['condition']}")  # the value's test, read once
        except FormulaError as exc:
            self.fail(f"key 'formula': {exc}")
        names = {n.id for n in ast.walk(self.formula) if isinstance(n, ast.Name)} - {"math"}
        unknown = sorted(names - set(VARIABLES))
        if unknown:
            self.fail(f"key 'formula': unknown variable '{unknown[0]}' (use {', '.join(VARIABLES)})")

    def check(self, doc):
        values = stats(doc)
        if not values["words"]:
            return
        try:
            value = evaluate(self.formula, values)
            hit = evaluate(self.condition, {_VALUE: value}) if math.isfinite(value) else False
        except (FormulaError, OverflowError, ValueError, TypeError):
            return
        if hit and doc.text:  # at the start of the file, as Vale reports a whole-document rule
            yield self.finding(doc, 0, 1, self.format_message(f"{float(value):.2f}"))
