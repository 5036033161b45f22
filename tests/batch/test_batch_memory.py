"""Constant memory: records stream in and out, so a run's peak does not grow with the archive."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from batchkit import records, run_batch, write_parquet

from lintnews.run.records import Shard, jsonl_shards, read

MIB = 1024 * 1024
# Report the command's peak resident memory (kB on Linux) on its way out.
PEAK = ("import atexit, resource, sys\n"
        "atexit.register(lambda: sys.stderr.write(f'peak-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n")


def _archive(path, megabytes: float) -> int:
    """Realistic records, repeated under new ids, up to ``megabytes``; the number written."""
    base = records(300)
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        while f.tell() < megabytes * MIB:
            for row in base:
                f.write(json.dumps({**row, "id": f"{row['id']}#{n}"}, ensure_ascii=False) + "\n")
                n += 1
    return n


def _peak_kb(proc) -> int:
    lines = proc.stderr.decode().splitlines()
    return int(next(line for line in lines if line.startswith("peak-kb ")).split()[1])


def test_reading_and_sharding_hold_one_record_at_a_time(tmp_path):
    path = tmp_path / "big.jsonl"
    n = _archive(path, 24)
    tracemalloc.start()
    try:
        count = sum(1 for _ in read(Shard(str(path), "jsonl")))
        shards = jsonl_shards(str(path), 2 * MIB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == n
    # One record and the 1 MiB blocks sharding counts line breaks in, whatever the file's size.
    assert peak < 4 * MIB, f"reading 24 MiB of records took {peak / MIB:.1f} MiB at the peak"
    # The shards cover the file exactly, at line starts, and know their first line.
    assert shards[0].start == 0 and shards[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(shards, shards[1:]))
    assert sum(1 for s in shards for _ in read(s)) == n
    with open(path, "rb") as f:
        for s in shards[1:4]:
            f.seek(s.start - 1)
            assert f.read(1) == b"\n"
    second = next(read(shards[1]))
    assert second.number == shards[1].first and second.number > 1


@pytest.mark.parametrize("kind", ["jsonl", "parquet", "fix"])
def test_the_commands_peak_memory_does_not_grow_with_the_archive(tmp_path, kind):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    _archive(small, 1)
    n = _archive(large, 4)
    args = ["--select", "News.DoubledWord,News.Mojibake", "-q"]
    if kind == "parquet":
        for path in (small, large):
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            write_parquet(path.with_suffix(".parquet"), rows, row_group_size=500)
        small, large = small.with_suffix(".parquet"), large.with_suffix(".parquet")
    out = ["--fix", "-o", f"fixed{small.suffix}"] if kind == "fix" else ["-o", "findings.jsonl"]
    peaks = []
    for path in (small, large):
        proc = run_batch(path.name, *args, *out, cwd=tmp_path, python_prelude=PEAK)
        assert proc.returncode in ((0, 1) if kind == "fix" else (1,)), proc.stderr.decode()[-300:]
        peaks.append(_peak_kb(proc))
    growth = (peaks[1] - peaks[0]) / 1024
    assert growth < 3, f"{kind}: 4 MiB of records ({n}) took {growth:.1f} MiB more than 1 MiB did"
    if kind == "fix":
        assert sum(1 for _ in open(tmp_path / "fixed.jsonl", encoding="utf-8")) == n
