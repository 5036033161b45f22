"""A desk whose Vale style has Tengo script rules: `lintnews check` runs them, with only a .vale.ini
beside the articles.

Driven through the installed `lintnews` command. The scripts are the desk's own: one inline (placeholders
left in copy), one in the styles' config/scripts folder (paragraphs of too many sentences).
"""

from __future__ import annotations

import json

import pytest

VALE_INI = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = House\n"

PLACEHOLDER = r"""extends: script
message: "Fill in the placeholder '%s' before publishing."
level: error
scope: raw
script: |
  text := import("text")
  matches := []
  for found in text.re_find(`\bTK\b|\[\[[^\]]*\]\]`, scope, -1) {
    m := found[0]
    matches = append(matches, {begin: m.begin, end: m.end})
  }
"""

LONG_PARAGRAPHS = """extends: script
message: "Break up this paragraph."
level: suggestion
scope: raw
script: LongParagraphs.tengo
"""

LONG_PARAGRAPHS_SCRIPT = r"""text := import("text")
fmt := import("fmt")

matches := []
limit := 3 // sentences in one paragraph
offset := 0
for para in text.split(scope, "\n\n") {
  sentences := text.re_split(`[.!?]["”]?\s+`, text.trim_space(para), -1)
  if len(sentences) > limit && !text.has_prefix(para, "#") {
    matches = append(matches, {
      begin: offset,
      end: offset + len(para),
      message: fmt.sprintf("This paragraph has %d sentences; keep it to %d.", len(sentences), limit)
    })
  }
  offset += len(para) + 2
}
"""

STORY = """# Zürich café owner wins appeal

The café’s owner, Renée Müller, won her appeal on TK, the court said.

She had been fined. She appealed. The fine was overturned. Her lawyer said the ruling was fair. [[quote from mayor]]
"""


@pytest.fixture
def desk(tmp_path):
    (tmp_path / ".vale.ini").write_text(VALE_INI)
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Placeholder.yml").write_text(PLACEHOLDER, encoding="utf-8")
    (style / "LongParagraphs.yml").write_text(LONG_PARAGRAPHS)
    scripts = tmp_path / "styles" / "config" / "scripts"
    scripts.mkdir(parents=True)
    (scripts / "LongParagraphs.tengo").write_text(LONG_PARAGRAPHS_SCRIPT, encoding="utf-8")
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    return tmp_path


def script_rule(path, message: str, scope: str, *lines: str) -> None:
    """A rule file whose inline script imports ``text``, starts ``matches`` empty and runs ``lines``."""
    body = "".join(f"  {line}\n" for line in ('text := import("text")', "matches := []", *lines))
    path.write_text(f"extends: script\nmessage: {json.dumps(message)}\nscope: {scope}\nscript: |\n{body}",
                    encoding="utf-8")


def check(run_cli, desk, *extra):
    proc = run_cli("check", "--format", "json", *extra, "story.md", cwd=desk)
    return proc, [(f["rule"], f["line"], f["column"], f["text"], f["message"]) for f in json.loads(proc.stdout)]


def test_script_rules_report_where_their_byte_offsets_point(run_cli, desk):
    proc, found = check(run_cli, desk)
    assert proc.returncode == 1, proc.stderr.decode()
    para = "She had been fined. She appealed. The fine was overturned. Her lawyer said the ruling was fair. " \
           "[[quote from mayor]]\n"
    assert found == [
        # "café’s", "Renée" and "Müller" take more bytes than characters: the column counts characters.
        ("House.Placeholder", 3, 51, "TK", "Fill in the placeholder 'TK' before publishing."),
        ("House.LongParagraphs", 5, 1, para, "This paragraph has 5 sentences; keep it to 3."),
        ("House.Placeholder", 5, 97, "[[quote from mayor]]",
         "Fill in the placeholder '[[quote from mayor]]' before publishing."),
    ]
    assert proc.stderr.decode().splitlines()[-1].startswith("Found 3 findings")


