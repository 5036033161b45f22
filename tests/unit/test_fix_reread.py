"""scripts/fix_reread.py end to end on a corpus of its own: every change attributed, the corpus untouched."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("fix_reread", REPO / "scripts" / "fix_reread.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(REPO / "scripts"))  # it imports scripts/corpus.py, as when run
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "scripts"))
    return module


def test_invisible_characters_are_spelled_out():
    visible = _load().visible
    assert visible("a\u00a0b\u200bc\u00ad\n") == "a<NBSP>b<ZWSP>c<SHY><LF>"
    assert visible("x\u202ay e\u0301", newline="\n") == "x<U+202A>y e<U+0301>"


def test_every_change_is_read_back_with_its_rule(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "wire").mkdir(parents=True)
    vote = "Vote delayed\n\nThe vote was\u200b was postponed until Monday.\n"
    (corpus / "wire" / "a.txt").write_text(vote, encoding="utf-8")
    (corpus / "wire" / "b.txt").write_text("Budget\n\nThe budget passed on Monday.\n", encoding="utf-8")
    (corpus / "README.txt").write_text("not an article\n", encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "fix_reread.py"), str(out), "--corpus", str(corpus),
                          "--jobs", "1"], capture_output=True, text=True, check=True)
    assert "2 articles, 1 changed by fix, 2 changes" in run.stdout
    changes = [json.loads(line) for line in (out / "changes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(c["file"], c["pass"], c["rule"], c["before"], c["after"]) for c in changes] == [
        ("wire/a.txt", 1, "News.InvisibleCharacters", "<ZWSP>", ""),
        ("wire/a.txt", 2, "News.DoubledWord", " was", ""),
    ]
    assert changes[0]["left"].endswith("The vote was") and changes[0]["right"].startswith(" was postponed")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["changes_per_rule"] == {"News.DoubledWord": 1, "News.InvisibleCharacters": 1}
    assert summary["api_cli_mismatches"] == [] and summary["second_fix_changed"] == []
    assert (corpus / "wire" / "a.txt").read_text(encoding="utf-8") == vote  # the corpus is never written
