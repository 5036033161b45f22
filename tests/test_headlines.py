"""Headlines in front matter, as a Hugo site's editor runs lintnews on it.

The site has articles with YAML (``---``), TOML (``+++``) and JSON front
matter. Their title, description and summary are linted as prose at their
true line and column; `fix` writes the repairs back in each field's quoting
(escaped where the quoting needs it, or not at all when it cannot hold the
fix or the front matter would read differently); keys that are not headline
fields are never touched; the title is the article's title for
DuplicateTitle in all three formats.
"""

from __future__ import annotations

import json
import re

from testkit import ROOT

HOUSE_RULE = """\
extends: substitution
message: "Write '%s', not '%s'."
level: warning
fix: safe
swap:
  rock n roll: "rock 'n' roll"
  Big Ben bongs: 'Big Ben goes "bong"'
  Breaking news: 'Breaking: news'
"""

YAML_ARTICLE = """\
---
title: "The the harbour plan: mayorâ€™s big bet"
description: 'Council votes on the mayor''s plan today.Nobody expects a quick deal'
summary: Breaking news as Big Ben bongs
date: 2024-03-01T09:00:00Z
draft: false
tags: ["harbour", "council"]
slug: the-the-harbour-plan
---

The mayor's plan for the harbour goes to a vote on Monday.

Councillors said the plan was the largest in a generation.
"""

TOML_ARTICLE = """\
+++
title = "Storm: \\"the the worst\\" night on the coast"
description = "The road reopens on Friday.Drivers were told to stay away as Big Ben bongs"
summary = 'A night of rock n roll was cancelled'
date = 2024-03-02

[params]
subtitle = "not a headline the the"
+++

Storm: "the the worst" night on the coast

Police closed the road on Monday after waves broke over the sea wall.
"""

JSON_ARTICLE = """\
{
  "title": "County fair draws 12,000 visitors",
  "description": "The fair returned after two years.Organisers said a night of rock n roll \\"sold out\\"",
  "date": "2024-08-01",
  "params": {"summary": "not a headline the the"}
}

County fair draws 12,000 visitors

The county fair returned on Saturday after two years away.
"""


def make_site(tmp_path):
    site = tmp_path / "site"
    (site / "content" / "news").mkdir(parents=True)
    (site / "styles" / "House").mkdir(parents=True)
    (site / "styles" / "House" / "Wording.yml").write_text(HOUSE_RULE, encoding="utf-8")
    (site / "lintnews.yaml").write_text("language: en-GB\nstyles: [styles]\n", encoding="utf-8")
    for name, text in (("harbour-plan.md", YAML_ARTICLE), ("storm.md", TOML_ARTICLE), ("fair.md", JSON_ARTICLE)):
        (site / "content" / "news" / name).write_bytes(text.encode("utf-8"))
    return site


def findings(run_cli, site):
    proc = run_cli("check", "--format", "json", "content", cwd=site)
    assert proc.returncode == 1, proc.stderr
    return [(f["path"].split("/")[-1], f["line"], f["column"], f["rule"], f["text"],
             f["fix"]["applicability"] if f["fix"] else None) for f in json.loads(proc.stdout)]


def test_headline_fields_are_linted_at_their_true_positions(run_cli, tmp_path):
    site = make_site(tmp_path)
    assert findings(run_cli, site) == [
        ("fair.md", 3, 47, "News.GluedWords", "years.Organisers", "safe"),
        ("fair.md", 3, 80, "House.Wording", "rock n roll", "safe"),
        ("fair.md", 8, 1, "News.DuplicateTitle", "County fair draws 12,000 visitors", "safe"),
        # YAML: a double-quoted title, a single-quoted description with an escaped apostrophe, a plain summary.
        ("harbour-plan.md", 2, 9, "News.DoubledWord", "The the", "safe"),
        ("harbour-plan.md", 2, 36, "News.Mojibake", "â€™", "safe"),
        ("harbour-plan.md", 3, 50, "News.GluedWords", "today.Nobody", "safe"),
        ("harbour-plan.md", 4, 10, "House.Wording", "Breaking news", None),  # ': ' would make the value a mapping
        ("harbour-plan.md", 4, 27, "House.Wording", "Big Ben bongs", "safe"),
        # TOML: "the the" inside the title's quotation is the speaker's; a literal string cannot hold "'".
        ("storm.md", 3, 36, "News.GluedWords", "Friday.Drivers", "safe"),
        ("storm.md", 3, 77, "House.Wording", "Big Ben bongs", "safe"),
        ("storm.md", 4, 23, "House.Wording", "rock n roll", None),
        ("storm.md", 11, 1, "News.DuplicateTitle", 'Storm: "the the worst" night on the coast', "safe"),
    ]


