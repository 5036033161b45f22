#!/usr/bin/env python3
"""Does a planted unattributed claim need a source as the article stands? A blind read in context.

    python scripts/claims_context.py sample OUT_DIR [--half measure] [--narration 45] [--seed 7]
                                            [--folders bbc,isot_true] [--any-claim 0] [--exclude FILE]
    python scripts/claims_context.py score OUT_DIR [--verdicts FILE]

The planter (scripts/planters.py) deletes ", X said" or "According to X," from a sentence of edited
copy that states a figure the article does not repeat, and counts the result as a defect. Whether a
copy editor would ask "says who?" of that sentence depends on the sentence, and on the sentences
around it, which the reader of ``claims_judge.py`` never sees. So ``sample`` writes, shuffled:

* every planted sentence of the half's edited copy (bbc, isot_true), with the sentence before and
  after it in its paragraph, the planted sentence marked ⟦like this⟧;
* as a control, ``--narration`` sentences of the same copy that the writer left without a source:
  six words or more, a figure the article states nowhere else (the planter's own test), no verb of
  saying or "according to", in a paragraph with no quotation marks; marked the same way.

``items.jsonl`` holds an opaque id, the title and the passage; ``OUT-key.jsonl``, beside the folder (kept from the reader)
the origin, the article and the sentence. The reader writes ``verdicts.jsonl``:
``{"id": ..., "needs_source": true|false, "note": ...}``. ``score`` checks each article as it stands
(the planted copy, or the article as written) with the default rules and counts, by origin and
verdict, the sentences News.UnattributedClaim flags (a finding overlapping the sentence).
``--folders`` reads other folders as well (polnear's election news has as many figure sites on the
tune half as the edited copy); ``--any-claim N`` adds N plants of the old planter (any attributed
sentence, figure or not; origin ``planted-any``) drawn from the same folders, so a tuning read sees
the sentences the figure test leaves out as well; ``--exclude FILE`` leaves out the items an earlier
read (its verdicts file) holds, so a second tune read grows the first. The defaults give the stored sample.
The first reading's verdicts (ids and verdicts only) are kept in
``scripts/data/claims_context_verdicts.jsonl``: ``score OUT --verdicts`` that file, after
``sample OUT`` with the defaults, gives its figures again.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

import corpus  # noqa: E402
import planters  # noqa: E402
from corpus import CONTROLS, articles_in, folder_of  # noqa: E402

from lintnews import Linter, load_rules  # noqa: E402
from lintnews.read.source import read_path  # noqa: E402

RULE = "News.UnattributedClaim"
_SOURCED = re.compile(r"\b(?:said|says|say|told|tells|according to|reported|reports|added|adds|announced|"
                      r"estimated|estimates|claimed|claims|stated|quoted|citing|cited|showed|shows|found|"
                      r"predicted|forecast|expects|expected)\b", re.IGNORECASE)


_sentence = planters.sentence_at


def passage(text: str, s0: int, s1: int) -> str:
    """The sentence text[s0:s1] marked, with the sentence before and after it in its line."""
    before = _sentence(text, s0 - 2) if s0 >= 2 and text[s0 - 1] != "\n" else None
    after = _sentence(text, s1 + 1) if s1 + 1 < len(text) and text[s1] != "\n" else None
    parts = [text[before[0]:before[1]].strip()] if before else []
    parts.append("⟦" + text[s0:s1].strip() + "⟧")
    if after:
        parts.append(text[after[0]:after[1]].strip())
    return re.sub(r"[ \t]{2,}", " ", " ".join(parts))


def planted(path: Path, text: str, any_claim: bool = False):
    """(planted text, span) for each planter of unattributed claims that finds a site; with
    ``any_claim`` the old planter's (any attributed sentence, figure or not)."""
    site = planters.Site(text)
    figures_only, planters.FIGURES_ONLY = planters.FIGURES_ONLY, not any_claim
    try:
        made = [make(site, random.Random(f"{path.name}:{make.__name__}"))
                for make in (planters.plant_said, planters.plant_according)]
    finally:
        planters.FIGURES_ONLY = figures_only
    for plant in made:
        if plant is not None:
            yield text[:plant.start] + plant.new + text[plant.end:], plant.span


def narration(text: str):
    """Spans of sentences the writer left unsourced that state a figure found nowhere else."""
    for line_start, line in _lines(text):
        if '"' in line or "“" in line:
            continue
        at = 0
        while at < len(line):
            span = _sentence(text, line_start + at)
            if span is None:
                break
            s0, s1 = span
            sentence = text[s0:s1]
            rest = text[:s0] + text[s1:]
            if (len(sentence.split()) >= 6 and not _SOURCED.search(sentence)
                    and planters.states_a_new_figure(sentence, rest)):
                yield s0, s1
            at = s1 - line_start + 1


