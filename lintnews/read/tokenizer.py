"""Words and punctuation of a sentence as Universal Dependencies English splits them.

``tokenize(text)`` returns ``(start, end)`` offsets into the text, so every
token is an exact slice of it. The splits follow the UD English treebanks
the tagger learned from: clitics come off (``do|n't``, ``ca|n't``,
``it|'s``, ``minister|'s``, ``ministers|'``, ``gon|na``, ``can|not``), and
so do quotes, brackets and trailing punctuation, currency signs
(``$|3.5|bn``), percent signs and units after numbers (``10|am``);
hyphens split a compound (``fault|-|finding``) unless its first part is a
prefix (``co-founder``, ``non-stop``); abbreviations keep their period
(``Mr.``, ``U.S.``) except at the end of the sentence; numbers keep their commas, points and colons
(``450,000``, ``3.5``, ``10:30``, ``3-2``), and links and e-mail addresses stay whole.
Curly apostrophes and quotes count as straight ones.
"""

from __future__ import annotations

import re

from .document import ABBREVIATIONS

_CHUNK = re.compile(r"\S+")
_LINK = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+\Z", re.IGNORECASE)
_OPENING = set("\"“‘'([{<«„$£€¥#")
_CLOSING = set(",;:!?)]}>\"”’'»%")
_MARKS = _CLOSING | {"."}
_PUNCT_RUN = re.compile(r"(?:[.!?]+|([^\w\s])\1+)\Z")  # ... ?! **** ---- as one token
_EMOTICON = re.compile(r"[:;=8][-o^']?[()\[\]dDpP/\\|]+\Z")
_APOSTROPHE_WORDS = re.compile(r"['’](?:\d\ds?|em|cause|til|tis)\b", re.IGNORECASE)
_CLITIC = re.compile(r"(?i)(?:(?<=\w)n['’]t|(?<=[\w.])['’](?:s|re|ve|ll|d|m))\Z")
_FUSED = re.compile(r"(?i)(can)(not)\Z|(gon|wan)(na)\Z|(got)(ta)\Z")
_FUSED_WORDS = frozenset(("cannot", "gonna", "wanna", "gotta"))
_FUSED_LENGTHS = frozenset(map(len, _FUSED_WORDS))  # a word of another length is none of them, unlowered
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\Z|[^\W\d_]\Z")
# Inside a word: runs of dashes, slashes, ellipses and other punctuation are tokens of their own.
_INNER = re.compile(r"-+|[—–/…]|\.{2,}|[,;:!?()\[\]{}\"“”«»]")
_NUMBER_UNIT = re.compile(r"(?i)(\d[\d.,:]*)(am|pm|a\.m\.|p\.m\.|bn|tn|m|k|km|kg|mm|cm|ft|mph|lbs?|gb|mb|kw|mw)\Z")
# First parts that stay joined to the rest of a hyphenated word (UD English keeps "co-founder" whole).
PREFIXES = frozenset(
    "non e re anti pro pre co mid post pan over cross multi ex counter sub semi mini socio psycho neo inter un".split()
)
_EXTRA_ABBREVIATIONS = frozenset("etc vs ca ie eg".split())


