#!/usr/bin/env python3
"""Recall of News.UnattributedClaim on claims a reader judged contested, blind.

    python scripts/claims_judge.py sample OUT_DIR [--corpus ../shared/corpus] [--per-half 200] [--seed 1]
    python scripts/claims_judge.py score OUT_DIR [--corpus ../shared/corpus]

Deleting the source from an attributed sentence does not always leave a claim
that needs one: "the report will be released on 11 March" needs no source, "the
army killed 40 protesters" does. Counting every stripped sentence as a miss
measures the planter, not the rule. So a reader decides first, without the
rule: ``sample`` takes, for each half of the fixed split, the one-sentence
attributions of PolNeAR (``polnear/annotations``, source and cue deleted, as
``attribution_eval.py`` does) and the attributions the planter strips from
edited copy (``planters.py``: ", X said." and "According to X,"), and writes

* ``items.jsonl`` for the reader: an opaque id and the sentence as it now
  stands. No rule, no half, no source that was deleted. Items are shuffled.
* ``OUT-key.jsonl`` (beside OUT, kept from the reader): id -> half, origin, the sentence.

The reader writes ``verdicts.jsonl``, one line per item:
``{"id": ..., "contested": true|false, "kind": "accusation|casualty|figure|cause|superlative|other|none", "note": ...}``,
where ``contested`` says a copy editor would send the sentence back with "who
says?" as it stands. ``score`` runs the rule on each sentence (alone, as a
one-paragraph article) and prints, per half, how many contested sentences it
flags (recall) and how many uncontested ones (false alarms), by kind.

The verdicts of the first reading are kept in ``scripts/data/claims_verdicts.jsonl``
(ids, verdicts and kinds only, no corpus text; its first line records the sample's
settings): ``score OUT --verdicts scripts/data/claims_verdicts.jsonl`` draws the same
sample again into OUT and scores it.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

import corpus  # noqa: E402
import planters  # noqa: E402
from attribution_eval import gold, stripped_sentences  # noqa: E402
from corpus import CONTROLS, articles_in, folder_of  # noqa: E402

from lintnews import Linter, load_rules  # noqa: E402
from lintnews.read.source import read_path  # noqa: E402

RULE = "News.UnattributedClaim"
HALVES = ("tune", "measure")


def _id(half: str, sentence: str) -> str:
    return hashlib.sha1(f"{half}\0{sentence}".encode()).hexdigest()[:12]


def polnear_items(root: Path, half: str):
    golds = gold(root / "polnear" / "annotations")
    for path in articles_in(root, half):
        if folder_of(path, root) != "polnear" or path.stem not in golds:
            continue
        text = read_path(str(path)).text
        for sentence in stripped_sentences(text, golds[path.stem][1]):
            yield "polnear", sentence


def planted_items(root: Path, half: str, seed: int):
    """The planter's stripped attributions in edited copy, every site of every article."""
    rng = random.Random(seed)
    for path in articles_in(root, half):
        if folder_of(path, root) not in CONTROLS:
            continue
        site = planters.Site(read_path(str(path)).text)
        for make in (planters.plant_said, planters.plant_according):
            plant = make(site, rng)
            if plant is None:
                continue
            text = site.text[:plant.start] + plant.new + site.text[plant.end:]
            s, e = plant.span
            yield "planted", " ".join(text[s:e].split())


def sample(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    items, keys = [], []
    for half in HALVES:
        seen, chosen = set(), []
        for origin, found in (("polnear", polnear_items(args.corpus, half)),
                              ("planted", planted_items(args.corpus, half, args.seed))):
            pool = []
            for _, sentence in found:
                if sentence not in seen and len(sentence.split()) >= 4:
                    seen.add(sentence)
                    pool.append((origin, sentence))
            rng.shuffle(pool)
            chosen.extend(pool[:args.per_half])  # each origin up to --per-half
        for origin, sentence in chosen:
            key = _id(half, sentence)
            items.append({"id": key, "sentence": sentence})
            keys.append({"id": key, "half": half, "origin": origin, "sentence": sentence})
    rng.shuffle(items)
    with open(out / "items.jsonl", "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    with open(corpus.new_key_file(out), "w", encoding="utf-8") as fh:
        for key in keys:
            fh.write(json.dumps(key, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {out / 'items.jsonl'}")
    return 0


def score(args) -> int:
    out = Path(args.out)
    source = Path(args.verdicts) if args.verdicts else out / "verdicts.jsonl"
    lines = [json.loads(line) for line in open(source, encoding="utf-8")]
    header = lines[0] if lines and "sample" in lines[0] else None
    verdicts = {v["id"]: v for v in lines if "id" in v}
    if not corpus.key_file(out).exists() and header is not None:
        # Stored verdicts name no corpus text: draw the same sample again to know the sentences,
        # with the planter they were drawn with (any stripped attribution, not only figures).
        args.per_half, args.seed = header["sample"]["per_half"], header["sample"]["seed"]
        planters.FIGURES_ONLY = False
        planters.HEDGES_KEPT = True  # the planter they were drawn with kept hedges too
        sample(args)
    with open(corpus.key_file(out), encoding="utf-8") as handle:
        keys = {k["id"]: k for k in map(json.loads, handle)}
    linter = Linter(load_rules(select=[RULE]))
    table = defaultdict(Counter)
    missed = defaultdict(list)
    for key, k in keys.items():
        v = verdicts.get(key)
        if v is None:
            continue
        flagged = any(f.rule_id == RULE for f in linter.check("Title\n\n" + k["sentence"] + "\n", "-").findings)
        kind = v.get("kind") or "none"
        row = table[k["half"], "contested" if v["contested"] else "not contested"]
        row["n"] += 1
        row["flagged"] += flagged
        row[f"{kind} n"] += 1
        row[f"{kind} flagged"] += flagged
        if v["contested"] and not flagged and k["half"] == "tune":
            missed[kind].append(k["sentence"])
    for (half, what), row in sorted(table.items()):
        kinds = sorted({name.rsplit(" ", 1)[0] for name in row if name not in ("n", "flagged")})
        per = ", ".join(f"{kd} {row[kd + ' flagged']}/{row[kd + ' n']}" for kd in kinds)
        print(f"{half:8} {what:14} flagged {row['flagged']:3} of {row['n']:3}   ({per})")
    if args.misses:
        for kind, sentences in sorted(missed.items()):
            print(f"\n== tune, contested, not flagged: {kind} ({len(sentences)})")
            for s in sentences[:args.misses]:
                print("  " + s)
    return 0


def main(argv=None) -> int:
    ap = corpus.blind_read_parser(__doc__, "folder for items.jsonl and verdicts.jsonl (the key goes beside it, OUT-key.jsonl)")
    ap.add_argument("--per-half", type=int, default=200, help="sentences of each origin per half, at most")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--misses", type=int, default=0, help="contested tune sentences not flagged to print, per kind")
    ap.add_argument("--verdicts", help="verdicts to score (default OUT/verdicts.jsonl); the stored ones are "
                                       "scripts/data/claims_verdicts.jsonl")
    args = ap.parse_args(argv)
    if not (args.corpus / "polnear" / "annotations").is_dir():
        print(f"corpus not found at {args.corpus}; nothing to judge")
        return 0
    return sample(args) if args.command == "sample" else score(args)


if __name__ == "__main__":
    sys.exit(main())
