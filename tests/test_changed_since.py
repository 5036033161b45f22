"""--changed-since REF: only the articles a branch changed, each linted whole, in a real git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

DOUBLED = "Troops leave northern Syria\n\nThe the troops left on Monday, the ministry said.\n"
DOUBLED_FIXED = "Troops leave northern Syria\n\nThe troops left on Monday, the ministry said.\n"
CLEAN = "Ferry resumes service\n\nThe ferry sailed on Tuesday, the port authority said.\n"


def git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=desk", "-c", "user.email=desk@example.invalid", "-c", "commit.gpgsign=false",
        "commit", "-q", "-m", message)


@pytest.fixture
def archive(tmp_path) -> Path:
    """An archive on `main` with an old article that has a finding, and a branch `story` off it."""
    repo = tmp_path / "site"
    (repo / "articles").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (repo / "articles" / "old.md").write_text(DOUBLED, encoding="utf-8")
    (repo / "articles" / "clean.md").write_text(CLEAN, encoding="utf-8")
    (repo / "notes").mkdir()
    commit(repo, "archive")
    git(repo, "checkout", "-q", "-b", "story")
    return repo


def names(proc) -> list[str]:
    return sorted({line.split(":", 1)[0] for line in proc.stdout.decode().splitlines() if ":" in line})


def test_only_articles_the_branch_changed_are_checked(run_cli, archive):
    (archive / "articles" / "new.md").write_text(DOUBLED.replace("Monday", "Friday"), encoding="utf-8")
    commit(archive, "new story")
    proc = run_cli("check", "--format", "concise", "--changed-since", "main", "articles/", cwd=archive)
    assert proc.returncode == 1, proc.stderr.decode()
    assert names(proc) == ["articles/new.md"]  # old.md's finding is not the branch's
    # The whole article is checked, not only its changed lines.
    (archive / "articles" / "new.md").write_text(DOUBLED.replace("Monday", "Friday") + "\nA line added.\n",
                                                 encoding="utf-8")
    proc = run_cli("check", "--format", "concise", "--changed-since", "main", "articles/", cwd=archive)
    assert "articles/new.md:3:1: suggestion: News.DoubledWord" in proc.stdout.decode()


def test_renamed_modified_staged_and_untracked_count_deleted_does_not(run_cli, archive):
    git(archive, "mv", "articles/old.md", "articles/renamed.md")
    commit(archive, "rename")
    (archive / "articles" / "clean.md").write_text(DOUBLED.replace("troops", "ferries"), encoding="utf-8")
    (archive / "articles" / "draft.md").write_text(DOUBLED, encoding="utf-8")  # untracked
    proc = run_cli("check", "--format", "concise", "--changed-since", "main", "articles/", cwd=archive)
    assert names(proc) == ["articles/clean.md", "articles/draft.md", "articles/renamed.md"]

    git(archive, "rm", "-q", "articles/renamed.md")
    proc = run_cli("check", "--format", "concise", "--changed-since", "main", "articles/", cwd=archive)
    assert names(proc) == ["articles/clean.md", "articles/draft.md"]


def test_paths_given_still_limit_the_check(run_cli, archive):
    (archive / "notes" / "memo.md").write_text(DOUBLED, encoding="utf-8")
    (archive / "articles" / "new.md").write_text(DOUBLED, encoding="utf-8")
    commit(archive, "two files")
    proc = run_cli("check", "--format", "concise", "--changed-since", "main", "articles/", cwd=archive)
    assert names(proc) == ["articles/new.md"]
    # From inside a subfolder, paths stay relative to where the command runs.
    proc = run_cli("check", "--format", "concise", "--changed-since", "main", ".", cwd=archive / "notes")
    assert names(proc) == ["memo.md"]


def test_nothing_changed_is_clean_and_says_so(run_cli, archive):
    proc = run_cli("check", "--changed-since", "main", "articles/", cwd=archive)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "No articles changed since main." in proc.stdout.decode()


def test_fix_touches_only_changed_articles(run_cli, archive):
    (archive / "articles" / "new.md").write_text(DOUBLED, encoding="utf-8")
    commit(archive, "new story")
    proc = run_cli("fix", "--changed-since", "main", "articles/", cwd=archive)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    assert (archive / "articles" / "new.md").read_text(encoding="utf-8") == DOUBLED_FIXED
    assert (archive / "articles" / "old.md").read_text(encoding="utf-8") == DOUBLED  # not the branch's


@pytest.mark.parametrize("case, expected", [
    ("unknown ref", "unknown git revision 'origin/nope'"),
    ("not a repository", "not in a git repository"),
    ("no common history", "have no common history"),
])
def test_errors_are_one_line_exit_2(run_cli, archive, tmp_path, case, expected):
    ref, where = "origin/nope", archive
    if case == "not a repository":
        where = tmp_path / "loose"
        (where / "articles").mkdir(parents=True)
        (where / "articles" / "a.md").write_text(DOUBLED, encoding="utf-8")
        ref = "main"
    elif case == "no common history":
        git(archive, "checkout", "-q", "--orphan", "unrelated")
        commit(archive, "unrelated history")
        ref = "main"
    proc = run_cli("check", "--changed-since", ref, "articles/", cwd=where)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], stderr
    assert "Traceback" not in stderr
