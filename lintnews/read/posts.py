"""Embedded social-media posts: quoted as posted, so rules that edit words can keep out of them."""

from __future__ import annotations

import regex

# An embedded social-media post, as scraped copy carries it: its text runs up to a picture
# link, the poster's byline ("... pic.twitter.com/x  FOX & friends (@foxandfriends) May 1"),
# a wire roundup's time stamp ("... tens of thousands of miles [1435 EST]"), or sits in a
# tweet tag (<tweet author="@x">...</tweet>). Quotation marks are often lost on the way.
_POST_AHEAD = regex.compile(r"pic\.twitter\.com/|\(@\w+\)|</tweet>|\[\d{3,4} [ECMP][SD]T\]")
POST_REACH = 280


def in_social_post(text: str, start: int, limit: int | None = None) -> bool:
    """Whether ``start`` lies in an embedded social-media post (see ``_POST_AHEAD``).

    ``limit`` is where the post must end at the latest (the paragraph's end).
    """
    end = min(len(text) if limit is None else limit, start + POST_REACH)
    if _POST_AHEAD.search(text, start, end):
        return True
    opened = text.rfind("<tweet", max(0, start - 2000), start)
    return opened >= 0 and text.rfind("</tweet>", opened, start) < 0
