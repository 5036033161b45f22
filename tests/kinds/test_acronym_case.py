"""News.AcronymCase: "ISIS" and "Isis" in one article."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.AcronymCase"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("text, flagged, line, column", [
    ("Islamic State\n\nThe US said ISIS was weak. Russia fought ISIS too.\n\nThe fight against Isis goes on.\n",
     "Isis", 5, 19),
    ("Probe\n\nHe joined the FBI in 2001 and left the Fbi in 2010 after the FBI probe.\n", "Fbi", 3, 40),
    ("Mars\n\nThe NASA probe flew. NASA said Nasa staff were happy.\n", "Nasa", 3, 32),
    ("South Africa\n\nThe ANC won. The ANC leader said the Anc would govern.\n", "Anc", 3, 38),
])
def test_flags_minority_form(text, flagged, line, column):
    assert found(text) == [(RULE, flagged, line, column, line, column + len(flagged))]


def test_message_counts_forms():
    (f,) = lintnews.check_text("Probe\n\nHe joined the FBI in 2001, left the Fbi in 2010 and the FBI never forgot.\n",
                               rules=RULES)
    assert f.message == "'Fbi' here, 'FBI' elsewhere in the article: write one form. (2 to 1)"


def test_quoted_forms_count_but_are_not_flagged():
    text = ("Islamic State\n\nThe fight against ISIS goes on, officials said.\n\n"
            "He said “Isis is beaten” and “the Isis era is over” but added that ISIS was still there.\n")
    assert found(text) == []  # 2 to 2 outside the quotes never touches the quoted pair
    text = ("Islamic State\n\nThe fight against ISIS goes on, officials said.\n\n"
            "He said “ISIS is beaten” and “the ISIS era is over” but added Isis was still there.\n")
    assert found(text) == [(RULE, "Isis", 5, 63, 5, 67)]


@pytest.mark.parametrize("text", [
    "Islamic State\n\nThe US said ISIS was weak. Russia fought ISIS too.\n",
    # "who" also appears in lower case: a common word, not an acronym.
    "WHO\n\nThe WHO said so. The man who spoke was a doctor, and Who knows was his reply.\n",
    "Aids\n\nThe AIDS epidemic spread. Aids patients and aids to the poor grew.\n",
    # Sentence starts are capitalised anyway.
    "Islamic State\n\nThe fight against ISIS goes on.\n\nIsis fighters fled on Sunday.\n",
    # Part of a longer name.
    "Islamic State\n\nThe fight against ISIS goes on. ISIS lost.\n\nThey fled to Isis Street in the city.\n",
    # A dateline in capitals is not an acronym.
    "Cuba\n\nHAVANA (Reuters) - Cuba said on Sunday it was ready for the Havana talks.\n",
    # Only the title-case form inside a quotation.
    "Islamic State\n\nThe fight against ISIS goes on.\n\nHe said “Isis is beaten” on Sunday.\n",
    # A heading is not a paragraph.
    "Islamic State\n\nThe fight against ISIS goes on. ISIS lost.\n\nWhy Isis Lost\n\nIt ran out of money.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Islamic State\n\nThe US said ISIS was weak. Russia fought ISIS too.\n\nThe fight against Isis goes on.\n",
     "Islamic State\n\nThe US said ISIS was weak. Russia fought ISIS too.\n\nThe fight against ISIS goes on.\n"),
    # The quoted "Isis" is never rewritten.
    ("Islamic State\n\nThe US said ISIS was weak. Russia fought ISIS too. ISIS lost.\n\n"
     "He said “Isis is beaten” and the war on Isis goes on.\n",
     "Islamic State\n\nThe US said ISIS was weak. Russia fought ISIS too. ISIS lost.\n\n"
     "He said “Isis is beaten” and the war on ISIS goes on.\n"),
])
def test_fix_writes_majority_form(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected


def test_tie_is_display_only():
    text = "Probe\n\nHe joined the FBI in 2001 and left the Fbi in 2010.\n"
    (f,) = lintnews.check_text(text, rules=RULES)
    assert f.fix.applicability.value == "display"
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == text


def test_title_case_after_sentence_initial_the():
    text = "Alliance\n\nThe alliance met. NATO leaders agreed on NATO spending.\n\nThe Nato summit ends on Friday.\n"
    assert found(text) == [(RULE, "Nato", 5, 5, 5, 9)]


def test_social_media_post_forms_are_left_alone():
    text = ("Network\n\nThe Fox News host spoke. Fox News aired it. Fox said more.\n\n"
            "Watch this FOX clip now pic.twitter.com/abc123xyz  Jane Roe (@janeroe) May 1, 2017\n")
    assert found(text) == []


def test_next_capitalised_word_after_a_comma_makes_a_name():
    text = ("Tags\n\nFiled under Politics, Real History, Culture and Society.\n\n"
            "The REAL team met the REAL board on Monday.\n")
    assert found(text) == []