def tokenize(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each token of ``text``, in order."""
    out: list[tuple[int, int]] = []
    add = out.append
    chunks = text.split()  # _CHUNK.findall(text): both split where str.isspace() (one Unicode table)
    last = len(chunks) - 1
    find = text.find
    e = 0
    for n, word in enumerate(chunks):
        s = find(word, e)  # the chunks are the text's runs of non-space, in order
        e = s + len(word)
        if word.isalpha() and (len(word) not in _FUSED_LENGTHS or word.lower() not in _FUSED_WORDS):
            add((s, e))  # most words: nothing to split (same result, a tenth of the time)
            continue
        for a, b in _chunk_pieces(word, n == last):
            add((s + a, s + b))
    return out


def _chunk_pieces(word: str, last: bool) -> tuple[tuple[int, int], ...]:
    """A chunk's tokens' offsets in it (``last``: it ends the text)."""
    if word.isalpha() and word.lower() not in _FUSED_WORDS:
        return ((0, len(word)),)
    key = (word, last)
    pieces = _PIECES.get(key)
    if pieces is None:  # a chunk splits the same wherever it stands (its own text and place only)
        if len(_PIECES) >= _PIECES_KEPT:
            _PIECES.clear()
        pieces = _PIECES[key] = _word_and_mark(word, last) or tuple(_split_chunk(word, 0, len(word), last=last))
    return pieces


def _word_and_mark(word: str, last: bool) -> tuple[tuple[int, int], ...] | None:
    """A word of letters and one mark after it ("said," "year." "Mr."), split as ``_split_chunk`` splits
    it, without its regexes; None for any other chunk."""
    n = len(word) - 1
    mark, letters = word[n:], word[:n]
    if mark not in _MARKS or not letters.isalpha() or letters.lower() in _FUSED_WORDS:
        return None
    if mark == "." and _is_abbreviation(letters, last):
        return ((0, n + 1),)
    return ((0, n), (n, n + 1))


def _chunk_at(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The run of non-space within ``text[start:end]`` that holds ``at``."""
    s = at
    while s > start and not text[s - 1].isspace():
        s -= 1
    e = at + 1
    while e < end and not text[e].isspace():
        e += 1
    return s, e


def token_after(text: str, start: int, end: int, at: int) -> str | None:
    """The text of the token after the one ``at`` falls in (the last starting at or before it), as
    ``tokenize(text[start:end])`` splits that stretch, or None where that token is its last. ``at`` is a
    character that is no space, in the stretch: only its chunk and the next are split, not the stretch."""
    s, e = _chunk_at(text, start, end, at)
    following = _CHUNK.search(text, e, end)
    for a, b in _chunk_pieces(text[s:e], following is None):
        if s + a > at:
            return text[s + a:s + b]
    while following is not None:
        s, e = following.span()
        following = _CHUNK.search(text, e, end)
        pieces = _chunk_pieces(text[s:e], following is None)
        if pieces:
            return text[s + pieces[0][0]:s + pieces[0][1]]
    return None


# Each chunk that is not a plain word -> its tokens' offsets in it ("said." "U.S." "minister's"):
# the same chunks come back in sentence after sentence.
_PIECES: dict[tuple[str, bool], tuple[tuple[int, int], ...]] = {}
_PIECES_KEPT = 20_000  # a few MB at most


def _is_abbreviation(word: str, last: bool) -> bool:
    """Whether ``word.`` keeps its period: inside a sentence, dotted letters and known abbreviations
    (at the end, UD English splits the period off: ``U.S|.``)."""
    return not last and (_DOTTED.match(word) is not None or word.lower() in ABBREVIATIONS
                         or word.lower() in _EXTRA_ABBREVIATIONS)


def _split_chunk(text: str, s: int, e: int, last: bool) -> list[tuple[int, int]]:
    front: list[tuple[int, int]] = []
    back: list[tuple[int, int]] = []
    if _EMOTICON.match(text, s, e):
        return [(s, e)]
    while s < e - 1 and text[s] in _OPENING and not _APOSTROPHE_WORDS.match(text, s, e):
        front.append((s, s + 1))
        s += 1
    while e - s > 1:
        word = text[s:e]
        run = len(word) - len(word.rstrip(".!?"))
        if run > 1:  # ... !!! ?! as one token
            if run == len(word):
                break
            back.append((e - run, e))
            e -= run
        elif word.endswith("…"):
            back.append((e - 1, e))
            e -= 1
        elif word[-1] in _CLOSING:
            back.append((e - 1, e))
            e -= 1
        elif word[-1] == "." and not _is_abbreviation(word[:-1], last):
            back.append((e - 1, e))
            e -= 1
        else:
            break
    return front + _split_word(text, s, e) + back[::-1]


def _split_word(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A chunk without its outer punctuation: a link, or clitics off the end and inner splits."""
    if s >= e:
        return []
    word = text[s:e]
    if _LINK.match(word) or _PUNCT_RUN.match(word):
        return [(s, e)]
    clitic = _CLITIC.search(word)
    if clitic and clitic.start() > 0:
        return _split_word(text, s, s + clitic.start()) + [(s + clitic.start(), e)]
    fused = _FUSED.search(word)
    if fused and fused.start() == 0:
        cut = s + len(next(g for g in fused.groups() if g))
        return [(s, cut), (cut, e)]
    return _split_inner(text, s, e)


def _split_inner(text: str, s: int, e: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    pos = s
    for m in _INNER.finditer(text, s, e):
        a, b = m.start(), m.end()
        if _joins(text, s, a, b, e):
            continue
        if a > pos:
            pieces.append((pos, a))
        pieces.append((a, b))
        pos = b
    if pos < e:
        pieces.append((pos, e))
    return [part for piece in pieces for part in _split_unit(text, *piece)]


def _joins(text: str, s: int, a: int, b: int, e: int) -> bool:
    """Whether the punctuation at ``a:b`` stays inside the word ``s:e``."""
    before, after = text[a - 1] if a > s else "", text[b] if b < e else ""
    mark = text[a:b]
    if not before or not after:
        return False
    if mark in (",", ":", "/", "-") and before.isdigit() and after.isdigit():
        return True  # 450,000  10:30  9/11  3-2
    if mark == "-" and after.isalnum():
        start = max(text.rfind(c, s, a) for c in "-—–/") + 1
        return text[max(start, s):a].lower() in PREFIXES
    return False


def _split_unit(text: str, s: int, e: int) -> list[tuple[int, int]]:
    m = _NUMBER_UNIT.match(text, s, e)
    if m:
        return [(s, m.end(1)), (m.end(1), e)]
    return [(s, e)]


def token_before(text: str, start: int, end: int, at: int) -> str | None:
    """The text of the token before the one ``at`` falls in (the last starting at or before it), as
    ``tokenize(text[start:end])`` splits that stretch, or None where there is none. ``at`` is a character
    that is no space, in the stretch: only its chunk and those before it that are needed are split."""
    s, e = _chunk_at(text, start, end, at)
    toks = [(s + a, s + b) for a, b in _chunk_pieces(text[s:e], _CHUNK.search(text, e, end) is None)]
    while True:
        i = sum(1 for a, _ in toks if a <= at) - 1
        if i >= 1:
            return text[toks[i - 1][0]:toks[i - 1][1]]
        e = s  # the chunk before, if any (it is not the stretch's last)
        while e > start and text[e - 1].isspace():
            e -= 1
        if e <= start:
            return None
        s = e - 1
        while s > start and not text[s - 1].isspace():
            s -= 1
        toks = [(s + a, s + b) for a, b in _chunk_pieces(text[s:e], False)] + toks
