"""Vale's scopes, comment controls and ignore settings, driven through `lintnews check`.

The style is written for these tests in Vale's YAML layout (no file of a Vale package is copied);
what is expected is what Vale reports, as its source and its feature tests define it
(internal/check/scope.go, internal/lint/ast.go, internal/core/file.go; testdata/features/
scopes.feature and comments.feature).
"""

from __future__ import annotations

from pathlib import Path

import pytest

RULES = {
    "Hedge": 'extends: existence\nmessage: "Headline hedges: %s"\nscope: heading\nignorecase: true\ntokens: [reportedly]\n',
    "Update": 'extends: existence\nmessage: "Subheads say %s"\nscope: heading.h2\ntokens: [Update]\n',
    "ListFiller": 'extends: existence\nmessage: "Filler in a list: %s"\nscope: list\nignorecase: true\ntokens: [very]\n',
    "QuoteWord": 'extends: existence\nmessage: "Check the quote: %s"\nscope: blockquote\ntokens: [literally]\n',
    "Pending": 'extends: existence\nmessage: "Still to be decided: %s"\nscope: ~blockquote & ~heading\n'
               'tokens: [TBD]\n',
    "Cells": 'extends: existence\nmessage: "Cell to confirm: %s"\nscope: table.cell\ntokens: [TBC]\n',
    "LinkText": 'extends: existence\nmessage: "Link text: %s"\nscope: link\nignorecase: true\ntokens: [here]\n',
    "Breaking": 'extends: existence\nmessage: "Bold label: %s"\nscope: strong\ntokens: [BREAKING]\n',
    "AltLength": 'extends: occurrence\nmessage: "Alt text has %s words"\nscope: alt\nmax: 8\ntoken: \\b\\w+\\b\n',
    "Opening": 'extends: existence\nmessage: "Sentence opens with %s"\nscope: sentence\nraw: ["^Officials"]\n',
}

ARTICLE = """# Council reportedly approves budget

## Update: vote delayed

The council met on Tuesday and the vote is TBD. Officials said it was very close.

> The mayor said the plan was literally unaffordable, and the date TBD.

Key points, reportedly final:

- The budget is very large.
- Schools get 4% more.

| Department | Change TBC |
|------------|------------|
| Schools    | TBC        |
| Roads      | +2%        |

**BREAKING** Read the full report [here](https://example.com/report), not here.

![Mayor Ann Kowalczyk speaks to reporters at the council meeting on Tuesday](mayor.jpg)

<!-- vale off -->

A TBD memo, very secret.

<!-- vale on -->

<!-- vale House.ListFiller = NO -->

- Very late.

<!-- vale House.ListFiller = YES -->

- Another very late item.

<!-- vale House = NO -->

The TBD item stays TBD.

<!-- vale House = YES -->

Final TBD.
"""


