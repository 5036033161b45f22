"""Poll figures (lintnews/rules/polls.py): the verb of a share of respondents, read from tags."""

from __future__ import annotations

from lintnews.read.tagger import tag
from lintnews.rules.claims import Lexicon
from lintnews.rules.polls import poll_claim, respondent_verbs, share_subject

LEX = {"shares": Lexicon(["percent", "per cent", "%"]), "portions": Lexicon(["majority", "half"]),
       "stances": Lexicon(["say|said", "oppose", "think|thought"]), "populations": Lexicon(["voter", "respondent"])}


def _words(tokens, found):
    return " ".join(t.text for t in tokens[found[0]:found[1]]) if found else None


def test_a_share_heads_the_subject_of_a_stance_verb():
    tokens = tag("Among Trump voters, 74 percent said they would vote for him.")
    said = [t.text for t in tokens].index("said")
    assert tokens[share_subject(LEX, tokens, said)].text == "percent"
    assert _words(tokens, poll_claim(LEX, tokens)) == "74 percent said"


def test_a_verb_after_they_follows_the_respondents():
    tokens = tag("Half of voters said they would vote for Clinton.")
    words = [t.text for t in tokens]
    assert {words.index("said"), words.index("vote")} <= respondent_verbs(LEX, tokens)


def test_a_share_that_is_no_subject_is_no_poll():
    for sentence in ("Senate Majority Leader Mitch McConnell said the bill would pass.",
                     "He won 40 percent of the vote and said he was pleased.",
                     "A 5 percent rise in sales was said to be likely.",
                     "Too many among the 98% said nothing at all."):
        tokens = tag(sentence)
        assert poll_claim(LEX, tokens) is None, sentence


def test_only_stance_verbs_belong_to_respondents():
    tokens = tag("Some 54 percent of voters chose the incumbent.")
    assert respondent_verbs(LEX, tokens) == set()


def test_a_margin_is_two_shares_after_a_word_of_leading():
    from lintnews.rules.polls import margin_claim
    lex = dict(LEX, leads=Lexicon(["lead|led"]), results=Lexicon(["win|won"]))
    tokens = tag("Clinton led Trump 47 percent to 39 percent among young voters.")
    assert _words(tokens, margin_claim(lex, tokens)) == "47 percent to 39 percent"
    assert margin_claim(lex, tag("Clinton won the state 47 percent to 39 percent.")) is None
    assert margin_claim(lex, tag("Turnout rose from 47 percent to 59 percent.")) is None


def test_a_figure_of_change_needs_an_indicator_for_its_subject():
    from lintnews.rules.figures import change_claim
    lex = dict(LEX, changes=Lexicon(["fall|fell", "grow|grew"]), indicators=Lexicon(["spending", "income"]),
               measures=Lexicon(["rate"]), magnitudes=Lexicon(["million", "m"]), modals=Lexicon(["could"]),
               **{"number-words": Lexicon(["five"])})
    tokens = tag("Consumer spending grew 4.2% in the final quarter.")
    assert _words(tokens, change_claim(lex, tokens)) == "grew 4.2 %"  # tokens joined by spaces
    assert change_claim(lex, tag("Heineken's net income fell to 537m euros.")) is None
    assert change_claim(lex, tag("Shares fell 15% in early trading.")) is None
    assert change_claim(lex, tag("Consumer spending could fall 5% next year.")) is None
