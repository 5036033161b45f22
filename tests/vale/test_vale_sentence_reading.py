"""Whether Vale reads each sentence as text too (it does once a loaded rule's scope is a sentence) decides
which blocks a rule in Vale's format reads; one article checked by two linters that differ there must
get each linter's own reading, not the first one's (rules/vale_scopes.py works the blocks out once per
document)."""

from __future__ import annotations

import lintnews
from lintnews.run.engine import Linter
from testkit import house_rules

OPENING = "extends: existence\nmessage: \"Sentence opens with '%s'.\"\nscope: text\nraw: ['^However\\b']\n"
STORY = "# Budget\n\nThe council met on Tuesday. However, the vote was delayed again.\n"


def openings(linter: Linter, article) -> list[str]:
    return [f.text for f in linter.check_article(article).findings]


def test_one_article_read_with_and_without_sentences_as_text(tmp_path):
    rules = house_rules(tmp_path, Opening=OPENING)
    paragraphs, sentences = Linter(rules), Linter(rules)
    sentences.vale_sentences = True  # as a run whose Vale style has a sentence rule (run/session.py)
    article = paragraphs.read(STORY, "budget.md")
    # Read as a paragraph only, "^" matches at the paragraph's start; each sentence read as text as well,
    # at the second sentence's start too.
    assert openings(paragraphs, article) == []
    assert openings(sentences, article) == ["However"]
    assert openings(paragraphs, article) == []
    other = sentences.read(STORY, "budget.md")
    assert openings(sentences, other) == ["However"]
    assert openings(paragraphs, other) == []


def test_a_library_caller_reads_sentences_as_the_command_does(tmp_path):
    # With a rule whose scope is a sentence among the rules, Vale reads each sentence as text too: the
    # command did (run/session.py), a linter made from the same rules by the library did not.
    rules = house_rules(tmp_path, Opening=OPENING,
                        Long="extends: occurrence\nmessage: \"Long sentence: %s words.\"\nscope: sentence\n"
                             "max: 40\ntoken: '\\b\\w+\\b'\n")
    assert [f.text for f in lintnews.check_text(STORY, path="budget.md", rules=rules)] == ["However"]
