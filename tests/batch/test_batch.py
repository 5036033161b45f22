"""`lintnews batch` in one process: archive records in, JSON Lines findings and fixed records out."""

from __future__ import annotations

import json

import pytest
from batchkit import run_batch, write_jsonl, write_parquet
from testkit import SEED

HEADLINES = [
    {"id": "a-1", "title": "Council  delays housing plan",
     "body": "The city council voted on Tuesday to delay the plan.\n\n"
             "Officials said the the plan would cost 450.000 dollars."},
    {"id": "a-2", "title": "Minister won’t resign",
     "body": "Minister won’t resign\n\nThe minister said she wonâ€™t resign.", "desk": "politics"},
    {"id": 3, "title": "Donâ€™t panic, says bank", "body": "The bank said there was no reason to panic."},
    {"id": "a-4", "title": "Bank holds rates", "body": "The bank held rates at 5% on Thursday."},
]


def findings(proc) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


def brief(found) -> list[tuple]:
    return [(f["id"], f["field"], f["rule"], f["line"], f["column"], f["start"], f["end"], f["text"]) for f in found]


def test_findings_name_the_record_and_the_field_with_positions_within_it(tmp_path):
    write_jsonl(tmp_path / "desk.jsonl", HEADLINES)
    proc = run_batch("desk.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert brief(findings(proc)) == [
        ("a-1", "title", "News.MultipleSpaces", 1, 8, 7, 9, "  "),
        ("a-1", "body", "News.DoubledWord", 3, 16, 69, 76, "the the"),
        ("a-1", "body", "News.ThousandsSeparator", 3, 40, 93, 100, "450.000"),
        ("a-2", "body", "News.DuplicateTitle", 1, 1, 0, 21, "Minister won’t resign"),
        ("a-2", "body", "News.Mojibake", 3, 26, 48, 51, "â€™"),
        (3, "title", "News.Mojibake", 1, 4, 3, 6, "â€™"),
    ]
    first = findings(proc)[1]
    assert first["path"] == "desk.jsonl" and first["record"] == 1 and first["severity"] == "suggestion"
    # The keys of `check --format json`, and the 0.3.0 names beside them until 0.5.0.
    assert list(first)[:6] == ["path", "record", "id", "field", "rule", "severity"]
    assert (first["file"], first["level"]) == (first["path"], first["severity"])
    assert first["fix"] == {"applicability": "safe", "title": "Delete the repeated 'the'",
                            "edits": [{"start": 72, "end": 76, "content": ""}]}
    body = HEADLINES[0]["body"]
    assert body[first["start"]:first["end"]] == "the the"  # offsets are characters of the field
    assert proc.stderr.decode() == "Checked 4 records in 1 file: 6 findings (5 fixable with --fix).\n"


def test_a_record_finds_what_check_finds_in_the_same_article(tmp_path, run_cli):
    """The seed as a record (headline apart) and as a file: the same findings, in the same places.
    Only News.FinalNewline is the file's: a record's body is not a file."""
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n\n")
    write_jsonl(tmp_path / "seed.jsonl", [{"id": "seed", "title": title, "body": body}])
    from_file = json.loads(run_cli("check", "--format", "json", "--isolated", SEED).stdout)
    from_record = findings(run_batch("seed.jsonl", cwd=tmp_path))
    expected = [(f["rule"], f["line"] - 2, f["column"], f["text"]) for f in from_file
                if f["rule"] != "News.FinalNewline"]
    assert [(f["rule"], f["line"], f["column"], f["text"]) for f in from_record] == expected
    assert "News.DuplicateTitle" in {f["rule"] for f in from_record}


