"""What the per-rule tests share: run one built-in rule, see what it flags and fixes."""

from __future__ import annotations

import lintnews


def probe(rule_id: str):
    """``found(text)`` -> [(rule, text, line, col, end_line, end_col)], ``fixed(text, unsafe)`` -> text."""
    rules = lintnews.load_rules(select=[rule_id])

    def found(text):
        return [(f.rule_id, f.text, f.line, f.column, f.end_line, f.end_column)
                for f in lintnews.check_text(text, rules=rules)]

    def fixed(text, unsafe=False):
        return lintnews.fix_text(text, rules=rules, unsafe=unsafe).text

    return rules, found, fixed
