"""The README's "In pre-commit and CI" snippets: valid YAML of the right shape, and commands that work.

Every fenced ```yaml block under that heading is parsed; every `lintnews ...`
command in a GitHub `run:` or GitLab `script:` entry, and the commands the
lintnews action runs for a step that uses it (see action.yml and
tests/test_action.py), is run for real in a git repository whose branch
added a copy of the seed article to `articles/`, next to an older article on
the base branch that `--changed-since` must leave out.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import yaml

from testkit import ROOT, SEED

HEADING = "## In pre-commit and CI"
SHELL_OPERATORS = {"||", "&&", ";", "|", "&", ";;"}


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(HEADING + "\n")
    end = text.find("\n## ", start + len(HEADING))
    return text[start:end if end != -1 else len(text)]


def yaml_blocks() -> list[str]:
    return re.findall(r"^```ya?ml\n(.*?)^```[ \t]*$", section(), flags=re.M | re.S)


def _kind(data) -> str:
    if isinstance(data, dict) and "repos" in data:
        return "pre-commit"
    if isinstance(data, dict) and "jobs" in data:
        return "github"
    if isinstance(data, dict) and any(isinstance(v, dict) and "script" in v for v in data.values()):
        return "gitlab"
    raise AssertionError(f"a YAML block in the README's {HEADING!r} section is none of the known kinds:\n{data}")


def snippets() -> dict[str, dict]:
    found: dict[str, dict] = {}
    for block in yaml_blocks():
        data = yaml.safe_load(block)
        kind = _kind(data)
        assert kind not in found, f"two {kind} snippets"
        found[kind] = data
    return found


def github_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def gitlab_jobs(config: dict) -> dict[str, dict]:
    return {name: job for name, job in config.items() if isinstance(job, dict) and "script" in job}


def shell_lines() -> list[tuple[str, str]]:
    """(snippet kind, shell line) for every line of every run:/script: entry."""
    found = snippets()
    lines = []
    for step in github_steps(found["github"]):
        lines += [("github", line) for line in step.get("run", "").splitlines()]
    for job in gitlab_jobs(found["gitlab"]).values():
        for key in ("before_script", "script", "after_script"):
            entries = job.get(key, [])
            for entry in [entries] if isinstance(entries, str) else entries:
                lines += [("gitlab", line) for line in entry.splitlines()]
    return [(kind, line.strip()) for kind, line in lines if line.strip() and not line.strip().startswith("#")]


def action_commands(step: dict) -> list[list[str]]:
    """The commands the lintnews action (action.yml) runs for a step that uses it, from its inputs."""
    inputs = {k: str(v) for k, v in step.get("with", {}).items()}
    common = []
    if inputs.get("changed-since"):
        common += ["--changed-since", inputs["changed-since"]]
    common += inputs.get("args", "").split()
    paths = inputs.get("paths", ".").split()
    commands = []
    if inputs.get("sarif-file"):
        commands.append(["lintnews", "check", "--quiet", "--format", "sarif", "--output", inputs["sarif-file"],
                         *common, *paths])
    fail_on = ["--fail-on", inputs["fail-on"]] if inputs.get("fail-on") else []
    commands.append(["lintnews", "check", "--format", "github", *fail_on, *common, *paths])
    return commands


def uses_lintnews(step: dict) -> bool:
    return step.get("uses", "").split("@")[0].endswith("/lintnews")


def lintnews_commands(line: str) -> list[list[str]]:
    """The `lintnews ...` commands in a shell line, without `|| true`, `&&` chains and the like."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    commands, current = [], []
    for token in list(lexer) + [";"]:
        if token in SHELL_OPERATORS:
            if current and current[0] == "lintnews":
                commands.append(current)
            current = []
        else:
            current.append(token)
    return commands


