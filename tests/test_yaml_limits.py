"""YAML and TOML from anyone: alias bombs and deep nesting end in one line and exit 2, quickly.

Before the bounds, a 352-byte configuration like the one below grew memory without end
(a MemoryError after 27 s under a 1.6 GB cap), the rule file likewise, and
5,000 nested brackets in YAML or TOML ended in a RecursionError traceback
with exit 1.
"""

from __future__ import annotations

import time

import pytest

import lintnews
MAX_DEPTH = 50  # lintnews.read.datafile.MAX_DEPTH, as the messages say

ARTICLE = "A headline about troops\n\nThe troops left the city on Monday.\n"


def bomb() -> str:
    """Nine levels of nine aliases: a flow list that stands for 9**9 strings."""
    parts = ['&a [lol,lol,lol,lol,lol,lol,lol,lol,lol]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        parts.append(f"&{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "[" + ",".join(parts) + "]"


def deep(n: int = 5000) -> str:
    return "[" * n + "]" * n


def one_line_error(run_cli, *args, cwd=None):
    start = time.perf_counter()
    proc = run_cli(*args, cwd=cwd)
    assert time.perf_counter() - start < 10
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def rule_file_error(run_cli, tmp_path, article, name: str, body: str) -> tuple:
    """The one line a check with the rule file ``House/<name>.yml`` ends with, and the file."""
    rule = tmp_path / "styles" / "House" / f"{name}.yml"
    rule.parent.mkdir(parents=True)
    rule.write_text(body)
    return one_line_error(run_cli, "check", "--isolated", "--styles", tmp_path / "styles", article), rule


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    return path


def test_an_alias_bomb_in_the_configuration_is_one_line_and_exit_2(run_cli, tmp_path, article):
    config = tmp_path / "lintnews.yaml"
    config.write_text(f"severity: {{News.Spelling: {bomb()}}}\n")
    assert len(config.read_bytes()) < 400
    line = one_line_error(run_cli, "check", article)
    assert line.startswith(f"error: {config}: unsafe YAML at line 1, column ")
    assert line.endswith("its aliases stand for over 100,000 values (an alias bomb?)")


def test_an_alias_bomb_in_a_rule_file_is_one_line_and_exit_2(run_cli, tmp_path, article):
    line, rule = rule_file_error(run_cli, tmp_path, article, "Bomb", "extends: attribution\nmessage: m\n"
                                 f"sources: [said]\nfeatures: {{accusation: {bomb()}}}\n")
    assert line.startswith(f"error: {rule}: unsafe YAML at line 4, column ")
    assert "alias bomb" in line


def test_an_alias_inside_its_own_anchor_is_refused(run_cli, tmp_path, article):
    line, rule = rule_file_error(run_cli, tmp_path, article, "Loop", "extends: attribution\nmessage: m\n"
                                 "sources: [said]\nfeatures: {accusation: &a [x, *a]}\n")
    assert line == f"error: {rule}: unsafe YAML at line 4, column 31: the alias *a stands inside its own anchor; skipped"


@pytest.mark.parametrize("name, body", [
    ("lintnews.yaml", f"select: {deep()}\n"),
    ("lintnews.yaml", "per-path:\n" + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(200)) + " " * 402 + "x\n"),
    ("pyproject.toml", f"[tool.lintnews]\nselect = {deep()}\n"),
    ("pyproject.toml", f"[tool.lintnews]\nselect = {deep(MAX_DEPTH + 1)}\n"),  # within the parser's reach
])
def test_deep_nesting_in_a_configuration_is_one_line_and_exit_2(run_cli, tmp_path, article, name, body):
    config = tmp_path / name
    config.write_text(body)
    line = one_line_error(run_cli, "check", article)
    assert line.startswith(f"error: {config}: unsafe ")
    assert line.endswith(f"nested over {MAX_DEPTH} levels deep")


def test_deep_nesting_in_a_rule_file_is_one_line_and_exit_2(run_cli, tmp_path, article):
    body = f"extends: existence\nmessage: m\ntokens: {deep()}\n"
    line, rule = rule_file_error(run_cli, tmp_path, article, "Deep", body)
    assert line.startswith(f"error: {rule}: unsafe YAML at line 3, column ")


def test_anchors_shared_by_a_rule_file_still_load(tmp_path):
    # The pattern kind reuses token lists through `define` and aliases, as the built-in rules do.
    rule = tmp_path / "House" / "CouldCare.yml"
    rule.parent.mkdir()
    rule.write_text(
        "extends: pattern\n"
        "message: \"'%s': the idiom is {suggestion}.\"\n"
        "define:\n"
        "  subject: &subject {pos: [PRON, NOUN, PROPN]}\n"
        "  could: &could {word: could, mark: true}\n"
        "  care: &care {word: care}\n"
        "patterns:\n"
        "  - tokens: [*subject, *could, *care, {word: less}]\n"
        "    suggest: \"couldn't\"\n"
        "  - tokens: [*subject, *could, {word: really}, *care, {word: less}]\n"
        "    suggest: \"couldn't\"\n"
    )
    rules = lintnews.load_rules(styles=[tmp_path], builtin=False)
    found = lintnews.check_text("Voters\n\nVoters could care less about the race.\n", rules=rules)
    assert [f.text for f in found] == ["could"]


def test_the_built_in_rules_load_within_the_bounds():
    assert len(lintnews.load_rules()) > 30


def test_an_alias_bomb_in_front_matter_is_metadata_with_no_title(run_cli, tmp_path):
    # An article is input from anyone too: its front matter is read with the same bounds.
    article = tmp_path / "a.md"
    article.write_text(f"---\ntitle: {bomb()}\n---\n\nThe troops left the city on Monday.\n")
    start = time.perf_counter()
    proc = run_cli("check", "--isolated", article)
    assert time.perf_counter() - start < 10
    assert (proc.returncode, proc.stderr) == (0, b"")


@pytest.mark.parametrize("body, line, key", [
    ("select: [News]\nignore: [News.DoubledWord]\nselect: [News.Spelling]\n", 3, "select"),
    ('per-path:\n  "wire/**": {fail-on: warning}\n  "wire/**": {language: en-GB}\n', 3, "wire/**"),
    ("severity:\n  News.Spelling: warning\n  News.Spelling: error\n", 3, "News.Spelling"),
])
def test_a_key_given_twice_in_a_configuration_is_one_line_and_exit_2(run_cli, tmp_path, article, body, line, key):
    # PyYAML keeps the last of two equal keys without a word: the first setting would be lost unseen.
    config = tmp_path / "lintnews.yaml"
    config.write_text(body)
    error = one_line_error(run_cli, "check", article)
    assert error.startswith(f"error: {config}: invalid YAML at line {line}, column ")
    assert error.endswith(f"the key '{key}' is given twice in one mapping")


def test_the_same_key_in_different_mappings_is_fine(run_cli, tmp_path, article):
    (tmp_path / "lintnews.yaml").write_text(
        'language: en-US\nper-path:\n  "wire/**": {language: en-GB, ignore: [News.Spelling]}\n'
        '  "blogs/**": {language: en-GB, ignore: [News.Spelling]}\nignore: [News.Spelling, News.Spelling]\n')
    proc = run_cli("check", article)
    assert proc.returncode == 0, proc.stderr.decode()
