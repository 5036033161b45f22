"""Rules in Vale's format: each of Vale's kinds on news copy, what it flags and what it leaves.

Every rule here is written for these tests in Vale's YAML layout (no file of a Vale package is
copied); the behaviour expected is Vale's, as its documentation and source define it.
"""

from __future__ import annotations

import json

import pytest

import lintnews
from lintnews.rules.formula import FormulaError, evaluate
from testkit import house_rules


rules = house_rules


def found(text: str, loaded, path: str = "a.md") -> list[tuple[str, str]]:
    return [(f.text, f.message) for f in lintnews.check_text(text, path=path, rules=loaded)]


ARTICLE = """# Council approves budget

The council obviously approved the budget on Tuesday. "It is very, very late," said Mayor Ann Kowalczyk.

Of course, the vote was close.
"""


# ------------------------------------------------------------------ existence
def test_existence_joins_raw_before_tokens_and_looks_inside_quotations(tmp_path):
    loaded = rules(tmp_path, Weasel="extends: existence\nmessage: \"'%s' is a weasel word!\"\nignorecase: true\n"
                                    "tokens: [obviously, very, of course]\n")
    assert found(ARTICLE, loaded) == [("obviously", "'obviously' is a weasel word!"),
                                      ("very", "'very' is a weasel word!"), ("very", "'very' is a weasel word!"),
                                      ("Of course", "'Of course' is a weasel word!")]
    # The quotation skipping lintnews's own rules do is a key, off for a Vale rule: quotes: skip turns it on.
    loaded = rules(tmp_path, Weasel="extends: existence\nmessage: m\nignorecase: true\nquotes: skip\n"
                                    "tokens: [obviously, very]\n")
    assert [t for t, _ in found(ARTICLE, loaded)] == ["obviously"]


def test_existence_raw_and_tokens_make_one_pattern_as_vale_builds_it(tmp_path):
    # Vale: raw, then \b(?:tokens)\b: "said" must follow "Mayor ", not stand anywhere.
    loaded = rules(tmp_path, Title="extends: existence\nmessage: \"'%s'\"\nraw: ['(?:Mayor|Chief) ']\n"
                                   "tokens: [Ann, Bob]\n")
    assert [t for t, _ in found(ARTICLE + "\nAnn Smith and Bob spoke.\n", loaded)] == ["Mayor Ann"]


def test_existence_exceptions_are_case_sensitive_patterns_and_nonword_drops_boundaries(tmp_path):
    loaded = rules(tmp_path, Spacing="extends: existence\nmessage: \"'%s' should have one space.\"\nnonword: true\n"
                                     "tokens: ['[a-z][.?!] {2,}[A-Z]']\n",
                   Very="extends: existence\nmessage: m\nignorecase: true\ntokens: [very]\nexceptions: [Very]\n")
    text = "The vote was close.  Very close, very late.\n"
    # The message keeps the match's two spaces: current Vale only joins lines (WhitespaceToSpace, March 2025).
    assert found(text, loaded, "a.txt") == [("e.  V", "'e.  V' should have one space."), ("very", "m")]


# --------------------------------------------------------------- substitution
def test_substitution_offers_the_swap_without_changing_its_case_unless_capitalize(tmp_path):
    body = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nswap:\n  utilise: use\n"
    text = "# Budget\n\nUtilise the funds, said the mayor, and utilise them well.\n"
    assert found(text, rules(tmp_path, Use=body)) == [("Utilise", "Use 'use' instead of 'Utilise'."),
                                                      ("utilise", "Use 'use' instead of 'utilise'.")]
    assert found(text, rules(tmp_path, Use=body + "capitalize: true\n"))[0] == (
        "Utilise", "Use 'Use' instead of 'Utilise'.")
    fixed = lintnews.fix_text(text, path="a.md", rules=rules(tmp_path, Use=body), unsafe=True)
    # The message is Vale's; the fix keeps the capital that starts a sentence.
    assert fixed.text == "# Budget\n\nUse the funds, said the mayor, and use them well.\n"


