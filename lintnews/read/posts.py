"""Embedded social-media posts: quoted as posted, so rules that edit words can keep out of them."""

from __future__ import annotations

import regex
from . import compiled as _compiled

# An embedded social-media post, as scraped copy carries it: its text runs up to a picture
# link, the poster's byline ("... pic.twitter.com/x  FOX & friends (@foxandfriends) May 1"),
# a wire roundup's time stamp ("... tens of thousands of miles [1435 EST]"), or sits in a
# tweet tag (<tweet author="@x">...</tweet>). Quotation marks are often lost on the way.
_POST_AHEAD = _compiled.compile(r"pic\.twitter\.com/|\(@\w+\)|</tweet>|\[\d{3,4} [ECMP][SD]T\]")
POST_REACH = 280
_MARKER_STRINGS = ("pic.twitter.com/", "(@", "</tweet>", "[")  # what each of _POST_AHEAD's markers holds


def in_social_post(text: str, start: int, limit: int | None = None) -> bool:
    """Whether ``start`` lies in an embedded social-media post (see ``_POST_AHEAD``).

    ``limit`` is where the post must end at the latest (the paragraph's end).
    """
    end = min(len(text) if limit is None else limit, start + POST_REACH)
    if _POST_AHEAD.search(text, start, end):
        return True
    opened = text.rfind("<tweet", max(0, start - 2000), start)
    return opened >= 0 and text.rfind("</tweet>", opened, start) < 0


# After a post's marker, its byline's date ("... (@jdoe) March 3, 2017") and a picture link's tail.
_AFTER_MARKER = _compiled.compile(
    r"[^\s]*(?:[ \t\u00a0]+(?:—|-|–)?[^\n(]{0,60}\(@\w+\))?"
    r"(?:[ \t\u00a0]*(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}(?:, \d{4})?)?")
# A tweet tag, closed as it should be or as some scrapes do ("<tweet/>").
_TWEET_TAG = _compiled.compile(r"<tweet\b(?!/).*?(?:</tweet>|<tweet/>)", regex.DOTALL)


def post_zones(text: str, blocks) -> list[tuple[int, int]]:
    """Spans of embedded posts: the text ``in_social_post`` reads as a post, with its marker and byline.

    A post runs back from its marker at most ``POST_REACH`` characters, never
    before its paragraph or the post before it in the paragraph.
    """
    zones = []
    # Every marker holds one of these strings: most articles hold none, and no block need be scanned.
    if not any(marker in text for marker in _MARKER_STRINGS):
        blocks = ()
    for start, end in blocks:
        floor = start
        for m in _POST_AHEAD.finditer(text, start, end):
            if m.start() < floor:
                continue
            tail = _AFTER_MARKER.match(text, m.end(), end) if m.group() != "</tweet>" else None
            stop = tail.end() if tail else m.end()
            # Where the post starts is unknown (scrapers glue its lines to each other and to the
            # article's text alike): all that in_social_post reads as post is protected.
            zones.append((max(floor, m.end() - POST_REACH), stop))
            floor = stop
    if "<tweet" in text:
        zones += [m.span() for m in _TWEET_TAG.finditer(text)]
    return sorted(zones)