def _lines(text: str):
    start = text.find("\n") + 1  # the title line is no paragraph
    for line in text[start:].split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def item_id(origin: str, path: Path, sentence: str) -> str:
    """The opaque id of one read sentence (stored verdicts are keyed by it)."""
    return hashlib.sha1(f"{origin}\0{path.name}\0{sentence}".encode()).hexdigest()[:10]


def sample(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    plants, controls, others = [], [], []
    folders = args.folders.split(",") if args.folders else CONTROLS
    for path in articles_in(args.corpus, args.half):
        if folder_of(path, args.corpus) not in folders:
            continue
        text = read_path(str(path)).text
        for new, (s0, s1) in planted(path, text):
            plants.append(("planted", path, new, s0, s1))
        controls.extend(("narration", path, text, s0, s1) for s0, s1 in narration(text))
        if args.any_claim:
            seen = {p[2][p[3]:p[4]] for p in plants if p[1] == path}
            others.extend(("planted-any", path, new, s0, s1) for new, (s0, s1) in planted(path, text, True)
                          if new[s0:s1] not in seen)
    if args.exclude:
        plants, controls, others = (_unread(group, args.exclude) for group in (plants, controls, others))
    rng = random.Random(args.seed)
    rng.shuffle(controls)
    chosen = plants + controls[:args.narration]
    if args.any_claim:
        random.Random(args.seed + 1).shuffle(others)
        chosen += others[:args.any_claim]
    rng.shuffle(chosen)
    with open(out / "items.jsonl", "w", encoding="utf-8") as items, open(corpus.new_key_file(out), "w", encoding="utf-8") as keys:
        for origin, path, text, s0, s1 in chosen:
            key = item_id(origin, path, text[s0:s1])
            items.write(json.dumps({"id": key, "title": text.split("\n", 1)[0], "context": passage(text, s0, s1)},
                                   ensure_ascii=False) + "\n")
            keys.write(json.dumps({"id": key, "origin": origin, "path": str(path), "start": s0, "end": s1,
                                   "sentence": text[s0:s1]}, ensure_ascii=False) + "\n")
    extra = f", {min(len(others), args.any_claim)} of any claim of {len(others)}" if args.any_claim else ""
    print(f"wrote {len(chosen)} items ({len(plants)} planted, {min(len(controls), args.narration)} narration "
          f"of {len(controls)}{extra}) to {out / 'items.jsonl'}")
    return 0


def _unread(group: list, files: list) -> list:
    """The items of ``group`` whose ids none of ``files`` (an earlier read's verdicts or key) holds."""
    seen = set()
    for name in files:
        with open(name, encoding="utf-8") as handle:
            seen.update(json.loads(line)["id"] for line in handle if line.strip())
    return [item for item in group if item_id(item[0], item[1], item[2][item[3]:item[4]]) not in seen]


def score(args) -> int:
    out = Path(args.out)
    with open(args.verdicts or out / "verdicts.jsonl", encoding="utf-8") as handle:
        verdicts = {v["id"]: v for v in map(json.loads, handle)}
    with open(corpus.key_file(out), encoding="utf-8") as handle:
        keys = [json.loads(line) for line in handle]
    linter = Linter(load_rules())
    table = Counter()
    for k in keys:
        v = verdicts.get(k["id"])
        if v is None:
            continue
        path = Path(k["path"])
        text = read_path(str(path)).text
        if k["origin"].startswith("planted"):
            text = next(new for new, span in planted(path, text, k["origin"] == "planted-any")
                        if new[span[0]:span[1]] == k["sentence"])
        flagged = any(f.rule_id == RULE and f.start < k["end"] and k["start"] < f.end
                      for f in linter.check(text, str(path)).findings)
        table[k["origin"], v["needs_source"], flagged] += 1
    for origin in sorted({origin for origin, _, _ in table}, key=("planted", "planted-any", "narration").index):
        for needs in (True, False):
            n = table[origin, needs, True] + table[origin, needs, False]
            print(f"{origin:9} {'needs a source' if needs else 'fine as it is':15} {n:3}   flagged {table[origin, needs, True]}")
    return 0


def main(argv=None) -> int:
    ap = corpus.blind_read_parser(__doc__, "folder for items.jsonl and verdicts.jsonl (the key goes beside it, OUT-key.jsonl)")
    ap.add_argument("--half", choices=("tune", "measure"), default="measure")
    ap.add_argument("--narration", type=int, default=45, help="control sentences the writer left unsourced")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--folders", help="comma-separated corpus folders to read (default: the edited copy, "
                                      + ",".join(CONTROLS) + ")")
    ap.add_argument("--any-claim", type=int, default=0,
                    help="add this many plants of any attributed sentence, figure or not (origin planted-any)")
    ap.add_argument("--exclude", action="append", metavar="FILE",
                    help="leave out items whose ids this file (an earlier read's verdicts) holds; repeatable")
    ap.add_argument("--verdicts", help="verdicts to score (default OUT/verdicts.jsonl)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to read")
        return 0
    return sample(args) if args.command == "sample" else score(args)


if __name__ == "__main__":
    sys.exit(main())
