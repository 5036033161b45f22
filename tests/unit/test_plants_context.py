"""scripts/plants_context.py: a blind read of planted defects with controls, on a small made-up corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))  # the scripts import each other, as when run

import corpus  # noqa: E402
import plant  # noqa: E402
import plants_context  # noqa: E402

STORIES = [
    ("Council approves new budget",
     "The council met on Tuesday to vote on the plan. The budget is the largest in a decade, officials "
     "said. The cuts to services were smaller than feared. There were 14 objections from residents, and "
     "the mayor said the vote was close."),
    ("Storm closes roads across the region",
     "Heavy rain fell overnight in the north. The storm was the worst since 2009, forecasters said. The "
     "roads in the valley were closed by morning. The forecast for Friday is better, and the clean-up was "
     "expected to take a week."),
    ("Factory to cut 300 jobs",
     "Workers were told of the decision on Monday. The factory is the town's biggest employer. The unions "
     "at the plant were angry. There were 300 jobs at risk, and the minister said the news was a blow."),
    ("Hospital waiting times rise",
     "Patients waited longer in the winter months. The hospital was short of 40 nurses, managers said. The "
     "waiting times for surgery were the longest on record. The report is due in March, and the trust was "
     "asked to explain."),
    ("Bridge reopens after repairs",
     "Traffic returned to the river crossing on Sunday. The bridge was closed for six months. The repairs "
     "to the deck were finished early. The cost is still disputed, and the contractor was paid in full."),
    ("School results improve",
     "Pupils in the county did better this year. The school is among the best in the region. The grades "
     "in maths were higher than last year. There were 12 new teachers, and the head said the year was a "
     "good one."),
]


MORE = [
    "A spokesman declined to comment further. The statement was issued late on Wednesday.",
    "Local people gathered outside the town hall. The mood was calm but tense.",
    "Officials will meet again next month. The decision is expected before the summer.",
    "Opposition members called for an inquiry. The request was rejected by the chairman.",
    "Residents had been warned in advance. The notice was posted on the council website.",
    "Talks with the unions resumed at noon. The offer is final, a negotiator said.",
]


@pytest.fixture(scope="module")
def half_corpus(tmp_path_factory):
    """A corpus of edited copy (bbc), and the half most of its articles fall in."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "bbc").mkdir()
    for n in range(12):  # each story twice, with other paragraphs after it: more spots a control may take
        title, body = STORIES[n % len(STORIES)]
        more = "\n\n".join(MORE[(n + k) % len(MORE)] for k in range(5))
        (root / "bbc" / f"story{n}.txt").write_text(f"{title}\n\n{body}\n\n{more}\n", encoding="utf-8")
    halves = [corpus.half(p, root) for p in sorted((root / "bbc").iterdir())]
    which = max(corpus.HALVES, key=halves.count)
    return root, which


@pytest.fixture(scope="module")
def sampled(half_corpus, tmp_path_factory):
    root, which = half_corpus
    out = tmp_path_factory.mktemp("read")
    assert plants_context.main(["sample", str(out), "--kind", "agreement", "--corpus", str(root),
                                "--half", which, "--seed", "1"]) == 0
    items = [json.loads(line) for line in (out / "items.jsonl").read_text(encoding="utf-8").splitlines()]
    # The reader's folder holds only what the reader reads; the key is beside it.
    assert sorted(p.name for p in out.iterdir()) == ["README-reader.md", "items.jsonl"]
    key = out.parent / f"{out.name}-key.jsonl"
    keys = [json.loads(line) for line in key.read_text(encoding="utf-8").splitlines()]
    return out, items, keys


def _unmarked(passage: str) -> str:
    return passage.replace(plants_context.OPEN, "").replace(plants_context.CLOSE, "")


def _marked(passage: str) -> str:
    return passage.split(plants_context.OPEN)[1].split(plants_context.CLOSE)[0]


def test_items_are_every_plant_and_as_many_controls_and_tell_the_reader_nothing_else(sampled):
    out, items, keys = sampled
    plants = [k for k in keys if k["origin"] == "planted"]
    assert len(plants) >= 6 and len(keys) == 2 * len(plants)
    assert [set(i) for i in items] == [{"id", "title", "passage"}] * len(items)
    assert len({i["id"] for i in items}) == len(items) and [i["id"] for i in items] == [k["id"] for k in keys]
    assert all(i["passage"].count(plants_context.OPEN) == 1 == i["passage"].count(plants_context.CLOSE)
               for i in items)
    # shuffled: plants and controls are not in two blocks
    origins = [k["origin"] for k in keys]
    assert origins != sorted(origins) and origins != sorted(origins, reverse=True)


