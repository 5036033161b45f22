"""lintnews/data/misspellings.txt, the list News.Spelling consults first: its shape,
and the promises scripts/build_misspellings.py makes about it (a hand edit could break them)."""

from __future__ import annotations

from pathlib import Path

import regex
import yaml

from lintnews.rules.frequencies import lexicon
from lintnews.rules.misspellings import _table, corrections, listed_corrections

ROOT = Path(__file__).parents[2]


def test_entries_are_lower_case_words_with_corrections():
    table = _table()
    assert len(table) > 50_000
    bad = [k for k, v in table.items()
           if not regex.fullmatch(r"[a-z]+(?:'[a-z]+)*", k) or len(k) < 4 or not v or "" in v.split("\t")]
    assert bad == []


def test_no_misspelling_is_a_word_of_the_frequency_lists():
    lex = lexicon()
    assert [k for k in _table() if k in lex.curated or lex.zipf(k) >= 3.0] == []


def test_no_british_spelling_is_a_misspelling():
    british = set()
    for name in ("BritishSpellings", "AmericanSpellings"):
        swap = yaml.safe_load((ROOT / "rules" / "News" / f"{name}.yml").read_text(encoding="utf-8"))["swap"]
        british |= {str(k).lower() for k in swap} | {str(v).lower() for v in swap.values()}
    assert sorted(british & set(_table())) == []
    for word in ("colour", "organise", "travelled", "programme", "defence", "judgement", "ageing",
                 "paediatric", "enrolment", "focussed", "combatting", "whilst", "analyse", "catalogue"):
        assert corrections(word) == (), word


def test_look_up():
    assert corrections("accomodate") == ("accommodate",)
    assert corrections("realy") == ("really", "relay")
    assert corrections("accommodate") == ()
    assert listed_corrections("goverment's", "goverment") == ("government's",)
