"""lintnews/data/particles.tsv, the verbs and particles News.DoubledWord reads (lintnews/rules/particles.py):
its shape, the facts it must hold, and the promise of scripts/build_particles.py (the same treebanks give
the same file)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from lintnews import check_text
from lintnews.rules import particles

ROOT = Path(__file__).parents[2]
TREEBANKS = ROOT.parent / "shared" / "treebanks"


def _build_script():
    spec = importlib.util.spec_from_file_location("build_particles", ROOT / "scripts" / "build_particles.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_every_line_is_a_lemma_a_word_and_two_counts():
    lines = [ln for ln in particles.PATH.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert len(lines) > 1000
    rows = [ln.split("\t") for ln in lines]
    assert all(len(r) == 4 and r[1].isalpha() and r[1].islower() and r[2].isdigit() and r[3].isdigit()
               for r in rows)
    assert [tuple(r[:2]) for r in rows] == sorted(tuple(r[:2]) for r in rows)
    assert all(int(r[2]) + int(r[3]) > 0 for r in rows)
    header = particles.PATH.read_text(encoding="utf-8").splitlines()[:3]
    assert any("CC BY-SA 4.0" in h and "LICENSE-particles.txt" in h for h in header)
    assert (particles.PATH.parent / "LICENSE-particles.txt").is_file()


@pytest.mark.parametrize("lemma, word, expected", [
    ("come", "in", True),     # "the Soviets came in"
    ("give", "in", True),     # "she gave in"
    ("move", "on", True),     # "talks moved on"
    ("go", "on", True),
    ("rely", "on", False),    # "relied on the report": an object always follows
    ("leave", "in", False),   # "left in a hurry"
    ("focus", "on", False),
    ("work", "on", False),
    ("say", "on", False),     # the treebank's one particle "on" after "say" is a quoted word, left out
    ("drag", "on", None),     # never seen: the tagger's reading decides
    (None, "in", False),      # no verb: "growth over over the past decade"
])
def test_verbs_and_their_particles(lemma, word, expected):
    assert particles.ends_phrase(lemma, word) is expected


def test_only_words_that_are_both_are_known():
    assert particles.known("in") and particles.known("on") and particles.known("over")
    assert not particles.known("that") and not particles.known("the")


def test_the_rule_reads_the_counts():
    text = "Audit\n\nThe council relied on on the report. The Soviets came in in 1979.\n"
    assert [f.text for f in check_text(text) if f.rule_id == "News.DoubledWord"] == ["on on"]


@pytest.mark.skipif(not (TREEBANKS / "en_ewt-train.conllu").is_file(), reason="the UD treebanks are not here")
def test_the_build_script_gives_the_shipped_file(tmp_path):
    build = _build_script()
    out, objects = tmp_path / "particles.tsv", tmp_path / "two_objects.tsv"
    assert build.main(["--treebanks", str(TREEBANKS), "--out", str(out), "--out-objects", str(objects)]) == 0
    assert out.read_bytes() == particles.PATH.read_bytes()
    assert objects.read_bytes() == particles.OBJECTS_PATH.read_bytes()


def test_the_build_script_names_missing_treebanks(tmp_path, capsys):
    build = _build_script()
    assert build.main(["--treebanks", str(tmp_path), "--out", str(tmp_path / "x.tsv")]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "en_ewt-train.conllu" in err and "\n" == err[-1] and err.count("\n") == 1
    assert not (tmp_path / "x.tsv").exists()


def test_verbs_with_two_objects_come_from_the_treebanks_iobj():
    lines = [ln for ln in particles.OBJECTS_PATH.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    rows = [ln.split("\t") for ln in lines]
    assert all(len(r) == 2 and r[0].islower() and r[1].isdigit() and int(r[1]) > 0 for r in rows)
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert particles.takes_two_objects("give") and particles.takes_two_objects("send")
    assert particles.takes_two_objects("Give")
    assert not particles.takes_two_objects("keep") and not particles.takes_two_objects(None)
