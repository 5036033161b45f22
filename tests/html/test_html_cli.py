"""HTML articles through the `lintnews` command: exact positions, nothing in markup or code, byte-exact fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent

TEH = """extends: existence
message: "Did you mean 'the'?"
level: error
tokens:
  - teh
"""
# A substitution whose second swap would write markup into HTML.
PLUS = """extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
action:
  name: replace
swap:
  plus: "&"
  roughly: about
"""


@pytest.fixture
def styles(tmp_path):
    house = tmp_path / "styles" / "House"
    house.mkdir(parents=True)
    (house / "Teh.yml").write_text(TEH)
    (house / "Plus.yml").write_text(PLUS)
    return tmp_path / "styles"


def copy(tmp_path, name: str) -> Path:
    target = tmp_path / name
    target.write_bytes((HERE / name).read_bytes())
    return target


def test_story_findings_at_exact_lines_and_columns(run_cli, tmp_path):
    story = copy(tmp_path, "story.html")
    r = run_cli("check", "--isolated", "--select", "News.DoubledWord", "--format", "concise", story)
    assert r.returncode == 1
    # The headline, the body's "lasted lasted" (two forms of a verb that is no auxiliary) and the
    # photo's alt text; not the block quote (a quotation), nor the script, the JSON-LD, the <pre> and
    # the <code>, which all say "the the" too.
    assert r.stdout.decode().splitlines() == [
        f"{story}:11:24: suggestion: News.DoubledWord [*] 'the the': a word is doubled.",
        f"{story}:14:25: suggestion: News.DoubledWord [*] 'lasted lasted': a word is doubled.",
        f"{story}:16:62: suggestion: News.DoubledWord [*] 'the the': a word is doubled.",
        "Found 3 findings (3 suggestions) in 1 file (3 fixable with `lintnews fix`).",
    ]


def test_no_finding_of_any_rule_in_script_style_code_or_tags(run_cli, tmp_path):
    story = copy(tmp_path, "story.html")
    r = run_cli("check", "--isolated", "--format", "json", story)
    text = story.read_text(encoding="utf-8")
    markup = []
    for opening, closing in (("<head>", "</head>"), ("<pre>", "</pre>"), ("<code>", "</code>"),
                             ('<script type="application/ld+json">', "</script>")):
        start = text.index(opening)
        markup.append((start, text.index(closing, start) + len(closing)))
    findings = json.loads(r.stdout)
    assert findings, "the story has findings outside markup"
    for f in findings:
        assert not any(s < f["end"] and f["start"] < e for s, e in markup), f
        assert "<" not in f["text"] or f["rule"].startswith("Vale."), f


def test_a_house_rule_finds_prose_only(run_cli, tmp_path, styles):
    article = tmp_path / "teh.html"
    article.write_text('<html><head><title>teh</title><style>/* teh */</style></head>\n<body>\n'
                       '<p data-note="teh">Officials said teh vote <code>teh</code> was close.</p>\n'
                       '<!-- teh -->\n<script>var teh = 1;</script>\n<pre>teh</pre>\n</body></html>\n')
    r = run_cli("check", "--isolated", "--styles", styles, "--select", "House.Teh", "--format", "line", article)
    # The page's <title> is prose, as Vale reads it; the attribute, code, comment, script and <pre> are not.
    assert r.stdout.decode() == (f"{article}:1:20:House.Teh:Did you mean 'the'?\n"
                                 f"{article}:3:35:House.Teh:Did you mean 'the'?\n")
    assert r.returncode == 1


def test_fix_changes_only_the_prose_and_keeps_crlf(run_cli, tmp_path):
    article = copy(tmp_path, "cms_export.html")
    before = article.read_bytes()
    r = run_cli("fix", "--isolated", "--select", "News.DoubledWord", article)
    assert r.returncode == 0, r.stderr.decode()
    expected = before.replace(b"water for for three", b"water for three", 1).replace(
        b"visit the the county", b"visit the county", 1).replace(  # loose text in the div is prose too
        b"paragraph is is still", b"paragraph is still", 1)
    assert expected != before
    assert article.read_bytes() == expected  # the script's, the <pre>'s and the suppressed line's doubles stay
    assert run_cli("fix", "--isolated", "--select", "News.DoubledWord", article).returncode == 0
    assert article.read_bytes() == expected


def test_a_fix_that_would_write_markup_is_reported_not_applied(run_cli, tmp_path, styles):
    html, txt = tmp_path / "a.html", tmp_path / "a.txt"
    for path in (html, txt):
        path.write_text("<p>Costs rose roughly 4% plus fees.</p>\n")
    r = run_cli("fix", "--isolated", "--unsafe-fixes", "--styles", styles, "--select", "House.Plus", html, txt)
    assert html.read_text() == "<p>Costs rose about 4% plus fees.</p>\n"
    assert txt.read_text() == "<p>Costs rose about 4% & fees.</p>\n"  # plain text: '&' is just a character
    assert f"{html}:1:24: warning: House.Plus Use '&' instead of 'plus'." in r.stdout.decode()
    assert r.returncode == 1


@pytest.mark.parametrize("name, fmt", [("notes.rst", "reStructuredText"), ("guide.adoc", "AsciiDoc"),
                                       ("todo.org", "Org"), ("tool.py", "source code"), ("app.js", "source code")])
def test_unsupported_format_named_is_one_line_and_exit_2(run_cli, tmp_path, name, fmt):
    bad = tmp_path / name
    bad.write_text("Officials said teh vote was close.\n")
    good = tmp_path / "ok.txt"
    good.write_text("Officials said the vote was close.\n")
    r = run_cli("check", "--isolated", bad, good)
    assert r.returncode == 2
    errors = [line for line in r.stderr.decode().splitlines() if line.startswith("error:")]
    assert errors == [f"error: {bad}: format not supported ({fmt})"]
    assert "1 file" in (r.stdout + r.stderr).decode()  # the good file was still checked


def test_folder_walk_takes_html_and_skips_unsupported_formats(run_cli, tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    for name in ("a.html", "b.htm", "c.rst", "d.adoc", "e.py", "f.md"):
        (desk / name).write_text("<p>The the vote was close.</p>\n" if "htm" in name else "The the vote.\n")
    r = run_cli("check", "--isolated", "--select", "News.DoubledWord", "--format", "line", desk)
    assert r.returncode == 1, r.stderr.decode()
    assert [line.split(":")[0] for line in r.stdout.decode().splitlines()] == [
        f"{desk}/a.html", f"{desk}/b.htm", f"{desk}/f.md"]
    assert "error:" not in r.stderr.decode()


def test_a_repeated_headline_is_deleted_with_its_element(run_cli, tmp_path):
    article = tmp_path / "dup.html"
    article.write_text("<article>\n  <h1>Storm batters the coast</h1>\n  <p>Storm batters the coast</p>\n"
                       "  <p>Thousands lost power on Monday as the storm came ashore.</p>\n</article>\n")
    r = run_cli("fix", "--isolated", "--select", "News.DuplicateTitle", article)
    assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()
    assert article.read_text() == ("<article>\n  <h1>Storm batters the coast</h1>\n"
                                   "  <p>Thousands lost power on Monday as the storm came ashore.</p>\n</article>\n")


@pytest.mark.parametrize("name", ["story.html", "cms_export.html"])
def test_every_rule_and_unsafe_fix_leaves_the_markup_byte_for_byte(run_cli, tmp_path, name):
    from lintnews.read.article import read_article

    article = copy(tmp_path, name)
    before = article.read_bytes().decode("utf-8")
    r = run_cli("fix", "--isolated", "--unsafe-fixes", article)
    assert r.returncode in (0, 1), r.stderr.decode()
    after = article.read_bytes().decode("utf-8")
    assert after != before  # something in the prose was fixed...

    def markup(text):
        doc = read_article(text, name).doc
        return [text[s:e] for s, e in doc.protected_zones]

    assert markup(after) == markup(before)  # ...and every tag, reference, script, code and <pre> is as it was
    assert after.count("\r\n") == before.count("\r\n")


def test_an_unsupported_file_the_configuration_excludes_is_left_out_quietly(run_cli, tmp_path):
    (tmp_path / "lintnews.yaml").write_text("exclude: ['*.py']\n")
    (tmp_path / "tool.py").write_text("print('the the')\n")
    (tmp_path / "a.html").write_text("<p>The vote was close.</p>\n")
    r = run_cli("check", "tool.py", "a.html", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert "not supported" not in r.stderr.decode()


def test_scraper_damage_in_html_prose_is_found_and_fixed(run_cli, tmp_path):
    # Scraper repairs read the document's stripped-mark judgement, which an HTML article answers too.
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Port closes</h1><p>Officials say they don t know when the "
                    "mayor s office will reopen the  harbor.</p></body></html>\n", encoding="utf-8")
    r = run_cli("check", "--isolated", "--format", "json", page)
    assert r.returncode == 1, r.stderr.decode()
    assert [f["rule"] for f in json.loads(r.stdout)] == [
        "News.StrippedApostrophe", "News.StrippedApostrophe", "News.MultipleSpaces"]
    assert run_cli("fix", "--isolated", page).returncode == 0
    assert ("<p>Officials say they don't know when the mayor's office will reopen the harbor.</p>"
            in page.read_text(encoding="utf-8"))
