"""Where a Vale style run by lintnews must find what Vale finds, at Vale's positions: each case a newsroom's
own rule and article (written for these tests), run through the installed `lintnews` command with only a
.vale.ini beside the article."""

from __future__ import annotations

import json


def project(tmp_path, rules: dict[str, str], files: dict[str, str | bytes], ini_extra: str = "") -> None:
    (tmp_path / ".vale.ini").write_text(f"StylesPath = styles\nMinAlertLevel = suggestion\n{ini_extra}\n"
                                        "[*]\nBasedOnStyles = Desk\n")
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / f"{name}.yml").write_text(text)
    for name, body in files.items():
        path = tmp_path / name
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body)


def spots(run_cli, cwd, *files: str) -> list[tuple[int, int, str, str]]:
    proc = run_cli("check", "--format", "json", *files, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["line"], f["column"], f["rule"], f["message"]) for f in json.loads(proc.stdout)]


QUOTES = ("extends: consistency\nmessage: \"Mixed quotation marks: '%s'.\"\nlevel: error\nscope: text\n"
          "nonword: true\neither:\n  '\"': '[”“]'\n")


def test_consistency_reports_once_per_block_at_vales_position(run_cli, tmp_path):
    story = ("# Council vote\n\nThe mayor said the vote was “close” on Tuesday.\n\n"
             "Her deputy called it a \"landslide\" and the “people's choice” and a \"mandate\".\n\n"
             "A third paragraph with \"plain\" quotes only.\n")
    project(tmp_path, {"Quotes": QUOTES}, {"vote.md": story})
    # The first paragraph uses one kind only; the second mixes both: one finding, for its last match
    # (a straight quote), placed at the first straight quote in the paragraph. The third, once both kinds
    # have been seen in the file, is flagged too.
    assert spots(run_cli, tmp_path, "vote.md") == [
        (5, 24, "Desk.Quotes", "Mixed quotation marks: '\"'."),
        (7, 24, "Desk.Quotes", "Mixed quotation marks: '\"'."),
    ]


HEDGE = "extends: existence\nmessage: \"Consider removing '%s'.\"\nlevel: warning\nignorecase: true\ntokens: [very]\n"
UTILIZE = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\naction:\n  name: replace\nswap:\n  utilize: use\n"


