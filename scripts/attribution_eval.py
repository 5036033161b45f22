#!/usr/bin/env python3
"""Measure News.UnattributedClaim against the research corpus.

    python scripts/attribution_eval.py [--corpus ../shared/corpus] [--sample 60] [--overlaps 20]

Two figures:

* Gold overlap. PolNeAR (``polnear/annotations/*.ann``, brat standoff) marks
  every attribution in its articles with Source, Cue and Content spans. A
  sentence the rule flags that overlaps a gold Content span is one the
  annotators found attributed: a false alarm by construction. Of the flagged
  sentences in annotated articles, at most ``--max-overlap`` percent (5) may
  overlap one; the script exits 1 when more do.
* Rate. Findings per 1,000 words in each corpus folder: ``bbc/`` and the
  Reuters ``isot/true_*`` files are edited copy (controls, which should stay
  near silent); the scraped folders are where the rule should find work. The
  warning-or-above rate of all default rules on the controls is printed too
  (the budget is 1 per 1,000 words).

``--sample N`` prints N flagged sentences from the scraped folders (a fixed
random sample, ``--seed``) to be read and judged by hand.

The corpus is not part of the repository (see its README for terms); when
the folder is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import bisect
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import corpus  # scripts/corpus.py
from corpus import CONTROLS, SCRAPED, articles, folder_of

from lintnews import Linter, load_rules
from lintnews.read.source import read_path

RULE = "News.UnattributedClaim"
_ANN_SUFFIX = re.compile(r"_[0-9a-f]{4}\.ann$")




def gold_contents(ann_dir: Path) -> dict[str, list[tuple[int, int]]]:
    """Article stem -> sorted Content spans, the union over its annotators.

    ``<article>_<annotator>.ann`` pairs with ``<article>.txt``; a brat span
    may be discontinuous ("12 40;52 90"): each fragment counts.
    """
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = _ANN_SUFFIX.sub("", ann.name)
        spans.setdefault(stem, [])
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or not parts[0].startswith("T"):
                continue
            label, _, offsets = parts[1].partition(" ")
            if label != "Content":
                continue
            for frag in offsets.split(";"):
                s, e = frag.split()
                spans[stem].append((int(s), int(e)))
    return {k: sorted(v) for k, v in spans.items()}


def overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end)
    return any(s < end and start < e for s, e in spans[:i])


def show(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width):start].replace("\n", "⏎")
    mid = text[start:end].replace("\n", "⏎")
    right = text[end:end + width].replace("\n", "⏎")
    return f"…{left}[[{mid}]]{right}…"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT)
    ap.add_argument("--sample", type=int, default=0, help="flagged sentences to print from the scraped folders")
    ap.add_argument("--overlaps", type=int, default=0, help="gold-overlapping flags to print")
    ap.add_argument("--controls", type=int, default=0, help="flags on the control folders to print")
    ap.add_argument("--max-overlap", type=float, default=5.0, help="percent; exit 1 above it")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    ann_dir = args.corpus / "polnear" / "annotations"
    if not args.corpus.is_dir() or not ann_dir.is_dir():
        print(f"corpus not found at {args.corpus} (or no polnear/annotations); nothing to evaluate")
        return 0

    rule_linter = Linter(load_rules(select=[RULE]))
    all_linter = Linter(load_rules())
    gold = gold_contents(ann_dir)

    words: Counter = Counter()
    flags: Counter = Counter()
    warn_plus: Counter = Counter()
    flagged = defaultdict(list)  # folder -> [(path, start, end, text)]
    gold_flags = gold_hits = gold_articles = gold_words = 0
    hits = []
    bad_offsets = 0
    for path in articles(args.corpus):
        folder = folder_of(path, args.corpus)
        text = read_path(str(path)).text
        words[folder] += len(text.split())
        findings = [f for f in rule_linter.check(text, str(path)).findings if f.rule_id == RULE]
        flags[folder] += len(findings)
        for f in findings:
            flagged[folder].append((path, f.start, f.end, text))
        if folder in CONTROLS:
            warn_plus[folder] += sum(f.severity.rank >= 2 for f in all_linter.check(text, str(path)).findings)
        if folder == "polnear" and path.stem in gold:
            spans = gold[path.stem]
            starts = [s for s, _ in spans]
            gold_articles += 1
            gold_words += len(text.split())
            bad_offsets += sum(e > len(text) for _, e in spans)
            for f in findings:
                gold_flags += 1
                if overlaps(spans, starts, f.start, f.end):
                    gold_hits += 1
                    hits.append((path, f.start, f.end, text))

    pct = 100 * gold_hits / gold_flags if gold_flags else 0.0
    print(f"{RULE} on the research corpus\n")
    print(f"gold overlap (polnear, {gold_articles} annotated articles, {gold_words} words):")
    print(f"  flagged sentences            {gold_flags}")
    print(f"  overlapping a gold Content   {gold_hits}  ({pct:.1f}%, limit {args.max_overlap:g}%)")
    if bad_offsets:
        print(f"  warning: {bad_offsets} gold spans run past the end of their text")
    print("\nflagged sentences per 1,000 words (count in brackets)")
    for folder in sorted(words, key=lambda d: (d not in CONTROLS, d)):
        role = "control" if folder in CONTROLS else "scraped"
        print(f"  {folder:16}{1000 * flags[folder] / words[folder]:8.3f}  ({flags[folder]:>4})"
              f"  {words[folder]:>8} words  {role}")
    control_words = sum(words[d] for d in CONTROLS)
    if control_words:
        rule_rate = 1000 * sum(flags[d] for d in CONTROLS) / control_words
        all_rate = 1000 * sum(warn_plus[d] for d in CONTROLS) / control_words
        print(f"  {'controls':16}{rule_rate:8.3f}  this rule; all rules at warning+: {all_rate:.3f} "
              f"(budget 1.000)")

    rng = random.Random(args.seed)
    if args.overlaps and hits:
        print(f"\n== flags overlapping a gold Content span ({min(args.overlaps, len(hits))} of {len(hits)})")
        for path, s, e, text in rng.sample(hits, min(args.overlaps, len(hits))):
            print(f"  {path.name}: {show(text, s, e)}")
    if args.controls:
        items = [(d, *x) for d in CONTROLS for x in flagged[d]]
        print(f"\n== flags on the controls ({min(args.controls, len(items))} of {len(items)})")
        for folder, path, s, e, text in items[:args.controls]:
            print(f"  [{folder}] {path.name}: {show(text, s, e)}")
    if args.sample:
        items = [(d, *x) for d in SCRAPED for x in flagged[d]]
        print(f"\n== sample of flags on the scraped folders ({min(args.sample, len(items))} of {len(items)})")
        for n, (folder, path, s, e, text) in enumerate(rng.sample(items, min(args.sample, len(items))), 1):
            print(f"{n:3}. [{folder}] {path.name}: {show(text, s, e, 40)}")
    return 1 if pct > args.max_overlap else 0


if __name__ == "__main__":
    sys.exit(main())
