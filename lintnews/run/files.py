"""Which files a run checks: paths given, folders walked with excludes and ``.gitignore``."""

from __future__ import annotations

import os
from pathlib import Path

import pathspec

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


def collect(paths, excluded) -> tuple[list[str], list[str]]:
    """Articles to check, in a stable order, and errors for paths that do not exist.

    ``excluded(path)`` tells whether the configuration's ``exclude`` globs
    leave a path out. A file named on the command line is checked whatever
    its suffix; a folder gives its ``.txt``, ``.md`` and ``.markdown`` files.
    """
    files, errors = [], []
    for raw in paths:
        p = Path(raw)
        if raw == "-":
            files.append(raw)
        elif p.is_file():
            if not excluded(raw):
                files.append(raw)
        elif p.is_dir():
            files.extend(walk(p, excluded))
        else:
            errors.append(f"{raw}: no such file or directory")
    return list(dict.fromkeys(files)), errors


def walk(top: Path, excluded) -> list[str]:
    found = []
    ignores: list[tuple[Path, pathspec.PathSpec]] = []
    for root, dirs, names in os.walk(top):
        here = Path(root)
        ignores = [(base, spec) for base, spec in ignores if here == base or base in here.parents]
        gitignore = here / ".gitignore"
        if gitignore.is_file():
            lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
            ignores.append((here, pathspec.GitIgnoreSpec.from_lines(lines)))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _ignored(here / d, True, ignores, excluded))
        for name in sorted(names):
            path = here / name
            if (name.endswith(ARTICLE_SUFFIXES) and not name.startswith(".")
                    and not _ignored(path, False, ignores, excluded)):
                found.append(str(path))
    return found


def _ignored(path: Path, is_dir: bool, ignores, excluded) -> bool:
    """Whether a .gitignore above ``path`` or the config's exclude globs leave it out."""
    for base, spec in ignores:
        rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        if spec.match_file(rel):
            return True
    return excluded(path)