def test_substitution_choices_groups_and_a_text_already_right(tmp_path):
    loaded = rules(tmp_path, Terms="extends: substitution\nmessage: \"Use %s rather than '%s'.\"\nignorecase: false\n"
                                   "action:\n  name: replace\nswap:\n  amongst: among|between\n"
                                   "  (\\d+) per cent: $1%\n  Javascript: JavaScript\n")
    text = "Amongst them, amongst us, 40 per cent use JavaScript and Javascript.\n"
    assert found(text, loaded, "a.txt") == [
        ("amongst", "Use 'among' or 'between' rather than 'amongst'."),
        ("40 per cent", "Use '40%' rather than '40 per cent'."),
        ("Javascript", "Use 'JavaScript' rather than 'Javascript'.")]


def test_substitution_works_out_each_replacement_from_its_own_match(tmp_path):
    # A swap entry's replacement is worked out once (and once with a capital); one with $1 still takes
    # each match's own group.
    loaded = rules(tmp_path, Style="extends: substitution\nmessage: \"Use '%s' rather than '%s'.\"\n"
                                   "capitalize: true\nignorecase: true\nswap:\n  (\\d+) per cent: $1%\n  amongst: among\n")
    text = "Amongst voters, 40 per cent agreed; amongst members, 12 per cent did, amongst others.\n"
    assert found(text, loaded, "a.txt") == [
        ("Amongst", "Use 'Among' rather than 'Amongst'."), ("40 per cent", "Use '40%' rather than '40 per cent'."),
        ("amongst", "Use 'among' rather than 'amongst'."), ("12 per cent", "Use '12%' rather than '12 per cent'."),
        ("amongst", "Use 'among' rather than 'amongst'.")]


# ----------------------------------------------------------------- occurrence
def test_occurrence_counts_words_per_sentence_and_reports_the_count(tmp_path):
    loaded = rules(tmp_path, Long="extends: occurrence\nmessage: \"Try to keep sentences short (< 12 words): %s.\"\n"
                                  "scope: sentence\nmax: 12\ntoken: '\\b(\\w+)\\b'\n")
    text = ("# Budget\n\nThe council met. The council, which met on Tuesday in the old town hall, approved "
            "the budget after a long debate.\n")
    assert found(text, loaded) == [("The", "Try to keep sentences short (< 12 words): 18.")]


def test_occurrence_min_in_a_heading_and_raw_scope(tmp_path):
    loaded = rules(tmp_path, Intro="extends: occurrence\nmessage: No intro\nscope: raw\nmin: 1\n"
                                   "token: '# Introduction'\n")
    assert [(f.line, f.column, f.message) for f in lintnews.check_text(ARTICLE, path="a.md", rules=loaded)] == [
        (1, 1, "No intro")]
    assert found("# Introduction\n\nText.\n", loaded) == []


# ----------------------------------------------------------------- repetition
def test_repetition_in_vales_format_reports_the_word_once(tmp_path):
    loaded = rules(tmp_path, Repeat="extends: repetition\nmessage: \"'%s' is repeated!\"\nalpha: true\n"
                                    "tokens: ['[^\\s]+']\n")
    text = "The the council met. It approved the the budget, said said officials. Walla Walla voted too.\n"
    assert found(text, loaded, "a.txt") == [("the the", "'the' is repeated!"), ("said said", "'said' is repeated!"),
                                            ("Walla Walla", "'Walla' is repeated!")]


# ---------------------------------------------------------------- conditional
def test_conditional_flags_an_acronym_never_spelled_out(tmp_path):
    loaded = rules(tmp_path, Acronyms="extends: conditional\nmessage: \"'%s' has no definition.\"\n"
                                      "first: '\\b([A-Z]{3,5})\\b'\nsecond: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n"
                                      "exceptions: [UN, NATO]\n")
    text = ("The World Health Organization (WHO) said the WHO would act. NATO and the EU agreed. "
            "The IAEA did not comment.\n")
    assert found(text, loaded, "a.txt") == [("IAEA", "'IAEA' has no definition.")]


