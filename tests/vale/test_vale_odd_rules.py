"""Rule files a Vale package may hold that Vale loads and runs, though they are odd: lintnews runs them as
Vale does, through the installed `lintnews` command, with no error (each rule written for these tests)."""

from __future__ import annotations

import json


def project(tmp_path, rules: dict[str, str], story: str) -> None:
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Desk\n")
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / f"{name}.yml").write_text(text)
    (tmp_path / "story.md").write_text(story)


def check(run_cli, cwd) -> tuple[int, str, list[tuple[int, int, str]]]:
    proc = run_cli("check", "--format", "json", "story.md", cwd=cwd)
    found = [(f["line"], f["column"], f["message"]) for f in json.loads(proc.stdout)]
    return proc.returncode, proc.stderr.decode(), found


MONEY = ("extends: substitution\nmessage: \"Write '%s', not '%s'.\"\nlevel: warning\nswap:\n"
         "  '(\\d+) dollars': '$$$1'\n  '(\\d+) per cent': '$2%'\n  '(\\w+) drive': 'D:\\$1'\n")


def test_a_replacement_is_read_as_vales_template_reads_it(run_cli, tmp_path):
    # Vale runs a replacement with $1 in it as a .NET template (regexp2): "$$" is a dollar sign, a
    # "$2" that names no group of its pattern stays as written, a backslash is a backslash. lintnews
    # stopped the rule on both of the last two ("internal error ... please report it").
    project(tmp_path, {"Money": MONEY}, "# Budget\n\nThe fund got 40 dollars, 12 per cent of it from the shared drive.\n")
    code, err, found = check(run_cli, tmp_path)
    assert code == 1 and "error:" not in err, err
    assert found == [(3, 14, "Write '$40', not '40 dollars'."),
                     (3, 26, "Write '$2%', not '12 per cent'."),
                     (3, 53, "Write 'D:\\shared', not 'shared drive'.")]


