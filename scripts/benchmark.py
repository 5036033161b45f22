#!/usr/bin/env python3
"""lintnews beside codespell and proselint, in one run, on the same articles.

    python scripts/benchmark.py [--articles 1000] [--edited 400] [--repeat 5] [--markdown]

Everything is measured on this machine in this run, so the ratios hold even
when the machine is busy. Each command runs as a child of a fresh process
that reports the child's CPU time (user + system), wall time and peak memory
(getrusage), so the figures are the commands' own, start-up included.

- one article: the seed article (seeds/), each tool run ``--repeat`` times,
  the median CPU time;
- throughput: edited copy (the BBC and Reuters articles of the research
  corpus, ../shared/corpus, when present; else seeds/ repeated), one process,
  one job: MB per CPU second;
- cache: ``lintnews check`` over ``--articles`` articles twice with a fresh
  cache folder: the second run's CPU and wall time against the first's;
- jobs: the same articles, no cache, ``--jobs 1`` against ``--jobs 2``, wall time, and the same
  by critical path (the parent's CPU plus its busiest worker's: the wall time on an idle machine);
- per rule: CPU time of each rule over the edited copy (in this process).

codespell and proselint are installed into the benchmark's own virtual
environment (``--peers``, default ~/.cache/lintnews/bench-peers), never into
lintnews's. lintnews is the one on PATH beside this Python (install it first:
``pip install .``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cache_jobs  # scripts/cache_jobs.py
import corpus  # scripts/corpus.py

ROOT = Path(__file__).resolve().parent.parent
PEERS = ("codespell", "proselint")
# A fresh process per measurement: it runs the command and reports that child's own usage.
_RUNNER = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - started
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": u.ru_utime + u.ru_stime, "wall": wall, "rss_mb": u.ru_maxrss / 1024,
                  "code": proc.returncode, "err": proc.stderr.decode(errors="replace")[-400:]}))
"""


def measure(cmd: list[str], ok=(0, 1), env=None) -> dict:
    out = subprocess.run([sys.executable, "-c", _RUNNER, *cmd], capture_output=True, text=True, env=env)
    got = json.loads(out.stdout)
    if got["code"] not in ok:
        raise SystemExit(f"{cmd[0]} exited {got['code']}: {got['err'].strip()}")
    return got


