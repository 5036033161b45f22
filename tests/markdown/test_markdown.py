"""Markdown articles: positions, skip zones, front matter, safe fixes, suppressions."""

from __future__ import annotations

import difflib

from testkit import SEED

import lintnews
from lintnews.findings import Edit, Finding, Fix, Severity
from lintnews.read.article import read_article
from lintnews.run.engine import Linter
from lintnews.run.fixer import apply_fixes


def found(text: str, path: str = "a.md", **kw):
    return [(f.rule_id, f.line, f.column, f.text) for f in lintnews.check_text(text, path=path, **kw)]


def doubled(text: str, path: str = "a.md"):
    return [(line, col) for rule, line, col, _ in found(text, path) if rule == "News.DoubledWord"]


# ------------------------------------------------------------------ positions
def test_positions_after_code_span_link_in_list_and_blockquote():
    text = (
        "# Troops move north\n"
        "\n"
        "A `code` span then the the slip.\n"
        "\n"
        "A [link](http://example.com/a \"t\") then the the slip.\n"
        "\n"
        "- first item\n"
        "- second item with the the slip\n"
        "\n"
        "> A quoted paragraph that runs on\n"
        "> to a second line with the the slip and donâ€™t.\n"
    )
    # A block quote is quoted as written: no word-level finding there, but a byte repair is placed right.
    assert doubled(text) == [(3, 20), (5, 41), (8, 20)]
    assert [(line, col) for rule, line, col, _ in found(text) if rule == "News.Mojibake"] == [(11, 45)]


def test_heading_span_starts_after_the_marker():
    text = "# Troops move north\n\n## the the section heading\n\nBody text is here.\n"
    assert doubled(text) == [(3, 4)]


# ----------------------------------------------------------------- skip zones
def test_code_html_links_urls_emails_are_never_flagged():
    text = (
        "# Troops move north\n"
        "\n"
        "Inline `the the` code is fine.\n"
        "\n"
        "```\n"
        "the the in a fence\n"
        "```\n"
        "\n"
        "    the the indented\n"
        "\n"
        "<div>\n"
        "the the in an HTML block\n"
        "</div>\n"
        "\n"
        "See [the site](http://example.com/the%20the \"The site\") or <http://the.the/the> and <!-- the the -->.\n"
        "\n"
        "Bare http://example.com/the the and www.example.org/the the, and me@the.the too.\n"
        "\n"
        "[ref]: http://example.com/the the \"the the\"\n"
    )
    assert doubled(text) == []
    # The same words in prose are flagged.
    assert doubled(text.replace("Inline `the the` code", "Inline the the code")) == [(3, 8)]


def test_alt_text_and_link_titles_are_prose_and_targets_are_not():
    text = ("# Troops move north\n\n"
            "![Troops leave the the base](img/the_the.jpg \"The the convoy at dawn\")\n\n"
            "See [the the report](http://example.com/the%20the 'Report on the the move') and\n"
            "[this](http://example.com/x (the the end)) too.\n\n"
            "![Boats in the the *bay*][ref]\n\n"
            "[ref]: bay.jpg \"the the\"\n")
    # Alt text, link text and titles in any of the three quotings; never a target or a definition.
    assert doubled(text) == [(3, 16), (3, 47), (5, 6), (5, 62), (6, 30), (8, 12)]
    fixed = lintnews.fix_text(text, path="a.md", select=["News.DoubledWord"]).text
    assert fixed == text.replace("the the ", "the ").replace("The the ", "The ")
    assert 'img/the_the.jpg' in fixed and 'the%20the' in fixed and 'bay.jpg "the the"' in fixed


def test_bare_urls_and_emails_are_skipped_in_plain_text_too():
    text = "Troops move north\n\nSee www.example.org/the the and me@the.the today.\n"
    assert doubled(text, path="a.txt") == []
    assert found("Troops move north\n\nIt cost 450.000 dollars at www.x.com/450.000 today.\n", path="a.txt") == [
        ("News.ThousandsSeparator", 3, 9, "450.000")]


# --------------------------------------------------------------- front matter
FRONT = '---\ntitle: "Could Trump cooperate with Assad?"\nauthor: Jane\n---\n\n'


