#!/usr/bin/env python3
"""Build ``lintnews/data/particles.tsv``: how often each verb takes a word that is both a
preposition and a particle ("in", "on", "over") as a particle that ends its phrase ("the Soviets
came in", "she gave in") and how often as a preposition that needs an object ("relied on the
report", "left in a hurry"), counted in the UD English treebanks.

    python scripts/build_particles.py [--treebanks ../shared/treebanks] [--out lintnews/data/particles.tsv]

News.DoubledWord reads it (``lintnews/rules/particles.py``): "came in in 1979" is a particle
and then a preposition, English; "relied on on the report" is a slip the tagger reads the
same way, because "rely" never takes "on" as a particle.

Counted over every sentence of EWT train and GUM's CC BY genres
(``scripts/treebank.py``), for a verb (its lemma) and a word (lower case) after it:

- *ends*: the word depends on the verb as ``compound:prt``, or as ``advmod`` tagged RB or RP
  (EWT annotates "came in", "went on" so);
- *object*: the word is the ``case`` of a nominal (``obl``, ``nmod``, ``obj``) that depends on
  the verb, after it ("relied on the report").

It also writes ``lintnews/data/two_objects.tsv``: how often each verb (its lemma) takes an indirect
object (``iobj``: "gave her the keys", "sent him a letter"), for "gave her her due", a pronoun
that is the first object and then the second's owner; "kept her her pregnancy" is a slip.

A word in quotation marks is left out (the sign said "on"). Only words seen both ways somewhere (as a particle or adverb after a verb, and as a case marker
after one) are kept, with every verb they follow. One line a pair, tab-separated: lemma, word,
ends, object; lines starting with ``#`` are comments. The same treebanks give the same file.
As an adaptation of UD English-EWT the file is licensed CC BY-SA 4.0
(``lintnews/data/LICENSE-particles.txt``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import treebank  # noqa: E402  (scripts/treebank.py)

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("ewt-train", "gum")  # as the tagger: EWT dev and test stay unseen, to measure on
_NOMINALS = ("obl", "nmod", "obj")


def count(sentences) -> tuple[Counter, Counter]:
    """(ends, object) counts by (verb lemma, word)."""
    ends, obj = Counter(), Counter()
    for s in sentences:
        for i, rel in enumerate(s.deprels):
            head = s.heads[i] - 1
            if head < 0:
                continue
            word = s.forms[i].lower()
            if not word.isalpha() or (i and s.xpos[i - 1] == "``"):
                continue  # a word in quotes is no particle: the sign said "on"
            if rel == "compound:prt" or (rel == "advmod" and s.xpos[i] in ("RB", "RP") and head < i
                                         and s.upos[head] == "VERB"):
                ends[(s.lemmas[head].lower(), word)] += 1
            elif rel == "case" and s.deprels[head].split(":")[0] in _NOMINALS:
                verb = s.heads[head] - 1
                if 0 <= verb < i and s.upos[verb] == "VERB":
                    obj[(s.lemmas[verb].lower(), word)] += 1
    return ends, obj


def count_two_objects(sentences) -> Counter:
    """How often each verb lemma takes an indirect object."""
    found = Counter()
    for s in sentences:
        for i, rel in enumerate(s.deprels):
            head = s.heads[i] - 1
            if rel == "iobj" and head >= 0 and s.upos[head] == "VERB":
                found[s.lemmas[head].lower()] += 1
    return found


def _write(path: Path, what: str, columns: str, rows: list[str]) -> None:
    header = [f"# lintnews: {what}",
              "# Counted by scripts/build_particles.py in UD English-EWT (train) and UD English-GUM's",
              f"# CC BY genres; CC BY-SA 4.0, see LICENSE-particles.txt. {columns}"]
    path.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--treebanks", type=Path, default=treebank.DEFAULT)
    ap.add_argument("--out", type=Path, default=ROOT / "lintnews" / "data" / "particles.tsv")
    ap.add_argument("--out-objects", type=Path, default=ROOT / "lintnews" / "data" / "two_objects.tsv")
    args = ap.parse_args(argv)
    missing = [treebank.FILES[s] for s in SPLITS if not (args.treebanks / treebank.FILES[s]).is_file()]
    if missing:
        print(f"build_particles.py: {args.treebanks}: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    sentences = [s for split in SPLITS for s in treebank.read(args.treebanks / treebank.FILES[split])]
    ends, obj = count(sentences)
    both = {w for _, w in ends} & {w for _, w in obj}
    pairs = sorted(p for p in set(ends) | set(obj) if p[1] in both)
    _write(args.out, "verbs and the words they take as a particle (ends) or as a preposition (object).",
           "lemma<TAB>word<TAB>ends<TAB>object",
           [f"{lemma}\t{word}\t{ends[(lemma, word)]}\t{obj[(lemma, word)]}" for lemma, word in pairs])
    print(f"{len(pairs)} pairs of {len(both)} words from {len(sentences)} sentences -> {args.out}")
    two = count_two_objects(sentences)
    _write(args.out_objects, "verbs that take an indirect object ('gave her the keys') and how often.",
           "lemma<TAB>count", [f"{lemma}\t{two[lemma]}" for lemma in sorted(two)])
    print(f"{len(two)} verbs with an indirect object -> {args.out_objects}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
