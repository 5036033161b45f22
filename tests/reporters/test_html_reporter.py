"""--format html: the page for editors, read back with the stdlib's HTML parser."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from htmlpage import HOSTILE_ARTICLE, HOSTILE_NAME, MARKDOWN_ARTICLE, SPACES_ARTICLE, Page
from reportcorpus import CLEAN_ARTICLE, EMOJI_ARTICLE, SEED

import lintnews
from lintnews.report import FORMATS, ReportContext
from lintnews.report.html_assets import JS
from lintnews.report.html_marks import Marked, marked_text

ARTICLES = {
    "content/news/council-budget.md": MARKDOWN_ARTICLE,
    "seeds/000_c63858ed88562771.txt": SEED.read_text(encoding="utf-8"),
    "wire/emoji, crlf: 100%.txt": EMOJI_ARTICLE,
    "wire/clean.txt": CLEAN_ARTICLE,
    "wire/storm.txt": SPACES_ARTICLE,
}


def check(texts: dict[str, str]):
    """(findings in the order the page numbers them, documents by path), as the command gets them."""
    linter = lintnews.Linter(lintnews.load_rules())
    findings, docs = [], {}
    for path, text in texts.items():
        result = linter.check(text, path)
        findings.extend(result.findings)
        docs[path] = result.article.doc
    findings.sort(key=lambda f: f.sort_key())
    return findings, docs


def render(findings, docs, unfinished=None) -> str:
    stream = io.StringIO()
    FORMATS["html"].render(findings, ReportContext(docs=docs, stream=stream, unfinished=unfinished or {}))
    return stream.getvalue()


@pytest.fixture(scope="module")
def report():
    findings, docs = check(ARTICLES)
    source = render(findings, docs)
    return findings, docs, source, Page(source)


def test_each_mark_holds_exactly_its_findings_words(report):
    findings, docs, _, page = report
    marks = page.marks()
    assert len(marks) == len(findings)
    for n, f in enumerate(findings, 1):
        assert marks[str(n)] == docs[f.path].text[f.start:f.end], f
        item = page.root.find("li", id=f"d{n}")
        assert (item.attrs["data-rule"], item.attrs["data-level"]) == (f.rule_id, f.severity.value)
        assert f.message in item.text and f"line {f.line}, column {f.column}" in item.text
    # Realistic findings: a confusable, a repeated speech verb, a number, the leftover with a
    # no-break space inside it, and nothing inside the quotation or the block quote.
    words = {(f.rule_id, marks[str(n)]) for n, f in enumerate(findings, 1) if f.path.endswith(".md")}
    assert {("News.Confusables", "hi"), ("News.DoubledWord", "said said"),
            ("News.ThousandsSeparator", "450.000"), ("News.NoBreakSpace", "\u00a0"),
            ("News.Boilerplate", "Read more:\u00a0Harbour plans face new delays")} <= words
    assert not any(w in ("the the", "Its", "was") for _, w in words)
    spaces = {(f.rule_id, marks[str(n)]) for n, f in enumerate(findings, 1) if f.path.endswith("storm.txt")}
    assert spaces == {("News.MultipleSpaces", "  "), ("News.TrailingWhitespace", "   ")}


def test_the_article_text_reads_back_whole(report):
    findings, docs, _, page = report
    texts = {s.find("h2").text: s.find("div", cls="text").text for s in page.root.find_all("article", cls="article")}
    assert texts == {p: docs[p].text for p in {f.path for f in findings}}


def test_each_mark_is_focusable_and_described(report):
    findings, _, _, page = report
    for n, f in enumerate(findings, 1):
        mark = page.root.find("mark", id=f"f{n}")
        assert mark.attrs["tabindex"] == "0" and mark.attrs["aria-describedby"] == f"d{n}"
        assert mark.attrs["data-level"] == f.severity.value and mark.attrs["data-rule"] == f.rule_id
    # A missing final newline is an empty mark at the end of the text, still a tab stop.
    final = [n for n, f in enumerate(findings, 1) if f.rule_id == "News.FinalNewline"]
    assert final and all(page.root.find("mark", id=f"f{n}").text == "" for n in final)


def test_fixes_show_before_and_after(report):
    findings, _, _, page = report
    by_words = {(f.rule_id, f.text): n for n, f in enumerate(findings, 1) if f.path.endswith(".md")}
    fix = page.root.find("li", id=f"d{by_words['News.Confusables', 'hi']}").find("p", cls="fix")
    assert (fix.find("del").text, fix.find("ins").text) == ("hi", "his")
    assert "lintnews fix" in fix.text and "(his)" not in fix.text  # a safe fix
    fix = page.root.find("li", id=f"d{by_words['News.ThousandsSeparator', '450.000']}").find("p", cls="fix")
    assert (fix.find("del").text, fix.find("ins").text) == ("450.000", "450,000")
    assert "--unsafe-fixes" in fix.text and fix.text.endswith("(Write '450,000')")  # unsafe in Markdown
    fix = page.root.find("li", id=f"d{by_words['News.DoubledWord', 'said said']}").find("p", cls="fix")
    assert fix.text.count("delete") == 1 and fix.find("del").text == "\u2423said"  # the space made visible
    claim = next(n for n, f in enumerate(findings, 1) if f.fix is None)
    assert page.root.find("li", id=f"d{claim}").find_all("p", cls="fix") == []


def test_counts_per_level_and_rule_and_the_clean_article(report):
    findings, _, _, page = report
    form = page.root.find("form", id="filters")

    def counts(name):
        return {label.find("input").attrs["value"]: int(label.find("span", cls="n").attrs["data-count"])
                for label in form.find_all("label") if label.find("input").attrs["name"] == name}

    assert counts("level") == Counter(f.severity.value for f in findings)
    assert counts("rule") == Counter(f.rule_id for f in findings)
    for box in form.find_all("input"):
        assert box.attrs["type"] == "checkbox" and "checked" in box.attrs
    clean = page.root.find("section", cls="clean")
    assert [li.text for li in clean.find_all("li")] == ["wire/clean.txt"]
    assert len(page.root.find_all("article", cls="article")) == 4
    totals = page.root.find("p", cls="totals").text
    assert f"{len(findings)} findings in 4 articles" in totals and "5 articles checked, 1 clean" in totals


def test_hostile_text_and_names_stay_text():
    findings, docs = check({HOSTILE_NAME: HOSTILE_ARTICLE})
    assert findings  # "hi elections campaign"
    source = render(findings, docs)
    page = Page(source)
    scripts = page.root.find_all("script")
    assert len(scripts) == 1 and scripts[0].text == JS
    assert page.root.find_all("img") == [] and page.root.find_all("div", cls="text")[0].find_all("script") == []
    for element in page.root.iter():
        assert not any(name.startswith("on") for name in element.attrs), element.tag
    section = page.root.find("article", cls="article")
    assert section.find("h2").text == HOSTILE_NAME
    assert section.find("div", cls="text").text == HOSTILE_ARTICLE  # every character, \r and bidi included
    assert "<script>window" not in source and "<img src" not in source
    # The override is wrapped, so it cannot reorder the page; the zero-width space is shown.
    badges = {e.attrs["data-ch"]: e.text for e in section.find_all("span", cls="ch")}
    assert badges == {"RLO": "\u202e", "ZWSP": "\u200b"}


@pytest.mark.parametrize("articles", ["realistic", "hostile"])
def test_no_network_no_resource_is_loaded(report, articles):
    if articles == "realistic":
        source, page = report[2:]
    else:  # a URL and an <img> in the article stay text
        source = render(*check({HOSTILE_NAME: HOSTILE_ARTICLE}))
        page = Page(source)
        assert "https://example.com/photo.jpg" in page.root.find("div", cls="text").text
    for element in page.root.iter():
        assert element.tag not in ("link", "img", "iframe", "object", "embed", "video", "audio", "source")
        for name, value in element.attrs.items():
            assert name not in ("src", "srcset", "action", "poster", "data", "background"), element.tag
            if name == "href":
                assert value.startswith("#"), value
    style = page.root.find("style").text
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    script = page.root.find("script").text
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|import\(", script)
    csp = page.root.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?https?:""", source, re.I)


