"""Baselines in CI: the `baseline:` configuration key, and `fix --baseline` (baselined findings are
neither reported nor fixed), through the installed command."""

from __future__ import annotations

import json

ARCHIVED = (
    "Troops leave northern Syria\n"
    "\n"
    "The the troops left on Monday, the ministry said.\n"
    "\n"
    "The convoy  reached the border by nightfall.\n"
)
EDITED = ARCHIVED + "\nThe the last trucks left on Tuesday.\n"


def site(tmp_path, config: str | None = "baseline: lintnews-baseline.json\n"):
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / "syria.md"
    article.write_text(ARCHIVED, encoding="utf-8")
    if config is not None:
        (tmp_path / "lintnews.yaml").write_text(config, encoding="utf-8")
    return article


def test_write_baseline_records_everything_although_the_config_names_a_baseline(run_cli, tmp_path):
    site(tmp_path)
    proc = run_cli("check", "--write-baseline", "lintnews-baseline.json", "articles/", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"Wrote 2 findings to baseline" in proc.stderr
    recorded = json.loads((tmp_path / "lintnews-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {e["rule"] for e in recorded} == {"News.DoubledWord", "News.MultipleSpaces"}
    # Written again over itself, it still records both (the old one is not applied while writing).
    proc = run_cli("check", "--write-baseline", "lintnews-baseline.json", "articles/", cwd=tmp_path)
    assert b"Wrote 2 findings to baseline" in proc.stderr


def test_config_baseline_is_used_by_check_from_any_folder(run_cli, tmp_path):
    article = site(tmp_path)
    run_cli("check", "--write-baseline", "lintnews-baseline.json", "articles/", cwd=tmp_path)
    proc = run_cli("check", "articles/", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout.decode()
    assert b"All clean" in proc.stdout
    # The path in the config is relative to the config, wherever the command runs.
    proc = run_cli("check", "syria.md", cwd=tmp_path / "articles")
    assert proc.returncode == 0, proc.stdout.decode()
    article.write_text(EDITED, encoding="utf-8")
    proc = run_cli("check", "--format", "concise", "articles/", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines()[0] == "articles/syria.md:7:1: suggestion: News.DoubledWord [*] " \
        "'The the': a word is doubled."
    assert "News.MultipleSpaces" not in proc.stdout.decode()


def test_fix_leaves_baselined_findings_alone_and_fixes_new_ones(run_cli, tmp_path):
    article = site(tmp_path)
    run_cli("check", "--write-baseline", "lintnews-baseline.json", "articles/", cwd=tmp_path)
    article.write_text(EDITED, encoding="utf-8")
    proc = run_cli("fix", "articles/", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    assert b"Fixed 1 finding in 1 file; 0 remaining." in proc.stdout
    assert article.read_text(encoding="utf-8") == ARCHIVED + "\nThe last trucks left on Tuesday.\n"


def test_fix_baseline_option_over_the_config(run_cli, tmp_path):
    article = site(tmp_path, config=None)
    run_cli("check", "--write-baseline", "old.json", "articles/", cwd=tmp_path)
    article.write_text(EDITED, encoding="utf-8")
    proc = run_cli("fix", "--diff", "--baseline", "old.json", "articles/", cwd=tmp_path)
    assert proc.returncode == 1
    diff = proc.stdout.decode()
    assert "+The last trucks left on Tuesday." in diff
    assert "-The convoy  reached" not in diff and "-The the troops" not in diff
    # Without the baseline, fix fixes everything it can.
    proc = run_cli("fix", "articles/", cwd=tmp_path)
    assert article.read_text(encoding="utf-8").count("The the") == 0
    assert "  " not in article.read_text(encoding="utf-8")


def test_a_missing_configured_baseline_is_one_line_naming_the_config(run_cli, tmp_path):
    site(tmp_path, config="baseline: nowhere.json\n")
    for command in ("check", "fix"):
        proc = run_cli(command, "articles/", cwd=tmp_path)
        lines = proc.stderr.decode().strip().splitlines()
        assert proc.returncode == 2
        assert len(lines) == 1, lines
        assert lines[0].startswith("error: ") and "lintnews.yaml: key 'baseline': file not found" in lines[0]


def test_the_summary_says_how_many_findings_the_baseline_hid(run_cli, tmp_path):
    """"All clean" over an archive with a baseline says what it is not showing, from the cache too."""
    (tmp_path / "a.txt").write_text("Storm closes road\n\nThe the storm closed the road.\n", encoding="utf-8")
    run_cli("check", "--isolated", "--write-baseline", "b.json", "a.txt", cwd=tmp_path)
    for _ in range(2):  # the second run is answered from the results cache
        proc = run_cli("check", "--isolated", "--baseline", "b.json", "a.txt", cwd=tmp_path)
        assert proc.returncode == 0
        assert proc.stdout.decode().strip() == "All clean: no findings in 1 file. 1 finding in the baseline not shown."
    (tmp_path / "a.txt").write_text("Storm closes road\n\nThe the storm closed the the road.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--baseline", "b.json", "--format", "concise", "a.txt", cwd=tmp_path)
    assert proc.stdout.decode().rstrip().endswith(
        "Found 1 finding (1 suggestion) in 1 file (1 fixable with `lintnews fix`). 1 finding in the baseline not shown.")
