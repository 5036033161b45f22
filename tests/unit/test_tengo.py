"""The Tengo interpreter behind Vale's script rules: the language, Go's byte offsets, errors, the sandbox."""

from __future__ import annotations

import pytest

from lintnews.rules.tengo import ScriptError, matches_of, parse, run
from lintnews.rules.tengo.values import Char

STORY = "The café’s owner, Renée Müller, won her appeal on TK, the court said.\n"


def names(src: str, scope: str = STORY, **budget) -> dict:
    return run(parse(src), scope, **budget)


def test_a_script_that_counts_paragraphs_per_section():
    doc = "# One\n\nA.\n\nB.\n\nC.\n\nD.\n\nE.\n\n## Two\n\nF.\n"
    src = """
text := import("text")
matches := []
limit := 3 // at most three paragraphs per section
count := 0
for line in text.split(scope, "\\n") {
  if text.has_prefix(line, "#") {
    count = 0
  } else if count > limit {
    start := text.index(scope, line)
    matches = append(matches, {begin: start, end: start + len(line)})
    count = 0
  } else if text.trim_space(line) == "" {
    count += 1
  }
}
"""
    assert matches_of(names(src, doc)) == [(doc.index("D."), doc.index("D.") + 2, None)]  # the 4th blank line


def test_offsets_are_bytes_as_in_go():
    got = names('text := import("text")\n'
                'n := len(scope)\n'
                'at := text.index(scope, "TK")\n'
                'cut := scope[at:at+2]\n'
                'found := text.re_find(`M(ü)ller`, scope)\n'
                'first := scope[5]\n')
    assert got["n"] == len(STORY.encode()) and got["at"] == STORY.encode().index(b"TK")
    assert got["cut"] == "TK"
    whole, group = got["found"][0]
    assert (whole["begin"], whole["end"], whole["text"]) == (STORY.encode().index(b"M"), STORY.encode().index(b"M") + 7,
                                                             "Müller")
    assert (group["begin"], group["end"]) == (whole["begin"] + 1, whole["begin"] + 3)
    assert got["first"] == Char(ord("a"))  # indexing a string counts characters, as Tengo does


def test_values_operators_and_control_flow():
    got = names("""
total := 0
for i := 0; i < 10; i++ {
  if i % 2 == 0 { continue }
  if i > 7 { break }
  total += i
}
n := 0
for n < 5 { n++ }
keys := ""
for k, v in {desk: "metro"} { keys += k + "=" + v }
word := ""
for c in "abc" { word = string(c) + word }
q := -7 / 2
r := -7 % 2
f := 7 / 2.0
label := "page " + 3
same := 1 == 1.0
either := undefined || "fallback"
size := total > 10 ? "big" : "small"
arr := [1, [2, 3], {a: 1}]
missing := arr[10]
nested := arr[1][0]
part := arr[1:]
""", "")
    assert got["total"] == 1 + 3 + 5 + 7 and got["n"] == 5 and got["keys"] == "desk=metro" and got["word"] == "cba"
    assert (got["q"], got["r"], got["f"]) == (-3, -1, 3.5)
    assert got["label"] == "page 3" and got["same"] is False and got["either"] == "fallback"
    assert got["size"] == "big" and got["nested"] == 2 and got["part"] == [[2, 3], {"a": 1}]
    assert repr(got["missing"]) == "<undefined>"


def test_closures_keep_their_variables():
    got = names("""
counter := func() {
  n := 0
  return func() { n += 1; return n }
}
next := counter()
next()
next()
last := next()
fib := func(x) { return x < 2 ? x : fib(x - 1) + fib(x - 2) }
f10 := fib(10)
sum := func(...xs) { t := 0; for x in xs { t += x }; return t }
s := sum(1, 2, 3)
""", "")
    assert (got["last"], got["f10"], got["s"]) == (3, 55, 6)


