"""The generic kinds (existence, substitution, repetition, consistency,
capitalization) through small Vale-style rule folders written in tmp_path."""

import textwrap

import pytest

import lintnews
from lintnews.errors import RuleError

WEASEL = """
extends: existence
message: "Consider removing '%s'."
link: https://example.com/weasel
level: warning
ignorecase: true
nonword: false
scope: body
tokens:
  - obviously
  - of course
  - clearly
  - very
exceptions:
  - Very
"""

UTILIZE = """
extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
fix: safe
ignorecase: true
swap:
  utilize: use
  in order to: to
  advisor|adviser: counsellor
"""

CHOICE = """
extends: substitution
message: "Use '%s' instead of '%s'."
swap:
  amongst: among|between
"""

SPELLING = """
extends: consistency
message: "Inconsistent spelling of '%s'."
level: error
ignorecase: true
either:
  advisor: adviser
  Kyiv: Kiev
"""

REPEAT = """
extends: repetition
message: "'%s' is repeated."
alpha: true
tokens: ['[^\\s]+']
"""

SENTENCE_CAP = """
extends: capitalization
message: "'%s' starts a sentence in lower case."
position: sentence-start
"""


@pytest.fixture
def rules(tmp_path):
    style = tmp_path / "House"
    style.mkdir()
    for name, body in [("Weasel", WEASEL), ("Utilize", UTILIZE), ("Choice", CHOICE), ("Spelling", SPELLING),
                       ("Repeat", REPEAT), ("SentenceCap", SENTENCE_CAP)]:
        (style / f"{name}.yml").write_text(textwrap.dedent(body), encoding="utf-8")
    loaded = lintnews.load_rules(styles=[tmp_path], builtin=False)
    return {r.id: [r] for r in loaded}


def found(rules, rule_id, text):
    return [(f.text, f.line, f.column, f.fix.applicability.value if f.fix else None)
            for f in lintnews.check_text(text, rules=rules[rule_id])]


def fixed(rules, rule_id, text, unsafe=False):
    return lintnews.fix_text(text, rules=rules[rule_id], unsafe=unsafe).text


def test_rule_ids_come_from_folder_and_file(rules):
    assert sorted(rules) == ["House.Choice", "House.Repeat", "House.SentenceCap", "House.Spelling",
                             "House.Utilize", "House.Weasel"]


# ---------------------------------------------------------------- existence
def test_existence_tokens_ignorecase_exceptions(rules):
    text = "Title\n\nThe minister was obviously tired. Of course, he said, it was Very late and very cold.\n"
    assert found(rules, "House.Weasel", text) == [("obviously", 3, 18, None), ("Of course", 3, 35, None)]
    (f, _) = lintnews.check_text(text, rules=rules["House.Weasel"])
    assert f.message == "Consider removing 'obviously'."


def test_existence_respects_scope_quotes_and_word_boundaries(rules):
    text = "Obviously Tired\n\nHe said “of course” twice. OBVIOUSLY it was clear, clearly, not unclearly.\n"
    assert found(rules, "House.Weasel", text) == [("OBVIOUSLY", 3, 28, None), ("clearly", 3, 52, None)]


def test_existence_without_action_never_edits(rules):
    text = "Title\n\nThe minister was obviously tired.\n"
    assert fixed(rules, "House.Weasel", text, unsafe=True) == text


