"""The research corpus as the measuring scripts see it (not part of the repository).

``../shared/corpus`` holds one article per ``.txt`` file in folders by
source; ``isot/`` mixes Reuters copy (``true_*``, a control) with scraped
blogs (``fake_*``). See the corpus README for its terms.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CONTROLS = ("bbc", "isot_true")  # edited copy: a good rule stays quiet here
SCRAPED = ("fakenewscorpus", "isot_fake", "polnear", "ptc")


def folder_of(path: Path, root: Path) -> str:
    top = path.relative_to(root).parts[0]
    if top == "isot":
        return "isot_true" if path.name.startswith("true_") else "isot_fake"
    return top


def articles(root: Path):
    """Every article file, in a stable order (READMEs and annotations left out)."""
    for path in sorted(root.rglob("*.txt")):
        if path.name == "README.txt" or "annotations" in path.parts:
            continue
        yield path


# The fixed split. Rules are tuned on one half and measured on the other, so a
# figure never comes from the articles a rule was shaped on. Each article's half
# is decided by its path alone (a hash), so it never changes as files are added.
HALVES = ("tune", "measure")


def half(path: Path, root: Path) -> str:
    """"tune" or "measure" for an article, from a hash of its path under the corpus root."""
    import hashlib

    rel = path.relative_to(root).as_posix()
    return HALVES[hashlib.sha256(("lintnews-split-1:" + rel).encode("utf-8")).digest()[0] & 1]


def articles_in(root: Path, which: str | None):
    """The articles of one half ("tune", "measure") or all (None)."""
    for path in articles(root):
        if which is None or half(path, root) == which:
            yield path


def key_file(out: Path) -> Path:
    """Where a blind read's key (which item is which) is kept: beside the folder the reader is given,
    never inside it (``OUT-key.jsonl`` for ``OUT/items.jsonl``). A sample written before the key moved
    out has it as ``OUT/key.jsonl``, which is read when the new file is absent."""
    out = Path(out)
    beside = out.parent / f"{out.name}-key.jsonl"
    return beside if beside.exists() or not (out / "key.jsonl").exists() else out / "key.jsonl"


def new_key_file(out: Path) -> Path:
    """The key file of a new sample in ``out`` (``key_file``'s new place); a key an older sample left
    inside ``out`` is removed, so the reader's folder holds nothing but what the reader may read."""
    out = Path(out)
    (out / "key.jsonl").unlink(missing_ok=True)
    return out.parent / f"{out.name}-key.jsonl"


def blind_read_parser(doc: str, out_help: str):
    """The command line the blind-read scripts share (judge.py, claims_context.py, claims_judge.py):
    ``sample`` or ``score``, the reader's folder and the corpus; each script adds its own options."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("command", choices=("sample", "score"))
    ap.add_argument("out", type=Path, help=out_help)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    return ap
