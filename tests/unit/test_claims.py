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


def test_a_sentence_sure_to_give_nothing_is_not_tagged(monkeypatch):
    """An accusation after a process word ("no evidence of collusion") and a share with a poll
    named earlier are never flagged: the rule must not pay to tag them. Findings stay as before."""
    from lintnews import check_text
    from lintnews.read import tagged

    seen = []
    real = tagged.tagged
    monkeypatch.setattr(tagged, "tagged", lambda doc, s: seen.append(doc.text[s.start:s.end]) or real(doc, s))

    def run(body: str):
        seen.clear()
        found = check_text("Title\n\n" + body + "\n", select=["News.UnattributedClaim"])
        return [f.message for f in found], list(seen)

    found, tagged_now = run("There was no evidence of collusion between the campaign and the foreign agents.")
    assert found == [] and tagged_now == []
    found, tagged_now = run("The campaign colluded with the foreign agents throughout the summer.")
    assert len(found) == 1 and len(tagged_now) == 1
    poll = "A new poll of the state was published on Monday morning. "
    found, tagged_now = run(poll + "About 40 percent of voters in the state back the plan to build the dam.")
    assert found == [] and tagged_now == []
    found, tagged_now = run("About 40 percent of voters in the state back the plan to build the dam.")
    assert len(found) == 1 and tagged_now
