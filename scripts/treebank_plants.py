"""Agreement errors planted in the UD treebank text by its gold dependencies, with every sentence a control.

    python scripts/treebank_plants.py                  # tune text: EWT train and dev, GUM's CC BY genres
    python scripts/treebank_plants.py --split test     # EWT test, kept for a final check
    python scripts/treebank_plants.py --misses m.jsonl --false f.jsonl

The corpus planter (``scripts/planters.py``) guesses a subject from the words
before a verb, so it plants few errors (about a hundred per half) and only
where a regex can see the subject. Here the treebank's annotators say which
word is the subject and what number it has: every finite be/have/do verb
(is/are, was/were, has/have, does/do) whose ``nsubj``, ``nsubj:pass`` or
``expl`` subject has a gold ``Number`` that the verb agrees with is flipped to
the other number, one plant per copy. Sub-kinds say where the subject's head
stands relative to the verb and what stands between (a prepositional phrase,
a relative clause, a participle, a name...), so recall can be read by class.
Not planted: subjects the verb does not agree with as written (collectives,
measures, "the number of", errors in the text), a plural verb after a
collective or a measure, "were" where a subjunctive may stand, "I" and "you".

Each sentence is checked alone (after a title line) through the library API
with the agreement rules only; a plant is found when a finding of those rules
covers the changed verb and the untouched sentence has none there. Every
finding on an untouched sentence is a false finding (unless the treebank text
has the error itself, which is rare).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import planters  # noqa: E402
import treebank  # noqa: E402

from lintnews import Linter, load_rules  # noqa: E402

SPLITS = {"tune": ("ewt-train", "ewt-dev", "gum"), "test": ("ewt-test",)}
RULES = ("News.Agreement", "News.PluralVerb")
TITLE = "Treebank text\n\n"
FLIP = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has", "does": "do",
        "do": "does"}
SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})
SUBJECTS = ("nsubj", "nsubj:pass", "expl")
MEASURES = frozenset("second minute hour day week month year decade century mile metre meter kilometre kilometer "
                     "foot inch yard pound dollar euro cent percent point degree acre ton tonne gallon litre liter "
                     "million billion thousand hundred".split())
SUBJUNCTIVE_MARKS = frozenset("if though wish whether unless as suppose supposing".split())
KEEP_OUT = frozenset({"i", "you"})


def number(feats: str) -> str | None:
    for feat in feats.split("|"):
        if feat.startswith("Number="):
            return {"Sing": "sg", "Plur": "pl"}.get(feat[7:])
    return None


def children(sent, head: int) -> list[int]:
    """0-based indices of the words whose head is word ``head`` (0-based)."""
    return [k for k, h in enumerate(sent.heads) if h == head + 1]


def subtree(sent, top: int) -> set[int]:
    out, todo = {top}, [top]
    while todo:
        for k in children(sent, todo.pop()):
            if k not in out:
                out.add(k)
                todo.append(k)
    return out


def coordinated(sent, s: int) -> bool:
    """The subject's head has a conjunct joined by "and" ("the minister and his deputy")."""
    for c in children(sent, s):
        if sent.deprels[c] == "conj" and any(sent.lemmas[k].lower() == "and" for k in children(sent, c)
                                              if sent.deprels[k] == "cc"):
            return True
    return False


def between_class(sent, s: int, v: int) -> str:
    """What stands between a subject's head and its verb, by the first dependent of the head there."""
    inside = subtree(sent, s)
    gap = range(s + 1, v)
    if not all(k in inside for k in gap):
        return "adverb or parenthesis between" if all(sent.upos[k] in ("ADV", "PUNCT", "PART") for k in gap
                                                      if k not in inside) else "other words between"
    first = min((c for c in children(sent, s) if s < c < v), default=None)
    rel = sent.deprels[first] if first is not None else ""
    if rel.startswith("nmod"):
        cases = [sent.lemmas[k].lower() for k in children(sent, first) if sent.deprels[k] == "case"]
        return "of-phrase" if "of" in cases else "other prepositional phrase"
    if rel == "acl:relcl":
        return "relative clause"
    if rel == "acl":
        return "participle or infinitive phrase"
    if rel in ("appos", "flat", "compound", "nummod", "nmod:npmod", "nmod:tmod"):
        return "apposition, name or number"
    return "other phrase"


def sub_kind(sent, s: int, v: int, expl: bool) -> str:
    if expl:
        return "there + noun"
    if coordinated(sent, s) and s < v:
        return "coordinated subject"
    if s > v:
        return "subject after the verb"
    if sent.upos[s] == "PRON":
        return "pronoun subject"
    shape = subject_shape(sent, s)
    if s == v - 1:
        return shape + "head right before the verb"
    return shape + "head + " + between_class(sent, s, v)


def subject_shape(sent, s: int) -> str:
    """"" for a common noun opened by a determiner or a possessive, else "name: " or "bare noun: "."""
    if sent.upos[s] == "PROPN":
        return "name: "
    if any(sent.deprels[c] in ("det", "nmod:poss", "det:poss") or sent.upos[c] == "NUM"
           for c in children(sent, s) if c < s):
        return ""
    return "bare noun: "