# ------------------------------------------------------------- capitalization
@pytest.mark.parametrize("match, style, headings, flagged", [
    ("$title", "AP", ["Council Approves Budget for the Year", "Council approves budget for the year"],
     ["Council approves budget for the year"]),
    # Chicago lower-cases every preposition; 4 of 5 words right passes Vale's threshold (0.8), 3 of 5 does not.
    ("$title", "Chicago", ["Mayor Speaks against the Plan", "Mayor Speaks Against the Plan",
                           "Mayor Speaks Against The Plan"], ["Mayor Speaks Against The Plan"]),
    ("$sentence", "AP", ["Council approves the budget", "Council Approves The Budget", "budget approved"],
     ["Council Approves The Budget", "budget approved"]),
    ("$lower", "AP", ["budget", "Budget"], ["Budget"]),
    ("$upper", "AP", ["BUDGET", "Budget"], ["Budget"]),
])
def test_capitalization_checks_headings_in_the_case_asked(tmp_path, match, style, headings, flagged):
    loaded = rules(tmp_path, Headings=f"extends: capitalization\nmessage: \"'%s' should be '%s'\"\nscope: heading\n"
                                      f"match: {match}\nstyle: {style}\n")
    text = "".join(f"## {h}\n\nThe council met on Tuesday.\n\n" for h in headings)
    assert [t for t, _ in found(text, loaded)] == flagged


def test_capitalization_keeps_exceptions_and_reads_indicators(tmp_path):
    loaded = rules(tmp_path, Headings="extends: capitalization\nmessage: \"'%s' should be sentence-cased\"\n"
                                      "scope: heading\nmatch: $sentence\nindicators: [':']\n"
                                      "exceptions: [Kowalczyk, European Union]\n")
    text = "## Kowalczyk backs European Union plan\n\nText.\n\n## Budget: What comes next\n\nText.\n"
    assert found(text, loaded) == []
    assert found("## The Budget Plan Of The Council\n\nText.\n", loaded) == [
        ("The Budget Plan Of The Council", "'The Budget Plan Of The Council' should be sentence-cased")]


# ---------------------------------------------------------- metric, readability
def test_metric_evaluates_a_formula_over_the_documents_numbers(tmp_path):
    loaded = rules(tmp_path, Fog="extends: metric\nmessage: \"Try to keep the Gunning-Fog index (%s) below 10.\"\n"
                                 "formula: 0.4 * ((words / sentences) + 100 * (complex_words / words))\n"
                                 "condition: '> 10'\n",
                   Headings="extends: metric\nmessage: \"%s headings\"\nformula: heading.h2 + heading_h3\n"
                            "condition: '>= 2'\n")
    hard = ("# Budget\n\n## One\n\nThe municipal administration's comprehensive infrastructure "
            "reorganisation necessitates considerable intergovernmental coordination.\n\n### Two\n\nYes.\n")
    assert sorted(found(hard, loaded)) == [("#", "2.00 headings"),
                                           ("#", "Try to keep the Gunning-Fog index (34.93) below 10.")]
    assert found("# Budget\n\nThe council met. It voted. The plan passed.\n", loaded) == []


@pytest.mark.parametrize("formula, problem", [
    ("__import__('os').system('true')", "only math.sqrt"),
    ("words.__class__", "named with a dot"),
    ("[w for w in words]", "not allowed"),
    ("nonsense + 1", "unknown variable 'nonsense'"),
    ("words +", "not a formula"),
])
def test_a_metric_formula_that_is_not_plain_arithmetic_does_not_load(tmp_path, formula, problem):
    (tmp_path / "styles" / "House").mkdir(parents=True)
    (tmp_path / "styles" / "House" / "Bad.yml").write_text(
        f"extends: metric\nmessage: m\nformula: \"{formula}\"\ncondition: '> 1'\n", encoding="utf-8")
    with pytest.raises(lintnews.RuleError) as exc:
        lintnews.load_rules(styles=[tmp_path / "styles"], builtin=False)
    assert problem in str(exc.value) and "\n" not in str(exc.value)


