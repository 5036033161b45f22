"""Text quoted as written: lintnews/read/quotes.py and Document.zones."""

from __future__ import annotations

from lintnews.read.article import read_article


def zones(text: str, reason: str, path: str = "-") -> list[str]:
    doc = read_article(text, path).doc
    return [text[s:e] for s, e in doc.zones[reason]]


# -------------------------------------------------------------- quotations
def test_single_quotes_and_guillemets_are_quotations():
    text = ("Vote\n\nThe minister called it 'a shameless attempt to buy votes', aides said, "
            "and the paper wrote «un scandale» and ‹ganz klar›.\n\n"
            "‘We don’t know yet,’ she said.\n")
    assert zones(text, "quotation") == ["'a shameless attempt to buy votes'", "«un scandale»",
                                        "‹ganz klar›", "‘We don’t know yet,’"]


def test_apostrophes_are_not_quotations():
    text = ("Music\n\nThe Smiths' guitarist said rock 'n' roll in the '90s wasn't dead, "
            "and the band's fans didn't care about the Joneses' view.\n")
    assert zones(text, "quotation") == []


def test_a_plural_possessive_does_not_close_a_single_quotation():
    text = "Music\n\nHe said 'the Smiths' records still sell well' on Tuesday.\n"
    assert zones(text, "quotation") == ["'the Smiths' records still sell well'"]


def test_german_guillemets_read_by_where_they_stand():
    text = "Press\n\nDie Zeitung schrieb »ein Skandal« am Montag.\n"
    assert zones(text, "quotation") == ["»ein Skandal«"]


def test_sic_protects_its_quotation_or_its_sentence():
    text = ('Letter\n\nThe council wrote that the plan was "definately [sic] approved" on Monday.\n\n'
            "The sign read: Their open on Sundays [sic]. It was fixed later.\n")
    doc = read_article(text).doc
    assert [text[s:e] for s, e in doc.zones["sic"]] == ['"definately [sic] approved"',
                                                         "The sign read: Their open on Sundays [sic]"]
    assert doc.protected(text.index("Their")) == "sic"
    assert doc.protected(text.index("It was")) is None



def test_a_quotation_with_spaces_inside_its_marks_is_a_quotation():
    text = ('Vote\n\n" Like this, we will never win," she said.\n\n'
            'The mayor called the plan "a disgrace to the city " and left.\n\n'
            "Le maire a dit « nous verrons » lundi, and ' never again ' was the slogan.\n")
    assert zones(text, "quotation") == ['" Like this, we will never win,"', '"a disgrace to the city "',
                                        "« nous verrons »", "' never again '"]


def test_a_spaced_mark_at_the_end_of_a_line_closes_and_opens_nothing():
    text = 'Attack\n\nHe was shouting "Allah Akbar". Long live Hitler, to death the Jews. "\nIt was reported.\n'
    assert zones(text, "quotation") == ['"Allah Akbar"']


def test_invisible_characters_beside_a_mark_do_not_change_the_reading():
    # News.InvisibleCharacters deletes them: the next pass of fix must see the same quotations.
    for shown in ('"\u200b Like this,  the mayor said," she said.', '" \u200bLike this,  the mayor said," she said.',
                  '"\u200bLike this,  the mayor said,\u2060" she said.', "Fans sang \u200b'we are the champions'."):
        text = "Vote\n\n" + shown + "\n"
        clean = text.replace("\u200b", "").replace("\u2060", "")
        assert [q.replace("\u200b", "").replace("\u2060", "") for q in zones(text, "quotation")] \
            == zones(clean, "quotation") != []

# ------------------------------------------------- stripped marks and gaps
def test_paired_gaps_in_an_article_without_marks_are_a_stripped_quotation():
    text = ("Rally\n\nMarchers were shouting  Blood and soil,  a Nazi slogan, as they passed.\n\n"
            "The mayor said the city was  sad and angry.  Then he left.\n")
    doc = read_article(text).doc
    assert [text[s:e] for s, e in doc.zones["stripped quotation"]] == ["Blood and soil,", "sad and angry."]
    assert [text[s - 5:e] for s, e in doc.stripped_marks] == ["uting  ", "soil,  ", "y was  "]


def test_gaps_in_an_article_with_marks_are_typos_or_lost_links():
    text = ("Rally\n\nThe attacks on  Clinton and  Sanders went on.\n\n"
            "“We will stay,” he said.\n")
    doc = read_article(text).doc
    assert doc.stripped_marks == [] and doc.zones["stripped quotation"] == []


def test_marks_inside_an_embedded_post_do_not_make_the_article_marked():
    # The scraper stripped the article's own marks; the embedded tweet kept its author's.
    text = ("Warren\n\nOn Monday, Trump referred to Warren as  Pocahontas  at an event honoring Native "
            "American veterans.\n\nShe answered on Twitter. \"This is an insult to heroes\" "
            "pic.twitter.com/AbC123  Elizabeth Warren (@ewarren) November 27, 2017\n\n"
            "The White House said it was  ridiculous  to call the remark a slur.\n")
    doc = read_article(text).doc
    assert [text[s:e] for s, e in doc.zones["stripped quotation"]] == ["Pocahontas", "ridiculous"]
    assert len(doc.stripped_marks) == 5  # the four pairs' gaps and the dash before the byline


