"""`check --profile`: the time each rule took, on standard error, leaving the report as it was."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("Storm closes coast road\n\nThe the storm closed the coast road on Monday, and there was no formal "
           "warnings from the council, officials said.\n\nResidents said they had recieved no notice.\n")


def test_profile_lists_each_rule_that_ran_with_its_time(run_cli, tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(ARTICLE, encoding="utf-8")
    plain = run_cli("check", "--isolated", "--format", "concise", str(tmp_path))
    profiled = run_cli("check", "--isolated", "--format", "concise", "--profile", "--jobs", "2", str(tmp_path))
    assert profiled.returncode == plain.returncode == 1
    assert profiled.stdout == plain.stdout  # the report is the same
    err = profiled.stderr.decode()
    assert "Profile: CPU seconds per rule over 3 files (one job, no cache):" in err
    rows = re.findall(r"^  (\S+)\s+([\d.]+) s\s+([\d.]+)%$", err, re.M)
    rules = {rule for rule, _, _ in rows}
    assert {"News.DoubledWord", "News.Spelling", "News.Agreement"} <= rules
    assert abs(sum(float(share) for _, _, share in rows) - 100) < 1.0
    assert re.search(r"^  total\s+[\d.]+ s$", err, re.M)


def test_profile_keeps_machine_output_clean_and_bypasses_the_cache(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    proc = run_cli("check", "--isolated", "--format", "json", "--profile", "--cache-dir", str(cache), str(article))
    assert json.loads(proc.stdout)  # still one JSON document
    assert "Profile:" in proc.stderr.decode()
    assert not cache.exists() or not any(p.is_file() and p.suffix == ".json" for p in cache.rglob("*"))
