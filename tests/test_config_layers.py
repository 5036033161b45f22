"""A newsroom's configuration as a user writes it: vocab, nested configs, per-path language, globs."""

from __future__ import annotations

import json

import pytest

ARTICLE = ("Council backs new bus lanes\n\n"
           "The council will utilise its reserves to colour the new bus lanes red, the mayor said on Monday.\n")
WIRE = ("Storm closes airports\n\n"
        "Airlines will honor tickets and the organization that runs the airports said flights would resume.\n")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(proc):
    return sorted((f["path"].split("content/")[-1], f["rule"], f["text"]) for f in json.loads(proc.stdout))


@pytest.fixture
def site(tmp_path):
    """A Hugo-style site: articles under content/, a house vocab, the README's own select."""
    write(tmp_path / "vocab" / "House" / "reject.txt", "# words the style guide bans\nutilise\n")
    write(tmp_path / "vocab" / "House" / "accept.txt", "Hinchcliffe\n")
    write(tmp_path / "lintnews.yaml", "language: en-GB\nselect: [News]\nvocab: [vocab/House]\n")
    write(tmp_path / "content" / "local" / "buses.md", ARTICLE)
    return tmp_path


# ------------------------------------------------------------------ vocab
def test_a_configured_reject_list_applies_whatever_select_says(run_cli, site):
    proc = run_cli("check", "--format", "json", ".", cwd=site)
    assert ("local/buses.md", "Vocab.Rejected", "utilise") in found(proc)
    # A narrower select on the command line keeps it too...
    proc = run_cli("check", "--format", "json", "--select", "News.DoubledWord", ".", cwd=site)
    assert found(proc) == [("local/buses.md", "Vocab.Rejected", "utilise")]
    # ...and only an ignore that names it turns it off.
    proc = run_cli("check", "--format", "json", "--ignore", "Vocab", ".", cwd=site)
    assert proc.returncode == 0 and found(proc) == []


def test_vocabulary_files_are_never_linted_as_articles(run_cli, site):
    proc = run_cli("check", "--format", "json", ".", cwd=site)
    assert {path for path, _, _ in found(proc)} == {"local/buses.md"}
    summary = run_cli("check", ".", cwd=site).stdout.decode().splitlines()[-1]
    assert "in 1 file" in summary


def test_rules_lists_and_shows_vocab_and_configured_styles(run_cli, site):
    write(site / "styles" / "House" / "Synergy.yml",
          "extends: existence\nmessage: \"Avoid '%s'.\"\ndescription: Business jargon.\nlevel: warning\n"
          "tokens: [synergy]\n")
    (site / "lintnews.yaml").write_text("select: [News]\nvocab: [vocab/House]\nstyles: [styles]\n")
    listing = run_cli("rules", cwd=site).stdout.decode()
    assert any(line.startswith("Vocab.Rejected ") for line in listing.splitlines())
    assert any(line.startswith("House.Synergy ") and "Business jargon." in line for line in listing.splitlines())
    shown = run_cli("rules", "show", "Vocab.Rejected", cwd=site)
    assert shown.returncode == 0
    out = shown.stdout.decode()
    assert f"| Source | {site / 'vocab' / 'House' / 'reject.txt'} |" in out and "utilise" in out
    assert run_cli("rules", "show", "House.Synergy", cwd=site).returncode == 0
    # Outside the project, the same ids are unknown.
    assert run_cli("rules", "show", "Vocab.Rejected").returncode == 2


