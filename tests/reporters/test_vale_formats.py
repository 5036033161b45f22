"""--format line and --format vale-json: Vale's own output shapes, so tools that read Vale's output read ours."""

from __future__ import annotations

import json

from lintnews.findings import Edit, Finding, Fix, Severity
from lintnews.read.document import Document

RULES = {
    "Swap.yml": """extends: substitution
message: "Use '%s' instead of '%s'."
description: Plain words <not> jargon & fluff.
link: https://styles.example.org/swap
level: error
action:
  name: replace
swap:
  utilize: use
  roughly: about
""",
    "Weasel.yml": """extends: existence
message: "'%s' is a weasel word."
level: warning
tokens:
  - very
""",
}
ARTICLE = "Officials will utilize the very old bridge.\n\nIt carries roughly 4,000 cars a day.\n"


def house(tmp_path):
    folder = tmp_path / "styles" / "House"
    folder.mkdir(parents=True)
    for name, body in RULES.items():
        (folder / name).write_text(body)
    article = tmp_path / "bridge.md"
    article.write_text(ARTICLE)
    return tmp_path / "styles", article


def test_line_format_is_vales(run_cli, tmp_path):
    styles, article = house(tmp_path)
    r = run_cli("check", "--isolated", "--styles", styles, "--select", "House", "--format", "line", article)
    assert r.stdout.decode() == (
        f"{article}:1:16:House.Swap:Use 'use' instead of 'utilize'.\n"
        f"{article}:1:28:House.Weasel:'very' is a weasel word.\n"
        f"{article}:3:12:House.Swap:Use 'about' instead of 'roughly'.\n")
    assert r.returncode == 1
    assert r.stderr == b""  # as Vale: nothing else on either stream, for a plugin that reads both


def test_vale_json_is_vales_shape_and_bytes(run_cli, tmp_path):
    styles, article = house(tmp_path)
    r = run_cli("check", "--isolated", "--styles", styles, "--select", "House", "--format", "vale-json", article)
    out = r.stdout.decode()
    data = json.loads(out)
    assert list(data) == [str(article)]
    assert data[str(article)] == [
        {"Action": {"Name": "replace", "Params": ["use"]}, "Span": [16, 22], "Check": "House.Swap",
         "Description": "Plain words <not> jargon & fluff.", "Link": "https://styles.example.org/swap",
         "Message": "Use 'use' instead of 'utilize'.", "Severity": "error", "Match": "utilize", "Line": 1},
        {"Action": {"Name": "", "Params": None}, "Span": [28, 31], "Check": "House.Weasel", "Description": "",
         "Link": "", "Message": "'very' is a weasel word.", "Severity": "warning", "Match": "very", "Line": 1},
        {"Action": {"Name": "replace", "Params": ["about"]}, "Span": [12, 18], "Check": "House.Swap",
         "Description": "Plain words <not> jargon & fluff.", "Link": "https://styles.example.org/swap",
         "Message": "Use 'about' instead of 'roughly'.", "Severity": "error", "Match": "roughly", "Line": 3},
    ]
    # As Go's json.MarshalIndent writes it: keys in Vale's field order, two-space indent, HTML characters escaped.
    assert out.startswith('{\n  "' + str(article) + '": [\n    {\n      "Action": {\n        "Name": "replace",\n'
                          '        "Params": [\n          "use"\n        ]\n      },\n      "Span": [\n        16,\n'
                          '        22\n      ],\n      "Check": "House.Swap",\n')
    assert '"Description": "Plain words \\u003cnot\\u003e jargon \\u0026 fluff.",' in out
    assert r.returncode == 1


def test_vale_json_with_no_findings_is_an_empty_object(run_cli, tmp_path):
    styles, article = house(tmp_path)
    article.write_text("Officials will use the old bridge.\n")
    r = run_cli("check", "--isolated", "--styles", styles, "--select", "House", "--format", "vale-json", article)
    assert r.stdout.decode() == "{}\n"
    assert r.returncode == 0


def test_span_of_a_match_that_runs_past_its_line_stops_at_the_line(render):
    text = "The head\nline runs on.\n"
    doc = Document(text, "x.txt")
    f = Finding("News.Test", Severity.WARNING, 4, 13, "Two\nlines  here", text="head\nline", path="x.txt",
                line=1, column=5, end_line=2, end_column=5,
                fix=Fix((Edit(4, 13, "headline"),), title="join"))
    out = render("vale-json", findings=[f], docs={"x.txt": doc}, rule_list=[])
    alert = json.loads(out)["x.txt"][0]
    assert alert["Span"] == [5, 9]  # "head" and the line break: Vale caps a span at the line with its "\n"
    assert alert["Message"] == "Two lines here"  # Vale's WhitespaceToSpace
    assert alert["Action"] == {"Name": "", "Params": None}
    assert render("line", findings=[f], docs={"x.txt": doc}, rule_list=[]) == "x.txt:1:5:News.Test:Two lines here\n"
