"""Text quoted as written: quotations by their marks, [sic], block quotes, tables, stripped marks.

Each function takes the text and the spans of its blocks (paragraphs) and
returns sorted spans. :class:`~lintnews.read.document.Document` gathers them
into its protected zones, where a fix may not change words (see
``docs/architecture.md``, "Text quoted as written").

Quotation marks are read by where they stand, not by their shape alone,
because the same characters serve as apostrophes ("don't", "the Smiths'",
"rock 'n' roll", "the '90s") and scraped copy mixes straight and curly forms:

* double marks (" “ ”) and guillemets (« » ‹ ›): a mark after a space (or
  at the start of the paragraph) and before a word opens; after a word it
  closes; a mark with spaces on both sides (" Like this, " she said; French
  « spacing ») opens when no quotation is open and closes the one that is
  (at the end of a line it only closes); otherwise “ « ‹ open and the others close (so German »…« reads too). An
  opening mark inside an open quotation continues it. A double or «
  quotation left open runs to the end of its paragraph (a quote continued
  into the next paragraph, in news style); ‹ and single quotes left open
  are no quotation.
* single marks (' ‘ ’): ' or ‘ opens after a space, a bracket, a dash or a
  double mark and before a word, unless an elision follows ('n', 'em, '90s,
  'til); ' or ’ closes after a word and before anything but a letter. A mark
  between two letters is an apostrophe. A closing candidate that reads as a
  plural possessive ("the Smiths' house") is passed over when another
  candidate within 150 characters can close the quotation. A ' with spaces
  on both sides opens or closes as a double mark there does. A
  single-quoted passage over 1,000 characters is no quotation (an
  apostrophe misread).

Invisible characters (zero-width space, word joiner, soft hyphen, direction
marks) are looked through when reading what stands beside a mark: a fix
that deletes one (News.InvisibleCharacters) leaves every mark read as it
was, so the next pass of ``fix`` sees the same quotations.

Stripped marks: scrapers that drop quotation marks and dashes leave the
spaces that stood around them, so "shouting “Blood and soil,” a slogan"
becomes "shouting  Blood and soil,  a slogan". A gap of two spaces or more
inside a line (not after a sentence end, where two spaces are a typing
habit) is judged a stripped mark when it is three spaces or more (a dash and
its spaces), when it stands before an embedded post's byline (where the
post's dash stood), when the article has several gaps and not one quotation
mark outside its embedded posts (a post keeps its author's marks), or when
the article lost its apostrophes too ("don t", "Trump s supporters", "I m",
"we re", twice or more: then even a lone gap is a mark).
In such an article the gaps of each paragraph pair up in order (those
after a sentence end too, where a closing mark stood; never across a
sentence glued to the next, "as well.In June", a lost paragraph break; not
the dash before a post's byline), and the text between the two of a pair
(at most :data:`STRIPPED_REACH` characters) is a quotation whose marks were
stripped. A paragraph with several gaps and no mark, in an article that has
marks elsewhere, is not enough: read on the corpus, such gaps are where a
web page dropped its links ("attacks on  Clinton"), not marks.
"""

from __future__ import annotations

import itertools

import regex
from . import compiled as _compiled

# Characters that may stand before an opening quotation mark: space, brackets,
# dashes, and the invisible direction marks scraped text carries.
BEFORE_OPEN = frozenset(" \t\r\n\u00a0([{—–-/\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069\ufeff")
QUOTATION_MARKS = "\"“”«»„‹›"
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
# Characters that show nothing: looked through when reading what stands beside a mark.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"
                      "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_DOUBLE = _compiled.compile(r'[“”"]')
