"""The hooks in .pre-commit-hooks.yaml, run by the real `pre-commit try-repo`.

Each try-repo call clones this repository, builds a virtualenv and
pip-installs lintnews into it (about 10-15 s; try-repo always uses a
throwaway store, so nothing is reused between calls). PRE_COMMIT_HOME still
points at a session temporary folder so that pre-commit never writes to the
user's cache.

try-repo installs the repository's HEAD plus changes to tracked files; it
ignores untracked ones. In a clean clone (CI) the test runs try-repo on the
repository root itself. In a working tree that has untracked files (a module
being written, a new test) it runs try-repo on a snapshot of the working
tree instead, committed once per session, so that it installs the same code
the rest of the suite tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from testkit import ROOT

BAD = "A headline about troops\n\nThe the troops left.\n"
BAD_FIXED = "A headline about troops\n\nThe troops left.\n"
GOOD = "A headline about troops\n\nThe troops left on Monday, the ministry said.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _clean_env(**extra) -> dict[str, str]:
    """The environment without GIT_* variables (pytest may run inside a git hook)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(NO_COLOR="1", PRE_COMMIT_COLOR="never", **extra)
    return env


def _git(*args, cwd, env=None) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, env=env or _clean_env(), capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, f"git {' '.join(args)} failed:\n{proc.stdout}{proc.stderr}"
    return proc.stdout


def _pre_commit() -> list[str]:
    script = Path(sys.executable).with_name("pre-commit")
    if script.exists():
        return [str(script)]
    pytest.importorskip("pre_commit", reason="pre-commit is not installed: pip install '.[test]'")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="session")
def hooks_repo(tmp_path_factory) -> Path:
    """The repository for try-repo: the root in a clean clone, else a snapshot of the working tree."""
    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=ROOT, env=_clean_env(),
                            capture_output=True, text=True)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        pytest.skip("not a git checkout (try-repo needs one)")
    untracked = _git("ls-files", "--others", "--exclude-standard", "-z", cwd=ROOT)
    if not untracked:
        return ROOT
    return _snapshot(tmp_path_factory.mktemp("lintnews-snapshot"))


def _snapshot(snapshot: Path) -> Path:
    """The working tree (tracked and untracked files, as they are now) committed in a new repository."""
    listed = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT)
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = ROOT / name
        if not source.is_file():  # deleted in the working tree
            continue
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    env = _clean_env()
    _git("init", "-q", cwd=snapshot, env=env)
    _git("add", "-A", cwd=snapshot, env=env)
    _git("-c", "user.name=lintnews tests", "-c", "user.email=tests@lintnews.invalid", "-c", "commit.gpgsign=false",
         "commit", "-q", "-m", "working tree snapshot", cwd=snapshot, env=env)
    return snapshot


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def try_repo(hooks_repo, pre_commit_home):
    def run(hook_id: str | None, cwd: Path) -> subprocess.CompletedProcess:
        """One hook, or (None) every hook in .pre-commit-hooks.yaml's order."""
        proc = subprocess.run(
            _pre_commit() + ["try-repo", str(hooks_repo), *([hook_id] if hook_id else []), "--all-files",
                             "--verbose"],
            cwd=cwd, env=_clean_env(PRE_COMMIT_HOME=str(pre_commit_home)), capture_output=True, text=True,
            timeout=300,
        )
        proc.output = proc.stdout + proc.stderr
        # A broken environment (pip failing, an import error in lintnews) must not pass as "findings".
        assert "An unexpected error has occurred" not in proc.output, proc.output
        if "Traceback" in proc.output:
            last = [line for line in proc.output.splitlines() if line.strip()][-1]
            pytest.fail(f"the hook crashed in the environment pre-commit built from {hooks_repo}: {last}\n"
                        "(a runtime dependency missing from pyproject.toml's `dependencies`?)\n\n" + proc.output)
        return proc
    return run


def make_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    _git("init", "-q", cwd=path)
    _git("config", "user.name", "lintnews tests", cwd=path)
    _git("config", "user.email", "tests@lintnews.invalid", cwd=path)
    _git("config", "commit.gpgsign", "false", cwd=path)
    for name, text in files.items():
        (path / name).write_bytes(text.encode("utf-8"))
    _git("add", *files, cwd=path)
    return path


def test_check_hook_fails_on_bad_article_and_names_it(try_repo, tmp_path):
    repo = make_repo(tmp_path / "desk", {"bad.txt": BAD, "good.txt": GOOD})
    proc = try_repo("lintnews", repo)
    assert proc.returncode == 1, proc.output
    assert "Failed" in proc.output
    assert "bad.txt:3:1: suggestion: News.DoubledWord" in proc.output
    assert "good.txt:" not in proc.output
    # check never writes
    assert (repo / "bad.txt").read_bytes() == BAD.encode()


def test_check_hook_passes_on_good_article(try_repo, tmp_path):
    repo = make_repo(tmp_path / "desk", {"good.txt": GOOD})
    proc = try_repo("lintnews", repo)
    assert proc.returncode == 0, proc.output
    assert "Passed" in proc.output
    assert "All clean" in proc.output  # --verbose shows the hook's own output


