"""A newsroom that keeps its house style as a Vale style and a .vale.ini: lintnews reads that file.

Driven through the installed `lintnews` command, from the project's folder, with nothing but the
.vale.ini, the style and its vocabulary beside the articles.
"""

from __future__ import annotations

import json

import pytest

VALE_INI = """\
# The desk's Vale configuration
StylesPath = styles
MinAlertLevel = suggestion
Vocab = Desk

[*]
BasedOnStyles = House
House.Jargon = NO

[*.md]
House.Hedging = error

[opinion/*.md]
House.Cliches = NO
House.Jargon = YES
"""

RULES = {
    "Hedging.yml": "extends: existence\nmessage: \"Avoid hedging: '%s'.\"\nlevel: suggestion\nignorecase: true\n"
                   "tokens:\n  - reportedly\n  - allegedly\n",
    "Cliches.yml": "extends: existence\nmessage: \"'%s' is a cliché.\"\nlevel: warning\nignorecase: true\n"
                   "tokens:\n  - at the end of the day\n  - tip of the iceberg\n",
    "Utilize.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: suggestion\n"
                   "swap:\n  utilize: use\n",
    "Jargon.yml": "extends: existence\nmessage: \"'%s' is newsroom jargon.\"\nlevel: warning\n"
                  "tokens:\n  - lede\n",
}

COUNCIL = """\
# Council approves budget

The council reportedly approved the budget on Tuesday. At the end of the day, the mayor said,
the vote was the tip of the iceberg. Officials in Kiev said they would utilize the funds.
The lede of the story is the vote.
"""

WIRE = "Council approves budget\n\nThe council allegedly met in Kiev on Tuesday.\n"


@pytest.fixture
def desk(tmp_path):
    """A project: .vale.ini, styles/House, the Desk vocabulary, three articles."""
    (tmp_path / ".vale.ini").write_text(VALE_INI)
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    for name, text in RULES.items():
        (style / name).write_text(text)
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Desk"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("Kyiv\n")
    (vocab / "reject.txt").write_text("Kiev\n")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "council.md").write_text(COUNCIL)
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / "column.md").write_text(COUNCIL)
    (tmp_path / "wire.txt").write_text(WIRE)
    return tmp_path


def findings(run_cli, cwd, *args) -> tuple[int, list[tuple[str, int, int, str, str]]]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, sorted((f["path"], f["line"], f["column"], f["rule"], f["severity"])
                                   for f in json.loads(proc.stdout))


def test_vale_ini_alone_chooses_rules_and_levels_per_glob(run_cli, desk):
    code, found = findings(run_cli, desk, ".")
    assert code == 1
    assert found == [
        ("news/council.md", 3, 13, "House.Hedging", "error"),  # [*.md] House.Hedging = error
        ("news/council.md", 3, 56, "House.Cliches", "warning"),
        ("news/council.md", 4, 18, "House.Cliches", "warning"),
        ("news/council.md", 4, 72, "House.Utilize", "suggestion"),
        ("opinion/column.md", 3, 13, "House.Hedging", "error"),
        # [opinion/*.md]: House.Cliches = NO turns the rule off; House.Jargon = YES wins over [*]'s NO
        ("opinion/column.md", 4, 72, "House.Utilize", "suggestion"),
        ("opinion/column.md", 5, 5, "House.Jargon", "warning"),
        # the level is the rule's wherever it runs, as Vale keeps one per rule
        ("wire.txt", 3, 13, "House.Hedging", "error"),
    ]
    # lintnews's own news rules are not chosen by a Vale configuration; "Kiev" (reject.txt) is
    # Vale.Avoid's, which runs only with the Vale style.
    assert not any(rule.startswith(("News.", "Vocab.", "Vale.")) for *_, rule, _ in found)


def test_vale_style_runs_the_vocabulary(run_cli, desk):
    (desk / ".vale.ini").write_text(VALE_INI.replace("BasedOnStyles = House", "BasedOnStyles = House, Vale"))
    proc = run_cli("check", "--format", "json", "wire.txt", cwd=desk)
    found = {(f["rule"], f["line"], f["column"], f["message"]) for f in json.loads(proc.stdout)}
    assert ("Vale.Avoid", 3, 30, "Avoid using 'Kiev'.") in found
    assert not any(rule == "Vale.Spelling" and "Kyiv" in message for rule, *_, message in found)


def test_min_alert_level_leaves_out_rules_below_it(run_cli, desk):
    (desk / ".vale.ini").write_text(VALE_INI.replace("MinAlertLevel = suggestion", "MinAlertLevel = warning"))
    _, found = findings(run_cli, desk, "news/council.md")
    assert {rule for *_, rule, _ in found} == {"House.Hedging", "House.Cliches"}  # no House.Utilize
    (desk / ".vale.ini").write_text(VALE_INI.replace("MinAlertLevel = suggestion", "MinAlertLevel = error"))
    _, found = findings(run_cli, desk, "news/council.md")
    assert {rule for *_, rule, _ in found} == {"House.Hedging"}


