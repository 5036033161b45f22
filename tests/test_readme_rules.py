"""The README's example rules ("Rules are data"): each loads as written and does what its examples say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lintnews
from lintnews.rules.loader import load_rules

ROOT = Path(__file__).resolve().parents[1]


def readme_rules() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Rules are data", 1)[1].split("\n## ", 1)[0]
    return [(m.group(1), m.group(0)) for m in re.finditer(r"# mystyle/(\w+/\w+)\.yml.*?(?=```)", section, re.S)]


def test_the_readme_shows_a_substitution_and_a_pattern_rule():
    names = [name for name, _ in readme_rules()]
    assert names == ["House/Utilize", "House/CouldCare"]


@pytest.mark.parametrize("name, body", readme_rules(), ids=[n for n, _ in readme_rules()])
def test_readme_rule_works_as_written(tmp_path, name, body):
    path = tmp_path / "styles" / f"{name}.yml"
    path.parent.mkdir(parents=True)
    path.write_text(body, encoding="utf-8")
    [rule] = load_rules([tmp_path / "styles"], builtin=False)
    for bad, fixed in zip(rule.examples["bad"], rule.examples["fixed"]):
        assert lintnews.check_text(bad, rules=[rule])
        assert lintnews.fix_text(bad, rules=[rule], unsafe=True).text == fixed
    for good in rule.examples["good"]:
        assert not lintnews.check_text(good, rules=[rule])
