"""What ``lintnews init`` writes for pre-commit: a configuration that runs as written.

lintnews has no public address, so by default the hooks are ``repo: local``
hooks that run the ``lintnews`` installed where the commit is made
(``language: system``): nothing is fetched, and no placeholder URL or tag is
left to fill in. With ``--repo URL --rev REV`` the configuration points at a
hosted copy instead, and pre-commit installs lintnews from it (the hooks of
``.pre-commit-hooks.yaml`` at the top of the repository).

The local hooks mirror ``.pre-commit-hooks.yaml`` (same ids, entries and
files); ``tests/test_init_precommit.py`` keeps the two the same.
"""

from __future__ import annotations

import re

# Every suffix a folder walk reads (read/formats.py ARTICLE_SUFFIXES): Markdown, text, HTML.
FILES = r"\.(txt|md|markdown|html?|xhtml)$"
HOOKS = (
    # (id, name, entry, comment)
    ("lintnews-fix", "lintnews (fix articles)", "lintnews fix --exit-non-zero-on-fix --fixes-only",
     "applies safe fixes and lists them; fails when it changed a file (stage it, commit again)"),
    ("lintnews", "lintnews (check articles)", "lintnews check",
     "reports what is left; fails on findings at or above fail-on"),
)

_HEADER = """\
# pre-commit hooks for lintnews: `pre-commit install` once, then every `git commit`
# runs them on the staged articles; `pre-commit run --all-files` runs them on all.
"""


def pre_commit_config(repo: str | None = None, rev: str | None = None) -> str:
    """The text of a .pre-commit-config.yaml: local hooks, or hooks from ``repo`` at ``rev``."""
    if repo:
        lines = [_HEADER.rstrip("\n"),
                 "# pre-commit installs lintnews from this repository at this tag or commit.",
                 "repos:", f"  - repo: {_scalar(repo)}", f"    rev: {_scalar(rev or '')}", "    hooks:"]
        lines += [f"      - id: {hook_id}   # {comment}" for hook_id, _, _, comment in HOOKS]
        return "\n".join(lines) + "\n"
    lines = [_HEADER.rstrip("\n"),
             "# They run the lintnews installed where you commit (see the lintnews README, \"Installing",
             "# a release\"); `lintnews init --repo URL --rev TAG` writes hooks that pre-commit installs",
             "# from a hosted copy of lintnews instead.",
             "repos:", "  - repo: local", "    hooks:"]
    for hook_id, name, entry, comment in HOOKS:
        lines += [f"      - id: {hook_id}   # {comment}",
                  f"        name: {name}",
                  f"        entry: {entry}",
                  "        language: system",
                  "        types_or: [text, markdown, html]",
                  f"        files: {FILES}",
                  "        require_serial: true   # lintnews checks files in parallel itself"]
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when it is safe, else double-quoted."""
    if re.fullmatch(r"[A-Za-z0-9_./:@~+-]+", text) and not text.startswith(("@", "-", ":")):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
