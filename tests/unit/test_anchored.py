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
    assert heads(["(?:some|many) say"]) is None    # a group first
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
