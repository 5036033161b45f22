#!/usr/bin/env python3
"""Why News.UnattributedClaim missed each planted unattributed claim: no feature, or a source in reach.

    python scripts/plant.py --half tune --kind unattributed-claim --per-kind 400 --json > OUT.json
    python scripts/claims_why.py OUT.json [OUT2.json ...] [--all]

For every missed plant (every plant with ``--all``) it rebuilds the planted copy, finds the planted
sentence and prints, on one line each: whether the prefilter would tag it, the feature the tagged
sentence shows when no source is asked for (``-`` when none: class (a), the claim is not modelled),
and what the rule takes as its source (class (b) when a feature fires): its own source cue,
speech, a neighbour's words, the layout, first person after a source, a study named in reach or a
source word the tagger reads. A tally by class closes the listing. Tune half only: it prints the
sentences.

    python scripts/claims_why.py --read OUT VERDICTS_A VERDICTS_B

does the same for a blind read in context (``claims_context.py sample OUT --half tune``, read by two
readers): every item either reader wants sourced, or the rule flags, with both verdicts, and a tally
by origin and verdict (both "needs a source", split, both fine) of the items flagged, those with a
feature the rule takes as sourced, and those with no feature. Items on the measure half are counted
in the tally but never printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from lintnews import load_rules  # noqa: E402
from lintnews.read import tagged  # noqa: E402
from lintnews.read.article import read_article  # noqa: E402
from lintnews.rules import carriers, polls  # noqa: E402
from lintnews.rules.patterns import finditer, match, search  # noqa: E402
from lintnews.rules.prefilter import Triggered, any_in  # noqa: E402

RULE = "News.UnattributedClaim"


def reaches(rule, doc, sentences, i, carried, block, sources, triggers: Triggered) -> list[str]:
    """Every source the rule takes to reach sentence i, by mechanism."""
    text, s = doc.text, sentences[i]
    out = []
    own = [m.group() for m in finditer(rule.sources, text, rule.id, s.start, s.end)
           if any_in(sources.source_starts, m.start(), m.start() + 1)]
    if own:
        out.append("own cue " + "/".join(own))
    if sources.spoken(s):
        out.append("speech")
    if block.index in carried:
        out.append("layout")
    if i + 1 < len(sentences) and rule.next_sources is not None:
        nxt = sentences[i + 1]
        if match(rule.next_sources, text, rule.id, nxt.start, nxt.end):
            out.append("next sentence")
    if i > 0 and rule.previous_sources is not None:
        prev = sentences[i - 1]
        if search(rule.previous_sources, text, rule.id, max(prev.start, prev.end - 80), prev.end):
            out.append("previous sentence")
    if i > 0 and rule.paragraph_sources is not None:
        m = search(rule.paragraph_sources, text, rule.id, sentences[max(0, i - 2)].start, sentences[i - 1].end)
        if m is not None:
            out.append(f"paragraph ({m.group()[:40]!r})")
    if carriers.first_person_after_source(text, sentences, i, sources.attributed, sources.spoken):
        out.append("first person")
    if rule._study_in_reach(text, sentences, i, {}):
        out.append("study in reach")
    tokens = tagged.tagged(doc, s)
    respondents = polls.respondent_verbs(rule.features.lex, tokens)
    words = [tokens[k].text for k in range(len(tokens)) if rule._source(tokens, k) and k not in respondents]
    if words:
        out.append("tagged source " + "/".join(words))
    return out


def diagnose(rule, result) -> dict:
    text = Path(result["path"]).read_text(encoding="utf-8")
    return diagnose_text(rule, text[:result["start"]] + result["new"] + text[result["end"]:], *result["span"])


def diagnose_text(rule, planted: str, s0: int, s1: int) -> dict:
    """The sentence of ``planted`` that overlaps [s0, s1): whether the prefilter tags it, its feature
    when no source is asked for, and what the rule takes as its source."""
    doc = read_article(planted).doc
    triggers = rule.triggers.scan(planted)
    claims = Triggered(set(), rule.triggers, triggers)
    sources, paragraphs, carried = rule.sources_of(doc)
    for block in paragraphs:
        sentences = doc.sentences_in(block)
        for i, s in enumerate(sentences):
            if s.start < s1 and s0 < s.end:
                tokens = tagged.tagged(doc, s)
                claim = rule.features.first(tokens)
                feature = None if claim is None else \
                    f"{claim.feature} '{planted[tokens[claim.start].start:tokens[claim.end - 1].end]}'"
                return {"sentence": planted[s.start:s.end], "triggered": claims.triggered(s), "feature": feature,
                        "reach": reaches(rule, doc, sentences, i, carried, block, sources, claims)}
    return {"sentence": planted[s0:s1], "triggered": False, "feature": None, "reach": ["not in a body paragraph"]}


def read_in_context(rule, out: Path, verdict_files: list[Path]) -> int:
    """The listing and tally for a two-reader blind read in context (see the module's docstring)."""
    import claims_context
    import corpus
    from lintnews import Linter
    from lintnews.read.source import read_path

    readers = [{v["id"]: v["needs_source"] for v in map(json.loads, f.read_text(encoding="utf-8").splitlines())
                if v} for f in verdict_files]
    keys = [json.loads(line) for line in corpus.key_file(out).read_text(encoding="utf-8").splitlines()]
    linter, tally = Linter([rule]), Counter()
    for k in keys:
        if not all(k["id"] in r for r in readers):
            continue
        path = Path(k["path"])
        text = read_path(str(path)).text
        if k["origin"].startswith("planted"):
            text = next(new for new, span in claims_context.planted(path, text, k["origin"] == "planted-any")
                        if new[span[0]:span[1]] == k["sentence"])
        flagged = any(f.start < k["end"] and k["start"] < f.end for f in linter.check(text, str(path)).findings)
        d = diagnose_text(rule, text, k["start"], k["end"])
        votes = [r[k["id"]] for r in readers]
        verdict = "both yes" if all(votes) else "split" if any(votes) else "both fine"
        cls = "flagged" if flagged else "feature, sourced" if d["feature"] else "no feature"
        tally[k["origin"], verdict, cls] += 1
        if (any(votes) or flagged) and corpus.half(path, Path(k["path"]).parents[1]) == "tune":
            print(f"{verdict} | {k['origin']} | {cls} | {d['feature'] or '-'} | {'; '.join(d['reach']) or '-'}\n"
                  f"    {d['sentence']!r}")
    print()
    for (origin, verdict, cls), n in sorted(tally.items()):
        print(f"{origin} {verdict}: {cls} {n}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="plant.py --json outputs")
    ap.add_argument("--all", action="store_true", help="found plants too")
    ap.add_argument("--read", nargs=3, type=Path, metavar=("OUT", "VERDICTS_A", "VERDICTS_B"),
                    help="a claims_context.py read and its two readers' verdicts instead")
    args = ap.parse_args(argv)
    rule = next(r for r in load_rules() if r.id == RULE)
    if args.read:
        return read_in_context(rule, args.read[0], list(args.read[1:]))
    tally = Counter()
    seen = set()
    for f in args.files:
        for r in json.loads(f.read_text(encoding="utf-8"))["results"]:
            key = (r["path"], r["start"])
            if r["kind"] != "unattributed-claim" or (r["found"] and not args.all) or key in seen:
                continue
            seen.add(key)
            d = diagnose(rule, r)
            cls = "found" if r["found"] else "(b) feature, source in reach" if d["feature"] else "(a) no feature"
            tally[cls] += 1
            if d["feature"]:
                tally["(b) by " + (d["reach"][0].split(" (")[0].split(" ")[0] if d["reach"] else "-")] += 1
            print(f"{cls} | {Path(r['path']).name} | {d['feature'] or '-'} | prefilter {'yes' if d['triggered'] else 'no'}"
                  f" | {'; '.join(d['reach']) or '-'}\n    {d['sentence']!r}")
    print()
    for k, v in sorted(tally.items()):
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
