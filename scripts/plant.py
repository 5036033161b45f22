#!/usr/bin/env python3
"""Plant known defects in edited copy and report, per kind, how many the rules find and fix.

    python scripts/plant.py [--corpus ../shared/corpus] [--half measure] [--per-kind 40] [--seed 1]
                            [--show-misses 5] [--json] [--kind KIND] [--folders bbc,isot_true]

Every copy of a control article (bbc, Reuters) gets exactly one defect, at a place a
pattern finds (scripts/planters.py) outside quotations, picked at random with the seed.
A defect is found when a finding the clean article did not already have overlaps the
planted span; it is restored when fixing the planted copy (unsafe fixes allowed) gives
the same text as fixing the clean article. ``--folders`` plants in other folders' copy instead
(polnear's election news is edited, though scraped). The corpus is not part of the repository;
when it is absent the script says so and exits 0.

A planted copy is not always a defect as the article stands. Where blind readers have read a
kind's plants in context (``scripts/plants_context.py``; their verdicts kept in
``scripts/data/<kind>_context_verdicts.jsonl``), the report gives that kind's recall over the
plants they read as errors too, under the table.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path

# Measure the checkout this script belongs to, whatever lintnews is installed.
sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

import corpus  # noqa: E402  (scripts/corpus.py)
import planters  # noqa: E402
from corpus import CONTROLS, articles, articles_in, folder_of  # noqa: E402

from lintnews import Linter, load_rules  # noqa: E402
from lintnews.read.article import read_article  # noqa: E402
from lintnews.read.source import read_path  # noqa: E402

BRITISH = ("bbc",)  # checked as en-GB, as scripts/evaluate.py does


# ------------------------------------------------------------ choosing the plants

def control_articles(root: Path, which: str | None, folders=CONTROLS):
    """(path, folder) of the articles of ``folders`` (default: the edited controls) in one half; an
    article whose text repeats another's is left out."""
    seen, out = set(), []
    for path in articles_in(root, which):
        folder = folder_of(path, root)
        text = read_path(str(path)).text if folder in folders else None
        if text is not None and text not in seen:
            seen.add(text)
            out.append((path, folder))
    return out


def corpus_vocab(root: Path) -> frozenset:
    """Every lower-case word in the corpus: a generated typo that is one of these is left out."""
    words = set()
    for path in articles(root):
        words.update(re.findall(r"[a-z]+", read_path(str(path)).text.lower()))
    return frozenset(words)


def choose(items, texts, titles, vocab, per_kind: int, seed: int, only=None):
    """{path: [Plant, ...]}: for each sub-kind, up to per_kind articles, one plant in each copy."""
    plan = defaultdict(list)
    sites = {}
    for kind, sub, fn in planters.PLANTERS:
        if only and kind not in only:
            continue
        rng = random.Random(f"{seed}:{kind}:{sub}")
        order = list(items)
        rng.shuffle(order)
        count = 0
        for path, folder in order:
            if count >= per_kind:
                break
            if path not in sites:
                others = tuple(t for p, t in titles.items() if p != path)
                doc = read_article(texts[path], str(path)).doc
                zones = tuple(z for spans in doc.zones.values() for z in spans)
                sites[path] = planters.Site(texts[path], vocab, others, zones)
            plant = fn(sites[path], rng)
            if plant is not None:
                plan[path].append(plant)
                count += 1
    return plan


# ------------------------------------------------------------ running the rules

_LINTERS: dict = {}


def _start():
    for lang in ("en-US", "en-GB"):
        _LINTERS[lang] = Linter(load_rules(language=lang))


def _moved(pos: int, plant) -> int:
    """A position of the clean article in the planted copy."""
    if pos <= plant.start:
        return pos
    if pos >= plant.end:
        return pos + len(plant.new) - len(plant.old)
    return plant.start


def _overlaps(a0, a1, b0, b1) -> bool:
    if a0 == a1:
        return b0 <= a0 <= b1
    return a0 < b1 and b0 < a1


