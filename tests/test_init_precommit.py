"""`lintnews init` writes a .pre-commit-config.yaml that works as written.

The default configuration holds local hooks that run the installed
`lintnews`, so the real pre-commit runs them here offline against a
temporary git repository of articles: `pre-commit install`, then `git
commit` as a reporter would. The hosted variant (`--repo URL --rev REV`) is
run by tests/test_precommit.py, which builds pre-commit's environment from a
clone of this repository.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from lintnews.read.formats import ARTICLE_SUFFIXES
from testkit import ROOT, lintnews_command
from test_precommit import BAD, BAD_FIXED, GOOD, _clean_env, _git, _pre_commit, make_repo


def _env(tmp_path: Path) -> dict[str, str]:
    """pre-commit and git with the installed lintnews first on PATH, and pre-commit's cache in tmp."""
    bin_dir = str(Path(lintnews_command()[0]).parent)
    return _clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
                      PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""), XDG_CONFIG_HOME=str(tmp_path / "xdg"))


def test_local_hooks_mirror_the_published_hooks(run_cli, tmp_path):
    assert run_cli("init", tmp_path).returncode == 0
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (entry,) = config["repos"]
    assert entry["repo"] == "local"
    published = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    local = {h["id"]: h for h in entry["hooks"]}
    assert list(local) == ["lintnews-fix", "lintnews"]  # fix first, then report what is left
    assert set(local) == set(published)
    for hook_id, hook in local.items():
        for key in ("entry", "files", "types_or"):
            assert hook[key] == published[hook_id][key], (hook_id, key)
        assert hook["language"] == "system" and hook["require_serial"] is True
        # The hooks take every article a folder walk takes, and nothing else.
        pattern = re.compile(hook["files"])
        assert all(pattern.search("news/story" + suffix) for suffix in ARTICLE_SUFFIXES), hook_id
        assert not any(pattern.search(name) for name in ("notes.rst", "app.py", "story.txt.bak")), hook_id


def test_validates_both_ways(run_cli, tmp_path):
    pytest.importorskip("pre_commit")
    hosted_args = ("--repo", "https://git.example.org/desk/lintnews", "--rev", "v0.2.0")
    for folder, extra in ((tmp_path / "local", ()), (tmp_path / "hosted", hosted_args)):
        assert run_cli("init", folder, *extra).returncode == 0
        path = folder / ".pre-commit-config.yaml"
        proc = subprocess.run(_pre_commit() + ["validate-config", str(path)], capture_output=True, text=True,
                              timeout=60)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    hosted = yaml.safe_load((tmp_path / "hosted" / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hosted["repos"] == [{"repo": "https://git.example.org/desk/lintnews", "rev": "v0.2.0",
                                "hooks": [{"id": "lintnews-fix"}, {"id": "lintnews"}]}]


def test_repo_without_rev_is_a_one_line_error(run_cli, tmp_path):
    proc = run_cli("init", tmp_path, "--repo", "https://git.example.org/desk/lintnews")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == ("error: init: --repo and --rev go together "
                                            "(the hosted copy of lintnews and its tag or commit)")
    assert not (tmp_path / ".pre-commit-config.yaml").exists()


def test_commit_through_the_generated_hooks(run_cli, tmp_path):
    """A reporter's day: init, pre-commit install, a commit the hooks fix, then a clean commit."""
    pytest.importorskip("pre_commit")
    page = "<html><body><h1>Troops leave</h1><p>The troops were there  to keep the peace.</p></body></html>\n"
    desk = make_repo(tmp_path / "desk", {"bad.txt": BAD, "good.md": GOOD, "page.html": page})
    assert run_cli("init", desk).returncode == 0
    env = _env(tmp_path)
    install = subprocess.run(_pre_commit() + ["install"], cwd=desk, env=env, capture_output=True, text=True,
                             timeout=120)
    assert install.returncode == 0, install.stdout + install.stderr
    _git("add", "-A", cwd=desk, env=env)

    def commit(message: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "commit", "-q", "-m", message], cwd=desk, env=env, capture_output=True,
                              text=True, timeout=300)

    first = commit("Troops story")
    output = first.stdout + first.stderr
    assert first.returncode != 0, output  # the fix hook changed bad.txt
    assert "Traceback" not in output and "command not found" not in output.lower()
    assert "lintnews (fix articles)" in output and "files were modified by this hook" in output
    assert (desk / "bad.txt").read_text(encoding="utf-8") == BAD_FIXED
    assert (desk / "good.md").read_text(encoding="utf-8") == GOOD
    assert (desk / "page.html").read_text(encoding="utf-8") == page.replace("there  to", "there to")

    _git("add", "-A", cwd=desk, env=env)
    second = commit("Troops story, fixed")
    output = second.stdout + second.stderr
    assert second.returncode == 0, output
    assert "lintnews (check articles)" in output and "Passed" in output
    assert _git("log", "--format=%s", cwd=desk, env=env).split("\n")[0] == "Troops story, fixed"


def test_check_hook_blocks_a_commit_with_findings_fix_cannot_mend(run_cli, tmp_path):
    pytest.importorskip("pre_commit")
    # A warning whose fix is unsafe: the fix hook leaves it to a person, the check hook fails the commit.
    story = "Clashes in the north\n\nThe army could loose the town by Friday, officials said.\n"
    desk = make_repo(tmp_path / "desk", {"story.txt": story})
    assert run_cli("init", desk).returncode == 0
    env = _env(tmp_path)
    _git("add", "-A", cwd=desk, env=env)
    proc = subprocess.run(_pre_commit() + ["run", "--all-files"], cwd=desk, env=env, capture_output=True, text=True,
                          timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "story.txt:3:" in output and "News.LoseLoose" in output, output
    assert (desk / "story.txt").read_text(encoding="utf-8") == story
