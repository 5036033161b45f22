#!/usr/bin/env python3
"""Run every default rule over the research corpus and print, per rule, the
findings per 1,000 words in each folder, plus a sample of findings with
context for reading.

    python scripts/evaluate.py [--corpus ../shared/corpus] [--half measure] [--sample 5] [--rule ID]

The corpus is not part of the repository (see its README for terms); when
the folder is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import corpus  # scripts/corpus.py
from corpus import articles_in, folder_of

from lintnews import Linter, load_rules
from lintnews.read.source import read_path

BRITISH = ("bbc",)  # checked as en-GB copy, the rest as en-US




def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT)
    ap.add_argument("--sample", type=int, default=5, help="findings to show per rule (0: none)")
    ap.add_argument("--rule", action="append", help="only these rule ids or prefixes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--half", choices=corpus.HALVES, help="only the tune or the measure half (default: all)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to evaluate")
        return 0
    linters = {lang: Linter(load_rules(select=args.rule, language=lang)) for lang in ("en-US", "en-GB")}
    rules = sorted({r.id: r for lin in linters.values() for r in lin.rules}.values(), key=lambda r: r.id)
    words: Counter = Counter()
    counts: dict[str, Counter] = defaultdict(Counter)
    warn_plus: Counter = Counter()
    found = defaultdict(list)
    for path in articles_in(args.corpus, args.half):
        folder = folder_of(path, args.corpus)
        source = read_path(str(path))
        words[folder] += len(source.text.split())
        linter = linters["en-GB" if folder in BRITISH else "en-US"]
        result = linter.check(source.text, str(path))
        for f in result.findings:
            counts[f.rule_id][folder] += 1
            if f.severity.rank >= 2:
                warn_plus[folder] += 1
            found[f.rule_id].append((folder, path, f, source.text))
    folders = sorted(words)
    print("findings per 1,000 words (count in brackets)\n")
    print(f"{'rule':32}" + "".join(f"{d:>18}" for d in folders))
    for rule in rules:
        row = "".join(
            f"{1000 * counts[rule.id][d] / words[d]:>10.3f} ({counts[rule.id][d]:>4})" for d in folders
        )
        print(f"{rule.id:32}{row}")
    print(f"{'warning+ (all rules)':32}" + "".join(
        f"{1000 * warn_plus[d] / words[d]:>10.3f} ({warn_plus[d]:>4})" for d in folders))
    print(f"{'words':32}" + "".join(f"{words[d]:>18}" for d in folders))
    if args.sample:
        rng = random.Random(args.seed)
        for rule in rules:
            items = found[rule.id]
            if not items:
                continue
            print(f"\n== {rule.id}: {len(items)} findings; sample of {min(args.sample, len(items))}")
            for folder, path, f, text in rng.sample(items, min(args.sample, len(items))):
                left = text[max(0, f.start - 60):f.start].replace("\n", "⏎")
                right = text[f.end:f.end + 60].replace("\n", "⏎")
                mid = text[f.start:f.end].replace("\n", "⏎")
                print(f"  [{folder}] {path.name}:{f.line}:{f.column}: …{left}[[{mid}]]{right}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