def test_a_plant_shows_the_planted_copy_and_a_control_the_article_as_written(sampled):
    _, items, keys = sampled
    for item, key in zip(items, keys):
        text = Path(key["path"]).read_text(encoding="utf-8")
        seen = _unmarked(item["passage"])
        assert item["title"] == text.split("\n", 1)[0]
        if key["origin"] == "planted":
            planted = text[:key["start"]] + key["new"] + text[key["end"]:]
            assert seen in planted and seen not in text
            assert _marked(item["passage"]) == key["new"]  # the planted verb, marked
            assert key["kind"] == "agreement" and key["old"].lower() in {"is", "was", "are", "were"}
        else:
            assert seen in text and _marked(item["passage"]) == text[key["start"]:key["end"]]
            assert key["old"].lower() in {"is", "was", "were", "are"} and key["new"] is None


def test_a_passage_is_the_sentence_with_its_neighbours():
    text = ("Title\n\nHeavy rain fell overnight. The storm was the worst since 2009, forecasters said. "
            "The roads were closed. Nobody was hurt.\n")
    at = text.index("was the worst")
    assert plants_context.passage(text, at, at + 3) == (
        "Heavy rain fell overnight. The storm ⟦was⟧ the worst since 2009, forecasters said. The roads were closed.")
    first = text.index("Heavy")
    assert plants_context.passage(text, first, first + 5) == "⟦Heavy⟧ rain fell overnight. The storm was the worst since 2009, forecasters said."


def test_no_control_shows_a_planted_passage_as_written(sampled):
    _, items, keys = sampled
    for key in keys:
        if key["origin"] != "control":
            continue
        text = Path(key["path"]).read_text(encoding="utf-8")
        control = plants_context.bounds(text, key["start"], key["end"])
        for other in keys:
            if other["origin"] == "planted" and other["path"] == key["path"]:
                planted = plants_context.bounds(text, other["start"], other["end"])
                assert not plants_context._overlap(control, planted)


def test_the_plants_are_the_ones_plant_py_measures(sampled, half_corpus):
    root, which = half_corpus
    _, _, keys = sampled
    items = plant.control_articles(root, which)
    texts = {str(p): plant.read_path(str(p)).text for p, _ in items}
    titles = {p: t.split("\n", 1)[0].strip() for p, t in texts.items()}
    plan = plant.choose([(str(p), f) for p, f in items], texts, titles, plant.corpus_vocab(root), 40, 1,
                        ["agreement"])
    want = {(p, pl.sub, pl.start, pl.new) for p, pls in plan.items() for pl in pls}
    assert {(k["path"], k["sub"], k["start"], k["new"]) for k in keys if k["origin"] == "planted"} == want


def test_the_reader_is_asked_one_neutral_question(sampled):
    out, _, _ = sampled
    readme = (out / "README-reader.md").read_text(encoding="utf-8")
    assert plants_context.QUESTIONS["agreement"] in readme
    for word in ("plant", "rule", "control", "agreement", "lintnews", "defect", "key.jsonl"):
        assert word not in readme.lower()


def _verdicts(path: Path, keys, error_of) -> Path:
    path.write_text("".join(json.dumps({"id": k["id"], "error": error_of(k), "correction": None, "note": ""}) + "\n"
                            for k in keys), encoding="utf-8")
    return path


def test_score_counts_errors_false_alarms_finds_and_agreement(sampled, tmp_path, capsys, monkeypatch):
    out, _, keys = sampled
    plants = [k for k in keys if k["origin"] == "planted"]
    doubted = {plants[0]["id"], plants[1]["id"]}  # plants reader B reads as no error
    alarm = next(k["id"] for k in keys if k["origin"] == "control")  # a control reader B reads as one
    a = _verdicts(tmp_path / "a.jsonl", keys, lambda k: k["origin"] == "planted")
    b = _verdicts(tmp_path / "b.jsonl", keys,
                  lambda k: (k["origin"] == "planted" and k["id"] not in doubted) or k["id"] == alarm)
    monkeypatch.setattr(plants_context, "DATA", tmp_path / "data")
    (tmp_path / "data").mkdir()
    assert plants_context.main(["score", str(out), "--verdicts", str(a), "--verdicts", str(b), "--store"]) == 0
    shown = capsys.readouterr().out
    n, c = len(plants), len(keys) - len(plants)
    found = plants_context.found_plants(keys)
    hits = sum(found.values())
    hits_b = sum(found[i] for i in found if i not in doubted)
    assert f"| **all** | {n} | {n} (100%) | {hits} (" in shown.split("reader B")[0]
    assert f"| **all** | {n} | {n - 2} (" in shown.split("reader B")[1]
    assert f"| {hits_b} (" in shown.split("reader B")[1].split("every reader")[0]
    assert f"| {c} | 1 (" in shown.split("reader B")[1].split("every reader")[0]  # one false alarm
    assert f"all items: {n + c} read by both, agree on {n + c - 3} (" in shown
    stored = [json.loads(line) for line in (tmp_path / "data" / "agreement_context_verdicts.jsonl").open()]
    assert {tuple(sorted(v)) for v in stored} == {("error", "id", "reader")}
    assert len(stored) == 2 * len(keys)