def test_a_page_with_no_findings_lists_the_articles_as_clean():
    findings, docs = check({"a.txt": CLEAN_ARTICLE, "b.txt": CLEAN_ARTICLE})
    page = Page(render(findings, docs, unfinished={"b.txt": ["warning: b.txt: time budget of 8s ran out"]}))
    assert page.root.find_all("mark") == [] and page.root.find_all("form") == []
    items = page.root.find("section", cls="clean").find_all("li")
    assert [li.children[0] for li in items] == ["a.txt", "b.txt"]
    assert "time budget" in items[1].find("p", cls="note").text


@pytest.mark.parametrize("spans", [
    [(0, 10), (5, 15)],                    # crossing: the second is split round the end of the first
    [(0, 20), (5, 10), (5, 10), (10, 10)],  # nested, identical, and empty at a shared end
    [(3, 3), (3, 8), (0, 3), (8, 20), (2, 12), (12, 12), (19, 20)],
    [(0, 20), (0, 20), (4, 16), (6, 18)],
])
def test_overlapping_and_empty_spans_keep_their_words(spans):
    text = "the <b>mayor</b> & said\r\n"
    marks = [Marked(n, "warning", "News.Test", s, e) for n, (s, e) in enumerate(spans, 1)]
    page = Page(f"<div>{marked_text(text, marks)}</div>")
    assert page.root.find("div").text == text
    got = page.marks()
    assert {n: got.get(str(n)) for n in range(1, len(spans) + 1)} == {
        n: text[s:e] for n, (s, e) in enumerate(spans, 1)}
    for n in range(1, len(spans) + 1):  # one focusable piece each
        assert len(page.root.find_all("mark", id=f"f{n}")) == 1


