"""`lintnews rules`, `rules show` and `rules docs` as a newsroom's style editor runs them in their own
project: the level the configuration gives a rule, and rule pages whose source links resolve."""

from __future__ import annotations

import json
import re
from pathlib import Path

UTILIZE = """\
extends: substitution
message: "Use '%s' instead of '%s'."
level: suggestion
swap:
  utilize: use
examples:
  bad: ["We utilize drones.\\n"]
  good: ["We use drones.\\n"]
  fixed: ["We use drones.\\n"]
"""


def project(tmp_path: Path, config: str = "") -> Path:
    house = tmp_path / "styles" / "House"
    house.mkdir(parents=True)
    (house / "Utilize.yml").write_text(UTILIZE, encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text("styles: [styles]\n" + config, encoding="utf-8")
    return tmp_path


SEVERITY = "severity:\n  House: error\n  News.DoubledWord: warning\n"


def test_rules_lists_the_level_in_effect_and_the_files(run_cli, tmp_path):
    project(tmp_path, SEVERITY)
    out = run_cli("rules", cwd=tmp_path).stdout.decode().splitlines()
    row = next(line for line in out if line.startswith("House.Utilize "))
    assert re.search(r"  substitution +error \(configured; file: suggestion\)  +unsafe ", row)
    doubled = next(line for line in out if line.startswith("News.DoubledWord "))
    assert "  warning (configured; file: suggestion)  " in doubled
    untouched = next(line for line in out if line.startswith("News.DuplicateTitle "))
    assert re.search(r"  duplicate-title +error +safe ", untouched)
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)}
    assert (rows["House.Utilize"]["level"], rows["House.Utilize"]["file_level"]) == ("error", "suggestion")
    assert (rows["News.DuplicateTitle"]["level"], rows["News.DuplicateTitle"]["file_level"]) == ("error", "error")


def test_rules_show_gives_the_level_in_effect(run_cli, tmp_path):
    project(tmp_path, SEVERITY)
    page = run_cli("rules", "show", "House.Utilize", cwd=tmp_path).stdout.decode()
    assert "| Level | error (configured; file: suggestion) |" in page
    page = run_cli("rules", "show", "News.Confusables", cwd=tmp_path).stdout.decode()
    assert "| Level | error |" in page
    # A later file wins: the configuration an extend: chain ends with.
    (tmp_path / "base.yaml").write_text("severity: {House.Utilize: warning}\n", encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text("extend: base.yaml\nstyles: [styles]\nseverity: {House: error}\n")
    page = run_cli("rules", "show", "House.Utilize", cwd=tmp_path).stdout.decode()
    assert "| Level | error (configured; file: suggestion) |" in page
    assert "per-path" not in page
    # A per-path section's level holds for its articles only: said apart.
    (tmp_path / "lintnews.yaml").write_text("styles: [styles]\nseverity: {House: error}\n"
                                            "per-path:\n  \"wire/**\":\n    severity: {House.Utilize: warning}\n")
    page = run_cli("rules", "show", "House.Utilize", cwd=tmp_path).stdout.decode()
    assert "| Level | error (configured; file: suggestion) |" in page
    assert page.endswith("\nLevel for the articles of a per-path section: wire/**: warning\n")


def test_the_level_shown_is_the_level_check_reports(run_cli, tmp_path):
    project(tmp_path, SEVERITY)
    (tmp_path / "a.txt").write_text("Drones\n\nThe agency will utilize drones.\n", encoding="utf-8")
    findings = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    assert [(f["rule"], f["severity"]) for f in findings] == [("House.Utilize", "error")]


def source_link(page: Path) -> str:
    (row,) = [line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("| Source |")]
    return row


def test_docs_written_outside_the_project_link_no_rule_file_that_would_not_resolve(run_cli, tmp_path):
    newsroom = project(tmp_path / "newsroom")
    out = tmp_path / "published" / "rules"
    proc = run_cli("rules", "docs", out, cwd=newsroom)
    assert proc.returncode == 0, proc.stderr.decode()
    assert source_link(out / "News" / "DoubledWord.md") == "| Source | rules/News/DoubledWord.yml (built into lintnews) |"
    assert source_link(out / "House" / "Utilize.md") == f"| Source | {newsroom / 'styles' / 'House' / 'Utilize.yml'} |"
    for page in out.glob("*/*.md"):
        assert "](" not in source_link(page), page


def test_docs_inside_the_project_link_its_rule_files_relative_to_the_page(run_cli, tmp_path):
    newsroom = project(tmp_path)
    proc = run_cli("rules", "docs", "site/rules", cwd=newsroom)
    assert proc.returncode == 0, proc.stderr.decode()
    page = newsroom / "site" / "rules" / "House" / "Utilize.md"
    link = "../../../styles/House/Utilize.yml"
    assert source_link(page) == f"| Source | [{link}]({link}) |"
    assert (page.parent / link).resolve() == (newsroom / "styles" / "House" / "Utilize.yml").resolve()
    # The built-in rules' files are not in this project: shown, not linked.
    assert source_link(newsroom / "site" / "rules" / "News" / "DoubledWord.md").endswith("(built into lintnews) |")


def test_docs_link_built_in_rules_beside_a_configured_docs_url(run_cli, tmp_path):
    newsroom = project(tmp_path, "docs-url: https://github.com/example/lintnews/blob/v0.3.0/docs/rules\n")
    run_cli("rules", "docs", "site/rules", cwd=newsroom)
    assert source_link(newsroom / "site" / "rules" / "News" / "DoubledWord.md") == (
        "| Source | [rules/News/DoubledWord.yml]"
        "(https://github.com/example/lintnews/blob/v0.3.0/rules/News/DoubledWord.yml) |")


def test_a_rule_off_unless_selected_is_listed_off_until_the_configuration_selects_it(run_cli, tmp_path):
    project(tmp_path)
    out = run_cli("rules", cwd=tmp_path).stdout.decode().splitlines()
    row = next(line for line in out if line.startswith("News.VagueSource "))
    assert re.search(r"  existence +off +- ", row)
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)}
    assert (rows["News.VagueSource"]["runs"], rows["News.VagueSource"]["level"]) == (False, "suggestion")
    assert rows["News.DoubledWord"]["runs"] is True
    page = run_cli("rules", "show", "News.VagueSource", cwd=tmp_path).stdout.decode()
    assert "| Level | off (suggestion when selected) |" in page
    (tmp_path / "lintnews.yaml").write_text("styles: [styles]\nextend-select: [News.VagueSource]\n", encoding="utf-8")
    out = run_cli("rules", cwd=tmp_path).stdout.decode().splitlines()
    row = next(line for line in out if line.startswith("News.VagueSource "))
    assert re.search(r"  existence +suggestion +- ", row)
    article = tmp_path / "a.txt"
    article.write_text("Prices\n\nCritics say the plan will raise prices for families across the country.\n")
    found = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    assert [f["rule"] for f in found] == ["News.VagueSource"]