def test_the_text_module():
    got = names("""
text := import("text")
a := text.re_replace(`([A-Z]\\w+)([A-Z]\\w+)`, "CityCouncil", `$1 $2`)
b := text.re_split(`,\\s*`, "Paris, Lyon,Nice", -1)
c := text.re_match(`^\\d{4}$`, "2024")
d := text.atoi("12a")
e := text.itoa(42) + text.to_upper("x") + text.trim_prefix(":attr:", ":")
f := text.replace("a-b-c", "-", "_", 1)
g := text.split_n("a b c", " ", 2)
h := text.re_find(`zzz`, "abc", -1)
i := text.join(["a", "b"], "/")
j := text.count(";;;", ";")
k := text.re_compile(`\\bTK\\b`).find("on TK now", -1)
""", "")
    assert got["a"] == "City Council" and got["b"] == ["Paris", "Lyon", "Nice"] and got["c"] is True
    assert type(got["d"]).__name__ == "TError"
    assert got["e"] == "42Xattr:" and got["f"] == "a_b-c" and got["g"] == ["a", "b c"]
    assert repr(got["h"]) == "<undefined>" and got["i"] == "a/b" and got["j"] == 3
    assert got["k"][0][0]["begin"] == 3


def test_go_regexp_syntax():
    got = names("""
text := import("text")
word := text.re_match(`^\\w+$`, "café")
dash := text.re_find(`[\\w-_]+`, ":my-attr_1:")[0][0].text
brace := text.re_find(`{{% +admonition .*%}}`, "x {{% admonition type=note %}} y")[0][0].begin
end := text.re_match(`fair$`, "fair\\n")
endm := text.re_match(`(?m)fair$`, "fair\\n")
look := text.re_find(`a(?=b)`, "ab")
scoped := len(text.re_find("((?ms)^```.*?^```)", "x\\n```\\ncode\\n```\\n", -1))
""", "")
    assert got["word"] is False  # \\w is ASCII in Go
    assert got["dash"] == "my-attr_1" and got["brace"] == 2
    assert got["end"] is False and got["endm"] is True
    assert type(got["look"]).__name__ == "TError"  # RE2 has no look-arounds
    assert got["scoped"] == 1


@pytest.mark.parametrize("src, message", [
    ("x := (1 +", "line 1: expected an expression, found end of script"),
    ("if x {\n", "expected '}'"),
    ("s := \"open", "line 1: string not terminated"),
])
def test_a_script_that_does_not_parse_names_the_line(src, message):
    with pytest.raises(ScriptError, match=message.replace("(", r"\(").replace("+", r"\+")):
        parse(src)


@pytest.mark.parametrize("src, message", [
    ("y := x + 1", "line 1: unresolved reference 'x'"),
    ("a := 1\na := 2", "line 2: 'a' redeclared in this block"),
    ("if false {\n  z = 1\n}", "line 2: unresolved reference 'z'"),  # refused before it runs, as Tengo does
    ("f := func() { return g() }\ng := func() { return 1 }", "line 1: unresolved reference 'g'"),
    ("z := 10 / (2 - 2)", "line 1: runtime error: division by zero"),
    ("t := \"a\" - 1", "invalid operation: string - int"),
    ("text := import(\"text\")\nt := text.has_prefix(undefined, \"x\")", "line 2: has_prefix: invalid type"),
    ("os := import(\"os\")", "module 'os' not found"),
    ("f := func(a) { return a }\nf(1, 2)", "wrong number of arguments"),
])
def test_a_script_that_fails_says_why_in_one_line(src, message):
    with pytest.raises(ScriptError, match=message) as exc:
        names(src, "")
    assert "\n" not in str(exc.value)


