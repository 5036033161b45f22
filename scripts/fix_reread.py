#!/usr/bin/env python3
"""Every change plain ``lintnews fix`` makes over the research corpus, one per line, for reading.

    python scripts/fix_reread.py OUT_DIR [--corpus ../shared/corpus] [--jobs 2] [--limit N]

The corpus articles are copied to a temporary folder (the corpus itself is
never written) and fixed there by the command line, ``lintnews fix
--isolated``, as a desk would run it: safe fixes only, the default rules (no
configuration file is looked for, so none left in a parent folder can count).
Each article is also fixed through the library with a trace of every pass,
so each applied edit is attributed to the rule whose fix made it; the
library's result must equal the file the command line wrote, or the article
is reported as a mismatch. A second ``lintnews fix`` over the fixed copies
must change nothing (idempotence); any article it changes is reported.

Written to OUT_DIR:

* ``changes.jsonl``: one line per applied edit: folder, half, file, pass,
  rule, the fix's title, the text replaced and its replacement, and
  ``--context`` characters either side (from the text the pass edited), all
  with invisible characters spelled out (``<U+200B>``, ``<NBSP>``); ``group``
  is "rule: before -> after", for reading mechanical changes by kind.
* ``summary.json``: articles, articles changed, changes per rule, groups per
  rule, mismatches and idempotence failures. The same is printed.

Verdicts on the changes are written by the reader alongside (``verdicts.jsonl``),
not by this script.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import corpus  # scripts/corpus.py
from corpus import articles, folder_of, half

from lintnews.read.source import read_path
from lintnews.run.session import Options, Session

_NAMES = {"\u00a0": "<NBSP>", "\u202f": "<NNBSP>", "\t": "<TAB>", "\r": "<CR>", "\u00ad": "<SHY>",
          "\u200b": "<ZWSP>", "\u200c": "<ZWNJ>", "\u200d": "<ZWJ>", "\ufeff": "<BOM>"}


def visible(text: str, newline: str = "<LF>") -> str:
    """``text`` with every character that does not show spelled out (<NBSP>, <U+2060>)."""
    out = []
    for c in text:
        if c == "\n":
            out.append(newline)
        elif c in _NAMES:
            out.append(_NAMES[c])
        elif c != " " and unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"):
            out.append(f"<U+{ord(c):04X}>")
        else:
            out.append(c)
    return "".join(out)


_SESSION: Session | None = None


def _trace(job: tuple[str, str, str, str, int]) -> dict:
    """Fix one article through the library, recording each applied edit and its rule."""
    original, copy, rel, folder_half, context = job
    global _SESSION
    if _SESSION is None:
        _SESSION = Session(Options(isolated=True))
    source = read_path(original)
    linter, _ = _SESSION.linter_for(copy)
    trace: list = []
    fixed = linter.fix(source.text, copy, trace=trace)
    folder, which = folder_half.split("/")
    changes = []
    for number, (text, taken) in enumerate(trace, 1):
        for finding in taken:
            for edit in finding.fix.edits:
                before = text[edit.start:edit.end]
                left = text[max(0, edit.start - context):edit.start]
                right = text[edit.end:edit.end + context]
                changes.append({
                    "folder": folder, "half": which, "file": rel, "pass": number,
                    "rule": finding.rule_id, "title": finding.fix.title,
                    "line": text.count("\n", 0, edit.start) + 1, "offset": edit.start,
                    "before": visible(before), "after": visible(edit.content),
                    "left": visible(left, "\n"), "right": visible(right, "\n"),
                    "group": f"{finding.rule_id}: {visible(before)!r} -> {visible(edit.content)!r}",
                })
    return {"file": rel, "text": fixed.text, "converged": fixed.converged, "changes": changes}


def _cli_fix(folder: Path, jobs: int) -> None:
    """``lintnews fix`` over ``folder``, as a desk runs it (its report is not needed)."""
    subprocess.run([sys.executable, "-m", "lintnews", "fix", "--isolated", "--quiet", "--jobs", str(jobs), str(folder)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def _snapshot(folder: Path, rels: list[str]) -> dict[str, bytes]:
    return {rel: (folder / rel).read_bytes() for rel in rels}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder for changes.jsonl and summary.json")
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    ap.add_argument("--context", type=int, default=150, help="characters of context either side")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to read")
        return 0
    paths = list(articles(args.corpus))
    if args.limit:
        paths = paths[:args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="fix-reread-"))
    try:
        rels = []
        for path in paths:
            rel = path.relative_to(args.corpus).as_posix()
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, work / rel)
            rels.append(rel)
        original = _snapshot(work, rels)
        _cli_fix(work, args.jobs)
        first = _snapshot(work, rels)
        _cli_fix(work, args.jobs)
        second = _snapshot(work, rels)
        jobs = [(str(path), str(work / rel), rel, f"{folder_of(path, args.corpus)}/{half(path, args.corpus)}",
                 args.context) for path, rel in zip(paths, rels)]
        with ProcessPoolExecutor(max_workers=args.jobs, mp_context=get_context("fork")) as pool:
            traced = list(pool.map(_trace, jobs, chunksize=8))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    per_rule: Counter = Counter()
    groups: dict[str, set] = defaultdict(set)
    mismatches, not_converged = [], []
    with (args.out / "changes.jsonl").open("w", encoding="utf-8") as out:
        for n, item in enumerate(traced):
            rel = item["file"]
            written = first[rel]
            if written.startswith(b"\xef\xbb\xbf"):
                written = written[3:]
            if written.decode("utf-8") != item["text"]:
                mismatches.append(rel)
            if not item["converged"]:
                not_converged.append(rel)
            for i, change in enumerate(item["changes"]):
                change["id"] = f"{n:04d}.{i:03d}"
                per_rule[change["rule"]] += 1
                groups[change["rule"]].add(change["group"])
                out.write(json.dumps(change, ensure_ascii=False) + "\n")
    summary = {
        "articles": len(rels),
        "articles_changed": sum(first[r] != original[r] for r in rels),
        "changes": sum(per_rule.values()),
        "changes_per_rule": dict(sorted(per_rule.items())),
        "groups_per_rule": {rule: len(g) for rule, g in sorted(groups.items())},
        "api_cli_mismatches": mismatches,
        "not_converged": not_converged,
        "second_fix_changed": [r for r in rels if second[r] != first[r]],
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(f"{summary['articles']} articles, {summary['articles_changed']} changed by fix, "
          f"{summary['changes']} changes")
    for rule, count in summary["changes_per_rule"].items():
        print(f"  {rule:32} {count:6}  ({summary['groups_per_rule'][rule]} distinct before -> after)")
    print(f"library and command line disagree on {len(mismatches)} articles; "
          f"{len(not_converged)} did not converge; "
          f"a second fix changed {len(summary['second_fix_changed'])} articles")
    for rel in mismatches + summary["second_fix_changed"]:
        print(f"  {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
