"""The case-file runner refuses what it cannot check, and its checks can fail."""

import pytest
from test_cases import _check_findings, _check_fix, _read_file, _rules

import lintnews

GOOD = "- text: |\n    Vote\n\n    The the vote was held.\n  flags: [The the]\n"


def read(tmp_path, body, name="News.DoubledWord.yml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return _read_file(path)


def test_a_good_file_has_no_problems(tmp_path):
    (entry,) = read(tmp_path, GOOD)
    assert entry.problems == []
    assert entry.test_id == "News.DoubledWord::01-the-the"


@pytest.mark.parametrize("body, problem", [
    ("- text: x\n  clean: true\n  flgas: [x]\n", "unknown key(s) flgas"),
    ("- text: x\n  note: only a note\n", "no expectation"),
    ("- text: x\n  clean: false\n", "'clean' can only be true"),
    ("- text: x\n  flags: [{txt: x}]\n", "flags[1]: unknown key(s) txt"),
    ("- text: x\n  flags: [{}]\n", "flags[1]: a flag is the matched text or a mapping"),
    ("- text: x\n  flags: []\n", "'flags' must be a non-empty list"),
    ("- text: x\n  flags: [{fix: maybe}]\n", "'fix' must be one of"),
    ("- text: x\n  flags: [{line: 0}]\n", "'line' must be a whole number from 1"),
    ("- text: x\n  flags: [{message_re: '('}]\n", "is not a regex"),
    ("- text: x\n  clean: true\n  flags: [x]\n", "'clean' contradicts"),
    ("- text: x\n  unchanged: true\n  idempotent: true\n", "'idempotent' is about the fixed text"),
    ("- text: x\n  unsafe: true\n  clean: true\n", "'unsafe' only changes fixing"),
    ("- text: x\n  among: {text: x}\n  fixed: x\n", "'among' picks findings"),
    ("- text: x\n  fixed: x\n  unchanged: true\n", "'fixed' and 'unchanged' together"),
    ("- text: 2017\n  clean: true\n", "'text' (the article, a string) is required"),
    ("- text: x\n  clean: true\n- text: x\n  note: again\n  clean: true\n", "the same text and expectations as case 1"),
    ("- text: x\n  fixed_count: {x: many}\n", "'fixed_count' must map"),
    ("- just a string\n", "a case must be a mapping"),
])
def test_a_bad_case_fails_naming_file_and_case(tmp_path, body, problem):
    entry = read(tmp_path, body)[-1]
    assert any(problem in p for p in entry.problems), entry.problems
    assert "News.DoubledWord.yml, case" in entry.where


@pytest.mark.parametrize("name, body, problem", [
    ("News.DoubledWord.yml", "rule: News.Other\ncases:\n" + GOOD, "differs from the file name"),
    ("News.DoubledWord.yml", "rules: News.DoubledWord\ncases:\n" + GOOD, "unknown top-level key(s) rules"),
    ("News.DoubledWord.yml", "", "a case file is a non-empty list"),
    ("News.DoubledWord.yml", "- text: [unclosed\n", "not valid YAML"),
    ("News.DoubledWord.yml", "- text: x\n  clean: true\n  clean: true\n", "duplicate key 'clean'"),
    ("DoubledWord.yml", GOOD, "must be a rule id"),
    ("News.DoubledWord.yaml", GOOD, "case files are <Rule id>.yml"),
])
def test_a_bad_file_fails_naming_the_file(tmp_path, name, body, problem):
    (entry,) = read(tmp_path, body, name)
    assert any(problem in p for p in entry.problems), entry.problems
    assert name in entry.where


def test_an_unknown_rule_fails(tmp_path):
    (entry,) = read(tmp_path, GOOD, "News.NoSuchRule.yml")
    with pytest.raises(pytest.fail.Exception, match="no rule News.NoSuchRule"):
        _rules(entry, inline_rules=None)


@pytest.mark.parametrize("body", [
    GOOD.replace("flags: [The the]", "flags: [{text: The the, column: 2}]"),
    GOOD.replace("flags: [The the]", "flags: [The the, The the]"),
    GOOD.replace("flags: [The the]", "clean: true"),
    GOOD.replace("flags: [The the]", "count: 2"),
    GOOD.replace("flags: [The the]", "flags: [{message_re: '^Nothing'}]"),
    GOOD.replace("flags: [The the]", "flags: [{edits: [[0, 1, '']]}]"),
    GOOD.replace("flags: [The the]", "among: {text_contains: [vote]}\n  flagged: true"),
])
def test_a_wrong_finding_expectation_fails(tmp_path, body):
    (entry,) = read(tmp_path, body)
    assert entry.problems == []
    with pytest.raises(AssertionError):
        _check_findings(entry, lintnews.load_rules(select=["News.DoubledWord"], language=None))


@pytest.mark.parametrize("expectation", [
    "fixed: |\n    Vote\n\n    The the vote was held.\n",
    "unchanged: true",
    "fixed_count: {The the: 1}",
    "fixed: |\n    Vote\n\n    The vote was held.\n  fixed_clean: true\n  unsafe: true",
])
def test_a_wrong_fix_expectation_fails(tmp_path, expectation):
    body = "- text: |\n    Vote\n\n    The the vote was held.\n  " + expectation + "\n"
    (entry,) = read(tmp_path, body)
    assert entry.problems == []
    rules = lintnews.load_rules(select=["News.DoubledWord"], language=None)
    if "fixed_clean" in expectation:  # this one is right: the check passes
        _check_fix(entry, rules)
        return
    with pytest.raises(AssertionError):
        _check_fix(entry, rules)