def evaluate(job):
    """Check one article clean, then each planted copy; a result per plant."""
    path, folder, text, plants = job
    linter = _LINTERS["en-GB" if folder in BRITISH else "en-US"]
    clean = linter.check(text, path).findings
    fixed_clean = {}
    out = []
    for plant in plants:
        planted = plant.apply(text)
        s0, s1 = plant.span
        before = [(f.rule_id, _moved(f.start, plant), _moved(f.end, plant)) for f in clean]
        new = [f for f in linter.check(planted, path).findings
               if _overlaps(f.start, f.end, s0, s1)
               and not any(r == f.rule_id and _overlaps(f.start, f.end, b0, b1) for r, b0, b1 in before)]
        offered = any(f.can_fix for f in new)
        restored = safe_restored = False
        unrestored = None
        if offered:
            if True not in fixed_clean:
                fixed_clean[True] = linter.fix(text, path, unsafe=True).text
            fixed = linter.fix(planted, path, unsafe=True).text
            restored = fixed == fixed_clean[True]
            if not restored:
                unrestored = _difference(fixed_clean[True], fixed)
            if any(f.safe_fix for f in new):
                if False not in fixed_clean:
                    fixed_clean[False] = linter.fix(text, path, unsafe=False).text
                safe_restored = linter.fix(planted, path, unsafe=False).text == fixed_clean[False]
        out.append({
            **plant.to_dict(), "path": path, "folder": folder, "found": bool(new),
            "rules": sorted({f.rule_id for f in new}),
            "severity": max((f.severity.rank for f in new), default=0),
            "fix_offered": offered, "restored": restored, "safe_restored": safe_restored,
            "context": _context(planted, s0, s1), "unrestored": unrestored,
        })
    return out


def _show(text: str) -> str:
    return (text.replace("\n", "⏎").replace("\u00a0", "⍽").replace("\u200b", "[ZWSP]")
            .replace("\u00ad", "[SHY]"))


def _context(text: str, s0: int, s1: int, width: int = 70) -> str:
    return f"…{_show(text[max(0, s0 - width):s0])}[[{_show(text[s0:s1])}]]{_show(text[s1:s1 + width])}…"


