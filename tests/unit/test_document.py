from __future__ import annotations

from lintnews.read.document import Document


def sentences(text: str) -> list[str]:
    doc = Document(text)
    return [text[s.start:s.end] for s in doc.sentences]


def test_title_and_paragraphs():
    doc = Document("A headline here\n\nFirst paragraph.\nStill first.\n\n\nSecond one.\n")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "paragraph"]
    assert doc.blocks[1].text(doc) == "First paragraph.\nStill first."
    assert doc.title.text(doc) == "A headline here"


def test_short_line_without_stop_is_a_heading():
    doc = Document("Headline\n\nBody sentence one.\n\nFuture cooperation\n\nMore text.\n")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "heading", "paragraph"]


def test_abbreviations_and_decimals_do_not_end_sentences():
    text = "Title\n\nMr. Smith went to the U.S. Senate on Jan. 5 with 3.5 million votes. He won. Dr. Jones lost.\n"
    assert sentences(text)[1:] == [
        "Mr. Smith went to the U.S. Senate on Jan. 5 with 3.5 million votes.",
        "He won.",
        "Dr. Jones lost.",
    ]


def test_sentence_ending_in_a_quote():
    text = "Title\n\n“We will win,” he said. “They lost.” Then he left!\n"
    assert sentences(text)[1:] == ["“We will win,” he said.", "“They lost.”", "Then he left!"]


def test_quote_zones_pair_curly_and_straight_quotes_per_paragraph():
    text = 'Title\n\nHe said “hi there” and "bye now" today.\n\n“Open quote runs on\n'
    doc = Document(text)
    zones = [text[a:b] for a, b in doc.quote_zones]
    assert zones == ["“hi there”", '"bye now"', "“Open quote runs on"]
    assert doc.in_quote(text.index("hi there"))
    assert not doc.in_quote(text.index("today"))


def test_positions_are_one_based_and_count_characters():
    text = "Tïtle\r\n\r\nSecond ünïcode line\r\n"
    doc = Document(text)
    assert doc.position(0) == (1, 1)
    assert doc.position(text.index("ünïcode")) == (3, 8)
    assert doc.line_text(3) == "Second ünïcode line"


def test_line_text_ends_at_any_line_end_and_keeps_the_last_line():
    # Wire copy mixes CR LF, LF and an old Mac file's lone CR; each ends one line, never part of its text.
    text = "BRUSSELS (Reuters) -\r\nEU ministers met\n\rlate on Monday.\r\r\nNo deal"
    doc = Document(text)
    lines = [doc.line_text(n) for n in range(1, 7)]
    assert lines == ["BRUSSELS (Reuters) -", "EU ministers met", "", "late on Monday.", "", "No deal"]
    assert Document("Ends with a break\n").line_text(2) == ""