def test_a_lone_carriage_return_is_shown_by_name_and_a_windows_line_end_is_not():
    # A browser draws a lone CR as nothing at all; CR LF is an ordinary line end.
    text = "Council\r\n\r\nThe vote was held.\rResults follow.\r\n"
    page = Page(f"<div>{marked_text(text, [])}</div>")
    assert page.root.find("div").text == text
    assert [(e.attrs["data-ch"], e.text) for e in page.root.find_all("span", cls="ch")] == [("CR", "\r")]


TABLE_TEXT = "Leeds won.\n\n| Team | Points |\n|---|---|\n| Leeds | 12 |\n\nThe the end.\n"


@pytest.mark.parametrize("spans", [
    [(16, 20)],               # inside the table
    [(6, 20)],                # from the prose into the table: split at its edge
    [(14, 60), (30, 30)],     # across the whole table, and an empty one inside it
    [(60, 67), (69, 69)],     # after it, and empty at the text's end
])
def test_a_table_is_set_apart_and_marks_keep_their_words_across_its_edges(spans):
    marks = [Marked(n, "warning", "News.Test", s, e) for n, (s, e) in enumerate(spans, 1)]
    page = Page(f"<div>{marked_text(TABLE_TEXT, marks)}</div>")
    assert page.root.find("div").text == TABLE_TEXT
    table = page.root.find("span", cls="tbl")
    assert table.text == "| Team | Points |\n|---|---|\n| Leeds | 12 |"
    got = page.marks()
    assert {n: got.get(str(n)) for n in range(1, len(spans) + 1)} == {
        n: TABLE_TEXT[s:e] for n, (s, e) in enumerate(spans, 1)}
    for n in range(1, len(spans) + 1):  # one focusable piece each
        assert len(page.root.find_all("mark", id=f"f{n}")) == 1


def test_the_command_writes_the_page(run_cli, tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "council-budget.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    (folder / "clean.txt").write_text(CLEAN_ARTICLE, encoding="utf-8")
    out = tmp_path / "report.html"
    done = run_cli("check", "--format", "html", "--output", out, folder)
    assert done.returncode == 1, done.stderr
    assert b"Found" in done.stdout  # the summary goes to the terminal, the page to the file
    page = Page(out.read_text(encoding="utf-8"))
    assert "council-budget.md" in page.root.find("article", cls="article").find("h2").text
    assert page.root.find("section", cls="clean").find("li").text.endswith("clean.txt")
    done = run_cli("check", "--format", "html", folder)
    assert done.stdout.decode("utf-8") == out.read_text(encoding="utf-8")


def test_findings_without_their_text_are_still_listed():
    findings, docs = check({"seeds/a.txt": ARTICLES["seeds/000_c63858ed88562771.txt"]})
    page = Page(render(findings, {}, unfinished={"seeds/a.txt": ["warning: seeds/a.txt: rules not finished"]}))
    article = page.root.find("article", cls="article")
    assert page.root.find_all("mark") == [] and article.find_all("div", cls="text") == []
    assert "not available" in article.text and "rules not finished" in article.text
    assert [li.attrs["data-rule"] for li in article.find_all("li", cls="finding")] == [f.rule_id for f in findings]
    assert article.find_all("a") == []  # no link to a mark that is not there


def test_a_stream_that_is_not_utf8_gets_the_same_page_in_ascii(report):
    findings, docs, source, page = report
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    FORMATS["html"].render(findings, ReportContext(docs=docs, stream=stream))
    stream.flush()
    ascii_page = Page(raw.getvalue().decode("ascii"))
    assert ascii_page.marks() == page.marks()
    texts = [d.text for d in ascii_page.root.find_all("div", cls="text")]
    assert texts == [d.text for d in page.root.find_all("div", cls="text")] and "\u00a0" in "".join(texts)