def test_a_script_that_fails_or_runs_away_is_one_error_line_and_the_other_rules_run(run_cli, desk):
    style = desk / "styles" / "House"
    (style / "Broken.yml").write_text("extends: script\nmessage: m\nscope: raw\nscript: |\n"
                                      "  text := import(\"text\")\n  n := text.atoi(\"TK\") + 1\n")
    (style / "Greedy.yml").write_text("extends: script\nmessage: m\nscope: raw\nscript: |\n"
                                      "  s := scope\n  for { s += s }\n")
    proc, found = check(run_cli, desk)
    assert proc.returncode == 2
    assert [rule for rule, *_ in found] == ["House.Placeholder", "House.LongParagraphs", "House.Placeholder"]
    errors = [line for line in proc.stderr.decode().splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: story.md: {style / 'Broken.yml'}: rule House.Broken: script failed: line 6 (line 2 of the script): "
        "runtime error: invalid operation: error + int; rule skipped",
        f"error: story.md: {style / 'Greedy.yml'}: rule House.Greedy: script failed: line 6 (line 2 of the script): "
        "a value of more than 10,000,000 characters or elements; rule skipped",
    ]
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("script, problem", [
    ("|\n  if scope {\n", "script does not parse: line 6 (line 2 of the script): expected '}', found end of script"),
    ("|\n  if false {\n    x := y\n  }\n", "script does not parse: line 6 (line 2 of the script): unresolved reference 'y'"),
    # A module Tengo would refuse when it compiles the script: one load error, not one per article.
    ("|\n  if false {\n    os := import(\"os\")\n  }\n", "script imports module 'os', which Vale's scripts cannot"),
    ("Missing.tengo", "key 'script': cannot read"),
    ("../../secrets.tengo", "key 'script': '../../secrets.tengo' must be a file name in the styles' "
                            "config/scripts folder"),
])
def test_a_script_rule_that_cannot_load_is_skipped_with_its_reason(run_cli, desk, script, problem):
    style = desk / "styles" / "House"
    (style / "Bad.yml").write_text(f"extends: script\nmessage: m\nscope: raw\nscript: {script}\n")
    proc, found = check(run_cli, desk)
    assert proc.returncode == 2
    assert len(found) == 3
    errors = [line for line in proc.stderr.decode().splitlines() if "Bad.yml" in line]
    assert len(errors) == 1 and errors[0].startswith(f"error: {style / 'Bad.yml'}: rule House.Bad: {problem}")
    assert errors[0].endswith("; skipped")


def test_a_script_file_that_does_not_parse_is_named_with_its_own_line(run_cli, desk):
    style = desk / "styles" / "House"
    (desk / "styles" / "config" / "scripts" / "Broken.tengo").write_text('text := import("text")\ncount :=\n')
    (style / "Bad.yml").write_text("extends: script\nmessage: m\nscope: raw\nscript: Broken.tengo\n")
    proc, found = check(run_cli, desk)
    errors = [line for line in proc.stderr.decode().splitlines() if "Bad.yml" in line]
    assert proc.returncode == 2 and len(found) == 3
    assert errors == [f"error: {style / 'Bad.yml'}: rule House.Bad: script does not parse: line 3 of Broken.tengo: "
                      "expected an expression, found end of script; skipped"]


def test_a_script_rule_with_a_block_scope_is_placed_by_offsets_into_the_file_as_vale_places_it(run_cli, desk):
    # Vale (core/file.go, since #1081) reads a script's begin and end as offsets into the whole file, whatever
    # the scope: "a appeal", bytes 8 to 16 of the paragraph, is reported at bytes 8 to 16 of the file.
    style = desk / "styles" / "House"
    for name in ("Placeholder.yml", "LongParagraphs.yml"):
        (style / name).unlink()
    script_rule(style / "Articles.yml", "Use 'an' before a vowel: '%s'.", "paragraph",
                "for f in text.re_find(`\\ba (?:appeal|owner)\\b`, scope, -1) {",
                "  matches = append(matches, {begin: f[0].begin, end: f[0].end})", "}")
    (desk / "story.md").write_text("# Appeal\n\nShe won a appeal.\n", encoding="utf-8")
    proc, found = check(run_cli, desk)
    assert found == [("House.Articles", 1, 9, "\n\nShe wo", "Use 'an' before a vowel: 'a appeal'.")]