def test_the_gap_before_a_posts_byline_is_its_stripped_dash():
    # An article with its marks kept: its own double spaces are typos, the byline's gap is not.
    text = ("Hurricanes\n\n“We will rebuild,” the governor said.\n\nThe network posted the  clip. "
            "We have never had a thing like this https://t.co/xrDzAiaLuv  NBC News (@NBCNews) September 7, 2017\n")
    doc = read_article(text).doc
    assert [text[s - 4:e + 3] for s, e in doc.stripped_marks] == ["aLuv  NBC"]


def test_two_apostrophes_are_a_double_mark_when_judging_an_article_stripped():
    # Archive copy typed on a typewriter: its quotations keep their marks, so its gaps are typos.
    text = ("Netanyahu\n\n''They have a fraught relationship,'' said Martin Indyk, the  adviser.\n\n"
            "''He's got it,'' he told advisers afterward, according to  Uzi Arad.\n")
    doc = read_article(text).doc
    assert doc.stripped_marks == [] and doc.zones["stripped quotation"] == []


def test_an_article_that_lost_its_apostrophes_lost_its_marks_too():
    # The scraper took every apostrophe and mark from the story; a leaked embed script kept its quotes.
    text = ("Tarsey\n\nThe man attacked a defenseless young woman. I m estranged from my dad,  Tarsey says. "
            "Trump s critics say he doesn t care and the family didn t comment.\n\n"
            "(function(d) { js.src = \"//connect.example.net/sdk.js\"; }(document));\n")
    doc = read_article(text).doc
    assert [text[s - 4:e + 6] for s, e in doc.stripped_marks] == ["dad,  Tarsey"]


def test_three_spaces_are_a_stripped_dash_anywhere():
    text = "Troops\n\n“We will stay,” he said. They were there   for now.\n"
    doc = read_article(text).doc
    assert [e - s for s, e in doc.stripped_marks] == [3]


# ------------------------------------------------------ posts, block quotes, tables
def test_a_post_runs_to_its_byline_and_date():
    text = ("Tweets\n\nThe senator wrote on Monday. We will not back down on this bill "
            "pic.twitter.com/AbC123  Jane Doe (@jdoe) March 3, 2017 The bill passed later.\n")
    post = zones(text, "post")
    assert len(post) == 1 and post[0].endswith("Jane Doe (@jdoe) March 3, 2017")
    doc = read_article(text).doc
    assert doc.protected(text.index("The bill passed")) is None


def test_markdown_block_quote_and_plain_text_pipe_table():
    md = "# Song\n\n> the river runs\n> down to the sea\n\nThe band played on.\n"
    assert zones(md, "block quote", "a.md") == ["> the river runs\n> down to the sea"]
    plain = "Results\n\n| Name   | Votes |\n|--------|-------|\n| Smith  | 1,200 |\n\nSmith won.\n"
    assert zones(plain, "table") == ["| Name   | Votes |\n|--------|-------|\n| Smith  | 1,200 |"]
    assert zones("Odds\n\nEither a | b or c.\n", "table") == []


def test_a_long_run_after_an_opening_apostrophe_is_no_quotation():
    text = "Cleric\n\nThe sermon of Sheikh Al-‘Ayesh was reported. " + "He spoke at length. " * 60 + "It ended’ there.\n"
    assert zones(text, "quotation") == []


def test_a_plural_possessive_closes_when_no_other_mark_is_near():
    text = ("Church\n\nHence the 'razing of the bastions' that he called for. " + "It was a duty. " * 20
            + "Then 'reform' came.\n")
    assert zones(text, "quotation") == ["'razing of the bastions'", "'reform'"]


def test_gaps_inside_a_post_do_not_pair_with_the_article_text():
    text = ("Tweets\n\nYou will regret this.  Donald J. Trump (@realDonaldTrump) November 8, 2013After the vote "
            "failed, he said  I m not going to own it,  to reporters.\n")
    doc = read_article(text).doc
    assert [text[s:e] for s, e in doc.zones["stripped quotation"]] == ["I m not going to own it,"]


def test_a_tweet_tag_closed_the_scraped_way_is_a_post():
    text = ('Endorsement\n\n<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016">I love her. '
            "Without her support, I wouldn’t be in the Senate.<tweet/>.\n\nThe rumors broke.\n")
    post = zones(text, "post")
    assert len(post) == 1 and post[0].endswith("Senate.<tweet/>")


# ------------------------------------------------------------------ transcripts
def test_a_transcripts_turns_are_quoted_speech_and_a_lone_label_is_not():
    text = ("Interview\n\nThe senator spoke to us on Monday.\n\n"
            "TS: They are going along, but the ironic things about Congress is that it can do anything.\n\n"
            "JB: And the president?\n\nTS: He dont know what he wants.\n")
    doc = read_article(text).doc
    turns = [text[s:e] for s, e in doc.zones["transcript"]]
    assert turns == ["They are going along, but the ironic things about Congress is that it can do anything.",
                     "And the president?", "He dont know what he wants."]
    assert not doc.in_quote(text.index("senator"))
    assert doc.protected(text.index("ironic")) == "transcript"
    # One label, or one speaker only, is no transcript: "Update:" and a headline's colon stay copy.
    for single in ("Budget\n\nUpdate: The council voted on Monday.\n\nThe mayor left.\n",
                   "Budget\n\nQ: Is the vote on Monday?\n\nQ: And the budget?\n"):
        assert read_article(single).doc.zones["transcript"] == []
