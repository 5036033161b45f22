"""`languagetool: {local: true}` and --languagetool-local: a server started through language-tool-python.

Offline: language-tool-python finds a prepared LanguageTool folder in $LTP_PATH
(`LanguageTool-<version>/languagetool-server.jar`), and the `java` first on PATH
is a script that answers `java -version` like OpenJDK 17 and runs the loopback
mock (lt_mock_server.py) for `java -cp <jar> org.languagetool.server.HTTPServer -p PORT`,
recording its pid, its arguments and the /v2/check requests it answers.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

ARTICLE = "Council vote delayed\n\nThe council could of voted on Monday, officials said.\n"
MOCK = Path(__file__).with_name("lt_mock_server.py")


class FakeLanguageTool:
    def __init__(self, tmp: Path, prepared: bool = True):
        from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

        self.ltp_path = tmp / "ltp"
        self.jar = self.ltp_path / f"LanguageTool-{LTP_DOWNLOAD_VERSION}" / "languagetool-server.jar"
        self.jar.parent.mkdir(parents=True) if prepared else self.ltp_path.mkdir()
        if prepared:
            self.jar.write_bytes(b"not really a jar")
        self.bin = tmp / "fake-bin"
        self.bin.mkdir()
        self.pids, self.args, self.log = tmp / "pids", tmp / "args", tmp / "checks.jsonl"
        java = self.bin / "java"
        java.write_text(
            "#!/bin/sh\n"
            'if [ "$1" = "-version" ]; then\n'
            "  echo 'openjdk version \"17.0.9\" 2023-10-17' 1>&2\n"
            "  exit 0\n"
            "fi\n"
            f'echo $$ >> "{self.pids}"\n'
            f'echo "$@" >> "{self.args}"\n'
            f'exec "{sys.executable}" "{MOCK}" "$@"\n')
        java.chmod(0o755)

    def env(self, **more) -> dict[str, str]:
        return {"PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}", "LTP_PATH": str(self.ltp_path),
                "LT_MOCK_LOG": str(self.log), **more}

    def started(self) -> list[int]:
        return [int(line) for line in self.pids.read_text().split()] if self.pids.exists() else []

    def checks(self) -> list[dict]:
        return [json.loads(line) for line in self.log.read_text().splitlines()] if self.log.exists() else []


@pytest.fixture
def fake_lt(tmp_path):
    return FakeLanguageTool(tmp_path)


def alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return False
    return "State:\tZ" not in status.read_text()  # a zombie has stopped


def lt_findings(proc):
    return [(f["path"].rsplit("/", 1)[-1], f["rule"], f["text"], f["line"], f["column"])
            for f in json.loads(proc.stdout) if f["rule"].startswith("LanguageTool.")]


def project(tmp_path, config: str | None = "languagetool:\n  local: true\n  timeout: 5\n", articles=1):
    site = tmp_path / "site"
    site.mkdir()
    if config is not None:
        (site / "lintnews.yaml").write_text(config)
    for n in range(articles):
        (site / f"a{n}.txt").write_text(ARTICLE)
    return site


def test_a_project_asking_for_local_languagetool_starts_it_with_consent_and_stops_it(run_cli, tmp_path, fake_lt):
    site = project(tmp_path, articles=5)
    proc = run_cli("check", "--format", "json", "--jobs", "2", ".", cwd=site,
                   env=fake_lt.env(LINTNEWS_ALLOW_LANGUAGETOOL="local"))
    assert proc.returncode == 1, proc.stderr
    assert lt_findings(proc) == [(f"a{n}.txt", "LanguageTool.COULD_OF", "could of", 3, 13) for n in range(5)]
    # language-tool-python ran the prepared jar's server class on a port of its choice...
    args = fake_lt.args.read_text().splitlines()[-1].split()
    assert args[:3] == ["-cp", str(fake_lt.jar), "org.languagetool.server.HTTPServer"] and args[3] == "-p"
    # ...the workers asked that one server (one paragraph, cached per process)...
    assert fake_lt.checks() and all(c["language"] == "en-US" for c in fake_lt.checks())
    # ...and it is stopped when lintnews exits.
    time.sleep(0.2)
    assert fake_lt.started() and not any(alive(pid) for pid in fake_lt.started())


def test_without_consent_nothing_starts_and_the_other_rules_run(run_cli, tmp_path, fake_lt):
    site = project(tmp_path)
    proc = run_cli("check", "--format", "json", ".", cwd=site, env=fake_lt.env())
    warnings = [line for line in proc.stderr.decode().splitlines() if line.startswith("warning")]
    assert len(warnings) == 1 and warnings[0].startswith(f"warning: {site / 'lintnews.yaml'}: local LanguageTool not "
                                                         "started (asked for only by the project's configuration")
    assert "LINTNEWS_ALLOW_LANGUAGETOOL=local" in warnings[0]
    assert [f["rule"] for f in json.loads(proc.stdout)] == ["News.OfHave"] and proc.returncode == 1
    assert run_cli("check", "--strict", ".", cwd=site, env=fake_lt.env()).returncode == 2
    assert fake_lt.started() == []
    # `rules` says what it would do, and starts nothing either.
    listing = run_cli("rules", cwd=site, env=fake_lt.env(LINTNEWS_ALLOW_LANGUAGETOOL="local")).stdout.decode()
    assert listing.rstrip().endswith("LanguageTool backend: on: a server started on this machine when checking "
                                     "(local: true) (en-US)")
    assert fake_lt.started() == []


def test_the_command_line_flag_needs_no_configuration(run_cli, tmp_path, fake_lt):
    site = project(tmp_path, config=None)
    proc = run_cli("check", "--languagetool-local", "--format", "json", ".", cwd=site, env=fake_lt.env())
    assert lt_findings(proc) == [("a0.txt", "LanguageTool.COULD_OF", "could of", 3, 13)]
    assert proc.stderr.decode().splitlines() == ["Found 2 findings (2 warnings) in 1 file (1 fixable with `lintnews fix`, "
                                                 "1 more with --unsafe-fixes)."]
    # A project's remote server is not contacted then: the local one replaces it, with the project's options.
    (site / "lintnews.yaml").write_text("languagetool:\n  url: http://192.0.2.1:8081\n  language: en-GB\n")
    proc = run_cli("check", "--languagetool-local", "--format", "json", ".", cwd=site, env=fake_lt.env())
    assert proc.stderr.decode().count("warning:") == 0
    assert lt_findings(proc) and fake_lt.checks()[-1]["language"] == "en-GB"


def test_the_server_is_stopped_when_lintnews_is_terminated(tmp_path, fake_lt):
    import signal
    import subprocess

    from testkit import lintnews_command

    env = {**os.environ, **fake_lt.env(), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    # The server starts before standard input is read; the input never ends, as in a hung pipeline.
    proc = subprocess.Popen(lintnews_command() + ["check", "--languagetool-local", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while not fake_lt.started() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert fake_lt.started(), "the server never started"
        time.sleep(1)  # language-tool-python waits for /v2/healthcheck, then asks /v2/languages
        assert any(alive(pid) for pid in fake_lt.started())
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 128 + signal.SIGTERM
    finally:
        proc.kill()
        proc.wait()
    time.sleep(0.2)
    assert not any(alive(pid) for pid in fake_lt.started())


@pytest.mark.parametrize("case, problem", [
    ("no java", "starting LanguageTool needs Java 17 or later, and no `java` is on PATH"),
    ("no package", "starting LanguageTool needs language-tool-python, which is not installed "
                   "(pip install 'lintnews[languagetool]')"),
    ("no download", "language-tool-python could not start LanguageTool: "),
    ("url and local", "set either 'url' (a server of yours) or 'local: true' (one started here), not both"),
])
def test_what_is_missing_is_one_line_and_exit_2(run_cli, tmp_path, case, problem):
    site = project(tmp_path, config="languagetool:\n  local: true\n  url: http://127.0.0.1:8081\n"
                   if case == "url and local" else "languagetool:\n  local: true\n")
    fake = FakeLanguageTool(tmp_path, prepared=case != "no download")
    env = fake.env(LINTNEWS_ALLOW_LANGUAGETOOL="local")
    if case == "no java":
        env["PATH"] = str(tmp_path / "empty")
    elif case == "no package":
        shadow = tmp_path / "shadow" / "language_tool_python"
        shadow.mkdir(parents=True)
        (shadow / "__init__.py").write_text("raise ImportError('No module named language_tool_python')\n")
        env["PYTHONPATH"] = str(shadow.parent)
    elif case == "no download":  # nothing prepared, and the download host refuses: no network needed
        for name in ("NEW_RELEASES", "RELEASE", "ARCHIVE", "SNAPSHOT"):
            env[f"LTP_DOWNLOAD_HOST_{name}"] = "http://127.0.0.1:9/"
    proc = run_cli("check", ".", cwd=site, env=env)
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, lines
    assert lines[0].startswith(f"error: {site / 'lintnews.yaml'}: ") and problem in lines[0]
    if case == "no download":
        assert str(fake.ltp_path) in lines[0]
    assert fake.started() == []


@pytest.mark.parametrize("allowed, starts", [
    ("[local]", True),
    ("true", True),
    ("[http://localhost:8081]", False),  # consent to one server is not consent to run Java here
])
def test_consent_to_local_in_the_users_own_configuration(run_cli, tmp_path, fake_lt, allowed, starts):
    site = project(tmp_path)
    xdg = tmp_path / "xdg"
    (xdg / "lintnews").mkdir(parents=True)
    (xdg / "lintnews" / "config.yaml").write_text(f"allow-languagetool: {allowed}\n")
    proc = run_cli("check", "--format", "json", ".", cwd=site, env=fake_lt.env(XDG_CONFIG_HOME=str(xdg)))
    assert bool(lt_findings(proc)) == starts and bool(fake_lt.started()) == starts
    assert ("local LanguageTool not started" in proc.stderr.decode()) != starts


def test_a_per_path_language_is_the_language_languagetool_is_asked_in(run_cli, tmp_path, fake_lt):
    site = project(tmp_path, config="language: en-GB\nper-path:\n  'wire/':\n    language: en-US\n")
    (site / "wire").mkdir()
    (site / "wire" / "storm.txt").write_text(ARTICLE.replace("council", "airline"))
    proc = run_cli("check", "--languagetool-local", "--format", "json", ".", cwd=site, env=fake_lt.env())
    assert [f[:2] for f in lt_findings(proc)] == [("a0.txt", "LanguageTool.COULD_OF"),
                                                  ("storm.txt", "LanguageTool.COULD_OF")]
    asked = {c["text"].split()[1]: c["language"] for c in fake_lt.checks()}
    assert asked == {"council": "en-GB", "airline": "en-US"}
