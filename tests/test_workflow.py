"""Configuration, file selection, baselines and output options, through the CLI."""

from __future__ import annotations

import json

import pytest

BAD = "A headline about troops\n\nThe the troops left.\n"
DOUBLE_SPACE = "A headline about troops\n\nThe troops left  today.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_of(proc):
    return [(f["path"].rsplit("/", 1)[-1], f["rule"], f["severity"]) for f in json.loads(proc.stdout)]


def test_config_found_by_walking_up_and_select_ignore(run_cli, tmp_path):
    write(tmp_path / "lintnews.yaml", "ignore: [News.DoubledWord]\n")
    write(tmp_path / "desk" / "a.txt", BAD + "It was 450.000 people.\n")
    proc = run_cli("check", "--format", "json", tmp_path / "desk" / "a.txt")
    assert rules_of(proc) == [("a.txt", "News.ThousandsSeparator", "error")]
    proc = run_cli("check", "--format", "json", "--isolated", tmp_path / "desk" / "a.txt")
    assert {r for _, r, _ in rules_of(proc)} == {"News.DoubledWord", "News.ThousandsSeparator"}


def test_pyproject_table_and_explicit_config(run_cli, tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.lintnews]\nselect = ['News.DoubledWord']\n")
    article = write(tmp_path / "a.txt", BAD + "It was 450.000 people.\n")
    assert [r for _, r, _ in rules_of(run_cli("check", "--format", "json", article))] == ["News.DoubledWord"]
    other = write(tmp_path / "other.yaml", "select: [News.ThousandsSeparator]\n")
    proc = run_cli("check", "--format", "json", "--config", other, article)
    assert [r for _, r, _ in rules_of(proc)] == ["News.ThousandsSeparator"]


@pytest.mark.parametrize("body, problem", [
    ("selct: [News]\n", "unknown key 'selct' (did you mean 'select'?)"),
    ("select: 3\n", "key 'select' must be a list of strings, not int"),
    ("fail-on: fatal\n", "key 'fail-on' must be one of error, warning, suggestion"),
    ("language: fr-FR\n", "key 'language' must be one of en-US, en-GB"),
    ("per-path:\n  'wire/**':\n    ignroe: [News]\n", "unknown key 'ignroe' in 'per-path.wire/**'"),
    ("select: [News.Nope]\n", "unknown rule id or prefix 'News.Nope'"),
    ("per-path:\n  'wire/**':\n    severity: {News.Nope: error}\n", "unknown rule id or prefix 'News.Nope'"),
    ("per-path:\n  'wire/**':\n    extend-select: [News.Nope]\n", "unknown rule id or prefix 'News.Nope'"),
    ("severity: {News.DoubledWord: fatal}\n", "key 'severity.News.DoubledWord' must be one of error, warning"),
    ("styles: [missing]\n", "key 'styles': folder not found"),
    ("select: [unclosed\n", "invalid YAML"),
])
def test_bad_config_is_one_line_naming_the_file(run_cli, tmp_path, body, problem):
    config = write(tmp_path / "lintnews.yaml", body)
    article = write(tmp_path / "a.txt", BAD)
    proc = run_cli("check", article)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {config}: ") and problem in lines[0]


def test_per_path_overrides_and_severity(run_cli, tmp_path):
    write(tmp_path / "lintnews.yaml",
          "per-path:\n  'wire/**':\n    ignore: [News.DoubledWord]\n"
          "  'local/**':\n    severity: {News.MultipleSpaces: suggestion}\n")
    write(tmp_path / "wire" / "a.txt", BAD)
    write(tmp_path / "local" / "b.txt", DOUBLE_SPACE)
    write(tmp_path / "c.txt", BAD)
    proc = run_cli("check", "--format", "json", tmp_path)
    assert rules_of(proc) == [("c.txt", "News.DoubledWord", "suggestion"),
                              ("b.txt", "News.MultipleSpaces", "suggestion")]


