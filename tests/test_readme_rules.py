"""The README's example rules ("Rules are data"): each loads as written and does what its examples say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lintnews.rules.loader import load_rules
from lintnews.run.examples import check_examples

ROOT = Path(__file__).resolve().parents[1]


def readme_rules() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Rules are data", 1)[1].split("\n## ", 1)[0]
    return [(m.group(1), m.group(0)) for m in re.finditer(r"# mystyle/(\w+/\w+)\.yml.*?(?=```)", section, re.S)]


def test_the_readme_shows_a_substitution_a_pattern_and_an_existence_rule():
    names = [name for name, _ in readme_rules()]
    assert names == ["House/Utilize", "House/CouldCare", "House/Presently"]


@pytest.mark.parametrize("name, body", readme_rules(), ids=[n for n, _ in readme_rules()])
def test_readme_rule_works_as_written(tmp_path, name, body):
    path = tmp_path / "styles" / f"{name}.yml"
    path.parent.mkdir(parents=True)
    path.write_text(body, encoding="utf-8")
    [rule] = load_rules([tmp_path / "styles"], builtin=False)
    assert rule.examples["bad"] and rule.examples["good"]
    assert [f.line() for f in check_examples(rule)] == []


def section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.split(r"\n##+ ", text.split(f"### {title}", 1)[1], maxsplit=1)[0]


def test_rules_test_prints_what_the_readme_shows(run_cli, tmp_path):
    for name, body in readme_rules():
        path = tmp_path / "mystyle" / f"{name}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    told = section("Testing a rule's examples")
    command = re.search(r"```sh\n(lintnews rules test [^#\n]*?)\s*#", told).group(1).split()
    proc = run_cli(*command[1:], cwd=tmp_path)
    assert (proc.returncode, proc.stdout.decode()) == (0, "3 rules, 8 examples: all passed\n")
    utilize = tmp_path / "mystyle" / "House" / "Utilize.yml"
    utilize.write_text(utilize.read_text(encoding="utf-8").replace('fixed: ["We use', 'fixed: ["We deploy'))
    proc = run_cli(*command[1:], cwd=tmp_path)
    shown = re.search(r"```text\n(.*?)```", told, re.S).group(1)
    assert (proc.returncode, proc.stdout.decode()) == (1, shown)


def test_the_first_line_of_an_example_is_its_headline(tmp_path):
    """As the README says: Presently's good example keeps the word in its headline, which scope: body
    leaves alone; read as a body line it would be flagged."""
    body = dict(readme_rules())["House/Presently"]
    path = tmp_path / "styles" / "House" / "Presently.yml"
    path.parent.mkdir(parents=True)
    path.write_text(body.replace("scope: body\n", ""), encoding="utf-8")
    [rule] = load_rules([tmp_path / "styles"], builtin=False)
    assert [(f.kind, f.problem) for f in check_examples(rule)] == [("good", "flagged 'Presently'")]
