"""The claim features' mechanism (lintnews/rules/claims.py), with small lexicons of its own."""

from __future__ import annotations

from lintnews.read.tagger import tag
from lintnews.rules.claims import Features, Lexicon, Prefilter, forms

KEYS = ("accusations", "parties", "not-parties", "process", "modals", "casualties", "number-words", "units",
        "statistics", "populations", "causes", "events", "judgements", "records", "scopes", "shares", "portions",
        "stances", "leads", "results", "margins",
        "changes", "magnitudes", "indicators", "measures")


def lexicons(**given) -> dict[str, Lexicon]:
    return {k: Lexicon(given.get(k.replace("-", "_"), [])) for k in KEYS}


def test_forms_cover_regular_inflections():
    assert {"rigs", "rigged", "rigging"} <= forms("rig")
    assert {"bribes", "bribed", "bribing"} <= forms("bribe")
    assert {"dies", "died", "dying"} <= forms("die")
    assert {"buries", "buried"} <= forms("bury")


def test_a_phrase_matches_across_a_hyphen_and_extra_forms_count():
    lex = Lexicon(["cover up", "steal|stole|stolen"])
    tokens = tag("The regime led a cover-up after they stole the votes.")
    words = [tokens[i].text for i, _ in lex.find(tokens)]
    assert words == ["cover", "stole"]


def test_features_name_the_first_that_fires_in_their_order():
    lex = lexicons(accusations=["kill"], parties=["soldier"], casualties=["kill"])
    tokens = tag("Soldiers killed 12 protesters outside the parliament.")
    assert Features(lex, ["accusation", "casualty"]).first(tokens).feature == "accusation"
    assert Features(lex, ["casualty", "accusation"]).first(tokens).feature == "casualty"


def test_a_process_word_before_an_accusation_cancels_it():
    lex = lexicons(accusations=["fraud"], parties=["governor"], process=["charge"])
    features = Features(lex, ["accusation"])
    assert features.first(tag("The governor committed fraud for years.")) is not None
    assert features.first(tag("The governor was charged with fraud last year.")) is None


def test_the_prefilter_wants_each_feature_s_words_together():
    lex = lexicons(casualties=["kill"], accusations=["bribe"], judgements=["corrupt"], scopes=["ever"])
    pre = Prefilter(lex)

    def worth(text: str) -> bool:
        found = pre.scan(text)
        return pre.worth(lambda group: bool(found.get(group)))

    assert worth("Troops killed 12 people.")
    assert not worth("The man was killed in a crash.")  # a casualty word with no figure
    assert worth("He took bribes.")
    assert worth("The most corrupt mayor.") and not worth("A corrupt mayor.")