def test_vale_default_min_alert_level_is_suggestion(run_cli, desk):
    # Vale shows every level unless MinAlertLevel says otherwise (since Nov 2024, "show all alerts by default").
    (desk / ".vale.ini").write_text(VALE_INI.replace("MinAlertLevel = suggestion\n", ""))
    _, found = findings(run_cli, desk, "news/council.md")
    assert "House.Utilize" in {rule for *_, rule, _ in found}


def test_fix_applies_the_style_suggestions(run_cli, desk):
    proc = run_cli("fix", "--unsafe-fixes", "news/council.md", cwd=desk)
    assert proc.returncode == 1, proc.stderr  # the hedging and the clichés are still there
    text = (desk / "news" / "council.md").read_text()
    assert "they would use the funds." in text
    assert text.replace("they would use the funds.", "they would utilize the funds.") == COUNCIL


def test_named_vale_config_and_lintnews_yaml_on_top(run_cli, desk, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (desk / ".vale.ini").rename(desk / "house.ini")
    _, found = findings(run_cli, desk, "--vale-config", "house.ini", "wire.txt")
    assert [rule for *_, rule, _ in found] == ["House.Hedging"]
    # Without it (and no .vale.ini found from the current folder) lintnews's own rules run.
    _, found = findings(run_cli, elsewhere, desk / "wire.txt")
    assert "House.Hedging" not in {rule for *_, rule, _ in found}
    # A lintnews.yaml naming the file: its keys go on top (here: one rule off, News rules added).
    (desk / "lintnews.yaml").write_text("vale-config: house.ini\nignore: [House.Cliches]\n"
                                        "extend-select: [News.Spelling]\n")
    (desk / "wire.txt").write_text(WIRE + "\nThe councl met again.\n")
    _, found = findings(run_cli, elsewhere, desk / "wire.txt")
    assert {rule for *_, rule, _ in found} == {"House.Hedging", "News.Spelling"}


@pytest.mark.parametrize("ini, problem", [
    ("StylesPath = styles\n[*]\nHouse.Cliches = maybe\n",
     "line 3: [*] House.Cliches = 'maybe': a rule is set to YES, NO, suggestion, warning or error"),
    ("StylesPath = styels\n[*]\nBasedOnStyles = House\n", "line 1: StylesPath: folder not found"),
    ("StylesPath = styles\n[*.md\nBasedOnStyles = House\n", "line 2: a section is written [glob]"),
    ("StylesPath = styles\n[*]\nBasedOnStyles = Google\n", "line 3: BasedOnStyles: style 'Google' not found"),
    ("StylesPath = styles\nPackages = Google, https://example.org/AP.zip\n[*]\nBasedOnStyles = House\n",
     "line 2: package 'Google' is not in"),
    ("StylesPath = styles\n[*]\nMinAlertLevel = error\n", "'MinAlertLevel' is a core option"),
    ("StylesPath = styles\nMinAlertLevel = severe\n", "MinAlertLevel must be suggestion, warning or error"),
    ("StylesPath = styles\nVocab = Sports\n", "Vocab 'Sports': folder not found"),
    ("StylesPath = styles\nthis line is not a key\n", "line 2: expected 'key = value' or [glob]"),
])
def test_bad_vale_ini_is_one_line_and_exit_2(run_cli, desk, ini, problem):
    (desk / ".vale.ini").write_text(ini)
    proc = run_cli("check", "news/council.md", cwd=desk)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{desk / '.vale.ini'}: " in err and problem in err
    assert "vale sync" in err if "Packages" in ini else True


def test_formats_association_reads_mdx_as_markdown(run_cli, desk):
    (desk / ".vale.ini").write_text(VALE_INI.replace("Vocab = Desk\n", "Vocab = Desk\n\n[formats]\nmdx = md\npy = md\n"))
    (desk / "news" / "explainer.mdx").write_text("import Chart from './chart'\n\n# Budget explained\n\n"
                                                "The council allegedly met.\n\n```js\nreportedly()\n```\n")
    (desk / "news" / "tool.py").write_text("# The council reportedly met.\n")
    _, found = findings(run_cli, desk, "news")
    mdx = [(line, col, rule, level) for path, line, col, rule, level in found if path.endswith(".mdx")]
    # Read as Markdown: matched by [*.md] (House.Hedging = error), the code block left alone.
    assert mdx == [(5, 13, "House.Hedging", "error")]
    assert not any(path.endswith(".py") for path, *_ in found)  # Markdown in comments: not read


def test_a_style_name_set_to_no_does_nothing_and_says_so(run_cli, desk):
    (desk / ".vale.ini").write_text(VALE_INI.replace("House.Jargon = NO", "House = NO"))
    proc = run_cli("check", "--format", "json", "news/council.md", cwd=desk)
    assert "House.Hedging" in {f["rule"] for f in json.loads(proc.stdout)}  # as in Vale: still on
    assert "line 8: [*] House = NO does nothing (as in Vale)" in proc.stderr.decode()


def test_lintnews_yaml_naming_a_missing_vale_config_is_one_line(run_cli, desk):
    (desk / "lintnews.yaml").write_text("vale-config: house.ini\n")
    proc = run_cli("check", "news/council.md", cwd=desk)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (f"error: {desk / 'lintnews.yaml'}: key 'vale-config': "
                                    f"Vale configuration not found: {desk / 'house.ini'}\n")


def test_rules_lists_vale_builtin_rules_under_a_vale_ini(run_cli, desk, tmp_path_factory):
    proc = run_cli("rules", "--format", "json", cwd=desk)
    assert proc.returncode == 0, proc.stderr
    ids = [r["id"] for r in json.loads(proc.stdout)]
    assert {"House.Hedging", "Vale.Spelling", "Vale.Repetition", "Vale.Terms", "Vale.Avoid"} <= set(ids)
    page = run_cli("rules", "show", "Vale.Terms", cwd=desk)
    assert page.returncode == 0 and page.stdout.decode().startswith("# Vale.Terms\n"), page.stderr
    # Without a Vale configuration they are not listed (they run only when a .vale.ini chooses them).
    plain = tmp_path_factory.mktemp("plain")
    ids = [r["id"] for r in json.loads(run_cli("rules", "--format", "json", cwd=plain).stdout)]
    assert not [i for i in ids if i.startswith("Vale.")] and "News.DoubledWord" in ids


def test_rules_shows_the_levels_and_the_rules_a_vale_ini_runs(run_cli, desk):
    rows = {r["id"]: r for r in json.loads(run_cli("rules", "--format", "json", cwd=desk).stdout)}
    # [*.md] House.Hedging = error: Vale keeps one level per rule, whichever section sets it.
    assert (rows["House.Hedging"]["level"], rows["House.Hedging"]["file_level"]) == ("error", "suggestion")
    assert (rows["House.Cliches"]["level"], rows["House.Cliches"]["runs"]) == ("warning", True)
    assert rows["House.Jargon"]["runs"] is True  # NO under [*], YES under [opinion/*.md]
    # Nothing bases on lintnews's own styles or on Vale's: a check here runs none of them.
    assert not rows["News.DoubledWord"]["runs"] and not rows["Vale.Spelling"]["runs"]
    out = run_cli("rules", cwd=desk).stdout.decode().splitlines()
    assert "error (configured; file: suggestion)" in next(line for line in out if line.startswith("House.Hedging "))
    assert "  off  " in next(line for line in out if line.startswith("News.DoubledWord "))
    page = run_cli("rules", "show", "House.Hedging", cwd=desk).stdout.decode()
    assert "| Level | error (configured; file: suggestion) |" in page
    _, found = findings(run_cli, desk, "wire.txt")
    assert found == [("wire.txt", 3, 13, "House.Hedging", "error")]


def test_sentences_are_read_as_text_only_when_a_rule_vale_loads_reads_sentences(run_cli, tmp_path):
    # Vale loads the styles a section bases on and the rules it names, nothing else of StylesPath
    # (check/manager.go); only a loaded rule with a sentence scope makes Vale read each sentence as text,
    # where a "^And" pattern finds a sentence that starts a line's middle.
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "StartAnd.yml").write_text("extends: existence\nmessage: \"Don't start a sentence with '%s'.\"\n"
                                        "scope: text\nraw:\n  - '^And\\b'\n")
    (style / "Wordy.yml").write_text("extends: existence\nmessage: \"'%s' is wordy.\"\nscope: sentence\n"
                                     "tokens:\n  - in order to\n")
    (tmp_path / "story.md").write_text("The council met on Tuesday. And the vote was close.\n", encoding="utf-8")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n\n[*.md]\nHouse.StartAnd = YES\n")
    assert findings(run_cli, tmp_path, "story.md")[1] == []
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n")
    assert [(rule, line, col) for _, line, col, rule, _ in findings(run_cli, tmp_path, "story.md")[1]] == [
        ("House.StartAnd", 1, 29)]


def test_config_shows_vale_config_as_its_key_and_vales_choice_as_a_comment(run_cli, desk):
    import yaml

    from lintnews.run.config import KEYS

    (desk / ".vale.ini").rename(desk / "house.ini")
    (desk / "lintnews.yaml").write_text("vale-config: house.ini\nignore: [House.Cliches]\n")
    proc = run_cli("config", "wire.txt", cwd=desk)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    comments = [line for line in out.splitlines() if line.startswith("#")]
    assert any(line.startswith(f"# Vale's configuration ({desk / 'house.ini'}) for this file: select ")
               for line in comments), comments
    data = yaml.safe_load(out)
    assert data["vale-config"] == str(desk / "house.ini")
    # Every key shown is one a configuration file takes (the in-effect summary aside): no derived 'vale' block.
    assert set(data) - {"in-effect"} <= set(KEYS.options), set(data) - set(KEYS.options)