def _difference(want: str, got: str, width: int = 50) -> dict:
    """Where the fixed planted copy differs from the fixed clean article, with context."""
    i = next((k for k, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
    j = 0  # common tail
    while j < min(len(want), len(got)) - i and want[-1 - j] == got[-1 - j]:
        j += 1
    return {"want": _context(want, i, len(want) - j, width), "got": _context(got, i, len(got) - j, width)}


# ------------------------------------------------------------ the report

def tally(results):
    """Rows per sub-kind, per kind (pooled) and overall."""
    groups = defaultdict(list)
    for r in results:
        groups[(r["kind"], r["sub"])].append(r)
        groups[(r["kind"], None)].append(r)
        groups[(None, None)].append(r)
    rows = {}
    for key, rs in groups.items():
        found = [r for r in rs if r["found"]]
        rows[key] = {
            "kind": key[0] or "all", "sub": key[1], "planted": len(rs), "found": len(found),
            "recall": round(100 * len(found) / len(rs), 1) if rs else None,
            "found_warning_plus": sum(r["severity"] >= 2 for r in found),
            "by_folder": {d: [sum(r["folder"] == d for r in rs), sum(r["folder"] == d for r in found)]
                          for d in sorted({r["folder"] for r in rs})},
            "fix_offered": sum(r["fix_offered"] for r in rs),
            "restored": sum(r["restored"] for r in rs),
            "safe_restored": sum(r["safe_restored"] for r in rs),
            "rules": dict(Counter(rule for r in found for rule in r["rules"]).most_common()),
        }
    return rows


def _pct(n, d):
    return f"{100 * n / d:.0f}%" if d else "-"


def print_table(rows, order):
    print("| kind | sub-kind | planted | found | recall | found at warning+ | fix offered "
          "| fix restores (unsafe on) | restores with safe fixes | rules that found it |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for key in order:
        if key not in rows:
            continue
        r = rows[key]
        name = f"**{r['kind']}**" if key[1] is None else ""
        sub = r["sub"] or "(all)"
        rules = ", ".join(f"{k.removeprefix('News.')} {v}" for k, v in r["rules"].items()) or "-"
        print(f"| {name} | {sub} | {r['planted']} | {r['found']} | {_pct(r['found'], r['planted'])} "
              f"| {r['found_warning_plus']} | {r['fix_offered']} "
              f"| {r['restored']} ({_pct(r['restored'], r['found'])} of found) "
              f"| {r['safe_restored']} | {rules} |")


VERDICTS = Path(__file__).resolve().parent / "data" / "claims_context_verdicts.jsonl"


def judged_claims(results, texts) -> tuple[int, int, int] | None:
    """(plants read, plants a reader says need a source, of those found) for the unattributed claims that
    ``claims_context.py``'s stored blind verdicts cover; None when none is covered."""
    from claims_context import item_id  # scripts/claims_context.py, only for this report

    verdicts = {v["id"]: v["needs_source"] for v in map(json.loads, VERDICTS.read_text(encoding="utf-8").splitlines())}
    read = needs = found = 0
    for r in results:
        if r["kind"] != "unattributed-claim":
            continue
        text = texts[r["path"]]
        planted = text[:r["start"]] + r["new"] + text[r["end"]:]
        verdict = verdicts.get(item_id("planted", Path(r["path"]), planted[r["span"][0]:r["span"][1]]))
        if verdict is None:
            continue
        read += 1
        needs += verdict
        found += verdict and r["found"]
    return (read, needs, found) if read else None


def judged_kinds(results) -> list[str]:
    """For each kind with stored blind verdicts of ``plants_context.py``
    (scripts/data/<kind>_context_verdicts.jsonl: id, reader, error), a line: how many of its plants
    were read, and the kind's recall over the plants the readers read as errors."""
    from plants_context import item_id, verdicts_path  # scripts/plants_context.py, only for this report

    lines = []
    for kind in planters.KINDS:
        path = verdicts_path(kind)
        plants = [r for r in results if r["kind"] == kind]
        if not plants or not path.is_file():
            continue
        readers = defaultdict(dict)
        for v in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            readers[v["reader"]][v["id"]] = v["error"]
        ids = {id(r): item_id("planted", r["kind"], r["sub"], r["path"], r["start"], r["old"], r["new"])
               for r in plants}
        read = [r for r in plants if all(ids[id(r)] in v for v in readers.values())]
        if not read:
            continue
        found = sum(r["found"] for r in read)
        views = [("every reader" if len(readers) > 1 else "the reader", all)]
        if len(readers) > 1:
            views.append(("at least one", any))
        parts = []
        for label, agg in views:
            errors = [r for r in read if agg(v[ids[id(r)]] for v in readers.values())]
            hit = sum(r["found"] for r in errors)
            parts.append(f"{label} read {len(errors)} as errors, {hit} of those found ({_pct(hit, len(errors))})")
        lines.append(f"{kind.capitalize()} plants blind readers read in context ({path.relative_to(path.parents[2])}, "
                     f"{len(readers)} reader{'s' if len(readers) > 1 else ''}): {len(read)} of the {len(plants)} "
                     f"plants read, {found} found ({_pct(found, len(read))}); " + "; ".join(parts))
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT)
    ap.add_argument("--half", choices=corpus.HALVES + ("all",), default="measure",
                    help="which half of the corpus (default: measure)")
    ap.add_argument("--per-kind", type=int, default=40, help="planted copies per sub-kind (default 40)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kind", action="append", help=f"only these kinds ({', '.join(planters.KINDS)})")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help="print N misses, and N fixes that do not restore the original, per sub-kind")
    ap.add_argument("--json", action="store_true", help="print the rows and every result as JSON")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--folders", default=",".join(CONTROLS),
                    help=f"comma-separated corpus folders to plant in (default {','.join(CONTROLS)}: the edited "
                         "copy; polnear's election news from seven outlets is edited copy too, scraped)")
    ap.add_argument("--any-claim", action="store_true",
                    help="unattributed claims: strip any attribution, not only one from a sentence with a figure "
                         "the article does not repeat (the planter before 2026-12-01)")
    ap.add_argument("--keep-hedges", action="store_true",
                    help="unattributed claims: plant in sentences that keep a convention hedge ('it is understood')"
                         " too (the planter before 2026-12-01's claims4 branch)")
    args = ap.parse_args(argv)
    planters.FIGURES_ONLY = not args.any_claim
    planters.HEDGES_KEPT = args.keep_hedges
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to plant")
        return 0
    folders = tuple(f.strip() for f in args.folders.split(",") if f.strip())
    known = CONTROLS + corpus.SCRAPED
    if not folders or set(folders) - set(known):
        print(f"plant.py: --folders: unknown folder {', '.join(sorted(set(folders) - set(known))) or '(none)'}"
              f" (known: {', '.join(known)})", file=sys.stderr)
        return 2
    items = control_articles(args.corpus, None if args.half == "all" else args.half, folders)
    texts = {str(p): read_path(str(p)).text for p, _ in items}
    titles = {p: t.split("\n", 1)[0].strip() for p, t in texts.items()}
    plan = choose([(str(p), f) for p, f in items], texts, titles, corpus_vocab(args.corpus),
                  args.per_kind, args.seed, args.kind)
    folder_of_path = {str(p): f for p, f in items}
    jobs = [(p, folder_of_path[p], texts[p], plants) for p, plants in plan.items()]
    if args.jobs > 1:
        with Pool(args.jobs, initializer=_start) as pool:
            results = [r for rs in pool.imap_unordered(evaluate, jobs, chunksize=4) for r in rs]
    else:
        _start()
        results = [r for job in jobs for r in evaluate(job)]
    rank = {(k, s): i for i, (k, s, _) in enumerate(planters.PLANTERS)}
    results.sort(key=lambda r: (rank[(r["kind"], r["sub"])], r["path"]))
    rows = tally(results)
    order = []
    for kind in planters.KINDS:
        order.append((kind, None))
        order.extend((k, s) for k, s, _ in planters.PLANTERS if k == kind)
    order.append((None, None))
    if args.json:
        json.dump({"half": args.half, "folders": list(folders), "seed": args.seed, "per_kind": args.per_kind,
                   "rows": [rows[k] for k in order if k in rows], "results": results},
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"Planted defects, {args.half} half of {', '.join(folders)}, seed {args.seed}, "
          f"up to {args.per_kind} per sub-kind\n")
    print_table(rows, order)
    print(f"\nCandidate spots left out because lintnews reads them as quoted as written (its quotation "
          f"model, posts, block quotes, tables) while the planter's own paragraph-level quotation "
          f"model does not: {planters.Site.left_to_lintnews}")
    judged = judged_claims(results, texts)
    if judged:
        read, needs, found = judged
        print(f"\nUnattributed claims a blind reader saw in context ({VERDICTS.relative_to(VERDICTS.parents[2])}): "
              f"{read} of the {sum(r['kind'] == 'unattributed-claim' for r in results)} plants read, {needs} need a "
              f"source as the article stands, {found} of those found")
    for line in judged_kinds(results):
        print("\n" + line)
    if args.show_misses:
        for key in order:
            if key[1] is None:
                continue
            misses = [r for r in results if (r["kind"], r["sub"]) == key and not r["found"]]
            if not misses:
                continue
            print(f"\n== misses: {key[0]} / {key[1]} ({len(misses)})")
            for r in misses[:args.show_misses]:
                print(f"  {Path(r['path']).name}: {r['old']!r} -> {r['new']!r}: {r['context']}")
        for key in order:
            wrong = [r for r in results if (r["kind"], r["sub"]) == key and r["unrestored"]]
            if key[1] is None or not wrong:
                continue
            print(f"\n== fixed but not restored: {key[0]} / {key[1]} ({len(wrong)})")
            for r in wrong[:args.show_misses]:
                print(f"  {Path(r['path']).name}: {r['old']!r} -> {r['new']!r}\n"
                      f"    original: {r['unrestored']['want']}\n    fixed:    {r['unrestored']['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
