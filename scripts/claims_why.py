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
    planted = text[:result["start"]] + result["new"] + text[result["end"]:]
    doc = read_article(planted).doc
    s0, s1 = result["span"]
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path, help="plant.py --json outputs")
    ap.add_argument("--all", action="store_true", help="found plants too")
    args = ap.parse_args(argv)
    rule = next(r for r in load_rules() if r.id == RULE)
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