def test_fix_writes_headlines_back_in_their_quoting(run_cli, tmp_path):
    site = make_site(tmp_path)
    proc = run_cli("fix", "content", cwd=site)
    assert proc.returncode == 1, proc.stderr  # the two fixes that cannot be written are left, reported
    news = site / "content" / "news"
    assert (news / "harbour-plan.md").read_bytes().decode("utf-8") == YAML_ARTICLE.replace(
        '"The the harbour plan: mayorâ€™s big bet"', '"The harbour plan: mayor’s big bet"').replace(
        "today.Nobody", "today. Nobody").replace("as Big Ben bongs", 'as Big Ben goes "bong"')
    # The fix is escaped for TOML's basic string; the repeated headline in the body is deleted.
    assert (news / "storm.md").read_bytes().decode("utf-8") == TOML_ARTICLE.replace(
        "as Big Ben bongs", 'as Big Ben goes \\"bong\\"').replace("Friday.Drivers", "Friday. Drivers").replace(
        'Storm: "the the worst" night on the coast\n\n', "")
    assert (news / "fair.md").read_bytes().decode("utf-8") == JSON_ARTICLE.replace(
        "years.Organisers", "years. Organisers").replace("rock n roll", "rock 'n' roll").replace(
        "County fair draws 12,000 visitors\n\n", "")
    left = findings(run_cli, site)
    assert [(f[0], f[3], f[4]) for f in left] == [
        ("harbour-plan.md", "House.Wording", "Breaking news"), ("storm.md", "House.Wording", "rock n roll")]


def test_headline_fields_key_chooses_the_fields_and_the_title(run_cli, tmp_path):
    site = make_site(tmp_path)
    (site / "lintnews.yaml").write_text("language: en-GB\nstyles: [styles]\nheadline-fields: [summary]\n",
                                        encoding="utf-8")
    found = findings(run_cli, site)
    # Only the summaries are prose now; a summary is the title, so the JSON article's body has its
    # first line back as a paragraph and no repeated headline.
    assert {(f[0], f[1]) for f in found} == {("harbour-plan.md", 4), ("storm.md", 4)}
    proc = run_cli("config", cwd=site)
    assert b"headline-fields:\n- summary\n" in proc.stdout


def test_duplicate_title_fires_for_each_front_matter_format(run_cli, tmp_path):
    folder = tmp_path / "posts"
    folder.mkdir()
    body = "\n\nStorm hits coast\n\nThe storm hit the coast on Monday.\n"
    formats = {
        "yaml.md": '---\ntitle: "Storm hits coast"\n---' + body,
        "toml.md": "+++\ntitle = 'Storm hits coast'\n+++" + body,
        "json.md": '{\n  "title": "Storm hits coast"\n}' + body,
        "heading.md": "+++\ntitle = 'Storm hits coast'\n+++\n\n# Storm hits coast\n\nThe storm hit the coast.\n",
    }
    for name, text in formats.items():
        (folder / name).write_text(text, encoding="utf-8")
    proc = run_cli("check", "--isolated", "--format", "json", "--select", "News.DuplicateTitle", folder)
    hits = sorted((f["path"].split("/")[-1], f["line"]) for f in json.loads(proc.stdout))
    # A "# heading" that repeats the front matter title is how Hugo themes show it: not a duplicate.
    assert hits == [("json.md", 5), ("toml.md", 5), ("yaml.md", 5)]
    run_cli("fix", "--isolated", "--select", "News.DuplicateTitle", folder)
    for name in ("yaml.md", "toml.md", "json.md"):
        text = (folder / name).read_text(encoding="utf-8")
        assert text.endswith("\n\nThe storm hit the coast on Monday.\n") and text.count("Storm hits coast") == 1