def test_unknown_rule_id_is_reported_once_and_blamed_on_where_it_is_written(run_cli, tmp_path):
    config = write(tmp_path / "lintnews.yaml", "per-path:\n  'wire/**':\n    severity: {News.Nope: error}\n")
    for name in ("a", "b", "c", "d", "e"):
        write(tmp_path / "local" / f"{name}.txt", BAD)  # no article matches wire/**: still an error
    proc = run_cli("check", tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"error: {config}: unknown rule id or prefix 'News.Nope' in 'per-path.wire/**.severity' (see `lintnews rules`)"]
    config.write_text("ignore: [News.MultipleSpaces]\n")
    proc = run_cli("check", "--ignore", "News.Nope", tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "error: unknown rule id or prefix 'News.Nope' in --ignore on the command line (see `lintnews rules`)"]


def test_project_severity_sets_the_level_of_a_rules_findings(run_cli, tmp_path):
    write(tmp_path / "lintnews.yaml", "severity: {News.DoubledWord: suggestion}\n"
                                      "per-path:\n  'wire/**':\n    severity: {News.DoubledWord: warning}\n")
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "wire" / "b.txt", BAD)
    proc = run_cli("check", "--format", "json", tmp_path)
    assert rules_of(proc) == [("a.txt", "News.DoubledWord", "suggestion"), ("b.txt", "News.DoubledWord", "warning")]


def test_fail_on_decides_the_exit_status(run_cli, tmp_path):
    article = write(tmp_path / "a.txt", "A headline about troops\n\nThe troops left.  \n")  # trailing space: suggestion
    assert run_cli("check", article).returncode == 1
    assert run_cli("check", "--fail-on", "warning", article).returncode == 0
    write(tmp_path / "lintnews.yaml", "fail-on: error\n")
    assert run_cli("check", article).returncode == 0
    assert run_cli("check", "--fail-on", "suggestion", article).returncode == 1


def test_exclude_and_gitignore_are_respected_when_walking(run_cli, tmp_path):
    write(tmp_path / "lintnews.yaml", "exclude: ['drafts/**']\n")
    write(tmp_path / ".gitignore", "build/\n*.tmp.txt\n")
    for name in ("a.txt", "drafts/b.txt", "build/c.txt", "d.tmp.txt", "e/f.md"):
        write(tmp_path / name, BAD)
    proc = run_cli("check", "--format", "json", tmp_path)
    assert sorted(p for p, _, _ in rules_of(proc)) == ["a.txt", "f.md"]


def test_vocab_accept_and_reject(run_cli, tmp_path):
    write(tmp_path / "vocab" / "House" / "accept.txt", "# names we keep\nIsis\n")
    write(tmp_path / "vocab" / "House" / "reject.txt", "utilize\n")
    write(tmp_path / "lintnews.yaml", "vocab: [vocab/House]\n")
    article = write(tmp_path / "a.txt", "A headline about ISIS\n\nThe US said ISIS was weak. Russia fought ISIS too.\n\n"
                                        "The fight against Isis goes on, and we utilize drones.\n")
    assert rules_of(run_cli("check", "--format", "json", article)) == [("a.txt", "Vocab.Rejected", "error")]


def test_baseline_reports_only_new_findings_and_survives_edits_above(run_cli, tmp_path):
    article = write(tmp_path / "a.txt", BAD)
    baseline = tmp_path / "baseline.json"
    proc = run_cli("check", "--write-baseline", baseline, article)
    assert proc.returncode == 0 and b"Wrote 1 finding to baseline" in proc.stderr
    assert run_cli("check", "--baseline", baseline, article).returncode == 0
    # Lines added above move the old finding; it is still known.
    article.write_text("A headline about troops\n\nA new first paragraph.\n\nAnother one.\n\nThe the troops left.\n")
    assert run_cli("check", "--baseline", baseline, article).returncode == 0
    # A second copy of the same defect is new.
    article.write_text(article.read_text() + "\nThe the troops came back.\n")
    proc = run_cli("check", "--format", "json", "--baseline", baseline, article)
    assert proc.returncode == 1
    assert [(f["line"], f["text"]) for f in json.loads(proc.stdout)] == [(9, "The the")]


