"""Train the part-of-speech tagger and lemmatizer and write lintnews/data/tagger.json.gz.

    python scripts/train_tagger.py [--treebanks ../shared/treebanks] [--test] [--news]

Trains an averaged perceptron (features in ``lintnews/read/tagger.py``) on
UD English-EWT train and the CC BY genres of GUM, learns the lemma table
and suffix rules from the same sentences, writes the model and prints its
accuracy on EWT dev (``--test`` adds EWT test; ``--news`` trains a second
model without GUM's news documents, only to measure it on them). The same
treebanks, seed and options give the same file byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import treebank  # scripts/treebank.py

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintnews.read.lemmatizer import MAX_SUFFIX, Lemmatizer, base_form  # noqa: E402
from lintnews.read.tagger import (  # noqa: E402
    FORMAT, MODEL_PATH, Model, context, encode_weights, normalize, tag_features, word_features,
)

SEED = 7
ITERATIONS = 6
SCALE = 100  # weights are stored as integers: hundredths
PRUNE = 1.0  # ... and those under one point are left out (as accurate on EWT dev as 0.5, half the size)
TAGDICT_MIN, TAGDICT_SHARE = 20, 0.97
LEXICON_MIN = 3


TAGSET = "joint"


def gold_tags(sent: treebank.Sentence) -> list[str]:
    if TAGSET == "upos":
        return [f"{u} _" for u in sent.upos]
    return [f"{u} {x}" for u, x in zip(sent.upos, sent.xpos)]


def build_lexicon(sents) -> dict[str, str]:
    """Each word seen LEXICON_MIN times or more: the UPOS tags it had at least 5% of the time."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sent in sents:
        for form, upos in zip(sent.forms, sent.upos):
            counts[normalize(form).lower()][upos] += 1
    out = {}
    for word in sorted(counts):
        tags = counts[word]
        total = sum(tags.values())
        if total >= LEXICON_MIN:
            out[word] = "|".join(sorted(t for t, n in tags.items() if n / total >= 0.05))
    return out


