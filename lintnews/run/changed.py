"""``--changed-since REF``: only the articles git says changed against a ref.

For a pull request or merge request over a large archive: lint the articles
the branch touched, each whole, not the 1,700 it did not. An article counts as
changed when it was added, copied, modified or renamed (git's A, C, M, R; a
deleted one is gone) between the merge base of REF and HEAD (``git diff
REF...HEAD``, what the pull request shows), or since HEAD in the working tree
(staged or not), or is new and not ignored (untracked). The paths given on the
command line still say where to look: a changed file outside them is not
checked, and ``exclude`` and ``.gitignore`` still apply.

Each path's repository is found from the path, so the command may run from
anywhere. A path outside a repository, a ref git does not know, or no merge
base (a shallow clone) is a one-line error.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    import subprocess

GIT_TIMEOUT = 120  # seconds for one git command; a diff of a huge archive takes a few


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    import subprocess  # for --changed-since only (0.0013 s of every other start)

    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT)
    except FileNotFoundError:
        raise UsageError(None, "--changed-since needs git, which is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise UsageError(cwd, f"git {args[0]} took over {GIT_TIMEOUT}s; --changed-since gave up") from None


def _message(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1].removeprefix("fatal: ").strip() if lines else f"git exited {proc.returncode}"


def _names(proc: subprocess.CompletedProcess, top: str, what: str) -> set[str]:
    if proc.returncode != 0:
        raise UsageError(top, f"--changed-since: git could not list the {what}: {_message(proc)}")
    names = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    return {os.path.realpath(os.path.join(top, name)) for name in names if name}


def toplevel(path: str) -> str:
    """The top folder of the git repository that holds ``path``."""
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(path, "no such file or folder")
    proc = _git(["rev-parse", "--show-toplevel"], folder)
    if proc.returncode != 0:
        raise UsageError(path, "not in a git repository; --changed-since compares against a git ref")
    return os.path.realpath(proc.stdout.decode("utf-8", "surrogateescape").strip())


def changed_files(top: str, ref: str) -> set[str]:
    """Real paths of the files added, copied, modified or renamed since ``ref`` (merge base), in the
    working tree, or new and not ignored, in the repository at ``top``."""
    if ref.startswith("-") or not ref.strip():
        raise UsageError(None, f"--changed-since: {ref!r} is not a git revision")
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top).returncode != 0:
        raise UsageError(top, f"--changed-since: unknown git revision {ref!r} (for a remote branch in CI, "
                              "fetch it: actions/checkout with fetch-depth: 0, or git fetch origin BRANCH)")
    base = _git(["merge-base", ref, "HEAD"], top)
    if base.returncode != 0:
        raise UsageError(top, f"--changed-since: {ref!r} and HEAD have no common history "
                              "(a shallow clone? fetch the whole history: fetch-depth: 0)")
    diff = ["diff", "--name-only", "-z", "--diff-filter=ACMR", "-M", "--no-ext-diff"]
    found = _names(_git([*diff, f"{ref}...HEAD", "--"], top), top, f"files changed since {ref}")
    found |= _names(_git([*diff, "HEAD", "--"], top), top, "files changed in the working tree")
    found |= _names(_git(["ls-files", "-z", "--others", "--exclude-standard"], top), top, "untracked files")
    return found


def only_changed(files: list[str], paths, ref: str) -> list[str]:
    """``files`` (collected from ``paths``) that changed since ``ref``; standard input (-) always stays."""
    changed: set[str] = set()
    tops: set[str] = set()
    for path in paths:
        if path == "-" or not os.path.exists(path):  # a missing path is the collector's error
            continue
        top = toplevel(path)
        if top not in tops:
            tops.add(top)
            changed |= changed_files(top, ref)
    return [f for f in files if f == "-" or os.path.realpath(f) in changed]