def test_the_library_runs_what_the_command_line_runs_by_default():
    from lintnews import check_text

    text = "Prices\n\nCritics say the plan will raise prices for families across the country.\n"
    assert check_text(text) == []
    assert [f.rule_id for f in check_text(text, select=["News.VagueSource"])] == ["News.VagueSource"]


def test_a_style_prefix_does_not_turn_on_a_rule_off_unless_selected(run_cli, tmp_path):
    (tmp_path / "lintnews.yaml").write_text("select: [News]\n", encoding="utf-8")
    article = tmp_path / "v.txt"
    article.write_text("Tax plan\n\nCritics say the plan will hurt families across the whole country.\n")
    assert json.loads(run_cli("check", "--format", "json", "v.txt", cwd=tmp_path).stdout) == []
    found = json.loads(run_cli("check", "--format", "json", "--extend-select", "News.VagueSource", "v.txt",
                               cwd=tmp_path).stdout)
    assert [f["rule"] for f in found] == ["News.VagueSource"]
    page = run_cli("rules", "show", "News.VagueSource", cwd=tmp_path).stdout.decode()
    assert "Not run here: it is off unless selected by its id; add it with `--extend-select News.VagueSource`" in page
    from lintnews import load_rules

    assert "News.VagueSource" not in {r.id for r in load_rules(select=["News"])}
    assert [r.id for r in load_rules(select=["News.VagueSource"])] == ["News.VagueSource"]


def test_rules_and_rules_show_follow_the_language_and_the_per_path_sections(run_cli, tmp_path):
    (tmp_path / "lintnews.yaml").write_text(
        'language: en-US\nextend-select: [News.VagueSource]\n'
        'per-path:\n  "wire/uk/**": {language: en-GB, ignore: [News.UnattributedClaim]}\n', encoding="utf-8")
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)}
    assert not rows["News.AmericanSpellings"]["runs"] and rows["News.BritishSpellings"]["runs"]
    page = run_cli("rules", "show", "News.AmericanSpellings", cwd=tmp_path).stdout.decode()
    assert "For the articles of a per-path section: wire/uk/**: language en-GB, where it runs" in page
    assert "Not run here: it runs only on articles in en-GB; the language of" in page
    page = run_cli("rules", "show", "News.UnattributedClaim", cwd=tmp_path).stdout.decode()
    assert "For the articles of a per-path section: wire/uk/**: ignores it" in page
    page = run_cli("rules", "show", "News.VagueSource", cwd=tmp_path).stdout.decode()
    assert "| Enabled | no: runs only when selected by its id (`extend-select`); the configuration here selects it |" \
        in page
    assert "Not run here" not in page


def test_rules_marks_the_rules_a_section_changes_for_some_articles(run_cli, tmp_path):
    # The LEVEL column is the configuration's for every article; a rule that a per-path section or a
    # .vale.ini section changes for the articles it matches is marked, with a pointer to `config FILE`.
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "lintnews.yaml").write_text(
        'per-path:\n  "wire/uk/**": {language: en-GB, ignore: [News.UnattributedClaim]}\n', encoding="utf-8")
    lines = run_cli("rules", cwd=desk).stdout.decode().splitlines()
    level = {line.split()[0]: line.split()[2:4] for line in lines if line.startswith("News.")}
    assert level["News.UnattributedClaim"] == ["suggestion", "*"]
    assert level["News.BritishSpellings"] == ["suggestion", "*"]  # a per-path language where it does not run
    assert level["News.DoubledWord"][1] != "*"
    assert any(line.startswith("* a section of the configuration changes the rule") for line in lines)
    vale = tmp_path / "vale"
    (vale / "styles" / "House").mkdir(parents=True)
    (vale / ".vale.ini").write_text("StylesPath = styles\n[*]\nBasedOnStyles = House\n[*.txt]\nHouse.Very = NO\n",
                                    encoding="utf-8")
    for name, word in (("Very", "very"), ("Really", "really")):
        (vale / "styles" / "House" / f"{name}.yml").write_text(
            f"extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [{word}]\n", encoding="utf-8")
    lines = run_cli("rules", cwd=vale).stdout.decode().splitlines()
    level = {line.split()[0]: line.split()[2:4] for line in lines if line.startswith("House.")}
    assert level == {"House.Really": ["warning", "-"], "House.Very": ["warning", "*"]}
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=vale).stdout)}
    assert (rows["House.Very"]["varies_by_file"], rows["House.Really"]["varies_by_file"]) == (True, False)
