"""Behaviour of current Vale (vale-cli/vale, June 2026) that its newer feature tests show, through `lintnews check`.

Each test writes its own style in Vale's layout and a `.vale.ini` beside a news article (nothing
of Vale or of a package is copied); what is expected is what Vale's source gives for that text,
named in each test.
"""

from __future__ import annotations

from pathlib import Path


def project(tmp_path: Path, rules: dict[str, str], article: str, name: str = "story.md", ini: str = "") -> Path:
    folder = tmp_path / "styles" / "House"
    folder.mkdir(parents=True)
    for rule, body in rules.items():
        (folder / f"{rule}.yml").write_text(body, encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(
        f"StylesPath = styles\nMinAlertLevel = suggestion\n{ini}\n[*]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / name).write_text(article, encoding="utf-8")
    return tmp_path / name


def lines(run_cli, path: Path) -> list[str]:
    proc = run_cli("check", "--format", "line", path.name, cwd=path.parent)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.stdout.decode().splitlines()


def test_display_math_is_not_read_inline_dollars_are(run_cli, tmp_path):
    # internal/lint/math.go (#878): a $$ block is read as code; "$5" and "$x$" stay prose.
    article = ("The index weighs how very likely a recount is:\n"
               "$$\n"
               "p = \\text{very} \\cdot \\frac{m}{n}\n"
               "$$\n"
               "\n"
               "A recount costs $5 a ballot, which is very costly for $x$ counties.\n"
               "\n"
               "- The formula, set out by the board:\n"
               "  $$ q = \\text{very} $$\n"
               "  $$\n"
               "- The clerk called it very fair.\n")
    path = project(tmp_path, {"Very": 'extends: existence\nmessage: "Cut \'%s\'."\ntokens: [very]\n'}, article)
    assert lines(run_cli, path) == [
        "story.md:1:22:House.Very:Cut 'very'.",
        "story.md:6:39:House.Very:Cut 'very'.",
        "story.md:11:23:House.Very:Cut 'very'.",
    ]


BANG = "extends: existence\nmessage: \"Drop the exclamation mark in '%s'.\"\nnonword: true\ntokens: ['\\w+!(?:\\s|$)']\n"
LONG = "extends: occurrence\nmessage: Keep sentences short.\nscope: sentence\nmax: 40\ntoken: '\\b(\\w+)\\b'\n"
RALLY = "Turnout hit a record! Officials were stunned by the queues! The count starts at nine.\n"


def test_sentences_are_read_as_text_once_a_rule_reads_sentences(run_cli, tmp_path):
    # internal/nlp/provider.go: with a sentence-scoped rule loaded (here switched off, still loaded), each
    # paragraph is also cut into "sentence.text.md" blocks, which a text rule reads first; core/file.go keeps
    # the first alert at a place, so the match is the sentence's "record!", not the paragraph's "record! ".
    path = project(tmp_path, {"Bang": BANG, "Long": LONG}, RALLY, ini="")
    (tmp_path / ".vale.ini").write_text((tmp_path / ".vale.ini").read_text() + "House.Long = NO\n")
    assert lines(run_cli, path) == [
        "story.md:1:15:House.Bang:Drop the exclamation mark in 'record!'.",
        "story.md:1:53:House.Bang:Drop the exclamation mark in 'queues!'.",
    ]


def test_without_a_sentence_rule_a_text_rule_reads_the_paragraph_only(run_cli, tmp_path):
    path = project(tmp_path, {"Bang": BANG}, RALLY)
    assert lines(run_cli, path) == [
        "story.md:1:15:House.Bang:Drop the exclamation mark in 'record! '.",
        "story.md:1:53:House.Bang:Drop the exclamation mark in 'queues! '.",
    ]


COVID = ("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nignorecase: false\n"
         "swap:\n  Covid: COVID-19\n")


def test_a_term_twice_in_a_two_line_quote_is_reported_once_on_its_last_line(run_cli, tmp_path):
    # core/file.go assignLoc: a block quote's or list item's alerts are looked for on the block's last line
    # (the line the walker gives the block), the first occurrence there; both land on line 3, one is kept.
    # A term only on an item's first line is found where it stands (FindLoc searches the file).
    article = ("The head teacher wrote to parents:\n\n"
               "> Covid closed the school for a month, and\n"
               "> Covid testing kept it shut until March.\n\n"
               "- Covid cases among staff rose in the\n"
               "  spring term, the council said.\n")
    path = project(tmp_path, {"Covid": COVID}, article)
    assert lines(run_cli, path) == [
        "story.md:4:3:House.Covid:Use 'COVID-19' instead of 'Covid'.",
        "story.md:6:3:House.Covid:Use 'COVID-19' instead of 'Covid'.",
    ]


PRONOUN = ("extends: sequence\nmessage: \"Who is '%s'?\"\nlevel: warning\nignorecase: true\ntokens:\n"
           "  - tag: NN|NNS\n    skip: 3\n  - tag: PRP\n    pattern: he|she|they\n")


def test_a_sequence_over_a_comma_is_reported_as_vale_joins_its_words(run_cli, tmp_path):
    # check/sequence.go stepsToString (March 2025): no space before a comma, so "vote, she" is found in
    # the sentence and reported; before, "vote , she" was looked for and the run dropped.
    path = project(tmp_path, {"Pronoun": PRONOUN}, "After the vote, she said the plan would pass.\n")
    assert lines(run_cli, path) == ["story.md:1:11:House.Pronoun:Who is 'vote'?"]


def test_a_swap_written_as_a_list_of_pairs_is_merged_as_vale_decodes_it(run_cli, tmp_path):
    # check/definition.go decodeRule: mapstructure's weakly typed input merges a list of mappings into the
    # map `swap` is (Datadog's package writes its swaps so); the rule loads and reports both.
    rule = ("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nignorecase: false\n"
            "swap:\n  - '(?:e-mail|E-mail)': email\n  - '(?:web site|Web site)': website\n")
    path = project(tmp_path, {"Web": rule}, "Readers can e-mail the web site editor with tips.\n")
    proc = run_cli("check", "--format", "line", path.name, cwd=path.parent)
    assert proc.stderr.decode().count("skipped") == 0, proc.stderr.decode()
    assert proc.stdout.decode().splitlines() == [
        "story.md:1:13:House.Web:Use 'email' instead of 'e-mail'.",
        "story.md:1:24:House.Web:Use 'website' instead of 'web site'.",
    ]


def test_a_code_point_written_as_regexp2_writes_it_matches(run_cli, tmp_path):
    # Vale compiles patterns with regexp2, which reads \x{201C} as the code point U+201C (Perl's syntax).
    rule = ("extends: existence\nmessage: Use straight quotation marks.\nlevel: warning\nnonword: true\n"
            "tokens:\n  - '[\\x{201C}\\x{201D}]'\n")
    path = project(tmp_path, {"Quotes": rule}, "The mayor said \u201cno comment\u201d and left.\n")
    proc = run_cli("check", "--format", "line", path.name, cwd=path.parent)
    assert "skipped" not in proc.stderr.decode(), proc.stderr.decode()
    assert proc.stdout.decode().splitlines() == [
        "story.md:1:16:House.Quotes:Use straight quotation marks.",
        "story.md:1:27:House.Quotes:Use straight quotation marks.",
    ]


def test_rule_test_cases_beside_or_inside_a_rule_are_not_rules(run_cli, tmp_path):
    # Vale 3.24's `vale test` (release notes, October 2026): cases in a rule's `tests:` key, or in
    # Rule.test.yml beside it; neither is linted with, and neither stops the style from loading.
    rule = ("extends: existence\nmessage: \"Consider removing '%s'.\"\nlevel: warning\nignorecase: true\n"
            "tokens: [reportedly]\ntests:\n  - name: flags a hedge\n    input: Reportedly, the mayor resigned.\n"
            "    want: |\n      1:1:House.Hedge:Consider removing 'Reportedly'.\n")
    path = project(tmp_path, {"Hedge": rule}, "The mayor reportedly resigned on Tuesday.\n")
    (tmp_path / "styles" / "House" / "Hedge.test.yml").write_text(
        "- name: plain report\n  rule: Hedge.yml\n  input: The mayor resigned.\n  want: ''\n", encoding="utf-8")
    proc = run_cli("check", "--format", "line", path.name, cwd=path.parent)
    assert proc.stderr.decode().count("error") == 0, proc.stderr.decode()
    assert proc.stdout.decode().splitlines() == ["story.md:1:11:House.Hedge:Consider removing 'reportedly'."]


def test_a_rule_with_the_old_code_key_is_refused_with_vales_reason(run_cli, tmp_path):
    # check/definition.go validateDefinition: "`code` is deprecated; please use `scope: raw` instead".
    old = "extends: existence\nmessage: Name the function without parentheses.\nnonword: true\ncode: true\ntokens: ['\\w+\\(\\)']\n"
    very = 'extends: existence\nmessage: "Cut \'%s\'."\ntokens: [very]\n'
    path = project(tmp_path, {"Calls": old, "Very": very}, "The very first call to `parse()` failed.\n")
    proc = run_cli("check", "--format", "line", path.name, cwd=path.parent)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "Calls.yml: rule House.Calls: key 'code' is no longer Vale's: use 'scope: raw'" in err, err
    assert proc.stdout.decode().splitlines() == ["story.md:1:5:House.Very:Cut 'very'."]


def test_a_pattern_reads_a_sentence_as_its_paragraph_unless_it_has_an_anchor_or_lookaround():
    from lintnews.rules.vale_scopes import edge_free

    assert edge_free(r"(?i)(?m)\b(?:in order to|prior to)\b")
    assert edge_free(r"[^\s$]+ [\^a-z]")  # ^ and $ inside a class, or escaped, anchor nothing
    assert not edge_free(r"(?m)\w+!(?:\s|$)")
    assert not edge_free(r"^But\b")
    assert not edge_free(r"(?<!Mr\. )Smith")
    assert not edge_free(r"\AThe")
