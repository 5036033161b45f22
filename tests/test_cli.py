"""The installed `lintnews` command, as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

BAD = "A headline about troops\n\nThe the troops left.\n"
CLEAN = "A headline about troops\n\nThe troops left.\n"


def test_clean_file_exits_0(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN)
    proc = run_cli("check", tmp_path / "a.txt")
    assert proc.returncode == 0
    assert b"All clean: no findings in 1 file." in proc.stdout


def test_select_and_ignore_by_id_and_prefix(run_cli, seed_copy):
    proc = run_cli("check", "--format", "json", "--select", "News.DoubledSpeechVerb,News.ThousandsSeparator", seed_copy)
    assert {f["rule"] for f in json.loads(proc.stdout)} == {"News.DoubledSpeechVerb", "News.ThousandsSeparator"}
    proc = run_cli("check", "--format", "json", "--select", "News.", "--ignore", "News.Doubled", seed_copy)
    assert proc.returncode == 2  # a prefix ends at a dot: "News.Doubled" names no rule
    assert b"unknown rule id or prefix 'News.Doubled'" in proc.stderr
    proc = run_cli("check", "--format", "json", "--ignore", "News.NoBreakSpace", "--ignore", "News.UnattributedClaim", seed_copy)
    rules = [f["rule"] for f in json.loads(proc.stdout)]
    assert "News.NoBreakSpace" not in rules and "News.UnattributedClaim" not in rules and len(rules) == 9


def test_unknown_rule_id_is_exit_2(run_cli, seed_copy):
    proc = run_cli("check", "--select", "News.Nope", seed_copy)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "error: unknown rule id or prefix 'News.Nope' in --select on the command line (see `lintnews rules`)"


def test_json_has_positions_and_fixes(run_cli, seed_copy):
    findings = json.loads(run_cli("check", "--format", "json", seed_copy).stdout)
    hi = next(f for f in findings if f["rule"] == "News.Confusables")
    assert (hi["line"], hi["column"], hi["end_line"], hi["end_column"], hi["text"]) == (7, 25, 7, 27, "hi")
    assert hi["fix"]["applicability"] == "safe"
    assert hi["fix"]["edits"][0]["content"] == "his"
    assert hi["severity"] == "error"


def test_stdin_check_and_fix(run_cli):
    proc = run_cli("check", "--format", "concise", "-", input=BAD.encode())
    assert proc.returncode == 1
    assert b"-:3:1: suggestion: News.DoubledWord [*] 'The the': a word is doubled." in proc.stdout
    proc = run_cli("fix", "-", input=BAD.encode())
    assert proc.returncode == 0
    assert proc.stdout == CLEAN.encode()
    assert b"Fixed 1 finding in 1 file; 0 remaining." in proc.stderr


def test_bad_inputs_are_reported_and_others_still_checked(run_cli, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Title\n\n\xff\xfe broken\n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "good.txt").write_text(BAD)
    proc = run_cli("check", "--format", "concise", tmp_path / "bad.txt", tmp_path / "bin.txt",
                   tmp_path / "missing.txt", tmp_path / "good.txt")
    err = proc.stderr.decode().splitlines()
    assert proc.returncode == 2
    assert err == [  # missing paths are known first, then each file in order
        f"error: {tmp_path / 'missing.txt'}: no such file or directory",
        f"error: {tmp_path / 'bad.txt'}: invalid UTF-8 at byte 7 (line 3): invalid start byte; "
        "lintnews reads UTF-8: if it was saved as Windows-1252 or Latin-1, convert it, e.g. iconv -f CP1252 -t UTF-8",
        f"error: {tmp_path / 'bin.txt'}: binary file (contains NUL bytes), not an article",
    ]
    assert b"good.txt:3:1: suggestion: News.DoubledWord" in proc.stdout


def test_bad_rule_file_is_exit_2_with_one_line(run_cli, tmp_path, seed_copy):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Bad.yml").write_text("extends: existence\nmessage: m\ntokens: ['(']\n")
    proc = run_cli("check", "--styles", tmp_path / "styles", seed_copy)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and "House/Bad.yml: rule House.Bad: key 'tokens': bad regex" in lines[0]


def test_user_style_adds_a_rule(run_cli, tmp_path):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Utilize.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nfix: safe\n"
        "swap:\n  utilize: use\n")
    article = tmp_path / "a.txt"
    article.write_text("A headline about drones\n\nWe utilize drones.\n")
    proc = run_cli("check", "--format", "concise", "--styles", tmp_path / "styles", article)
    assert b"a.txt:3:4: warning: House.Utilize [*] Use 'use' instead of 'utilize'." in proc.stdout
    proc = run_cli("fix", "--styles", tmp_path / "styles", article)
    assert proc.returncode == 0
    assert article.read_text() == "A headline about drones\n\nWe use drones.\n"


def test_unsafe_fixes_need_the_flag(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("A headline about the town\n\nThe town fund holds €12.500.\n")  # a price could be decimal
    run_cli("fix", article)
    assert "12.500" in article.read_text()
    run_cli("fix", "--unsafe-fixes", article)
    assert "€12,500" in article.read_text()


def test_fix_keeps_bom_and_crlf_and_touches_only_edits(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    original = b"\xef\xbb\xbfA headline about troops\r\n\r\nThe the troops left.  \r\n\r\nThey came back.\r\n"
    article.write_bytes(original)
    proc = run_cli("fix", article)
    assert proc.returncode == 0
    assert article.read_bytes() == b"\xef\xbb\xbfA headline about troops\r\n\r\nThe troops left.\r\n\r\nThey came back.\r\n"


def test_folder_walk_is_sorted_and_skips_other_files(run_cli, tmp_path):
    (tmp_path / "b.txt").write_text(BAD)
    (tmp_path / "a.md").write_text(BAD)
    (tmp_path / "notes.csv").write_text(BAD)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(BAD)
    proc = run_cli("check", "--format", "json", tmp_path)
    paths = [f["path"] for f in json.loads(proc.stdout)]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]


def test_rules_lists_every_rule(run_cli):
    out = run_cli("rules").stdout.decode().splitlines()
    assert out[0].split() == ["ID", "KIND", "LEVEL", "FIX", "DESCRIPTION"]
    row = next(line for line in out if line.startswith("News.DuplicateTitle"))
    assert row.split()[1:4] == ["duplicate-title", "error", "safe"]
    claim = next(line for line in out if line.startswith("News.UnattributedClaim"))
    assert claim.split()[1:4] == ["attribution", "suggestion", "-"]
    from lintnews.rules.loader import builtin_styles_dir

    rows = [line for line in out[1:] if line.startswith("News.")]
    assert len(rows) == len(list(builtin_styles_dir().glob("*/*.yml")))
    assert out[-1] == "LanguageTool backend: off (no url configured)"


def test_rules_show_explains_with_examples(run_cli):
    """`rules show` prints the rule's documentation page (docs/rules/News/Confusables.md)."""
    proc = run_cli("rules", "show", "News.Confusables")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert out.startswith("# News.Confusables\n")
    assert "| Kind | `confusion` (`lintnews kinds confusion` lists its keys) |\n| Level | error |" in out
    assert ("Flagged, and what the rule file says `lintnews fix` makes of it (`lintnews rules test` checks that it does):\n\n```text\nBudget\n\n"
            "The company wants to focus on it's own shareholders.") in out
    assert "Since the first days of hi elections campaign" in out
    assert "becomes\n\n```text\nBudget\n\nThe company wants to focus on its own shareholders." in out
    assert "Left alone:\n\n```text\n" in out and "He stopped to say hi to the crowd." in out
    assert "## Options" in out and "`sets`:\n\n```yaml\nsets:\n  hi: [hi, his]" in out
    assert run_cli("rules", "show", "News.Nope").returncode == 2