def build_tagdict(sents) -> dict[str, str]:
    """Words seen often enough with one tag almost always: tagged by lookup."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sent in sents:
        for form, tag in zip(sent.forms, gold_tags(sent)):
            counts[normalize(form)][tag] += 1
    out = {}
    for word, tags in counts.items():
        tag, n = tags.most_common(1)[0]
        total = sum(tags.values())
        if total >= TAGDICT_MIN and n / total >= TAGDICT_SHARE:
            out[word] = tag
    return out


class Perceptron:
    """Multiclass averaged perceptron over string features (training only; ``Model`` predicts).

    Each weight is ``[value, running total, step of last change]`` so the average costs nothing per step."""

    def __init__(self, n_tags: int):
        self.n_tags = n_tags
        self.weights: dict[str, dict[int, list]] = {}
        self.step = 0

    def best(self, feats) -> int:
        scores = [0.0] * self.n_tags
        weights = self.weights
        for f in feats:
            row = weights.get(f)
            if row:
                for c, w in row.items():
                    scores[c] += w[0]
        return scores.index(max(scores))

    def update(self, truth: int, guess: int, feats) -> None:
        self.step += 1
        if truth == guess:
            return
        step = self.step
        for f in feats:
            row = self.weights.get(f)
            if row is None:
                row = self.weights[f] = {}
            for c, delta in ((truth, 1.0), (guess, -1.0)):
                w = row.get(c)
                if w is None:
                    row[c] = [delta, 0.0, step]
                else:
                    w[1] += (step - w[2]) * w[0]
                    w[0] += delta
                    w[2] = step

    def averaged(self) -> dict[str, dict[int, float]]:
        step = self.step
        return {f: {c: (w[1] + (step - w[2]) * w[0]) / step for c, w in row.items()}
                for f, row in self.weights.items()}


def train_tagger(sents, iterations: int, seed: int, lexicon: dict, log=print, curve=None):
    tagdict = build_tagdict(sents)
    tags = sorted({t for s in sents for t in gold_tags(s)})
    index = {t: i for i, t in enumerate(tags)}
    model = Perceptron(len(tags))
    data = []
    for sent in sents:
        norm, low, amb = context(sent.forms, lexicon)
        statics = [word_features(norm, low, amb, i) for i in range(len(sent.forms))]
        data.append((norm, low, amb, statics, [index[t] for t in gold_tags(sent)]))
    rng = random.Random(seed)
    order = list(range(len(data)))
    for it in range(iterations):
        start, right, total = time.time(), 0, 0
        for k in order:
            norm, low, amb, statics, truth = data[k]
            prev, prev2 = "-S1-", "-S2-"
            for i, gold in enumerate(truth):
                known = tagdict.get(norm[i + 2])
                if known is not None:
                    guess = index[known]
                else:
                    feats = statics[i] + tag_features(prev, prev2, low, amb, i)
                    guess = model.best(feats)
                    model.update(gold, guess, feats)
                right += guess == gold
                total += 1
                prev2, prev = prev, tags[guess]
        log(f"  iteration {it + 1}: {right / total:.4f} on training ({time.time() - start:.0f} s)")
        if curve:
            curve(tags, tagdict, model.averaged())
        rng.shuffle(order)
    return tags, tagdict, model.averaged()


def export_weights(weights: dict[str, dict[int, float]]) -> dict[str, str]:
    """Weights in hundredths, the small ones left out, packed as the model file keeps them."""
    rows = {}
    for f in sorted(weights):
        row = [(c, round(w * SCALE)) for c, w in sorted(weights[f].items()) if abs(w) >= PRUNE]
        if row:
            if max(abs(v) for _, v in row) > 32767:
                raise ValueError(f"weight of {f!r} too large for 16 bits")
            rows[f] = row
    return encode_weights(rows)


def learn_lemmas(sents) -> dict:
    """Suffix rules from word types, then a table of the seen forms the rules get wrong. A rule keyed
    on an ending rewrites only that ending (``NNS ies`` may strip 3 letters, not 4)."""
    seen: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for sent in sents:
        for form, lemma, xpos in zip(sent.forms, sent.lemmas, sent.xpos):
            if lemma != "_":
                seen[(form.replace("’", "'"), xpos)][lemma.replace("’", "'")] += 1
    votes: dict[str, Counter] = defaultdict(Counter)
    for (form, xpos), lemmas in seen.items():
        lemma = lemmas.most_common(1)[0][0]
        base = base_form(form, xpos)
        keep = 0
        while keep < min(len(base), len(lemma)) and base[keep] == lemma[keep]:
            keep += 1
        strip = len(base) - keep
        for n in range(strip, min(MAX_SUFFIX, len(base) - 1) + 1):
            votes[f"{xpos} {base[len(base) - n:]}" if n else xpos][(strip, lemma[keep:])] += 1
    rules = {}
    for key in sorted(votes):
        (strip, add), n = votes[key].most_common(1)[0]
        if n >= 2 or " " not in key:
            rules[key] = [strip, add]
    lemmatizer = Lemmatizer({"table": {}, "rules": rules})
    table = {}
    for (form, xpos), lemmas in sorted(seen.items()):
        lemma = lemmas.most_common(1)[0][0]
        if lemmatizer.lemma(form, xpos) != lemma:
            table[f"{form} {xpos}"] = lemma
    return {"table": table, "rules": _prune_rules(rules)}


def _prune_rules(rules: dict) -> dict:
    """Leave out a rule that says what the rule for its next shorter ending says."""
    out = {}
    for key, rule in rules.items():
        xpos, _, end = key.partition(" ")
        shorter = None
        for n in range(len(end) - 1, -1, -1):
            shorter = rules.get(f"{xpos} {end[len(end) - n:]}" if n else xpos)
            if shorter is not None:
                break
        if not end or shorter != rule:
            out[key] = rule
    return out


def write_model(path: Path, data: dict) -> None:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def evaluate(model: Model, sents, vocab: set[str] | None) -> dict[str, float]:
    """Accuracy on gold tokens: UPOS, XPOS, UPOS of words unseen in training, lemma (predicted and gold tags)."""
    n = upos = xpos = unk = unk_right = lemma = lemma_gold = 0
    for sent in sents:
        for k, (u, x, lem) in enumerate(model.analyse(sent.forms)):
            n += 1
            upos += u == sent.upos[k]
            xpos += x == sent.xpos[k]
            lemma += lem == sent.lemmas[k].replace("’", "'")
            lemma_gold += model.lemmatizer.lemma(sent.forms[k], sent.xpos[k]) == \
                sent.lemmas[k].replace("’", "'")
            if vocab is not None and normalize(sent.forms[k]) not in vocab:
                unk += 1
                unk_right += u == sent.upos[k]
    return {"tokens": n, "upos": upos / n, "xpos": xpos / n, "unknown": unk / n, "upos_unknown": unk_right / max(unk, 1),
            "lemma": lemma / n, "lemma_gold_tags": lemma_gold / n}


def evaluate_raw(model: Model, sents) -> dict[str, float]:
    """UPOS accuracy when the tagger tokenizes ``# text`` itself: a gold word counts as right when a
    token has exactly its span and its tag. Also the tokenizer's precision and recall of spans."""
    gold_n = right = pred_n = span_hits = 0
    start = time.time()
    for sent in sents:
        tokens = {(t.start, t.end): t for t in model.tag(sent.text)}
        pred_n += len(tokens)
        for span, u in zip(sent.spans, sent.upos):
            gold_n += 1
            t = tokens.get(span) if span else None
            if t is not None:
                span_hits += 1
                right += t.upos == u
    return {"upos": right / gold_n, "token_recall": span_hits / gold_n, "token_precision": span_hits / pred_n,
            "tokens_per_s": round(pred_n / (time.time() - start))}


