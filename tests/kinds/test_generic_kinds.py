"""Loading the generic kinds from Vale-style rule folders written in tmp_path.

What the kinds flag and fix is in tests/rules/cases (House.*.yml and
Test.Hi.yml carry their rules inline); what stays here is about loading.
"""

from pathlib import Path

import pytest
import yaml

import lintnews

CASES = Path(__file__).parents[1] / "rules" / "cases"


def write_rule(root: Path, rule_id: str, body: str) -> None:
    style, name = rule_id.split(".", 1)
    (root / style).mkdir(exist_ok=True)
    (root / style / f"{name}.yml").write_text(body, encoding="utf-8")


def test_rule_ids_come_from_folder_and_file(tmp_path):
    # Every House rule of the case files, together in one styles folder.
    inline = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["rule_yaml"] for p in CASES.glob("House.*.yml")}
    assert len(inline) >= 6
    for rule_id, body in inline.items():
        write_rule(tmp_path, rule_id, body)
    assert [r.id for r in lintnews.load_rules(styles=[tmp_path], builtin=False)] == sorted(inline)


def test_bad_rule_key_is_an_error(tmp_path):
    write_rule(tmp_path, "House.Bad", "extends: existence\nmessage: x\ntokns: [a]\n")
    with pytest.raises(lintnews.RuleError, match="did you mean 'tokens'"):
        lintnews.load_rules(styles=[tmp_path], builtin=False)


@pytest.mark.parametrize("sets, match", [
    ("a: [a]", "two or more words"),
    # A word with an apostrophe is scored through its expansion, which the rule must give.
    ("a: [\"we're\", were]", "expand"),
])
def test_bad_confusion_sets_are_errors(tmp_path, sets, match):
    write_rule(tmp_path, "Test.Bad", f"extends: confusion\nmessage: x\nsets:\n  {sets}\n")
    with pytest.raises(lintnews.RuleError, match=match):
        lintnews.load_rules(styles=[tmp_path], builtin=False)


def test_a_list_with_a_mapping_in_it_names_the_item(tmp_path):
    # "tokens: [alpha, {a: 1}]": a stray brace in a word list; the error says which item, not just "list".
    write_rule(tmp_path, "House.Stray", "extends: existence\nmessage: 'x %s'\ntokens: [alpha, {a: 1}]\n")
    with pytest.raises(lintnews.RuleError, match=r"key 'tokens' must be a list of strings, not list: item 2 is a mapping"):
        lintnews.load_rules(styles=[tmp_path], builtin=False)


def test_a_consistency_rule_in_vale_format_says_its_fix_is_unsafe(tmp_path):
    # Only Vale's keys: it runs Vale's way (no majority), so its fix is never applied by plain `fix`,
    # and the rule's own description says so (it said "safe" and "fixes to the majority form").
    write_rule(tmp_path, "House.Adviser", "extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\n"
                                          "level: warning\neither:\n  adviser: advisor\n")
    [rule] = lintnews.load_rules(styles=[tmp_path], builtin=False)
    assert rule.applicability == lintnews.Applicability.UNSAFE
    assert "as Vale does" in rule.summary
    text = "Aides\n\nThe adviser met the minister. Another adviser agreed, but the advisor did not.\n"
    [finding] = lintnews.check_text(text, rules=[rule])
    assert text[finding.start:finding.end] == "advisor"
    assert finding.fix.applicability == lintnews.Applicability.UNSAFE


def test_a_long_match_is_shown_by_its_two_ends_in_the_message(tmp_path):
    # A runaway pattern matched 5,000 characters: the message stays one readable line; the finding's
    # span still covers the whole match.
    write_rule(tmp_path, "House.Run", "extends: existence\nmessage: 'Run: %s'\nlevel: warning\nraw: ['x{100,}']\n")
    [rule] = lintnews.load_rules(styles=[tmp_path], builtin=False)
    text = "Title\n\n" + "x" * 5000 + "\n"
    [finding] = lintnews.check_text(text, rules=[rule])
    assert finding.end - finding.start == 5000
    assert len(finding.message) < 200 and finding.message.startswith("Run: xxx") and "\u2026" in finding.message


def test_a_vale_rule_with_another_kinds_key_loads_as_in_vale(tmp_path):
    # A published package's sequence rule carries existence's `nonword`: Vale drops the key and runs
    # the rule; so does lintnews, with a warning (it was a load error, and the rule never ran).
    write_rule(tmp_path, "Legal.Actively", "extends: sequence\nmessage: \"Consider '%s'.\"\nlevel: warning\n"
                                           "nonword: true\ntokens:\n  - pattern: actively\n  - tag: VB|VBG\n")
    [rule] = lintnews.load_rules(styles=[tmp_path], builtin=False)
    assert rule.vale and rule.load_warnings == [
        "key 'nonword' is not a key of kind 'sequence': ignored, as Vale ignores it"]
    findings = lintnews.check_text("Contract\n\nThe parties are actively negotiating the terms.\n", rules=[rule])
    assert [f.message for f in findings] == ["Consider 'actively'."]