def test_editing_a_script_file_is_seen_by_the_next_run_through_the_results_cache(run_cli, desk):
    proc, found = check(run_cli, desk)
    assert "House.LongParagraphs" in [rule for rule, *_ in found]
    proc, found = check(run_cli, desk)  # from the results cache
    assert "House.LongParagraphs" in [rule for rule, *_ in found]
    script = desk / "styles" / "config" / "scripts" / "LongParagraphs.tengo"
    script.write_text(LONG_PARAGRAPHS_SCRIPT.replace("limit := 3", "limit := 10"), encoding="utf-8")
    proc, found = check(run_cli, desk)
    assert [rule for rule, *_ in found] == ["House.Placeholder", "House.Placeholder"]


def test_a_raw_script_runs_on_an_empty_article_too(run_cli, desk):
    # A "must contain" check: Vale runs a raw-scope rule on the whole file whatever it holds.
    style = desk / "styles" / "House"
    script_rule(style / "Byline.yml", "Add a byline.", "raw", "if !text.re_match(`(?m)^By [A-Z]`, scope) {",
                "  matches = append(matches, {begin: 0, end: 0})", "}")
    (desk / "story.md").write_text("", encoding="utf-8")
    proc, found = check(run_cli, desk)
    assert [(rule, line, col, message) for rule, line, col, _, message in found] == [
        ("House.Byline", 1, 1, "Add a byline.")]


DATELINE_ACTION = r"""text := import("text")

// A dateline city in capitals, as the wire sends it, written as the desk prints it: "LONDON" -> "London".
suggestions := []
if len(match) > 1 {
  suggestions = append(suggestions, text.to_upper(match[0:1]) + text.to_lower(match[1:]))
}
"""


def action_desk(tmp_path, rule: str, script_name: str, script: str, story: str):
    """A desk whose House style has one rule, Dateline.yml, and one action script in config/actions."""
    (tmp_path / ".vale.ini").write_text(VALE_INI)
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Dateline.yml").write_text(rule)
    actions = tmp_path / "styles" / "config" / "actions"
    actions.mkdir(parents=True)
    (actions / script_name).write_text(script)
    (tmp_path / "story.md").write_text(story)
    return tmp_path / "story.md"


def test_a_suggest_action_script_gives_the_fix(run_cli, tmp_path):
    # Vale runs a `suggest` action's Tengo file (config/actions) with the matched text as `match` and offers
    # what it leaves in `suggestions` (check/action.go); lintnews makes the first one an unsafe fix.
    story = action_desk(
        tmp_path, "extends: existence\nmessage: \"Write the dateline '%s' in title case.\"\nlevel: warning\n"
                  "raw: ['\\b[A-Z]{3,}(?= \\()']\naction:\n  name: suggest\n  params:\n    - Dateline.tengo\n",
        "Dateline.tengo", DATELINE_ACTION, "# Talks resume\n\nLONDON (Reuters) - Talks resumed on Monday, the BBC said.\n")
    proc = run_cli("check", "--format", "json", "story.md", cwd=tmp_path)
    found = json.loads(proc.stdout)
    assert proc.returncode == 1, proc.stderr.decode()
    assert [(f["rule"], f["text"], f["fix"] is not None) for f in found] == [("House.Dateline", "LONDON", True)]
    proc = run_cli("fix", "--unsafe-fixes", "story.md", cwd=tmp_path)
    assert story.read_text() == "# Talks resume\n\nLondon (Reuters) - Talks resumed on Monday, the BBC said.\n"


def test_an_action_script_that_does_not_parse_is_a_load_error(run_cli, tmp_path):
    action_desk(tmp_path, "extends: existence\nmessage: \"'%s'\"\nlevel: warning\ntokens: [LONDON]\n"
                          "action:\n  name: suggest\n  params: [Broken.tengo]\n",
                "Broken.tengo", "suggestions := [\n", "# Talks\n\nLONDON (Reuters) - Talks resumed.\n")
    proc = run_cli("check", "story.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "Dateline.yml: rule House.Dateline: key 'action': script does not parse" in err and "Traceback" not in err
