"""--format github: workflow commands GitHub Actions turns into annotations."""

import re

from lintnews.findings import Finding, Severity

COMMAND = re.compile(
    r"::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:]*),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<endLine>\d+),endColumn=(?P<endColumn>\d+),title=(?P<title>[^,:]*)"
    r"::(?P<message>[^\r\n]*)"
)
COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def unescape(s: str) -> str:
    # The inverse of the Actions toolkit's escaping; %25 last, so "%253A" stays "%3A".
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        s = s.replace(code, char)
    return s


def parse(out: str) -> list[dict]:
    assert out == "" or out.endswith("\n")
    parsed = []
    for line in out.split("\n")[:-1]:
        m = COMMAND.fullmatch(line)
        assert m, line
        parsed.append({k: unescape(v) for k, v in m.groupdict().items()})
    return parsed


def test_one_command_per_finding(render, corpus):
    _, findings = corpus
    parsed = parse(render("github"))
    assert len(parsed) == len(findings)
    for p, f in zip(parsed, findings):
        assert p["command"] == COMMANDS[f.severity.value]
        assert p["file"] == f.path
        assert (int(p["line"]), int(p["col"]), int(p["endLine"]), int(p["endColumn"])) == (
            f.line, f.column, f.end_line, f.end_column)
        assert p["title"] == f.rule_id
        assert p["message"] == f.message


def test_escaping_round_trips():
    from lintnews.report.github import command

    message = "50% done: a, b\r\nnext line %0A literal"
    path = "dir, with: odd%/name.txt"
    f = Finding("News.Test", Severity.SUGGESTION, 0, 1, message, path=path,
                line=1, column=2, end_line=3, end_column=4)
    line = command(f)
    assert "\n" not in line and "\r" not in line
    (p,) = parse(line + "\n")
    assert p["command"] == "notice"
    assert p["file"] == path
    assert p["message"] == message
    assert (p["line"], p["col"], p["endLine"], p["endColumn"]) == ("1", "2", "3", "4")


def _finding(i: int, severity=Severity.WARNING, message="Several spaces in a row."):
    return Finding("News.MultipleSpaces", severity, 0, 1, message, path=f"articles/story-{i:04}.md",
                   line=i + 1, column=1, end_line=i + 1, end_column=3)


def test_summary_lists_only_findings_past_ten_of_their_level():
    from lintnews.report import ReportContext
    from lintnews.report.summary import markdown

    findings = [_finding(i) for i in range(13)] + [_finding(100 + i, Severity.ERROR) for i in range(4)]
    text = markdown(findings, ReportContext(docs={f.path: None for f in findings}))
    assert "**17 findings** in 17 of 17 articles checked: 4 errors, 13 warnings." in text
    assert "| News.MultipleSpaces | 4 | 13 | 0 | 17 |" in text
    rows = [line for line in text.splitlines() if line.startswith("| articles/")]
    assert [row.split(" | ")[0] for row in rows] == [f"| articles/story-{i:04}.md:{i + 1}" for i in (10, 11, 12)]


def test_summary_cells_cannot_break_the_table_or_carry_html():
    from lintnews.report.summary import cell

    assert cell("a | b\nc <img src=x> *bold* `code`") == r"a \| b c &lt;img src=x&gt; \*bold\* \`code\`"
    assert "\x1b" not in cell("\x1b[31mred")


def test_summary_stays_under_githubs_limit():
    from lintnews.report import ReportContext
    from lintnews.report.summary import markdown

    findings = [_finding(i, message="x" * 500) for i in range(400)]
    text = markdown(findings, ReportContext(), limit=50_000)
    assert len(text.encode("utf-8")) <= 50_000
    listed = sum(1 for line in text.splitlines() if line.startswith("| articles/"))
    assert 0 < listed < 390
    assert f"{390 - listed} more findings not listed" in text


def test_github_format_writes_the_summary_only_in_a_step(run_cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Troops leave northern Syria\n\nThe troops left on Monday, the ministry said.\n",
                       encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step's text\n", encoding="utf-8")
    proc = run_cli("check", "--format", "github", article, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 0
    assert summary.read_text(encoding="utf-8") == (
        "earlier step's text\n## lintnews\n\nAll clean: no findings in 1 article.\n")
    proc = run_cli("check", "--format", "github", article, env={"GITHUB_STEP_SUMMARY": ""})
    assert proc.returncode == 0 and proc.stdout == b""


def test_a_file_not_read_is_an_error_annotation_of_the_run(one_unread):
    proc = one_unread("github", "u16.txt")
    assert proc.returncode == 2
    assert proc.stdout.decode().splitlines() == [
        "::error title=lintnews::u16.txt: UTF-16 text (its byte order mark says so): lintnews reads UTF-8; "
        "convert it, e.g. iconv -f UTF-16 -t UTF-8"]
