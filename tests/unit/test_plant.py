"""The defect planters of scripts/plant.py (scripts/planters.py), on a made-up article: no corpus needed."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("planters", REPO / "scripts" / "planters.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["planters"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


planters = _load()

QUOTE = '"It\'s a great day, and there were 12 stores," he said.'
ARTICLE = (
    "Acme profits rise sharply\n\n"
    "Acme Corp said on Monday that its profits rose 12.5 percent to €12,500 in 2003. The firm had 635,173 "
    "customers, more than analysts expected. There were 14 stores, and there are many reasons for optimism, "
    "the company said.\n\n"
    "According to the police, some 37 people were hurt in the crush. The prices of oil were rising, and the market was calm. "
    "The rise in prices is welcome. It's the best year since the business began, said John Smith. The board "
    "could have acted sooner, and the firm has passed the test and has led the market with $1.5bn.\n\n"
    + QUOTE + "\n\n"
    "The plan, whose cost was high, will affect prices and had little effect on sales. Everyone except the "
    "chairman will lose nothing; they could lose their jobs, Acme said. Smith's firm didn't comment. The "
    "results were strong.\n\n"
    "Mr Smith’s deputy said the extra money was necessary.\n"
)
SUBS = [sub for _, sub, _ in planters.PLANTERS]


def _site():
    return planters.Site(ARTICLE, frozenset(), ("Other headline",))


@pytest.mark.parametrize("sub", SUBS)
def test_each_planter_changes_one_span_and_keeps_the_original(sub):
    kind, _, plant_fn = next(p for p in planters.PLANTERS if p[1] == sub)
    quote = ARTICLE.index(QUOTE)
    quoted = QUOTE.rindex('"') + 1  # the words inside the quotation marks
    for seed in range(12):
        plant = plant_fn(_site(), random.Random(seed))
        assert plant is not None, f"{sub}: no site in the test article"
        assert (plant.kind, plant.sub) == (kind, sub)
        assert plant.old == ARTICLE[plant.start:plant.end]  # the original is recorded
        assert plant.old != plant.new
        planted = plant.apply(ARTICLE)
        # exactly one span differs; the rest is the original, byte for byte
        assert planted[:plant.start] == ARTICLE[:plant.start]
        assert planted[plant.start + len(plant.new):] == ARTICLE[plant.end:]
        assert planted != ARTICLE
        # never in the title, never in the quotation
        assert plant.start >= ARTICLE.index("\n\n") + 2
        assert plant.end <= quote or plant.start >= quote + quoted
        s0, s1 = plant.span
        assert 0 <= s0 < s1 <= len(planted)


def test_no_site_gives_none():
    text = "A title\n\n" + QUOTE + "\n"
    site = planters.Site(text)
    by_sub = {sub: fn for _, sub, fn in planters.PLANTERS}
    # "It's" and "there were 12" stand only inside the quotation
    assert by_sub["it's -> its"](site, random.Random(1)) is None
    assert by_sub["there were -> there was (plural follows)"](site, random.Random(1)) is None
    assert by_sub["except -> accept"](site, random.Random(1)) is None


def test_typos_are_not_known_words():
    text = "Title\n\nThe senate passed budget.\n"
    vocab = frozenset({"snate", "seante", "sentae", "senat", "senae", "enate", "seate", "sente", "sneate"})
    for seed in range(20):
        for sub in ("dropped letter", "swapped letters"):
            fn = next(f for _, s, f in planters.PLANTERS if s == sub)
            plant = fn(planters.Site(text, vocab), random.Random(seed))
            assert plant is not None and plant.new not in vocab and plant.old in {"senate", "passed", "budget"}


def test_deleted_attribution_marks_the_sentence_left():
    site = planters.Site("Title\n\n41 people died in the attack, police said. Others fled.\n")
    fn = next(f for _, s, f in planters.PLANTERS if s == "trailing ', X said.'")
    plant = fn(site, random.Random(0))
    planted = plant.apply(site.text)
    assert planted == "Title\n\n41 people died in the attack. Others fled.\n"
    assert planted[slice(*plant.span)] == "41 people died in the attack."


@pytest.mark.parametrize("body", [
    # no figure: a reader finds nothing to contest once the source is gone
    "The report will be published next week, the ministry said. Others fled.",
    # a year, a date and a clock time are no figures
    "The talks began in 2004 and resume on 11 March at 10:30, the ministry said.",
    # the figure stands elsewhere in the article, which sources it there
    "Figures from the census show 41 people live there. 41 people live in the village, the council said.",
])
def test_an_attribution_is_stripped_only_from_a_figure_the_article_does_not_repeat(body, monkeypatch):
    assert _said_planted(body) is None
    monkeypatch.setattr(planters, "FIGURES_ONLY", False)  # the old planter strips any attribution
    assert _said_planted(body) is not None


def _said_planted(body: str):
    """What the trailing ', X said.' planter plants in an article with this body, or None."""
    fn = next(f for _, s, f in planters.PLANTERS if s == "trailing ', X said.'")
    return fn(planters.Site("Title\n\n" + body + "\n"), random.Random(0))


@pytest.mark.parametrize("body", [
    "It is understood that 41 people were detained overnight, police said. Others fled.",
    "The two men are thought to have moved 41 containers through the port, officials said. Others fled.",
])
def test_a_sentence_that_keeps_a_convention_hedge_is_no_planted_claim(body, monkeypatch):
    assert _said_planted(body) is None
    monkeypatch.setattr(planters, "HEDGES_KEPT", True)  # the planter before the claims4 branch
    assert _said_planted(body) is not None


def test_the_script_plants_finds_and_restores(tmp_path):
    """scripts/plant.py end to end on a two-article corpus of its own."""
    import json
    import subprocess

    bbc = tmp_path / "bbc"
    bbc.mkdir()
    for name in ("a", "b"):
        (bbc / f"{name}.txt").write_text(ARTICLE.replace("Acme", "Acme" + name.upper()), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "plant.py"), "--corpus", str(tmp_path), "--half", "all",
         "--per-kind", "2", "--kind", "mojibake", "--kind", "glued", "--jobs", "1", "--json"],
        capture_output=True, text=True, timeout=300, check=True)
    data = json.loads(run.stdout)
    results = data["results"]
    assert len(results) == 8 and {r["kind"] for r in results} == {"mojibake", "glued"}
    for r in results:
        assert r["found"] and r["restored"], r
    overall = data["rows"][-1]
    assert (overall["kind"], overall["planted"], overall["found"]) == ("all", 8, 8)


def test_the_script_plants_in_the_folders_it_is_given(tmp_path):
    """--folders plants in other folders' copy (polnear's election news) and in none of the default ones;
    an unknown folder is a one-line error, exit 2."""
    import json
    import subprocess

    for folder in ("bbc", "polnear"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(ARTICLE.replace("Acme", "Acme" + folder), encoding="utf-8")
    script = [sys.executable, str(REPO / "scripts" / "plant.py"), "--corpus", str(tmp_path), "--half", "all",
              "--per-kind", "2", "--kind", "mojibake", "--jobs", "1", "--json"]
    run = subprocess.run(script + ["--folders", "polnear"], capture_output=True, text=True, timeout=300, check=True)
    data = json.loads(run.stdout)
    assert data["folders"] == ["polnear"]
    assert data["results"] and {r["folder"] for r in data["results"]} == {"polnear"}
    run = subprocess.run(script, capture_output=True, text=True, timeout=300, check=True)
    assert {r["folder"] for r in json.loads(run.stdout)["results"]} == {"bbc"}
    bad = subprocess.run(script + ["--folders", "polnear,blogs"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown folder blogs" in bad.stderr and "Traceback" not in bad.stderr


def test_the_script_without_a_corpus(tmp_path):
    import subprocess

    run = subprocess.run([sys.executable, str(REPO / "scripts" / "plant.py"), "--corpus", str(tmp_path / "none")],
                         capture_output=True, text=True, timeout=120, check=True)
    assert "corpus not found" in run.stdout


def test_sentence_around_reads_abbreviations_as_part_of_the_sentence():
    from planters import sentence_around
    text = ("The debt limit expired on Dec. 8, although the Treasury can pay its bills. "
            "Mr. Kushner spoke with investigators for 90 minutes. It ended.")
    for word, sentence in (("although", "The debt limit expired on Dec. 8, although the Treasury can pay its bills."),
                           ("investigators", "Mr. Kushner spoke with investigators for 90 minutes."),
                           ("ended", "It ended.")):
        at = text.index(word)
        start, end = sentence_around(text, at, at)
        assert text[start:end] == sentence


def test_a_singular_subject_after_and_with_no_comma_is_not_planted():
    # "Content on TV and the internet is": the subject may be both, and "are" would be no error; after a
    # comma "and" opens a clause of its own ("..., and the market is") and the plant is an error.
    by_sub = {sub: fn for _, sub, fn in planters.PLANTERS}
    plant = by_sub["singular subject: is/was -> are/were"]
    both = "A title\n\nContent on TV and the internet is set to merge this year, analysts say.\n"
    assert plant(planters.Site(both), random.Random(1)) is None
    clause = "A title\n\nSales of cars rose in May, and the market is calm, analysts say.\n"
    got = plant(planters.Site(clause), random.Random(1))
    assert got is not None and got.old == "is" and got.new == "are"
