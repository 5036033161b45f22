"""The UD English treebanks as the tagger's training and measuring scripts see them.

``../shared/treebanks`` holds CoNLL-U files (see its README): EWT train, dev
and test, and the CC BY genres of GUM. A sentence here is its text, its
document id and its syntactic words with form, lemma, UPOS, XPOS and the
character span of each word in the text (``None`` where the words of a
multiword token do not spell it out, or the text does not contain them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "treebanks"
FILES = {
    "ewt-train": "en_ewt-train.conllu", "ewt-dev": "en_ewt-dev.conllu", "ewt-test": "en_ewt-test.conllu",
    "gum": "en_gum-ccby.conllu",
}


@dataclass
class Sentence:
    text: str
    doc: str
    forms: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    spans: list[tuple[int, int] | None] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)  # UD features, "Number=Plur|..." ("_" for none)
    heads: list[int] = field(default_factory=list)  # each word's head, 1-based (0: the root)
    deprels: list[str] = field(default_factory=list)


def read(path: Path) -> list[Sentence]:
    """Every sentence of a CoNLL-U file, in file order (empty nodes left out)."""
    out: list[Sentence] = []
    doc = ""
    sent = Sentence("", doc)
    surface: list[tuple[str, int]] = []  # (surface form, how many words it covers) in order
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            doc = line[len("# newdoc id = "):].strip()
        elif line.startswith("# text = "):
            sent.text = line[len("# text = "):]
        elif not line.strip():
            if sent.forms:
                sent.doc = doc
                _place(sent, surface)
                out.append(sent)
            sent, surface = Sentence("", doc), []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                surface.append((cols[1], int(b) - int(a) + 1))
                continue
            covered = sum(n for _, n in surface)
            if covered < len(sent.forms) + 1:
                surface.append((cols[1], 1))
            sent.forms.append(cols[1])
            sent.lemmas.append(cols[2])
            sent.upos.append(cols[3])
            sent.xpos.append(cols[4])
            sent.feats.append(cols[5])
            sent.heads.append(int(cols[6]) if cols[6].isdigit() else 0)
            sent.deprels.append(cols[7])
    return out


def _place(sent: Sentence, surface: list[tuple[str, int]]) -> None:
    """Find each word's span in the text: surface tokens in order, a multiword token split by its words."""
    pos, i = 0, 0
    for form, n in surface:
        words = sent.forms[i:i + n]
        at = sent.text.find(form, pos)
        if at < 0 or sent.text[pos:at].strip():
            sent.spans.extend([None] * n)
        elif n == 1:
            sent.spans.append((at, at + len(form)))
            pos = at + len(form)
        elif "".join(words).lower() == form.lower():
            for w in words:
                sent.spans.append((at, at + len(w)))
                at += len(w)
            pos = at
        else:
            sent.spans.extend([None] * n)
            pos = at + len(form)
        i += n


def load(root: Path, name: str) -> list[Sentence]:
    return read(root / FILES[name])


def is_news(sent: Sentence) -> bool:
    return sent.doc.startswith("GUM_news_")
