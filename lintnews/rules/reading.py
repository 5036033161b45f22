"""A sentence tagged as the writer meant it: the flagged words replaced by the suggestion.

A swapped word misleads the tagger about its neighbours: in "supporters
launched there second legal challenge" the adverb "there" makes "second" an
adverb too, and in "the dollar held it's gains" the verb "is" makes "gains"
a verb. A pattern with ``read-as`` (``kinds/pattern.py``) is matched on the
sentence's own words carrying the tags of the other reading ("their second
legal challenge", "its gains"), where the noun phrase is tagged as one.
The pattern's constraints still decide (a verb before, no verb of its own
after): the other reading only removes the tagger's bias. Words and offsets
stay the sentence's, so the finding's span and fix are as without it.

Only the window a match can use is tagged (the match, and the tagger's
reach either side, as ``read/tagged.py`` tags a stretch), once per
candidate place, and only where the pattern already matched on the words'
possible tags.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..read.tagged import MARGIN, Word
from ..read.tagger import model
from .token_pattern import Match, TokenPattern


def matches(tokens: TokenPattern, read_as: list[str], plain: list[Word],
            starts) -> Iterator[tuple[Match, list[Word]]]:
    """For each start where ``tokens`` loosely matches ``plain``: the match on the words tagged with
    the marked tokens read as ``read_as``, and those words (tagged around the match only)."""
    for j in starts:
        loose = tokens.match_at(plain, j, loose=True)
        if loose is None:
            continue
        marked = [loose.taken[i] for i in tokens.marked if loose.taken[i] is not None]
        if not marked:
            continue
        words = _retagged(plain, marked[0], marked[-1], read_as, j, tokens.longest)
        m = tokens.match_at(words, j)
        if m is not None:
            yield m, words


def _retagged(plain: list[Word], a: int, b: int, read_as: list[str], j: int, longest: int) -> list[Word]:
    """``plain`` with tags from reading tokens ``a``..``b`` as ``read_as``, from before ``j`` to the
    farthest a match could reach; the replaced tokens take the first replacing word's tags."""
    texts = [w.text for w in plain]
    shift = len(read_as) - (b - a + 1)
    alt = texts[:a] + read_as + texts[b + 1:]
    lo = max(0, min(j, a) - 1 - MARGIN)
    hi = min(len(alt), j + longest + shift + 1 + MARGIN)
    tags = model().analyse(alt[lo:hi])
    words = list(plain)
    for i in range(lo, hi):
        if a <= i < a + len(read_as):
            continue
        k = i if i < a else i - shift
        upos, xpos, lemma = tags[i - lo]
        words[k] = plain[k]._replace(upos=upos, xpos=xpos, lemma=lemma)
    upos, xpos, lemma = tags[a - lo]
    for k in range(a, b + 1):
        words[k] = plain[k]._replace(upos=upos, xpos=xpos, lemma=lemma)
    return words