def test_the_formula_evaluator_does_arithmetic_and_nothing_else():
    assert evaluate("1.0430 * math.sqrt((polysyllabic_words * 30.0) / sentences) + 3.1291",
                    {"polysyllabic_words": 3.0, "sentences": 10.0}) == pytest.approx(6.2581, abs=1e-3)
    assert evaluate("words > 3 && !(words > 10)", {"words": 5.0}) is True
    assert evaluate("words / sentences", {"words": 5.0, "sentences": 0.0}) == float("inf")
    with pytest.raises(FormulaError):
        evaluate("2 ** 100000", {})


def test_readability_averages_vales_grades(tmp_path):
    loaded = rules(tmp_path, Grade="extends: readability\nmessage: \"Grade %s is too hard.\"\n"
                                   "metrics: [Flesch-Kincaid, Automated Readability]\ngrade: 8\n")
    hard = ("# Budget\n\nThe municipal administration's comprehensive infrastructure reorganisation necessitates "
            "considerable intergovernmental coordination between departments.\n")
    [(_, message)] = found(hard, loaded)
    assert message.startswith("Grade ") and float(message.split()[1]) > 8
    assert found("# Budget\n\nThe council met. It voted. The plan passed.\n", loaded) == []


# ------------------------------------------------------------------- spelling
def test_spelling_with_a_house_dictionary_filters_and_an_ignore_file(tmp_path):
    styles = tmp_path / "styles"
    (styles / "config" / "dictionaries").mkdir(parents=True)
    (styles / "config" / "dictionaries" / "house.aff").write_text("SET UTF-8\nTRY esiarntolcdugmphbyfvkwz\n\n"
                                                                  "SFX S Y 1\nSFX S 0 s .\n", encoding="utf-8")
    (styles / "config" / "dictionaries" / "house.dic").write_text(
        "6\ncouncil/S\nmayor/S\nbudget/S\nthe\nmet\napproved\n", encoding="utf-8")
    (styles / "House").mkdir()
    (styles / "House" / "names.txt").write_text("Kowalczyk\n", encoding="utf-8")
    loaded = rules(tmp_path, Typos="extends: spelling\nmessage: \"'%s' is a typo!\"\ndictionaries: [house]\n"
                                   "ignore: [House/names.txt]\nfilters: ['^[A-Z]{2,}$']\n")
    text = "The councils met. The maoyr approved the budgets. Kowalczyk met the NATO mayors.\n"
    assert found(text, loaded, "a.txt") == [("maoyr", "'maoyr' is a typo!")]


def test_spelling_without_a_dictionary_uses_english_and_vales_filters(tmp_path):
    loaded = rules(tmp_path, Typos="extends: spelling\nmessage: \"Did you really mean '%s'?\"\n")
    text = "The council recieved the budget on Tuesday, said the mayor of the city's GitHub page, 2024.\n"
    assert found(text, loaded, "a.txt") == [("recieved", "Did you really mean 'recieved'?")]


# ------------------------------------------------------------------- sequence
def test_sequence_finds_words_by_part_of_speech(tmp_path):
    loaded = rules(tmp_path, Infinitive="extends: sequence\nmessage: \"'%[4]s' after 'be %[3]s' needs 'to'.\"\n"
                                        "tokens:\n  - tag: MD\n  - pattern: be\n  - tag: JJ\n  - tag: VB|VBN\n")
    text = "It would be great write it. It would be great to write it.\n"
    assert found(text, loaded, "a.txt") == [("would be great write", "'write' after 'be great' needs 'to'.")]


