"""A start word's places tried only where the characters next to it can be the neighbouring words'
(``outline.neighbours``, ``outline.near_places``): the same outline matches as the outline's own search."""

from __future__ import annotations

import lintnews
from lintnews.read.document import Document
from lintnews.rules.outline import literal_head, near_places, neighbours

# Possessives and contractions next to every kind of character: capitals, a curly apostrophe, a tab, a
# line break, a no-break space, a letter beyond ASCII, a mark, the end of the text.
TEXT = ("The council's plan, IT'S said, and it’s late: Hewitt's team\tsaid it\n's fine. it\u00a0's odd; "
        "Fıt's (it)'s who's whose Who’s. He could of, would  of, Should\nof and would've gone; "
        "their own there own, they're there, effect effects effected. It's it's")


def test_each_start_word_outline_matches_as_its_own_search():
    rules = [r for r in lintnews.load_rules() if r.name == "pattern"]
    doc = Document(TEXT, "x.txt")
    tried = 0
    for rule in rules:
        for p in rule.patterns:
            if p.start_words is None:
                continue
            got = sorted(set(rule._hits(p, doc)))
            regex_ = p.outline if p.outline_lower is None else p.outline_lower
            text = TEXT if p.outline_lower is None else TEXT.lower()
            assert got == sorted({m.span() for m in regex_.finditer(text, overlapped=True)}), (rule.id, p.outline.pattern)
            tried += bool(p.near)
    assert tried > 20  # most patterns have a neighbour to look at


def test_places_are_kept_only_where_a_neighbouring_word_can_stand():
    outline = [(0, frozenset({"it"})), (0, frozenset({"'s"}))]
    lasts, firsts = neighbours(outline, 1, "'s")
    assert (lasts, firsts) == (frozenset("t"), None)
    low = "the firm's view; it 's; a ’s; (it)'s"
    places = [i for i in range(len(low)) if low.startswith(("'s", "’s"), i)]
    # "firm's" ends in m: out; "it 's" in; "a ’s" ends in a: out; ")'s" a mark: left to the regex
    assert [low[i - 3:i + 2] for i in near_places(low, places, 2, lasts, firsts)] == ["it 's", "it)'s"]
    # a gap between the lists, or a longer start word beginning with this one, tells nothing
    assert neighbours([(0, frozenset({"would"})), (2, frozenset({"of"}))], 0, "would") == (None, None)
    assert neighbours([(0, frozenset({"effect", "effects"})), (0, frozenset({"on"}))], 0, "effect") == (None, None)
    assert neighbours([(0, frozenset({"effect", "effects"})), (0, frozenset({"on"}))], 0, "effects") == (None, frozenset("o"))


def test_contractions_and_of_after_a_modal_are_still_flagged_across_spaces_and_case():
    text = "Officials said IT'S budget was cut. The mayor could  of acted, and Should\nof known.\n"
    found = [(f.rule_id, f.text) for f in lintnews.check_text(text)
             if f.rule_id in ("News.ItsApostrophe", "News.OfHave")]
    assert found == [("News.ItsApostrophe", "IT'S"), ("News.OfHave", "of"), ("News.OfHave", "of")]


def test_a_prefilter_opening_with_a_word_is_matched_where_the_word_stands():
    assert literal_head(r"(?i)\bit['’]s\s+(?!(?:a|an)\b)") == "it's"
    assert literal_head(r"(?i)\bthen\b(?<=\b(?:more|[a-z]+er)\s+then)") == "then"
    assert literal_head(r"\bthen?\b") == "the"            # the n may be absent: every match opens with "the"
    assert literal_head(r"(?i)\bthen\b|\bthan\b") is None  # another choice for the whole
    assert literal_head(r"\b(?:were|are)\b(?<=s\s+(?:were|are))") is None
    rules = [r for r in lintnews.load_rules() if r.name == "pattern"]
    doc = Document(TEXT + " More then 30; THEN there. There  own. It’s  own. Ithere's Théthen then", "x.txt")
    tried = 0
    for rule in rules:
        for p in rule.patterns:
            if p.start_words is None and p.start_order is not None:
                tried += 1
                assert rule._hits(p, doc) == [m.span() for m in p.outline.finditer(doc.text, overlapped=True)]
    assert tried >= 3  # ItsApostrophe's, ThanThen's and TheirThere's prefilters
