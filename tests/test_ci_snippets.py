"""The README's "In pre-commit and CI" snippets: valid YAML of the right shape, and commands that work.

Every fenced ```yaml block under that heading is parsed; every `lintnews ...`
command in a GitHub `run:` or GitLab `script:` entry is run for real against
an `articles/` folder holding a copy of the seed article.
"""

from __future__ import annotations

import json
import re
import shlex
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


COMMANDS = [(kind, argv) for kind, line in shell_lines() for argv in lintnews_commands(line)]


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
    assert triggers, "the workflow needs triggers"
    steps = github_steps(workflow)
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    runs = [step.get("run", "") for step in steps]
    assert any(run.startswith("pip install") and "lintnews" in run for run in runs)

    (annotate,) = [argv for kind, argv in COMMANDS if kind == "github" and option(argv, "--format") == "github"]
    (sarif,) = [argv for kind, argv in COMMANDS if kind == "github" and option(argv, "--format") == "sarif"]
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == option(sarif, "--output")
    # the SARIF step must not stop the job before the upload: exit status ignored, or the step allowed to fail
    sarif_step = next(step for step in steps if "--format sarif" in step.get("run", ""))
    assert "|| true" in sarif_step["run"] or sarif_step.get("continue-on-error") is True
    assert steps.index(sarif_step) < steps.index(upload)
    assert workflow["permissions"]["security-events"] == "write"
    assert annotate[-1] == sarif[-1] == "articles/"


def test_gitlab_job_shape():
    config = snippets()["gitlab"]
    (job,) = gitlab_jobs(config).values()
    (junit,) = [argv for kind, argv in COMMANDS if kind == "gitlab" and option(argv, "--format") == "junit"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == option(junit, "--output")
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
    assert {"github", "sarif", "junit"} <= formats


@pytest.mark.parametrize("kind, argv", COMMANDS, ids=[f"{k}:{' '.join(a[1:])}" for k, a in COMMANDS])
def test_snippet_command_runs(run_cli, tmp_path, kind, argv):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / SEED.name).write_bytes(SEED.read_bytes())
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
        cases = root.findall(".//testcase")
        assert [case.get("name") for case in cases] == [f"articles/{SEED.name}"]
        assert cases[0].find("failure") is not None
    elif fmt == "github":
        annotations = [line for line in content.splitlines() if line.startswith("::")]
        assert annotations, content
        # file= must be the path as given, relative to the checkout, for GitHub to place the annotation
        assert all(re.match(rf"::(error|warning|notice) file=articles/{re.escape(SEED.name)},line=\d+,", line)
                   for line in annotations), annotations
        assert any(line.startswith("::error file=") for line in annotations)
    else:
        pytest.fail(f"no check for --format {fmt} yet: add one")
