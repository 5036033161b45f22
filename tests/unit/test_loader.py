"""Rule files are validated when loaded: one clear line per problem."""

from __future__ import annotations

import pytest

import lintnews
from lintnews.errors import LintnewsError, RuleError


def style(tmp_path, name: str, body: str):
    folder = tmp_path / "House"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yml").write_text(body, encoding="utf-8")
    return tmp_path


def load(tmp_path):
    return lintnews.load_rules(styles=[tmp_path], builtin=False)


def test_user_rule_loads_with_id_from_path(tmp_path):
    style(tmp_path, "Utilize", "extends: substitution\nignorecase: true\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  utilize: use\n")
    rules = load(tmp_path)
    assert [r.id for r in rules] == ["House.Utilize"]
    found = lintnews.check_text("Title\n\nWe Utilize drones.\n", rules=rules)
    # A rule in Vale's format: capitalize is off, as in Vale.
    assert [(f.text, f.message) for f in found] == [("Utilize", "Use 'use' instead of 'Utilize'.")]


@pytest.mark.parametrize(
    "body, problem",
    [
        ("extends: existence\nmessage: m\ntokns: [a]\n", "unknown key 'tokns' for kind 'existence' (did you mean 'tokens'?)"),
        ("extends: existence\nmessage: m\ntokens: {a: b}\n", "key 'tokens' must be a list of strings, not dict"),
        ("extends: existence\nmessage: m\ntokens: ['(unclosed']\n", "key 'tokens': bad regex"),
        ("extends: existence\nmessage: m\nlevel: fatal\ntokens: [a]\n", "key 'level' must be one of error, warning, suggestion"),
        ("extends: nonsense\nmessage: m\n", "unknown kind 'nonsense'"),
        ("message: m\n", "missing required key 'extends'"),
        ("extends: existence\ntokens: [a]\n", "missing required key 'message'"),
        ("extends: existence\nmessage: [unclosed\n", "invalid YAML at the end of the file"),
        # An unclosed quote: PyYAML stops at the end; the message says where the quoted text began.
        ('extends: existence\nmessage: "Avoid %s\nlevel: warning\ntokens: [a]\n',
         "invalid YAML at the end of the file: found unexpected end of stream, while scanning a quoted scalar that "
         "starts at line 2, column 10"),
        ("extends: existence\nmessage: m\n  tokens: : [a]\nlevel: warning\n", "invalid YAML at line 3, column"),
        ("- just\n- a list\n", "a rule file must be a mapping"),
    ],
)
def test_bad_rule_file_is_one_line_naming_file_and_rule(tmp_path, body, problem):
    style(tmp_path, "Bad", body)
    with pytest.raises(RuleError) as exc:
        load(tmp_path)
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(str(tmp_path / "House" / "Bad.yml") + ": ")
    assert problem in message


def test_yaml_never_executes(tmp_path):
    style(tmp_path, "Evil", "extends: !!python/object/apply:os.system ['echo pwned']\nmessage: m\n")
    with pytest.raises(RuleError, match="invalid YAML"):
        load(tmp_path)


def test_catastrophic_regex_times_out_instead_of_hanging(tmp_path, monkeypatch):
    monkeypatch.setattr("lintnews.rules.patterns.TIMEOUT", 0.2)
    style(tmp_path, "Slow", "extends: existence\nmessage: m\nnonword: true\nraw: ['(a|aa)+b']\n")
    rules = load(tmp_path)
    result = lintnews.Linter(rules).check("Title\n\n" + "a" * 40 + "\n", "x.txt")
    assert result.findings == []
    assert result.unfinished == ["x.txt: rule House.Slow: pattern timed out after 0.2s"]


def test_user_rule_replaces_builtin_of_same_id(tmp_path):
    folder = tmp_path / "News"
    folder.mkdir()
    (folder / "DoubledWord.yml").write_text("extends: existence\nmessage: custom\ntokens: [zebra]\n")
    rules = lintnews.load_rules(styles=[tmp_path])
    rule = next(r for r in rules if r.id == "News.DoubledWord")
    assert rule.name == "existence"


def test_unknown_selector_is_an_error():
    with pytest.raises(lintnews.UsageError, match="unknown rule id or prefix 'News.Nope'"):
        lintnews.load_rules(select=["News.Nope"])