# ------------------------------------------------------------------ per-path language
def test_per_path_language_switches_the_spelling_rules_for_wire_copy(run_cli, tmp_path):
    write(tmp_path / "lintnews.yaml",
          "language: en-GB\nper-path:\n  - paths: ['content/wire/**']\n    language: en-US\n")
    write(tmp_path / "content" / "wire" / "storm.md", WIRE)
    write(tmp_path / "content" / "local" / "storm.md", WIRE)
    proc = run_cli("check", "--format", "json", "content", cwd=tmp_path)
    rules = {(path, rule) for path, rule, _ in found(proc)}
    assert ("local/storm.md", "News.AmericanSpellings") in rules
    assert not any(path == "wire/storm.md" for path, _ in rules)
    # A British story filed under wire/ is now the odd one out.
    write(tmp_path / "content" / "wire" / "buses.md", ARTICLE.replace("utilise", "use"))
    proc = run_cli("check", "--format", "json", "content/wire", cwd=tmp_path)
    assert ("wire/buses.md", "News.BritishSpellings", "colour") in found(proc)
    config = run_cli("config", "content/wire/storm.md", cwd=tmp_path).stdout.decode()
    assert "language: en-US" in config and "content/wire/**" in config


def test_per_path_language_must_be_one_we_know(run_cli, tmp_path):
    config = write(tmp_path / "lintnews.yaml", "per-path:\n  'content/wire/**':\n    language: en-AU\n")
    write(tmp_path / "content" / "a.md", ARTICLE)
    proc = run_cli("check", "content", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"error: {config}: key 'per-path.content/wire/**.language' must be one of en-US, en-GB, not 'en-AU'"]


# ------------------------------------------------------------------ globs
@pytest.mark.parametrize("glob, matches", [
    ("content/wire/**", True),   # relative to the configuration's folder, like .gitignore
    ("**/wire/**", True),        # any depth
    ("wire/", True),             # a folder name alone: any depth, as in .gitignore
    ("wire/**", False),          # anchored: a wire/ folder next to lintnews.yaml
])
def test_per_path_globs_follow_gitignore(run_cli, tmp_path, glob, matches):
    write(tmp_path / "lintnews.yaml", f"per-path:\n  '{glob}':\n    ignore: [News.DoubledWord]\n")
    write(tmp_path / "content" / "wire" / "a.md", "Storm closes airports\n\nThe the airports closed.\n")
    proc = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert (found(proc) == []) == matches
    # A glob that matches nothing only because it is anchored gets one hint naming the glob that would.
    warnings = [line for line in proc.stderr.decode().splitlines() if line.startswith("warning:")]
    assert warnings == ([] if matches else [
        f"warning: {tmp_path / 'lintnews.yaml'}: per-path 'wire/**' matches none of the articles checked: globs are "
        "relative to the configuration's folder, as in .gitignore; did you mean 'content/wire/**' "
        "(or '**/wire/**', at any depth)?"])


def test_the_readme_per_path_example_matches_a_site_layout(run_cli, tmp_path):
    from testkit import ROOT

    readme = (ROOT / "README.md").read_text()
    example = readme.split("### Configuration", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    write(tmp_path / "lintnews.yaml", example)
    write(tmp_path / "content" / "wire" / "a.md", "Shelling kills civilians\n\nMore than 200 civilians were killed in the shelling of the city last week.\n")
    assert "News.UnattributedClaim" in {r for _, r, _ in found(run_cli("check", "--format", "json", "--isolated",
                                                                       "content", cwd=tmp_path))}
    proc = run_cli("check", "--format", "json", "content", cwd=tmp_path)
    assert "News.UnattributedClaim" not in {r for _, r, _ in found(proc)}


# ------------------------------------------------------------------ unknown ids
def test_an_unknown_id_on_the_command_line_is_one_error_naming_the_flag(run_cli, site):
    for n in range(18):
        write(site / "content" / "archive" / f"{n:02}.md", ARTICLE)
    proc = run_cli("check", "--select", "News.Spelingg", ".", cwd=site)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "error: unknown rule id or prefix 'News.Spelingg' in --select on the command line (did you mean 'News.Spelling'? see `lintnews rules`)"]
    (site / "lintnews.yaml").write_text("select: [News]\nignore: [News.Spelingg]\n")
    proc = run_cli("check", ".", cwd=site)
    assert proc.stderr.decode().splitlines() == [
        f"error: {site / 'lintnews.yaml'}: unknown rule id or prefix 'News.Spelingg' in 'ignore' (did you mean 'News.Spelling'? see `lintnews rules`)"]


