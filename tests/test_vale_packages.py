"""Vale packages as other teams write them: what their files do that Vale accepts, lintnews must too.

Each test is a small newsroom project (a .vale.ini, a style, an article) driven through the
installed `lintnews check`, as `vale .` would be run in that folder.
"""

from __future__ import annotations

import json

HEDGING = ("extends: existence\nmessage: \"Avoid hedging: '%s'.\"\nlevel: warning\nignorecase: true\n"
           "tokens:\n  - reportedly\n  - allegedly\n")


def project(tmp_path, ini: str, rules: dict[str, str], articles: dict[str, str], accept: str = ""):
    """A newsroom project: its .vale.ini, the Desk style, the articles, and the Desk vocabulary's accept.txt."""
    (tmp_path / ".vale.ini").write_text(ini)
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / name).write_text(text)
    for name, text in articles.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    if accept:
        vocab = tmp_path / "styles" / "config" / "vocabularies" / "Desk"
        vocab.mkdir(parents=True)
        (vocab / "accept.txt").write_text(accept)
    return tmp_path


def lint_project(run_cli, tmp_path, ini: str, rules: dict[str, str], articles: dict[str, str], accept: str = ""):
    """``lintnews check .`` in a new project: (path, line, column, rule) of each finding."""
    return found(run_cli, project(tmp_path, ini, rules, articles, accept), ".")


def found(run_cli, cwd, *args) -> list[tuple[str, int, int, str]]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return sorted((f["path"], f["line"], f["column"], f["rule"]) for f in json.loads(proc.stdout))


def test_a_value_continued_with_a_backslash_takes_the_next_lines(run_cli, tmp_path):
    # A Hugo newsroom's configuration: the shortcode patterns one per line, each line but the
    # last ending with "\" (go-ini joins them; Vale's Hugo package writes its TokenIgnores so).
    ini = ("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Desk\n"
           "# the embeds the CMS expands\n"
           "TokenIgnores = ({{< tweet [^>]* >}}), \\\n"
           "    ({{< figure [^>]* >}}), \\\n"
           "    ({{% quote [^%]* %}})\n")
    article = ("# Flood defences\n\nThe wall was reportedly finished in May.\n\n"
               '{{< figure caption="Workers allegedly left early" >}}\n\n'
               'A resident posted {{< tweet user="riverwatch" text="reportedly closed" >}} on Monday.\n\n'
               '{{% quote who="engineer" text="allegedly unsafe" %}}\n')
    # Only the hedge in the prose is flagged: all three shortcodes are ignored.
    assert lint_project(run_cli, tmp_path, ini, {"Hedging.yml": HEDGING}, {"floods.md": article}) == [("floods.md", 3, 14, "Desk.Hedging")]


def test_a_nonword_rule_is_not_excused_by_an_accepted_word(run_cli, tmp_path):
    # Vale's existence.go: the vocabulary excuses word rules only; a nonword pattern's span may
    # merely contain an accepted word ("Brexit!") and is still reported.
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\nVocab = Desk\n\n[*.md]\nBasedOnStyles = Desk\n"
    rules = {
        "Exclaim.yml": "extends: existence\nmessage: \"Avoid exclamation marks in copy: '%s'.\"\n"
                       "level: warning\nnonword: true\ntokens:\n  - '\\w+!'\n",
        "Slogans.yml": "extends: existence\nmessage: \"'%s' is a slogan.\"\nlevel: warning\n"
                       "tokens:\n  - Get Brexit done\n  - Brexit\n",
    }
    article = "# Vote\n\nThe minister called it a triumph for Brexit! Critics disagreed.\n"
    # Desk.Slogans (a word rule) is excused by the accepted "Brexit"; Desk.Exclaim is not.
    assert lint_project(run_cli, tmp_path, ini, rules, {"vote.md": article}, "Brexit\n") == [
        ("vote.md", 3, 38, "Desk.Exclaim")]


