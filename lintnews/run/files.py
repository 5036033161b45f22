"""Which files a run checks: paths given, folders walked with excludes and ``.gitignore``.

Only regular files are read. A folder walk leaves out FIFOs, devices and
sockets (reading one could block for ever or never end), links that lead
out of the folder, broken links and link loops, each with a one-line
warning; links to folders are not followed, so the walk cannot loop. An
unreadable folder or ``.gitignore`` is an error for that entry while the
rest is checked. A file reached twice (through a link) is checked once.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..read.formats import ARTICLE_SUFFIXES, unsupported
from .globs import costly_glob

if TYPE_CHECKING:  # imported where a .gitignore is read (see _gitignore)
    import pathspec


@dataclass
class Collected:
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the run exits 2, after checking the rest
    warnings: list[str] = field(default_factory=list)  # entries left out on purpose
    _real: set[str] = field(default_factory=set)

    def add(self, path: str, real: str) -> None:
        if real not in self._real:
            self._real.add(real)
            self.files.append(path)


def collect(paths, excluded, suffixes: tuple[str, ...] = ARTICLE_SUFFIXES) -> Collected:
    """Articles to check, in a stable order, with errors and warnings for entries left out.

    ``excluded(path)`` tells whether the configuration's ``exclude`` globs
    leave a path out. A file named on the command line is checked whatever
    its suffix, but for a format lintnews does not read (reStructuredText,
    AsciiDoc, source code...: an error naming it, see :mod:`lintnews.read.formats`);
    a folder gives its ``.txt``, ``.md``, ``.markdown``, ``.html``, ``.htm``
    and ``.xhtml`` files (or those ``suffixes`` name).
    """
    out = Collected()
    for raw in paths:
        if raw == "-":
            out.files.append(raw)
            continue
        kind, problem = _kind(raw)
        if kind == "dir":
            walk(Path(raw), excluded, out, suffixes)
        elif kind == "file" and unsupported(raw) and not excluded(raw):
            out.errors.append(f"{raw}: format not supported ({unsupported(raw)})")
        elif kind == "file":
            if not excluded(raw):
                out.add(raw, os.path.realpath(raw))
        elif kind in ("missing", "dead link"):  # named, it cannot be checked: an error
            out.errors.append(f"{raw}: {problem}")
        else:
            out.warnings.append(f"{raw}: {problem}; skipped")
    return out


def _kind(path: str) -> tuple[str, str]:
    """("file" | "dir" | "missing" | "dead link" | "special", why) for one path, following links."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "dead link", "symbolic link loop"
        if os.path.islink(path):
            return "dead link", "broken symbolic link"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "missing", "no such file or directory"
        return "missing", f"cannot read: {exc.strerror or exc}"
    if stat.S_ISDIR(st.st_mode):
        return "dir", ""
    if stat.S_ISREG(st.st_mode):
        return "file", ""
    return "special", f"not a regular file ({_special_name(st.st_mode)})"


def _special_name(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def walk(top: Path, excluded, out: Collected, suffixes: tuple[str, ...] = ARTICLE_SUFFIXES) -> None:
    """Add the articles under ``top`` to ``out``, with its warnings and errors."""
    root_real = os.path.realpath(top)
    ignores: list[tuple[Path, pathspec.PathSpec]] = []

    def unreadable(exc: OSError) -> None:
        out.errors.append(f"{exc.filename or top}: cannot read folder: {exc.strerror or exc}")

    for root, dirs, names in os.walk(top, onerror=unreadable):
        here = Path(root)
        ignores = [(base, spec) for base, spec in ignores if here == base or base in here.parents]
        spec = _gitignore(here / ".gitignore", out)
        if spec is not None:
            ignores.append((here, spec))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(here / d)
                         and not _ignored(here / d, True, ignores, excluded))
        for name in sorted(names):
            if not name.endswith(suffixes) or name.startswith("."):
                continue
            path = here / name
            kind, problem = _kind(str(path))
            if kind == "missing":
                out.errors.append(f"{path}: {problem}")
                continue
            if kind != "file":
                out.warnings.append(f"{path}: {problem}; skipped")
                continue
            real = os.path.realpath(path)
            if real != root_real and not real.startswith(root_real.rstrip(os.sep) + os.sep):
                out.warnings.append(f"{path}: a link to a file outside {top}; skipped")
                continue
            if not _ignored(path, False, ignores, excluded):
                out.add(str(path), real)


def _gitignore(path: Path, out: Collected) -> pathspec.PathSpec | None:
    """The patterns of one ``.gitignore``; a line git would not accept is left out, with a warning."""
    if not os.path.isfile(path):
        return None
    import pathspec  # imported at the first .gitignore: 0.014 s of a start that reads none
    try:
        with open(path, "rb") as handle:
            lines = handle.read().decode("utf-8", errors="replace").splitlines()
    except OSError as exc:
        out.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        return None
    costly = [n for n, line in enumerate(lines, 1) if costly_glob(line.strip())]
    for number in costly:
        out.warnings.append(f"{path}:{number}: too many wildcards to match in bounded time; line ignored")
    lines = [line if n not in costly else "" for n, line in enumerate(lines, 1)]
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # noqa: BLE001 - pathspec raises several types for a bad line
        good = []
    for number, line in enumerate(lines, 1):
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except Exception:  # noqa: BLE001
            out.warnings.append(f"{path}:{number}: not a valid pattern ({line!r}); line ignored")
            continue
        good.append(line)
    return pathspec.GitIgnoreSpec.from_lines(good)


def _ignored(path: Path, is_dir: bool, ignores, excluded) -> bool:
    """Whether a .gitignore above ``path`` or the config's exclude globs leave it out."""
    for base, spec in ignores:
        rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        if spec.match_file(rel):
            return True
    return excluded(path)