def test_output_statistics_quiet(run_cli, tmp_path, seed_copy):
    out = tmp_path / "report.json"
    proc = run_cli("check", "--format", "json", "--output", out, seed_copy)
    assert proc.returncode == 1 and len(json.loads(out.read_text())) == 15
    stats = run_cli("check", "--statistics", seed_copy).stdout.decode().splitlines()
    assert stats[0].split() == ["4", "News.NoBreakSpace", "[*]", "suggestion"]
    assert stats[1].split() == ["2", "News.UnattributedClaim", "suggestion"]  # no fix: no [*]
    assert ["1", "News.DuplicateTitle", "[*]", "error"] in [line.split() for line in stats]
    assert stats[-1].startswith("Found 15 findings (5 errors, 10 suggestions)")  # after the table, as in text
    quiet = run_cli("check", "--quiet", "--format", "concise", seed_copy).stdout.decode().splitlines()
    assert len(quiet) == 15 and not quiet[-1].startswith("Found")


def test_jobs_give_the_same_results_in_the_same_order(run_cli, tmp_path):
    for i in range(12):
        write(tmp_path / f"a{i:02}.txt", BAD if i % 2 else DOUBLE_SPACE)
    one = run_cli("check", "--format", "json", "--jobs", "1", tmp_path)
    two = run_cli("check", "--format", "json", "--jobs", "2", tmp_path)
    assert one.stdout == two.stdout and len(json.loads(one.stdout)) == 12


def test_config_command_shows_settings_and_source(run_cli, tmp_path):
    config = write(tmp_path / "lintnews.yaml", "language: en-GB\nper-path:\n  'wire/**':\n    ignore: [News]\n")
    write(tmp_path / "wire" / "a.txt", BAD)
    out = run_cli("config", tmp_path / "wire" / "a.txt").stdout.decode()
    assert f"# from {config}" in out and "language: en-GB" in out
    assert "# per-path overrides that apply: wire/**" in out


def test_init_writes_starters_and_never_overwrites(run_cli, tmp_path):
    proc = run_cli("init", tmp_path)
    assert proc.returncode == 0
    assert (tmp_path / "lintnews.yaml").is_file() and (tmp_path / ".pre-commit-config.yaml").is_file()
    from lintnews.version import __version__

    # The commented docs-url example points at the pages of the version that wrote the file.
    assert f"/blob/v{__version__}/docs/rules\n" in (tmp_path / "lintnews.yaml").read_text()
    article = write(tmp_path / "a.txt", BAD + "It was 450.000 people.\n")
    assert run_cli("check", article).returncode == 1  # the starter config loads (fail-on: warning)
    (tmp_path / "lintnews.yaml").write_text("ignore: [News.DoubledWord]\n")
    run_cli("init", tmp_path)
    assert (tmp_path / "lintnews.yaml").read_text() == "ignore: [News.DoubledWord]\n"


