"""The pattern kind: token constraints, optional and skipped tokens, context keys, suggestions, errors."""

from __future__ import annotations

import textwrap

import pytest

import lintnews
from lintnews.errors import RuleError
from lintnews.rules.loader import load_rules


def rule(tmp_path, body: str):
    folder = tmp_path / "styles" / "Desk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Rule.yml").write_text("extends: pattern\nmessage: \"'%s': use {suggestion}.\"\n"
                                     + textwrap.dedent(body), encoding="utf-8")
    return load_rules([tmp_path / "styles"], builtin=False)


def flagged(rules, text):
    return [(f.text, f.message) for f in lintnews.check_text(text, rules=rules)]


def test_word_pos_and_optional_token(tmp_path):
    rules = rule(tmp_path, """
        patterns:
          - tokens:
              - {pos: MD}
              - {pos: RB, optional: true}
              - {word: loose, mark: true}
            suggest: lose
    """)
    assert flagged(rules, "They might loose the seat.\n") == [("loose", "'loose': use 'lose'.")]
    assert flagged(rules, "They might not loose the seat.\n") == [("loose", "'loose': use 'lose'.")]
    # "loose" as an adjective, no modal before it
    assert flagged(rules, "A loose alliance might form.\n") == []


def test_lemma_skip_and_skip_over(tmp_path):
    rules = rule(tmp_path, """
        patterns:
          - tokens:
              - {lemma: be}
              - {word: lead, mark: true, skip: 2, skip-over: {pos: ADV}}
              - {word: by}
            suggest: led
    """)
    assert [f for f, _ in flagged(rules, "The team was lead by Ms Ortiz.\n")] == ["lead"]
    assert [f for f, _ in flagged(rules, "The team was very ably lead by Ms Ortiz.\n")] == ["lead"]
    # three words between, or a word that is not an adverb: no match
    assert flagged(rules, "The team was very, very ably lead by her.\n") == []
    assert flagged(rules, "The pipe was made of lead by law.\n") == []


def test_suggestion_by_marked_word_keeps_capitals_and_apostrophes(tmp_path):
    rules = rule(tmp_path, """
        patterns:
          - tokens:
              - {word: [its, Its], mark: true}
              - {word: [a, been]}
            suggest: "it's"
          - tokens:
              - {word: there, pos: EX}
              - {word: [was, is], mark: true}
              - {word: no}
              - {pos: NNS}
            suggest: {was: were, is: are}
    """)
    assert lintnews.fix_text("Its been a long year.\n", rules=rules, unsafe=True).text == "It's been a long year.\n"
    curly = "The mayor’s aides said its been a long year.\n"
    assert lintnews.fix_text(curly, rules=rules, unsafe=True).text == "The mayor’s aides said it’s been a long year.\n"
    assert lintnews.fix_text("There was no talks. There is no talks.\n", rules=rules, unsafe=True).text == \
        "There were no talks. There are no talks.\n"


def test_unless_after_and_not_before(tmp_path):
    rules = rule(tmp_path, """
        patterns:
          - tokens:
              - {word: [should, could]}
              - {word: of, mark: true}
            suggest: have
            unless:
              - tokens: [{word: of}, {word: course}]
          - tokens:
              - {pos: NNS}
              - {word: was, mark: true}
            suggest: were
            after:
              - {pos: PUNCT}
            not-before: {word: "n't"}
    """)
    assert [f for f, _ in flagged(rules, "He should of known.\n")] == ["of"]
    assert flagged(rules, "He could of course appeal.\n") == []
    # after: at the start of a sentence or after punctuation only
    assert [f for f, _ in flagged(rules, "Talks was slow. Then, talks was slow.\n")] == ["was", "was"]
    assert flagged(rules, "He said talks was slow.\n") == []
    assert flagged(rules, "Talks wasn't slow.\n") == []


def test_quotations_are_left_alone(tmp_path):
    rules = rule(tmp_path, """
        patterns:
          - tokens:
              - {pos: MD}
              - {word: loose, mark: true}
            suggest: lose
    """)
    assert flagged(rules, "“We might loose the seat,” she said.\n") == []


def test_several_suggestions_are_shown_not_applied(tmp_path):
    rules = rule(tmp_path, """
        patterns:
          - tokens:
              - {word: irregardless, mark: true}
            suggest: [regardless, irrespective]
    """)
    found = lintnews.check_text("It went ahead irregardless.\n", rules=rules)
    assert found[0].message == "'irregardless': use 'regardless' or 'irrespective'."
    assert found[0].fix is None