def project(tmp_path: Path, config: str = "", article: str = ARTICLE) -> Path:
    folder = tmp_path / "styles" / "House"
    folder.mkdir(parents=True)
    for name, body in RULES.items():
        (folder / f"{name}.yml").write_text(body, encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text("styles: [styles]\nselect: [House]\n" + config, encoding="utf-8")
    (tmp_path / "budget.md").write_text(article, encoding="utf-8")
    return tmp_path / "budget.md"


def findings(run_cli, path: Path) -> list[str]:
    proc = run_cli("check", "--format", "concise", path.name, cwd=path.parent)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return [line[len(path.name) + 1:] for line in proc.stdout.decode().splitlines() if line.startswith(path.name + ":")]


def test_each_scope_selects_what_vale_reads_and_comments_turn_rules_off(run_cli, tmp_path):
    got = findings(run_cli, project(tmp_path))
    assert got == [
        "1:11: warning: House.Hedge Headline hedges: reportedly",  # a heading, not "reportedly final" in a paragraph
        "3:4: warning: House.Update Subheads say Update",
        "5:44: warning: House.Pending Still to be decided: TBD",  # not the TBD in the block quote (line 7)
        "5:49: warning: House.Opening Sentence opens with Officials",  # the second sentence starts with it
        "7:31: warning: House.QuoteWord Check the quote: literally",
        "11:17: warning: House.ListFiller Filler in a list: very",  # not "very close" in the paragraph
        "16:16: warning: House.Cells Cell to confirm: TBC",  # a body cell; the header's TBC is a table.header
        "19:3: warning: House.Breaking Bold label: BREAKING",
        "19:36: warning: House.LinkText Link text: here",  # the link's text, not the "here" after it
        "21:3: warning: House.AltLength Alt text has 12 words",
        # 25 (vale off), 31 (ListFiller = NO) and 39 (House = NO) are silenced
        "35:11: warning: House.ListFiller Filler in a list: very",
        "43:7: warning: House.Pending Still to be decided: TBD",
    ]


def test_ignore_settings_keep_scopes_and_patterns_out(run_cli, tmp_path):
    config = ("skipped-scopes: [blockquote, alt]\nignored-scopes: [code, tt, a, strong]\n"
              "block-ignores: ['(?s)<!-- embargo -->.*?<!-- /embargo -->']\n"
              "token-ignores: ['\\{\\{[^}]*\\}\\}']\n")
    article = ("# Council vote\n\nThe vote is TBD, {{ TBD }} in the template.\n\n"
               "> The mayor said it was literally over.\n\n**BREAKING** More [here](https://example.com).\n\n"
               "![A long description of the mayor speaking to reporters after the vote](m.jpg)\n\n"
               "<!-- embargo -->\n\nThe TBD figure stays secret.\n\n<!-- /embargo -->\n\nStill TBD.\n")
    got = findings(run_cli, project(tmp_path, config, article))
    assert got == ["3:13: warning: House.Pending Still to be decided: TBD", "17:7: warning: House.Pending Still to be decided: TBD"]


def test_without_ignore_settings_the_same_text_is_read(run_cli, tmp_path):
    article = ("# Council vote\n\nThe vote is TBD.\n\n> The mayor said it was literally over.\n\n"
               "**BREAKING** More [here](https://example.com).\n")
    got = findings(run_cli, project(tmp_path, "", article))
    assert got == ["3:13: warning: House.Pending Still to be decided: TBD", "5:25: warning: House.QuoteWord Check the quote: literally",
                   "7:3: warning: House.Breaking Bold label: BREAKING", "7:20: warning: House.LinkText Link text: here"]


def test_a_bad_ignore_pattern_is_one_line_naming_the_configuration(run_cli, tmp_path):
    path = project(tmp_path, "token-ignores: ['(unclosed']\n")
    proc = run_cli("check", path.name, cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert "lintnews.yaml" in err and "bad regex '(unclosed'" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("scope", ["footnote", "~footnote"])
def test_a_scope_vale_does_not_know_is_a_load_error(run_cli, tmp_path, scope):
    path = project(tmp_path)
    (tmp_path / "styles" / "House" / "Odd.yml").write_text(
        f"extends: existence\nmessage: m\nscope: '{scope}'\ntokens: [budget]\n", encoding="utf-8")
    proc = run_cli("check", path.name, cwd=tmp_path)
    assert proc.returncode == 2
    assert f"unknown scope '{scope}'" in proc.stderr.decode()


def test_an_extending_configuration_keeps_the_ignore_keys_it_does_not_set(run_cli, tmp_path):
    article = "# Vote\n\nThe vote is TBD, {{ TBD }} here.\n\n> A quote, TBD.\n\n- TBD item\n"
    path = project(tmp_path, "skipped-scopes: [li]\n", article)
    (tmp_path / "base.yaml").write_text("skipped-scopes: [blockquote]\ntoken-ignores: ['\\{\\{[^}]*\\}\\}']\n",
                                        encoding="utf-8")
    config = tmp_path / "lintnews.yaml"
    config.write_text("extend: base.yaml\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    # skipped-scopes is the child's (list items skipped, the block quote read: Pending never reads it
    # anyway); token-ignores comes from the parent.
    assert findings(run_cli, path) == ["3:13: warning: House.Pending Still to be decided: TBD"]


def test_code_spans_are_read_by_vale_rules_only_when_code_is_not_ignored(run_cli, tmp_path):
    article = "# Deploy notes\n\nRun `make TBD` before the TBD vote.\n"
    path = project(tmp_path, "", article)
    assert findings(run_cli, path) == ["3:27: warning: House.Pending Still to be decided: TBD"]
    (tmp_path / "lintnews.yaml").write_text("styles: [styles]\nselect: [House]\nignored-scopes: [tt]\n",
                                            encoding="utf-8")
    assert findings(run_cli, path) == ["3:11: warning: House.Pending Still to be decided: TBD",
                                       "3:27: warning: House.Pending Still to be decided: TBD"]


def test_front_matter_values_are_text_to_a_vale_rule(run_cli, tmp_path):
    # Current Vale (since March 2025) lints each front matter string value as text.frontmatter.KEY.
    article = "---\ntitle: Budget TBD\n---\n\n# Council vote\n\nThe vote is TBD.\n"
    assert findings(run_cli, project(tmp_path, "", article)) == ["2:15: warning: House.Pending Still to be decided: TBD",
                                                                 "7:13: warning: House.Pending Still to be decided: TBD"]
