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


def test_largest_articles_go_out_first_and_copies_side_by_side(tmp_path):
    # The run ends on short items, so the workers finish together; two copies of a wire story
    # (the same size) go out next to each other, mostly in one chunk, to one worker.
    story = "WASHINGTON (Reuters) - The Senate passed the bill on Tuesday, officials said.\n" * 20
    brief = "Markets closed higher on Friday.\n"
    files = {"a-brief.txt": brief, "b-story.txt": story, "c-feature.txt": story * 3, "d-story-copy.txt": story}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    paths = [str(tmp_path / name) for name in files] + [str(tmp_path / "gone.txt")]
    order = [p.rsplit("/", 1)[1] for p in jobs.largest_first(paths)]
    assert order == ["c-feature.txt", "b-story.txt", "d-story-copy.txt", "a-brief.txt", "gone.txt"]