@pytest.mark.parametrize("body, problem", [
    ("patterns:\n  - tokens:\n      - {pos: NNS}\n", "one token that is not optional needs 'word'"),
    ("patterns:\n  - tokens:\n      - {word: a, pos: NOUNS}\n", "unknown tag 'NOUNS'"),
    ("patterns:\n  - tokens:\n      - {word: a, lema: b}\n", "unknown key 'lema' in 'patterns[0].tokens[0]' (did you mean 'lemma'?)"),
    ("patterns:\n  - tokens:\n      - {word: a}\n    suggest: '{3}'\n", "{3} names no token"),
    ("patterns:\n  - tokens:\n      - {word: a, regex: '(('}\n", "bad regex"),
    ("patterns:\n  - tokens: []\n", "must be a non-empty list"),
])
def test_bad_patterns_are_one_line_errors(tmp_path, body, problem):
    with pytest.raises(RuleError) as err:
        rule(tmp_path, body)
    assert problem in str(err.value)
    assert "Rule.yml" in str(err.value) and "\n" not in str(err.value)


def test_plural_verb_runs_by_default_at_suggestion_level(tmp_path):
    from lintnews.run.session import Options, Session

    article = tmp_path / "a.txt"
    article.write_text("Festival\n\nThe commercial success of many showcased films have led to criticism.\n")
    found = [f for f in Session(Options()).process(str(article), "check").findings if f.rule_id == "News.PluralVerb"]
    assert [(f.text, f.severity.value) for f in found] == [("have", "suggestion")]


def test_patterns_starting_from_the_same_word_each_find_theirs(tmp_path):
    # Both start from "loose" (the places of a start word are found once per article and shared).
    rules = rule(tmp_path, """
        patterns:
          - tokens: [{pos: MD}, {word: loose, mark: true}]
            suggest: lose
          - tokens: [{word: to}, {word: loose, mark: true}]
            suggest: lose
    """)
    text = "Labour could loose the seat. The party is set to loose ground, and a loose alliance may form.\n"
    assert flagged(rules, text) == [("loose", "'loose': use 'lose'."), ("loose", "'loose': use 'lose'.")]


def test_anchored_matches_share_one_timeout_and_keep_their_order(monkeypatch):
    import regex

    from lintnews.rules import patterns
    word = regex.compile(r"\b(?:lose|loose)\b")
    text = "They lose, we loose, you win."
    assert [m.group() for m in patterns.match_each(word, text, "Desk.Rule", [5, 0, 14, 23])] == ["lose", "loose"]
    monkeypatch.setattr(patterns, "TIMEOUT", 0.2)
    with pytest.raises(patterns.PatternTimeout, match="Desk.Rule"):
        patterns.match_each(regex.compile("(a|aa)+b"), "x" + "a" * 38, "Desk.Rule", [0, 1])


def test_a_hit_on_a_later_word_finds_matches_whose_start_skips_and_optional_tokens_vary(tmp_path):
    # The outline's search starts from the rarest word ("was", after a skipped run of tokens); a head-word
    # prefilter hits "were". Each match is tried from the starts that put that word where it may stand.
    rules = rule(tmp_path, r"""
        patterns:
          - tokens:
              - {pos: DET}
              - {pos: ADJ, optional: true}
              - {pos: NNS, skip: 3, skip-over: {pos: [NOUN, ADJ, ADP, DET]}}
              - {word: was, mark: true}
            suggest: were
          - tokens:
              - {word: the}
              - {pos: NN}
              - {word: [were, are], mark: true}
            prefilter: '\b(?:were|are)\b(?<=\b[a-z]+\s(?:were|are))'
            suggest: was
    """)
    from lintnews.rules.outline import anchor as _anchor
    first, second = rules[0].patterns
    assert first.anchor == _anchor(first.tokens, 0) == (2, 1 + 1 + (1 + 3))
    assert second.anchor == (2, 2)
    text = ("Ministers\n\nThe new ministers was sworn in. The old board members was absent.\n\n"
            "The minister were late.\n")
    assert [t for t, _ in flagged(rules, text)] == ["was", "was", "were"]


def test_a_pattern_starting_from_a_clitic_finds_it_with_either_apostrophe(tmp_path):
    # The search starts from the places of "'s" (either apostrophe, right after its word), then the
    # outline is matched there on the lower-cased text; a text with a long s is scanned with (?i).
    rules = rule(tmp_path, """
        patterns:
          - tokens: [{word: it, mark: true}, {word: "'s", mark: true}, {word: own}]
            suggest: its
    """)
    assert rules[0].patterns[0].start_words == frozenset({"'s"})
    text = "Budget\n\nThe council set It's own rules. Each ward has it’s own budget, and the mayor's.\n"
    assert flagged(rules, text) == [("It's", "'It's': use 'Its'."), ("it’s", "'it’s': use 'its'.")]
    assert flagged(rules, "Budget\n\nThe ſchool set it's own rules.\n") == [("it's", "'it's': use 'its'.")]


