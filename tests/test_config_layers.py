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
    assert f"defined in {site / 'vocab' / 'House' / 'reject.txt'}" in out and '"utilise"' in out
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
        "error: unknown rule id or prefix 'News.Spelingg' in --select on the command line (see `lintnews rules`)"]
    (site / "lintnews.yaml").write_text("select: [News]\nignore: [News.Spelingg]\n")
    proc = run_cli("check", ".", cwd=site)
    assert proc.stderr.decode().splitlines() == [
        f"error: {site / 'lintnews.yaml'}: unknown rule id or prefix 'News.Spelingg' in 'ignore' (see `lintnews rules`)"]
