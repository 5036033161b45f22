#!/usr/bin/env python3
"""Dump every finding and every fix over the research corpus, for before/after diffs.

    python scripts/corpus_dump.py OUT.jsonl [--corpus ../shared/corpus] [--limit N]

One JSON line per article: the findings of every rule (all languages, rules
that are off by default included) read as plain text and read as Markdown,
and what ``fix`` makes of it with safe fixes only and with unsafe fixes too
(a hash of the fixed text, the number applied, passes, convergence). A
change that must not change behaviour (a refactoring) is checked by dumping
before and after and comparing the files with ``cmp`` or ``diff``.

Only the public API is used (``lintnews.load_rules``, ``lintnews.Linter``),
so the script runs unchanged across internal reorganisations.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import corpus  # scripts/corpus.py
from corpus import articles

from lintnews import Linter, load_rules


def _findings(result) -> list:
    return [f.to_dict() for f in result.findings] + [{"error": e} for e in result.errors]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to dump")
        return 0
    linter = Linter(load_rules(language=None))
    n = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path in articles(args.corpus):
            text = path.read_bytes().decode("utf-8-sig")
            rel = path.relative_to(args.corpus).as_posix()
            record = {"path": rel,
                      "text": _findings(linter.check(text, rel)),
                      "markdown": _findings(linter.check(text, rel[:-4] + ".md"))}
            for name, unsafe in (("fix", False), ("fix_unsafe", True)):
                fixed = linter.fix(text, rel, unsafe=unsafe)
                record[name] = {"sha1": hashlib.sha1(fixed.text.encode("utf-8")).hexdigest(),
                                "applied": fixed.applied, "passes": fixed.passes,
                                "converged": fixed.converged, "left": len(fixed.findings)}
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
            if args.limit and n >= args.limit:
                break
    print(f"{n} articles dumped to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