def test_readme_configuration_example_loads(run_cli, tmp_path):
    from testkit import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Configuration"):readme.index("### Markdown articles")]
    example = section[section.index("```yaml\n") + 8:section.index("```\n", section.index("```yaml\n") + 8)]
    write(tmp_path / "lintnews.yaml", example)
    write(tmp_path / "content" / "wire" / "a.txt", "A headline about troops\n\nThe the troops left  today, 450.000 of them.\n")
    proc = run_cli("check", "--format", "json", tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    assert rules_of(proc) == [("a.txt", "News.DoubledWord", "suggestion"), ("a.txt", "News.MultipleSpaces", "suggestion"),
                              ("a.txt", "News.ThousandsSeparator", "error")]
    out = run_cli("config", tmp_path / "content" / "wire" / "a.txt").stdout.decode()
    assert "language: en-GB" in out and "fail-on: warning" in out


def test_suppressions_and_unused_ones_through_the_cli(run_cli, tmp_path):
    article = write(tmp_path / "a.md", "# Troops leave\n\n<!-- lintnews-disable-next-line News.DoubledWord -->\n"
                                      "The the troops left.\n\n<!-- lintnews-disable News.Spelling -->\n"
                                      "They came back.\n")
    proc = run_cli("check", "--format", "json", article)
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    proc = run_cli("check", "--format", "json", "--report-unused-suppressions", article)
    found = [(f["rule"], f["line"], f["text"]) for f in json.loads(proc.stdout)]
    assert found == [("Lintnews.UnusedSuppression", 6, "<!-- lintnews-disable News.Spelling -->")]
    assert proc.returncode == 1


def test_suppression_comments_work_in_plain_text_and_are_never_edited(run_cli, tmp_path):
    article = write(tmp_path / "a.txt", "A headline about troops\n\n<!-- lintnews-disable-next-line News.DoubledWord -->\n"
                                       "The the troops left.\n\nThe the rest stayed.\n")
    proc = run_cli("check", "--format", "json", article)
    assert [(f["rule"], f["line"]) for f in json.loads(proc.stdout)] == [("News.DoubledWord", 6)]
    run_cli("fix", article)
    assert article.read_text() == ("A headline about troops\n\n<!-- lintnews-disable-next-line News.DoubledWord -->\n"
                                   "The the troops left.\n\nThe rest stayed.\n")


def test_config_styles_extend_select_and_language(run_cli, tmp_path):
    write(tmp_path / "styles" / "House" / "Utilize.yml",
          "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nenabled: false\nswap:\n  utilize: use\n")
    article = write(tmp_path / "a.txt", "A headline about drones\n\nWe utilize drones in the theatre.\n")
    write(tmp_path / "lintnews.yaml", "styles: [styles]\n")
    # A rule with enabled: false runs only when selected.
    assert [r for _, r, _ in rules_of(run_cli("check", "--format", "json", article))] == ["News.BritishSpellings"]
    # Its id turns it on, and so does its style's name, since no rule of House is on by default.
    write(tmp_path / "lintnews.yaml", "styles: [styles]\nextend-select: [House.Utilize]\n")
    assert [r for _, r, _ in rules_of(run_cli("check", "--format", "json", article))] == [
        "House.Utilize", "News.BritishSpellings"]
    write(tmp_path / "lintnews.yaml", "styles: [styles]\nextend-select: [House]\nlanguage: en-GB\n")
    # en-GB: 'theatre' is right, and the rule for American spellings runs instead.
    assert [r for _, r, _ in rules_of(run_cli("check", "--format", "json", article))] == ["House.Utilize"]
    article.write_text("A headline about drones\n\nWe utilize drones in the theater.\n")
    assert [r for _, r, _ in rules_of(run_cli("check", "--format", "json", article))] == [
        "House.Utilize", "News.AmericanSpellings"]


def test_config_shows_what_a_check_of_the_file_runs_after_per_path_overrides(run_cli, tmp_path):
    import yaml

    write(tmp_path / "lintnews.yaml", "language: en-GB\nseverity: {News.DoubledWord: warning}\nper-path:\n"
                                      "  \"content/wire/**\":\n    language: en-US\n"
                                      "    severity: {News.DoubledWord: suggestion}\n    ignore: [News.Spelling]\n")
    wire = write(tmp_path / "content" / "wire" / "ap.md", "Troops leave\n\nThe troops left.\n")
    own = write(tmp_path / "content" / "local.md", "Troops leave\n\nThe troops left.\n")
    wire_effect = yaml.safe_load(run_cli("config", wire).stdout)["in-effect"]
    own_effect = yaml.safe_load(run_cli("config", own).stdout)["in-effect"]
    assert (wire_effect["language"], wire_effect["rules"]["News.DoubledWord"]) == ("en-US", "suggestion")
    # en-US copy is checked for British spellings, en-GB copy for American ones.
    assert "News.Spelling" not in wire_effect["rules"] and "News.BritishSpellings" in wire_effect["rules"]
    assert (own_effect["language"], own_effect["rules"]["News.DoubledWord"]) == ("en-GB", "warning")
    assert "News.Spelling" in own_effect["rules"] and "News.AmericanSpellings" in own_effect["rules"]
    # The same levels as a check of the file reports.
    found = json.loads(run_cli("check", "--format", "json", write(tmp_path / "content" / "wire" / "b.md",
                                                                  "Troops leave\n\nThe the troops left.\n")).stdout)
    assert [(f["rule"], f["severity"]) for f in found] == [("News.DoubledWord", "suggestion")]
