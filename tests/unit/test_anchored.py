"""A cue alternation matched only where its leading words stand (lintnews/rules/anchored.py) finds what
one ``finditer`` over the whole text finds: the attribution kind's sources rest on it."""

from __future__ import annotations

import regex

from lintnews.read.document import Document
from lintnews.rules.anchored import Anchored, heads, matches_from

CUES = ["said", "says?", "according to", "records? show", "estimated?s?", "declar(?:ing|ed)",
        "editor['’]s note", "it is (?:widely )?(?:believed|understood)", "told|tells"]
PATTERN = regex.compile(r"(?i)\b(?:" + "|".join(f"(?:{c})" for c in CUES) + r")\b")

TEXTS = [
    "The minister said on Tuesday that it is widely believed the vote was rigged, according to aides.",
    "SAID the mayor. Police records show 40 arrests; officials estimate more, declaring a curfew.",
    "It is understood that the unsaid part, the saying goes, told nobody. Editor’s note: corrected.",
    "Résumé said: Sayed says the sayings are what he says. Déclaring nothing, she told aides.",
    "The ſaid clerk tells all.",          # a long s: (?i) reads it as "s", lower case does not
    "İstanbul's governor said it is believed.",  # lower case moves offsets
    "Nothing here is sourced at all, by anyone, on any day.",
]


def test_heads_are_each_cue_s_leading_letters():
    assert heads(CUES) == ["said", "say", "according to", "record", "estimate", "declar", "editor", "it is",
                           "told", "tells"]
    assert heads([r"\w+ said"]) is None            # no plain letters first
    assert heads(["(?:some|m) say"]) is None       # a group with a one-letter head
    assert heads(["s?aid"]) is None                # a head shorter than two letters
    assert heads(["(?x)said it"]) is None          # an inline flag: the spaces could mean nothing


def test_the_matches_are_finditer_s_on_every_text():
    anchored = Anchored(heads(CUES))
    for text in TEXTS:
        doc = Document(text, "a.txt")
        places = anchored.places(text, doc.lower_text)
        expected = [m.span() for m in PATTERN.finditer(text)]
        if places is None:
            assert "ſ" in text or "İ" in text
            continue
        assert [m.span() for m in matches_from(PATTERN, text, "T.Rule", places)] == expected, text


def test_a_match_hides_a_head_inside_it_as_finditer_does():
    text = "It is believed, it is understood, the aides said."
    doc = Document(text, "a.txt")
    found = matches_from(PATTERN, text, "T.Rule", Anchored(heads(CUES)).places(text, doc.lower_text))
    assert [m.group() for m in found] == ["It is believed", "it is understood", "said"]


def test_a_cue_may_open_with_a_group_and_an_optional_one_adds_what_follows():
    assert heads(["(?:critics|analysts) (?:say|said)", "(?:many|some) (?:people )?fear"]) == \
        ["critics", "analysts", "many", "some"]
    assert heads(["(?:(?:some|many) )?(?:people|experts) say"]) == ["some", "many", "people", "experts"]
    assert heads(["(?:ab)?"]) is None and heads(["(?:critics)* say"]) is None and heads(["(?:[a-z]+) say"]) is None


VAGUE = """Title

Critics say the plan will fail. Some people fear the worst, and many believe it. It is widely said that
studies show that prices rose; everybody knows it. There is no doubt that some analysts say otherwise.
"Many fear it," she said. The uncritics say nothing, and pseudo-experts believe nothing.
"""


def test_an_existence_rule_finds_the_same_with_and_without_its_heads(tmp_path):
    from lintnews import load_rules
    from lintnews.run.engine import Linter

    rule = next(r for r in load_rules(select=["News.VagueSource"]) if r.id == "News.VagueSource")
    assert rule.heads is not None
    with_heads = [(f.start, f.end, f.message) for f in Linter([rule]).check(VAGUE).findings]
    rule.heads = None
    without = [(f.start, f.end, f.message) for f in Linter([rule]).check(VAGUE).findings]
    assert with_heads == without and len(with_heads) >= 6


