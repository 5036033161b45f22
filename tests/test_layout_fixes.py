"""`lintnews fix` and the layout of tables and block quotes, as a Hugo site's editor runs it.

A safe fix never reformats a table (a GFM pipe table's padding, its
alignment row, a cell's words) or changes a block quote (a lyric quoted as
sung, its spacing and its lower-case lines), whatever rule the fix comes
from; the same defects elsewhere in the article are fixed. With
--unsafe-fixes, correcting a number in an archived article's table edits
the number and nothing else of the table.
"""

from __future__ import annotations

import json

NBSP, ZWSP = "\u00a0", "\u200b"

# Every cell holds a defect some rule fixes in prose: doubled word, double space, mojibake, glued
# words, trailing blanks, a no-break space, a decimal comma, a lost apostrophe, a zero-width space,
# a misspelling, dot thousands separators.
TABLE = (
    "| Event          | Visitors | Note                       |\n"
    "|:---------------|---------:|:---------------------------|\n"
    "| Livestock show |   12.500 | the the biggest  ever      |\n"
    "| Music stage    |    3.100 | donâ€™t miss it.Next year   |   \n"
    f"| Food{NBSP}hall      |    2,5 % | the mayor s{ZWSP} recieved it  |\n"
)
# A lyric as sung: lower-case lines, a double space, trailing blanks, a repeated word.
LYRIC = (
    "> we were young  and the summer was long   \n"
    ">\n"
    "> and nobody told us to go home.Nobody at all\n"
    "> la la  la, the the night was ours\n"
)
FRONT = '---\ntitle: "Fair draws record crowd"\ndate: 2024-08-01\ndraft: false\n---\n\n'
BEFORE = "The county fair returned on Saturday  with more than 12.500 visitors.   \n\n"
MIDDLE = "The band closed the night with a song the crowd knew by heart.\n\n"
AFTER = "Later, the mayor s office said the fair would return.Organisers agreed.\n"
FIXED_BEFORE = "The county fair returned on Saturday with more than 12,500 visitors.\n\n"
FIXED_AFTER = "Later, the mayor's office said the fair would return. Organisers agreed.\n"


def article(front: str = FRONT) -> str:
    return front + BEFORE + TABLE + "\n" + MIDDLE + LYRIC + "\n" + AFTER


def fixes_offered(run_cli, path, rule_id: str) -> list[tuple[int, str]]:
    """(line, fix applicability) of each finding of one rule that a check of ``path`` reports."""
    found = json.loads(run_cli("check", "--isolated", "--format", "json", "--select", rule_id, path).stdout)
    return [(f["line"], f["fix"]["applicability"]) for f in found]


def test_safe_fixes_keep_a_padded_table_and_a_block_quoted_lyric_in_markdown(run_cli, tmp_path):
    post = tmp_path / "content" / "posts" / "fair.md"
    post.parent.mkdir(parents=True)
    post.write_bytes(article().encode("utf-8"))
    found = json.loads(run_cli("check", "--isolated", "--format", "json", post).stdout)
    table_lines, lyric_lines = range(9, 14), range(17, 21)
    inside = [f for f in found if f["line"] in table_lines or f["line"] in lyric_lines]
    # The rules do see the defects in the table and the lyric (so each had a fix to withhold) ...
    assert {f["rule"] for f in inside} >= {
        "News.DoubledWord", "News.ThousandsSeparator", "News.Mojibake", "News.GluedWords", "News.NoBreakSpace",
        "News.DecimalComma", "News.StrippedApostrophe", "News.InvisibleCharacters", "News.Spelling",
        "News.MultipleSpaces", "News.TrailingWhitespace"}
    # ... and none of them is safe there.
    assert [f for f in inside if f["fix"] and f["fix"]["applicability"] == "safe"] == []
    proc = run_cli("fix", "--isolated", post)
    assert proc.returncode == 1, proc.stderr
    assert post.read_bytes().decode("utf-8") == FRONT + FIXED_BEFORE + TABLE + "\n" + MIDDLE + LYRIC + "\n" + FIXED_AFTER


def test_safe_fixes_keep_a_table_and_a_quoted_lyric_in_plain_text(run_cli, tmp_path):
    story = tmp_path / "fair.txt"
    story.write_bytes(article(front="Fair draws record crowd\n\n").encode("utf-8"))
    run_cli("fix", "--isolated", story)
    fixed = story.read_bytes().decode("utf-8")
    assert TABLE in fixed and LYRIC in fixed
    assert fixed.endswith(FIXED_AFTER)
    # In plain text a double space can be a stripped quotation mark: reported, left for a person.
    assert "more than 12,500 visitors.\n\n" in fixed


def test_a_lower_case_lyric_in_a_block_quote_is_not_capitalised(run_cli, tmp_path):
    post = tmp_path / "song.md"
    text = ("---\ntitle: Folk singer returns to the harbour stage\n---\n\n"
            "She opened with the song that made her name in 1998.\n\n"
            "> and we sang the old songs till the morning light came through the window\n\n"
            "The crowd sang every word of it back to her.\n\n"
            "last week, she said the tour would go on until the spring.\n")
    post.write_text(text, encoding="utf-8")
    # The lyric's lower case is as sung; the article's own paragraph lost its capital.
    assert fixes_offered(run_cli, post, "News.ParagraphStart") == [(11, "safe")]
    run_cli("fix", "--isolated", "--select", "News.ParagraphStart", post)
    assert post.read_text(encoding="utf-8") == text.replace("last week", "Last week")


def test_unsafe_number_fix_in_an_archived_table_changes_only_the_numbers(run_cli, tmp_path):
    table = ("| Year | Crowd  | Stalls |\n"
             "| ---- | -----: | -----: |\n"
             "| 2019 | 12.500 |    140 |\n"
             "| 2023 |  9.800 |    152 |  \n")
    post = tmp_path / "archive.md"
    post.write_text("---\ntitle: Fair figures, 2019 to 2023\n---\n\nThe fair's figures, as published.\n\n"
                    + table + "\nSource: the county council.\n", encoding="utf-8")
    run_cli("fix", "--isolated", "--unsafe-fixes", post)
    fixed = post.read_text(encoding="utf-8")
    assert table.replace("12.500", "12,500").replace("9.800", "9,800") in fixed


def test_a_table_of_one_row_keeps_its_words_under_safe_fixes(run_cli, tmp_path):
    # A results line drawn as a single row of cells is a table as much as a longer one is: the
    # doubled word in its cell is reported, and left for a person.
    story = tmp_path / "result.txt"
    text = ("Rovers hold on for a draw\n\n"
            "The the match ended level after a late goal.\n\n"
            "| Rovers 2 | United 2 | the the crowd 12,400 |\n\n"
            "Both sides meet again in May.\n")
    story.write_text(text, encoding="utf-8")
    assert fixes_offered(run_cli, story, "News.DoubledWord") == [(3, "safe"), (5, "unsafe")]
    run_cli("fix", "--isolated", story)
    assert story.read_text(encoding="utf-8") == text.replace("The the match", "The match")
