"""Syllables as Vale counts them for its readability grades.

Vale's readability rules (internal/check/readability.go) read their numbers from the
``summarize`` package of github.com/jdkato/twine, whose ``Syllables`` is the English estimate
of the ``syllable`` algorithm (Titus Wormer's, after Greg Fast's Lingua::EN::Syllable): words
of one or two letters have one syllable; a few listed words have known counts; known prefixes
and suffixes are taken off and counted (2 or 1 for a prefix, 3, 2 or 1 for a suffix, by group);
the rest counts its vowel groups, less the endings that are silent (``-ed``, ``-es``, a final
``-e`` after a consonant...), plus the vowel pairs said as two syllables (``-ism``, ``io``...).
The word lists and patterns below are those figures, written for Python's ``re``.
"""

from __future__ import annotations

import re

_KNOWN = {
    **dict.fromkeys(("abed", "adieu", "cafe", "cafes", "chile", "chloe", "circe", "jesse", "jukebox", "maybe",
                     "people", "shoreline", "daphne", "phoebe", "zoe"), 2),
    **dict.fromkeys(("abare", "acreage", "adame", "adobe", "apache", "coyote", "forever", "karate", "machete",
                     "recipe", "sesame", "simile", "syncope", "tamale", "euterpe"), 3),
    **dict.fromkeys(("abalone", "abruzzese", "abbruzzese", "anemone", "aphrodite", "apostrophe", "ariadne",
                     "calliope", "catastrophe", "epitome", "facsimile", "gethsemane", "guacamole", "hyperbole",
                     "yosemite", "eurydice", "hermione", "penelope", "persephone"), 4),
    **dict.fromkeys(("aborigine", "aborigines"), 5),
}
# Taken off the front: the first group counts 2 syllables, the second 1.
_PREFIXES = (
    ("above", "anti", "ante", "counter", "hyper", "afore", "agri", "infra", "intra", "inter", "over", "semi",
     "ultra", "under", "extra", "dia", "micro", "mega", "kilo", "pico", "nano", "macro"),
    ("un", "fore", "ware", "none", "non", "out", "post", "sub", "pre", "pro", "dis", "side"),
)
# Taken off the end: the groups count 3, 2 and 1 syllables.
_SUFFIXES = (
    ("ology", "ologist", "onomy", "onomist"),
    ("fully", "berry", "woman", "women"),
    ("ly", "less", "some", "ful", "er", "ers", "ness", "cian", "cians", "ment", "ments", "ette", "ettes", "ville",
     "villes", "ships", "ship", "side", "sides", "port", "ports", "shire", "shires", "tion", "tioned"),
)
_ED = "b|c|ch|dg|f|g|gh|gn|k|l|lch|ll|lv|m|mm|n|nc|ng|nch|nn|p|r|rc|rn|rs|rv|s|sc|sk|sl|squ|ss|th|v|y|z"
_ES = "b|ch|d|f|gh|gn|k|l|lch|ll|lv|m|mm|n|nch|nn|p|r|rn|rs|rv|s|sc|sk|sl|squ|ss|st|t|th|v|y"
_E = "b|c|ch|d|dg|f|g|gh|gn|k|l|ll|lv|m|mm|n|nc|ng|nn|p|r|rc|rn|rs|rv|s|sc|sk|sl|squ|ss|st|t|th|v|y|z"
_SILENT = (  # each match is one vowel group not said
    re.compile(r"cia(?:l|$)|tia|cius|cious|[^aeiou]giu|[aeiouy][^aeiouy]ion|iou|sia$|eous$|[oa]gue$"
               r"|.[^aeiuoycgltdb]{2,}ed$|.ely$|^jua|uai|eau|^busi$"
               rf"|[aeiouy](?:{_ED})ed$|[aeiouy](?:{_ES})es$"),
    re.compile(rf"[aeiouy](?:{_E})e$"),
)
_SAID_TWICE = (  # each match is one more syllable than its vowel groups
    re.compile(r"(?:[^aeiouy]ie(?:r|st|t)|[aeiouym]bl|eo|ism|asm|thm|dnt|uity|dea|gean|oa|ua|eings?"
               r"|[aeiouy]sh?e[rsd])$"),
    re.compile(r"[^gq]ua[^auieo]|[aeiou]{3}|^(?:ia|mc|coa[dglx].)"),
    re.compile(r"[^aeiou]y[ae]|[^l]lien|riet|dien|iu|io|ii|uen|real|iell|eo[^aeiou]|[aeiou]y[aeiou]"),
    re.compile(r"[^s]ia"),
)
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def _trim(word: str, groups, at_start: bool) -> tuple[str, int]:
    for i, group in enumerate(groups):
        for part in group:
            if word.startswith(part) if at_start else word.endswith(part):
                return (word[len(part):] if at_start else word[:-len(part)]), len(groups) - i
    return word, 0


def syllables(word: str) -> int:
    """The number of syllables Vale counts in ``word``."""
    if len(word) < 3:
        return 1 if word else 0
    word = word.lower()
    if word in _KNOWN:
        return _KNOWN[word]
    word, count = _trim(word, _PREFIXES, True)
    word, more = _trim(word, _SUFFIXES, False)
    count += more + len(_VOWEL_GROUP.findall(word))
    count -= sum(len(p.findall(word)) for p in _SILENT)
    count += sum(len(p.findall(word)) for p in _SAID_TWICE)
    return max(count, 1)
