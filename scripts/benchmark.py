#!/usr/bin/env python3
"""Throughput of `check` with all default rules, in MB/s.

The input is real text: the articles in seeds/ (and, when present, the
research corpus in ../shared/corpus, which is not part of this repository),
repeated until the total reaches --megabytes (default 8). Each article is
checked as its own document, as `lintnews check DIR` does; reading files is
not timed. Also prints peak memory.

    python scripts/benchmark.py [--megabytes 8] [--seeds-only] [--articles 1000]

With --articles N it also writes N articles into a temporary folder (from
the corpus when present, from seeds/ otherwise) and times the installed
command `lintnews check DIR` with --jobs 1 and with all cores, in articles
per second (start-up and file reading included).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus  # scripts/corpus.py

from lintnews import Linter, load_rules


def texts(root: Path, seeds_only: bool) -> list[str]:
    paths = sorted((root / "seeds").glob("*.txt"))
    if not seeds_only and corpus.DEFAULT.is_dir():
        paths += list(corpus.articles(corpus.DEFAULT))
    return [p.read_text(encoding="utf-8") for p in paths]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=8.0)
    ap.add_argument("--seeds-only", action="store_true", help="build the input from seeds/ alone")
    ap.add_argument("--articles", type=int, default=0, help="also time `lintnews check` on a folder of N articles")
    args = ap.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    pool = texts(root, args.seeds_only)
    target = int(args.megabytes * 1_000_000)
    docs, size, i = [], 0, 0
    while size < target:
        text = pool[i % len(pool)]
        docs.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    started = time.perf_counter()
    linter = Linter(load_rules())
    loaded = time.perf_counter()
    findings = 0
    for n, text in enumerate(docs):
        findings += len(linter.check(text, f"doc{n}").findings)
    done = time.perf_counter()
    seconds = done - loaded
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    source = "seeds/" if args.seeds_only or len(pool) == len(list((root / "seeds").glob("*.txt"))) else "seeds/ + research corpus"
    print(f"input: {len(docs)} articles, {size / 1e6:.1f} MB from {source}")
    print(f"rules: {len(linter.rules)} loaded in {loaded - started:.3f}s")
    print(f"check: {seconds:.2f}s, {size / 1e6 / seconds:.2f} MB/s, {len(docs) / seconds:.0f} articles/s, {findings} findings")
    print(f"peak memory: {peak:.0f} MB")
    if args.articles:
        folder_benchmark(pool, args.articles)
    return 0


def folder_benchmark(pool: list[str], count: int) -> None:
    command = Path(sys.executable).with_name("lintnews")
    command = str(command) if command.exists() else (shutil.which("lintnews") or "lintnews")
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            Path(tmp, f"article_{i:05}.txt").write_text(pool[i % len(pool)], encoding="utf-8")
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"folder: {count} articles, {size / 1e6:.1f} MB")
        for jobs in dict.fromkeys([1, os.cpu_count() or 1]):
            started = time.perf_counter()
            proc = subprocess.run([command, "check", "--isolated", "--quiet", "--format", "concise",
                                   "--jobs", str(jobs), tmp], capture_output=True)
            seconds = time.perf_counter() - started
            if proc.returncode not in (0, 1):
                raise SystemExit(f"lintnews failed: {proc.stderr.decode()}")
            print(f"  --jobs {jobs}: {seconds:.2f}s, {count / seconds:.0f} articles/s")


if __name__ == "__main__":
    sys.exit(main())
