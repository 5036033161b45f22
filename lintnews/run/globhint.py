"""A hint for a ``per-path`` or ``exclude`` glob that matches no article only because it is anchored.

Globs work as in ``.gitignore``, relative to the configuration's folder, so
``wire/**`` in a site whose articles sit in ``content/wire/`` matches
nothing, silently. When a section's glob matches none of the articles a run
checks under that configuration, but would match some of them a folder or
more further down, one warning per glob names the glob that would
(``content/wire/**``). An ``exclude`` glob is judged the same way on the
articles it let through: ``drafts/**`` leaves ``content/drafts/d.md`` in.
A glob that starts with ``/`` is anchored on purpose and gets no hint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .config import glob_spec


def _matches(glob: str, relative: str) -> bool:
    return glob_spec((glob,)).match_file(relative)  # compiled once per glob, not per file


def _deeper(glob: str, relative: str) -> str | None:
    """``glob`` with the folders of ``relative`` before it that make it match, or None."""
    parts = relative.split("/")[:-1]
    for n in range(1, len(parts) + 1):
        candidate = "/".join(parts[:n]) + "/" + glob
        if _matches(candidate, relative):
            return candidate
    return None


def anchored_globs(files: Iterable[str], settings_for: Callable) -> list[str]:
    """One warning per ``per-path`` or ``exclude`` glob that matches none of ``files`` but would further down."""
    checked: dict[int, tuple[object, list[str]]] = {}
    for path in files:
        if path == "-":
            continue
        for settings in settings_for(path).chain():
            if settings.per_path or settings.exclude:
                checked.setdefault(id(settings), (settings, []))[1].append(settings.relative(path))
    out = []
    for settings, relatives in checked.values():
        globs = [("per-path", g) for section in settings.per_path for g in (section.patterns or (section.pattern,))]
        globs += [("exclude", g) for g in settings.exclude]
        for key, glob in globs:
            if glob.startswith("/") or any(_matches(glob, r) for r in relatives):
                continue
            better = next(filter(None, (_deeper(glob, r) for r in relatives)), None)
            if better is not None:
                out.append(f"{settings.source}: {key} '{glob}' matches none of the articles checked: globs "
                           f"are relative to the configuration's folder, as in .gitignore; did you mean "
                           f"'{better}' (or '**/{glob}', at any depth)?")
    return out