def build(train, iterations: int, seed: int, dev=None) -> dict:
    lexicon = build_lexicon(train)
    lemmas = learn_lemmas(train)

    def assemble(tags, tagdict, weights):
        index = {t: i for i, t in enumerate(tags)}
        return {"format": FORMAT, "tags": tags, "tagdict": {w: index[t] for w, t in sorted(tagdict.items())},
                "weights": export_weights(weights), "lexicon": lexicon, "lemmas": lemmas}

    def curve(*state):
        show("    dev", evaluate(Model(assemble(*state)), dev, None))

    data = assemble(*train_tagger(train, iterations, seed, lexicon, curve=curve if dev else None))
    data.update({
        "meta": {"trained_on": "UD English-EWT train (CC BY-SA 4.0) + UD English-GUM CC BY genres (CC BY 4.0)",
                 "iterations": iterations, "seed": seed},
    })
    return data


def show(name: str, scores: dict) -> None:
    print(f"{name}: " + "  ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--treebanks", type=Path, default=treebank.DEFAULT)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--iterations", type=int, default=ITERATIONS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--test", action="store_true", help="also measure on EWT test (once the design is fixed)")
    ap.add_argument("--news", action="store_true", help="also train without GUM news and measure on it")
    ap.add_argument("--curve", action="store_true", help="measure on EWT dev after every iteration")
    ap.add_argument("--tagset", choices=("joint", "upos"), default=TAGSET)
    ap.add_argument("--prune", type=float, default=PRUNE)
    args = ap.parse_args(argv)
    globals().update(TAGSET=args.tagset, PRUNE=args.prune)
    ewt = treebank.load(args.treebanks, "ewt-train")
    gum = treebank.load(args.treebanks, "gum")
    train = ewt + gum
    print(f"training on {len(train)} sentences, {sum(len(s.forms) for s in train)} words")
    start = time.time()
    data = build(train, args.iterations, args.seed, treebank.load(args.treebanks, "ewt-dev") if args.curve else None)
    write_model(args.out, data)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - start:.0f} s")
    start = time.time()
    model = Model.load(args.out)
    print(f"loaded in {time.time() - start:.2f} s")
    vocab = {normalize(f) for s in train for f in s.forms}
    splits = ["ewt-dev"] + (["ewt-test"] if args.test else [])
    for name in splits:
        sents = treebank.load(args.treebanks, name)
        start = time.time()
        show(f"{name} gold tokens", evaluate(model, sents, vocab))
        print(f"  {sum(len(s.forms) for s in sents) / (time.time() - start):.0f} words/s with lemmas")
        show(f"{name} own tokens", evaluate_raw(model, sents))
    if args.news:
        rest = ewt + [s for s in gum if not treebank.is_news(s)]
        news = [s for s in gum if treebank.is_news(s)]
        held = Model(build(rest, args.iterations, args.seed))
        show("GUM news, held out, gold tokens", evaluate(held, news, {normalize(f) for s in rest for f in s.forms}))
        show("GUM news, held out, own tokens", evaluate_raw(held, news))
    return 0


if __name__ == "__main__":
    sys.exit(main())
