"""Every built-in rule carries bad, good and fixed examples; run them all.

This is the rule authors' contract: a bad example is flagged by its rule, a
good one is not, fixing a bad one gives its fixed twin, and the fixed text
is clean. The check is the library's (run/examples.py), which
`lintnews rules test` runs on any rule (tests/test_rules_test.py).
"""

from __future__ import annotations

import pytest

from lintnews.rules.loader import builtin_styles_dir, load_rules
from lintnews.run.examples import check_examples

RULES = load_rules()
IDS = [r.id for r in RULES]


def test_rules_are_found_in_one_place():
    files = sorted(p.stem for p in builtin_styles_dir().glob("*/*.yml"))
    assert len(RULES) == len(files) >= 14


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_has_examples_and_description(rule):
    ex = rule.examples
    assert ex["bad"], f"{rule.id} has no bad example"
    assert ex["good"], f"{rule.id} has no good example"
    assert rule.description, f"{rule.id} has no description"
    if rule.can_fix:
        assert len(ex["fixed"]) == len(ex["bad"]), f"{rule.id} fixes but lacks fixed examples"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_examples_keep_their_contract(rule):
    """Bad flagged, good clean, bad fixed (unsafe fixes too) to its fixed twin, which is clean: the same
    check `lintnews rules test` runs (run/examples.py)."""
    failures = check_examples(rule)
    assert not failures, "\n".join(f.line() for f in failures)


def test_no_two_rules_share_an_id():
    assert len(set(IDS)) == len(IDS)