# ------------------------------------------------------------ loading, warnings
def test_a_broken_rule_file_is_one_line_and_the_rest_of_its_style_runs(run_cli, tmp_path):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Weasel.yml").write_text("extends: existence\nmessage: \"'%s' is a weasel word!\"\ntokens: [obviously]\n")
    (style / "Broken.yml").write_text("extends: existence\nmessage: m\ntokens: ['(unclosed']\n")
    (style / "Tengo.yml").write_text("extends: script\nmessage: m\nscript: 'x := (1 +'\n")
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("check", "--no-default-rules", "--styles", tmp_path / "styles", "--format", "concise", article)
    err = proc.stderr.decode().splitlines()
    assert proc.returncode == 2
    assert [line for line in err if "Broken.yml" in line] == [
        f"error: {style / 'Broken.yml'}: rule House.Broken: key 'tokens': bad regex '(unclosed': "
        "missing ) at position 9; skipped"]
    assert [line for line in err if "Tengo.yml" in line] == [
        f"error: {style / 'Tengo.yml'}: rule House.Tengo: script does not parse: line 3 (line 1 of the script): "
        "expected an expression, found end of script; skipped"]
    assert "House.Weasel" in proc.stdout.decode() and "'obviously' is a weasel word!" in proc.stdout.decode()


def test_old_kind_names_load_with_a_deprecation_warning_only_for_lintnews_rules(run_cli, tmp_path):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Start.yml").write_text("extends: capitalization\nmessage: \"'%s': lower case.\"\n"
                                     "position: paragraph-start\nmin-words: 3\n")
    (style / "Words.yml").write_text("extends: spelling\nmessage: \"'%s'?\"\nmin-length: 4\n")
    (style / "Headings.yml").write_text("extends: capitalization\nmessage: \"'%s' is not in title case.\"\n"
                                        "match: $title\nscope: heading\n")
    article = tmp_path / "a.md"
    article.write_text("# Council approves budget\n\nThe council met on Tuesday.\n\n"
                       "last week, the mayor was away on holiday.\n", encoding="utf-8")
    proc = run_cli("check", "--no-default-rules", "--styles", tmp_path / "styles", "--format", "concise", article)
    warnings = [line for line in proc.stderr.decode().splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {style / 'Start.yml'}: rule House.Start: kind 'capitalization' is now called 'paragraph-start'; "
        "the old name will stop working in the next release",
        f"warning: {style / 'Words.yml'}: rule House.Words: kind 'spelling' is now called 'dictionary'; "
        "the old name will stop working in the next release"]
    out = proc.stdout.decode()
    assert "House.Start [*] 'last': lower case." in out
    assert "House.Headings 'Council approves budget' is not in title case." in out
    assert proc.returncode == 1