_GUILLEMET = _compiled.compile(r"[«»]")
_ANGLE = _compiled.compile(r"[‹›]")
_SINGLE = _compiled.compile(r"['‘’]")
# What follows an apostrophe that stands for left-out letters at the start of a word.
_ELISION = _compiled.compile(r"(?i)(?:\d0?s?|n|em|til|cause|bout|tis|twas|round|kay)(?![\p{L}\p{N}])")
# A single-quoted passage longer than this is an apostrophe taken for a mark ("Al-‘Ayesh").
SINGLE_REACH = 1000
_POSSESSIVE_REACH = 150
_CURLY_BETWEEN = _compiled.compile(r"\p{L}’\p{L}")
_STRAIGHT_BETWEEN = _compiled.compile(r"\p{L}'\p{L}")
_SIC = _compiled.compile(r"[\[(]sic[\])]", regex.IGNORECASE)
# A gap between two words on one line, not after a sentence end or a colon.
_GAP = _compiled.compile(r"(?<=[^\s.!?:])  +(?=[^\s])")
_GLUED_BREAK = _compiled.compile(r"(?<=\p{Ll}{2}[.!?][\"”’]?)(?=\p{Lu})")
_SENTENCE_GAP = _compiled.compile(r"(?<=\S)  (?=\S)")
STRIPPED_REACH = 300
# A negative contraction or a possessive whose apostrophe a scraper took ("don t", "isn t", "Trump s
# supporters"): where these are, the scraper stripped marks, whatever marks survive elsewhere (in an
# embedded post or script), and even one gap is where a mark stood.
_LOST_APOSTROPHE = _compiled.compile(
    r"(?i)\b(?:do|does|did|is|are|was|were|has|have|had|ca|wo|could|would|should)n t\b|\b\p{L}{2,} s (?=\p{L})"
    r"|\bI (?:m|ve|ll)\b|\b(?:we|you|they) (?:re|ve|ll)\b")
