"""News.BritishSpellings (en-US copy) and News.AmericanSpellings (en-GB copy)."""

import pytest

import lintnews

US = lintnews.load_rules(select=["News.BritishSpellings"], language="en-US")
GB = lintnews.load_rules(select=["News.AmericanSpellings"], language="en-GB")


def words(text, rules):
    return [f.text for f in lintnews.check_text(text, rules=rules)]


def test_flags_british_spelling_in_us_copy():
    assert words("Visit\n\nThe state visit was cancelled at short notice.\n", US) == ["cancelled"]


@pytest.mark.parametrize("text", [
    # An embedded post, up to its picture link or the poster's byline, is quoted as posted.
    ("Visit\n\nThe visit is off. Great news, the visit is cancelled! pic.twitter.com/abc123xyz  "
     "Jane Roe (@janeroe) May 1, 2017The White House did not comment.\n"),
    # A wire roundup of a politician's posts, each closed by its time stamp.
    ("Posts\n\nHighlights of the president's posts on Tuesday: - Over the year I have travelled "
     "to nine countries. [1435 EST] - More to come.\n"),
    # A post in a tweet tag.
    'Sky\n\n<tweet id="1" author="@janeroe">The colour of the sky today</tweet>\n\nShe posted it at noon.\n',
])
def test_social_media_posts_left_alone(text):
    assert words(text, US) == []


def test_text_after_the_post_is_still_checked():
    text = ("Visit\n\nGreat news! pic.twitter.com/abc123xyz  Jane Roe (@janeroe) May 1, 2017\n\n"
            "Officials said the visit had been cancelled.\n")
    assert words(text, US) == ["cancelled"]


def test_flags_american_spelling_in_gb_copy():
    assert words("Poll\n\nThe rumors spread across the town.\n", GB) == ["rumors"]


def test_judgment_is_british_for_a_ruling():
    assert words("Court\n\nThe judge will deliver a judgment in their case next week.\n", GB) == []
