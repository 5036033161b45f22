"""Every built-in rule carries bad, good and fixed examples; run them all.

This is the rule authors' contract: a bad example is flagged by its rule, a
good one is not, fixing a bad one gives its fixed twin, and the fixed text
is clean.
"""

from __future__ import annotations

import pytest

import lintnews
from lintnews.rules.loader import builtin_styles_dir, load_rules

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
def test_bad_examples_are_flagged(rule):
    for text in rule.examples["bad"]:
        found = [f for f in lintnews.check_text(text, rules=[rule])]
        assert found, f"{rule.id} missed its bad example {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_good_examples_are_clean(rule):
    for text in rule.examples["good"]:
        found = lintnews.check_text(text, rules=[rule])
        assert not found, f"{rule.id} flagged its good example: {[f.text for f in found]}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.examples["fixed"]], ids=[r.id for r in RULES if r.examples["fixed"]])
def test_fixing_bad_gives_fixed_and_is_then_clean(rule):
    for bad, fixed in zip(rule.examples["bad"], rule.examples["fixed"]):
        result = lintnews.fix_text(bad, rules=[rule], unsafe=True)
        assert result.text == fixed
        assert result.converged
        assert not lintnews.check_text(fixed, rules=[rule])


def test_no_two_rules_share_an_id():
    assert len(set(IDS)) == len(IDS)
