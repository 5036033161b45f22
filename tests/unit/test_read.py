from __future__ import annotations

import pytest

import lintnews
from lintnews.errors import InputError
from lintnews.read.source import decode, read_path
from lintnews.run.writeback import write_back


def test_bom_is_taken_off_and_put_back():
    src = decode(b"\xef\xbb\xbfTitle\n\nBody text.\n", "a.txt")
    assert src.bom and src.text == "Title\n\nBody text.\n"
    assert src.encode("X\n") == b"\xef\xbb\xbfX\n"


def test_plain_utf8_has_no_bom_on_write():
    src = decode("Café\n".encode(), "a.txt")
    assert not src.bom and src.encode() == "Café\n".encode()


def test_crlf_is_kept_and_is_the_newline_for_inserts():
    src = decode(b"Title\r\n\r\nBody.\r\n", "a.txt")
    assert src.text == "Title\r\n\r\nBody.\r\n" and src.newline == "\r\n"


def test_invalid_utf8_names_the_byte_and_line():
    with pytest.raises(InputError) as exc:
        decode(b"Title\n\nBad \xff byte\n", "bad.txt")
    assert str(exc.value).startswith("bad.txt: invalid UTF-8 at byte 11 (line 3)")


def test_binary_file_is_refused():
    with pytest.raises(InputError, match=r"^img.png: binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.png")


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(str(tmp_path / "nope.txt"))


def test_write_back_replaces_and_keeps_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_back(read_path(str(target)), b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary left


def test_crlf_article_fixed_keeps_every_line_ending():
    text = "Title here now\r\n\r\nThen the the troops\u00a0left.\r\n\r\nThey came back.\r\n"
    fixed = lintnews.fix_text(text).text
    assert fixed == "Title here now\r\n\r\nThen the troops left.\r\n\r\nThey came back.\r\n"


def test_final_newline_uses_the_files_style():
    fixed = lintnews.fix_text("Title\r\n\r\nThe troops left.").text
    assert fixed == "Title\r\n\r\nThe troops left.\r\n"


def test_a_markdown_article_s_html_blocks_are_read_as_html_only_when_a_rule_asks():
    import pickle

    from lintnews.read.article import read_article

    text = ("# Council results\n\nTurnout rose in every ward.\n\n"
            "<table>\n  <caption>Results by ward (TODO: final count)</caption>\n"
            "  <tr><td>North</td><td>TK</td></tr>\n</table>\n")
    article = read_article(text, "story.md")
    blocks = article.doc.html_blocks
    assert blocks._args is not None  # not parsed by reading the article
    read = list(blocks)
    assert [text[s:e] for s, e, _ in read][:1] == ["Results by ward (TODO: final count)"]
    assert {scope for _, _, scope in read} >= {"table.caption"}
    assert pickle.loads(pickle.dumps(read_article(text, "story.md").doc.html_blocks)) == read
    assert read_article("# Plain\n\nNo markup here.\n", "plain.md").doc.html_blocks == []
