"""--format junit: JUnit XML that a standard reader (junitparser) reads back."""

from collections import Counter

from junitparser import Failure, JUnitXml
from reportcorpus import PATHS

from lintnews.findings import Finding, Severity
from lintnews.read.document import Document


def read(xml: str) -> JUnitXml:
    return JUnitXml.fromstring(xml.encode("utf-8"))


def test_one_testcase_per_checked_file_and_one_failure_per_finding(render, corpus):
    texts, findings = corpus
    report = read(render("junit"))
    suites = list(report)
    assert len(suites) == 1
    suite = suites[0]
    assert suite.name == "lintnews"
    cases = list(suite)
    assert sorted(c.name for c in cases) == sorted(texts)
    assert all(c.classname == "lintnews" for c in cases)
    per_path = Counter(f.path for f in findings)
    by_name = {c.name: c for c in cases}
    for path in texts:
        case = by_name[path]
        failures = [r for r in case.result if isinstance(r, Failure)]
        assert len(failures) == per_path[path] == len(case.result)
        expected = [f for f in findings if f.path == path]
        assert [x.type for x in failures] == [f.rule_id for f in expected]
        assert [x.message for x in failures] == [f.message for f in expected]
        assert [x.text for x in failures] == [
            f"{f.path}:{f.line}:{f.column}: {f.rule_id} {f.message}" for f in expected]
    assert by_name[PATHS["clean"]].is_passed
    assert not by_name[PATHS["seed"]].is_passed
    # The declared counts agree with the content, as the reader recomputes them.
    declared = (suite.tests, suite.failures, suite.errors, suite.skipped)
    assert declared == (len(texts), len(findings), 0, 0)
    suite.update_statistics()
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == declared
    assert (report.tests, report.failures) == (len(texts), len(findings))


def test_all_clean_files_pass(render):
    docs = {"a.txt": Document("A\n\nB.\n", "a.txt"), "b.txt": Document("C\n\nD.\n", "b.txt")}
    report = read(render("junit", findings=[], docs=docs))
    (suite,) = list(report)
    assert [c.name for c in suite] == ["a.txt", "b.txt"]
    assert all(c.is_passed for c in suite)
    assert (suite.tests, suite.failures) == (2, 0)


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
    """A passing run (exit 0) has no failed test case: suggestions go to system-out."""
    (tmp_path / "a.txt").write_text("A headline about troops\n\nThe the troops left.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A headline about troops\n\nThe troops left.\n", encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text("fail-on: warning\nseverity: {News.DoubledWord: suggestion}\n",
                                            encoding="utf-8")
    proc = run_cli("check", "--format", "junit", "a.txt", "b.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    (suite,) = list(read(proc.stdout.decode()))
    cases = {c.name: c for c in suite}
    assert all(c.is_passed for c in cases.values())
    assert (suite.tests, suite.failures) == (2, 0)
    assert "a.txt:3:1: News.DoubledWord" in cases["a.txt"].system_out
    assert "below fail-on" in cases["a.txt"].system_out

    # The same finding at the fail-on level fails its case, as it fails the run.
    proc = run_cli("check", "--format", "junit", "--fail-on", "suggestion", "a.txt", "b.txt", cwd=tmp_path)
    assert proc.returncode == 1
    (suite,) = list(read(proc.stdout.decode()))
    cases = {c.name: c for c in suite}
    assert not cases["a.txt"].is_passed and cases["b.txt"].is_passed
    assert suite.failures == 1
    assert [r.type for r in cases["a.txt"].result] == ["News.DoubledWord"]
