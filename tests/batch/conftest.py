from __future__ import annotations

import pytest
from batchkit import records, run_batch, write_jsonl, write_parquet


@pytest.fixture(scope="session")
def archive(tmp_path_factory):
    """A folder with the same 300 realistic records as news.jsonl and news.parquet (row groups of 40)."""
    folder = tmp_path_factory.mktemp("archive")
    rows = records(300)
    write_jsonl(folder / "news.jsonl", rows)
    write_parquet(folder / "news.parquet", rows)
    return folder


@pytest.fixture(scope="session")
def single(archive):
    """The single-process runs the Dask runs must equal: {name: (stdout, stderr, exit code, fixed output)}."""
    out = {}
    for name in ("news.jsonl", "news.parquet"):
        proc = run_batch(name, "-q", cwd=archive)
        out[name] = proc
        fixed = "fixed-" + name
        out["fix " + name] = (run_batch(name, "--fix", "-o", fixed, "-q", cwd=archive),
                              (archive / fixed).read_bytes())
    return out
