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
