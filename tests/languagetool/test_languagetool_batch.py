"""`lintnews batch` with a project's LanguageTool server: the same consent as check, and on Dask the
workers ask the server themselves (the backend's rule is sent to them with the others)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "batch"))
from batchkit import run_batch, write_jsonl  # noqa: E402

RECORDS = [{"id": "a", "title": "Council vote delayed", "body": "The council could of voted on Monday, officials said."},
           {"id": "b", "title": "Budget cut", "body": "The budget was cut on Tuesday, the mayor said."}]


def rules_of(proc) -> list[tuple]:
    return [(f["id"], f["rule"], f["start"]) for f in map(json.loads, proc.stdout.decode().splitlines())]


def test_batch_asks_the_projects_server_only_with_consent(tmp_path, server):
    (tmp_path / "lintnews.yaml").write_text(f"languagetool:\n  url: {server.url}\n  timeout: 2\n")
    write_jsonl(tmp_path / "desk.jsonl", RECORDS)
    proc = run_batch("desk.jsonl", cwd=tmp_path)
    warnings = [line for line in proc.stderr.decode().splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "not contacted" in warnings[0] and "--allow-languagetool" in warnings[0]
    assert rules_of(proc) == [("a", "News.OfHave", 18)]
    assert server.checks() == []
    single = run_batch("desk.jsonl", "--allow-languagetool", cwd=tmp_path)
    assert rules_of(single) == [("a", "LanguageTool.COULD_OF", 12), ("a", "News.OfHave", 18)]
    asked = len(server.checks())
    assert asked >= 2  # the paragraphs of both records
    pytest.importorskip("distributed")
    on_dask = run_batch("desk.jsonl", "--allow-languagetool", "--dask", "local", "--workers", "1", cwd=tmp_path)
    assert on_dask.stdout == single.stdout and on_dask.returncode == single.returncode == 1
    assert len(server.checks()) > asked  # the worker asked the server itself
