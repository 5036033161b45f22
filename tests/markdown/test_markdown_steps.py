"""Characterisation of ``markdown.parse``: the exact blocks and zones it returns today.

Each test pins one construct the end-to-end tests in ``test_markdown.py`` reach
only through findings: front matter and its title, setext headings, paragraphs
nested in lists and blockquotes, reference definitions (inside containers too),
heading markers and closing hashes, CRLF and lone CR, a heading as the first
block, inline markup, and the removal span of each block. Lists are compared
as returned (order and repeats included), so a refactoring of ``parse`` that
changes any of them shows here.
"""

from __future__ import annotations

import pytest

from lintnews.read.markdown import parse


def shape(text: str) -> dict:
    p = parse(text)
    return {
        "blocks": [(b.start, b.end, b.kind, b.value, b.removal) for b in p.blocks],
        "skip": p.skip_zones,
        "marker": p.marker_zones,
        "comments": p.comments,
    }


CASES = {
    # Front matter: a skip zone; its title a block of its own with the YAML value.
    "front matter with title, then a heading": (
        '---\ntitle: "Storm hits"\nauthor: Jane\n---\n\n# Heading\n\nBody text here.\n',
        [(12, 22, "title", None, (12, 12)), (44, 51, "heading", None, (42, 53)),
         (53, 68, "guess", None, (52, 69))],
        [(0, 12), (22, 40)], [(42, 44)], []),
    "front matter without title": (
        "---\nauthor: Jane\n---\n\nBody text here.\n",
        [(22, 37, "guess", None, (21, 38))], [(0, 20)], [], []),
    "front matter with invalid YAML": (
        "---\ntitle: [x\n---\nBody.\n",
        [(18, 23, "guess", None, (18, 24))], [(0, 17)], [], []),
    "front matter closed by dots, numeric title": (
        "---\ntitle: 12\n...\nBody.\n",
        [(11, 13, "title", "12", (11, 11)), (18, 23, "guess", None, (18, 24))], [(0, 11), (13, 17)], [], []),
    "front matter title, heading right after it": (
        "---\ntitle: T\n---\n# H\n\nB.\n",
        [(11, 12, "title", None, (11, 11)), (19, 20, "heading", None, (17, 22)),
         (22, 24, "guess", None, (21, 25))],
        [(0, 11), (12, 16)], [(17, 19)], []),
    "unclosed front matter is a thematic break and prose": (
        "---\ntitle: x\n",
        [(4, 12, "guess", None, (4, 13))], [(0, 3)], [], []),
    "a lone thematic break": (
        "---\n", [], [(0, 3)], [], []),
    # Headings.
    "setext headings: the first is the title, underlines are markers": (
        "Title line\n==========\n\nSub part\n---\n\nBody.\n",
        [(0, 10, "title", None, (0, 23)), (23, 31, "heading", None, (23, 37)),
         (37, 42, "guess", None, (36, 43))],
        [], [(11, 21), (32, 35)], []),
    "a heading as first block is the title": (
        "# First heading\n\nBody para.\n\n# Second\n",
        [(2, 15, "title", None, (0, 17)), (17, 27, "guess", None, (17, 29)),
         (31, 37, "heading", None, (28, 38))],
        [], [(0, 2), (29, 31)], []),
    "trailing blanks after a heading are a marker": (
        "# Heading trail   \n\nBody.\n",
        [(2, 15, "title", None, (0, 20)), (20, 25, "guess", None, (19, 26))],
        [], [(0, 2), (15, 18)], []),
    "closing hashes: the heading is left alone; an empty heading is markers only": (
        "## Heading here ##  \n\nBody.\n\n#\n\n### x ###\n",
        [(22, 27, "guess", None, (22, 29))], [(0, 20), (32, 41)], [(29, 30)], []),
    # Containers.
    "paragraphs nested in lists and blockquotes": (
        "- item one\n  > quoted in item\n  > second line\n\n> - list in quote\n>   cont line\n",
        [(2, 10, "paragraph", None, (0, 11)), (15, 45, "paragraph", None, (11, 47)),
         (51, 78, "paragraph", None, (46, 79))],
        [], [(0, 2), (11, 15), (30, 34), (47, 51), (65, 69)], []),
    "reference definitions inside containers": (
        "> [a]: http://x.org\n> text [a] here\n\n- [b]: http://y.org\n",
        [(22, 35, "paragraph", None, (20, 37))],
        [(27, 28), (29, 30), (0, 19), (37, 56), (0, 19), (37, 56)], [(20, 22)], []),
    "reference definition in a list item after its paragraph": (
        "- a\n\n  [c]: http://z\n",
        [(2, 3, "paragraph", None, (0, 5))], [(5, 20), (5, 20)], [(0, 2)], []),
    "top-level reference definition and reference links": (
        "[a]: http://x.org\n\nText [a] and [b][a].\n",
        [(19, 39, "guess", None, (18, 40))],
        [(24, 25), (26, 27), (32, 33), (34, 38), (0, 17), (0, 17)], [], []),
    # Line endings.
    "CRLF with a hard break": (
        "# Head\r\n\r\nLine one\r\nline two  \r\nend.\r\n",
        [(2, 6, "title", None, (0, 10)), (10, 36, "guess", None, (8, 38))], [(28, 30)], [(0, 2)], []),
    "a lone CR is no line break": (
        "Para one\rstill one\n\nPara two\r\n",
        [(0, 18, "guess", None, (0, 20)), (20, 28, "guess", None, (19, 30))], [], [], []),
    "a fence after a line ending in a lone CR is code, as CommonMark reads it": (
        "Para.\r```\nthe the\n```\n\nEnd.\n",
        [(0, 5, "guess", None, (0, 6)), (23, 27, "guess", None, (22, 28))], [(6, 21)], [], []),
    "old Mac line endings: a heading and two paragraphs": (
        "# Head\rPara one\r\rPara two\r",
        [(2, 6, "title", None, (0, 7)), (7, 15, "guess", None, (7, 17)), (17, 25, "guess", None, (16, 26))],
        [], [(0, 2)], []),
    # Inline markup and leaf blocks.
    "HTML comments inline and as a block, and inline markup": (
        "Text <!-- c --> more.\n\n<!-- block -->\n\nEnd `code` and [l](u) *em* \\* &amp; <a@b.c>.\n",
        [(0, 21, "guess", None, (0, 23)), (39, 83, "guess", None, (38, 84))],
        [(5, 15), (23, 37), (43, 49), (54, 55), (56, 60), (61, 62), (64, 65), (66, 68), (69, 74), (75, 82)],
        [], [(5, 15), (23, 37)]),
    "image, hard break, emphasis": (
        '![alt *x*](img.png "t") and line  \nbreak ~~s~~ **b**\n',
        # The alt text and the title are prose; the emphasis markers round "x" and "b" are markup.
        [(0, 52, "guess", None, (0, 53))],
        [(0, 2), (6, 7), (8, 9), (9, 20), (21, 23), (32, 34), (47, 48), (48, 49), (50, 51), (51, 52)], [], []),
    "thematic break, indented code, fence": (
        "A\n\n---\n\n    code\n\n```\nx\n```\n\nB\n",
        [(0, 1, "guess", None, (0, 3)), (29, 30, "guess", None, (28, 31))],
        [(3, 6), (8, 16), (18, 27)], [], []),
    "the last block takes the blank lines before it": (
        "A para.\n\n\nLast para.\n\n\n",
        [(0, 7, "guess", None, (0, 10)), (10, 20, "guess", None, (8, 23))], [], [], []),
    "no-break spaces stay in the prose": (
        "\u00a0Para nbsp\u00a0\n", [(0, 11, "guess", None, (0, 12))], [], [], []),
    "a no-break space after a list marker is no list": (
        "-\u00a0item\n", [(0, 6, "guess", None, (0, 7))], [], [], []),
    "empty text": ("", [], [], [], []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_parse_shape(name):
    text, blocks, skip, marker, comments = CASES[name]
    assert shape(text) == {"blocks": blocks, "skip": skip, "marker": marker, "comments": comments}
