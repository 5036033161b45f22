"""Transcripts: an interview's or a debate's turns, each the speaker's words as spoken.

A paragraph that opens with a speaker's name and a colon ("Chris Matthews:
Seriously ...", "Q: ...", "A: ...", "TS: ...") is a turn when the article
is a transcript: two speakers at least, one of them labelled twice (a
scrape's title repeated, "Never Hike Alone: A Fan Film" twice, is one name;
"Update:" once is none). A turn may be a line of a paragraph too: plain-text
transcripts often keep one turn a line, and a turn then runs to the next
labelled line. What follows the label is quoted speech, as a
quotation in marks is: a copy editor does not correct a speaker's grammar
in a transcript, so no safe fix changes it (``run/protect.py``), and
word-level rules treat it as they treat quotations. ``rules/carriers.py``
reads the same labels as sources that point at their turns.
"""

from __future__ import annotations

from . import compiled as _compiled
from .lines import line_spans

# "Chris Matthews: ", "Sen. Ted Cruz: ", "Q: ", "A: " at the start of a paragraph (a quotation mark may
# open it): one to four capitalised words (group "one": a single word), or one letter. A label in
# capitals ("UN: PEACEKEEPERS ...") is a headline.
LABEL = _compiled.compile(
    r"[\"“'‘]?(?:[QA]|(?P<one>\p{Lu}[\p{Ll}'’-]+)|(?:\p{Lu}[\p{Ll}.'’-]+\.?[ \u00a0]){1,3}\p{Lu}[\p{Ll}'’-]+):[ \u00a0]+\S")
# Initials as a label ("TS: ", "JB: "), counted only in a transcript (group "one", as a one-word name).
_INITIALS = _compiled.compile(r"[\"“'‘]?(?P<one>\p{Lu}{2,3}):[ \u00a0]+\S")
# Turn labels a transcript may use besides: "Q." and "A.", a name in capitals as broadcasters write it
# ("MATTHEWS:", "CHRIS MATTHEWS:"), a name in Markdown bold ("**Matthews:**", "__Q:__").
_TURNS = _compiled.compile(
    r"(?:\*\*|__)?[\"“'‘]?(?:(?P<qa>[QA])\.|(?P<speaker>\p{Lu}{2,}(?:[ '’-]\p{Lu}{2,}){0,2}|[QA]"
    r"|\p{Lu}[\p{Ll}.'’-]+(?:[ \u00a0]\p{Lu}[\p{Ll}.'’-]+){0,3})(?:\*\*|__)?:)(?:\*\*|__)?[ \u00a0]+\S")


def name(label) -> str:
    """The speaker's name a label gives ("Matthews" for "Matthews: Seriously", "**Matthews:**", "Q.")."""
    named = label.groupdict()
    return named.get("qa") or named.get("speaker") or label.group().split(":", 1)[0].lstrip("\"“'‘")


def _turn_label(text: str, start: int, end: int):
    """A turn's label: one :func:`label` reads, or one of the forms only a transcript uses (``_TURNS``)."""
    return label(text, start, end) or _TURNS.match(text, start, end)


def is_transcript(text: str, blocks) -> bool:
    """Two speakers, one of them labelled twice ("Q:" and "A:"; "Matthews:" and "Lopez:")."""
    return _two_speakers(_labelled(text, blocks))


def turns(text: str, blocks) -> list[tuple[int, int]]:
    """In a transcript, each turn's words after its label, to the next labelled line or its paragraph's end;
    else nothing."""
    labelled = _labelled(text, blocks)
    if not _two_speakers(labelled):
        return []
    out: list[list[int]] = []
    for block, start, m in labelled:  # an unlabelled line goes on with the turn above it
        if out and out[-1][1] == block.end:
            out[-1][1] = start - 1  # the turn before, in the same paragraph, ends at this line's break
        out.append([m.end() - 1, block.end])
    return [(a, b) for a, b in out]


def _labelled(text: str, blocks) -> list[tuple]:
    """(block, line start, label) for each line of the blocks that opens with a turn's label."""
    out = []
    for block in blocks:
        for start, end in line_spans(text, block.start, block.end):
            m = _turn_label(text, start, end)
            if m is not None:
                out.append((block, start, m))
    return out


def _two_speakers(labelled) -> bool:
    names = [name(m) for _, _, m in labelled]
    return len(names) > len(set(names)) >= 2


def label(text: str, start: int, end: int):
    """The speaker's label opening text[start:end] (group "one" set for a one-word name or initials), or None."""
    return LABEL.match(text, start, end) or _INITIALS.match(text, start, end)
