"""House rules a style editor writes from the README, with the mistakes a first rule file has.

Each mistake is one line naming the file (and the line where it is known) and the problem, exit 2,
through the installed `lintnews check`; what the README allows (a rule replacing a built-in one, a
Vale package as Vale reads it) is a warning and the run goes on.
"""

from __future__ import annotations

import json

ARTICLE = ("# Council approves budget\n\n"
           "The council met on Tuesday and approved the budget for the new library.\n")
EXISTENCE = "extends: existence\nmessage: \"Avoid '%s'.\"\n"


def desk(tmp_path, rules: dict[str, str], article: str = ARTICLE, style: str = "House"):
    """A desk's project: ``styles/<style>/<Name>.yml`` and one article; the article's path."""
    folder = tmp_path / "styles" / style
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rules.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    path = tmp_path / "a.md"
    path.write_text(article, encoding="utf-8")
    return path


def check(run_cli, tmp_path, *args):
    """``lintnews check --styles styles`` in tmp_path: (exit code, findings as (rule, line), stderr lines)."""
    proc = run_cli("check", "--format", "json", "--styles", "styles", *args, "a.md", cwd=tmp_path)
    findings = [(f["rule"], f["line"]) for f in json.loads(proc.stdout or b"[]")]
    return proc.returncode, findings, proc.stderr.decode().splitlines()


def only_error(lines: list[str], name: str) -> str:
    """The one error line about rule file ``name``."""
    said = [line for line in lines if line.startswith("error:") and f"/{name}.yml" in line]
    assert len(said) == 1, lines
    return said[0]


def test_a_key_given_twice_is_an_error_naming_both_lines(run_cli, tmp_path):
    desk(tmp_path, {"Council": EXISTENCE + "tokens: [council]\nlevel: error\ntokens: [library]\n"})
    code, findings, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 2 and findings == []  # neither list is used: the file is refused
    line = only_error(lines, "Council")
    assert "key 'tokens' is given twice, at lines 3 and 5" in line and "styles/House/Council.yml" in line


def test_a_swap_entry_given_twice_is_an_error_in_a_lintnews_rule(run_cli, tmp_path):
    desk(tmp_path, {"Words": "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nquotes: skip\n"
                             "swap:\n  utilise: use\n  approved: passed\n  utilise: employ\n"})
    code, _, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 2
    assert "key 'utilise' in 'swap' is given twice, at lines 5 and 7" in only_error(lines, "Words")


def test_a_vale_package_repeating_a_swap_entry_loads_as_vale_reads_it_with_a_warning(run_cli, tmp_path):
    # DigitalOcean's GenderBias.yml gives 'manpower' twice, with two values; Vale keeps the second.
    desk(tmp_path, {"Bias": "extends: substitution\nmessage: \"Consider using '%s' instead of '%s'.\"\n"
                            "swap:\n  manpower: personnel\n  council: board\n  manpower: staff\n"})
    (tmp_path / "a.md").write_text("# Jobs\n\nThe council cut manpower.\n")
    code, findings, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 1 and findings == [("House.Bias", 3), ("House.Bias", 3)]
    warned = [line for line in lines if "given twice" in line]
    assert len(warned) == 1 and warned[0].startswith("warning:") and "at lines 4 and 6" in warned[0]
    assert "the second is read, as Vale reads it" in warned[0]


def test_an_empty_rule_file_says_so(run_cli, tmp_path):
    desk(tmp_path, {"Empty": "", "Comments": "# to do: the council's words\n",
                    "Council": EXISTENCE + "tokens: [council]\n"})
    code, findings, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 2 and findings == [("House.Council", 3)]  # the rest of the style runs
    for name in ("Empty", "Comments"):
        line = only_error(lines, name)
        assert "the file is empty" in line and "NoneType" not in line


def test_a_rule_file_that_is_a_list_names_what_it_is(run_cli, tmp_path):
    desk(tmp_path, {"Listed": "- extends: existence\n- message: x\n"})
    _, _, lines = check(run_cli, tmp_path)
    line = only_error(lines, "Listed")
    assert "must be a mapping of keys" in line and "not a list" in line


