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

    rule = next(r for r in load_rules() if r.id == "News.VagueSource")
    assert rule.heads is not None
    with_heads = [(f.start, f.end, f.message) for f in Linter([rule]).check(VAGUE).findings]
    rule.heads = None
    without = [(f.start, f.end, f.message) for f in Linter([rule]).check(VAGUE).findings]
    assert with_heads == without and len(with_heads) >= 6