# ------------------------------------------------------------------ extend
SPORT = ("United win the derby\n\nThe the home side will utilise the transfer window, "
         "the manager said after the match, and the gaffer agreed.\n")


@pytest.fixture
def newsroom(site):
    """The site's config plus a sports desk's config that extends it."""
    (site / "lintnews.yaml").write_text(
        "language: en-GB\nselect: [News]\nvocab: [vocab/House]\nfail-on: warning\n"
        "exclude: ['content/drafts/**']\n"
        "per-path:\n  'content/sport/wire/**':\n    language: en-US\n")
    write(site / "content" / "sport" / "vocab" / "reject.txt", "gaffer\n")
    write(site / "content" / "sport" / "lintnews.yaml",
          "extend: ../../lintnews.yaml\nignore: [News.DoubledWord]\nvocab: [vocab]\n"
          "per-path:\n  'drafts/**':\n    select: [News.DoubledWord]\n")
    write(site / "content" / "sport" / "derby.md", SPORT)
    return site


def test_a_nested_config_builds_on_the_one_it_extends(run_cli, newsroom):
    proc = run_cli("check", "--format", "json", "content/sport/derby.md", cwd=newsroom)
    # The house reject list and the desk's both apply; the desk's ignore takes DoubledWord away.
    assert found(proc) == [("sport/derby.md", "Vocab.Rejected", "gaffer"), ("sport/derby.md", "Vocab.Rejected", "utilise")]
    # Scalars come from the parent unless the child sets them: fail-on warning, en-GB.
    shown = run_cli("config", "content/sport/derby.md", cwd=newsroom).stdout.decode()
    assert f"extend: {newsroom / 'lintnews.yaml'}" in shown
    assert "language: en-GB" in shown and "fail-on: warning" in shown
    # The parent's per-path section (its glob relative to the parent) still applies below the child.
    write(newsroom / "content" / "sport" / "wire" / "storm.md", WIRE)
    proc = run_cli("check", "--format", "json", "content/sport/wire", cwd=newsroom)
    assert found(proc) == []  # en-US there: "honor" and "organization" are fine
    # The parent's exclude too; the child's per-path select replaces, Vocab stays.
    write(newsroom / "content" / "drafts" / "x.md", SPORT)
    write(newsroom / "content" / "sport" / "drafts" / "y.md", SPORT)
    proc = run_cli("check", "--format", "json", "content", cwd=newsroom)
    assert not any("vocab" in path for path, _, _ in found(proc))  # the desk's reject.txt is no article
    drafts = [f for f in found(proc) if "drafts" in f[0]]
    assert drafts == [("sport/drafts/y.md", "News.DoubledWord", "The the"),
                      ("sport/drafts/y.md", "Vocab.Rejected", "gaffer"),
                      ("sport/drafts/y.md", "Vocab.Rejected", "utilise")]


def test_a_childs_select_replaces_the_parents_and_unknown_ids_name_their_file(run_cli, newsroom):
    child = newsroom / "content" / "sport" / "lintnews.yaml"
    child.write_text("extend: ../..\nselect: [News.DoubledWord]\n")  # a folder: its lintnews.yaml
    proc = run_cli("check", "--format", "json", "content/sport/derby.md", cwd=newsroom)
    assert found(proc) == [("sport/derby.md", "News.DoubledWord", "The the"),
                           ("sport/derby.md", "Vocab.Rejected", "utilise")]
    (newsroom / "lintnews.yaml").write_text("ignore: [News.Nope]\n")
    proc = run_cli("check", "content/sport/derby.md", cwd=newsroom)
    assert proc.returncode == 2 and proc.stderr.decode().splitlines() == [
        f"error: {newsroom / 'lintnews.yaml'}: unknown rule id or prefix 'News.Nope' in 'ignore' (see `lintnews rules`)"]