def test_an_unknown_scope_lists_every_accepted_one_and_the_nearest(run_cli, tmp_path):
    desk(tmp_path, {"Vale": EXISTENCE + "scope: bodyy\ntokens: [council]\n",  # Vale's keys only
                    "Own": EXISTENCE + "scope: paragrph\nquotes: skip\ntokens: [council]\n"})  # lintnews's
    code, _, lines = check(run_cli, tmp_path)
    assert code == 2
    vale, own = only_error(lines, "Vale"), only_error(lines, "Own")
    assert "did you mean 'body'?" in vale and "did you mean 'paragraph'?" in own
    for line in (vale, own):
        for scope in ("body", "text", "title", "heading", "paragraph", "sentence", "list", "blockquote", "table",
                      "raw"):
            assert f" {scope}," in line or f" {scope};" in line, (scope, line)


def test_an_unknown_language_in_a_rule_is_the_error_the_configuration_gives(run_cli, tmp_path):
    desk(tmp_path, {"Aussie": EXISTENCE + "languages: [en-AU]\ntokens: [council]\n",
                    "Case": EXISTENCE + "languages: [en-gb]\ntokens: [council]\n",
                    "British": EXISTENCE + "languages: [en-GB]\ntokens: [library]\n"})
    code, findings, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 2 and findings == []  # House.British is for en-GB articles; the default language is en-US
    aussie = only_error(lines, "Aussie")
    assert "unknown language 'en-AU'" in aussie and "en-US, en-GB" in aussie
    assert "did you mean 'en-GB'?" in only_error(lines, "Case")
    (tmp_path / "lintnews.yaml").write_text("language: en-GB\n")
    code, findings, _ = check(run_cli, tmp_path, "--select", "House")
    assert findings == [("House.British", 3)]


def test_a_negative_limit_is_an_error_in_a_lintnews_rule_and_a_warning_in_a_vale_one(run_cli, tmp_path):
    desk(tmp_path, {"Own": EXISTENCE + "limit: -1\nquotes: skip\ntokens: [council]\n",
                    "Vale": EXISTENCE + "limit: -1\ntokens: [library]\n"})
    code, findings, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 2 and findings == [("House.Vale", 3)]  # Vale reads a negative limit as none
    assert "key 'limit' must be 0 or more (0: no limit), not -1" in only_error(lines, "Own")
    assert any(line.startswith("warning:") and "/Vale.yml" in line and "read as no limit" in line for line in lines)


def test_a_message_the_kind_cannot_fill_is_an_error_at_load_time(run_cli, tmp_path):
    desk(tmp_path, {"Count": "extends: existence\nmessage: \"m foo %s %d\"\nquotes: skip\ntokens: [council]\n",
                    "Twice": "extends: existence\nmessage: \"'%s' or '%s'?\"\nquotes: skip\ntokens: [council]\n",
                    "Swap": "extends: substitution\nmessage: \"Use '%s', not '%s'.\"\nquotes: skip\n"
                            "swap:\n  approved: passed\n",
                    "Percent": "extends: existence\nmessage: \"'%s': 50% of readers stop here.\"\nquotes: skip\n"
                               "tokens: [library]\n"})
    code, findings, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 2 and sorted(findings) == [("House.Percent", 3), ("House.Swap", 3)]
    assert "'%d' is not a placeholder kind 'existence' fills (use '%s')" in only_error(lines, "Count")
    assert "key 'message' has 2 '%s' but kind 'existence' fills 1" in only_error(lines, "Twice")


def test_a_vale_rule_message_with_a_verb_loads_as_vale_loads_it_with_a_warning(run_cli, tmp_path):
    desk(tmp_path, {"Vale": "extends: existence\nmessage: \"m foo %s %d\"\ntokens: [council]\n"})
    code, findings, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 1 and findings == [("House.Vale", 3)]
    assert any(line.startswith("warning:") and "'%d' is not a placeholder" in line for line in lines)


