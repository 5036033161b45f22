"""Fix safety in text quoted as written (run/protect.py): the one place it is enforced."""

from __future__ import annotations

import lintnews
from lintnews.findings import Applicability, Edit, Fix
from lintnews.read.document import Document
from lintnews.run.protect import guard_fix


# ------------------------------------------------------------- fix safety
def _fixes(text: str, path: str = "-"):
    return [(f.rule_id, f.text, f.fix.applicability.value if f.fix else None)
            for f in lintnews.check_text(text, path=path)]


def test_a_safe_fix_outside_a_quotation_still_applies_and_inside_is_not_safe():
    text = ("Budget\n\nThe council said it won t raise taxes. "
            "“We won t raise them,” the mayor said, and ‘we won t back down’ was the motto.\n")
    found = [f for f in _fixes(text) if f[0] == "News.StrippedApostrophe"]
    assert [f[2] for f in found] == ["safe", "unsafe", "unsafe"]
    fixed = lintnews.fix_text(text).text
    assert "it won't raise" in fixed and "“We won t raise" in fixed and "‘we won t back" in fixed


def test_a_byte_repair_inside_a_quotation_is_reported_with_an_unsafe_fix():
    text = "Budget\n\n“We donâ€™t know,” she said, “and&nbsp;nobody does.” The mayorâ€™s office agreed.\n"
    assert [(f.rule_id, f.fix.applicability.value) for f in lintnews.check_text(text)] == [
        ("News.Mojibake", "unsafe"), ("News.Mojibake", "unsafe"), ("News.Mojibake", "safe")]
    assert lintnews.fix_text(text).text == text.replace("mayorâ€™s", "mayor’s")
    # With unsafe fixes the entity becomes a no-break space, which News.NoBreakSpace makes a space.
    assert lintnews.fix_text(text, unsafe=True).text == (
        "Budget\n\n“We don’t know,” she said, “and nobody does.” The mayor’s office agreed.\n")


def test_every_kind_of_fix_is_unsafe_inside_a_quotation_and_safe_outside():
    # A repair (encoding, damage) or a spacing fix inside is unsafe; an editorial change to the quoted
    # words is only shown, never applied, even with --unsafe-fixes.
    text = "Budget\n\n“We donâ€™t know,” she said. The mayorâ€™s office agreed.\n"
    doc = Document(text)
    inside, outside = text.index("â€™"), text.rindex("â€™")
    for nature, within in (("encoding", Applicability.UNSAFE), ("damage", Applicability.UNSAFE),
                           ("spacing", Applicability.UNSAFE), ("words", Applicability.DISPLAY)):
        fix = Fix((Edit(inside, inside + 3, "’"),))
        assert guard_fix(doc, nature, fix).applicability is within
        fix = Fix((Edit(outside, outside + 3, "’"),))
        assert guard_fix(doc, nature, fix) is fix


def test_table_padding_is_unchanged_by_fix():
    text = ("# Results\n\n| Candidate   | Votes  |\n|-------------|--------|\n"
            "| Smith       | 1,200  |\n| Jones       | 900    |\n\nSmith  won the seat.\n")
    fixed = lintnews.fix_text(text, path="a.md").text
    table = text[text.index("| Candidate"):text.index("\n\nSmith")]
    assert table in fixed
    assert "Smith won the seat." in fixed
    assert not [f for f in lintnews.check_text(text, path="a.md")
                if f.rule_id == "News.MultipleSpaces" and f.line < 7]


def test_word_findings_in_a_post_or_block_quote_are_not_reported():
    post = ("Tweets\n\nSo so proud of our team today pic.twitter.com/x1  Jane Doe (@jdoe) March 3, 2017\n\n"
            "The the team won.\n")
    assert [f for f in _fixes(post) if f[0] == "News.DoubledWord"] == [("News.DoubledWord", "The the", "safe")]
    lyric = "# Song\n\n> the the river runs to the sea\n\nThe band played on.\n"
    assert [f for f in _fixes(lyric, "a.md") if f[0] in ("News.DoubledWord", "News.ParagraphStart")] == []
    assert lintnews.fix_text(lyric, path="a.md").text == lyric