def test_tokens_are_one_pattern_as_vale_compiles_them(run_cli, tmp_path):
    # Vale joins the tokens into one regexp2 pattern: the second token's \2 names the group it
    # opens itself (the first token took group 1); a token whose \3 names its own still-open group
    # matches nothing, as in .NET; "{embed}" is a literal brace, not a quantifier.
    rules = {
        "Punctuation.yml": "extends: existence\nmessage: \"Repeated punctuation: '%s'.\"\nlevel: warning\n"
                           "nonword: true\ntokens:\n  - '([!?])\\1+'\n  - '([,;:])\\2+'\n"
                           "  - '(-(-)\\3{2,})'\n",
        "Embeds.yml": "extends: existence\nmessage: \"Embed the video with the player, not '%s'.\"\n"
                      "level: warning\nnonword: true\nscope: raw\n"
                      "tokens:\n  - '{embed} https://www\\.youtube\\.com/\\S+'\n",
    }
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Desk\n"
    article = ("# Storm\n\nWhat?? The roof came off;; nobody was hurt.\n\n"
               "The clean-up ---- began at dawn.\n\n{embed} https://www.youtube.com/watch?v=storm1\n")
    cwd = project(tmp_path, ini, rules, {"storm.md": article})
    proc = run_cli("check", "--format", "json", ".", cwd=cwd)
    assert b"error:" not in proc.stderr, proc.stderr  # every rule loads
    assert found(run_cli, cwd, ".") == [
        ("storm.md", 3, 5, "Desk.Punctuation"),
        ("storm.md", 3, 25, "Desk.Punctuation"),
        ("storm.md", 7, 1, "Desk.Embeds"),
    ]


def test_vale_repetition_within_a_sentence_any_case_across_lines(run_cli, tmp_path):
    # Current Vale's Vale.Repetition: "The the" counts (ignorecase), a repeat broken over two lines
    # of one sentence counts, and a word ending one sentence and starting the next does not.
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Vale\n"
    article = ("# Budget\n\nThe the council met on Tuesday and approved the plan\nplan for the bypass.\n\n"
               "Residents opposed the bypass. Bypass traffic would cross the estate.\n")
    assert [f for f in lint_project(run_cli, tmp_path, ini, {}, {"budget.md": article}) if f[3] == "Vale.Repetition"] == [
        ("budget.md", 3, 1, "Vale.Repetition"),
        ("budget.md", 3, 49, "Vale.Repetition"),
    ]


def test_substitution_replacements_are_text_and_the_match_is_not_trimmed(run_cli, tmp_path):
    # Current Vale's substitution.go: with a replace action, the replacement's options are text
    # ("..." is not a pattern that would excuse ",,,"); an empty replacement offers nothing; the
    # matched text is shown as matched ("vs " with its space).
    rules = {
        "Commas.yml": "extends: substitution\nmessage: \"Use one comma or an ellipsis.\"\nlevel: warning\n"
                      "nonword: true\naction:\n  name: replace\nswap:\n  ',{2,}': ',|...'\n",
        "Versus.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
                      "nonword: true\naction:\n  name: replace\nswap:\n  '\\b[Vv]s\\s': versus\n",
        "Filler.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
                      "action:\n  name: replace\nswap:\n  obviously: ''\n",
    }
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Desk\n"
    article = "# Derby\n\nArsenal vs Chelsea ended in a draw,, obviously a fair result,,, said the manager.\n"
    cwd = project(tmp_path, ini, rules, {"derby.md": article})
    proc = run_cli("check", "--format", "json", ".", cwd=cwd)
    got = sorted((f["column"], f["rule"], f["message"]) for f in json.loads(proc.stdout))
    assert got == [
        (9, "Desk.Versus", "Use 'versus' instead of 'vs '."),
        (35, "Desk.Commas", "Use one comma or an ellipsis."),
        (38, "Desk.Filler", "Use  instead of 'obviously'."),
        (61, "Desk.Commas", "Use one comma or an ellipsis."),
    ]
    # The fix replaces "vs" and keeps the space after it.
    run_cli("fix", "--unsafe-fixes", "--select", "Desk.Versus", "derby.md", cwd=cwd)
    assert "Arsenal versus Chelsea ended" in (cwd / "derby.md").read_text()