def option(argv: list[str], name: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


COMMANDS = [(kind, argv) for kind, line in shell_lines() for argv in lintnews_commands(line)] + [
    ("github", argv) for step in github_steps(snippets()["github"]) if uses_lintnews(step)
    for argv in action_commands(step)]


def test_section_has_the_three_snippets():
    assert HEADING in (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(snippets()) == {"pre-commit", "github", "gitlab"}


def test_shell_splitting():
    assert lintnews_commands("lintnews check --format sarif --output x.sarif articles/ || true") == [
        ["lintnews", "check", "--format", "sarif", "--output", "x.sarif", "articles/"]]
    assert lintnews_commands('pip install "lintnews @ git+https://example.invalid/lintnews"') == []
    assert lintnews_commands("cd site && lintnews check a/; echo done") == [["lintnews", "check", "a/"]]


def test_pre_commit_snippet_uses_this_repositorys_hooks(tmp_path):
    config = snippets()["pre-commit"]
    hooks_file = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    known = {hook["id"] for hook in hooks_file}
    (entry,) = config["repos"]
    assert entry["repo"] != "local" and entry["rev"]
    used = [hook["id"] for hook in entry["hooks"]]
    assert set(used) <= known, f"the README names hooks .pre-commit-hooks.yaml does not define: {set(used) - known}"
    assert set(used) == known, "the README should show every hook"
    assert used.index("lintnews-fix") < used.index("lintnews"), "fix first, then report what is left"

    pre_commit = pytest.importorskip("pre_commit")
    del pre_commit
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_github_workflow_shape():
    workflow = snippets()["github"]
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert "pull_request" in triggers
    steps = github_steps(workflow)
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0, "--changed-since needs the history"
    (action,) = [step for step in steps if uses_lintnews(step)]
    assert action["with"]["changed-since"] == "origin/${{ github.base_ref }}"
    assert set(action["with"]) <= set(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"])
    # The optional SARIF upload comes after the annotations, runs even when the check failed, and cannot
    # fail the job when code scanning is not available.
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert steps.index(action) < steps.index(upload)
    assert upload["if"] == "always()" and upload["continue-on-error"] is True
    assert upload["with"]["sarif_file"] == action["with"]["sarif-file"]
    assert workflow["permissions"]["security-events"] == "write"
    (annotate,) = [argv for kind, argv in COMMANDS if kind == "github" and option(argv, "--format") == "github"]
    (sarif,) = [argv for kind, argv in COMMANDS if kind == "github" and option(argv, "--format") == "sarif"]
    assert annotate[-1] == sarif[-1] == "articles/"


def test_gitlab_job_shape():
    config = snippets()["gitlab"]
    (job,) = gitlab_jobs(config).values()
    (junit,) = [argv for kind, argv in COMMANDS if kind == "gitlab" and option(argv, "--format") == "junit"]
    (quality,) = [argv for kind, argv in COMMANDS if kind == "gitlab" and option(argv, "--format") == "gitlab"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == option(junit, "--output")
    assert job["artifacts"]["reports"]["codequality"] == option(quality, "--output")
    assert str(job["variables"]["GIT_DEPTH"]) == "0", "--changed-since needs the history"
    assert option(junit, "--changed-since") == option(quality, "--changed-since") == "$CI_MERGE_REQUEST_DIFF_BASE_SHA"
    assert any(line.startswith("pip install") and "lintnews" in line for line in job["script"])


@pytest.mark.parametrize("schema, kind", [("vendor.github-workflows", "github"), ("vendor.gitlab-ci", "gitlab")])
def test_ci_snippets_match_the_published_schemas(tmp_path, schema, kind):
    """check-jsonschema ships the GitHub workflow and GitLab CI schemas, so this runs offline."""
    pytest.importorskip("check_jsonschema")
    (block,) = [b for b in yaml_blocks() if _kind(yaml.safe_load(b)) == kind]
    path = tmp_path / f"{kind}.yml"
    path.write_text(block, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_format_is_exercised():
    formats = {option(argv, "--format") for _, argv in COMMANDS}
    assert {"github", "gitlab", "sarif", "junit"} <= formats


def _git(repo, *args) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    proc = subprocess.run(["git", "-c", "user.name=desk", "-c", "user.email=desk@example.invalid", "-c",
                           "commit.gpgsign=false", *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def pull_request(repo) -> dict[str, str]:
    """A repository as CI checks it out: `main` (also as origin/main) holds an old article with findings, the
    checked-out branch adds the seed article. Returns the values CI would put in the snippets' variables."""
    articles = repo / "articles"
    articles.mkdir()
    (articles / "old.txt").write_text("Troops leave northern Syria\n\nThe the troops left.\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "archive")
    base = _git(repo, "rev-parse", "HEAD")
    _git(repo, "update-ref", "refs/remotes/origin/main", base)
    _git(repo, "checkout", "-q", "-b", "story")
    (articles / SEED.name).write_bytes(SEED.read_bytes())
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "story")
    return {"${{ github.base_ref }}": "main", "$CI_MERGE_REQUEST_DIFF_BASE_SHA": base}


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("kind, argv", COMMANDS, ids=[f"{k}:{' '.join(a[1:])}" for k, a in COMMANDS])
def test_snippet_command_runs(run_cli, tmp_path, kind, argv):
    variables = pull_request(tmp_path)
    for name, value in variables.items():
        argv = [arg.replace(name, value) for arg in argv]
    assert not [arg for arg in argv if "$" in arg], f"a variable the test does not fill in: {argv}"
    proc = run_cli(*argv[1:], cwd=tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 1, f"{' '.join(argv)} exited {proc.returncode}; the seed has findings\n{stderr}"
    assert "error:" not in stderr and "Traceback" not in stderr, stderr

    fmt, output = option(argv, "--format"), option(argv, "--output")
    if output:
        report = tmp_path / output
        assert report.is_file(), f"{' '.join(argv)} did not write {output}"
        content = report.read_text(encoding="utf-8")
    else:
        content = proc.stdout.decode()

    if fmt == "sarif":
        sarif = json.loads(content)
        assert sarif["version"] == "2.1.0"
        (run,) = sarif["runs"]
        assert run["results"], "the seed's findings are in the SARIF report"
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for result in run["results"] for loc in result["locations"]}
        assert uris == {f"articles/{SEED.name}"}
    elif fmt == "junit":
        root = ET.fromstring(content)
        assert [suite.get("name") for suite in root.findall("testsuite")] == [f"articles/{SEED.name}"]
        cases = root.findall(".//testcase")
        assert {case.get("classname") for case in cases} == {f"articles/{SEED.name}"}
        assert all(len(case.findall("failure")) == 1 for case in cases)
    elif fmt == "github":
        annotations = [line for line in content.splitlines() if line.startswith("::")]
        assert annotations, content
        # file= must be the path as given, relative to the checkout, for GitHub to place the annotation
        assert all(re.match(rf"::(error|warning|notice) file=articles/{re.escape(SEED.name)},line=\d+,", line)
                   for line in annotations), annotations
        assert any(line.startswith("::error file=") for line in annotations)
    elif fmt == "gitlab":
        issues = json.loads(content)
        assert issues, "the seed's findings are in the Code Quality report"
        assert {issue["location"]["path"] for issue in issues} == {f"articles/{SEED.name}"}
        assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    else:
        pytest.fail(f"no check for --format {fmt} yet: add one")
