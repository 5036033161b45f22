"""--jobs hands articles out in chunks that shrink towards the end of the run (lintnews/run/jobs.py)."""

from __future__ import annotations

import pytest

from lintnews.run import jobs


@pytest.mark.parametrize("count, workers", [(1, 2), (7, 2), (40, 4), (1000, 2), (100_000, 8)])
def test_chunks_cover_every_article_once_and_shrink(count, workers):
    sizes = jobs.chunk_sizes(count, workers)
    assert sum(sizes) == count and all(size >= 1 for size in sizes)
    assert all(size <= jobs.MAX_CHUNK for size in sizes)
    assert sizes == sorted(sizes, reverse=True)  # never a large chunk after a small one
    assert sizes[-1] <= jobs.MIN_CHUNK  # the last articles go out a few at a time


def test_a_long_run_is_few_messages_and_ends_in_small_chunks():
    sizes = jobs.chunk_sizes(1000, 2)
    assert len(sizes) < 60  # with chunks of 8: 125 round trips through the parent
    assert sizes[0] == jobs.MAX_CHUNK and sum(sizes[-10:]) <= 30
