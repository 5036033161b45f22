"""--format junit: JUnit XML that a standard reader (junitparser) reads back."""

import xml.etree.ElementTree as ET
from collections import Counter

from junitparser import Failure, JUnitXml
from reportcorpus import PATHS

from lintnews.findings import Finding, Severity
from lintnews.read.document import Document


def read(xml: str) -> JUnitXml:
    return JUnitXml.fromstring(xml.encode("utf-8"))


def suites_by_name(report) -> dict:
    return {suite.name: suite for suite in report}


def test_one_suite_per_checked_file_and_one_failed_case_per_finding(render, corpus):
    texts, findings = corpus
    report = read(render("junit"))
    suites = suites_by_name(report)
    assert sorted(suites) == sorted(texts)
    per_path = Counter(f.path for f in findings)
    for path in texts:
        cases = list(suites[path])
        assert all(c.classname == path for c in cases)
        expected = [f for f in findings if f.path == path]
        if not expected:
            (case,) = cases
            assert case.is_passed and case.name == path
            continue
        assert len(cases) == per_path[path]
        failures = []
        for case, f in zip(cases, expected):
            (result,) = case.result  # one failure per test case, as JUnit readers expect
            assert isinstance(result, Failure)
            assert case.name == f"{f.rule_id} at {f.line}:{f.column}"
            failures.append(result)
        assert [x.type for x in failures] == [f.rule_id for f in expected]
        assert [x.message for x in failures] == [f.message for f in expected]
        assert [x.text for x in failures] == [
            f"{f.path}:{f.line}:{f.column}: {f.rule_id} {f.message}" for f in expected]
    assert all(c.is_passed for c in suites[PATHS["clean"]])
    assert not any(c.is_passed for c in suites[PATHS["seed"]])
    # The declared counts agree with the content, as the reader recomputes them, and count test cases.
    clean = sum(1 for path in texts if not per_path[path])
    for suite in report:
        declared = (suite.tests, suite.failures, suite.errors, suite.skipped)
        suite.update_statistics()
        assert (suite.tests, suite.failures, suite.errors, suite.skipped) == declared
        assert suite.failures <= suite.tests
    assert (report.tests, report.failures, report.errors) == (len(findings) + clean, len(findings), 0)


def test_all_clean_files_pass(render):
    docs = {"a.txt": Document("A\n\nB.\n", "a.txt"), "b.txt": Document("C\n\nD.\n", "b.txt")}
    report = read(render("junit", findings=[], docs=docs))
    assert [s.name for s in report] == ["a.txt", "b.txt"]
    assert all(c.is_passed for s in report for c in s)
    assert (report.tests, report.failures) == (2, 0)


def test_characters_xml_cannot_carry_still_parse(render):
    message = "control \x0b and \x00 <&> \"quoted\""
    f = Finding("News.Test", Severity.ERROR, 0, 1, message, path="a.txt", line=1, column=1, end_line=1,
                end_column=2)
    report = read(render("junit", findings=[f], docs={"a.txt": Document("x\n", "a.txt")}))
    (case,) = list(next(iter(report)))
    (failure,) = case.result
    assert "<&>" in failure.message and '"quoted"' in failure.message
    assert "\x0b" not in failure.message and "\x00" not in failure.message


def test_findings_below_fail_on_do_not_fail_the_test_case(run_cli, tmp_path):
    """A passing run (exit 0) has no failed test case: suggestions go to the file's system-out."""
    (tmp_path / "a.txt").write_text("A headline about troops\n\nThe the troops left.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A headline about troops\n\nThe troops left.\n", encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text("fail-on: warning\nseverity: {News.DoubledWord: suggestion}\n",
                                            encoding="utf-8")
    proc = run_cli("check", "--format", "junit", "a.txt", "b.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    report = read(proc.stdout.decode())
    suites = suites_by_name(report)
    assert all(c.is_passed for s in report for c in s)
    assert (report.tests, report.failures) == (2, 0)
    out = ET.fromstring(proc.stdout).find("testsuite[@name='a.txt']/system-out").text
    assert "a.txt:3:1: News.DoubledWord" in out and "below fail-on" in out
    assert sorted(suites) == ["a.txt", "b.txt"]

    # The same finding at the fail-on level fails a test case of its own, as it fails the run.
    proc = run_cli("check", "--format", "junit", "--fail-on", "suggestion", "a.txt", "b.txt", cwd=tmp_path)
    assert proc.returncode == 1
    report = read(proc.stdout.decode())
    suites = suites_by_name(report)
    (failed,) = list(suites["a.txt"])
    assert not failed.is_passed and all(c.is_passed for c in suites["b.txt"])
    assert (report.tests, report.failures) == (2, 1)
    assert failed.name == "News.DoubledWord at 3:1"
    assert [r.type for r in failed.result] == ["News.DoubledWord"]


def test_a_file_not_read_is_an_erroring_case_the_counts_include(one_unread):
    proc = one_unread("junit")
    assert proc.returncode == 2
    root = ET.fromstring(proc.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "1")
    [unread] = [s for s in root.iter("testsuite") if s.get("name") == "u16.txt"]  # the article's own suite
    assert (unread.get("tests"), unread.get("errors")) == ("1", "1")
    [error] = unread.iter("error")
    assert error.get("message").startswith("u16.txt: UTF-16 text") and error.get("type") == "lintnews.input"
    assert not [s for s in root.iter("testsuite") if s.get("name") == "lintnews.input"]
    assert JUnitXml.fromstring(proc.stdout.decode()).errors == 1  # a JUnit reader counts it too