def test_front_matter_title_and_duplicate_title_fix_keeps_front_matter():
    text = FRONT + "Could Trump cooperate with Assad?\n\nAssad said he saw promise in the US vow.\n"
    assert found(text) == [("News.DuplicateTitle", 6, 1, "Could Trump cooperate with Assad?")]
    fixed = lintnews.fix_text(text, path="a.md")
    assert fixed.text == FRONT + "Assad said he saw promise in the US vow.\n"
    assert fixed.findings == []


def test_front_matter_is_prose_only_in_headline_fields_and_invalid_yaml_does_not_crash():
    text = "---\ntitle: the the\nnote: hi  the the elections\n---\n\nTroops move north\n\nThe troops left today.\n"
    assert found(text) == [("News.DoubledWord", 2, 8, "the the")]
    bad = "---\ntitle: [unclosed\n: - :\n---\n\nThe the troops left the base today at dawn.\n"
    assert found(bad) == [("News.DoubledWord", 6, 1, "The the")]
    assert lintnews.fix_text(bad, path="a.md").text.startswith("---\ntitle: [unclosed\n: - :\n---\n")


def test_front_matter_yaml_is_never_executed():
    text = "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n\nThe troops left today.\n"
    assert found(text) == []


# -------------------------------------------------------------------- fixes
def test_fixes_change_only_prose_spans():
    text = (
        "# Troops move north\n"
        "\n"
        "Since the days of hi elections, in `hi elections` code.\n"
        "\n"
        "A [link with the the words](http://example.com/the%20the) and the the slip.\n"
        "\n"
        "> Quoted with a donâ€™t slip\n"
        "> on two lines.\n"
        "\n"
        "Read more: What consequences follow\n"
        "```\n"
        "the the code\n"
        "```\n"
        "\n"
        "Line with a hard break  \n"
        "and the the end.\n"
    )
    fixed = lintnews.fix_text(text, path="a.md", unsafe=True)
    assert fixed.text == (
        "# Troops move north\n"
        "\n"
        "Since the days of his elections, in `hi elections` code.\n"
        "\n"
        "A [link with the words](http://example.com/the%20the) and the slip.\n"
        "\n"
        "> Quoted with a don’t slip\n"
        "> on two lines.\n"
        "\n"
        "```\n"
        "the the code\n"
        "```\n"
        "\n"
        "Line with a hard break  \n"
        "and the end.\n"
    )
    # Every change lies in prose: no skip zone of the original is touched.
    doc = read_article(text, "a.md").doc
    changes = [(i1, i2) for op, i1, i2, _, _ in
               difflib.SequenceMatcher(None, text, fixed.text, autojunk=False).get_opcodes() if op != "equal"]
    assert changes
    for i1, i2 in changes:
        assert doc.edit_allowed(i1, i2), text[i1:i2]
    # Markup, code and targets are all still there byte for byte.
    for zone in doc.protected_zones:
        assert text[slice(*zone)] in fixed.text
    assert lintnews.fix_text(fixed.text, path="a.md", unsafe=True).applied == 0


def test_fix_touching_markup_is_dropped():
    text = "# Troops move north\n\nThe troops left the `code` base, see <http://x.org>.\n"
    doc = read_article(text, "a.md").doc

    def finding(start, end, content):
        return Finding("X.Y", Severity.ERROR, start, end, "m", fix=Fix((Edit(start, end, content),)))

    code = text.index("`code`")
    link = text.index("<http")
    assert apply_fixes(text, [finding(code + 1, code + 5, "CODE")], doc=doc) == (text, 0)
    assert apply_fixes(text, [finding(code - 1, code + 1, "")], doc=doc) == (text, 0)  # touches the edge
    assert apply_fixes(text, [finding(link + 1, link + 5, "ftp")], doc=doc) == (text, 0)
    assert apply_fixes(text, [finding(0, 1, "")], doc=doc) == (text, 0)  # the heading marker alone
    prose = text.index("troops")
    assert apply_fixes(text, [finding(prose, prose + 6, "soldiers")], doc=doc)[1] == 1
    assert apply_fixes(text, [finding(code, code, "a ")], doc=doc)[1] == 1  # an insertion beside it


