"""`lintnews batch` on CMS records whose body is HTML (the record's format field says "html")."""

from __future__ import annotations

import json

from batchkit import run_batch, write_jsonl

BODY = ('<p>The council voted on Tuesday &mdash; the the plan is delayed.</p>\n'
        '<script>var x = "the the";</script>\n'
        '<figure><img src="a.jpg" alt="Councillors vote on the the plan"></figure>\n'
        '<p>Officials said <code>the the</code> figure was final.</p>\n')
RECORD = {"id": "h-1", "title": "Council delays the the plan", "body": BODY, "format": "html"}


def test_html_bodies_are_read_as_html_with_positions_in_the_field(tmp_path):
    write_jsonl(tmp_path / "cms.jsonl", [RECORD])
    proc = run_batch("cms.jsonl", "--select", "News.DoubledWord", cwd=tmp_path)
    found = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [(f["field"], f["line"], f["column"], f["text"]) for f in found] == [
        ("title", 1, 16, "the the"), ("body", 1, 41, "the the"), ("body", 3, 51, "the the")]
    for f in found:
        field = RECORD[f["field"]]
        assert field[f["start"]:f["end"]] == "the the"
    assert proc.returncode == 1


def test_fixed_html_records_keep_their_markup(tmp_path):
    write_jsonl(tmp_path / "cms.jsonl", [RECORD])
    proc = run_batch("cms.jsonl", "--select", "News.DoubledWord", "--fix", "-o", "fixed.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    fixed = json.loads((tmp_path / "fixed.jsonl").read_text())
    assert fixed["title"] == "Council delays the plan"
    assert fixed["body"] == BODY.replace("&mdash; the the plan", "&mdash; the plan").replace(
        "vote on the the plan", "vote on the plan")


def test_the_same_body_as_text_reads_its_markup_as_prose(tmp_path):
    write_jsonl(tmp_path / "cms.jsonl", [{**RECORD, "format": "text"}])
    proc = run_batch("cms.jsonl", "--select", "News.DoubledWord", cwd=tmp_path)
    assert len(proc.stdout.decode().splitlines()) > 3  # the script's and the code's doubles too
