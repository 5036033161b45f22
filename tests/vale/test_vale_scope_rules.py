"""Vale's scope selection and comment controls in detail, through the API (check_text) on short news copy."""

from __future__ import annotations

import lintnews
from lintnews.read.article import read_article
from testkit import house_rules


rules = house_rules


def spots(text: str, loaded, path: str = "a.md") -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.rule_id) for f in lintnews.check_text(text, path=path, rules=loaded)]


def todo(scope: str) -> str:
    return f"extends: existence\nmessage: \"'%s' left in text\"\nscope: {scope}\ntokens: [TODO]\n"


STORY = """# TODO headline

## Second TODO

TODO lede paragraph.

> TODO quoted.
>
> TODO second quoted paragraph.

- TODO item
"""


def test_negation_and_conjunction_as_vale_defines_them(tmp_path):
    loaded = rules(tmp_path, NotH2=todo("~heading.h2"), Neither=todo("'~blockquote & ~heading'"),
                   Both=todo("'heading & ~heading.h1'"))
    got = spots(STORY, loaded)
    assert [s for s in got if s[2] == "House.Both"] == [(3, 11, "House.Both")]
    # Vale names a block by the first scoped tag opened since the last one closed: the second
    # paragraph of a block quote is a plain paragraph to it.
    assert [s[:2] for s in got if s[2] == "House.Neither"] == [(5, 1), (9, 3), (11, 3)]
    assert [s[:2] for s in got if s[2] == "House.NotH2"] == [(1, 3), (5, 1), (7, 3), (9, 3), (11, 3)]


def test_a_scope_with_the_file_extension_selects_that_format_only(tmp_path):
    loaded = rules(tmp_path, MdHeads=todo("heading.md"))
    assert spots(STORY, loaded) == [(1, 3, "House.MdHeads"), (3, 11, "House.MdHeads")]
    assert spots("TODO headline\n\nTODO body.\n", loaded, path="a.txt") == []


def test_paragraph_and_sentence_scopes_leave_lists_headings_and_quotes(tmp_path):
    loaded = rules(tmp_path, Para=todo("paragraph"), Sent=todo("sentence"))
    assert {s[:2] for s in spots(STORY, loaded)} == {(5, 1), (9, 3)}


def test_the_reader_names_blocks_and_inline_spans(tmp_path):
    text = ("# Title\n\n- **Bold** and *em* with `code` and [a link](u) ![alt words](i.png)\n\n"
            "| Head | Other |\n|---|---|\n| cell | two |\n")
    doc = read_article(text, "a.md").doc
    assert [b.scope for b in doc.blocks] == ["heading.h1", "list", "table"]
    assert [(n, text[s:e]) for n, s, e in doc.inline_scopes] == [
        ("strong", "Bold"), ("emphasis", "em"), ("code", "code"), ("link", "a link"), ("alt", "alt words"),
        ("table.header", "Head"), ("table.header", "Other"), ("table.cell", "cell"), ("table.cell", "two")]


def test_a_pipe_paragraph_without_a_delimiter_row_is_no_table():
    doc = read_article("Results | wins | losses\nwere close.\n", "a.md").doc
    assert [b.scope for b in doc.blocks] == ["paragraph"] and doc.inline_scopes == []


def test_comment_controls_follow_vale(tmp_path):
    loaded = rules(tmp_path, Todo=todo("text"), Fixme="extends: existence\nmessage: m\ntokens: [FIXME]\n")
    text = ("TODO one FIXME.\n\n<!-- vale House.Todo = NO -->\n\nTODO two FIXME.\n\n<!-- vale off -->\n\n"
            "<!-- vale House.Fixme = YES -->\n\nTODO three FIXME.\n\n<!-- vale on -->\n\nTODO four FIXME.\n\n"
            "<!-- vale House.Todo = YES -->\n\nTODO five, and a note <!-- vale House = NO --> FIXME.\n\nTODO six.\n")
    assert spots(text, loaded) == [(1, 1, "House.Todo"), (1, 10, "House.Fixme"), (5, 10, "House.Fixme"),
                                   (15, 11, "House.Fixme")]