def test_crlf_markdown_positions_and_fix():
    text = "# Troops move north\r\n\r\nThe troops left\r\nthe the base `x` today.\r\n\r\n```\r\nthe the\r\n```\r\n"
    assert doubled(text) == [(4, 1)]
    fixed = lintnews.fix_text(text, path="a.md").text
    assert fixed == text.replace("\nthe the base", "\nthe base")
    quoted = "# Troops move north\r\n\r\n> The troops left\r\n> the base `x` donâ€™t.\r\n"
    assert [(line, col) for rule, line, col, _ in found(quoted) if rule == "News.Mojibake"] == [(4, 19)]
    assert lintnews.fix_text(quoted, path="a.md").text == quoted  # a repair in a block quote is unsafe
    assert lintnews.fix_text(quoted, path="a.md", unsafe=True).text == quoted.replace("donâ€™t", "don’t")


# ------------------------------------------------------------- suppressions
def check(text: str):
    return Linter(lintnews.load_rules()).check(text, "a.md")


def test_disable_enable_region():
    text = ("# Troops move north\n\n<!-- lintnews-disable News.DoubledWord, News.Confusables -->\n"
            "He saw the the dog and hi elections.\n\n<!-- lintnews-enable News.DoubledWord -->\n\n"
            "He saw the the cat and hi elections.\n")
    result = check(text)
    assert [(f.rule_id, f.line) for f in result.findings] == [("News.DoubledWord", 8)]
    assert result.unused_suppressions == []


def test_disable_next_line_applies_to_next_non_blank_line():
    text = ("# Troops move north\n\n<!-- lintnews-disable-next-line News.DoubledWord -->\n\n"
            "He saw the the dog.\n\nHe saw the the cat.\n")
    assert [(f.rule_id, f.line) for f in check(text).findings] == [("News.DoubledWord", 7)]


def test_prefix_and_all_rules():
    text = ("# Troops move north\n\n<!-- lintnews-disable-next-line News -->\nHe saw the the dog, hi elections.\n\n"
            "<!-- lintnews-disable -->\nHe saw the the cat, hi elections.\n")
    result = check(text)
    assert result.findings == [] and result.unused_suppressions == []


def test_unused_suppression_is_reported():
    text = ("# Troops move north\n\n<!-- lintnews-disable-next-line News.DoubledWord, News.Confusables -->\n"
            "He saw the the dog.\n")
    result = check(text)
    assert result.findings == []
    [unused] = result.unused_suppressions
    assert unused.rule_id == "Lintnews.UnusedSuppression"
    assert unused.severity.value == "warning"
    assert (unused.line, unused.column) == (3, 1)
    assert unused.text == "<!-- lintnews-disable-next-line News.DoubledWord, News.Confusables -->"
    assert "News.Confusables" in unused.message and "News.DoubledWord" not in unused.message


def test_suppression_inside_code_is_not_a_suppression():
    text = "# Troops move north\n\n`<!-- lintnews-disable -->`\nHe saw the the dog.\n"
    assert [f.rule_id for f in check(text).findings] == ["News.DoubledWord"]


def test_fix_does_not_apply_suppressed_fixes():
    text = "# Troops move north\n\n<!-- lintnews-disable-next-line News.DoubledWord -->\nHe saw the the dog.\n"
    assert lintnews.fix_text(text, path="a.md").text == text


# ----------------------------------------------------------------- the seed
def test_seed_as_markdown_gives_the_same_findings():
    seed = SEED.read_bytes().decode("utf-8")
    assert found(seed, path="seed.md") == found(seed, path="seed.txt")
    assert found(seed, path="seed.markdown") == found(seed, path="seed.txt")
    assert lintnews.fix_text(seed, path="seed.md").text == lintnews.fix_text(seed, path="seed.txt").text


def test_front_matter_title_with_the_same_h1_is_not_a_duplicate():
    text = "---\ntitle: Storm hits coast\n---\n\n# Storm  hits coast\n\nThe storm hit the coast on Monday.\n"
    assert [f.rule_id for f in lintnews.check_text(text, path="a.md", select=["News.DuplicateTitle"])] == []
    repeated = "---\ntitle: Storm hits coast\n---\n\nStorm hits coast\n\nThe storm hit the coast on Monday.\n"
    assert [f.rule_id for f in lintnews.check_text(repeated, path="a.md", select=["News.DuplicateTitle"])] == [
        "News.DuplicateTitle"]
