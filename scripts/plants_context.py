#!/usr/bin/env python3
"""Is a planted defect a defect as the article stands? A blind read in context, for any planted kind.

    python scripts/plants_context.py sample OUT --kind agreement [--half measure] [--seed 1] [--per-kind 40]
    python scripts/plants_context.py score OUT --verdicts FILE [--verdicts FILE2]

``scripts/plant.py`` plants one defect per copy of edited articles and counts a copy as a defect the
rules should find. A planter guesses from the words around a site ("the rise in prices is" -> "are"),
so some copies may be no error at all: a collective or measure noun it did not know, a subject it
misread, a British plural verb. ``sample`` writes, shuffled, for one kind:

* every plant of that kind that ``plant.py`` makes with the same half, seed and ``--per-kind``: the
  planted sentence with the sentence before and after it in its paragraph, the planted words marked
  ⟦like this⟧;
* as many controls: spots of the same shape in the same edited copy (each a site the same planter
  would choose, left as the writer wrote it), from the planted article when it has one whose passage
  does not overlap a planted one, else from another article of the half; marked the same way.

``items.jsonl`` holds an opaque id, the title and the passage; ``OUT-key.jsonl``, beside the folder (kept from the reader)
the origin, the article, the sub-kind and where; ``README-reader.md`` the reader's instructions, one
neutral question for every item. The reader writes ``{"id", "error": true|false, "correction",
"note"}`` per line. ``score`` reports per sub-kind the plants read as errors, the controls read as
errors (the reader's false alarms) and, of the plants read as errors, how many the default rules
find (``plant.py``'s own test); with two verdict files, how often the readers agree. Verdicts kept in
``scripts/data/<kind>_context_verdicts.jsonl`` (id, reader, error; ``score --store``) are what
``plant.py`` reports from; ``score OUT --verdicts`` that file, after ``sample`` with the same
arguments, gives its figures again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

import corpus  # noqa: E402
import planters  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"

QUESTIONS = {
    "agreement": "Is the marked part grammatical as it stands in this article? If not, what should it be?",
}
QUESTION = "Is the marked part correct as it stands in this article? If not, what should it be?"
OPEN, CLOSE = "⟦", "⟧"


def verdicts_path(kind: str) -> Path:
    return DATA / f"{kind}_context_verdicts.jsonl"


def item_id(origin: str, kind: str, sub: str, path, start: int, old: str, new: str | None) -> str:
    """The opaque id of one read item (stored verdicts are keyed by it); ``plant.py`` computes it from
    a plant's result: origin "planted", the plant's kind, sub-kind, article, start, old and new text."""
    raw = "\0".join((origin, kind, sub, Path(path).name, str(start), old, new if new is not None else ""))
    return hashlib.sha1(raw.encode()).hexdigest()[:10]


# ------------------------------------------------------------ passages

def bounds(text: str, m0: int, m1: int) -> tuple[int, int]:
    """Where the passage around text[m0:m1] starts and ends: its sentence with the sentence before and
    after it in the same line; a mark that is a whole line gets the lines before and after it."""
    line0 = text.rfind("\n", 0, m0) + 1
    line1 = text.find("\n", m1)
    line1 = len(text) if line1 < 0 else line1
    if m0 == line0 and m1 == line1:  # a paragraph of its own (a line added or repeated)
        prev = text.rfind("\n", 0, max(line0 - 1, 0))
        while line0 > 0 and not text[prev + 1:line0].strip() and prev >= 0:
            prev = text.rfind("\n", 0, prev)
        nxt = text.find("\n", line1 + 1)
        while nxt >= 0 and not text[line1:nxt].strip():
            nxt = text.find("\n", nxt + 1)
        return (prev + 1 if line0 > 0 else line0), (len(text) if nxt < 0 else nxt)
    s0, s1 = planters.sentence_around(text, m0, max(m1, m0 + 1))
    s0 = max(s0, line0)
    while s0 < m0 and text[s0].isspace():
        s0 += 1
    s1 = min(max(s1, m1), line1)
    before = planters.sentence_at(text, s0 - 2) if s0 - 2 >= line0 else None
    after = planters.sentence_at(text, s1 + 1) if s1 + 1 < line1 else None
    return (before[0] if before else s0), (min(after[1], line1) if after else s1)


def passage(text: str, m0: int, m1: int) -> str:
    """The passage around text[m0:m1], the marked words between ⟦ and ⟧."""
    p0, p1 = bounds(text, m0, m1)
    return (text[p0:m0] + OPEN + text[m0:m1] + CLOSE + text[m1:p1]).strip()


# ------------------------------------------------------------ sampling

def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sites(path: str, texts, sites_cache, fn):
    """(mark span, passage bounds) of every spot the planter ``fn`` could choose in the article."""
    site = sites_cache(path)
    text = texts[path]
    return [((s, e), bounds(text, s, e)) for s, e in fn.sites(site)]


def choose_controls(plants, texts, folders, site_of, rng):
    """One control per plant: a spot of its sub-kind the writer wrote, from the planted article if it
    has one whose passage overlaps no plant's and no chosen control's, else from another article of
    the half (of the same folder first); when the half has no such spot left (a rare shape, whose
    every site was planted), a spot of another sub-kind of the same kind, the same way; and when
    even those are gone, a spot whose passage another control shows (never a plant's).
    Returns [(plant, path, control or None)], control = (path, span, sub-kind)."""
    planted = defaultdict(list)  # path -> the passages of its plants, which no control may overlap
    for path, plant in plants:
        planted[path].append(bounds(texts[path], plant.start, max(plant.end, plant.start + 1)))
    taken = defaultdict(list, {p: list(b) for p, b in planted.items()})  # and the chosen controls'
    chosen = defaultdict(set)  # path -> the marks chosen as controls
    pairs = []
    for path, plant in plants:
        same = [(s, fn) for k, s, fn in planters.PLANTERS if (k, s) == (plant.kind, plant.sub)]
        other = [(s, fn) for k, s, fn in planters.PLANTERS if k == plant.kind and s != plant.sub]
        others = [p for p in texts if p != path]
        rng.shuffle(others)
        others.sort(key=lambda p: folders[p] != folders[path])  # the same folder first, stably
        pick = None
        for strict in (True, False):  # at last, a passage another control shows, at another spot
            for sub, fn in same + other:
                for where in [path] + others:
                    pool = _sites(where, texts, site_of, fn)
                    rng.shuffle(pool)
                    span = next((c for c in pool if c[0] not in chosen[where] and not any(
                        _overlap(c[1], t) for t in (taken if strict else planted)[where])), None)
                    if span is not None:
                        pick = (where, span, sub)
                        break
                if pick is not None:
                    break
            if pick is not None:
                break
        if pick is not None:
            taken[pick[0]].append(pick[1][1])
            chosen[pick[0]].add(pick[1][0])
            pick = (pick[0], pick[1][0], pick[2])
        pairs.append((plant, path, pick))
    return pairs


def sample(args) -> int:
    import plant as planting  # scripts/plant.py: the plants are exactly the ones it measures

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    items = planting.control_articles(args.corpus, args.half)
    texts = {str(p): planting.read_path(str(p)).text for p, _ in items}
    folders = {str(p): f for p, f in items}
    titles = {p: t.split("\n", 1)[0].strip() for p, t in texts.items()}
    vocab = planting.corpus_vocab(args.corpus)
    plan = planting.choose(list(folders.items()), texts, titles, vocab, args.per_kind, args.seed, [args.kind])
    plants = sorted(((p, pl) for p, pls in plan.items() for pl in pls), key=lambda x: (x[1].sub, x[0]))
    cache = {}

    def site_of(path):
        if path not in cache:
            doc = planting.read_article(texts[path], path).doc
            zones = tuple(z for spans in doc.zones.values() for z in spans)
            others = tuple(t for p, t in titles.items() if p != path)
            cache[path] = planters.Site(texts[path], vocab, others, zones)
        return cache[path]

    rng = random.Random(f"{args.seed}:controls:{args.kind}")
    rows = []
    for plant, path, control in choose_controls(plants, texts, folders, site_of, rng):
        planted = plant.apply(texts[path])
        s0, s1 = plant.span
        rows.append((item_id("planted", plant.kind, plant.sub, path, plant.start, plant.old, plant.new),
                     planted, s0, s1, {"origin": "planted", "path": path, "folder": folders[path],
                                       "kind": plant.kind, "sub": plant.sub, "start": plant.start,
                                       "end": plant.end, "old": plant.old, "new": plant.new, "span": [s0, s1]}))
        if control is None:
            continue
        cpath, (c0, c1), csub = control
        text = texts[cpath]
        rows.append((item_id("control", plant.kind, csub, cpath, c0, text[c0:c1], None), text, c0, c1,
                     {"origin": "control", "path": cpath, "folder": folders[cpath], "kind": plant.kind,
                      "sub": csub, "for_sub": plant.sub, "start": c0, "end": c1, "old": text[c0:c1],
                      "new": None, "span": [c0, c1], "same_article": cpath == path}))
    random.Random(f"{args.seed}:order:{args.kind}").shuffle(rows)
    with open(out / "items.jsonl", "w", encoding="utf-8") as handle_items, \
            open(corpus.new_key_file(out), "w", encoding="utf-8") as handle_keys:
        for key, text, m0, m1, where in rows:
            handle_items.write(json.dumps({"id": key, "title": text.split("\n", 1)[0].strip(),
                                           "passage": passage(text, m0, m1)}, ensure_ascii=False) + "\n")
            handle_keys.write(json.dumps({"id": key, **where}, ensure_ascii=False) + "\n")
    (out / "README-reader.md").write_text(reader_instructions(args.kind, len(rows)), encoding="utf-8")
    n_plants = sum(r[4]["origin"] == "planted" for r in rows)
    print(f"wrote {len(rows)} items ({n_plants} planted, {len(rows) - n_plants} controls, "
          f"{sum(r[4].get('same_article', False) for r in rows)} of them from the planted article) to {out}")
    return 0


def reader_instructions(kind: str, count: int) -> str:
    question = QUESTIONS.get(kind, QUESTION)
    return f"""# Reading {count} passages of news copy

Each line of `items.jsonl` is one passage from a news article: `id`, the article's `title`, and the
`passage` (a sentence with the sentences around it). Some words in the passage are marked
⟦like this⟧. Read every passage as a copy editor would, and answer the same question for each:

> {question}

Judge the marked words as they stand in this passage, with the words around them; the marks are not
part of the text. The articles come from British and American outlets: judge each by its own variety
of English. Read only this file and `items.jsonl`. Answer for every item, in any order, without
looking anything up. Write one line per item to `verdicts.jsonl`:

    {{"id": "...", "error": false, "correction": null, "note": ""}}
    {{"id": "...", "error": true, "correction": "what the marked words should be", "note": "why, briefly"}}

`error` is true only if the marked words need changing as they stand; `correction` is what they
should read instead (null when `error` is false); `note` is optional.
"""


# ------------------------------------------------------------ scoring

def read_verdicts(path) -> dict:
    """{reader: {id: error}} from a verdict file: one reader's (named None), or the stored file of
    several, whose lines carry a "reader"; a line that is no verdict is a clear error."""
    out = defaultdict(dict)
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                v = json.loads(line)
                out[v.get("reader")][v["id"]] = v["error"] if isinstance(v["error"], bool) else _bool(v["error"])
            except (ValueError, KeyError, TypeError, AttributeError) as err:
                raise SystemExit(f"plants_context.py: {path}:{n}: not a verdict ({err})") from None
    return dict(out)


def _bool(value) -> bool:
    if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no"):
        return value.lower() in ("true", "yes")
    raise ValueError(f"error must be true or false, not {value!r}")


def found_plants(keys) -> dict:
    """{id: found} for the planted items: plant.py's own test (a new finding over the planted span)."""
    import plant as planting

    planting._start()
    out = {}
    for k in keys:
        if k["origin"] != "planted":
            continue
        text = planting.read_path(k["path"]).text
        pl = planters.Plant(k["kind"], k["sub"], k["start"], k["end"], k["old"], k["new"], tuple(k["span"]))
        (result,) = planting.evaluate((k["path"], k["folder"], text, [pl]))
        out[k["id"]] = result["found"]
    return out


def tally(keys, readers: dict, found: dict) -> dict:
    """{sub (or None for all): Counter} of plants, plants read as errors, their found, controls, false alarms;
    per reader name, and "all" (every reader says error) and "any" when there are two or more."""
    names = list(readers)
    views = dict(readers)
    if len(names) > 1:
        common = set.intersection(*(set(v) for v in readers.values()))
        views["all"] = {i: all(readers[n][i] for n in names) for i in common}
        views["any"] = {i: any(readers[n][i] for n in names) for i in common}
    table = {}
    for view, verdicts in views.items():
        rows = defaultdict(Counter)
        for k in keys:
            if k["id"] not in verdicts:
                continue
            error = verdicts[k["id"]]
            for sub in (k["sub"], None):
                row = rows[sub]
                if k["origin"] == "planted":
                    row["plants"] += 1
                    row["plants_error"] += error
                    row["found"] += found.get(k["id"], False)
                    row["error_found"] += error and found.get(k["id"], False)
                else:
                    row["controls"] += 1
                    row["controls_error"] += error
        table[view] = rows
    return table


def agreement(keys, a: dict, b: dict) -> dict:
    """Items both readers read: how many, how many they agree on, and Cohen's kappa."""
    both = [k["id"] for k in keys if k["id"] in a and k["id"] in b]
    n = len(both)
    agree = sum(a[i] == b[i] for i in both)
    if not n:
        return {"read_by_both": 0, "agree": 0, "kappa": None}
    pa, pb = sum(a[i] for i in both) / n, sum(b[i] for i in both) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    kappa = (agree / n - chance) / (1 - chance) if chance < 1 else 1.0
    return {"read_by_both": n, "agree": agree, "kappa": round(kappa, 2) + 0.0}  # never "-0.0"


def _pct(n, d) -> str:
    return f"{100 * n / d:.0f}%" if d else "-"


def score(args) -> int:
    out = Path(args.out)
    files = args.verdicts or [out / "verdicts.jsonl"]
    read = [(name, verdicts) for f in files for name, verdicts in read_verdicts(f).items()]
    names = iter("ABCDEFGHIJ")
    readers = {name or (next(names) if len(read) > 1 else "reader"): verdicts for name, verdicts in read}
    with open(corpus.key_file(out), encoding="utf-8") as handle:
        keys = [json.loads(line) for line in handle]
    found = found_plants(keys)
    table = tally(keys, readers, found)
    subs = [s for _, s, _ in planters.PLANTERS if any(k["sub"] == s for k in keys)] + [None]
    for view, rows in table.items():
        label = {"all": "every reader says error", "any": "some reader says error"}.get(view, f"reader {view}")
        print(f"\n{label}\n")
        print("| sub-kind | plants read | read as errors | found by the rules (all plants) "
              "| found, of those read as errors | controls read | controls read as errors |")
        print("|---|---|---|---|---|---|---|")
        for sub in subs:
            r = rows.get(sub)
            if not r:
                continue
            print(f"| {sub or '**all**'} | {r['plants']} | {r['plants_error']} ({_pct(r['plants_error'], r['plants'])}) "
                  f"| {r['found']} ({_pct(r['found'], r['plants'])}) "
                  f"| {r['error_found']} ({_pct(r['error_found'], r['plants_error'])}) "
                  f"| {r['controls']} | {r['controls_error']} ({_pct(r['controls_error'], r['controls'])}) |")
    if len(readers) > 1:
        (a, va), (b, vb) = list(readers.items())[:2]
        for origin in ("planted", "control", None):
            ks = [k for k in keys if origin is None or k["origin"] == origin]
            ag = agreement(ks, va, vb)
            print(f"\nreaders {a} and {b}, {origin or 'all'} items: {ag['read_by_both']} read by both, agree on "
                  f"{ag['agree']} ({_pct(ag['agree'], ag['read_by_both'])}), Cohen's kappa {ag['kappa']}")
    if args.store:
        kinds = {k["kind"] for k in keys}
        if len(kinds) != 1:
            raise SystemExit("plants_context.py: --store needs the items of one kind")
        path = verdicts_path(kinds.pop())
        with open(path, "w", encoding="utf-8") as handle:
            for name, verdicts in readers.items():
                for k in keys:
                    if k["id"] in verdicts:
                        handle.write(json.dumps({"id": k["id"], "reader": name, "error": verdicts[k["id"]]}) + "\n")
        print(f"\nstored {sum(len(v) for v in readers.values())} verdicts (ids and verdicts only) in {path}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = ap.add_subparsers(dest="command", required=True)
    sampling = commands.add_parser("sample", help="write the items, the key and the reader's instructions to OUT")
    sampling.add_argument("out")
    sampling.add_argument("--kind", required=True, choices=planters.KINDS, help="the planted kind to read")
    sampling.add_argument("--corpus", type=Path, default=corpus.DEFAULT)
    sampling.add_argument("--half", choices=corpus.HALVES, default="measure")
    sampling.add_argument("--seed", type=int, default=1, help="plant.py's seed (default 1)")
    sampling.add_argument("--per-kind", type=int, default=40, help="plant.py's copies per sub-kind (default 40)")
    scoring = commands.add_parser("score", help="score readers' verdicts on the items in OUT")
    scoring.add_argument("out")
    scoring.add_argument("--verdicts", action="append",
                         help="a reader's verdicts (default OUT/verdicts.jsonl); give it twice for two readers")
    scoring.add_argument("--store", action="store_true",
                         help="keep the verdicts (ids and verdicts only) in scripts/data/<kind>_context_verdicts.jsonl")
    args = ap.parse_args(argv)
    if args.command == "score":
        return score(args)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to read")
        return 0
    return sample(args)


if __name__ == "__main__":
    sys.exit(main())