def test_fix_writes_every_record_with_safe_fixes_and_reports_what_is_left(tmp_path):
    write_jsonl(tmp_path / "desk.jsonl", HEADLINES)
    proc = run_batch("desk.jsonl", "--fix", "-o", "fixed.jsonl", cwd=tmp_path)
    assert proc.returncode == 1  # the unsafe thousands separator is left
    assert [f["rule"] for f in findings(proc)] == ["News.ThousandsSeparator"]
    assert "Fixed 5 findings in 3 records of 4 in 1 file; 1 remaining." in proc.stderr.decode()
    fixed = (tmp_path / "fixed.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in fixed] == [
        {"id": "a-1", "title": "Council delays housing plan",
         "body": "The city council voted on Tuesday to delay the plan.\n\n"
                 "Officials said the plan would cost 450.000 dollars."},
        {"id": "a-2", "title": "Minister won’t resign", "body": "The minister said she won’t resign.",
         "desk": "politics"},
        {"id": 3, "title": "Don’t panic, says bank", "body": "The bank said there was no reason to panic."},
        HEADLINES[3],
    ]
    # A record nothing changed is written as it was read, byte for byte.
    assert fixed[3] == json.dumps(HEADLINES[3], ensure_ascii=False)
    proc = run_batch("desk.jsonl", "--fix", "--unsafe-fixes", "-o", "fixed.jsonl", cwd=tmp_path)
    assert proc.returncode == 0 and findings(proc) == []
    assert "450,000 dollars" in (tmp_path / "fixed.jsonl").read_text(encoding="utf-8")


