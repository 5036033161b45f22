"""action.yml, the composite GitHub Action: its shape, the published schema, and its steps run for real.

The steps' shell scripts are run by bash here as a runner would run them: the
`${{ ... }}` expressions in each step's `env` are filled in from the inputs and
the earlier steps' outputs, `$GITHUB_OUTPUT` and `$GITHUB_STEP_SUMMARY` are
files. The install step builds a virtual environment and pip-installs this
checkout into it (about 25 s), once for the module.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from testkit import ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step["id"]: step for step in ACTION["runs"]["steps"]}
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")

ARTICLE = "Troops leave northern Syria\n\nThe the troops left on Monday, the ministry said.\n"


def test_action_matches_the_published_schema(tmp_path):
    pytest.importorskip("check_jsonschema")
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-actions",
                           str(ROOT / "action.yml")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_action_shape():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) >= {"paths", "args", "python-version", "fail-on", "changed-since", "sarif-file"}
    python = STEPS["python"]
    assert python["uses"].startswith("actions/setup-python@")
    assert python["with"]["python-version"] == "${{ inputs.python-version }}"
    assert python["with"]["update-environment"] is False  # the job's own Python stays as it was
    assert "${{ github.action_path }}" in STEPS["install"]["env"].values()
    assert "--format github" in STEPS["check"]["run"]
    # Inputs reach the scripts through env only: an input is never pasted into shell code.
    for step in ACTION["runs"]["steps"]:
        assert not EXPRESSION.search(step.get("run", "")), step["id"]


def fill(value: str, context: dict) -> str:
    def one(m):
        expr = m.group(1)
        assert expr in context, f"the test does not know the expression {expr!r}"
        return context[expr]
    return EXPRESSION.sub(one, str(value))


def run_step(step_id: str, context: dict, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    step = STEPS[step_id]
    output = cwd.parent / f"output-{step_id}"
    output.write_text("", encoding="utf-8")
    step_env = {k: fill(v, context) for k, v in step.get("env", {}).items()}
    full = {**env, **step_env, "GITHUB_OUTPUT": str(output)}
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=full, capture_output=True, text=True,
                          timeout=300)
    for line in output.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        context[f"steps.{step_id}.outputs.{key}"] = value
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The context after the install step ran (setup-python's output stood in for by this Python)."""
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    runner_temp = tmp_path_factory.mktemp("runner-temp")
    context = {"github.action_path": str(ROOT),
               "steps.python.outputs.python-path": sys.executable}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINTNEWS_", "GITHUB_", "VIRTUAL_ENV"))}
    env.update(RUNNER_TEMP=str(runner_temp), NO_COLOR="1")
    proc = run_step("install", context, runner_temp, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert Path(context["steps.install.outputs.python"]).exists()
    return context, env


def action_run(installed, tmp_path, **inputs):
    context, env = installed
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True, exist_ok=True)
    for i in range(12):
        (site / "articles" / f"story-{i:02}.md").write_text(ARTICLE, encoding="utf-8")
    defaults = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    context = {**context, **{f"inputs.{k}": v for k, v in {**defaults, **inputs}.items()}}
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    env = {**env, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(site)}
    results = {}
    for step_id in ("sarif", "check"):
        if step_id == "sarif" and not context["inputs.sarif-file"]:
            continue
        results[step_id] = run_step(step_id, context, site, env)
    return results, summary.read_text(encoding="utf-8"), site


def test_the_action_annotates_and_writes_the_summary(installed, tmp_path):
    results, summary, _ = action_run(installed, tmp_path, paths="articles/")
    check = results["check"]
    assert check.returncode == 1, check.stderr
    annotations = [line for line in check.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 12
    assert all(line.startswith("::notice file=articles/story-") for line in annotations)
    assert "| News.DoubledWord | 0 | 0 | 12 | 12 |" in summary
    assert "### 2 findings without an annotation" in summary
    assert "articles/story-10.md:3" in summary and "articles/story-11.md:3" in summary
    assert "articles/story-09.md:3" not in summary  # annotated: not repeated


def test_the_action_inputs(installed, tmp_path):
    results, _, site = action_run(installed, tmp_path, paths="articles/", **{"fail-on": "warning",
                                                                              "sarif-file": "lintnews.sarif",
                                                                              "args": "--select News.DoubledWord"})
    assert results["check"].returncode == 0, results["check"].stderr  # suggestions only, fail-on warning
    assert results["sarif"].returncode == 0
    sarif = json.loads((site / "lintnews.sarif").read_text(encoding="utf-8"))
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"News.DoubledWord"}


def test_an_error_fails_the_step_with_one_line(installed, tmp_path):
    results, _, _ = action_run(installed, tmp_path, paths="nowhere/")
    assert results["check"].returncode == 2
    assert "error: nowhere/" in results["check"].stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_action_checks_only_what_the_pull_request_changed(installed, tmp_path):
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    for i in range(12):
        (site / "articles" / f"story-{i:02}.md").write_text(ARTICLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}

    def git(*args):
        subprocess.run(["git", "-c", "user.name=desk", "-c", "user.email=desk@example.invalid", "-c",
                        "commit.gpgsign=false", *args], cwd=site, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "archive")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    git("checkout", "-q", "-b", "story")
    (site / "articles" / "new.md").write_text(ARTICLE, encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "new story")
    results, summary, _ = action_run(installed, tmp_path, paths="articles/", **{"changed-since": "origin/main"})
    annotations = [line for line in results["check"].stdout.splitlines() if line.startswith("::")]
    assert [line.split(",")[0] for line in annotations] == ["::notice file=articles/new.md"]
    assert "in 1 of 1 article checked" in summary


def test_the_summary_names_errors_and_does_not_call_the_run_clean(installed, tmp_path):
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "articles" / "broken.md").write_bytes(b"Troops\n\n\xff\xfe not UTF-8\n")
    results, summary, _ = action_run(installed, tmp_path, paths="articles/broken.md")
    assert results["check"].returncode == 2
    assert "**1 error**" in summary and "articles/broken.md" in summary
    assert "All clean" not in summary
