"""`lintnews fix` and the words inside quotations, as a user runs it.

A quotation keeps its words whatever the spacing after its opening mark,
in every pass of the fixer; and scraper repairs (a lost apostrophe,
mojibake, glued words, an invisible character) inside a quotation or a
quoted post are reported with an unsafe fix, as every other fix there.
"""

from __future__ import annotations

import json

import pytest


def test_fix_keeps_a_quotation_that_opens_with_a_zero_width_space_and_a_space(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('Council vote delayed\n\n"\u200b Like this,  we will never win," the  mayor said. '
                       "Then she left.\n", encoding="utf-8")
    proc = run_cli("fix", article)
    fixed = article.read_text(encoding="utf-8")
    # The double space inside the quotation is the speaker's as written, and so (unsafe) is the
    # zero-width space after the mark; the double space after the quotation is ours.
    assert '"\u200b Like this,  we will never win,"' in fixed
    assert '," the mayor said. Then she left.' in fixed
    assert proc.returncode == 1  # the quoted double space is still reported


def test_fix_keeps_a_quotation_that_opens_with_a_space(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    original = '" It was the council s fault,  not ours," said Smith.\n'
    article.write_text("Council vote delayed\n\n" + original, encoding="utf-8")
    run_cli("fix", article)
    assert article.read_text(encoding="utf-8").endswith(original)


QUOTED = ("Senator hits back\n\n"
          "The senator answered within minutes. We don t back down and we won t be silenced.The fight "
          "goes on pic.twitter.com/AbC123 Jane Doe (@janedoe) March 3, 2017\n\n"
          "“The mayorâ€™s office didn t call us,” a spokesman said. “We knew in 2017.Nobody asked.”\n\n"
          "The mayor s office did not comment.\n")
REPAIRED = ("Senator hits back\n\n"
            "The senator answered within minutes. We don’t back down and we won’t be silenced. The fight "
            "goes on pic.twitter.com/AbC123 Jane Doe (@janedoe) March 3, 2017\n\n"
            "“The mayor’s office didn’t call us,” a spokesman said. “We knew in 2017. Nobody asked.”\n\n"
            "The mayor's office did not comment.\n")


def test_scraper_repairs_in_quotations_and_posts_are_reported_and_fixed_only_with_unsafe_fixes(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(QUOTED, encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", article).stdout)
    shown = [(f["rule"], f["text"], f["fix"]["applicability"]) for f in found]
    assert shown == [
        ("News.StrippedApostrophe", "don t", "unsafe"),  # in the post
        ("News.StrippedApostrophe", "won t", "unsafe"),
        ("News.GluedWords", "silenced.The", "unsafe"),
        ("News.Mojibake", "â€™", "unsafe"),  # in the quotation
        ("News.StrippedApostrophe", "didn t", "unsafe"),
        ("News.GluedWords", "2017.Nobody", "unsafe"),
        ("News.StrippedApostrophe", "mayor s", "safe"),  # the article's own words
    ]
    proc = run_cli("fix", article)
    assert article.read_text(encoding="utf-8") == QUOTED.replace("The mayor s office", "The mayor's office")
    assert proc.returncode == 1 and b"6 remaining" in proc.stdout
    run_cli("fix", "--unsafe-fixes", article)
    # Apostrophes put back after the mojibake repair follow the article's curly one.
    assert article.read_text(encoding="utf-8") == REPAIRED


# A scraper took every apostrophe and quotation mark; the one gap left by a closing mark is known
# for one only because the apostrophes went too ("I m", "doesn t").
STRIPPED = ("Family speaks out\n\n"
            "The man attacked a defenseless young woman. I m estranged from my dad,  Tarsey says. "
            "His brother doesn t agree and the family didn t comment.\n")


def test_fix_keeps_the_lost_apostrophes_while_they_are_all_that_shows_a_gap_is_a_stripped_mark(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(STRIPPED, encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", article).stdout)
    assert [(f["rule"], f["text"], f["fix"]) for f in found] == [
        ("News.StrippedApostrophe", "I m", None),
        ("News.MultipleSpaces", "  ", None),
        ("News.StrippedApostrophe", "doesn t", None),
        ("News.StrippedApostrophe", "didn t", None),
    ]
    # Each message says what the editor can do about the gap, whichever it turns out to be.
    assert "restore the mark or close the gap, then `lintnews fix` restores the apostrophes" in found[0]["message"]
    assert "close the gap if it is only a typed double space" in found[1]["message"]
    # Neither fix nor a second fix closes the gap: repairing the apostrophes first would have left it
    # looking like a typed double space.
    for _ in range(2):
        proc = run_cli("fix", "--unsafe-fixes", article)
        assert article.read_text(encoding="utf-8") == STRIPPED and proc.returncode == 1
    # Once an editor restores the marks, the apostrophes are repaired as usual (in the quotation only
    # with unsafe fixes, as every repair there).
    article.write_text(STRIPPED.replace("dad,  Tarsey", "dad,” Tarsey").replace("I m estranged", "“I m estranged"),
                       encoding="utf-8")
    run_cli("fix", article)
    assert "“I m estranged from my dad,” Tarsey says. His brother doesn't agree and the family didn't" \
        in article.read_text(encoding="utf-8")


def test_closing_a_typed_double_space_lets_fix_restore_the_apostrophes(run_cli, tmp_path):
    # No quotation here: the editor reads the gap as a typed double space and closes it by hand.
    article = tmp_path / "a.txt"
    article.write_text("Bridge\n\nThe council s plan for a new  steel deck was approved on Monday. Members "
                       "don t expect delays, the mayor said.\n", encoding="utf-8")
    proc = run_cli("fix", article)
    assert proc.returncode == 1 and "council s" in article.read_text(encoding="utf-8")
    article.write_text(article.read_text(encoding="utf-8").replace("new  steel", "new steel"), encoding="utf-8")
    run_cli("fix", article)
    assert article.read_text(encoding="utf-8") == (
        "Bridge\n\nThe council's plan for a new steel deck was approved on Monday. Members don't expect "
        "delays, the mayor said.\n")


def test_fix_leaves_a_transcripts_turns_as_spoken(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    original = ("Interview\n\nWe spoke to the the mayor on Monday.\n\n"
                "TS: We was there when the the vote came.\n\nJB: And then?\n\nTS: Then we left.\n")
    article.write_text(original, encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", "--select", "News.DoubledWord", article).stdout)
    # The turn is quoted speech: the rule leaves it as it leaves quotations (not checked by default).
    assert [(f["line"], f["fix"]["applicability"]) for f in found] == [(3, "safe")]
    run_cli("fix", "--select", "News.DoubledWord", article)
    assert article.read_text(encoding="utf-8") == original.replace("to the the mayor", "to the mayor")


def test_fix_leaves_turns_one_to_a_line_as_spoken(run_cli, tmp_path):
    # Plain-text transcripts often keep one turn a line, with no blank line between turns: each line's
    # label opens a turn that runs to the next labelled line, as a paragraph's does.
    article = tmp_path / "a.txt"
    original = ("Interview\n\nWe spoke to the the mayor on Monday.\n\n"
                "Q: Did you know?\nMatthews: I don t think he s right. The the plan failed.\n"
                "Q: Why?\nMatthews: It s complicated.\nWe left it there.\n")
    article.write_text(original, encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", "--select", "News.DoubledWord,News.StrippedApostrophe",
                               article).stdout)
    assert [(f["rule"], f["line"], f["fix"]["applicability"]) for f in found] == [
        ("News.DoubledWord", 3, "safe"),
        ("News.StrippedApostrophe", 6, "unsafe"), ("News.StrippedApostrophe", 6, "unsafe"),
        ("News.StrippedApostrophe", 8, "unsafe")]
    run_cli("fix", article)
    assert article.read_text(encoding="utf-8") == original.replace("to the the mayor", "to the mayor")


VALE_STYLE = {
    # Vale's format: no lintnews key, so the rules read quotations as Vale does (quotes: check).
    "Utilize.yml": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
                   "ignorecase: true\nswap:\n  utilize: use\n  chairman: chair(s)\n",
    "Headings.yml": "extends: capitalization\nmessage: \"'%s' should be in sentence case\"\nlevel: warning\n"
                    "scope: heading\nmatch: $sentence\n",
    "Titles.yml": "extends: capitalization\nmessage: \"'%s' should be in title case\"\nlevel: warning\n"
                  "scope: heading.h2\nmatch: $title\n",
}


def test_unsafe_fixes_never_rewrite_quoted_words_names_or_a_packages_notation(run_cli, tmp_path):
    # A Vale-format rule reads quotations, as Vale does, and its fixes are unsafe; but even with
    # --unsafe-fixes a change to quoted words, a recasing that lowers capitals (a name's) and a
    # suggestion written for a person ("chair(s)") are shown, never applied.
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    for name, body in VALE_STYLE.items():
        (style / name).write_text(body, encoding="utf-8")
    article = tmp_path / "a.md"
    original = ("# Sen. John Kennedy Backs The Plan\n\n## the vote in the senate\n\n"
                "The council will utilize the grant, said the chairman of the board.\n\n"
                "\"How come I can't utilize that for my kid?\" she asked.\n")
    article.write_text(original, encoding="utf-8")
    found = json.loads(run_cli("check", "--isolated", "--styles", tmp_path / "styles", "--select", "Desk",
                               "--format", "json", article).stdout)
    fixes = {(f["line"], f["text"].split()[0]): f["fix"]["applicability"] for f in found}
    assert fixes == {(1, "Sen."): "display", (3, "the"): "unsafe", (5, "utilize"): "unsafe",
                     (5, "chairman"): "display", (7, "utilize"): "display"}
    run_cli("fix", "--isolated", "--unsafe-fixes", "--styles", tmp_path / "styles", "--select", "Desk", article)
    assert article.read_text(encoding="utf-8") == original.replace(
        "## the vote in the senate", "## The Vote in the Senate").replace("will utilize the grant", "will use the grant")



@pytest.mark.parametrize("name, turns", [
    ("caps.txt", "MATTHEWS: I don t think he s right. The the plan failed.\nSMITH: Why?\nMATTHEWS: It s late.\n"),
    ("bold.md", "**Matthews:** I don t think he s right. The the plan failed.\n\n**Smith:** Why?\n\n"
                "**Matthews:** It s late.\n"),
    ("qa.txt", "Q. Did you know?\nA. I don t think he s right. The the plan failed.\nQ. Why?\nA. It s late.\n"),
])
def test_turns_labelled_in_capitals_in_bold_or_with_a_stop_are_spoken_words(run_cli, tmp_path, name, turns):
    # Broadcast transcripts name speakers in capitals, Markdown ones in bold, Q&As may write "Q." and "A.":
    # each is a transcript's turn, so no fix changes the speaker's words unasked.
    article = tmp_path / name
    original = ("# Interview\n\n" if name.endswith(".md") else "Interview\n\n") + turns
    article.write_text(original, encoding="utf-8")
    run_cli("fix", "--isolated", article)
    assert article.read_text(encoding="utf-8") == original