def test_a_pattern_message_the_kind_cannot_fill_is_an_error(run_cli, tmp_path):
    desk(tmp_path, {"Idiom": "extends: pattern\nmessage: \"'%s'.\"\npatterns:\n"
                             "  - tokens:\n      - {word: could, mark: true}\n      - {word: care}\n"
                             "    message: \"'%s' in %s\"\n"})
    code, _, lines = check(run_cli, tmp_path, "--select", "House")
    assert code == 2 and "key 'patterns[0].message' has 2 '%s'" in only_error(lines, "Idiom")


def test_a_rule_replacing_a_built_in_one_says_so_once_naming_both_files(run_cli, tmp_path):
    desk(tmp_path, {"DoubledWord": EXISTENCE + "tokens: [council]\n"}, style="News")
    code, findings, lines = check(run_cli, tmp_path, "--select", "News.DoubledWord")
    assert code == 1 and findings == [("News.DoubledWord", 3)]  # the house's rule, not the built-in one
    warned = [line for line in lines if "replaces" in line]
    assert len(warned) == 1 and warned[0].startswith("warning:")
    assert "styles/News/DoubledWord.yml" in warned[0] and "the built-in rule" in warned[0]
    assert "News/DoubledWord.yml)" in warned[0]  # the built-in file, named too
    code, _, _ = check(run_cli, tmp_path, "--select", "News.DoubledWord", "--strict")
    assert code == 1  # on purpose is allowed: --strict does not count it


def test_two_styles_folders_with_one_id_the_later_wins_with_a_warning(run_cli, tmp_path):
    desk(tmp_path, {"Council": EXISTENCE + "tokens: [council]\n"})
    later = tmp_path / "desk" / "House"
    later.mkdir(parents=True)
    (later / "Council.yml").write_text(EXISTENCE + "tokens: [library]\n")
    proc = run_cli("check", "--format", "json", "--styles", "styles", "--styles", "desk", "--styles", "styles",
                   "--select", "House", "a.md", cwd=tmp_path)
    assert [f["text"] for f in json.loads(proc.stdout)] == ["council"]  # the last folder named wins
    warned = [line for line in proc.stderr.decode().splitlines() if "replaces" in line]
    assert len(warned) == 2 and all("in an earlier styles folder" in line for line in warned)
    # The same folder named twice (a configuration's styles and --styles) is no replacement.
    proc = run_cli("check", "--styles", "styles", "--styles", "styles", "--select", "House", "a.md", cwd=tmp_path)
    assert b"replaces" not in proc.stderr


