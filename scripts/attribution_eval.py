#!/usr/bin/env python3
"""Measure News.UnattributedClaim against the research corpus, per half of the fixed split.

    python scripts/attribution_eval.py [--corpus ../shared/corpus] [--half tune|measure]
        [--sample 30 --sample-file /tmp/source_sample.txt] [--overlaps 20] [--misses 20] [--timing 200]

Figures, each for the tune and the measure half separately (``corpus.half``):

(a) Gold overlap. PolNeAR (``polnear/annotations/*.ann``, brat standoff) marks
    every attribution in its articles with Source, Cue and Content spans. A
    flag whose deciding words (the cue the message quotes) lie inside a gold
    Content span is a claim the annotators found attributed: a false alarm
    by construction. The stricter figure, flagged sentences that overlap any
    Content span at all (often another attribution in the same sentence),
    is printed too, beside the share of all sentences that do (the rate of
    a rule that flagged at random). The script exits 1 when more than
    ``--max-overlap`` percent (5) of the flags have their cue inside a
    Content span, on either half.
(b) Recall. Take every gold attribution whose Source, Cue and Content all
    lie in one sentence; delete the Source and Cue spans from that sentence
    (the attribution is gone, the claim stays) and check what is left as a
    one-paragraph article. The share flagged is the recall on claims that
    had a source. Most gold contents are no contested fact ("he will run"),
    so this is a floor on what the rule could find, not a target of 100%.
    Identical sentences (two annotators) count once.
Rate. Findings per 1,000 words in each corpus folder: ``bbc/`` and the
    Reuters ``isot/true_*`` files are edited copy (controls, which should stay
    near silent); the scraped folders are where the rule should find work.

``--reach`` measures the rule's source reach against the gold instead, per half: of the sentences
of 6+ words that lie (60% or more) inside a gold Content span whose Cue stands in another
sentence, how many the rule reads as attributed (its own cue or speech, a neighbour that points
at it, a paragraph a source points at by layout); and how many of the sentences outside every
Content span it reads as attributed too (what reach costs: a claim there is never checked).

``--sample N`` writes N flags drawn from the measure half of the scraped
folders, each with its sentence and neighbours and nothing about the rule,
to ``--sample-file`` for blind judging. ``--timing N`` times the rule alone
over the first N articles.

The corpus is not part of the repository (see its README for terms); when
the folder is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import bisect
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import corpus  # scripts/corpus.py
from corpus import CONTROLS, HALVES, SCRAPED, articles, folder_of, half

from lintnews import Linter, load_rules
from lintnews.read.article import read_article
from lintnews.read.source import read_path

RULE = "News.UnattributedClaim"
_ANN_SUFFIX = re.compile(r"_[0-9a-f]{4}\.ann$")
_FEATURE = re.compile(r"Unattributed claim: (.*?) \('")
_CUE = re.compile(r"\('(.*?)'\), with no source")


def read_ann(ann: Path):
    """(Content spans, attributions) of one brat file; an attribution is {role: [(start, end), ...]}."""
    spans, events = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            spans[parts[0]] = (label, frags)
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    contents = [f for label, frags in spans.values() if label == "Content" for f in frags]
    attributions = []
    for ev in events:
        roles = {}
        for role in ("Source", "Cue", "Content"):
            if role in ev and ev[role] in spans:
                roles[role] = spans[ev[role]][1]
        if len(roles) == 3:
            attributions.append(roles)
    return contents, attributions


def gold(ann_dir: Path):
    """Article stem -> (sorted Content spans, attributions), the union over its annotators.

    ``<article>_<annotator>.ann`` pairs with ``<article>.txt``; a brat span
    may be discontinuous ("12 40;52 90"): each fragment counts.
    """
    out: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for ann in sorted(ann_dir.glob("*.ann")):
        contents, attributions = read_ann(ann)
        entry = out[_ANN_SUFFIX.sub("", ann.name)]
        entry[0].extend(contents)
        entry[1].extend(attributions)
    return {k: (sorted(c), a) for k, (c, a) in out.items()}


def overlaps(spans, starts, start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end)
    return any(s < end and start < e for s, e in spans[:i])


def stripped_sentences(text: str, attributions) -> list[str]:
    """The one-sentence attributions of an article with their Source and Cue deleted."""
    doc = read_article(text).doc
    out = []
    for roles in attributions:
        frags = [f for r in ("Source", "Cue", "Content") for f in roles[r]]
        sentence = doc.sentence_at(frags[0][0])
        if sentence is None or any(not (sentence.start <= s and e <= sentence.end) for s, e in frags):
            continue
        cut = sorted(f for r in ("Source", "Cue") for f in roles[r])
        pieces, pos = [], sentence.start
        for s, e in cut:
            pieces.append(text[pos:max(pos, s)])
            pos = max(pos, e)
        pieces.append(text[pos:sentence.end])
        left = re.sub(r"\s+", " ", "".join(pieces))
        left = re.sub(r"\s+([,.;:!?])", r"\1", left)
        left = re.sub(r"([,;:])\s*([,.;:])", r"\2", left).strip(" ,;:—–-")
        left = re.sub(r"^(?:that|as|:)\s+", "", left)
        if len(left.split()) >= 3:
            out.append(left[:1].upper() + left[1:])
    return out


def reach(root: Path, which: str, golds) -> dict:
    """Counts of gold-attributed sentences (cue in another sentence) the rule reads as attributed,
    and of sentences outside every Content span it reads as attributed (see --reach)."""
    from lintnews.rules import carriers
    rule = load_rules(select=[RULE])[0]
    out = Counter()
    for path in corpus.articles_in(root, which):
        if folder_of(path, root) != "polnear" or path.stem not in golds:
            continue
        text = read_path(str(path)).text
        doc = read_article(text).doc
        contents = [(f, roles["Cue"]) for roles in golds[path.stem][1] for f in roles["Content"]]
        sources, paragraphs, carried = rule.sources_of(doc)
        for block in paragraphs:
            sentences = doc.sentences_in(block)
            for i, s in enumerate(sentences):
                if len(text[s.start:s.end].split()) < 6:
                    continue
                seen = (sources.attributed(s) or rule._carried_by_neighbour(text, sentences, i)
                        or block.index in carried
                        or carriers.first_person_after_source(text, sentences, i, sources.attributed, sources.spoken))
                cues = next((c for (a, b), c in contents if min(b, s.end) - max(a, s.start) >= 0.6 * (s.end - s.start)),
                            None)
                if cues is None:
                    out["outside"] += 1
                    out["outside read as attributed"] += bool(seen)
                elif not any(s.start <= c0 and c1 <= s.end for c0, c1 in cues):
                    out["cue elsewhere"] += 1
                    out["cue elsewhere read as attributed"] += bool(seen)
    return dict(out)


def context(text: str, doc, start: int, end: int) -> str:
    """The flagged sentence with the sentence before and after it in its paragraph, marked [[...]]."""
    sentences = doc.sentences
    i = next(k for k, s in enumerate(sentences) if s.start == start)
    block = sentences[i].block
    before = sentences[i - 1] if i > 0 and sentences[i - 1].block == block else None
    after = sentences[i + 1] if i + 1 < len(sentences) and sentences[i + 1].block == block else None
    parts = []
    if before:
        parts.append(text[before.start:before.end])
    parts.append("[[" + text[start:end] + "]]")
    if after:
        parts.append(text[after.start:after.end])
    return " ".join(p.replace("\n", " ") for p in parts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=corpus.DEFAULT)
    ap.add_argument("--half", choices=HALVES, help="only this half (default: both, reported separately)")
    ap.add_argument("--sample", type=int, default=0, help="flags from the measure half's scraped folders to write")
    ap.add_argument("--sample-file", type=Path, default=Path("/tmp/source_sample.txt"))
    ap.add_argument("--overlaps", type=int, default=0, help="gold-overlapping flags of the tune half to print")
    ap.add_argument("--misses", type=int, default=0, help="unflagged stripped sentences of the tune half to print")
    ap.add_argument("--controls", type=int, default=0, help="flags on the controls' tune half to print")
    ap.add_argument("--scraped", type=int, default=0, help="flags on the scraped folders' tune half to print")
    ap.add_argument("--timing", type=int, default=0, help="time the rule over the first N articles and stop")
    ap.add_argument("--reach", action="store_true", help="measure the rule's source reach against the gold and stop")
    ap.add_argument("--max-overlap", type=float, default=5.0, help="percent; exit 1 above it")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    ann_dir = args.corpus / "polnear" / "annotations"
    if not args.corpus.is_dir() or not ann_dir.is_dir():
        print(f"corpus not found at {args.corpus} (or no polnear/annotations); nothing to evaluate")
        return 0
    linter = Linter(load_rules(select=[RULE]))

    def flags_of(text: str, path: str):
        return [f for f in linter.check(text, path).findings if f.rule_id == RULE]

    if args.reach:
        for which in ([args.half] if args.half else list(HALVES)):
            print(which, reach(args.corpus, which, gold(ann_dir)))
        return 0
    if args.timing:
        paths = list(articles(args.corpus))[:args.timing]
        texts = [read_path(str(p)).text for p in paths]
        flags_of("Title\n\nSoldiers killed 12 protesters outside the parliament on Sunday.\n", "-")  # loads the tagger
        t0 = time.perf_counter()
        n = sum(len(flags_of(t, str(p))) for t, p in zip(texts, paths))
        print(f"{RULE}: {time.perf_counter() - t0:.2f} s over {len(paths)} articles ({n} flags)")
        return 0

    golds = gold(ann_dir)
    halves = [args.half] if args.half else list(HALVES)
    words, flags = Counter(), Counter()
    features = defaultdict(Counter)
    gold_flags, gold_hits, recall_n, recall_hit = Counter(), Counter(), Counter(), Counter()
    cue_hits = Counter()  # flags whose deciding words lie in a gold Content span
    base_n, base_hit = Counter(), Counter()  # all sentences of 6+ words in annotated articles
    recall_features = defaultdict(Counter)
    flagged = defaultdict(list)  # (half, folder) -> [(path, start, end, text, doc)]
    hits, misses, seen = [], [], set()
    for path in articles(args.corpus):
        which = half(path, args.corpus)
        if which not in halves:
            continue
        folder = folder_of(path, args.corpus)
        text = read_path(str(path)).text
        words[which, folder] += len(text.split())
        found = flags_of(text, str(path))
        flags[which, folder] += len(found)
        for f in found:
            feature = _FEATURE.match(f.message)
            features[which][feature.group(1) if feature else f.message] += 1
            flagged[which, folder].append((path, f.start, f.end, text, f.message))
        if folder != "polnear" or path.stem not in golds:
            continue
        spans, attributions = golds[path.stem]
        starts = [s for s, _ in spans]
        doc = read_article(text).doc
        for sentence in doc.sentences:
            if doc.blocks[sentence.block].kind == "paragraph" and len(text[sentence.start:sentence.end].split()) >= 6:
                base_n[which] += 1
                base_hit[which] += overlaps(spans, starts, sentence.start, sentence.end)
        for f in found:
            gold_flags[which] += 1
            cue = _CUE.search(f.message)
            at = text.find(cue.group(1), f.start, f.end) if cue else -1
            inside = at >= 0 and overlaps(spans, starts, at, at + len(cue.group(1)))
            cue_hits[which] += inside
            if overlaps(spans, starts, f.start, f.end):
                gold_hits[which] += 1
                hits.append((which, path, f.start, f.end, text, "cue inside" if inside else "sentence only"))
        for sentence in stripped_sentences(text, attributions):
            if (which, sentence) in seen:
                continue
            seen.add((which, sentence))
            recall_n[which] += 1
            got = flags_of("Title\n\n" + sentence + "\n", "-")
            if got:
                recall_hit[which] += 1
                feature = _FEATURE.match(got[0].message)
                recall_features[which][feature.group(1) if feature else "?"] += 1
            elif which == "tune":
                misses.append(sentence)

    worst = 0.0
    for which in halves:
        pct = 100 * gold_hits[which] / gold_flags[which] if gold_flags[which] else 0.0
        worst = max(worst, 100 * cue_hits[which] / gold_flags[which] if gold_flags[which] else 0.0)
        rec = 100 * recall_hit[which] / recall_n[which] if recall_n[which] else 0.0
        print(f"== {RULE}, {which} half")
        print(f"(a) polnear flagged sentences overlapping a gold Content span: {gold_hits[which]} of {gold_flags[which]}"
              f" ({pct:.1f}%, limit {args.max_overlap:g}%); of all sentences of 6+ words there, "
              f"{100 * base_hit[which] / max(1, base_n[which]):.1f}% overlap one")
        cue_pct = 100 * cue_hits[which] / gold_flags[which] if gold_flags[which] else 0.0
        print(f"    flags whose deciding words lie inside a gold Content span: {cue_hits[which]} ({cue_pct:.1f}%)")
        print(f"(b) recall on one-sentence gold attributions with Source and Cue deleted: "
              f"{recall_hit[which]} of {recall_n[which]} ({rec:.1f}%)")
        print("    by feature: " + ", ".join(f"{k} {v}" for k, v in recall_features[which].most_common()))
        print("flags per 1,000 words (count)")
        for folder in sorted({f for h, f in words if h == which}, key=lambda d: (d not in CONTROLS, d)):
            role = "control" if folder in CONTROLS else "scraped"
            n, w = flags[which, folder], words[which, folder]
            print(f"  {folder:16}{1000 * n / w:8.3f}  ({n:>4})  {w:>8} words  {role}")
        print("flags by feature: " + ", ".join(f"{k} {v}" for k, v in features[which].most_common()) + "\n")

    rng = random.Random(args.seed)
    if args.overlaps:
        tune_hits = [h for h in hits if h[0] == "tune"]
        print(f"== tune flags overlapping gold ({min(args.overlaps, len(tune_hits))} of {len(tune_hits)})")
        for _, path, s, e, text, how in rng.sample(tune_hits, min(args.overlaps, len(tune_hits))):
            print(f"  {path.name} ({how}): {context(text, read_article(text).doc, s, e)}\n")
    if args.misses:
        print(f"== tune stripped sentences not flagged ({args.misses} of {len(misses)})")
        for sentence in rng.sample(misses, min(args.misses, len(misses))):
            print("  " + sentence)
    for n, folders in ((args.controls, CONTROLS), (args.scraped, SCRAPED)):
        if n:
            items = [x for d in folders for x in flagged["tune", d]]
            print(f"== tune flags in {', '.join(folders)} ({min(n, len(items))} of {len(items)})")
            for path, s, e, text, message in rng.sample(items, min(n, len(items))):
                print(f"  {path.name}: {message}\n    {context(text, read_article(text).doc, s, e)}\n")
    if args.sample:
        items = [x for d in SCRAPED for x in flagged["measure", d]]
        chosen = rng.sample(items, min(args.sample, len(items)))
        with open(args.sample_file, "w", encoding="utf-8") as out:
            out.write("Each item: a sentence marked [[...]] with the sentences around it in its paragraph.\n\n")
            for n, (path, s, e, text, _) in enumerate(chosen, 1):
                out.write(f"{n}. {context(text, read_article(text).doc, s, e)}\n\n")
        print(f"wrote {len(chosen)} of {len(items)} measure-half scraped flags to {args.sample_file}")
    return 1 if worst > args.max_overlap else 0


if __name__ == "__main__":
    sys.exit(main())
