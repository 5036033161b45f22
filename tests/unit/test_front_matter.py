"""Front matter: the three formats found, headline fields placed, fixes escaped for the field's quoting or refused."""

from __future__ import annotations

import lintnews
from lintnews.findings import Applicability, Edit, Fix
from lintnews.read import front_matter
from lintnews.read.front_edit import check_fix, escape
from lintnews.read.lines import Lines


def headlines(text: str, names=front_matter.HEADLINE_FIELDS):
    fm = front_matter.find(text, Lines(text))
    assert fm is not None
    return front_matter.headlines(text, fm, names)


def fields(text: str):
    return {f.key: (text[f.start:f.end], f.style, f.exact) for f in headlines(text).fields}


def test_fields_are_placed_inside_their_quotes_in_each_format():
    yaml_text = ("---\nTitle: \"Mayor says \\\"no\\\"\"\ndescription: 'It''s over'\nsummary: Plain words here\n"
                 "subtitle: |\n  Two\n  lines\nslug: not-a-field\n---\nBody.\n")
    assert fields(yaml_text) == {
        "Title": ('Mayor says \\"no\\"', "double", True),  # Hugo's keys are read in any case
        "description": ("It''s over", "single", True),
        "summary": ("Plain words here", "plain", True),
        "subtitle": ("Two\n  lines", "block", False),
    }
    toml_text = ('+++\ntitle = "Caf\\u00e9 opens"\ndescription = \'C:\\path\'\nsummary = """\nLong\ntext"""\n'
                 '[params]\nsubtitle = "nested"\n+++\n')
    assert fields(toml_text) == {
        "title": ("Caf\\u00e9 opens", "basic", True),
        "description": ("C:\\path", "literal", True),
        "summary": ("Long\ntext", "multiline", False),
    }
    json_text = '{\n  "title": "Storm \\ud83c\\udf0a hits",\n  "params": {"description": "nested"}\n}\nBody.\n'
    assert fields(json_text) == {"title": ("Storm \\ud83c\\udf0a hits", "json", True)}


def test_what_is_not_front_matter():
    for text in ("{ not json }\n\nBody.\n", '{"title": "x"} trailing\n', "+++\ntitle = 'x'\n",
                 "{" + '"a": ' * 3 + "[" * 100_000 + "\n"):
        assert front_matter.find(text, Lines(text)) is None, text[:40]
    assert front_matter.find('{"title": "x"}\n', Lines('{"title": "x"}\n')).format == "json"
    big = '{"title": "' + "x" * front_matter.MAX_JSON + '"}\n'
    assert front_matter.find(big, Lines(big)) is None
    invalid = "+++\ntitle = \n+++\n"
    assert front_matter.headlines(invalid, front_matter.find(invalid, Lines(invalid))) is None


def test_escape_by_style():
    assert escape("double", 'say "no" \\ now') == 'say \\"no\\" \\\\ now'
    assert escape("json", '"x"') == '\\"x\\"'
    assert escape("single", "it's") == "it''s"
    assert escape("literal", "it's") is None and escape("literal", "fine") == "fine"
    assert escape("plain", "it's") == "it's" and escape("plain", "'quoted", first=True) is None
    assert escape("plain", "a: b", ) is None and escape("plain", "# c") is None
    assert escape("double", "line\nbreak") is None and escape("block", "x") is None


def fixed(text: str, start: int, end: int, content: str):
    """The text with one fix at [start, end) as check_fix lets it be written, or None."""
    result = check_fix(text, headlines(text), Fix((Edit(start, end, content),), Applicability.SAFE))
    if result is None:
        return None
    out = text
    for e in sorted(result.edits, reverse=True):
        out = out[:e.start] + e.content + out[e.end:]
    return out


def test_a_fix_is_escaped_or_refused_so_the_front_matter_says_the_same():
    text = '---\ntitle: "Mayor says no"\nsummary: Mayor says no\ndraft: false\n---\n'
    at = text.index("no")
    assert fixed(text, at, at + 2, '"no"') == text.replace('says no"', 'says \\"no\\""')
    plain = text.index("no", at + 3)
    assert fixed(text, plain, plain + 2, '"no"') == text.replace("summary: Mayor says no", 'summary: Mayor says "no"')
    assert fixed(text, plain, plain + 2, "no: really") is None  # a mapping, not a headline
    start = text.index("Mayor", plain - 12)
    assert fixed(text, start, start, "'") is None  # would open a quoted scalar
    # An edit outside the field (its quotes, another key) is never written.
    assert fixed(text, at - 12, at - 11, "") is None
    # A field over several lines takes no fix; a fix after the front matter is left as it is.
    block = "---\ntitle: >\n  Two\n  lines\n---\nBody text.\n"
    assert fixed(block, block.index("Two"), block.index("Two") + 3, "Three") is None
    assert fixed(block, block.index("Body"), block.index("Body") + 4, "Main") == block.replace("Body", "Main")


def test_an_edit_between_an_escape_and_its_mark_is_refused():
    text = '+++\ntitle = "Say \\"no\\" today"\n+++\n'
    slash = text.index("\\")
    assert fixed(text, slash + 1, slash + 1, "x") is None
    assert fixed(text, slash, slash, "x ") == text.replace('Say \\"', 'Say x \\"')


def test_headline_fields_read_with_crlf_and_fixed_in_place():
    text = ('---\r\ntitle: "Storm hits the the coast"\r\ndescription: Waves broke the wall.Police closed the road\r\n'
            '---\r\n\r\nThe storm hit the coast on Monday.\r\n')
    found = [(f.rule_id, f.line, f.column) for f in lintnews.check_text(text, path="a.md")]
    assert found == [("News.DoubledWord", 2, 20), ("News.GluedWords", 3, 30)]
    assert lintnews.fix_text(text, path="a.md").text == text.replace("the the", "the").replace(
        "wall.Police", "wall. Police")


def test_a_title_field_chosen_by_configuration():
    text = "---\nheadline: Storm hits coast\ntitle: storm-hits-coast\n---\n\nStorm hits coast\n\nThe storm hit.\n"
    found = headlines(text, ("headline", "standfirst"))
    assert [(f.key, found.title) for f in found.fields] == [("headline", "headline")]
    linter = lintnews.linter(select=["News.DuplicateTitle"])
    linter.headline_fields = ("headline",)
    assert [f.line for f in linter.check(text, "a.md").findings] == [6]


def test_without_a_title_field_the_body_gives_the_title_as_before():
    text = ("---\ndescription: Waves hit the town\n---\n\nStorm hits coast\n\nStorm hits coast\n\n"
            "The storm hit the coast on Monday.\n")
    from lintnews.read.article import read_article
    doc = read_article(text, "a.md").doc
    assert [(b.kind, b.field) for b in doc.blocks][:3] == [("field", "description"), ("title", None),
                                                          ("heading", None)]
    assert doc.title.start == text.index("Storm") and doc.body[0].start == text.index("Storm", doc.title.end)
    assert [(f.rule_id, f.line) for f in lintnews.check_text(text, path="a.md")] == [("News.DuplicateTitle", 7)]


def test_checking_fixes_reads_the_front_matter_again_a_bounded_number_of_times(monkeypatch):
    from lintnews.read import front_edit

    source = 'title: "' + "the the, " * 10 + 'end"\n'
    text = "---\n" + source + "---\n\nThe storm hit the coast on Monday.\n"
    monkeypatch.setattr(front_edit, "MAX_REPARSED", 3 * len(source))
    found = lintnews.check_text(text, path="a.md", select=["News.DoubledWord"])
    assert len(found) == 10 and sum(1 for f in found if f.fix) == 3
