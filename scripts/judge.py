#!/usr/bin/env python3
"""Blind judging of findings: a sample to read without the rule's intent, then the score per rule.

    python scripts/judge.py sample OUT_DIR [--half measure] [--per-rule 25] [--seed 1]
    python scripts/judge.py score OUT_DIR

``sample`` runs every default rule over one half of the corpus (see
``corpus.half``; bbc as en-GB copy, the rest en-US), draws up to
``--per-rule`` findings of each rule, and writes two files:

* ``items.jsonl``, for the judge: per finding an opaque id, the article's
  title, the paragraph with the flagged span marked ⟦like this⟧ (with its
  neighbours), the marked text with invisible characters spelled out, and
  the change ``lintnews fix`` would make there, if any. No rule id, no message:
  the judge sees what a copy editor would see, not what the rule meant.
  Items are shuffled across rules.
* ``OUT-key.jsonl`` (beside OUT, kept from the judge): id -> rule, level, fix applicability,
  folder, file.

The judge writes ``verdicts.jsonl``, one line per item:
``{"id": ..., "real": true|false, "fix_ok": true|false|null, "note": "..."}``
where ``real`` says a copy editor would change something at the marked
span, and ``fix_ok`` whether the proposed change is the right one (null
when there is none). ``score`` joins verdicts with the key and prints, per
rule, counts of real and false findings and of right and wrong fixes.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import corpus  # scripts/corpus.py
from corpus import articles_in, folder_of

from lintnews import Linter, load_rules

BRITISH = ("bbc",)
CONTEXT = 500  # characters shown either side of the span, at most


def _context(text: str, start: int, end: int) -> str:
    """The paragraph around [start, end) with the one before and after it, the span marked;
    cut to CONTEXT characters either side (… where cut)."""
    left = text.rfind("\n\n", 0, start)
    left = text.rfind("\n\n", 0, left) if left > 0 else -1
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = text.find("\n\n", right + 2) if right >= 0 else -1
    right = len(text) if right < 0 else right
    cut_left, cut_right = max(left, start - CONTEXT), min(right, end + CONTEXT)
    return (("…" if cut_left > left else "") + text[cut_left:start] + "⟦" + text[start:end] + "⟧"
            + text[end:cut_right] + ("…" if cut_right < right else ""))


def _change(text: str, finding) -> str | None:
    fix = finding.fix
    if fix is None:
        return None
    parts = []
    for e in fix.edits:
        old = text[e.start:e.end]
        if not old:
            parts.append(f"insert {e.content!r} at the mark")
        elif not e.content:
            parts.append(f"delete {old!r}")
        else:
            parts.append(f"replace {old!r} with {e.content!r}")
    return "; ".join(parts)


def sample(args) -> int:
    linters = {lang: Linter([r for r in load_rules(language=lang) if r.enabled]) for lang in ("en-US", "en-GB")}
    found = defaultdict(list)
    for path in articles_in(args.corpus, args.half):
        folder = folder_of(path, args.corpus)
        text = path.read_bytes().decode("utf-8-sig")
        result = linters["en-GB" if folder in BRITISH else "en-US"].check(text, str(path))
        for f in result.findings:
            if not args.rule or f.rule_id in args.rule:
                found[f.rule_id].append((folder, path, text, f))
    rng = random.Random(args.seed)
    items, key = [], []
    for rule_id in sorted(found):
        pool = found[rule_id]
        for folder, path, text, f in rng.sample(pool, min(args.per_rule, len(pool))):
            ident = hashlib.sha1(f"{path}:{f.start}:{f.end}:{rule_id}".encode()).hexdigest()[:10]
            title = text.split("\n", 1)[0].strip()
            items.append({"id": ident, "title": title, "context": _context(text, f.start, f.end),
                          "marked": ascii(text[f.start:f.end]), "proposed_change": _change(text, f)})
            key.append({"id": ident, "rule": rule_id, "level": f.severity.value,
                        "fix": f.fix.applicability.value if f.fix else None, "folder": folder,
                        "file": path.relative_to(args.corpus).as_posix(), "line": f.line,
                        "found_in_half": len(pool)})
    rng.shuffle(items)
    args.out.mkdir(parents=True, exist_ok=True)
    for path, rows in ((args.out / "items.jsonl", items), (corpus.new_key_file(args.out), key)):
        with path.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(items)} items from {len(found)} rules written to {args.out}", file=sys.stderr)
    return 0


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(args) -> int:
    key = {row["id"]: row for row in _read(corpus.key_file(args.out))}
    verdicts = {row["id"]: row for row in _read(args.out / "verdicts.jsonl")}
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for ident, row in key.items():
        s = stats[row["rule"]]
        s["found"] = row["found_in_half"]
        v = verdicts.get(ident)
        if v is None:
            s["unjudged"] += 1
            continue
        s["real" if v.get("real") else "false"] += 1
        if row["fix"] in ("safe", "unsafe") and v.get("fix_ok") is not None:
            s[f"{row['fix']}_fix_{'ok' if v['fix_ok'] else 'bad'}"] += 1
    print(f"{'rule':28} {'found':>6} {'read':>5} {'real':>5} {'false':>6} {'precision':>9}  fixes (safe ok/bad, unsafe ok/bad)")
    for rule_id in sorted(stats):
        s = stats[rule_id]
        read = s["real"] + s["false"]
        precision = f"{100 * s['real'] / read:.0f}%" if read else "-"
        print(f"{rule_id:28} {s['found']:>6} {read:>5} {s['real']:>5} {s['false']:>6} {precision:>9}  "
              f"{s['safe_fix_ok']}/{s['safe_fix_bad']}, {s['unsafe_fix_ok']}/{s['unsafe_fix_bad']}"
              + (f"  ({s['unjudged']} unjudged)" if s["unjudged"] else ""))
    return 0


def main(argv=None) -> int:
    ap = corpus.blind_read_parser(__doc__, "folder for items.jsonl and verdicts.jsonl (the key goes beside it, OUT-key.jsonl)")
    ap.add_argument("--half", choices=corpus.HALVES, default="measure")
    ap.add_argument("--per-rule", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rule", action="append", help="only these rule ids (repeatable; default: every rule)")
    args = ap.parse_args(argv)
    if args.command == "sample" and not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; nothing to sample")
        return 0
    return sample(args) if args.command == "sample" else score(args)


if __name__ == "__main__":
    sys.exit(main())
