"""`lintnews rules test`: a style editor runs the examples of their own house rules.

Each test writes rule files as a newsroom would (a folder of its own, one
style), runs the installed command from that folder, and reads what it
prints and its exit status.
"""

from __future__ import annotations

from pathlib import Path

from lintnews.rules.loader import load_rules

UTILIZE = """\
extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
fix: safe
swap:
  utilize: use
  in order to: to
examples:
  bad:
    - "We utilize drones to map the flood zone.\\n"
    - "Officials said they would act in order to calm markets.\\n"
  good: ["We use drones to map the flood zone.\\n"]
  fixed:
    - "We use drones to map the flood zone.\\n"
    - "Officials said they would act to calm markets.\\n"
"""


def house(tmp_path: Path, **rules: str) -> Path:
    folder = tmp_path / "house" / "House"
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in rules.items():
        (folder / f"{name}.yml").write_text(body, encoding="utf-8")
    return tmp_path


def test_rules_whose_examples_hold_pass_with_exit_0(run_cli, tmp_path):
    house(tmp_path, Utilize=UTILIZE)
    proc = run_cli("rules", "test", "--styles", "house", "House", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode() == "1 rule, 5 examples: all passed\n"


def test_each_failing_example_is_one_line_naming_file_example_and_difference(run_cli, tmp_path):
    wrong = (UTILIZE.replace('fixed:\n    - "We use drones', 'fixed:\n    - "We deploy drones')
             .replace('good: ["We use', 'good: ["The council will utilize the grant.\\n", "We use'))
    presently = """\
extends: existence
message: "Avoid '%s'; say 'now'."
tokens: [presently]
examples:
  bad: ["Ministers\\n\\nThe minister is currently abroad.\\n"]
  good: ["The minister is now abroad.\\n"]
"""
    house(tmp_path, Utilize=wrong, Presently=presently)
    proc = run_cli("rules", "test", "--styles", "house", "House", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines() == [
        "house/House/Presently.yml: House.Presently: bad #1 'Ministers\\n\\nThe minister is currentl...': "
        "not flagged",
        "house/House/Utilize.yml: House.Utilize: good #1 'The council will utilize the grant.': flagged 'utilize'",
        "house/House/Utilize.yml: House.Utilize: fixed #1 'We utilize drones to map the flood zone.': "
        "expected 'We deploy drones to map the flood zone.' got 'We use drones to map the flood zone.'",
        "2 rules, 8 examples: 3 failed",
    ]


def test_a_configurations_styles_are_tested_and_named_from_the_current_folder(run_cli, tmp_path):
    house(tmp_path, Utilize=UTILIZE.replace('fixed:\n    - "We use drones', 'fixed:\n    - "We deploy drones'))
    (tmp_path / "lintnews.yaml").write_text("styles: [house]\n", encoding="utf-8")
    proc = run_cli("rules", "test", "House", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines()[0].startswith("house/House/Utilize.yml: House.Utilize: fixed #1 ")
    below = run_cli("rules", "test", "House", cwd=tmp_path / "house")  # the configuration is found above
    assert below.stdout.decode().splitlines()[0].startswith("House/Utilize.yml: House.Utilize: fixed #1 ")


def test_a_long_fixed_example_shows_where_the_texts_part(run_cli, tmp_path):
    long = UTILIZE.replace('act to calm markets.\\n"', 'act to calm markets, a spokesman told reporters.\\n"')
    house(tmp_path, Utilize=long)
    proc = run_cli("rules", "test", "--styles", "house", cwd=tmp_path)
    assert proc.returncode == 1
    assert ("House.Utilize: fixed #2 'Officials said they would act in orde...': "
            "expected '...to calm markets, a spokesman told ...' got '...to calm markets.'"
            in proc.stdout.decode())


def test_unsafe_fixes_apply_and_fixes_run_to_a_fixed_point(run_cli, tmp_path):
    # British "utilise" becomes "utilize" in one pass and "use" in the next; the fix is unsafe.
    chained = """\
extends: substitution
message: "Use '%s' instead of '%s'."
fix: unsafe
swap:
  utilise: utilize
  utilize: use
examples:
  bad: ["The agency will utilise satellites, officials said.\\n"]
  good: ["The agency will use satellites, officials said.\\n"]
  fixed: ["The agency will use satellites, officials said.\\n"]
"""
    house(tmp_path, Utilise=chained)
    proc = run_cli("rules", "test", "--styles", "house", "House.Utilise", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout.decode()
    assert proc.stdout.decode() == "1 rule, 3 examples: all passed\n"


def test_a_rule_without_a_fix_cannot_give_its_fixed_example(run_cli, tmp_path):
    display = UTILIZE.replace("fix: safe", "fix: display")
    house(tmp_path, Utilize=display)
    proc = run_cli("rules", "--styles", "house", "test", "House.Utilize", cwd=tmp_path)
    assert proc.returncode == 1
    assert ("fixed #1 'We utilize drones to map the flood zone.': expected 'We use drones to map the flood zone.' "
            "got 'We utilize drones to map the flood zone.'") in proc.stdout.decode()


def test_the_first_line_is_the_title_and_examples_are_plain_text(run_cli, tmp_path):
    # A body-only rule does not see a headline; "**" is not Markdown emphasis in an example.
    body_only = """\
extends: existence
message: "Write 'per cent', not '%s'."
scope: body
raw: ['\\*\\*']
examples:
  bad: ["Prices rise\\n\\nPrices rose **3%** in May.\\n"]
  good: ["Prices rise ** sharply\\n\\nPrices rose 3% in May.\\n"]
"""
    house(tmp_path, Stars=body_only)
    proc = run_cli("rules", "test", "--styles", "house", "House", cwd=tmp_path)
    assert proc.stdout.decode() == "1 rule, 2 examples: all passed\n"
    assert proc.returncode == 0


def test_a_rule_file_that_does_not_load_is_exit_2_and_the_other_rules_still_run(run_cli, tmp_path):
    # Every broken file is one line (not only the first), and the rules that load still run their examples,
    # as a check still runs them: a rule author sees every mistake in one run.
    house(tmp_path, Utilize=UTILIZE, Broken="extends: existence\nmessage: x\ntokens: [presently\n",
          BadRegex="extends: existence\nmessage: x\ntokens: ['(unclosed']\n")
    proc = run_cli("rules", "test", "--styles", "house", "House", cwd=tmp_path)
    assert proc.returncode == 2
    errors = proc.stderr.decode().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("error: house/House/BadRegex.yml: rule House.BadRegex: key 'tokens': bad regex")
    assert errors[1].startswith("error: house/House/Broken.yml: invalid YAML")
    assert all(line.endswith("; skipped") for line in errors)
    assert proc.stdout.decode().endswith(": all passed; 2 rule files did not load (see the errors above)\n")
    assert proc.stdout.decode().startswith("1 rule, ")
    # Asked about, a file that did not load is named as such, not as an unknown id.
    proc = run_cli("rules", "show", "--styles", "house", "House.Broken", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines()[-1] == "error: rule 'House.Broken' did not load (see the error above)"


def test_a_selector_that_names_no_rule_is_exit_2(run_cli, tmp_path):
    house(tmp_path, Utilize=UTILIZE)
    proc = run_cli("rules", "test", "--styles", "house", "House.Utilise", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode() == ("error: unknown rule id or prefix 'House.Utilise' "
                                    "(did you mean 'House.Utilize'? see `lintnews rules`)\n")


def test_every_built_in_rule_passes_its_own_examples(run_cli, tmp_path):
    rules = [r for r in load_rules() if any(r.examples.values())]
    count = sum(len(v) for r in rules for v in r.examples.values())
    proc = run_cli("rules", "test", cwd=tmp_path)
    assert proc.stdout.decode() == f"{len(rules)} rules, {count} examples: all passed\n"
    assert proc.returncode == 0


def test_a_guessed_heading_is_a_heading_to_a_lintnews_rule_and_not_to_a_vale_one(run_cli, tmp_path):
    """As the README says: plain-text examples have no marked-up headings for a rule in Vale's format."""
    rule = ("extends: existence\nmessage: \"Headline style: '%s'.\"\nscope: heading\ntokens: [Utilize]\n"
            "examples:\n  bad: [\"Vote\\n\\nUtilize drones now\\n\\nThe agency said so on Monday.\\n\"]\n")
    house(tmp_path, Heading=rule + "quotes: skip\n")  # one lintnews key: a lintnews rule
    assert run_cli("rules", "test", "--styles", "house", cwd=tmp_path).returncode == 0
    house(tmp_path, Heading=rule)  # Vale's keys only
    proc = run_cli("rules", "test", "--styles", "house", "House", cwd=tmp_path)
    assert proc.returncode == 1 and ": House.Heading: bad #1 'Vote\\n\\nUtilize drones now" in proc.stdout.decode()
    assert proc.stdout.decode().splitlines()[0].endswith(": not flagged")


def test_rules_with_no_examples_test_nothing_and_do_not_pass(run_cli, tmp_path):
    # A package without examples (most of Vale's): a CI step running `rules test` on it must not go green.
    house(tmp_path, Plain="extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens: [very]\n")
    proc = run_cli("rules", "test", "--styles", "house", "House", cwd=tmp_path)
    assert proc.stdout.decode() == "0 rules, 0 examples: nothing tested (1 rule without examples)\n"
    assert proc.returncode == 1


def test_a_bad_example_not_flagged_says_what_the_rule_does_not_read(run_cli, tmp_path):
    # The usual reasons a rule author's bad example is not flagged: its only match is in the first line,
    # read as the headline, under scope: body; or inside quotation marks under quotes: skip.
    slam = ("extends: existence\nmessage: \"'%s' is a cliché.\"\nlevel: warning\nscope: body\nquotes: skip\n"
            "tokens: [slammed]\nexamples:\n"
            "  bad: [\"Minister slammed\\n\\nThe report was late.\\n\", "
            "\"Talks\\n\\n\\u201cHe slammed it,\\u201d she said.\\n\"]\n"
            "  good: [\"Talks\\n\\nThe talks ended.\\n\"]\n")
    house(tmp_path, Slam=slam)
    lines = run_cli("rules", "test", "--styles", "house", "House", cwd=tmp_path).stdout.decode().splitlines()
    assert lines[0].endswith("bad #1 'Minister slammed\\n\\nThe report was late.': not flagged (its first line is "
                             "read as the headline, which the rule's scope leaves out)")
    assert lines[1].endswith("not flagged (it holds quotation marks, and the rule skips the text inside them)")