def test_the_budget_stops_a_script_that_never_ends():
    with pytest.raises(ScriptError, match="ran more than 10,000 steps"):
        names("n := 0\nfor { n++ }", "", max_steps=10_000)
    with pytest.raises(ScriptError, match="built more than 1,000,000 characters"):
        names('s := ""\nfor { s = s + "xxxx" }', "", max_size=1_000_000)
    with pytest.raises(ScriptError, match="a value of more than 10,000,000 characters"):
        names('s := "xxxx"\nfor { s += s }', "")
    with pytest.raises(ScriptError, match="repeat: a string of more than 10,000,000 characters"):
        names('text := import("text")\ns := text.repeat("abc", 100000000000)', "")
    with pytest.raises(ScriptError, match="nested more than"):
        names("f := func(n) { return f(n + 1) }\nf(0)", "")


def test_the_sandbox_prints_nothing_and_reaches_nothing_outside(capsys):
    got = names('fmt := import("fmt")\nfmt.println("leak")\nfmt.printf("%s", "leak")\n'
                'msg := fmt.sprintf("%d of %s", 3, "five")', "")
    assert got["msg"] == "3 of five"
    assert capsys.readouterr().out == ""
    for module in ("os", "times", "rand", "json"):
        with pytest.raises(ScriptError, match=f"module '{module}' not found"):
            names(f'm := import("{module}")', "")


def test_matches_must_be_maps_with_integer_offsets():
    assert matches_of(names('matches := [{begin: 1, end: 3, message: "m"}, {begin: 4, end: 5}]', "")) == [
        (1, 3, "m"), (4, 5, None)]
    with pytest.raises(ScriptError, match="no integer 'begin' and 'end'"):
        matches_of(names('matches := [{begin: "1", end: 3}]', ""))
    assert matches_of(names("x := 1", "")) == []


def test_collecting_many_matches_stays_linear():
    # ``xs = append(xs, ...)`` grows the array where it is, as Go's append does: 30,000 matches are
    # well within the size budget (a copy per append would build 450 million elements).
    doc = "TK and TK. " * 15_000
    got = names('text := import("text")\nmatches := []\n'
                'for f in text.re_find(`TK`, scope, -1) {\n'
                '  matches = append(matches, {begin: f[0].begin, end: f[0].end})\n}\n'
                'first := matches[0]\n', doc)
    assert len(matches_of(got)) == 30_000
    assert got["first"] == {"begin": 0, "end": 2}


def test_go_regexp_escapes_unicode_classes_code_points_and_quoted_text():
    got = names("""
text := import("text")
greek := text.re_find(`\\p{Greek}+`, "the αβγ index")[0][0].text
quote := text.re_match(`\\x{201C}`, "he said “yes”")
literal := text.re_match(`^\\Qa.b\\E$`, "a.b")
not_literal := text.re_match(`^\\Qa.b\\E$`, "axb")
bad := text.re_match(`\\x{zz}`, "x")
""", "")
    assert got["greek"] == "αβγ" and got["quote"] is True
    assert got["literal"] is True and got["not_literal"] is False
    assert type(got["bad"]).__name__ == "TError"


def test_any_call_with_any_arguments_fails_only_as_a_script_error():
    # Every builtin and module function, called with values of every type, either returns or raises
    # ScriptError (one line for the user): never a Python exception that would surface as a traceback.
    import random

    from lintnews.rules.tengo.builtins import BUILTINS, MODULES

    functions = [*BUILTINS, *(f"{module}.{name}" for module, table in MODULES.items()
                              for name, value in table.items() if not isinstance(value, (int, float)))]
    values = ['0', '-3', '2.5', '"héllo"', '""', '`(\\w+)`', '`[`', '"%d %s %5.2f %q %c"', 'undefined', 'true',
              "'x'", '[1, "a"]', '{a: 1}', 'error("e")', '"\\xff"', '-9223372036854775808', '1e308', 'scope']
    rng = random.Random(7)
    clean = 0
    for _ in range(600):
        args = ", ".join(rng.choice(values) for _ in range(rng.randint(0, 4)))
        call = f"v := {rng.choice(functions)}({args})"
        src = f'text := import("text")\nfmt := import("fmt")\nmath := import("math")\n{call}'
        try:
            names(src, "TK é")
            clean += 1
        except ScriptError as exc:
            assert "\n" not in str(exc)
    assert clean > 100