def test_vales_built_in_rules_run_when_chosen(run_cli, tmp_path):
    (tmp_path / "vocab" / "House").mkdir(parents=True)
    (tmp_path / "vocab" / "House" / "accept.txt").write_text("JavaScript\nKowalczyk\n", encoding="utf-8")
    (tmp_path / "vocab" / "House" / "reject.txt").write_text("citizen journalist\n", encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text("vocab: [vocab/House]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("# Budget\n\nMayor Kowalczyk said the the budget recieved support from a citizen journalist "
                       "who codes in Javascript.\n", encoding="utf-8")
    proc = run_cli("check", "--select", "Vale", "--format", "concise", article, cwd=tmp_path)
    lines = [line.split(": ", 1)[1] for line in proc.stdout.decode().splitlines() if line.startswith(str(article))]
    assert lines == ["error: Vale.Repetition 'the' is repeated!", "error: Vale.Spelling Did you really mean 'recieved'?",
                     "error: Vale.Avoid Avoid using 'citizen journalist'.",
                     "error: Vale.Terms Use 'JavaScript' instead of 'Javascript'."]
    # Not chosen, they do not run.
    assert "Vale." not in run_cli("check", "--format", "concise", article, cwd=tmp_path).stdout.decode()


def test_vale_repetition_deletes_only_a_doubled_function_word(run_cli, tmp_path):
    # Vale reports every repeated word; lintnews offers the deletion (unsafe) only for a function word the
    # tagger reads alike both times ("the the"). "had had", "that that", "said it it would" (a lost comma)
    # and "what it is is" may be the sentence's own or speech as spoken: shown, never applied.
    article = tmp_path / "a.txt"
    text = ("Vote\n\nShe had had enough, and the the vote failed. He said that that plan would fail. "
            "If he said it it would compel them. What it is is a mess.\n")
    article.write_text(text, encoding="utf-8")
    found = json.loads(run_cli("check", "--isolated", "--select", "Vale.Repetition", "--format", "json",
                               article).stdout)
    assert [(f["text"], f["fix"]["applicability"]) for f in found] == [
        ("had had", "display"), ("the the", "unsafe"), ("that that", "display"), ("it it", "display"),
        ("is is", "display")]
    run_cli("fix", "--isolated", "--unsafe-fixes", "--select", "Vale.Repetition", article)
    assert article.read_text(encoding="utf-8") == text.replace("the the vote", "the vote")


def test_the_library_gives_a_python_deprecation_warning_for_an_old_kind_name(tmp_path):
    with pytest.warns(DeprecationWarning, match="kind 'capitalization' is now called 'paragraph-start'"):
        [rule] = rules(tmp_path, Start="extends: capitalization\nmessage: m\nposition: paragraph-start\n")
    assert rule.name == "paragraph-start"
    # A Vale capitalization rule is Vale's kind, with no warning.
    [rule] = rules(tmp_path, Start="extends: capitalization\nmessage: m\nmatch: $title\n")
    assert rule.name == "capitalization" and rule.vale


def test_a_block_is_read_alone_so_a_caret_matches_at_a_headings_start(tmp_path):
    loaded = rules(tmp_path, Breaking="extends: existence\nmessage: \"Avoid '%s' in a heading.\"\nscope: heading\n"
                                      "raw: ['^BREAKING:?']\n")
    text = "## BREAKING: Council approves budget\n\nThe council said BREAKING news was due.\n"
    assert found(text, loaded) == [("BREAKING:", "Avoid 'BREAKING:' in a heading.")]


def test_consistency_in_vales_format_flags_the_second_spelling_with_vales_message(tmp_path):
    loaded = rules(tmp_path, Spelling="extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\n"
                                      "level: error\nignorecase: true\neither:\n  adviser: advisor\n")
    text = ("The adviser to the mayor spoke first. The council's advisers agreed. "
            "\"My advisor told me,\" the mayor said.\n")
    assert found(text, loaded, "a.txt") == [("advisor", "Inconsistent spelling of 'advisor'.")]
    assert found("The adviser and the other adviser agreed.\n", loaded, "a.txt") == []


def test_consistency_in_vales_format_fixes_a_block_to_the_first_spelling_in_one_pass(tmp_path):
    # Vale flags a block's last use once both spellings have appeared. The fix writes the article's first
    # spelling over the block's uses of the other: fixing the flagged use toward the other side made
    # "email" "e-mail" in one pass and "email" again in the next, each listed as a fix.
    loaded = rules(tmp_path, Email="extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\n"
                                   "level: warning\neither:\n  email: e-mail\n")
    text = ("Mail\n\nWe use email at work.\n\nSend an e-mail today, or an email tomorrow, or an e-mail.\n\n"
            "The e-mail came.\n")
    fixed = lintnews.fix_text(text, rules=loaded, unsafe=True)
    assert fixed.text == text.replace("e-mail", "email")
    assert fixed.passes <= 2  # the second pass finds nothing to change
    # A block whose last use is the first spelling still has its other uses written over.
    text = "Mail\n\nWe use e-mail at work.\n\nSend an email today, or an e-mail.\n"
    assert lintnews.fix_text(text, rules=loaded, unsafe=True).text == text.replace("an email", "an e-mail")