def test_a_consistency_rule_with_its_pairs_commented_out_runs_and_says_so(run_cli, tmp_path):
    # Vale decodes `either` as it decodes a substitution's `swap`: no entries is an empty map, and the
    # rule reports nothing. lintnews refused the file (exit 2) where it only warned for a substitution.
    rules = {"Spelling": "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\nlevel: error\n"
                         "either:\n  # adviser: advisor\n",
             "Hedge": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [reportedly]\n"}
    project(tmp_path, rules, "# Budget\n\nThe adviser reportedly met the advisor.\n")
    code, err, found = check(run_cli, tmp_path)
    assert code == 1, err
    assert "Desk.Spelling: key 'either' has no entries: the rule reports nothing (as in Vale)" in err
    assert "error:" not in err
    assert found == [(3, 13, "Avoid 'reportedly'.")]


def test_a_negative_limit_is_no_limit_as_in_vale(run_cli, tmp_path):
    # Vale counts an alert against a rule's limit only when the limit is above 0 (core/file.go AddAlert);
    # lintnews cut the last finding off (a list sliced to [:-1]).
    rules = {"Hedge": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\nlimit: -1\n"
                      "tokens: [reportedly, allegedly]\n"}
    project(tmp_path, rules, "# Budget\n\nThe adviser reportedly met the advisor, who allegedly left.\n")
    code, err, found = check(run_cli, tmp_path)
    assert code == 1, err
    assert found == [(3, 13, "Avoid 'reportedly'."), (3, 45, "Avoid 'allegedly'.")]


def test_a_dictionary_that_does_not_load_stops_only_vale_spelling_and_only_when_chosen(run_cli, tmp_path):
    # Vale.Spelling reads every dictionary in StylesPath/config/dictionaries. One that does not load
    # (an entry with nothing before its slash) stopped every run, with no findings, though the
    # configuration never chose Vale.Spelling; chosen, it is one line naming the dictionary, and the
    # other rules still report.
    project(tmp_path, {"Hedge": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [reportedly]\n"},
            "# Budget\n\nThe newsroom reportedly met the the mayor.\n")
    folder = tmp_path / "styles" / "config" / "dictionaries"
    folder.mkdir(parents=True)
    (folder / "desk.aff").write_text("SET UTF-8\nSFX A Y 1\nSFX A 0 s .\n")
    (folder / "desk.dic").write_text("2\nnewsroom/A\n/broken\n")
    code, err, found = check(run_cli, tmp_path)
    assert (code, err.strip().splitlines()[-1], found) == (
        1, "Found 1 finding (1 warning) in 1 file (none fixable by `lintnews fix`).", [(3, 14, "Avoid 'reportedly'.")])
    (tmp_path / ".vale.ini").write_text((tmp_path / ".vale.ini").read_text().replace("= Desk", "= Desk, Vale"))
    code, err, found = check(run_cli, tmp_path)
    assert code == 2 and "Traceback" not in err
    assert (f"error: story.md: built-in Vale style: rule Vale.Spelling: dictionary 'desk' in '{folder}' does not "
            "load: entry '/broken': a slash first or last; rule skipped") in err
    assert found == [(3, 14, "Avoid 'reportedly'."), (3, 29, "'the' is repeated!")]


def test_a_metric_formula_nested_too_deep_is_a_load_error_naming_the_file(run_cli, tmp_path):
    # A formula is walked by recursion: a thousand minus signs, or nine hundred terms added one to the
    # next, gave an internal error at every article ("RecursionError ... please report it").
    deep = "extends: metric\nmessage: \"Score %s\"\nlevel: warning\nformula: \"" + "-" * 990 + "words\"\ncondition: \"> 1\"\n"
    wide = ("extends: metric\nmessage: \"Words %s\"\nlevel: warning\nformula: \"(" + "+".join(["words"] * 300)
            + ") / 300\"\ncondition: \"> 1\"\n")
    project(tmp_path, {"Deep": deep, "Wide": wide}, "# Budget\n\nThe council met on Tuesday.\n")
    code, err, found = check(run_cli, tmp_path)
    assert code == 2 and "Traceback" not in err and "internal error" not in err
    assert f"{tmp_path / 'styles' / 'Desk' / 'Deep.yml'}: rule Desk.Deep: key 'formula': nested more than 500 deep" in err
    assert found == [(1, 1, "Words 5.00")]  # a long formula that is not too deep still runs


def test_values_of_another_type_are_read_as_vale_reads_them(run_cli, tmp_path):
    # Vale decodes rule files weakly typed (mapstructure's WeaklyTypedInput): a quoted number is a number,
    # "true" a bool, a number where text is wanted its text, one value where a list is wanted a list.
    # lintnews refused each of these files ("key 'max' must be an integer, not str").
    rules = {"Hedge": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\nignorecase: \"true\"\n"
                      "tokens: reportedly\n",
             "Long": "extends: occurrence\nmessage: \"More than %s commas.\"\nlevel: suggestion\nscope: sentence\n"
                     "max: \"2\"\ntoken: ','\n",
             "Year": "extends: existence\nmessage: 2024\nlevel: error\nnonword: 1\ntokens: [MMXXIV]\n"}
    story = ("# Budget\n\nThe adviser REPORTEDLY met the advisor, the clerk, the mayor, and the chief in MMXXIV.\n")
    project(tmp_path, rules, story)
    code, err, found = check(run_cli, tmp_path)
    assert code == 1 and "error:" not in err, err
    assert sorted(found) == [(3, 13, "Avoid 'REPORTEDLY'."), (3, 39, "More than 3 commas."), (3, 80, "2024")]


def test_a_value_vale_cannot_read_either_is_still_a_load_error(run_cli, tmp_path):
    rules = {"Long": "extends: occurrence\nmessage: \"Too long.\"\nlevel: suggestion\nscope: sentence\n"
                     "max: lots\ntoken: ','\n"}
    project(tmp_path, rules, "# Budget\n\nThe adviser met the advisor.\n")
    proc = run_cli("check", "story.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Long.yml" in proc.stderr.decode() and "key 'max' must be an integer, not str" in proc.stderr.decode()
