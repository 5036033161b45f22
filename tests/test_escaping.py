"""Control characters from articles and file names never reach the terminal raw.

Scraped copy can carry terminal escape sequences (ESC [ 2J clears the
screen, ESC ] 0 ; ... BEL sets the window title, U+009B is a one-byte CSI)
and bidi overrides; a file name can hold a line break. The text and concise
formats and the command's own lines write them as visible escapes; the
machine formats escape them by their own rules.
"""

from __future__ import annotations

import json
import re

import pytest

# Every character the human formats must not print raw (a line break only ends a line).
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
ARTICLE = "Council vote delayed\n\nCouncil\x1b[2J\x1b]0;x\x07 \u202evoted\x9b1m the the plan.\n"
NAME = "wire\x1b[31m\nstory.txt"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / NAME
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_output_escapes_articles_and_file_names_and_keeps_carets_in_place(run_cli, article, tmp_path):
    proc = run_cli("check", "--select", "News.DoubledWord", article)
    out = proc.stdout.decode()
    assert not RAW.search(out)
    shown = str(tmp_path / "wire\\x1b[31m\\nstory.txt")
    lines = out.splitlines()
    column = ARTICLE.splitlines()[2].index("the the") + 1  # in the article's characters, escapes aside
    assert lines[0] == f"{shown}:3:{column}: suggestion: News.DoubledWord [*] 'the the': a word is doubled."
    source = "3 | Council\\x1b[2J\\x1b]0;x\\x07 \\u202evoted\\x9b1m the the plan."
    assert lines[2] == source
    assert lines[3] == "  | " + " " * (source.index("the the plan") - len("3 | ")) + "^^^^^^^"
    concise = run_cli("check", "--format", "concise", "--select", "News.DoubledWord", article).stdout.decode()
    assert concise.splitlines()[0] == lines[0] and not RAW.search(concise)


def test_error_warning_and_fix_lines_escape_file_names(run_cli, article, tmp_path):
    missing = run_cli("check", tmp_path / "gone\x1b]0;x\x07.txt")
    assert missing.stderr.decode() == f"error: {tmp_path}/gone\\x1b]0;x\\x07.txt: no such file or directory\n"
    project = tmp_path / "desk\x1b[2J"
    project.mkdir()
    (project / "lintnews.yaml").write_text("languagetool:\n  url: http://127.0.0.1:9\n")
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    warned = run_cli("check", project / "a.txt").stderr.decode()
    assert warned.startswith(f"warning: {tmp_path}/desk\\x1b[2J/lintnews.yaml: LanguageTool server") and not RAW.search(warned)
    diff = run_cli("fix", "--diff", "--select", "News.DoubledWord", article).stdout.decode()
    assert f"--- {tmp_path}/wire\\x1b[31m\\nstory.txt\n" in diff
    fixed = run_cli("fix", "--show-fixes", "--select", "News.DoubledWord", article).stdout.decode()
    assert f"{tmp_path}/wire\\x1b[31m\\nstory.txt: applied 1 fix" in fixed and not RAW.search(fixed)
    assert "voted\x9b1m the plan." in article.read_text(encoding="utf-8")


def test_machine_formats_keep_the_real_name_and_github_commands_cannot_be_injected(run_cli, tmp_path):
    name = "a\n::error file=x::owned,b.txt"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", "--select", "News.DoubledWord", tmp_path).stdout)
    assert [f["path"] for f in found] == [str(tmp_path / name)]
    github = run_cli("check", "--format", "github", "--select", "News.DoubledWord", tmp_path).stdout.decode()
    lines = github.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::notice file=")
    assert "a%0A%3A%3Aerror file=x%3A%3Aowned%2Cb.txt,line=3," in lines[0]
