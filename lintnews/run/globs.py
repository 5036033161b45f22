"""Globs (``exclude``, ``per-path``, ``.gitignore`` lines) that can be matched in bounded time."""

from __future__ import annotations

# Globs are matched by pathspec through Python's re, which has no timeout, and each '*' within one
# path segment multiplies the ways a long name can be tried: four take 15 s on a 250-letter name,
# five run for hours. No real glob comes near the bounds; a hostile one is refused.
MAX_GLOB_STARS = 3  # '*' in one path segment
MAX_GLOBSTARS = 4  # '**' segments in one glob


def costly_glob(glob: str) -> bool:
    """Whether a glob has too many wildcards to match a path in bounded time (also for .gitignore lines)."""
    segments = glob.split("/")
    return any(s.count("*") > MAX_GLOB_STARS for s in segments if s != "**") or segments.count("**") > MAX_GLOBSTARS


def checked_glob(fail, key: str, glob: str) -> str:
    """``glob``, or ``fail(problem)`` when it could not be matched in bounded time."""
    if costly_glob(glob):
        fail(f"key '{key}': glob {glob[:80]!r} has too many wildcards to match in bounded time "
             f"(at most {MAX_GLOB_STARS} '*' in one path segment and {MAX_GLOBSTARS} '**')")
    return glob