def test_block_scalars_and_non_headline_keys(run_cli, tmp_path):
    article = tmp_path / "a.md"
    text = ("---\ntitle: Troops leave the base\nsubtitle: >\n  What the the move means\n  for the town\n"
            "author: the the desk\ncategories: [the the]\n---\n\nThe troops left the base on Monday.\n")
    article.write_text(text, encoding="utf-8")
    found = json.loads(run_cli("check", "--isolated", "--format", "json", article).stdout)
    # A folded block scalar is linted where it stands, with no fix (its text is not its value).
    assert [(f["rule"], f["line"], f["column"], f["fix"]) for f in found] == [("News.DoubledWord", 4, 8, None)]
    run_cli("fix", "--isolated", article)
    assert article.read_text(encoding="utf-8") == text


def test_invalid_front_matter_is_metadata_and_reported_nowhere(run_cli, tmp_path):
    article = tmp_path / "a.md"
    text = '+++\ntitle = "Unclosed the the\n+++\n\nThe the troops left on Monday.\n'
    article.write_text(text, encoding="utf-8")
    proc = run_cli("check", "--isolated", "--format", "json", article)
    assert [(f["line"], f["text"]) for f in json.loads(proc.stdout)] == [(5, "The the")]
    assert b"error:" not in proc.stderr


def test_the_readme_example_reports_what_it_says(run_cli, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Headlines in front matter", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    said = {(rule, int(pos.split(":")[0]), int(pos.split(":")[1]))
            for rule, pos in re.findall(r"(\w+) (\d+:\d+)", example)}
    article = tmp_path / "example.md"
    article.write_text(example + "\nThe vote is on Monday.\n", encoding="utf-8")
    found = json.loads(run_cli("check", "--isolated", "--format", "json", article).stdout)
    assert {(f["rule"].split(".")[1], f["line"], f["column"]) for f in found} >= said
    assert len(said) == 3 and all(f["line"] <= 3 for f in found)


def test_a_desk_config_that_extends_the_site_config_keeps_its_headline_fields(run_cli, tmp_path):
    site = make_site(tmp_path)
    (site / "lintnews.yaml").write_text("language: en-GB\nstyles: [styles]\nheadline-fields: [description]\n",
                                        encoding="utf-8")
    (site / "content" / "news" / "lintnews.yaml").write_text("extend: ../../lintnews.yaml\nfail-on: error\n",
                                                             encoding="utf-8")
    found = findings(run_cli, site)
    assert {(f[0], f[1]) for f in found if f[1] <= 4} == {("fair.md", 3), ("harbour-plan.md", 3), ("storm.md", 3)}


def test_a_slip_in_a_single_quoted_yaml_title_is_found_and_fixed_with_the_quoting_kept(run_cli, tmp_path):
    """YAML's own single quotes are no apostrophes joining a word: "'The the harbour plan'"."""
    article = tmp_path / "harbour.md"
    article.write_text("---\ntitle: 'The the harbour plan'\n---\n\nThe council met on Monday.\n", encoding="utf-8")
    out = run_cli("check", "--isolated", "--format", "concise", "--select", "News.DoubledWord", article).stdout.decode()
    assert f"{article}:2:9: suggestion: News.DoubledWord" in out
    run_cli("fix", "--isolated", "--select", "News.DoubledWord", article)
    assert article.read_text(encoding="utf-8") == "---\ntitle: 'The harbour plan'\n---\n\nThe council met on Monday.\n"