def plants(sent):
    """(verb index, new form, sub-kind, direction) for each verb of the sentence that can be flipped."""
    out = []
    for v, form in enumerate(sent.forms):
        low = form.lower()
        if (low not in FLIP or sent.xpos[v] not in ("VBZ", "VBP", "VBD")
                or sent.lemmas[v] not in ("be", "have", "do") or sent.spans[v] is None):
            continue
        a, b = sent.spans[v]
        if sent.text[a:b] != form:
            continue
        head = sent.heads[v] - 1 if sent.deprels[v] in ("cop", "aux", "aux:pass") else v
        if head < 0:
            continue
        deps = {sent.deprels[c]: c for c in children(sent, head) if sent.deprels[c] in SUBJECTS}
        expl = "expl" in deps and sent.lemmas[deps["expl"]].lower() == "there"
        s = deps.get("nsubj", deps.get("nsubj:pass"))
        if s is None or sent.forms[s].lower() in KEEP_OUT or (not expl and "expl" in deps):
            continue
        num = "pl" if coordinated(sent, s) else number(sent.feats[s])
        verb_num = "sg" if low in SINGULAR_VERBS else "pl"
        if num is None or num != verb_num:
            continue
        lemma = sent.lemmas[s].lower()
        if num == "sg" and lemma in planters._COLLECTIVE | MEASURES:
            continue
        if num == "pl" and lemma in MEASURES:
            continue
        if FLIP[low] == "were" and any(sent.lemmas[k].lower() in SUBJUNCTIVE_MARKS for k in children(sent, head)
                                       if sent.deprels[k] == "mark"):
            continue
        kind = sub_kind(sent, s, v, expl)
        first = min(subtree(sent, s))
        opener = f"{sent.forms[first - 1]}/{sent.xpos[first - 1]}" if first > 0 else "START"
        out.append((v, planters.like(FLIP[low], form), kind, f"{num} subject: {low} -> {FLIP[low]}", opener))
    return out


def _overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def run(split: str, root: Path, rules=RULES):
    linter = Linter(load_rules(select=list(rules)))
    results, false = [], []
    sentences = 0
    for name in SPLITS[split]:
        for sent in treebank.load(root, name):
            sentences += 1
            clean = linter.check(TITLE + sent.text).findings
            base = len(TITLE)
            for f in clean:
                false.append({"file": name, "doc": sent.doc, "rule": f.rule_id, "text": sent.text,
                              "span": sent.text[f.start - base:f.end - base], "message": f.message})
            for v, new, kind, direction, opener in plants(sent):
                a, b = sent.spans[v]
                text = sent.text[:a] + new + sent.text[b:]
                s0, s1 = a + base, a + base + len(new)
                before = [(f.rule_id, f.start, f.end) for f in clean]
                found = [f for f in linter.check(TITLE + text).findings
                         if _overlaps(f.start, f.end, s0, s1)
                         and not any(r == f.rule_id and _overlaps(f.start, f.end, x0, x1) for r, x0, x1 in before)]
                results.append({"file": name, "doc": sent.doc, "sub": kind, "direction": direction,
                                "text": text, "verb": new, "opener": opener, "found": bool(found),
                                "rules": sorted({f.rule_id for f in found})})
    return results, false, sentences


def table(results, false, sentences) -> str:
    rows = defaultdict(Counter)
    for r in results:
        side = "plural subject" if r["direction"].startswith("pl") else "singular subject"
        for key in (("all", ""), (r["sub"], side), (r["sub"], "")):
            rows[key]["n"] += 1
            rows[key]["found"] += r["found"]
    verbs = Counter()
    for r in results:
        verbs[r["direction"], "n"] += 1
        verbs[r["direction"], "found"] += r["found"]
    lines = ["| sub-kind | subject | planted | found | recall |", "|---|---|---|---|---|"]
    for (sub, side), c in sorted(rows.items(), key=lambda kv: (kv[0][0] != "all", kv[0][0], kv[0][1])):
        lines.append(f"| {sub} | {side or 'both'} | {c['n']} | {c['found']} | {100 * c['found'] / c['n']:.1f}% |")
    for d in sorted({d for d, _ in verbs}):
        lines.append(f"| by verb: {d} | | {verbs[d, 'n']} | {verbs[d, 'found']} | "
                     f"{100 * verbs[d, 'found'] / verbs[d, 'n']:.1f}% |")
    per_rule = Counter(f["rule"] for f in false)
    lines.append("")
    lines.append(f"controls: {sentences} sentences, {len(false)} findings "
                 f"({1000 * len(false) / max(sentences, 1):.2f} per 1,000 sentences): "
                 + ", ".join(f"{r} {n}" for r, n in sorted(per_rule.items())))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=sorted(SPLITS), default="tune")
    ap.add_argument("--root", type=Path, default=treebank.DEFAULT)
    ap.add_argument("--rules", default=",".join(RULES), help="rule ids whose findings count (comma-separated)")
    ap.add_argument("--misses", type=Path, help="write the missed plants here (JSON lines)")
    ap.add_argument("--found", type=Path, help="write the found plants here (JSON lines)")
    ap.add_argument("--false", type=Path, help="write the findings on untouched sentences here (JSON lines)")
    args = ap.parse_args(argv)
    if not (args.root / treebank.FILES[SPLITS[args.split][0]]).is_file():
        print(f"treebank_plants: {args.root}: no treebank files there", file=sys.stderr)
        return 2
    results, false, sentences = run(args.split, args.root, tuple(args.rules.split(",")))
    print(table(results, false, sentences))
    for path, rows in ((args.misses, [r for r in results if not r["found"]]),
                       (args.found, [r for r in results if r["found"]]), (args.false, false)):
        if path:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