def test_the_search_starts_from_the_rarer_words_not_from_of(tmp_path):
    # "of" stands in nearly every sentence: "neither ... of ... are" is looked for from "neither" and
    # the words like it, and finds the same.
    rules = rule(tmp_path, """
        patterns:
          - tokens: [{word: [each, either, neither, one]}, {word: of}, {pos: DET, optional: true},
                     {pos: NNS}, {word: [are, were], mark: true}]
            suggest: {are: is, were: was}
    """)
    assert rules[0].patterns[0].start_words == frozenset({"each", "either", "neither", "one"})
    text = "Vote\n\nNeither of the candidates are ready. One of the ministers was absent, and each of the bills were late.\n"
    assert flagged(rules, text) == [("are", "'are': use 'is'."), ("were", "'were': use 'was'.")]


def test_constraints_that_test_alike_share_their_answers_by_word(tmp_path):
    # A YAML anchor repeats a token in pattern after pattern: each copy's loose answers (by word text)
    # are kept once, whatever its optional, skip or mark; a token that tests otherwise keeps its own.
    rules = rule(tmp_path, """
        define:
          noun: &noun {pos: NNS, not: {word: [news, series]}}
        patterns:
          - tokens: [*noun, {word: was, mark: true}]
            suggest: were
          - tokens: [{word: the}, {<<: *noun, skip: 1}, {word: has, mark: true}]
            suggest: have
          - tokens: [{pos: NNS}, {word: is, mark: true}]
            suggest: are
    """)
    first, second, third = (p.tokens.tokens for p in rules[0].patterns)
    assert first[0]._loose is second[1]._loose
    assert first[0]._loose is not third[0]._loose
    text = "Budget\n\nThe figures was late. The new rules has changed, and the forecasts is revised. The news was good.\n"
    assert [t for t, _ in flagged(rules, text)] == ["was", "has", "is"]


def test_a_word_the_tagger_always_tags_one_way_is_tested_loosely_with_that_tag():
    # The tagger's dictionary of unambiguous words is looked up before any context: such a word's
    # loose test uses the tag, Penn tag and lemma it will get (fewer sentences tagged for nothing).
    from lintnews.read import tagged
    from lintnews.read.document import Document
    from lintnews.read.tagger import model
    from lintnews.rules.token_pattern import compile_token

    text = "The minister said the plans were ready, and that it was of no use to anyone.\n"
    doc = Document(text)
    plain = tagged.words(doc, doc.sentence_at(0))
    whole = tagged.tagged(Document(text), Document(text).sentence_at(0))
    fixed = [(w, t) for w, t in zip(plain, whole) if type(w.seen) is tagged.Fixed]
    assert {w.text for w, _ in fixed} >= {"the", "of"}
    assert all((t.upos, t.xpos, t.lemma) == (w.seen.upos, w.seen.xpos, w.seen.lemma) for w, t in fixed)

    def loosely(spec, word):
        token = next(w for w in plain if w.text == word)
        return compile_token(spec, "t.", print, rule_id="Desk.Rule", path="-", tag_pairs=model().pairs).test(token, True)
    assert not loosely({"pos": "NOUN"}, "of")
    assert loosely({"pos": "IN"}, "of") and not loosely({"pos": "RP"}, "of")
    assert loosely({"lemma": "the", "pos": "DET"}, "the") and not loosely({"lemma": "a"}, "the")
    assert loosely({"pos": "VERB"}, "plans")  # an ambiguous word keeps every tag it was seen with


def test_a_token_read_as_other_words_is_not_tested_loosely_by_its_written_tag(tmp_path):
    # "it" is always tagged PRP as written; read as "its" it is PRP$, which the loose test must allow.
    rules = rule(tmp_path, """
        patterns:
          - tokens: [{word: it, pos: PRP$, mark: true}, {word: "'s", mark: true}, {word: own}]
            suggest: its
            read-as: its
    """)
    first, second, third = rules[0].patterns[0].tokens.tokens
    assert (first.fixed, second.fixed, third.fixed) == (False, False, True)
    assert flagged(rules, "Shares\n\nThe company said it's own shares fell.\n") == [("it's", "'it's': use 'its'.")]
