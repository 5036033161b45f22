"""Measure the results cache and --jobs on the research corpus (issue 10 items 3 and 4).

    python scripts/cache_jobs.py [--articles 1000] [--repeat 3] [--corpus DIR]

Copies the first N articles of the corpus (a fixed shuffle of scripts/corpus.py's list) into a
temporary folder, then times the installed `lintnews check`:

- `--no-cache -j1` against `--no-cache -j2` (jobs scaling; the findings must be identical);
- a first run into an empty cache against a re-run over the unchanged articles.

Each figure is the best of --repeat runs (wall seconds), with the CPU seconds of that run
(user + system, the process and its workers), so a busy machine can be told from a slow program.
On a machine other programs keep busy, wall time cannot show what a second core gives; the
script also reports the critical path of -j1 and -j2 in CPU seconds (the parent's own CPU plus
its busiest worker's), which is the wall time of the run on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT, articles  # noqa: E402


def lintnews() -> list[str]:
    script = Path(sys.executable).with_name("lintnews")
    return [str(script)] if script.exists() else ["lintnews"]


def timed(args: list[str], cwd: Path) -> tuple[float, float, bytes]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(lintnews() + args, cwd=cwd, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"lintnews {' '.join(args)} failed: {proc.stderr.decode()[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


# `lintnews check -jN` in-process, recording each process's own CPU seconds: the parent's (loading,
# reading, reporting) and every worker's (its share of the articles). On a machine other programs keep
# busy, wall time cannot show scaling; parent + slowest worker is the wall time an idle machine gives.
HARNESS = """
import json, os, sys, time
from lintnews.run import jobs
work, log = jobs._work, sys.argv[1]
def _work(path, mode):
    result = work(path, mode)
    t = os.times()
    with open(log, "a") as f:
        f.write(json.dumps([os.getpid(), t.user + t.system]) + "\\n")
    return result
jobs._work = _work
from lintnews.cli import main
sys.argv = ["lintnews", *sys.argv[2:]]
try:
    main()
finally:
    t = os.times()
    with open(log, "a") as f:
        f.write(json.dumps(["parent", t.user + t.system]) + "\\n")
"""


def critical_path(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """(parent CPU + the busiest worker's CPU, total CPU, how it splits) of one run, from the harness's log."""
    import json

    log = cwd / "cpu.log"
    log.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-c", HARNESS, str(log), *args], cwd=cwd, capture_output=True, check=False)
    cpu: dict = {}
    for line in log.read_text().splitlines():
        who, seconds = json.loads(line)
        cpu[who] = max(cpu.get(who, 0.0), seconds)
    parent = cpu.pop("parent")
    split = " + ".join(f"{v:.2f}" for v in sorted(cpu.values(), reverse=True))
    return parent + max(cpu.values(), default=0.0), parent + sum(cpu.values()), f"parent {parent:.2f}, workers {split or '-'}"


def best(runs):
    return min(runs, key=lambda r: r[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    opts = parser.parse_args()
    paths = list(articles(opts.corpus))
    random.Random(10).shuffle(paths)
    paths = paths[:opts.articles]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        size = 0
        for i, path in enumerate(paths):
            data = path.read_bytes()
            size += len(data)
            (folder / f"{i:05d}-{path.name}").write_bytes(data)
        base = ["check", "--isolated", "--quiet"]
        print(f"{len(paths)} articles, {size / 1e6:.2f} MB, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        one = [timed([*base, "--no-cache", "-j1", "articles"], Path(tmp)) for _ in range(opts.repeat)]
        two = [timed([*base, "--no-cache", "-j2", "articles"], Path(tmp)) for _ in range(opts.repeat)]
        same = all(r[2] == one[0][2] for r in one + two)
        (w1, c1, _), (w2, c2, _) = best(one), best(two)
        print(f"--no-cache -j1: {w1:6.2f} s wall, {c1:6.2f} s CPU")
        print(f"--no-cache -j2: {w2:6.2f} s wall, {c2:6.2f} s CPU   scaling {w1 / w2:.2f}x; findings identical: {same}")
        m1 = min(critical_path([*base, "--no-cache", "-j1", "articles"], Path(tmp)) for _ in range(opts.repeat))
        m2 = min(critical_path([*base, "--no-cache", "-j2", "articles"], Path(tmp)) for _ in range(opts.repeat))
        print(f"critical path in CPU seconds (parent + busiest worker): -j1 {m1[0]:.2f} s, -j2 {m2[0]:.2f} s "
              f"(all processes {m2[1]:.2f} s; {m2[2]}): scaling {m1[0] / m2[0]:.2f}x on an idle machine")
        firsts, reruns = [], []
        for i in range(opts.repeat):
            cache = Path(tmp) / f"cache{i}"
            firsts.append(timed([*base, "--cache-dir", str(cache), "articles"], Path(tmp)))
            reruns.append(timed([*base, "--cache-dir", str(cache), "articles"], Path(tmp)))
            same = same and firsts[-1][2] == one[0][2] and reruns[-1][2] == one[0][2]
            shutil.rmtree(cache)
        (wf, cf, _), (wr, cr, _) = best(firsts), best(reruns)
        print(f"first run (empty cache, all cores): {wf:6.2f} s wall, {cf:6.2f} s CPU")
        print(f"re-run (unchanged articles):        {wr:6.2f} s wall, {cr:6.2f} s CPU   "
              f"{wr / wf:.3f}x wall, {cr / cf:.3f}x CPU; findings identical: {same}")
        if not same:
            sys.exit("findings differ between runs")


if __name__ == "__main__":
    main()