@pytest.mark.parametrize("parent, child, problem", [
    (None, "extend: ../missing.yaml\n", "key 'extend': configuration not found: "),
    ("extend: content/sport/lintnews.yaml\n", "extend: ../../lintnews.yaml\n",
     "key 'extend': configurations extend each other in a loop: "),
    (None, "extend: ../../../elsewhere/lintnews.yaml\n", "outside the project"),
    ("select: [News]\nlanguage: en-NZ\n", "extend: ../../lintnews.yaml\n", "key 'language' must be one of"),
])
def test_a_bad_extend_is_one_line(run_cli, tmp_path, parent, child, problem):
    project = tmp_path / "site"
    if parent is not None:
        write(project / "lintnews.yaml", parent)
    write(tmp_path / "elsewhere" / "lintnews.yaml", "select: [News]\n")
    write(project / "content" / "sport" / "lintnews.yaml", child)
    write(project / "content" / "sport" / "derby.md", SPORT)
    proc = run_cli("check", "content/sport/derby.md", cwd=project)
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and problem in lines[0], lines
    # A config elsewhere is read with the user's consent, like a styles folder outside the project.
    if "outside" in problem:
        assert run_cli("check", "--allow-outside-paths", "content/sport/derby.md", cwd=project).returncode == 1


def test_config_keys_lists_extend_and_per_path_language(run_cli):
    out = run_cli("config", "--keys").stdout.decode()
    keys = out.split("Keys of each per-path section", 1)
    assert "\n    extend  (a string)" in keys[0]
    assert "\n    language  (en-US | en-GB)" in keys[1].split("Keys of the languagetool mapping", 1)[0]
    assert "\n    local  (true or false" in keys[1].split("Keys of the languagetool mapping", 1)[1]


def test_a_level_given_as_a_number_names_the_levels(run_cli, tmp_path):
    (tmp_path / "lintnews.yaml").write_text("fail-on: 3\n")
    article = tmp_path / "a.txt"
    article.write_text("Budget\n\nThe council met.\n")
    proc = run_cli("check", article, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == (f"error: {tmp_path / 'lintnews.yaml'}: key 'fail-on' must be one of "
                                            "error, warning, suggestion, not int 3")


# ------------------------------------------------------------------ one rule as a plain string
def test_a_single_rule_may_be_written_without_brackets(run_cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.lintnews]\nselect = "News.Spelling"\nignore = "News.Agreement"\n')
    write(tmp_path / "news.txt", "Flood warning\n\nThe goverment said the river would peak on Tuesday  night.\n")
    proc = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    assert [(f["rule"], f["text"]) for f in json.loads(proc.stdout)] == [("News.Spelling", "goverment")]
    shown = run_cli("config", "news.txt", cwd=tmp_path).stdout.decode()
    assert "select:\n- News.Spelling\n" in shown


# ------------------------------------------------------------------ rules show says when select leaves a rule out
def test_rules_show_says_when_the_configuration_leaves_a_rule_out(run_cli, tmp_path):
    write(tmp_path / "mystyle" / "House" / "Utilize.yml",
          'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nlevel: warning\nswap:\n  utilize: use\n')
    write(tmp_path / "lintnews.yaml", "select: [News]\nignore: [News.Spelling]\n")
    shown = run_cli("rules", "show", "House.Utilize", "--styles", "mystyle", cwd=tmp_path).stdout.decode()
    assert shown.rstrip().splitlines()[-1].startswith("Not run here: the select of ")
    assert "--extend-select House" in shown
    ignored = run_cli("rules", "show", "News.Spelling", cwd=tmp_path).stdout.decode()
    assert ignored.rstrip().endswith("lintnews.yaml ignores it.")
    running = run_cli("rules", "show", "News.DoubledWord", cwd=tmp_path).stdout.decode()
    assert "Not run here" not in running
    # With --extend-select the rule runs, as the note says.
    write(tmp_path / "a.txt", "Drones\n\nThe council will utilize drones.\n")
    proc = run_cli("check", "--format", "json", "--styles", "mystyle", "--extend-select", "House", "a.txt", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(proc.stdout)] == ["House.Utilize"]