def test_comment_controls_as_current_vale_reads_them(run_cli, tmp_path):
    # vale-cli/vale's file.go: `= off`/`= on` as well as NO/YES; Rule["text"] silences one matched
    # text; a rule turned off stays off when its style is turned back on; an inline
    # <!-- vale off -->...<!-- vale on --> span inside a paragraph is left out (#1001).
    rules = {"Hedging.yml": HEDGING,
             "Jargon.yml": "extends: existence\nmessage: \"'%s' is jargon.\"\nlevel: warning\n"
                           "tokens:\n  - stakeholders\n  - synergy\n"}
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Desk\n"
    article = ("# Merger\n\n"
               "<!-- vale Desk.Jargon[\"synergy\"] = NO -->\n\n"
               "The firms reportedly promised synergy to stakeholders.\n\n"  # line 5: Hedging, stakeholders
               "<!-- vale Desk.Hedging = off -->\n\n<!-- vale Desk = off -->\n\n<!-- vale Desk = on -->\n\n"
               "The deal allegedly pleased stakeholders.\n\n"  # line 13: Jargon only (Hedging still off)
               "Quote: <!-- vale off -->stakeholders were thrilled<!-- vale on --> said the chair, citing synergy.\n")
    assert lint_project(run_cli, tmp_path, ini, rules, {"merger.md": article}) == [
        ("merger.md", 5, 11, "Desk.Hedging"),
        ("merger.md", 5, 42, "Desk.Jargon"),
        ("merger.md", 13, 28, "Desk.Jargon"),
    ]


def test_rule_files_vale_decodes_leniently_load(run_cli, tmp_path):
    # yaml.v2's Unmarshal reads the first of several documents; mapstructure reads a swap key with
    # no value as "" and a swap with every entry commented out as empty. Vale loads all three.
    rules = {
        "Titles.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
                      "swap:\n  Prime Minister's Office: Downing Street\n  Number Ten:\n",
        "Drafts.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
                      "swap:\n  # kickoff: kick-off\n",
        "Hedging.yml": HEDGING + "---\n# the older version, kept for reference\nextends: existence\n"
                                 "message: old\ntokens:\n  - apparently\n",
    }
    ini = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Desk\n"
    article = "# Briefing\n\nThe Prime Minister's Office reportedly said the kickoff was apparently delayed.\n"
    cwd = project(tmp_path, ini, rules, {"briefing.md": article})
    proc = run_cli("check", "--format", "json", ".", cwd=cwd)
    assert proc.returncode == 1 and b"error:" not in proc.stderr, proc.stderr
    assert b"Desk.Drafts: key 'swap' has no entries" in proc.stderr
    assert b"Desk.Hedging: only the first of its YAML documents is read" in proc.stderr
    assert found(run_cli, cwd, ".") == [("briefing.md", 3, 5, "Desk.Titles"), ("briefing.md", 3, 29, "Desk.Hedging")]


