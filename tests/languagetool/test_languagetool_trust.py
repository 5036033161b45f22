"""A LanguageTool server named only in a project's configuration is contacted only with the user's consent.

A cloned repository's lintnews.yaml could name any server, which would then
receive every paragraph: the user opts in with --allow-languagetool,
LINTNEWS_ALLOW_LANGUAGETOOL or allow-languagetool in their own
configuration file ($XDG_CONFIG_HOME/lintnews/config.yaml).
"""

from __future__ import annotations

import json

import pytest

ARTICLE = "Council vote delayed\n\nThe council could of voted on Monday, officials said.\n"
OTHER = "Budget cut\n\nThe the budget was cut on Tuesday, the mayor said.\n"


def project(tmp_path, url: str, extra: str = ""):
    (tmp_path / "lintnews.yaml").write_text(f"languagetool:\n  url: {url}\n  timeout: 2\n{extra}")
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "desk").mkdir()
    for name in ("b", "c", "d", "e"):  # enough files for parallel jobs
        (tmp_path / "desk" / f"{name}.txt").write_text(OTHER)
    return tmp_path


def rules_of(proc) -> list[str]:
    return [f["rule"] for f in json.loads(proc.stdout)]


def test_a_project_server_is_not_contacted_without_consent(run_cli, tmp_path, server):
    folder = project(tmp_path, server.url)
    for jobs in ("1", "2"):
        proc = run_cli("check", "--format", "json", "--jobs", jobs, folder)
        lines = [line for line in proc.stderr.decode().splitlines() if line.startswith("warning:")]
        assert len(lines) == 1, lines  # once per run, not per file
        assert lines[0].startswith(f"warning: {folder / 'lintnews.yaml'}: LanguageTool server {server.url} "
                                   "not contacted")
        assert "--allow-languagetool" in lines[0] and f"LINTNEWS_ALLOW_LANGUAGETOOL={server.url}" in lines[0]
        assert rules_of(proc) == ["News.OfHave"] + ["News.DoubledWord"] * 4  # every other rule ran
        assert proc.returncode == 1
    fixed = run_cli("fix", folder)
    assert b"not contacted" in fixed.stderr and "The budget was cut" in (folder / "desk" / "b.txt").read_text()
    assert server.checks() == []
    assert run_cli("check", "--strict", folder).returncode == 2
    status = run_cli("rules", cwd=folder).stdout.decode().rstrip().splitlines()[-1]
    assert status.startswith(f"LanguageTool backend: off: {server.url} needs your consent")
    assert server.checks() == []


def test_consent_by_flag_environment_or_user_configuration(run_cli, tmp_path, server):
    (tmp_path / "proj").mkdir()
    folder = project(tmp_path / "proj", server.url)
    article = folder / "a.txt"
    user = tmp_path / "home-config"
    (user / "lintnews").mkdir(parents=True)
    consents = [
        (("--allow-languagetool",), {}),
        ((), {"LINTNEWS_ALLOW_LANGUAGETOOL": "1"}),
        ((), {"LINTNEWS_ALLOW_LANGUAGETOOL": f"http://other.example:8081, {server.url.upper()}/v2/"}),
        ((), {"XDG_CONFIG_HOME": str(user)}),
    ]
    (user / "lintnews" / "config.yaml").write_text(f"allow-languagetool: [{server.url}]\n")
    for n, (flags, env) in enumerate(consents, 1):
        proc = run_cli("check", *flags, "--format", "json", article, env=env)
        assert "LanguageTool.COULD_OF" in rules_of(proc), (flags, env)
        assert b"not contacted" not in proc.stderr
        assert len(server.checks()) == n  # one paragraph, one request per run
    # Consent to another server is not consent to this one.
    proc = run_cli("check", "--format", "json", article, env={"LINTNEWS_ALLOW_LANGUAGETOOL": "http://other.example"})
    assert b"not contacted" in proc.stderr and len(server.checks()) == 4


def test_a_bad_user_configuration_is_one_line(run_cli, tmp_path):
    user = tmp_path / "cfg"
    (user / "lintnews").mkdir(parents=True)
    (user / "lintnews" / "config.yaml").write_text("allow-languagetol: true\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    proc = run_cli("check", tmp_path / "a.txt", env={"XDG_CONFIG_HOME": str(user)})
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 1
    assert lines[0] == (f"error: {user / 'lintnews' / 'config.yaml'}: unknown key 'allow-languagetol' "
                        "(did you mean 'allow-languagetool'?)")


@pytest.mark.parametrize("setting, problem", [
    ('url: "http://127.0.0.1:8081\\r\\nX-Injected: yes"', "key 'languagetool.url' must not hold U+000D"),
    ('url: "http://127.0.0.1:8081/\\e]0;owned\\a"', "key 'languagetool.url' must not hold U+001B"),
    ("url: http://127.0.0.1:8081\n  timeout: .inf", "key 'languagetool.timeout' must be more than 0 seconds"),
    ("url: http://127.0.0.1:8081\n  timeout: .nan", "key 'languagetool.timeout' must be more than 0 seconds"),
])
def test_a_url_with_control_characters_or_an_endless_timeout_is_a_config_error(run_cli, tmp_path, setting, problem):
    (tmp_path / "lintnews.yaml").write_text(f"languagetool:\n  {setting}\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    proc = run_cli("check", "--allow-languagetool", tmp_path / "a.txt")
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and "\x1b" not in lines[0]
    assert lines[0].startswith(f"error: {tmp_path / 'lintnews.yaml'}: {problem}")
