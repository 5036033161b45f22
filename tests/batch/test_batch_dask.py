"""`lintnews batch --dask`: the same findings and fixed records as the single-process run.

One LocalCluster for the module (2 worker processes on 127.0.0.1, no
dashboard); the command joins it by its scheduler's address, as it would a
real cluster's. Small shards make many partitions, so order matters.
"""

from __future__ import annotations

import json

import pytest
from batchkit import run_batch, write_jsonl

from lintnews.run.cluster import LOCAL_SCHEDULER

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, scheduler_kwargs=LOCAL_SCHEDULER) as cluster, Client(cluster) as client:
        client.wait_for_workers(2)
        yield cluster.scheduler_address


def test_json_lines_findings_equal_the_single_process_run(archive, single, scheduler):
    proc = run_batch("news.jsonl", "-q", "--dask", scheduler, "--shard-size", "20000", cwd=archive)
    expected = single["news.jsonl"]
    assert proc.returncode == expected.returncode == 1
    assert proc.stdout == expected.stdout
    found = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(found) > 300 and len({f["id"] for f in found}) > 150  # a real run, not an empty one
    assert [f["record"] for f in found] == sorted(f["record"] for f in found)


def test_parquet_findings_equal_the_single_process_run(archive, single, scheduler):
    proc = run_batch("news.parquet", "-q", "--dask", scheduler, cwd=archive)
    assert proc.returncode == single["news.parquet"].returncode == 1
    assert proc.stdout == single["news.parquet"].stdout
    # And Parquet finds what JSON Lines finds, record for record.
    def strip(out):
        return [{k: v for k, v in json.loads(line).items() if k not in ("file", "path")} for line in out.splitlines()]
    assert strip(proc.stdout) == strip(single["news.jsonl"].stdout)


@pytest.mark.parametrize("name", ["news.jsonl", "news.parquet"])
def test_fixed_records_equal_the_single_process_run(archive, single, scheduler, name):
    out = "dask-fixed-" + name
    proc = run_batch(name, "--fix", "-o", out, "-q", "--dask", scheduler, "--shard-size", "30000", cwd=archive)
    expected, fixed = single["fix " + name]
    assert proc.returncode == expected.returncode == 1
    assert proc.stdout == expected.stdout  # the findings left
    if name.endswith(".jsonl"):
        assert (archive / out).read_bytes() == fixed
        assert fixed != (archive / name).read_bytes()
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(archive / out).equals(pq.read_table(archive / ("fixed-" + name)))


def test_bad_records_are_reported_in_order_as_in_one_process(tmp_path, scheduler):
    lines = ['{"id": 1, "title": "Vote delayed", "body": "The vote was was delayed."}', "{not json",
             '{"id": 2, "body": 7}'] * 20
    write_jsonl(tmp_path / "bad.jsonl", lines)
    one = run_batch("bad.jsonl", cwd=tmp_path)
    many = run_batch("bad.jsonl", "--dask", scheduler, "--shard-size", "100", cwd=tmp_path)
    assert many.returncode == one.returncode == 2
    assert many.stdout == one.stdout and len(many.stdout.splitlines()) == 20
    assert many.stderr == one.stderr
    assert many.stderr.decode().splitlines()[:2] == [
        "error: bad.jsonl: line 2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        "error: bad.jsonl: line 3: 'body' must be text, not a number"]


def test_dask_local_starts_its_own_cluster(tmp_path):
    write_jsonl(tmp_path / "desk.jsonl", [{"id": "a", "title": "Vote delayed", "body": "The vote was was delayed."}])
    proc = run_batch("desk.jsonl", "--dask", "local", "--workers", "1", cwd=tmp_path)
    assert proc.returncode == 1
    assert [json.loads(line)["text"] for line in proc.stdout.splitlines()] == ["was was"]
    assert proc.stderr.decode() == "Checked 1 record in 1 file: 1 finding (1 fixable with --fix).\n"


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    write_jsonl(tmp_path / "desk.jsonl", [{"id": "a", "body": "Text."}])
    proc = run_batch("desk.jsonl", "--dask", "tcp://127.0.0.1:9", cwd=tmp_path,
                     env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert proc.returncode == 2
    [line] = proc.stderr.decode().splitlines()
    assert line.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")


def test_each_worker_unpickles_the_linter_once_whatever_the_number_of_shards(archive, scheduler):
    from batchkit import CountingLinter, copies_here
    from distributed import Client

    from lintnews.run.batch import Job, for_records
    from lintnews.run.cluster import Cluster
    from lintnews.run.records import jsonl_shards
    from lintnews.run.session import Options, Session

    linter, _ = Session(Options(isolated=True, select=["News.DoubledWord"])).linter_for("news.jsonl")
    path = str(archive / "news.jsonl")
    shards = jsonl_shards(path, 10_000)
    assert len(shards) > 12
    counting = CountingLinter(for_records(linter))
    for _ in range(2):  # a second run of the same linter finds it in the workers' cache
        with Cluster(scheduler) as cluster:
            outcomes = [o for part in cluster.run(shards, {path: counting}, Job()) for o in part]
        assert len(outcomes) == 300 and sum(len(o.findings) for o in outcomes) > 50
        with Client(scheduler) as client:
            assert sorted(client.run(copies_here).values()) == [1, 1]  # two workers, one copy each
