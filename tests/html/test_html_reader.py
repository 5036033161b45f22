"""HTML articles read as documents over their own text: blocks, scopes, skip zones, quotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintnews.read.article import read_article
from lintnews.read.html_doc import HtmlDocument

HERE = Path(__file__).parent


def read(name: str):
    text = (HERE / name).read_bytes().decode("utf-8") if name.endswith(".html") else name
    path = name if name.endswith(".html") else "t.html"
    return read_article(text, path).doc


def blocks(doc):
    return [(b.kind, b.scope, doc.text[b.start:b.end]) for b in doc.blocks]


def test_story_blocks_kinds_and_scopes():
    doc = read("story.html")
    assert blocks(doc) == [
        ("field", "title", "Council approves budget | The Daily Ledger"),  # <title>: checked, not the headline
        ("title", "heading.h1", "Council approves the the budget"),
        ("paragraph", "paragraph", "By Jane Doe &amp; Sam Roe"),
        ("paragraph", "paragraph", "The city council voted 7&ndash;2 on Tuesday to approve a budget of "
                                   "$4.2&nbsp;million,\n    after a debate that lasted lasted nearly four hours."),
        ("paragraph", "alt", "Council members vote on the the budget"),
        ("paragraph", None, "Council members at Tuesday&rsquo;s meeting. Photo: "
                            "<a href=\"https://example.com/p\">Ledger Staff"),  # the block ends with its last word
        ("paragraph", "blockquote", "&ldquo;We was told the the money would come,&rdquo; said Mayor Ann Lee."),
        ("paragraph", "paragraph", "Run <code>teh the the</code> to check; AT&amp;T declined to comment."),
        ("paragraph", "list", "Parks: $1.1 million"),
        ("paragraph", "list", "Roads: $2 million"),
    ]


def test_script_style_pre_code_head_and_tags_are_skip_zones():
    doc = read("story.html")
    text = doc.text
    for needle in ('var teh = "the the"', "/* teh */", "the the teh", '{"headline": "the the"}',
                   "teh the the", '<meta charset="utf-8">', 'class="byline"',
                   'href="https://example.com/p"', "&amp;", "&ndash;", "&rsquo;", "<!DOCTYPE html>"):
        start = text.index(needle)
        assert doc.in_skip_zone(start, start + len(needle)), needle
    # ...while the prose around the inline markup is not.
    for needle in ("Ledger Staff", "AT", "declined to comment", "Sam Roe"):
        start = text.index(needle)
        assert not doc.in_skip_zone(start, start + len(needle)), needle


def test_cms_export_with_optional_end_tags_crlf_and_uppercase_tags():
    doc = read("cms_export.html")
    got = blocks(doc)
    assert got[:2] == [("field", "title", "Flood waters recede in Riverton"),
                       ("title", "heading.h1", "Flood waters recede in Riverton")]
    assert doc.title.kind == "title" and doc.text[doc.title.start:doc.title.end] == got[1][2]
    assert ("paragraph", "paragraph", "RIVERTON &mdash; Residents returned on Sunday to homes that had been under "
            "water for for three days, officials said.") in got
    # <P> closed by the next <P>; the <BR> and the line break stay inside the paragraph.
    assert ("paragraph", "paragraph", "The river crested at 31&#8239;feet on Thursday, the highest level since "
            "1997.<BR>\r\nEmergency crews evacuated more than 2,000 people.") in got
    assert [g for g in got if g[1] in ("list", "table.cell", "table.header")] == [
        ("paragraph", "list", "Boil water before drinking it until further notice."),
        ("paragraph", "list", "Shelters at Lincoln High School remain open."),
        ("paragraph", "table.header", "Town"), ("paragraph", "table.header", "Homes damaged"),
        ("paragraph", "table.cell", "Riverton"), ("paragraph", "table.cell", "412"),
        ("paragraph", "table.cell", "Millbrook"), ("paragraph", "table.cell", "87"),
    ]
    assert ("heading", "heading.h2", "What residents need to know") in got
    assert got[-1] == ("paragraph", None, "Loose text in the content div after the last paragraph is is still prose.")
    assert not any(t == "&nbsp;" or "ads.length" in t or "water level" in t for _, _, t in got)


def test_entity_quotation_marks_are_quotations_and_apostrophes_are_not():
    doc = read("cms_export.html")
    text = doc.text
    inside = text.index("the the basement")
    assert doc.protected(inside, inside + 7) == "quotation"
    after = text.index("said Tom Reyes")
    assert doc.protected(after, after + 4) is None


def test_block_quotes_tables_and_posts_are_quoted_as_written():
    doc = read("cms_export.html")
    text = doc.text
    assert doc.protected(text.index("Water is is"), text.index("Water is is") + 5) in ("block quote", "post")
    assert doc.protected(text.index("Millbrook"), text.index("Millbrook") + 9) == "table"


def test_inline_scopes_by_vale_names():
    doc = read("<p>The <strong>mayor</strong> said <em>no</em>, see <a href='/x'>the plan</a> and "
               "<code>x</code>.</p><figure><img src='a.jpg' alt='Mayor Lee speaks'></figure>")
    named = [(name, doc.text[s:e]) for name, s, e in doc.inline_scopes]
    assert named == [("strong", "mayor"), ("emphasis", "no"), ("link", "the plan"), ("code", "x"),
                     ("alt", "Mayor Lee speaks")]


def test_alt_text_inside_a_paragraph_is_part_of_it():
    doc = read('<p>Lee <img src="a.png" alt="a smiling face"> waved.</p>')
    assert blocks(doc) == [("paragraph", "paragraph", 'Lee <img src="a.png" alt="a smiling face"> waved.')]
    start = doc.text.index("smiling")
    assert not doc.in_skip_zone(start, start + 7)
    assert doc.in_skip_zone(doc.text.index("src"), doc.text.index("src") + 3)


@pytest.mark.parametrize("content, allowed", [("the", True), ("AT&T", False), ("<b>x</b>", False)])
def test_an_edit_never_writes_markup(content, allowed):
    doc = read("<p>The cat sat.</p>")
    assert isinstance(doc, HtmlDocument)
    assert doc.content_allowed(3, 7, content) is allowed


def test_a_quotation_mark_in_alt_text_would_end_the_attribute():
    doc = read('<img src="a.png" alt="Crowds in the square">')
    start = doc.text.index("Crowds")
    assert not doc.content_allowed(start, start + 6, 'Crowds "here"')
    assert doc.content_allowed(start, start + 6, "Crowds ’here’")


def test_removal_takes_the_element_whole_or_only_its_text():
    doc = read("<h1>Title</h1>\n<p>Read more: subscribe now.</p>\n<p>Body <a href='/x'>link</a>.</p>\n"
               "<table><tr><td>Cell</td></tr></table>\n")
    text = doc.text
    removals = [text[slice(*doc.block_removal(b))] for b in doc.blocks]
    assert removals == ["<h1>Title</h1>\n", "<p>Read more: subscribe now.</p>\n",
                        "<p>Body <a href='/x'>link</a>.</p>\n", "Cell"]


@pytest.mark.parametrize("broken", [
    "<p>Unclosed <b>bold and <i>italic", "</p></div>stray ends</li>", "<p>a < b and c > d</p>",
    "<div class=x <p>broken tag</p>", "<p>cut off <a href=", "<!-- unclosed comment <p>x</p>",
    "<script>never closed", "<p>&unknown; &#xZZ; & amp</p>", "", "   \n  ", "<p></p><p>&nbsp;</p>",
])
def test_broken_html_reads_without_error_and_blocks_stay_in_order(broken):
    doc = read(broken)
    spans = [(b.start, b.end) for b in doc.blocks]
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(broken) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_vale_skipped_scopes_and_ignored_classes_skip_elements_whole():
    from lintnews.read.html_doc import document
    text = ('<figure><img alt="A crowd"><figcaption>Crowds TODO</figcaption></figure>\n'
            '<div class="sidebar metrics"><p>Query time TODO</p></div>\n'
            '<p>Mayor <strong>TODO</strong> spoke.</p>\n')
    doc, _ = document(text, "t.html", [], skipped=("figure", "strong"), ignored_classes=("metrics",))
    assert [doc.text[b.start:b.end] for b in doc.blocks] == ["Mayor <strong>TODO</strong> spoke."]
    for at in (text.index("Crowds"), text.index("Query"), text.index("TODO</strong>"), text.index("A crowd")):
        assert doc.in_skip_zone(at, at + 4)
    assert not doc.in_skip_zone(text.index("spoke"), text.index("spoke") + 5)


def test_scopes_where_vales_html_fixtures_expect_them():
    # Shaped as Asciidoctor and DocBook write HTML: an anchor inside a heading, a paragraph inside a list
    # item or a table cell, a table of contents in a definition list.
    doc = read('<div class="toc"><dl><dt><span><a href="#i">Introduction TODO</a></span></dt></dl></div>\n'
               '<div><h2 class="title"><a name="i"></a>Introduction TODO</h2></div>\n'
               '<div class="ulist"><ul>\n<li>\n<p>level 1 TODO</p>\n</li>\n</ul></div>\n'
               '<table><tbody><tr><td class="tableblock"><p class="tableblock">TODO</p></td></tr></tbody></table>\n'
               '<p>Introductory text TODO.</p>\n')
    scopes = [(doc.block_at(m).scope, doc.position(m)) for m in _all(doc.text, "TODO")]
    assert scopes == [(None, (1, 58)), ("heading.h2", (2, 53)), ("list", (5, 12)), ("table.cell", (8, 64)),
                      ("paragraph", (9, 22))]


def _all(text, needle):
    at = text.find(needle)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


@pytest.mark.parametrize("tag, alt", [
    ("<img title='say alt=\"x\"' alt=\"Mayor Lee\">", "Mayor Lee"),  # the alt=... inside another value is not it
    ("<img src=a.png alt= 'Mayor Lee' />", "Mayor Lee"),
    ("<IMG ALT=Crowds>", "Crowds"),
    ("<img alt>", None), ('<img alt="">', None), ('<img data-alt="Not this">', None),
])
def test_alt_text_is_the_alt_attribute_the_tokenizer_reads(tag, alt):
    doc = read(tag)
    assert [doc.text[s:e] for name, s, e in doc.inline_scopes if name == "alt"] == ([alt] if alt else [])


def test_two_line_breaks_in_a_row_end_a_paragraph_one_does_not():
    doc = read('<div class="body">First paragraph.<br><br>\n Second one,<br/>still second.<br /> <br />Third.</div>')
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [
        "First paragraph.", "Second one,<br/>still second.", "Third."]


def test_read_article_passes_vales_skipped_scopes_and_ignored_classes_to_the_html_reader():
    text = '<div class="blurb"><svg>...</svg>Thanks! bye bye</div>\n<div class="okay">Thanks! bye bye</div>\n'
    doc = read_article(text, "a.html", html_ignored_classes=("blurb",)).doc
    assert [(doc.position(b.start), doc.text[b.start:b.end]) for b in doc.blocks] == [((2, 19), "Thanks! bye bye")]
    doc = read_article(text, "a.html", html_skipped=("div",)).doc
    assert doc.blocks == []