def test_bad_records_are_one_line_each_and_the_run_goes_on(tmp_path):
    lines = [
        json.dumps(HEADLINES[0]),
        '{"id": 2, "title": "x", "body": ',
        "",
        "[1, 2]",
        '{"id": 3, "title": 5, "body": "Fine."}',
        '{"title": "No id", "body": "Fine."}',
        '{"id": 4, "body": null}',
        '{"id": 5, "body": ["a"]}',
        '{"id": 6, "body": "x", "format": "rst"}',
        json.dumps(HEADLINES[3]),
    ]
    write_jsonl(tmp_path / "bad.jsonl", lines)
    with open(tmp_path / "bad.jsonl", "ab") as f:
        f.write(b'{"id": 7, "body": "caf\xe9"}\n')
    proc = run_batch("bad.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "error: bad.jsonl: line 2: invalid JSON (Expecting value at column 33)",
        "error: bad.jsonl: line 4: not a JSON object but a list",
        "error: bad.jsonl: line 5: 'title' must be text, not a number",
        "error: bad.jsonl: line 6: missing 'id'",
        "error: bad.jsonl: line 7: 'body' is null",
        "error: bad.jsonl: line 8: 'body' must be text, not a list",
        "error: bad.jsonl: line 9: 'format' must be markdown, html or text, not 'rst'",
        "error: bad.jsonl: line 11: not UTF-8 (byte 23 of the line)",
        "Checked 10 records in 1 file: 3 findings (2 fixable with --fix); 8 bad records.",
    ]
    assert {f["id"] for f in findings(proc)} == {"a-1"}  # the good records around the bad ones are checked
    # --fix passes a bad record through as it was read: nothing is lost.
    proc = run_batch("bad.jsonl", "--fix", "-o", "fixed.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    before = (tmp_path / "bad.jsonl").read_bytes().splitlines()
    after = (tmp_path / "fixed.jsonl").read_bytes().splitlines()
    assert after[0] != before[0] and after[1:] == [line for line in before[1:] if line]


def test_field_names_and_markdown_bodies(tmp_path):
    rows = [{"uid": "m-1", "headline": "Vote delayed", "text": "The vote was `was was` delayed.\n\n"
                                                               "It was was a surprise."}]
    write_jsonl(tmp_path / "cms.jsonl", rows)
    plain = run_batch("cms.jsonl", "--id-field", "uid", "--title-field", "headline", "--body-field", "text",
                      cwd=tmp_path)
    assert [(f["id"], f["line"], f["text"]) for f in findings(plain)] == [("m-1", 1, "was was"),
                                                                            ("m-1", 3, "was was")]
    markdown = run_batch("cms.jsonl", "--id-field", "uid", "--title-field", "headline", "--body-field", "text",
                         "--markdown", cwd=tmp_path)
    assert [(f["line"], f["text"]) for f in findings(markdown)] == [(3, "was was")]  # code is not prose
    rows[0]["format"] = "text"  # a record's own format wins over --markdown
    write_jsonl(tmp_path / "cms.jsonl", rows)
    assert len(findings(run_batch("cms.jsonl", "--id-field", "uid", "--title-field", "headline",
                                  "--body-field", "text", "--markdown", cwd=tmp_path))) == 2
    proc = run_batch("cms.jsonl", cwd=tmp_path)
    assert proc.returncode == 2 and "error: cms.jsonl: line 1: missing 'id'" in proc.stderr.decode()


def test_the_projects_configuration_applies_as_for_check(tmp_path):
    write_jsonl(tmp_path / "desk.jsonl", HEADLINES)
    (tmp_path / "lintnews.yaml").write_text("ignore: [News.DoubledWord]\nseverity: {News.Mojibake: suggestion}\n"
                                            "fail-on: error\n")
    proc = run_batch("desk.jsonl", cwd=tmp_path)
    found = findings(proc)
    assert "News.DoubledWord" not in {f["rule"] for f in found}
    assert {f["severity"] for f in found if f["rule"] == "News.Mojibake"} == {"suggestion"}
    assert proc.returncode == 1  # News.ThousandsSeparator is an error
    assert run_batch("desk.jsonl", "--select", "News.Mojibake", cwd=tmp_path).returncode == 0  # below fail-on
    (tmp_path / "other.yaml").write_text("select: [News.DoubledWord]\n")
    proc = run_batch("desk.jsonl", "--config", "other.yaml", cwd=tmp_path)
    assert {f["rule"] for f in findings(proc)} == {"News.DoubledWord"}
    (tmp_path / "lintnews.yaml").write_text("select: [News.Nope]\n")
    proc = run_batch("desk.jsonl", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == b""
    assert "unknown rule id or prefix 'News.Nope'" in proc.stderr.decode()


def test_parquet_gives_the_json_lines_findings_and_fixes_in_its_own_schema(tmp_path):
    import pyarrow.parquet as pq

    rows = [{**r, "id": str(r["id"]), "desk": r.get("desk")} for r in HEADLINES]
    write_jsonl(tmp_path / "desk.jsonl", rows)
    write_parquet(tmp_path / "desk.parquet", rows, row_group_size=2)
    from_jsonl = findings(run_batch("desk.jsonl", cwd=tmp_path))
    proc = run_batch("desk.parquet", cwd=tmp_path)
    from_parquet = findings(proc)
    assert proc.returncode == 1
    assert brief(from_parquet) == brief(from_jsonl)
    assert [(f["path"], f["record"]) for f in from_parquet][:2] == [("desk.parquet", 1), ("desk.parquet", 1)]
    proc = run_batch("desk.parquet", "--fix", "-o", "fixed.parquet", cwd=tmp_path)
    assert proc.returncode == 1
    table = pq.read_table(tmp_path / "fixed.parquet")
    assert table.schema == pq.read_schema(tmp_path / "desk.parquet")
    assert table.column("body").to_pylist()[1] == "The minister said she won’t resign."
    assert table.column("desk").to_pylist() == [None, "politics", None, None]


@pytest.mark.parametrize(("args", "message"), [
    (["nope.jsonl"], "error: nope.jsonl: no such file"),
    (["notes.txt"], "error: notes.txt: not an archive lintnews reads (JSON Lines: .jsonl, .ndjson, .json; "
                    "Parquet: .parquet, .pq)"),
    (["desk.jsonl", "--fix"], "error: --fix writes the fixed records to --output FILE: name one"),
    (["desk.jsonl", "--fix", "-o", "desk.jsonl"], "error: desk.jsonl: --output is an input: write to another file"),
    (["desk.jsonl", "-o", "./desk.jsonl"], "error: ./desk.jsonl: --output is an input: write to another file"),
    (["desk.jsonl", "--fix", "-o", "out.parquet"],
     "error: out.parquet: --fix writes JSON Lines records like the input's: name the output .jsonl"),
    (["desk.jsonl", "--unsafe-fixes"], "error: --unsafe-fixes goes with --fix"),
    (["desk.jsonl", "--dask", "somewhere"],
     "error: --dask takes 'local' or a scheduler address such as tcp://host:8786, not 'somewhere'"),
])
def test_usage_errors_are_one_line_and_exit_2(tmp_path, args, message):
    write_jsonl(tmp_path / "desk.jsonl", HEADLINES)
    (tmp_path / "notes.txt").write_text("A note.\n")
    proc = run_batch(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [message]
    assert not (tmp_path / "out.parquet").exists()
    assert len((tmp_path / "desk.jsonl").read_text(encoding="utf-8").splitlines()) == len(HEADLINES)  # untouched


HIDE = "import sys\nfor name in {names}:\n    sys.modules[name] = None\n"


def test_without_the_optional_packages_a_one_line_error_says_what_to_install(tmp_path):
    write_jsonl(tmp_path / "desk.jsonl", HEADLINES)
    write_parquet(tmp_path / "desk.parquet", HEADLINES[:1])
    proc = run_batch("desk.parquet", cwd=tmp_path,
                     python_prelude=HIDE.format(names=["pyarrow", "pyarrow.parquet"]))
    assert proc.returncode == 2
    assert proc.stderr.decode() == "error: desk.parquet: reading Parquet needs pyarrow: pip install 'lintnews[archive]'\n"
    proc = run_batch("desk.jsonl", "--dask", "local", cwd=tmp_path,
                     python_prelude=HIDE.format(names=["dask", "dask.bag", "distributed", "dask.distributed"]))
    assert proc.returncode == 2
    assert proc.stderr.decode() == "error: --dask needs dask and distributed: pip install 'lintnews[dask]'\n"
    # JSON Lines needs neither.
    proc = run_batch("desk.jsonl", cwd=tmp_path, python_prelude=HIDE.format(names=["pyarrow", "dask"]))
    assert proc.returncode == 1 and len(findings(proc)) == 6


def test_standard_input_is_json_lines_read_as_a_stream(tmp_path):
    write_jsonl(tmp_path / "desk.jsonl", HEADLINES)
    data = (tmp_path / "desk.jsonl").read_bytes()
    from_file = run_batch("desk.jsonl", cwd=tmp_path)
    from_stdin = run_batch("-", cwd=tmp_path, input=data)
    assert from_stdin.returncode == 1
    assert [{**f, "path": "desk.jsonl", "file": "desk.jsonl"} for f in findings(from_stdin)] == findings(from_file)
    assert {f["path"] for f in findings(from_stdin)} == {"-"}
    bad = run_batch("-", cwd=tmp_path, input=data + b"[1]\n")
    assert bad.returncode == 2 and "error: -: line 5: not a JSON object but a list" in bad.stderr.decode()
    fixed = run_batch("-", "--fix", "-o", "fixed.jsonl", cwd=tmp_path, input=data)
    assert fixed.returncode == 1
    assert "Don’t panic" in (tmp_path / "fixed.jsonl").read_text(encoding="utf-8")
    proc = run_batch("-", "--dask", "local", cwd=tmp_path, input=data)
    assert proc.returncode == 2
    assert proc.stderr.decode() == ("error: - (JSON Lines on standard input) goes alone, without --dask: "
                                    "the workers read files\n")


def test_the_readme_shows_a_finding_as_batch_writes_it(tmp_path):
    from testkit import ROOT

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### Archives", 1)[1].split("\n### ", 1)[0]
    shown = json.loads(section.split("```json\n", 1)[1].split("```", 1)[0])
    write_jsonl(tmp_path / "desk.jsonl", HEADLINES)
    real = findings(run_batch("desk.jsonl", cwd=tmp_path))[1]
    assert list(shown) == list(real)
    assert {k: shown[k] for k in ("field", "rule", "line", "column", "start", "end", "fix")} == \
        {k: real[k] for k in ("field", "rule", "line", "column", "start", "end", "fix")}