def test_rules_show_and_docs_take_styles_after_the_subcommand_too(run_cli, tmp_path):
    house = tmp_path / "styles" / "House"
    house.mkdir(parents=True)
    (house / "Utilize.yml").write_text("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
                                       "level: warning\nswap:\n  utilize: use\n")
    styles = str(tmp_path / "styles")
    after = run_cli("rules", "show", "--styles", styles, "House.Utilize")
    before = run_cli("rules", "--styles", styles, "show", "House.Utilize")
    assert after.returncode == before.returncode == 0
    assert after.stdout == before.stdout and after.stdout.decode().startswith("# House.Utilize\n")
    assert run_cli("rules", "show", "House.Utilize").returncode == 2  # not without the folder
    out = tmp_path / "pages"
    assert run_cli("rules", "docs", "--styles", styles, out).returncode == 0
    assert (out / "House" / "Utilize.md").is_file()


def test_diff_of_clean_file_is_empty_and_exit_0(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN)
    proc = run_cli("fix", "--diff", tmp_path / "a.txt")
    assert proc.returncode == 0 and proc.stdout == b""


def test_no_rules_at_all_is_a_usage_error(run_cli, seed_copy):
    proc = run_cli("check", "--no-default-rules", seed_copy)
    assert proc.returncode == 2
    assert b"no rules to run" in proc.stderr and b"All clean" not in proc.stdout


