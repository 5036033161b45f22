"""Articles checked in parallel: worker processes forked from the session, fed in small chunks.

What makes ``--jobs`` scale:

- The parent builds every linter the articles need and runs each once over
  a short sample article (:func:`warm`) before the workers are forked, so
  the rules, the word lists and the data their kinds load on first use
  (lexicon, bigram counts, tagger weights) are loaded once and shared by
  the forked workers, not loaded again by each.
- Articles go to the workers in chunks that shrink as the run nears its end
  (:func:`chunk_sizes`): large at first, so the parent hands out and takes
  back few messages (with chunks of 8 that cost the parent 0.09 s of CPU
  over 1,000 articles, with these 0.05 s), and small at the end, so a worker
  that drew long articles does not leave the other idle.
- The largest articles go out first (:func:`largest_first`): the run ends on
  small ones, so the workers finish together, and copies of one article
  (the same size) go out side by side, mostly to the same worker, which
  meets the second copy with its words and sentences already judged.
- Results come back in the order of the articles whatever the order they
  finished in.
"""

from __future__ import annotations

import gc
import os

from ..errors import LintnewsError
from ..read.markdown import is_markdown

MAX_CHUNK = 64  # articles a worker takes at a time, at most (at the start of a long run)
MIN_CHUNK = 2  # ... and at least (at its end)
MAX_WARMED = 8  # distinct linters warmed before the fork; any others load in the workers

# Short, but enough to make every kind load what it loads on first use: Markdown and plain
# text, a title, quotations, a confusable word, a misspelling, figures, a date, a link.
SAMPLE = """\
# Council approves budget for new bridge

The city council voted 7-2 on Tuesday to approve a $4.5 million budget for the
new bridge, officials said. "Its a good day for the city," said Mayor Jane
Smith, 54, who has pushed for the project since 2019. Critics said the the
goverment had ignored there concerns about traffic, according to a report.

* The bridge will open in March 2026, more then a year late.
* Read more at https://example.com/news.
"""

_SESSION = None  # the session the forked workers run (set in the parent before the fork)


def _work(path: str, mode: str):
    assert _SESSION is not None
    return _SESSION.process(path, mode)


def _work_chunk(paths: list[str], mode: str) -> list:
    return [_work(path, mode) for path in paths]


def chunk_sizes(count: int, jobs: int) -> list[int]:
    """How many articles each chunk takes, in order: an eighth of what is left for each worker's share
    (between MIN_CHUNK and MAX_CHUNK), so the chunks shrink towards the end of the run."""
    sizes, left = [], count
    while left > 0:
        size = min(left, max(MIN_CHUNK, min(MAX_CHUNK, left // (jobs * 4))))
        sizes.append(size)
        left -= size
    return sizes


def largest_first(paths: list[str]) -> list[str]:
    """``paths`` by size, largest first (ties in their order; a path that cannot be read last, where
    the worker reports it)."""
    def size(path: str) -> int:
        try:
            return os.stat(path).st_size
        except OSError:
            return -1
    sizes = {path: size(path) for path in paths}
    return sorted(paths, key=lambda path: -sizes[path])


def warm(session, paths: list[str]) -> None:
    """Build the linters ``paths`` need and run each over :data:`SAMPLE` (as Markdown, as plain text, or
    both: as the paths are).

    A linter whose configuration names a LanguageTool server is built but not run: the sample
    would be sent to the server.
    """
    markdown = [is_markdown(p) for p in paths]
    # Only the readings the run needs: plain text alone does not import markdown-it (0.02 s).
    samples = [name for name, needed in (("sample.md", any(markdown)), ("sample.txt", not all(markdown))) if needed]
    seen: set[int] = set()
    for path in paths:
        try:
            linter, settings = session.linter_for(path)
        except LintnewsError:
            continue  # reported by process()
        if id(linter) in seen:
            continue
        seen.add(id(linter))
        if settings.languagetool is None:
            for name in samples:
                linter.check(SAMPLE, name)
        if len(seen) >= MAX_WARMED:
            return


def run_parallel(session, paths: list[str], mode: str, jobs: int, progress=None) -> dict:
    """``session.process`` over ``paths`` in ``jobs`` worker processes: path -> result (the caller puts them
    back in the order of ``paths``).

    ``progress``, when given, is called with 1 as each result comes back.
    """
    from concurrent.futures import ProcessPoolExecutor  # imported here: a run of one job never needs it
    from multiprocessing import get_context

    global _SESSION
    _SESSION = session
    warm(session, paths)
    gc.freeze()  # what the parent loaded is shared: the workers' collections never walk (and so copy) it
    results = {}
    order = largest_first(paths)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
            futures, at = [], 0
            for size in chunk_sizes(len(paths), jobs):
                futures.append(pool.submit(_work_chunk, order[at:at + size], mode))
                at += size
            for future in futures:
                for res in future.result():
                    results[res.path] = res
                    if progress is not None:
                        progress(1)
    finally:
        _SESSION = None
        gc.unfreeze()
    return results
