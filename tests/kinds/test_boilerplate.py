"""News.Boilerplate: web page leftovers ("Read more: ...")."""

import pytest

import lintnews
from ruleprobe import probe

RULE = "News.Boilerplate"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("line_text", [
    "Read more: What consequences follow sending US troops to Syria",
    "Read more",
    "Read more »",
    "Related: Court bans protests in the capital",
    "Related stories:",
    "Share this:",
    "Share on Facebook",
    "Advertisement",
    "Click here to sign up for alerts.",
    "Follow us on Twitter and Facebook",
    "Follow Pam Key on Twitter @pamkeyNEN.",
    "Take our poll - story continues below",
    "Sign up for our free newsletter",
    "Continue reading the main story",
])
def test_flags_furniture_line(line_text):
    text = f"Ban lifted\n\nThe ban was lifted on Friday.\n\n{line_text}\n\nThe court ruled on Friday.\n"
    assert found(text) == [(RULE, line_text, 5, 1, 5, 1 + len(line_text))]


@pytest.mark.parametrize("text", [
    "Ban\n\nTrump has said the US and Russia should cooperate.\n\nRead more about the plan in the report, "
    "which the Pentagon published on Friday and which runs to forty pages of detail on troop movements.\n",
    "Ban\n\nCritics follow the story on Twitter every day, she said, and subscribe to it.\n",
    "Ban\n\nThe ban was lifted.\n\nShare prices fell on the news.\n",
    "Ban\n\nThe ban was lifted.\n\nRelated coverage of the ban appeared in the Times.\n",
    "Ban\n\nThe ban was lifted.\n\nThe advertisement ran in the paper.\n",
    "Ban\n\nThe ban was lifted.\n\nThe judge said: Read more books.\n",
    "Ban\n\nThe ban was lifted.\n\n“Read more: that is my advice,” the librarian said.\n",
    # Mid-paragraph furniture words are prose.
    "Ban\n\nThe ban was lifted. Read more: the court's ruling is online.\n",
])
def test_does_not_flag(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Syria\n\nTrump has said the US and Russia should cooperate.\n\nRead more: What consequences follow "
     "sending US troops to Syria\n\nThe US forces are invaders.\n",
     "Syria\n\nTrump has said the US and Russia should cooperate.\n\nThe US forces are invaders.\n"),
    # Last paragraph: the separator before it goes too.
    ("Ban\n\nThe ban was lifted.\n\nFollow Pam Key on Twitter @pamkeyNEN.\n", "Ban\n\nThe ban was lifted.\n"),
    # Several furniture lines in a row.
    ("Ban\n\nThe ban was lifted.\n\nShare on Facebook\n\nShare on Twitter\n\nAdvertisement\n\nThe court met.\n",
     "Ban\n\nThe ban was lifted.\n\nThe court met.\n"),
    # Windows line endings are kept.
    ("Ban\r\n\r\nThe ban was lifted.\r\n\r\nAdvertisement\r\n\r\nThe court met.\r\n",
     "Ban\r\n\r\nThe ban was lifted.\r\n\r\nThe court met.\r\n"),
])
def test_fix_deletes_the_line(text, expected):
    assert fixed(text) == expected
    assert fixed(expected) == expected
    assert found(expected) == []


def test_fix_is_safe():
    (f,) = lintnews.check_text("Ban\n\nThe ban was lifted.\n\nAdvertisement\n\nThe court met.\n", rules=RULES)
    assert f.fix.applicability.value == "safe"


@pytest.mark.parametrize("paragraph", [
    "Continue reading the budget line by line, the minister told officials on Monday.",
    "Share this view, many voters told pollsters on Monday.",
])
def test_prose_starting_with_furniture_words(paragraph):
    text = f"Budget\n\nThe budget was published.\n\n{paragraph}\n"
    assert fixed(text) == text


@pytest.mark.parametrize("line_text", [
    "Completing this poll grants you access to Daily Wire updates free of charge.",
    "Email This field is for validation purposes and should be left unchanged.",
    "Do you support Jane Doe? Like the page:",
    "Can't render, error",
    "We Are Sorry,This video is restricted from playing in your location.",
    "You can unsubscribe at any time.",
    "Please help support us with cryptocurrency donations.",
    "12 SHARES Facebook Twitter",
    "Follow on Twitter: Follow @SomeSite",
    "Follow @SomeBlogger",
    "SUBSCRIBE on YouTube:",
    "Posted on by someblogger",
    "Reprinted with permission from The Example Foundation.",
    "©2016 Example Times, Distributed by Tribune Content Agency, LLC.",
    "Getty.",
    "Jane Doe via Getty Images.",
    '<tweet tweet-id="123456789"><tweet/>.',
])
def test_flags_scraped_furniture_line(line_text):
    text = f"Ban lifted\n\nThe ban was lifted on Friday.\n\n{line_text}\n\nThe court ruled on Friday.\n"
    assert found(text) == [(RULE, line_text, 5, 1, 5, 1 + len(line_text))]
    assert fixed(text) == "Ban lifted\n\nThe ban was lifted on Friday.\n\nThe court ruled on Friday.\n"


@pytest.mark.parametrize("paragraph", [
    "Getty Images reported record sales of its photo archive on Monday.",
    "Follow @ the end of the list, he said.",
    "Copyright law was changed in 2004 by parliament.",
    "Reprinted letters from the archive fill the new book.",
])
def test_prose_near_new_furniture_words(paragraph):
    assert found(f"Ban\n\nThe ban was lifted.\n\n{paragraph}\n") == []