def test_a_claim_cue_s_heads_are_read_by_the_same_reader_when_it_opens_with_a_word_boundary():
    from lintnews.rules.anchored import bounded_heads

    assert bounded_heads(r"\b(?:crisis|protests?|fire ?power)\s+began", min_length=4) == ["crisis", "protest", "fire"]
    assert bounded_heads(r"\bconspired with\b", min_length=4) == ["conspired with"]
    assert bounded_heads(r"\bprotests?\s+spread", min_length=4) == ["protest"]  # "protest spread" too
    assert bounded_heads(r"\bdeclar(?:ed|ing) war", min_length=4) == ["declar"]
    assert bounded_heads(r"\b(?:a|the) cover-up", min_length=4) is None  # too common to search for
    assert bounded_heads(r"\b\d+ people", min_length=4) is None
    assert bounded_heads(r"\bwar|conflict", min_length=4) is None  # "conflict" needs no \b before it
    assert bounded_heads("it is believed", min_length=4) is None


CLAIMS = r"""extends: attribution
message: "%s: '%s'"
features: {}
claims:
  unrest: ['\bprotests?\s+(?:began|spread)', '\b(?:police|officials)\b[^.]{0,40}\bfired\b']
sources: [said]
window: 0
"""

UNREST = """Title

The protest began on Monday in the capital and grew quickly across the north.

Protests spread to three more cities by the weekend, with thousands on the streets.

Police and officials fired tear gas at the crowd outside the parliament building.

Police fired tear gas at the crowd, a spokesman said on Tuesday evening.
"""


def test_claim_cues_found_where_their_heads_stand_are_those_one_scan_finds(tmp_path):
    from testkit import house_rules

    from lintnews.run.engine import Linter

    (rule,) = house_rules(tmp_path, Claim=CLAIMS)
    assert all(heads is not None for _, cues in rule.claims for heads, _ in cues)
    doc = Document(UNREST, "a.txt")
    with_heads = rule._find_claims(doc)
    found = [(f.start, f.message) for f in Linter([rule]).check(UNREST).findings]
    rule.claims = [(c, [(None, cue) for _, cue in cues]) for c, cues in rule.claims]
    assert rule._find_claims(doc) == with_heads
    assert [(f.start, f.message) for f in Linter([rule]).check(UNREST).findings] == found
    # "protest began" as well as "Protests spread"; one match for "Police and officials fired", as one
    # scan finds (not a second from "officials"); the sourced sentence is not flagged.
    assert [UNREST[s:e] for s, e, _ in sorted(with_heads)] == [
        "protest began", "Protests spread", "Police and officials fired", "Police fired"]
    assert len(found) == 3


PLACES_TEXT = ("Sources say: 'Said' said the SAYER; unsaid, x_said, 3said, ²said, émigrés said, Renésaid. "
               "'s and ’s. It is, it’s, IT IS.")


def test_the_places_hold_every_match_start_by_string_search_or_automaton(monkeypatch):
    from lintnews.rules import anchored

    heads_ = ["said", "say", "it is", "'s", "’s"]
    doc = Document(PLACES_TEXT, "a.txt")
    lower = doc.lower_text
    by_automaton = Anchored(heads_).places(PLACES_TEXT, lower)  # five heads: one automaton pass
    monkeypatch.setattr(anchored, "_FEW", 10)  # a string search each
    assert Anchored(heads_).places(PLACES_TEXT, lower) == by_automaton
    for bounded in (True, False):
        places = Anchored(heads_).places(PLACES_TEXT, lower, bounded)
        edge = r"\b" if bounded else ""
        starts = {m.start() for m in regex.finditer(rf"(?i){edge}(?:said|say|it is)|['’]s", PLACES_TEXT)}
        assert starts <= set(places)
        assert places == sorted(set(places))
    # After a letter beyond ASCII \b refuses the place, the search keeps it (the match decides); after
    # "²" (no word character) both take it, as after "3" neither does.
    bounded = set(by_automaton)
    for before, kept in (("x_", False), ("3", False), ("un", False), ("²", True), ("é", True)):
        i = PLACES_TEXT.lower().index(before + "said") + len(before)
        assert (i in bounded) is kept, before
