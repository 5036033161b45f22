"""What the per-rule tests share: run one built-in rule, see what it flags and fixes."""

from __future__ import annotations

import lintnews


def probe(rule_id: str, applicability: bool = False):
    """``found(text)`` -> [(rule, text, line, col, end_line, end_col[, fix applicability])],
    ``fixed(text, unsafe)`` -> text."""
    rules = lintnews.load_rules(select=[rule_id], language=None)

    def found(text):
        return [(f.rule_id, f.text, f.line, f.column, f.end_line, f.end_column)
                + ((f.fix.applicability.value,) if applicability else ())
                for f in lintnews.check_text(text, rules=rules)]

    def fixed(text, unsafe=False):
        return lintnews.fix_text(text, rules=rules, unsafe=unsafe).text

    return rules, found, fixed