def test_fix_hook_rewrites_bad_article_then_passes(try_repo, tmp_path):
    repo = make_repo(tmp_path / "desk", {"bad.txt": BAD, "good.txt": GOOD})
    first = try_repo("lintnews-fix", repo)
    assert first.returncode == 1, first.output
    assert "files were modified by this hook" in first.output
    assert "bad.txt:3:1: News.DoubledWord fixed: " in first.output  # what it changed: file, line, rule
    assert (repo / "bad.txt").read_bytes() == BAD_FIXED.encode()
    assert (repo / "good.txt").read_bytes() == GOOD.encode()

    second = try_repo("lintnews-fix", repo)
    assert second.returncode == 0, second.output
    assert "Passed" in second.output
    assert (repo / "bad.txt").read_bytes() == BAD_FIXED.encode()
    assert (repo / "good.txt").read_bytes() == GOOD.encode()


def test_hooks_keep_a_results_cache_git_never_sees(try_repo, tmp_path):
    repo = make_repo(tmp_path / "desk", {"bad.txt": BAD, "good.txt": GOOD})
    assert try_repo("lintnews-fix", repo).returncode == 1
    check = try_repo("lintnews", repo)
    assert check.returncode == 0 and "All clean: no findings in 2 files." in check.output
    cache = repo / ".lintnews_cache"
    assert len(list(cache.glob("v*/*/*.json"))) >= 2  # the fixed bad.txt and good.txt
    assert _git("status", "--porcelain", "--untracked-files=all", cwd=repo).splitlines() == ["AM bad.txt", "A  good.txt"]

# "12.500" could be 12,500 or 12.5: the fix is unsafe, so the fix hook leaves it for a person.
UNFIXABLE = "A headline about the town\n\nThe town fund holds €12.500.\n"


def test_fix_hook_passes_when_it_changed_nothing_even_with_findings_left(try_repo, tmp_path):
    repo = make_repo(tmp_path / "desk", {"town.txt": UNFIXABLE})
    proc = try_repo("lintnews-fix", repo)
    assert proc.returncode == 0, proc.output
    assert "Passed" in proc.output
    assert "News.ThousandsSeparator" not in proc.output  # the check hook's to report
    assert (repo / "town.txt").read_bytes() == UNFIXABLE.encode()


def test_readme_config_fix_then_check_reports_each_finding_once(pre_commit_home, tmp_path_factory, tmp_path):
    """The README's .pre-commit-config.yaml, pointed at this code: the fix hook lists what it fixed, the
    check hook after it sees the fixed files and reports only what is left; nothing is said twice."""
    from test_ci_snippets import snippets

    hooks = _snapshot(tmp_path_factory.mktemp("lintnews-hooks"))
    config = snippets()["pre-commit"]
    config["repos"][0].update(repo=str(hooks), rev=_git("rev-parse", "HEAD", cwd=hooks).strip())
    repo = make_repo(tmp_path / "desk", {"bad.txt": BAD, "town.txt": UNFIXABLE, "good.txt": GOOD,
                                         ".pre-commit-config.yaml": yaml.safe_dump(config, sort_keys=False)})
    proc = subprocess.run(_pre_commit() + ["run", "--all-files", "--verbose"], cwd=repo,
                          env=_clean_env(PRE_COMMIT_HOME=str(pre_commit_home)), capture_output=True, text=True,
                          timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    fix_at = output.index("lintnews (fix articles)")
    check_at = output.index("lintnews (check articles)")
    assert fix_at < check_at, "the fix hook runs first"
    assert output.count("bad.txt:3:1:") == 1, output  # fixed and listed, not reported again
    assert "bad.txt:3:1: News.DoubledWord fixed" in output[fix_at:check_at]
    assert output.count("town.txt:3:") == 1, output  # left, reported once, by the check hook
    assert "town.txt:3:" in output[check_at:]
def test_init_with_repo_and_rev_runs_the_hosted_hooks(hooks_repo, pre_commit_home, tmp_path):
    """`lintnews init --repo URL --rev REV`: pre-commit installs lintnews from that copy and runs it."""
    lintnews = Path(sys.executable).with_name("lintnews")
    rev = _git("rev-parse", "HEAD", cwd=hooks_repo).strip()
    repo = make_repo(tmp_path / "desk", {"bad.txt": BAD})
    init = subprocess.run([str(lintnews), "init", "--repo", str(hooks_repo), "--rev", rev], cwd=repo,
                          capture_output=True, text=True, timeout=60)
    assert init.returncode == 0, init.stderr
    _git("add", "-A", cwd=repo)
    proc = subprocess.run(_pre_commit() + ["run", "--all-files"], cwd=repo,
                          env=_clean_env(PRE_COMMIT_HOME=str(pre_commit_home)), capture_output=True, text=True,
                          timeout=600)
    output = proc.stdout + proc.stderr
    assert "An unexpected error has occurred" not in output and "Traceback" not in output, output
    assert proc.returncode == 1, output
    assert "files were modified by this hook" in output
    assert (repo / "bad.txt").read_bytes() == BAD_FIXED.encode()
