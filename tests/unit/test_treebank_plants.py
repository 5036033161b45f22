"""scripts/treebank_plants.py: agreement errors planted by a treebank's gold subjects."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Two sentences in CoNLL-U, as UD English-EWT annotates them (written for this test).
CONLLU = """\
# newdoc id = test-doc
# text = The ministers of the new government were sworn in on Monday.
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_
2\tministers\tminister\tNOUN\tNNS\tNumber=Plur\t8\tnsubj:pass\t_\t_
3\tof\tof\tADP\tIN\t_\t6\tcase\t_\t_
4\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t6\tdet\t_\t_
5\tnew\tnew\tADJ\tJJ\tDegree=Pos\t6\tamod\t_\t_
6\tgovernment\tgovernment\tNOUN\tNN\tNumber=Sing\t2\tnmod\t_\t_
7\twere\tbe\tAUX\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t8\taux:pass\t_\t_
8\tsworn\tswear\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t_\t_
9\tin\tin\tADP\tRP\t_\t8\tcompound:prt\t_\t_
10\ton\ton\tADP\tIN\t_\t11\tcase\t_\t_
11\tMonday\tMonday\tPROPN\tNNP\tNumber=Sing\t8\tobl\t_\tSpaceAfter=No
12\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_

# text = The committee are divided.
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_
2\tcommittee\tcommittee\tNOUN\tNN\tNumber=Sing\t4\tnsubj\t_\t_
3\tare\tbe\tAUX\tVBP\tMood=Ind|Tense=Pres|VerbForm=Fin\t4\tcop\t_\t_
4\tdivided\tdivided\tADJ\tJJ\tDegree=Pos\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

"""


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def test_a_plural_subject_with_a_phrase_is_planted_and_a_collective_that_disagrees_is_not(tmp_path):
    treebank = _load("treebank")
    plants = _load("treebank_plants")
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    first, second = treebank.read(path)
    assert first.heads[1] == 8 and first.deprels[1] == "nsubj:pass" and first.feats[1] == "Number=Plur"
    (v, new, kind, direction, opener), = plants.plants(first)
    assert (first.forms[v], new, kind, direction, opener) == ("were", "was", "head + of-phrase",
                                                               "pl subject: were -> was", "START")
    # "The committee are": a singular collective with a plural verb does not agree as written by its
    # gold Number, so nothing is planted there.
    assert plants.plants(second) == []


def test_the_plant_is_found_by_the_agreement_rules_and_the_untouched_sentence_is_clean(tmp_path):
    treebank = _load("treebank")
    plants = _load("treebank_plants")
    root = tmp_path / "treebanks"
    root.mkdir()
    (root / treebank.FILES["ewt-test"]).write_text(CONLLU, encoding="utf-8")
    results, false, sentences = plants.run("test", root)
    assert sentences == 2 and false == []
    assert [(r["verb"], r["found"], r["rules"]) for r in results] == [("was", True, ["News.Agreement"])]
    assert "| head + of-phrase | both | 1 | 1 | 100.0% |" in plants.table(results, false, sentences)