def test_each_section_keeps_its_own_token_and_block_ignores(run_cli, tmp_path):
    # Vale keeps BlockIgnores and TokenIgnores per section and applies a section's to a file when
    # its glob matches the file's extension, real (.markdown) or normalised (.md); a glob naming a
    # folder matches no extension, so it applies to nothing (internal/lint/html.go).
    ini = ("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Desk\n\n"
           "[*.md]\nTokenIgnores = ({{< [^>]* >}})\n\n"
           "[*.markdown]\nTokenIgnores = (\\[\\[[^\\]]*\\]\\])\n\n"
           "[news/*.md]\nBlockIgnores = (\\(\\([^)]*\\)\\))\n")
    text = ("# Flood\n\nThe wall was reportedly finished.\n\n"
            '{{< figure caption="allegedly breached" >}}\n\nEditors: [[allegedly?]] ((allegedly))\n')
    assert lint_project(run_cli, tmp_path, ini, {"Hedging.yml": HEDGING}, {"news/flood.md": text, "news/flood.markdown": text}) == [
        ("news/flood.markdown", 3, 14, "Desk.Hedging"),
        ("news/flood.markdown", 7, 27, "Desk.Hedging"),  # [*.md]'s and [*.markdown]'s ignores apply
        ("news/flood.md", 3, 14, "Desk.Hedging"),
        ("news/flood.md", 7, 12, "Desk.Hedging"),  # [*.markdown]'s ignore does not apply to .md
        ("news/flood.md", 7, 27, "Desk.Hedging"),  # [news/*.md] matches no extension
    ]
    # `lintnews config FILE` shows each section's ignores under the key they were given as.
    shown = run_cli("config", "news/flood.md", cwd=tmp_path).stdout.decode()
    blocks = shown.split("block-ignores:", 1)[1].split("token-ignores:", 1)[0]
    tokens = shown.split("token-ignores:", 1)[1].split("ignored-classes:", 1)[0]
    assert "[news/*.md]" in blocks and "[*.md]" not in blocks and "[*.markdown]" not in blocks
    assert "[*.md] ({{< [^>]* >}})" in tokens and "[*.markdown]" in tokens and "[news/*.md]" not in tokens


def test_a_sections_ignores_follow_the_extension_as_vale_normalises_it(run_cli, tmp_path):
    # Vale's [formats] maps an extension as written, then normalises it (internal/core/format.go
    # FormatFromExt): "mdx = markdown" makes an .mdx file's extension ".md", so [*.md]'s ignores apply
    # to it. An upper-case ".MD" is no ".md" to Vale (its format and glob lookups are case-sensitive),
    # as [*.md]'s styles do not select it here either.
    ini = ("StylesPath = styles\nMinAlertLevel = suggestion\n\n[formats]\nmdx = markdown\n\n"
           "[*]\nBasedOnStyles = Desk\n\n[*.md]\nTokenIgnores = ({{< [^>]* >}})\n")
    text = '# Flood\n\nThe wall was reportedly finished.\n\n{{< figure caption="allegedly breached" >}}\n'
    cwd = project(tmp_path, ini, {"Hedging.yml": HEDGING}, {"news/flood.mdx": text, "news/FLOOD.MD": text})
    assert found(run_cli, cwd, "news/flood.mdx", "news/FLOOD.MD") == [
        ("news/FLOOD.MD", 3, 14, "Desk.Hedging"),
        ("news/FLOOD.MD", 5, 21, "Desk.Hedging"),
        ("news/flood.mdx", 3, 14, "Desk.Hedging"),
    ]


def test_conditional_reads_rendered_markdown_and_checks_presence(run_cli, tmp_path):
    # Current Vale's conditional.go: a `second` with no group only has to stand in the block (#1048);
    # a Markdown block is read rendered, so a definition with a link inside it still defines.
    rules = {
        "Acronyms.yml": "extends: conditional\nmessage: \"'%s' has no definition.\"\nlevel: warning\n"
                        "first: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n",
        "Byline.yml": "extends: conditional\nmessage: \"A 'Correction' needs a 'Corrected on' date.\"\n"
                      "level: warning\nfirst: '\\bCorrection\\b'\nsecond: 'Corrected on'\n",
    }
    ini = "StylesPath = styles\n\n[*.md]\nBasedOnStyles = Desk\n"
    article = ("# Vaccines\n\nThe World Health Organization ([WHO](https://who.int)) said the WHO would review "
               "the data. The CDC disagreed.\n\nCorrection: an earlier version misnamed the agency.\n\n"
               "Correction: the figures were updated. Corrected on 3 May.\n")
    assert lint_project(run_cli, tmp_path, ini, rules, {"vaccines.md": article}) == [
        ("vaccines.md", 3, 96, "Desk.Acronyms"), ("vaccines.md", 5, 1, "Desk.Byline")]