def test_prefix_selects_a_style_and_ends_at_a_dot():
    ids = [r.id for r in lintnews.load_rules(select=["News"])]
    assert "News.DoubledWord" in ids and len(ids) > 20
    with pytest.raises(LintnewsError):
        lintnews.load_rules(select=["News.Doubled"])  # "News.DoubledWord" is no member of "News.Doubled"


@pytest.mark.parametrize("scope, flagged", [("heading.h1", ["Utilize"]), ("raw", ["Utilize", "utilize"]),
                                            ("sentence", ["utilize"]), ("body", ["utilize"])])
def test_vale_scope_names_load(tmp_path, scope, flagged):
    style(tmp_path, "Utilize", f"extends: existence\nmessage: m\nignorecase: true\nscope: {scope}\ntokens: [utilize]\n")
    # A rule in Vale's format sees headings as Vale does: marked up as headings.
    found = lintnews.check_text("# Utilize drones\n\nWe utilize drones.\n", path="a.md", rules=load(tmp_path))
    assert [f.text for f in found] == flagged


def test_unknown_scope_is_an_error(tmp_path):
    style(tmp_path, "Bad", "extends: existence\nmessage: m\nscope: footnote\ntokens: [a]\n")
    with pytest.raises(RuleError, match="key 'scope': unknown scope 'footnote'"):
        load(tmp_path)


def test_bad_token_is_named_by_itself(tmp_path):
    style(tmp_path, "Bad", "extends: existence\nmessage: m\ntokens: [fine, 'foo(bar']\n")
    with pytest.raises(RuleError) as exc:
        load(tmp_path)
    assert "bad regex 'foo(bar': missing )" in str(exc.value)


def test_ignorecase_swap_that_is_already_right_is_not_reported(tmp_path):
    style(tmp_path, "Words", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
                             "fix: safe\nswap:\n  Homeland Security: homeland security\n  advisor: adviser\n")
    rules = load(tmp_path)
    text = "Title\n\nThe homeland security advisor met the Homeland Security team.\n"
    assert [f.text for f in lintnews.check_text(text, rules=rules)] == ["advisor", "Homeland Security"]
    fixed = lintnews.fix_text(text, rules=rules)
    assert fixed.converged and fixed.text == "Title\n\nThe homeland security adviser met the Homeland security team.\n"


def test_on_off_yes_no_stay_words_in_rule_files(tmp_path):
    style(tmp_path, "Words", "extends: existence\nmessage: m\ntokens: [on, off, yes, no]\nignorecase: true\n")
    rules = load(tmp_path)
    assert rules[0].values["tokens"] == ["on", "off", "yes", "no"]
    assert rules[0].values["ignorecase"] is True


def test_wordlist_finds_what_the_word_boundary_regex_finds():
    import regex

    from lintnews.read.document import Document
    from lintnews.rules.wordlist import WordList

    text = "Colour, colours and colour's; the recolour in order to, in order tons, colour_x Colour"
    doc = Document(text)
    for ignorecase in (False, True):
        words = WordList(["colour", "colours", "in order to"], ignorecase=ignorecase)
        expected = [m.span() for m in words.fallback.finditer(text)]
        assert words.spans(doc) == expected
        assert expected  # the test text does hold matches
    assert regex.search(r"\bcolour\b", "recolour") is None



def test_whether_a_rule_file_is_in_vales_format_is_decided_once(tmp_path, monkeypatch):
    from lintnews.rules import base, loader

    calls = []
    real = loader.is_vale_rule

    def counted(kind, spec):
        calls.append(kind)
        return real(kind, spec)

    monkeypatch.setattr(loader, "is_vale_rule", counted)
    monkeypatch.setattr(base, "is_vale_rule", counted)
    path = tmp_path / "Start.yml"
    cases = [
        ("extends: capitalization\nmessage: m\nmatch: $title\nscope: heading\n", "capitalization", True),
        ("extends: capitalization\nmessage: m\nposition: paragraph-start\nmin-words: 3\n", "paragraph-start", False),
        ("extends: spelling\nmessage: m\nmin-length: 4\n", "dictionary", False),
        ("extends: existence\nmessage: m\ntokens: [obviously]\n", "existence", True),
        ("extends: existence\nmessage: m\ntokens: [obviously]\nquotes: skip\n", "existence", False),
    ]
    for body, kind, vale in cases:
        calls.clear()
        path.write_text(body, encoding="utf-8")
        rule = loader.load_rule_file("House.Start", path, warnings=[])
        assert (rule.name, rule.vale, len(calls)) == (kind, vale, 1), body
