"""The progress bar of long runs: on standard error, on a terminal, for the human formats only.

A bar is shown when all of these hold: ``--no-progress`` was not given, the
format is one a person reads (``text``, ``concise``, not ``--statistics``),
there are more than :data:`HANDFUL` articles, and standard error is a
terminal. Machine formats, pipes, files and CI logs never get one. The bar
is drawn by tqdm and cleared when the run ends, before the report.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

HANDFUL = 10  # a run of this many articles or fewer needs no bar
HUMAN_FORMATS = ("text", "concise")


def wanted(kw: dict, files: int, stream=None) -> bool:
    """Whether a run with these options over ``files`` articles shows a bar on ``stream`` (standard error)."""
    stream = sys.stderr if stream is None else stream
    if kw.get("no_progress") or kw.get("statistics") or kw.get("fmt", "text") not in HUMAN_FORMATS:
        return False
    if files <= HANDFUL:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


@contextmanager
def progress_bar(kw: dict, files: int, mode: str, stream=None):
    """A callable that advances the bar by its argument (a no-op when no bar is wanted)."""
    stream = sys.stderr if stream is None else stream
    if not wanted(kw, files, stream):
        yield None
        return
    from tqdm import tqdm  # only a run that shows a bar pays for the import

    verb = "Checking" if mode == "check" else "Fixing"
    with tqdm(total=files, desc=verb, unit="file", file=stream, leave=False, dynamic_ncols=True) as bar:
        yield bar.update
