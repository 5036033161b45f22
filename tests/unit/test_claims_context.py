"""scripts/claims_context.py's sample on a made-up corpus: --folders and --any-claim (defaults unchanged)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

ARTICLE = (
    "Aid deal agreed\n\n"
    "Ministers met in London on Thursday to finish the talks. The agreement would save poor countries "
    "£3bn a year, the chancellor said.\n\n"
    "The meeting ended early, officials said.\n\n"
    "The summit cost the host city 4,100 hours of police overtime and closed 17 roads in the centre.\n"
)


def _measure_name(folder: str, stem: str) -> str:
    """A file name that the fixed split (scripts/corpus.py) puts in the measure half."""
    for n in range(200):
        name = f"{stem}{n}.txt"
        if hashlib.sha256(f"lintnews-split-1:{folder}/{name}".encode()).digest()[0] & 1:
            return name
    raise AssertionError("no name in the measure half")


def _sample(corpus: Path, out: Path, *extra: str) -> list[dict]:
    subprocess.run([sys.executable, str(REPO / "scripts" / "claims_context.py"), "sample", str(out), "--corpus",
                    str(corpus), "--narration", "5", *extra], capture_output=True, text=True, timeout=300, check=True)
    assert sorted(p.name for p in out.iterdir()) == ["items.jsonl"]  # the key is kept out of the reader's folder
    key = out.parent / f"{out.name}-key.jsonl"
    return [json.loads(line) for line in key.read_text(encoding="utf-8").splitlines()]


def test_folders_and_any_claim_widen_the_sample(tmp_path):
    for folder in ("bbc", "polnear"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / _measure_name(folder, "a")).write_text(ARTICLE, encoding="utf-8")
    default = _sample(tmp_path, tmp_path / "out0")
    assert {k["origin"] for k in default} == {"planted", "narration"}
    assert all("/bbc/" in k["path"] for k in default)  # the edited copy only, as before
    planted = [k for k in default if k["origin"] == "planted"]
    assert [k["sentence"] for k in planted] == ["The agreement would save poor countries £3bn a year."]

    wide = _sample(tmp_path, tmp_path / "out1", "--folders", "bbc,polnear", "--any-claim", "3")
    assert {Path(k["path"]).parent.name for k in wide if k["origin"] == "planted"} == {"bbc", "polnear"}
    # The old planter also cuts the source of a sentence with no new figure; a figure plant is not repeated.
    anyclaim = [k for k in wide if k["origin"] == "planted-any"]
    assert {k["sentence"] for k in anyclaim} == {"The meeting ended early."}

    # score rebuilds each planted copy, the any-claim ones with the old planter, and counts by origin.
    (tmp_path / "out1" / "verdicts.jsonl").write_text(
        "".join(json.dumps({"id": k["id"], "needs_source": k["origin"] != "narration"}) + "\n" for k in wide),
        encoding="utf-8")
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "claims_context.py"), "score", str(tmp_path / "out1"),
                          "--corpus", str(tmp_path)], capture_output=True, text=True, timeout=300, check=True)
    rows = {tuple(line.split()[:3]): line.split() for line in run.stdout.splitlines()}
    # Read, by origin: the two figure plants (bbc, polnear), the any-claim plant, the two narration sentences.
    assert rows[("planted", "needs", "a")][4] == "2"
    assert rows[("planted-any", "needs", "a")][4] == "1"
    assert rows[("narration", "fine", "as")][5] == "2"
    assert ("planted-any", "needs", "a") in rows


def test_exclude_leaves_out_what_an_earlier_read_holds(tmp_path):
    (tmp_path / "bbc").mkdir()
    (tmp_path / "bbc" / _measure_name("bbc", "a")).write_text(ARTICLE, encoding="utf-8")
    first = _sample(tmp_path, tmp_path / "out0", "--any-claim", "3")
    assert {k["origin"] for k in first} == {"planted", "planted-any", "narration"}
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text("".join(json.dumps({"id": k["id"], "needs_source": True}) + "\n"
                                for k in first if k["origin"] != "narration"), encoding="utf-8")
    grown = _sample(tmp_path, tmp_path / "out1", "--any-claim", "3", "--exclude", str(verdicts))
    # The plants were read already; the narration sentences were not, so they are drawn again.
    assert sorted(k["id"] for k in grown) == sorted(k["id"] for k in first if k["origin"] == "narration")


def test_claims_why_reads_a_two_reader_read(tmp_path):
    folder = "bbc"
    name = next(f"b{n}.txt" for n in range(200)
                if not hashlib.sha256(f"lintnews-split-1:{folder}/b{n}.txt".encode()).digest()[0] & 1)  # tune half
    (tmp_path / folder).mkdir()
    (tmp_path / folder / name).write_text(ARTICLE, encoding="utf-8")
    keys = _sample(tmp_path, tmp_path / "read", "--half", "tune")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for path, yes in ((a, {"planted"}), (b, {"planted", "narration"})):
        path.write_text("".join(json.dumps({"id": k["id"], "needs_source": k["origin"] in yes}) + "\n" for k in keys),
                        encoding="utf-8")
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "claims_why.py"), "--read", str(tmp_path / "read"),
                          str(a), str(b)], capture_output=True, text=True, timeout=300, check=True)
    # The estimate plant both readers want sourced shows no feature; the narration sentence is split.
    assert "planted both yes: no feature 1" in run.stdout
    assert "narration split: no feature 1" in run.stdout
    assert "both yes | planted | no feature | - |" in run.stdout
    assert "'The agreement would save poor countries £3bn a year.'" in run.stdout