def peers_env(folder: Path) -> dict[str, str]:
    """codespell and proselint in their own virtual environment (created on first use)."""
    bin_dir = folder / "bin"
    if not all((bin_dir / p).exists() for p in PEERS):
        print(f"installing {', '.join(PEERS)} into {folder} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(bin_dir / "pip"), "install", "--quiet", *PEERS], check=True)
    versions = {}
    for p in PEERS:
        out = subprocess.run([str(bin_dir / "python"), "-c", f"import importlib.metadata as m; print(m.version('{p}'))"],
                             capture_output=True, text=True)
        versions[p] = out.stdout.strip()
    return {p: str(bin_dir / p) for p in PEERS} | {"versions": versions}


def lintnews_command() -> str:
    here = Path(sys.executable).with_name("lintnews")
    found = str(here) if here.exists() else shutil.which("lintnews")
    if not found:
        raise SystemExit("lintnews is not installed beside this Python: pip install . first")
    return found


def edited_texts(limit: int) -> tuple[list[str], str]:
    if corpus.DEFAULT.is_dir():
        paths = [p for p in corpus.articles(corpus.DEFAULT) if corpus.folder_of(p, corpus.DEFAULT) in corpus.CONTROLS]
        if paths:
            step = max(1, len(paths) // limit) if limit else 1
            return [p.read_text(encoding="utf-8") for p in paths[::step][:limit or None]], "BBC and Reuters copy (research corpus)"
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return (seeds * (limit // max(1, len(seeds)) + 1))[:limit], "seeds/ repeated"


def write_folder(folder: Path, texts: list[str]) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"article_{i:05}.txt").write_text(text, encoding="utf-8")
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def supports(command: str, flag: str) -> bool:
    out = subprocess.run([command, "check", "--help"], capture_output=True, text=True)
    return flag in out.stdout


def per_rule(texts: list[str], top: int) -> list[tuple[str, float]]:
    from lintnews import load_rules
    from lintnews.run.engine import Linter

    linter = Linter([r for r in load_rules() if r.enabled])
    linter.check(texts[0])  # data loaded once, as in any run
    linter.timings = {}
    for text in texts:
        linter.check(text)
    return sorted(linter.timings.items(), key=lambda kv: -kv[1])[:top]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles for the cache and jobs runs")
    ap.add_argument("--edited", type=int, default=400, help="articles of edited copy for throughput (0: all)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the one-article check")
    ap.add_argument("--peers", type=Path, default=Path.home() / ".cache" / "lintnews" / "bench-peers")
    ap.add_argument("--markdown", action="store_true", help="print the results as a Markdown table")
    args = ap.parse_args(argv)

    lint = lintnews_command()
    peers = peers_env(args.peers)
    no_cache = ["--no-cache"] if supports(lint, "--no-cache") else []
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    rows: list[tuple[str, str, str, str]] = []  # measure, lintnews, codespell, proselint

    tools = {
        "lintnews": lambda paths: [lint, "check", "--isolated", "--quiet", "--jobs", "1", *no_cache, *paths],
        "codespell": lambda paths: [peers["codespell"], *paths],
        "proselint": lambda paths: [peers["proselint"], "check", *paths],
    }
    ok = {"lintnews": (0, 1), "codespell": (0, 65), "proselint": (0, 1)}

    # One article.
    one = {}
    for name, cmd in tools.items():
        runs = [measure(cmd([str(seed)]), ok[name]) for _ in range(args.repeat)]
        one[name] = {"cpu": statistics.median(r["cpu"] for r in runs), "rss": max(r["rss_mb"] for r in runs)}
    rows.append(("one article, CPU s (median of %d)" % args.repeat,
                 *(f"{one[n]['cpu']:.3f}" for n in tools)))
    rows.append(("one article vs proselint", *(f"{one[n]['cpu'] / one['proselint']['cpu']:.2f}x" for n in tools)))

    with tempfile.TemporaryDirectory() as tmp:
        edited, source = edited_texts(args.edited)
        folder = Path(tmp, "edited")
        mb = write_folder(folder, edited)
        files = sorted(str(p) for p in folder.iterdir())
        thr = {}
        for name, cmd in tools.items():
            got = measure(cmd([str(folder)] if name != "proselint" else files), ok[name])
            thr[name] = got
        rows.append((f"throughput, MB per CPU s ({len(edited)} articles, {mb:.2f} MB)",
                     *(f"{mb / thr[n]['cpu']:.2f}" for n in tools)))
        rows.append(("throughput CPU s", *(f"{thr[n]['cpu']:.2f}" for n in tools)))
        rows.append(("peak memory, MB (throughput run)", *(f"{thr[n]['rss_mb']:.0f}" for n in tools)))

        many = Path(tmp, "many")
        pool, _ = edited_texts(0)
        write_folder(many, [pool[i % len(pool)] for i in range(args.articles)])
        base = [lint, "check", "--isolated", "--quiet", "--format", "concise"]
        if no_cache:
            cache = Path(tmp, "cache")
            env = dict(os.environ, LINTNEWS_CACHE_DIR=str(cache))
            flag = ["--cache-dir", str(cache)] if supports(lint, "--cache-dir") else []
            first = measure(base + flag + [str(many)], env=env)
            second = measure(base + flag + [str(many)], env=env)
            rows.append((f"cache: re-run of {args.articles} unchanged articles vs first run (CPU; wall)",
                         f"{second['cpu'] / first['cpu']:.3f}x; {second['wall'] / first['wall']:.3f}x", "-", "-"))
        else:
            rows.append(("cache", "no cache in this version", "-", "-"))
        j1 = measure(base + no_cache + ["--jobs", "1", str(many)])
        j2 = measure(base + no_cache + ["--jobs", "2", str(many)])
        rows.append((f"jobs: --jobs 2 vs --jobs 1 over {args.articles} articles (wall)",
                     f"{j1['wall'] / j2['wall']:.2f}x faster ({j1['wall']:.1f} s -> {j2['wall']:.1f} s)", "-", "-"))
        # On a busy machine wall time cannot show what a second core gives: the parent's own CPU plus
        # its busiest worker's is the wall time of the run on an idle one (scripts/cache_jobs.py).
        jobs_args = ["check", "--isolated", "--quiet", "--format", "concise", *no_cache]
        c1 = cache_jobs.critical_path([*jobs_args, "--jobs", "1", str(many)], Path(tmp))
        c2 = cache_jobs.critical_path([*jobs_args, "--jobs", "2", str(many)], Path(tmp))
        rows.append(("jobs: the same by critical path (parent + busiest worker, CPU s)",
                     f"{c1[0] / c2[0]:.2f}x ({c1[0]:.2f} s -> {c2[0]:.2f} s; {c2[2]})", "-", "-"))

    timings = per_rule(edited, 8)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          f"codespell {peers['versions']['codespell']}, proselint {peers['versions']['proselint']}; "
          f"edited copy: {source}")
    if args.markdown:
        print("\n| measure | lintnews | codespell | proselint |\n|---|---|---|---|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        width = max(len(r[0]) for r in rows)
        print(f"{'':{width}}  {'lintnews':>22}  {'codespell':>10}  {'proselint':>10}")
        for r in rows:
            print(f"{r[0]:{width}}  {r[1]:>22}  {r[2]:>10}  {r[3]:>10}")
    print("\nlintnews, CPU s per rule over the edited copy (top 8):")
    for rule, t in timings:
        print(f"  {t:7.3f}  {rule}")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    sys.exit(code)
