"""News.GluedWords: words run together where a line break was lost; photo credits left at the end."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.GluedWords"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("glued, seam, fix", [
    ("December 4, 2017The", "December 4, 2017", "safe"),
    ("the end.The", "the end.", "safe"),
    ("the region.”Harry", "the region.”", "safe"),
    ("he said.“We", "he said.", "safe"),
    ("was it right?On", "was it right?", "safe"),
    ("the plan.It", "the plan.", "safe"),
    ("the vote.I", "the vote.", "safe"),
    ("The paper reports:The", "The paper reports:", "unsafe"),
    ("Age: 27City", "Age: 27", "unsafe"),
    ("the whole worldTrump", "the whole world", "unsafe"),
])
def test_flags_and_fixes_the_seam(glued, seam, fix):
    text = f"Vote\n\nIt was {glued} mayor spoke.\n"
    (f,) = lintnews.check_text(text, rules=RULES)
    assert f.fix.applicability.value == fix
    rest = glued[len(seam):]
    expected = f"Vote\n\nIt was {seam} {rest} mayor spoke.\n"
    assert fixed(text, unsafe=True) == expected
    assert found(expected) == []


@pytest.mark.parametrize("phrase", [
    "the U.S. economy", "the U.S.Trump plan", "3.5 percent", "e.g. this", "i.e.The", "a Ph.D. in law",
    "Amazon.com", "Amazon.Com", "Node.js", "Halo.Bungie.Org", "an iPhone", "McCain", "YouTube", "LeBron",
    "DiCaprio", "eBay", "pic.twitter.com/AbCdEfGh", "https://t.co/wX4LsVFCNN", "bit.ly/2Bdsjq7",
    "at 5.30pm", "No.1 seed", "@realDonaldTrump", "#JohnMcCain", "4Children", "1Xtra", "One2One",
    "comScore", "10:30 am", "John 3:16", "font-family:Helvetica", "Yes...No", "so...Really", "$2Million",
    "5Ks", "mRNA", "the 1990s",
])
def test_does_not_flag(phrase):
    assert found(f"Vote\n\nIt was {phrase} in the end.\n") == []


@pytest.mark.parametrize("text, expected", [
    # A credit glued to the last sentence: only the credit goes.
    ("Vote\n\nWe can hope.Featured image via Mark Wilson/Getty Images\n", "Vote\n\nWe can hope.\n"),
    ("Vote\n\nWatch the ad below:Featured image via screen capture\n", "Vote\n\nWatch the ad below:\n"),
    ("Vote\n\nThe vote is on Monday. Featured image via Alex Wong/Getty Images\n\nNext.\n",
     "Vote\n\nThe vote is on Monday.\n\nNext.\n"),
    ("Vote\n\n— Jane Doe (@jdoe) June 27, 2017Featured image via video screen capture\n",
     "Vote\n\n— Jane Doe (@jdoe) June 27, 2017\n"),
    ("Vote\n\nIt s over.Read more:Featured image via Drew Angerer/Getty Images\n", "Vote\n\nIt s over.\n"),
    ("Vote\n\nA sad day.Photo by Andrew Burton/Getty Images.\n", "Vote\n\nA sad day.\n"),
])
def test_trailing_credit_is_deleted(text, expected):
    (f,) = lintnews.check_text(text, rules=RULES)
    assert f.message.endswith("a photo credit left at the end of the paragraph.")
    assert f.fix.applicability.value == "safe"
    assert fixed(text) == expected
    assert found(expected) == []


@pytest.mark.parametrize("text", [
    # A credit line on its own is News.Boilerplate's.
    "Vote\n\nThe vote is on Monday.\n\nFeatured image via Alex Wong/Getty Images\n",
    # Prose about photos, not a credit.
    "Vote\n\nHe walked past the lake. Photo by the river was his favourite.\n",
    # Too long for a credit: prose run on after it.
    "Vote\n\nIt ended.Featured image via screen capture, and then the mayor spoke to the crowd for an hour about "
    "the budget, the schools and the roads that the council had promised to mend last year.\n",
])
def test_credit_not_flagged(text):
    assert [f for f in found(text) if "credit" in f[1].lower() or "image" in f[1].lower()] == []


def test_message():
    (f,) = lintnews.check_text("Vote\n\nThe end.The next day.\n", rules=RULES)
    assert f.message == "Write 'end. The': 'end.The' runs two words together where a line break was lost."