def test_a_file_with_lone_cr_line_endings_counts_each_cr_as_a_line(run_cli, tmp_path):
    story = "## Budget\r\rThe council had a very long night.\r\rOfficials will utilize the very last funds.\r"
    project(tmp_path, {"Hedge": HEDGE, "Utilize": UTILIZE}, {"old-mac.md": story.encode()})
    assert [s[:3] for s in spots(run_cli, tmp_path, "old-mac.md")] == [
        (3, 19, "Desk.Hedge"), (5, 16, "Desk.Utilize"), (5, 28, "Desk.Hedge")]
    concise = run_cli("check", "--format", "line", "old-mac.md", cwd=tmp_path).stdout.decode()
    assert "old-mac.md:5:16:Desk.Utilize" in concise
    # The fix writes the file's own line endings back: no LF appears.
    proc = run_cli("fix", "--unsafe-fixes", "old-mac.md", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert (tmp_path / "old-mac.md").read_bytes() == story.replace("utilize", "use").encode()


def test_ignored_classes_skip_html_elements_by_class(run_cli, tmp_path):
    page = ("<html><body>\n<article>\n<p>The council had a very long night.</p>\n"
            "<div class=\"promo newsletter\"><p>Get our very best stories every morning.</p></div>\n"
            "<aside class=\"related\"><p>A very similar vote last year</p></aside>\n"
            "<p class=\"byline\">By a very tired reporter</p>\n</article>\n</body></html>\n")
    project(tmp_path, {"Hedge": HEDGE}, {"vote.html": page}, ini_extra="IgnoredClasses = newsletter, related")
    assert [s[:2] for s in spots(run_cli, tmp_path, "vote.html")] == [(3, 22), (6, 24)]


SPELL = "extends: spelling\nmessage: \"'%s' is not in the dictionary.\"\nlevel: warning\ncustom: true\nfilters: ['[0-9]']\n"


def test_a_hyphenated_word_is_looked_up_whole_as_vales_speller_does(run_cli, tmp_path):
    story = "The mayor e-mailed an all-time record budget to a council-friendly press office.\n"
    project(tmp_path, {"Spell": SPELL}, {"budget.md": story})
    # Hunspell would accept "council-friendly" (two known words); Vale's speller, with its default
    # filters off (custom: true), looks each word up whole, and its en_US-web lists no hyphenated word.
    assert spots(run_cli, tmp_path, "budget.md") == [
        (1, 11, "Desk.Spell", "'e-mailed' is not in the dictionary."),
        (1, 23, "Desk.Spell", "'all-time' is not in the dictionary."),
        (1, 51, "Desk.Spell", "'council-friendly' is not in the dictionary.")]


SENTENCE = "extends: capitalization\nmessage: \"'%s' should be in sentence case.\"\nlevel: warning\nscope: heading\nmatch: $sentence\n"


def test_an_html_headings_entities_are_read_as_characters_and_placed_as_vale_places_them(run_cli, tmp_path):
    page = ("<html><body>\n<h1>Council passes the budget</h1>\n"
            "  <h2>Mayor&#160;Says The Vote Was Fair</h2>\n<p>Text.</p>\n"
            "  <h2>Turnout&#160;was low</h2>\n</body></html>\n")
    project(tmp_path, {"Sentence": SENTENCE}, {"vote.html": page})
    # Vale reads "&#160;" as a no-break space; the text it flags is not in the file as written, so
    # Vale reports the start of its line. The heading in sentence case passes.
    assert spots(run_cli, tmp_path, "vote.html") == [
        (3, 1, "Desk.Sentence", "'Mayor\u00a0Says The Vote Was Fair' should be in sentence case.")]


def test_ignored_classes_skip_inline_html_in_markdown(run_cli, tmp_path):
    story = ("# Budget\n\nThe council had a very long night. <span class=\"cms-note internal\">A very rough "
             "draft line.</span> It was very late.\n")
    project(tmp_path, {"Hedge": HEDGE}, {"budget.md": story}, ini_extra="IgnoredClasses = internal")
    assert [s[:2] for s in spots(run_cli, tmp_path, "budget.md")] == [(3, 19), (3, 107)]


LOWER_HEADLINE = ("extends: existence\nmessage: \"'%s' should start with a capital\"\nlevel: warning\n"
                  "scope: heading.h1\nraw:\n  - '^[a-z].+'\n")
TWICE = "extends: repetition\nmessage: '\"%s\" is repeated.'\nlevel: error\nalpha: true\ntokens:\n  - '[^\\s]+'\n"


def test_a_markdown_block_is_read_rendered_and_markup_inside_a_match_places_it_at_the_line_start(run_cli, tmp_path):
    story = ("# council approves budget\n\n"
             "# council *narrowly* approves budget\n\n"
             "The mayor said the vote [came in](https://example.org/vote) in the last hour, the the count slow.\n")
    project(tmp_path, {"Headline": LOWER_HEADLINE, "Twice": TWICE}, {"vote.md": story})
    # Vale reads "council narrowly approves budget" and "came in in the last hour": the second headline and
    # the "in in" across the link are reported, at their line's start, since the file has markup inside them.
    assert spots(run_cli, tmp_path, "vote.md") == [
        (1, 3, "Desk.Headline", "'council approves budget' should start with a capital"),
        (3, 1, "Desk.Headline", "'council narrowly approves budget' should start with a capital"),
        (5, 1, "Desk.Twice", '"in" is repeated.'),
        (5, 79, "Desk.Twice", '"the" is repeated.')]
    # Only the repeat written as it is gets a fix: one that crossed the link would delete its markup.
    proc = run_cli("fix", "--unsafe-fixes", "vote.md", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert (tmp_path / "vote.md").read_text().splitlines()[4] == (
        "The mayor said the vote [came in](https://example.org/vote) in the last hour, the count slow.")