def test_selecting_a_rule_whose_file_did_not_load_says_so(run_cli, tmp_path):
    desk(tmp_path, {"P2": "", "P3": EXISTENCE + "tokens: [council]\n"})
    code, _, lines = check(run_cli, tmp_path, "--select", "House.P2")
    assert code == 2
    assert lines[-1] == "error: rule 'House.P2' in --select on the command line did not load (see the error above)"
    assert not any("did you mean" in line for line in lines)
    (tmp_path / "lintnews.yaml").write_text("select: [House.P2]\n")
    proc = run_cli("check", "--styles", "styles", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and b"rule 'House.P2' in 'select' did not load" in proc.stderr


def test_a_bad_rule_file_is_an_error_on_every_run_not_only_the_first(run_cli, tmp_path):
    desk(tmp_path, {"Empty": "", "Council": EXISTENCE + "tokens: [council]\n"})
    for _ in range(2):  # the results cache never turns the second run clean
        code, findings, lines = check(run_cli, tmp_path, "--select", "House")
        assert code == 2 and findings == [("House.Council", 3)]
        assert "the file is empty" in only_error(lines, "Empty")


def commented(run_cli, tmp_path, article: str):
    """Check ``article`` (a.md, built-in rules): its process, its findings (rule, line), its warning and
    error lines, in the order they came."""
    desk(tmp_path, {}, article=article)
    proc = run_cli("check", "--format", "json", "a.md", cwd=tmp_path)
    lines = [line for line in proc.stderr.decode().splitlines() if line.startswith(("warning", "error"))]
    return proc, [(f["rule"], f["line"]) for f in json.loads(proc.stdout)], lines


def test_a_typo_in_a_suppression_comment_is_a_warning_with_the_nearest_id(run_cli, tmp_path):
    proc, found, lines = commented(run_cli, tmp_path, (
        "# Council approves budget\n\n<!-- lintnews-disable News.DoubleWord -->\n"
        "The the council met on Tuesday.\n\n<!-- lintnews-disable-next-line News.DoubledWord -->\n"
        "The the budget passed.\n"))
    assert found == [("News.DoubledWord", 4)]
    assert lines == ["warning: a.md:3: 'lintnews-disable' names no rule: 'News.DoubleWord' "
                     "(did you mean 'News.DoubledWord'?)"]
    assert proc.returncode == 1
    # --report-unused-suppressions still reports it as unused, as before.
    proc = run_cli("check", "--format", "json", "--report-unused-suppressions", "a.md", cwd=tmp_path)
    unused = [(f["rule"], f["line"]) for f in json.loads(proc.stdout) if f["rule"] == "Lintnews.UnusedSuppression"]
    assert unused == [("Lintnews.UnusedSuppression", 3)]


def test_a_typo_in_a_vale_comment_control_is_a_warning(run_cli, tmp_path):
    # Vale passes over a control that names no rule, or that is no control at all, in silence; the comment
    # then turns nothing off. A check says so, as for a lintnews-disable comment.
    _, found, lines = commented(run_cli, tmp_path, (
        "# Council approves budget\n\n<!-- vale News.DoubledWrd = NO -->\n\nThe the council met.\n\n"
        "<!-- vale News.DoubledWord = NOPE -->\n\n<!-- vale Newz = NO -->\n\n"
        "<!-- vale News.DoubledWord = NO -->\n\nThe the budget passed.\n"))
    assert found == [("News.DoubledWord", 5)]
    assert lines == [
        "warning: a.md:3: the Vale comment names no rule: 'News.DoubledWrd' (did you mean 'News.DoubledWord'?)",
        "warning: a.md:7: not a Vale comment control: 'vale News.DoubledWord = NOPE' (Vale reads "
        "'vale Style.Rule = NO' or YES, 'vale Style = NO', 'vale off', 'vale on')",
        "warning: a.md:9: the Vale comment names no style: 'Newz' (did you mean 'News'?)",
    ]


def test_a_suppression_naming_a_rule_left_out_by_select_is_no_typo(run_cli, tmp_path):
    article = ("# Council approves budget\n\n<!-- lintnews-disable News.Spelling, LanguageTool.MORFOLOGIK_RULE_EN_US -->\n"
               "The council met on Tuesday.\n")
    desk(tmp_path, {}, article=article)
    proc = run_cli("check", "--select", "News.DoubledWord", "a.md", cwd=tmp_path)
    assert proc.returncode == 0 and b"names no rule" not in proc.stderr


def test_batch_says_a_rule_file_did_not_load_and_exits_2(run_cli, tmp_path):
    desk(tmp_path, {"Empty": "", "Council": EXISTENCE + "tokens: [council]\n"})
    (tmp_path / "archive.jsonl").write_text('{"id": 7, "title": "Budget", "body": "The council met on Tuesday."}\n')
    proc = run_cli("batch", "--styles", "styles", "--select", "House", "archive.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert [json.loads(line)["rule"] for line in proc.stdout.decode().splitlines()] == ["House.Council"]
    assert "the file is empty" in proc.stderr.decode()
    proc = run_cli("batch", "--styles", "styles", "--select", "House.Empty", "archive.jsonl", cwd=tmp_path)
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and "the file is empty" in lines[0]
    assert lines[-1] == "error: rule 'House.Empty' in --select on the command line did not load (see the error above)"