# A post's byline after the gap where its dash stood: a display name, then the handle.
_BYLINE = _compiled.compile(r"[^\s(][^\n(]{0,60}\(@\w+\)")
_TABLE_DELIMITER = _compiled.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*|[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*")
_FENCED_ROW = _compiled.compile(r"\|(?:[^|\n]*\|){2,}[ \t]*")  # two cells or more, fenced at both ends
_BLOCK_QUOTE_LINE = _compiled.compile(r"[ ]{0,3}>")


def _beside(text: str, i: int, start: int, end: int) -> tuple[str, str]:
    """The characters before and after the mark at ``i``, looking through invisible ones;
    a space at the edges of the block [start, end)."""
    j = i - 1
    while j >= start and text[j] in INVISIBLE:
        j -= 1
    k = i + 1
    while k < end and text[k] in INVISIBLE:
        k += 1
    return (text[j] if j >= start else " "), (text[k] if k < end else " ")


def _opens(text: str, i: int, start: int, end: int, openers: str) -> bool | None:
    """Whether the mark at ``i`` opens a quotation; None: it opens or closes, as the count of marks says."""
    before, after = _beside(text, i, start, end)
    if before in BEFORE_OPEN and not after.isspace():
        return True  # "“Any", " "What", a paragraph that starts with ”Isis
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return False  # "invaders”", "them."
    if before.isspace() and after.isspace():
        # " Like this, " she said; a mark at the end of a line opens nothing ('the Jews. "')
        return False if after in LINE_BREAKS else None
    return text[i] in openers


def _marked(text: str, start: int, end: int, marks, openers: str, run_on: bool) -> list[tuple[int, int]]:
    zones = []
    open_at = None
    for m in marks.finditer(text, start, end):
        i = m.start()
        opens = _opens(text, i, start, end, openers)
        if opens or (opens is None and open_at is None):
            if open_at is None:
                open_at = i
        elif open_at is not None:
            zones.append((open_at, i + 1))
            open_at = None
    if open_at is not None and run_on:
        zones.append((open_at, end))
    return zones


def _elision(text: str, i: int, end: int) -> bool:
    """Whether the ' at ``i`` stands for left-out letters ('n', 'em, '90s), invisible characters looked through."""
    k = i + 1
    while k < end and text[k] in INVISIBLE:
        k += 1
    return bool(_ELISION.match(text, k, end))


def _single_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Each single mark that may open ("open") or close ("close", or "possessive") a quotation,
    or do either ("either": a ' with spaces on both sides)."""
    out = []
    for m in _SINGLE.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before, after = _beside(text, i, start, end)
        if before.isalnum() and after.isalnum():
            continue  # don't, rock'n'roll
        if ch != "’" and (before in BEFORE_OPEN or before in "\"“") and not after.isspace():
            if not _elision(text, i, end):
                out.append((i, "open"))
        elif ch == "'" and before.isspace() and after.isspace() and after not in LINE_BREAKS:
            out.append((i, "either"))
        elif ch != "‘" and not before.isspace() and not after.isalnum():
            nxt = text[i + 2] if i + 2 < end else ""
            possessive = before in "sS" and after == " " and nxt.islower()
            out.append((i, "possessive" if possessive else "close"))
    return out


def _singles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = _single_marks(text, start, end)
    zones = []
    open_at = None
    for k, (i, kind) in enumerate(marks):
        if kind == "open" or (kind == "either" and open_at is None):
            if open_at is None:
                open_at = i
            continue
        if open_at is None:
            continue
        if kind == "possessive" and _closes_within(marks, k, _POSSESSIVE_REACH):
            continue
        if i - open_at <= SINGLE_REACH and sum(c.isalnum() for c in text[open_at + 1:i]) >= 2:
            zones.append((open_at, i + 1))
        open_at = None
    return zones


def _closes_within(marks, k: int, reach: int) -> bool:
    """Whether a closing mark follows mark ``k`` within ``reach`` characters (marks are in order)."""
    i = marks[k][0]
    for j, kind in marks[k + 1:k + 1 + reach]:  # marks stand at distinct places: at most ``reach`` are near
        if j - i > reach:
            return False
        if kind == "close":
            return True
    return False


def apostrophe_style(text: str) -> str:
    """The article's own apostrophe, for a repair that writes one: ’ when it has curly ones between
    letters at least as often as straight ones, else '."""
    curly = len(_CURLY_BETWEEN.findall(text))
    return "’" if curly and curly >= len(_STRAIGHT_BETWEEN.findall(text)) else "'"


def quotations(text: str, blocks) -> list[tuple[int, int]]:
    """Spans of quotations by their marks (double, single, guillemets), marks included, per block."""
    zones = []
    guillemets, angles = "«" in text or "»" in text, "‹" in text  # once, not once per block
    for start, end in blocks:
        zones += _marked(text, start, end, _DOUBLE, "“", run_on=True)
        if guillemets:
            zones += _marked(text, start, end, _GUILLEMET, "«", run_on=True)
        if angles:
            zones += _marked(text, start, end, _ANGLE, "‹", run_on=False)
        zones += _singles(text, start, end)
    return sorted(zones)


def stripped_marks(text: str, blocks, tables=(), posts=()) -> tuple[list[tuple[int, int]], list[tuple[int, int]], bool]:
    """The gaps judged stripped marks, the quotations between them (module docstring), and whether
    that judgement rests on the lost apostrophes alone.

    Gaps inside ``tables`` are padding, left out. Gaps inside ``posts`` (the
    dash before a byline) are marks but pair with nothing: a post is
    protected as a post, and pairing across its byline would fall out of step.

    The last value is true when some two-space gap is a mark only because the article lost its
    apostrophes: once they are restored nothing would tell that gap from a double space, so the
    repair of the apostrophes must wait (News.StrippedApostrophe gives no fix then) or the next
    pass of ``fix`` would close the gap and erase the trace of the stripped mark."""
    def padding(span):
        return any(ts <= span[0] < te for ts, te in tables)

    def in_post(span):
        return any(ps <= span[0] < pe for ps, pe in posts)
    # A gap is two spaces or more: a block without two spaces in a row has none (most blocks), and
    # _GAP, which looks behind at every place it tries, need not scan it.
    by_block = [(s, e, [m.span() for m in _GAP.finditer(text, s, e) if not padding(m.span())]
                 if text.find("  ", s, e) != -1 else []) for s, e in blocks]
    total = sum(len(g) for _, _, g in by_block)
    # Only an article with a gap is looked at, and the scan for lost apostrophes stops at the second.
    lost = total >= 1 and next(itertools.islice(_LOST_APOSTROPHE.finditer(text), 1, None), None) is not None
    by_shape = total >= 2 and not _marks_outside(text, posts)
    article_stripped = lost or by_shape
    marks, zones = [], []
    rests_on_apostrophes = False
    for start, end, gaps in by_block:
        doubles = [g for g in gaps if g[1] - g[0] == 2]
        marks += [g for g in gaps if g[1] - g[0] >= 3]
        # The dash before a post's byline ("... pic.twitter.com/x — Jane Doe (@jdoe)"), whatever the rest of the article.
        marks += [g for g in doubles if in_post(g) and _BYLINE.match(text, g[1])]
        if not (doubles and article_stripped):
            continue
        # A post's byline dash is a mark whatever the article: only the other gaps rest on the evidence.
        rests_on_apostrophes = rests_on_apostrophes or (not by_shape and any(
            not (in_post(g) and _BYLINE.match(text, g[1])) for g in doubles))
        marks += doubles
        # Every mark went, so a gap after a sentence end is a closing mark too ('disaster.”  Three'):
        # pair with it, or the pairs fall out of step.
        doubles = [m.span() for m in _SENTENCE_GAP.finditer(text, start, end) if not padding(m.span())]
        # A sentence glued to the next ("as well.In June") is a lost paragraph break: pair within each side.
        cuts = [m.start() for m in _GLUED_BREAK.finditer(text, start, end)] + [end]
        for piece in _split([g for g in doubles if not in_post(g)], cuts):
            for (_, s), (e, _) in zip(piece[::2], piece[1::2]):
                if e - s <= STRIPPED_REACH:
                    zones.append((s, e))
    return sorted(set(marks)), zones, rests_on_apostrophes


def _marks_outside(text: str, posts) -> bool:
    """Whether a quotation mark stands outside the embedded posts: a post keeps the marks its author
    typed, so marks there say nothing of whether the article's own lost theirs."""
    pos = 0
    for ps, pe in sorted(posts):
        if _has_marks(text[pos:ps]):
            return True
        pos = max(pos, pe)
    return _has_marks(text[pos:])


def _has_marks(chunk: str) -> bool:
    """A double mark, or two apostrophes standing for one (typewriter copy: ''Like this,'' he said)."""
    return any(q in chunk for q in QUOTATION_MARKS) or "''" in chunk


def _split(gaps, cuts) -> list[list[tuple[int, int]]]:
    """``gaps`` (sorted) in groups, one per stretch between two ``cuts``."""
    groups: list[list[tuple[int, int]]] = [[] for _ in cuts]
    k = 0
    for gap in gaps:
        while gap[0] >= cuts[k]:
            k += 1
        groups[k].append(gap)
    return groups


def sic_zones(text: str, quotations_, sentence_at) -> list[tuple[int, int]]:
    """A [sic] and what it vouches for: its quotation, else its sentence up to the mark."""
    zones = []
    for m in _SIC.finditer(text):
        inside = [(s, e) for s, e in quotations_ if s < m.start() < e]
        if inside:
            zones.append(inside[0])
            continue
        sentence = sentence_at(m.start())
        zones.append((sentence.start if sentence is not None else m.start(), m.end()))
    return zones


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, pos + len(line.rstrip("\r\n")), line.rstrip("\r\n")
        pos += len(line)


def table_zones(text: str) -> list[tuple[int, int]]:
    """Pipe tables (GFM, or plain text drawn with '|'): two or more lines with '|', with a
    delimiter row ('|---|:--|') or every line starting with '|'; or one line of cells fenced by '|'
    at both ends ('| Leeds | 12 |'), which is a table's row as much as a table's first line is."""
    if "|" not in text:
        return []
    zones = []
    run: list[tuple[int, int, str]] = []
    for line in list(_lines(text)) + [(len(text), len(text), "")]:
        body = line[2].lstrip(" >")
        if "|" in body and body.strip() != "|":
            run.append(line)
            continue
        if len(run) >= 2 and (any(_TABLE_DELIMITER.fullmatch(r[2].lstrip(" >")) for r in run)
                              or all(r[2].lstrip(" >").startswith("|") for r in run)):
            zones.append((run[0][0], run[-1][1]))
        elif len(run) == 1 and _FENCED_ROW.fullmatch(run[0][2].lstrip(" >")):
            zones.append((run[0][0], run[0][1]))
        run = []
    return zones


def line_block_quotes(text: str) -> list[tuple[int, int]]:
    """Runs of lines starting with '>' (a block quote in plain text or e-mail style)."""
    if ">" not in text:
        return []
    zones = []
    for start, end, line in _lines(text):
        if _BLOCK_QUOTE_LINE.match(line):
            if zones and text[zones[-1][1]:start].strip() == "":
                zones[-1] = (zones[-1][0], end)
            else:
                zones.append((start, end))
    return zones