def test_vocabulary_patterns_and_phrases_as_current_vale_reads_them(run_cli, tmp_path):
    # Vale.Terms takes every accepted term, a pattern too, and shows a pattern for one spelling as
    # that spelling (#997); a match inside an accepted phrase of several words is excused (#1035).
    rules = {"Latin.yml": "extends: existence\nmessage: \"Avoid Latin: '%s'.\"\nlevel: warning\ntokens:\n  - culpa\n"}
    ini = "StylesPath = styles\nVocab = Desk\n\n[*.md]\nBasedOnStyles = Vale, Desk\n"
    article = ("# Hotel\n\nThe minister offered a mea culpa over the free wi-fi bill.\n\n"
               "Guests said the culpa was his, and the WiFi was slow.\n")
    cwd = project(tmp_path, ini, rules, {"hotel.md": article}, "Wi-?Fi\nmea culpa\nminister\n")
    proc = run_cli("check", "--format", "json", ".", cwd=cwd)
    got = sorted((f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(proc.stdout)
                 if f["rule"] != "Vale.Spelling")
    assert got == [(3, 48, "Vale.Terms", "Use 'Wi-Fi' instead of 'wi-fi'."),
                   (5, 17, "Desk.Latin", "Avoid Latin: 'culpa'.")]


def test_a_vale_rule_reads_a_raw_html_table_in_markdown(run_cli, tmp_path):
    # Vale renders a Markdown article and reads its raw HTML blocks as HTML: a results table pasted
    # from the CMS has its <caption> (table.caption) and cells (table.cell) read by a Vale rule.
    rules = {"Todo.yml": "extends: existence\nmessage: \"'%s' left in the copy.\"\nlevel: warning\n"
                         "scope:\n  - table.caption\n  - table.cell\ntokens:\n  - TK\n  - TODO\n",
             "Pending.yml": "extends: existence\nmessage: \"'%s' is still to confirm.\"\nlevel: warning\n"
                            "tokens:\n  - TBC\n"}
    ini = "StylesPath = styles\nIgnoredClasses = boilerplate\n\n[*.md]\nBasedOnStyles = Desk\n"
    article = ("# Election results\n\nTurnout was TK per cent, officials said.\n\n"
               "<table>\n  <caption>Results by ward (TODO: final count)</caption>\n"
               "  <tr><th>Ward</th><th>Votes</th></tr>\n  <tr><td>North</td><td>TK</td></tr>\n</table>\n\n"
               '<p class="boilerplate">Figures TBC.</p>\n\n<div>\nThe recount date is TBC.\n</div>\n')
    # The paragraph's TK is no table text; the caption's TODO and the cell's TK are; an element
    # with an ignored class is skipped, as Vale skips it.
    assert lint_project(run_cli, tmp_path, ini, rules, {"results.md": article}) == [
        ("results.md", 6, 29, "Desk.Todo"), ("results.md", 8, 25, "Desk.Todo"), ("results.md", 14, 21, "Desk.Pending")]


def test_a_vale_rule_reads_front_matter_values(run_cli, tmp_path):
    # Current Vale lints each string value of the front matter as a block of scope
    # text.frontmatter.KEY (internal/lint/metadata.go): a "text" rule reads every value, a
    # "text.frontmatter.title" rule the title alone.
    rules = {"Todo.yml": "extends: existence\nmessage: \"'%s' left in the copy.\"\nlevel: warning\n"
                         "tokens:\n  - TK\n",
             "Headline.yml": "extends: capitalization\nmessage: \"'%s' should be in sentence case.\"\n"
                             "level: warning\nscope: text.frontmatter.title\nmatch: $sentence\n"}
    ini = "StylesPath = styles\n\n[*.md]\nBasedOnStyles = Desk\n"
    article = ('---\ntitle: "Council Approves New Budget"\nsummary: "The vote was TK to 4."\nauthor: TK\n---\n\n'
               "The council approved the budget on Tuesday.\n")
    assert lint_project(run_cli, tmp_path, ini, rules, {"budget.md": article}) == [
        ("budget.md", 2, 9, "Desk.Headline"), ("budget.md", 3, 24, "Desk.Todo"), ("budget.md", 4, 9, "Desk.Todo")]