def test_unsafe_fixes_are_not_counted_as_fixable(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("A headline about the town\n\nThe town fund holds €12.500.\n")
    out = run_cli("check", article).stdout.decode()
    assert "News.ThousandsSeparator '12.500'" in out  # no [*]: plain fix would not apply it
    assert out.rstrip().endswith("Found 1 finding (1 error) in 1 file (1 fixable only with --unsafe-fixes).")


def test_kinds_and_config_keys_show_every_key_with_its_help(run_cli):
    listing = run_cli("kinds").stdout.decode()
    assert "existence " in listing and "substitution " in listing
    existence = run_cli("kinds", "existence").stdout.decode()
    assert "    ignorecase  (true or false, default false)\n        match regardless of case" in existence
    substitution = run_cli("kinds", "substitution").stdout.decode()
    assert "`swap` maps a pattern" in substitution and "``" not in substitution  # no reStructuredText markup
    shared = run_cli("kinds", "shared").stdout.decode()
    assert "    level  (error | warning | suggestion, default \"warning\")" in shared
    keys = run_cli("config", "--keys").stdout.decode()
    assert "    fail-on  (error | warning | suggestion, default \"suggestion\")" in keys
    assert "Keys of each per-path section" in keys and "    timeout  (a number, default 5)" in keys
    # A kind with nested mappings shows their keys too.
    pattern = run_cli("kinds", "pattern").stdout.decode()
    assert "Keys of each entry of patterns:" in pattern and "    not-before  (a mapping)" in pattern
    assert "Keys of each token" in pattern and "    skip-over  (a mapping)" in pattern
    proc = run_cli("kinds", "existance")
    assert proc.returncode == 2 and proc.stderr.decode().startswith("error: unknown kind 'existance'")


def test_show_fixes_counts_fixes_in_english(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Troops\n\nThe the troops left.\nIt was 450.000 people.\n", encoding="utf-8")
    proc = run_cli("fix", "--show-fixes", article)
    assert f"{article}: applied 2 fixes" in proc.stdout.decode() + proc.stderr.decode()


def test_show_fixes_in_concise_format_puts_each_fix_on_its_findings_line(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Port\n\nThey don t know when the  harbor opens.\n")
    lines = run_cli("check", "--isolated", "--format", "concise", "--show-fixes", article).stdout.decode().splitlines()
    assert lines[:2] == [
        f"{article}:3:6: error: News.StrippedApostrophe [*] Write 'don't', not 'don t': the apostrophe was lost."
        " = fix (safe): Write 'don't'",
        f"{article}:3:25: warning: News.MultipleSpaces [*] Several spaces in a row. = fix (safe): Leave one space",
    ]
    plain = run_cli("check", "--isolated", "--format", "concise", article).stdout.decode().splitlines()
    assert plain[1] == f"{article}:3:25: warning: News.MultipleSpaces [*] Several spaces in a row."


def test_show_links_in_concise_format_puts_the_rule_page_on_the_findings_line(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Port\n\nThe the harbor opens.\n")
    (tmp_path / "lintnews.yaml").write_text("docs-url: https://desk.example/lintnews/rules\n")
    lines = run_cli("check", "--format", "concise", "--show-links", article).stdout.decode().splitlines()
    assert lines[0] == (f"{article}:3:1: suggestion: News.DoubledWord [*] 'The the': a word is doubled."
                        " = see https://desk.example/lintnews/rules/News/DoubledWord.md")
    plain = run_cli("check", "--format", "concise", article).stdout.decode().splitlines()
    assert plain[0] == f"{article}:3:1: suggestion: News.DoubledWord [*] 'The the': a word is doubled."


def test_diff_of_a_file_with_a_bom_and_crlf_applies_with_git_apply(run_cli, tmp_path):
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    original = "\ufeffCouncil backs the harbour plan\r\n\r\nThe council voted on Monday to back the the plan.\r\n"
    (tmp_path / "a.txt").write_bytes(original.encode("utf-8"))
    proc = run_cli("fix", "--diff", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.startswith(b"--- a.txt")
    assert b"\n \xef\xbb\xbfCouncil backs the harbour plan\r\n" in proc.stdout  # the BOM is in the first line's context
    (tmp_path / "change.diff").write_bytes(proc.stdout)
    applied = subprocess.run([git, "apply", "-p0", "change.diff"], cwd=tmp_path, capture_output=True)
    assert applied.returncode == 0, applied.stderr
    assert (tmp_path / "a.txt").read_bytes() == original.replace("the the plan", "the plan").encode("utf-8")


def test_ignoring_every_rule_warns_that_nothing_runs(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    for _ in range(2):  # the second run is answered from the results cache, and warns as well
        nothing = run_cli("check", "--isolated", "--ignore", "News", tmp_path / "a.txt")
        assert nothing.returncode == 0
        assert b"warning: no rule runs: the select and ignore in effect leave every rule out" in nothing.stderr
    some = run_cli("check", "--isolated", "--ignore", "News.Spelling", tmp_path / "a.txt")
    assert some.returncode == 1 and b"no rule runs" not in some.stderr


def test_an_empty_select_is_a_usage_error_not_every_rule(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    proc = run_cli("check", "--isolated", "--select", "", tmp_path / "a.txt")
    assert proc.returncode == 2 and b"--select was given no rule id or prefix" in proc.stderr
    assert b"DoubledWord" not in proc.stdout


def test_an_unknown_rule_id_offers_the_one_meant(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    show = run_cli("rules", "show", "DoubledWord")
    assert show.returncode == 2
    assert show.stderr.decode().strip() == ("error: unknown rule id 'DoubledWord' "
                                            "(did you mean 'News.DoubledWord'? see `lintnews rules`)")
    folded = run_cli("check", "--isolated", "--select", "news.doubledword", tmp_path / "a.txt")
    assert folded.returncode == 2 and b"(did you mean 'News.DoubledWord'? see" in folded.stderr
    style = run_cli("check", "--isolated", "--ignore", "news", tmp_path / "a.txt")
    assert style.returncode == 2 and b"(did you mean 'News'? see" in style.stderr


def test_a_list_key_given_one_string_is_a_list_of_that_one(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("A headline about troops\n\nThe the troops left on Monday  for the coast.\n")
    (tmp_path / "lintnews.yaml").write_text("select: News.DoubledWord\n")
    found = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    assert [f["rule"] for f in found] == ["News.DoubledWord"]
    (tmp_path / "lintnews.yaml").write_text("select: 5\n")
    wrong = run_cli("check", "a.txt", cwd=tmp_path)
    assert wrong.returncode == 2
    assert wrong.stderr.decode().strip() == f"error: {tmp_path / 'lintnews.yaml'}: key 'select' must be a list of strings, not int"


def test_a_style_whose_rule_did_not_load_says_why_it_names_no_rule(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN)
    house = tmp_path / "styles" / "House"
    house.mkdir(parents=True)
    (house / "Hedges.yml").write_text("extends: existence\nmessage: \"Cut '%s'.\"\ntokens: [reportedly\n")
    proc = run_cli("check", "--isolated", "--styles", tmp_path / "styles", "--extend-select", "House",
                   tmp_path / "a.txt")
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 2
    assert lines[0].startswith(f"error: {house / 'Hedges.yml'}: ")  # the file that did not load, first
    assert lines[1] == ("error: 'House' in --extend-select on the command line names only rules whose files did not "
                        "load (House.Hedges; see the errors above)")


def test_findings_below_fail_on_say_the_check_passes(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("A headline about the town\n\nThe councillors said they was ready to vote.\n")  # a suggestion
    low = run_cli("check", "--isolated", "--fail-on", "error", tmp_path / "a.txt")
    assert low.returncode == 0
    assert low.stdout.decode().rstrip().endswith("None is at or above the fail-on level, so the check passes.")
    failing_now = run_cli("check", "--isolated", tmp_path / "a.txt")
    assert failing_now.returncode == 1 and b"so the check passes" not in failing_now.stdout + failing_now.stderr


def test_a_per_path_section_that_adds_rules_is_no_run_of_nothing(run_cli, tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(BAD)
    (tmp_path / "lintnews.yaml").write_text('ignore: [News]\nper-path:\n  "wire/**":\n    extend-select: [News.DoubledWord]\n')
    proc = run_cli("check", "wire/a.txt", cwd=tmp_path)
    assert proc.returncode == 1 and b"News.DoubledWord" in proc.stdout
    assert b"no rule runs" not in proc.stderr