def test_existence_remove_action(tmp_path):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Filler.yml").write_text(textwrap.dedent("""
        extends: existence
        message: "Remove '%s'."
        tokens: [basically]
        action:
          name: remove
    """), encoding="utf-8")
    rules = lintnews.load_rules(styles=[tmp_path], builtin=False)
    text = "Title\n\nThe deal was basically dead, he said “basically done”.\n"
    assert lintnews.fix_text(text, rules=rules).text == text  # default applicability is unsafe
    out = lintnews.fix_text(text, rules=rules, unsafe=True).text
    assert out == "Title\n\nThe deal was dead, he said “basically done”.\n"
    assert lintnews.fix_text(out, rules=rules, unsafe=True).text == out


# ------------------------------------------------------------- substitution
def test_substitution_keeps_case(rules):
    text = "Title\n\nWe utilize drones. Utilize them in order to win. UTILIZE them, the advisor said.\n"
    assert found(rules, "House.Utilize", text) == [
        ("utilize", 3, 4, "safe"), ("Utilize", 3, 20, "safe"), ("in order to", 3, 33, "safe"),
        ("UTILIZE", 3, 50, "safe"), ("advisor", 3, 68, "safe")]
    messages = [f.message for f in lintnews.check_text(text, rules=rules["House.Utilize"])]
    assert messages[1] == "Use 'Use' instead of 'Utilize'."
    out = fixed(rules, "House.Utilize", text)
    assert out == "Title\n\nWe use drones. Use them to win. USE them, the counsellor said.\n"
    assert fixed(rules, "House.Utilize", out) == out


def test_substitution_never_touches_quotes_or_longer_words(rules):
    text = "Title\n\nHe said “we utilize drones” and the utilized drones utilizes.\n"
    assert found(rules, "House.Utilize", text) == []
    assert fixed(rules, "House.Utilize", text) == text


def test_substitution_with_choices_is_display_only(rules):
    text = "Title\n\nHe stood amongst the crowd.\n"
    (f,) = lintnews.check_text(text, rules=rules["House.Choice"])
    assert (f.text, f.column, f.fix.applicability.value) == ("amongst", 10, "display")
    assert f.message == "Use 'among' or 'between' instead of 'amongst'."
    assert fixed(rules, "House.Choice", text, unsafe=True) == text


def test_substitution_default_fix_is_unsafe(tmp_path):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Amid.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  amidst: amid\n", encoding="utf-8")
    rules = lintnews.load_rules(styles=[tmp_path], builtin=False)
    text = "Title\n\nThe cabinet met amidst the protests.\n"
    (f,) = lintnews.check_text(text, rules=rules)
    assert (f.text, f.fix.applicability.value) == ("amidst", "unsafe")
    assert lintnews.fix_text(text, rules=rules).text == text
    assert lintnews.fix_text(text, rules=rules, unsafe=True).text == "Title\n\nThe cabinet met amid the protests.\n"


# ---------------------------------------------------------------- repetition
def test_repetition_any_token(rules):
    text = "Title\n\nThe 2.4 2.4 release and the the end. It was was.\n"
    assert found(rules, "House.Repeat", text) == [("2.4 2.4", 3, 5, "safe"), ("the the", 3, 25, "safe"),
                                                   ("was was", 3, 41, "safe")]
    out = fixed(rules, "House.Repeat", text)
    assert out == "Title\n\nThe 2.4 release and the end. It was.\n"
    assert fixed(rules, "House.Repeat", out) == out


def test_repetition_skips_quotes(rules):
    text = "Title\n\nHe said “no no no” and left.\n"
    assert found(rules, "House.Repeat", text) == []


# --------------------------------------------------------------- consistency
def test_consistency_either_majority_wins(rules):
    text = "Title\n\nHe went to Kiev. Then Kyiv. Then Kyiv again.\n"
    assert found(rules, "House.Spelling", text) == [("Kiev", 3, 12, "safe")]
    (f,) = lintnews.check_text(text, rules=rules["House.Spelling"])
    assert f.message == "Inconsistent spelling of 'Kiev'. (2 to 1)"
    out = fixed(rules, "House.Spelling", text)
    assert out == "Title\n\nHe went to Kyiv. Then Kyiv. Then Kyiv again.\n"
    assert fixed(rules, "House.Spelling", out) == out


def test_consistency_tie_is_display_only(rules):
    text = "Title\n\nThe advisor spoke. The adviser left.\n"
    assert found(rules, "House.Spelling", text) == [("adviser", 3, 24, "display")]
    assert fixed(rules, "House.Spelling", text, unsafe=True) == text


def test_consistency_quoted_minority_is_not_edited(rules):
    text = "Title\n\nThe advisor spoke. The advisor left. He said “the adviser agreed.”\n"
    assert found(rules, "House.Spelling", text) == []
    assert fixed(rules, "House.Spelling", text) == text


def test_consistency_one_form_only(rules):
    assert found(rules, "House.Spelling", "Title\n\nThe advisor spoke. The Advisor left.\n") == []


def test_consistency_fix_keeps_case(rules):
    text = "Title\n\nThe adviser spoke. The adviser left. Advisor Smith came later.\n"
    assert fixed(rules, "House.Spelling", text) == "Title\n\nThe adviser spoke. The adviser left. Adviser Smith came later.\n"


# ------------------------------------------------------------ capitalization
def test_capitalization_paragraph_start_custom_exceptions(tmp_path):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Start.yml").write_text(textwrap.dedent("""
        extends: capitalization
        message: "'%s' starts in lower case."
        exceptions: ['gov\\.uk']
    """), encoding="utf-8")
    rules = lintnews.load_rules(styles=[tmp_path], builtin=False)
    text = "Title\n\nThe report was out.\n\nthe minister said the report was out on Monday.\n"
    assert [(f.text, f.line, f.column) for f in lintnews.check_text(text, rules=rules)] == [("the", 5, 1)]
    assert lintnews.fix_text(text, rules=rules).text == text.replace("\n\nthe minister", "\n\nThe minister")
    ok = "Title\n\nThe report was out.\n\ngov.uk said the report was out on Monday.\n"
    assert lintnews.check_text(ok, rules=rules) == []


def test_capitalization_sentence_start(rules):
    text = "Title\n\nThe talks ended on Monday. the ministers left the hall after midnight.\n"
    assert found(rules, "House.SentenceCap", text) == [("the", 3, 28, "safe")]


# ------------------------------------------------------------------ loading
def test_bad_rule_key_is_an_error(tmp_path):
    (tmp_path / "House").mkdir()
    (tmp_path / "House" / "Bad.yml").write_text("extends: existence\nmessage: x\ntokns: [a]\n", encoding="utf-8")
    with pytest.raises(RuleError, match="did you mean 'tokens'"):
        lintnews.load_rules(styles=[tmp_path], builtin=False)