def test_found_is_plant_py_s_own_test(sampled):
    _, _, keys = sampled
    found = plants_context.found_plants(keys)
    assert set(found) == {k["id"] for k in keys if k["origin"] == "planted"}
    # "The budget are the largest": the default rules find a singular subject with a plural verb
    sing = [k for k in keys if k["origin"] == "planted" and k["sub"] == "singular subject: is/was -> are/were"]
    assert sing and any(found[k["id"]] for k in sing)


def test_agreement_and_kappa():
    keys = [{"id": str(i)} for i in range(10)]
    a = {str(i): i < 5 for i in range(10)}
    b = {str(i): i < 4 or i == 9 for i in range(10)}  # differ on 4 and 9
    ag = plants_context.agreement(keys, a, b)
    assert ag == {"read_by_both": 10, "agree": 8, "kappa": 0.6}
    assert plants_context.agreement(keys, a, {})["read_by_both"] == 0


def test_a_bad_verdict_line_is_a_clear_error(tmp_path):
    path = tmp_path / "v.jsonl"
    path.write_text('{"id": "x", "error": "maybe"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"v.jsonl:1: not a verdict"):
        plants_context.read_verdicts(path)
    path.write_text('["x", true]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"v.jsonl:1: not a verdict"):
        plants_context.read_verdicts(path)


def test_the_stored_verdicts_score_again_as_their_readers(sampled, tmp_path, capsys):
    out, _, keys = sampled
    stored = tmp_path / "stored.jsonl"
    stored.write_text("".join(json.dumps({"id": k["id"], "reader": r, "error": k["origin"] == "planted" or r == "B"})
                              + "\n" for r in "AB" for k in keys), encoding="utf-8")
    assert set(plants_context.read_verdicts(stored)) == {"A", "B"}
    assert plants_context.main(["score", str(out), "--verdicts", str(stored)]) == 0
    shown = capsys.readouterr().out
    n = len(keys) // 2
    assert f"control items: {n} read by both, agree on 0 (0%)" in shown


def test_plant_py_reports_recall_over_the_plants_read_as_errors(tmp_path, monkeypatch):
    results = [{"kind": "agreement", "sub": "s", "path": f"/c/bbc/a{i}.txt", "start": i, "old": "is", "new": "are",
                "found": i < 6} for i in range(10)]
    ids = [plants_context.item_id("planted", "agreement", "s", r["path"], r["start"], "is", "are") for r in results]
    data = tmp_path / "scripts" / "data"
    data.mkdir(parents=True)
    # reader A: plants 0-7 are errors; reader B: plants 0-4 and 8 are
    lines = [{"id": i, "reader": "A", "error": n < 8} for n, i in enumerate(ids)]
    lines += [{"id": i, "reader": "B", "error": n < 5 or n == 8} for n, i in enumerate(ids)]
    (data / "agreement_context_verdicts.jsonl").write_text("".join(json.dumps(v) + "\n" for v in lines))
    monkeypatch.setattr(plants_context, "DATA", data)
    (line,) = plant.judged_kinds(results)
    assert "10 of the 10 plants read, 6 found (60%)" in line
    assert "every reader read 5 as errors, 5 of those found (100%)" in line
    assert "at least one read 9 as errors, 6 of those found (67%)" in line
    assert plant.judged_kinds([r for r in results if r["kind"] == "misspelling"]) == []


def test_every_planter_lists_its_sites_and_its_plant_is_one_of_them():
    import random

    import planters

    text = f"{STORIES[0][0]}\n\n{STORIES[0][1]}\n\n" + "\n\n".join(MORE) + "\n"
    site = planters.Site(text)
    assert all(callable(getattr(fn, "sites", None)) for _, _, fn in planters.PLANTERS)
    for kind, sub, fn in planters.PLANTERS:
        if kind != "agreement":
            continue
        for seed in range(8):
            plant = fn(site, random.Random(seed))
            if plant is None:
                assert fn.sites(site) == []
                continue
            assert (plant.start, plant.end) in fn.sites(site)
    singular = next(fn for _, s, fn in planters.PLANTERS if s == "singular subject: is/was -> are/were")
    assert {text[a:b] for a, b in singular.sites(site)} == {"is", "was"}
    assert len(singular.sites(site)) >= 6
