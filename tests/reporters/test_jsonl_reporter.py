"""--format jsonl: one JSON object per finding, one per line."""

import json

from lintnews.findings import Finding, Severity


def test_one_parsable_object_per_finding(render, corpus):
    _, findings = corpus
    out = render("jsonl")
    assert out.endswith("\n")
    lines = out.split("\n")[:-1]
    assert len(lines) == len(findings)
    assert [json.loads(line) for line in lines] == [
        {**f.to_dict(), "link": f"docs/rules/{f.rule_id.replace('.', '/')}.md"} for f in findings]


def test_same_objects_as_json_format(render):
    assert [json.loads(line) for line in render("jsonl").splitlines()] == json.loads(render("json"))


def test_unicode_line_separators_stay_on_one_line(render):
    odd = "a\u2028b\u2029c\x85d\ne\rf"
    finding = Finding("News.Test", Severity.WARNING, 0, len(odd), f"odd: {odd}", text=odd, path="x.txt",
                      line=1, column=1, end_line=2, end_column=3)
    out = render("jsonl", findings=[finding, finding])
    lines = out.splitlines()  # splits on U+2028, U+2029 and U+0085 too
    assert len(lines) == 2
    assert json.loads(lines[0])["text"] == odd
    assert json.loads(lines[1])["message"] == f"odd: {odd}"


def test_no_findings_no_output(render):
    assert render("jsonl", findings=[]) == ""