def test_a_raw_rule_is_silenced_only_by_vale_off_at_the_end(tmp_path):
    # Vale runs raw-scope rules after the last block, having put every rule back on (comments.feature).
    loaded = rules(tmp_path, Raw=todo("raw"))
    assert spots("<!-- vale House.Raw = NO -->\n\nTODO here.\n", loaded) == [(3, 1, "House.Raw")]
    assert spots("TODO here.\n\n<!-- vale off -->\n", loaded) == []


def test_lintnews_rules_keep_their_own_scopes(tmp_path):
    loaded = rules(tmp_path, Body="extends: existence\nmessage: m\nscope: body\nfix: none\ntokens: [TODO]\n")
    assert [s[:2] for s in spots("# TODO title\n\nTODO body.\n", loaded)] == [(3, 1)]


def test_occurrence_counts_a_code_spans_text_as_vale_masks_it(tmp_path):
    loaded = rules(tmp_path, Long="extends: occurrence\nmessage: m\nscope: heading & ~heading.h1\nmax: 40\ntoken: .\n")
    text = ("# Title\n\n## `apt-get install nginx` fails on the new servers\n\n"
            "## [A link to the story](https://example.com/a/very/long/path/to/the/page)\n")
    # 21 characters of code and 25 of text are 46: reported at the first character Vale leaves readable;
    # a link's target is no text (23 characters).
    assert spots(text, loaded) == [(3, 28, "House.Long")]


def test_a_long_row_under_a_pipe_line_is_read_in_linear_time():
    import time

    started = time.process_time()
    doc = read_article("Wins | losses\n-" + " " * 60000 + "x\n", "a.md").doc
    assert time.process_time() - started < 2.0  # a backtracking pattern took 18 s on this row
    assert [b.scope for b in doc.blocks] == ["paragraph"]


def test_an_ignore_pattern_that_times_out_leaves_the_rest_read(monkeypatch):
    from lintnews.rules import patterns
    from lintnews.rules.vale_ignores import ignore_zones

    monkeypatch.setattr(patterns, "TIMEOUT", 0.05)
    text = "a" * 60 + "b\n\nThe vote is {{ TBD }}.\n"
    zones = ignore_zones(text, ("^(a|aa)+$", r"\{\{[^}]*\}\}"))  # the first backtracks past any timeout
    assert [text[s:e] for s, e in zones] == ["{{ TBD }}"]


def test_vale_styles_control_leaves_only_the_styles_it_names(tmp_path):
    loaded = rules(tmp_path, Todo=todo("text"))
    other = tmp_path / "styles" / "Desk"
    other.mkdir()
    (other / "Fixme.yml").write_text("extends: existence\nmessage: m\ntokens: [FIXME]\n", encoding="utf-8")
    loaded = lintnews.load_rules(styles=[tmp_path / "styles"], builtin=False)
    text = ("TODO one FIXME.\n\n<!-- vale style = Desk -->\n\nTODO two FIXME.\n\n<!-- vale House = YES -->\n\n"
            "TODO three FIXME.\n\n<!-- vale styles = House, Desk -->\n\nTODO four FIXME.\n")
    assert spots(text, loaded) == [(1, 1, "House.Todo"), (1, 10, "Desk.Fixme"), (5, 10, "Desk.Fixme"),
                                   (9, 1, "House.Todo"), (9, 12, "Desk.Fixme"), (13, 1, "House.Todo"),
                                   (13, 11, "Desk.Fixme")]


def test_many_controls_are_read_in_linear_time(tmp_path):
    import time

    loaded = rules(tmp_path, Todo=todo("text"))
    text = "".join(f"<!-- vale Desk.Rule{i} = NO -->\n<!-- vale House.Todo = {'NO' if i % 2 else 'YES'} -->\n\n"
                   f"TODO {i}.\n\n" for i in range(20000))  # a state copied per control was quadratic
    started = time.process_time()
    found = spots(text, loaded)
    assert time.process_time() - started < 30
    assert len(found) == 10000 and found[0] == (4, 1, "House.Todo")
