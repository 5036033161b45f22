"""The LanguageTool backend wired through configuration and the command line."""

from __future__ import annotations

import json
import socket

ARTICLE = "Council vote delayed\n\nThe council could of voted on Monday, officials said.\n"


def project(tmp_path, url: str):
    (tmp_path / "lintnews.yaml").write_text(f"languagetool:\n  url: {url}\n  timeout: 1\n")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    return article


def test_configured_backend_reports_languagetool_findings(run_cli, tmp_path, server):
    article = project(tmp_path, server.url)
    proc = run_cli("check", "--allow-languagetool", "--format", "json", article)
    found = [(f["rule"], f["text"], f["line"], f["column"]) for f in json.loads(proc.stdout)]
    assert ("LanguageTool.COULD_OF", "could of", 3, 13) in found
    assert proc.returncode == 1
    out = run_cli("rules", cwd=tmp_path, env={"LINTNEWS_ALLOW_LANGUAGETOOL": server.url}).stdout.decode()
    assert out.rstrip().endswith(f"LanguageTool backend: on: {server.url} (en-US)")


def test_server_down_warns_once_other_rules_run_and_strict_exits_2(run_cli, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    article = project(tmp_path, f"http://127.0.0.1:{port}")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("council", "the the council"))
    proc = run_cli("check", "--allow-languagetool", "--format", "json", "--jobs", "1", tmp_path)
    warnings = [line for line in proc.stderr.decode().splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and f"127.0.0.1:{port} is unreachable" in warnings[0]
    assert [f["rule"] for f in json.loads(proc.stdout)] == ["News.OfHave", "News.DoubledWord", "News.OfHave"]
    assert proc.returncode == 1
    strict = run_cli("check", "--allow-languagetool", "--strict", article)
    assert strict.returncode == 2


def test_bad_backend_config_is_one_line(run_cli, tmp_path):
    (tmp_path / "lintnews.yaml").write_text("languagetool:\n  url: http://127.0.0.1:9\n  langauge: en-GB\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    proc = run_cli("check", tmp_path / "a.txt")
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 1
    assert "unknown key 'langauge' in 'languagetool' (did you mean 'language'?)" in lines[0]
