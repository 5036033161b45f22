"""The document model: title, blocks (paragraphs), sentences and quotations.

Every unit is a pair of character offsets into ``Document.text``, the decoded
text exactly as read (line endings included), so a finding anywhere maps back
to a 1-based line and column and a fix edits only its own span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from . import quotes, transcripts
from .posts import post_zones
from .zones import blank_marks, merge_zones
from .zones import overlaps as _overlaps, touches as _touches
from .lines import line_starts, position
from . import compiled as _compiled


_BLANK_LINES = _compiled.compile(r"(?:\r?\n[ \t]*){2,}")
_STRIP = " \t\r\n\f\v"

# End-of-sentence candidates: terminal punctuation, closing quotes/brackets, then space.
_SENTENCE_END = _compiled.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
_NEXT_START = _compiled.compile(r"\s+([\"“‘'(\[]?[\p{Lu}\p{N}])")

# Words that end in a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon
    pres supt insp det cpl pvt messrs mt ft
    inc co corp ltd llc plc bros dept univ assn
    no nos vol fig p pp ed eds est approx vs v cf al
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
_DOTTED = _compiled.compile(r"^(?:\p{L}\.){2,}$|^\p{Lu}\.$")  # U.S.  e.g.  J.


@dataclass(frozen=True)
class Block:
    """A paragraph (or the title, or a short heading-like line)."""

    index: int
    start: int
    end: int
    kind: str  # "title", "heading" or "paragraph"
    # The block's text when it is not the span itself (a front matter title, parsed as YAML).
    value: str | None = None
    # Marked up as a heading ("# ..."), not judged one from its shape.
    marked: bool = False
    field: str | None = None  # the front matter key whose value this block is (a headline field)
    # Vale's name for the block, when a reader knows it: "heading.h1".."heading.h6", "paragraph",
    # "list", "table.header", "table.cell", "blockquote" (see rules/vale.py).
    scope: str | None = None

    def text(self, doc: "Document") -> str:
        if self.value is not None:
            return self.value
        return doc.text[self.start:self.end]


@dataclass(frozen=True)
class ProseBlock:
    """A block found by a reader (Markdown), given to :class:`Document` instead of blank-line splitting.

    ``kind`` is "title", "heading", "paragraph", or "guess" to judge it as
    plain text is judged (a short first line is the title, a short line with
    no final stop a heading). ``removal`` is the span that deleting the block
    removes; by default, up to the next block.
    """

    start: int
    end: int
    kind: str = "guess"
    value: str | None = None
    removal: tuple[int, int] | None = None
    field: str | None = None
    scope: str | None = None  # Vale's name for the block (see Block.scope)


@dataclass(frozen=True)
class Sentence:
    block: int
    start: int
    end: int


class Document:
    def __init__(self, text: str, path: str = "-", skip_zones: list[tuple[int, int]] | None = None,
                 blocks: list[ProseBlock] | None = None, marker_zones: list[tuple[int, int]] | None = None,
                 block_quotes: list[tuple[int, int]] | None = None,
                 inline_scopes: list[tuple[str, int, int]] | None = None,
                 tables: list[tuple[int, int]] | None = None):
        self.text = text
        self.path = path
        # Inline spans a reader names as Vale does: ("strong" | "emphasis" | "link" | "code" | "alt", start, end).
        self.inline_scopes = sorted(inline_scopes or [], key=lambda z: (z[1], z[2]))
        # Spans never flagged and never edited (code, URLs, markup): filled by readers.
        self.protected_zones = merge_zones(skip_zones or [])
        # Block markup on a block's own lines ('> ', '# '): never flagged, edited only by
        # an edit that takes it whole (deleting the block).
        self.marker_zones = merge_zones(marker_zones or [])
        self.skip_zones = merge_zones(self.protected_zones + self.marker_zones) if marker_zones else self.protected_zones
        self._removals: dict[int, tuple[int, int]] = {}
        # Block quotes and tables: found by the reader, else from the lines ('> ', '| a | b |').
        self._block_quotes = quotes.line_block_quotes(text) if block_quotes is None else list(block_quotes)
        self._tables = quotes.table_zones(text) if tables is None else list(tables)
        self.blocks = self._split_blocks() if blocks is None else self._given_blocks(blocks)
        self._block_starts = [b.start for b in self.blocks]

    # What rules keep on a document while they check it, named by prefix (the pattern kind's scans,
    # "_pattern_...", Vale's scope units, "_vale_..."): rebuilt on use, and 90% of a result's pickle.
    RULE_CACHES = ("_pattern_", "_vale_")

    def __getstate__(self):
        """For a worker process to hand a document back: without the caches, rebuilt on use."""
        return {k: v for k, v in self.__dict__.items()
                if not k.startswith(self.RULE_CACHES) and not isinstance(getattr(type(self), k, None), cached_property)}

    # ----------------------------------------------------------------- blocks
    def _split_blocks(self) -> list[Block]:
        spans = []
        pos = 0
        for sep in _BLANK_LINES.finditer(self.text):
            spans.append((pos, sep.start()))
            pos = sep.end()
        spans.append((pos, len(self.text)))
        blocks: list[Block] = []
        for start, end in spans:
            chunk = self.text[start:end]
            stripped = chunk.lstrip(_STRIP)
            if not stripped:
                continue
            s = start + len(chunk) - len(stripped)
            e = s + len(stripped.rstrip(_STRIP))
            blocks.append(Block(len(blocks), s, e, "paragraph"))
        return [
            Block(b.index, b.start, b.end, self._kind(b, blocks)) for b in blocks
        ]

    def _given_blocks(self, given: list[ProseBlock]) -> list[Block]:
        given = sorted((g for g in given if g.end > g.start), key=lambda g: (g.start, g.end))
        # Kinds are guessed among the article's own blocks: a front matter field is not its first block.
        own = [g for g in given if g.kind != "field"]
        plain = [Block(i, g.start, g.end, "paragraph") for i, g in enumerate(own)]
        guessed = {id(g): self._kind(p, plain) for g, p in zip(own, plain) if g.kind == "guess"}
        blocks = []
        for i, g in enumerate(given):
            kind = guessed.get(id(g), g.kind)
            blocks.append(Block(i, g.start, g.end, kind, g.value, g.kind in ("title", "heading"), g.field, g.scope))
            if g.removal is not None:
                self._removals[i] = g.removal
        return blocks

    def _kind(self, block: Block, blocks: list[Block]) -> str:
        text = self.text[block.start:block.end]
        if "\n" in text:
            return "paragraph"
        words = len(text.split())
        if block.index == 0 and len(blocks) > 1 and words <= 30:
            return "title"
        if words <= 12 and not text.endswith((".", ",", ";", ":", "”", '"', "’", "'")) and text[0].isupper():
            return "heading"
        return "paragraph"

    @property
    def title(self) -> Block | None:
        """The title: the first block, after any other headline fields of the front matter."""
        for block in self.blocks:
            if block.kind != "field":
                return block if block.kind == "title" else None
        return None

    @property
    def body(self) -> list[Block]:
        """The blocks after the headline: not the title, not a front matter field."""
        return [b for b in self.blocks if b.kind not in ("title", "field")]

    def block_at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset <= self.blocks[i].end:
            return self.blocks[i]
        return None

    def block_removal(self, block: Block) -> tuple[int, int]:
        """The span to delete so that ``block`` disappears with one separator."""
        if block.index in self._removals:
            return self._removals[block.index]
        if block.index + 1 < len(self.blocks):
            return block.start, self.blocks[block.index + 1].start
        if block.index > 0:
            return self.blocks[block.index - 1].end, block.end
        return block.start, block.end

    # -------------------------------------------------------------- sentences
    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for block in self.blocks:
            out.extend(self._split_sentences(block))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def _split_sentences(self, block: Block) -> list[Sentence]:
        text = self.text
        start = block.start
        out = []
        for m in _SENTENCE_END.finditer(text, block.start, block.end):
            nxt = _NEXT_START.match(text, m.end(), block.end)
            if not nxt:
                continue
            if m.group().startswith(".") and self.is_abbreviation(start, m.start()):
                continue
            out.append(Sentence(block.index, start, m.end()))
            start = nxt.start(1)
        if start < block.end:
            out.append(Sentence(block.index, start, block.end))
        return out

    def is_abbreviation(self, sentence_start: int, period: int) -> bool:
        """Whether the period at ``period`` ends an abbreviation ("Mr.", "U.S.", "Jan.")."""
        text = self.text
        i = period
        while i > sentence_start and not text[i - 1].isspace():
            i -= 1
        word = text[i:period + 1].lstrip("\"“‘'([")
        if len(word) < 2:
            return False
        if _DOTTED.match(word):
            return True
        return word[:-1].lower() in ABBREVIATIONS

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset <= self.sentences[i].end:
            return self.sentences[i]
        return None

    @cached_property
    def _sentences_by_block(self) -> dict[int, list[Sentence]]:
        out: dict[int, list[Sentence]] = {}
        for s in self.sentences:
            out.setdefault(s.block, []).append(s)
        return out

    def sentences_in(self, block: Block) -> list[Sentence]:
        return self._sentences_by_block.get(block.index, [])

    # ------------------------------------------------------------- quotations
    @cached_property
    def quote_zones(self) -> list[tuple[int, int]]:
        """Spans of direct quotation by their marks (double, single, guillemets), marks included.

        How each mark is read is told in :mod:`lintnews.read.quotes`. A mark in markup (a link's
        title, an attribute, code) is no quotation mark, nor is the backslash of an escaped mark in a
        front matter string (\\"): each is read as a space.
        """
        text = blank_marks(self.text, self.protected_zones, quotes.QUOTATION_MARKS + "'‘’\\")
        return quotes.quotations(text, [(b.start, b.end) for b in self.blocks])

    @cached_property
    def _posts(self) -> list[tuple[int, int]]:
        return post_zones(self.text, [(b.start, b.end) for b in self.blocks])

    @cached_property
    def _stripped(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]], bool]:
        spans = [(b.start, b.end) for b in self.blocks]
        return quotes.stripped_marks(self.text, spans, self._tables, self._posts)

    @property
    def stripped_marks(self) -> list[tuple[int, int]]:
        """Runs of spaces that stand where a scraper stripped a quotation mark or a dash."""
        return self._stripped[0]

    @property
    def marks_rest_on_apostrophes(self) -> bool:
        """Whether a stripped mark is judged one only because the article lost its apostrophes ("don t")."""
        return self._stripped[2]

    def is_stripped_mark(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._stripped[0], (start, end))
        return i < len(self._stripped[0]) and self._stripped[0][i] == (start, end)

    @cached_property
    def zones(self) -> dict[str, list[tuple[int, int]]]:
        """Text quoted as written, by reason: where a fix may not change words.

        "table" and "block quote" also keep their layout; "post" is an
        embedded social-media post; "sic" a [sic] and what it vouches for;
        "quotation" a quotation by its marks; "stripped quotation" one whose
        marks a scraper stripped (see :mod:`lintnews.read.quotes`); "transcript" a speaker's turn.
        """
        return {
            "table": merge_zones(self._tables),
            "block quote": merge_zones(self._block_quotes),
            "post": merge_zones(self._posts),
            "sic": merge_zones(quotes.sic_zones(self.text, self.quote_zones, self.sentence_at)),
            "quotation": merge_zones(self.quote_zones),
            "stripped quotation": merge_zones(self._stripped[1]),
            "transcript": merge_zones(transcripts.turns(self.text, self.body)),
        }

    @cached_property
    def _zone_starts(self) -> dict[str, list[int]]:
        return {k: [z[0] for z in v] for k, v in self.zones.items()}

    def protected(self, start: int, end: int | None = None) -> str | None:
        """Why [start, end) is text quoted as written (a key of ``zones``), or None.

        A span touches a zone when it overlaps it; an insertion (``start ==
        end``) when it falls strictly inside.
        """
        end = start + 1 if end is None else end
        for reason, zones in self.zones.items():
            if _touches(zones, self._zone_starts[reason], start, end):
                return reason
        return None

    def in_zone(self, reason: str, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return _touches(self.zones[reason], self._zone_starts[reason], start, end)

    @cached_property
    def _quoted(self) -> list[tuple[int, int]]:
        z = self.zones
        return merge_zones(z["quotation"] + z["stripped quotation"] + z["block quote"] + z["sic"] + z["transcript"])

    @cached_property
    def _quoted_starts(self) -> list[int]:
        return [z[0] for z in self._quoted]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """Whether the span touches a quotation: by its marks, stripped, a block quote, a [sic], a transcript's turn."""
        return _overlaps(self._quoted, self._quoted_starts, start, start + 1 if end is None else end)

    def in_post(self, start: int, end: int | None = None) -> bool:
        """Whether the span touches an embedded social-media post."""
        return self.in_zone("post", start, end)

    @cached_property
    def _skip_starts(self) -> list[int]:
        return [z[0] for z in self.skip_zones]

    def in_skip_zone(self, start: int, end: int) -> bool:
        return _overlaps(self.skip_zones, self._skip_starts, start, end)

    def edit_allowed(self, start: int, end: int) -> bool:
        """Whether an edit of [start, end) leaves every skip zone as it was.

        An edit may not touch a protected zone (an insertion at its edge is
        fine); it may take a marker zone only whole (deleting its block).
        """
        for zs, ze in self.protected_zones:
            if zs >= max(end, start + 1):
                break
            if (zs < end and start < ze) or (start == end and zs < start < ze):
                return False
        for zs, ze in self.marker_zones:
            if zs >= max(end, start + 1):
                break
            touches = (zs < end and start < ze) or (start == end and zs < start < ze)
            if touches and not (start <= zs and ze <= end):
                return False
        return True

    def content_allowed(self, start: int, end: int, content: str) -> bool:
        """Whether an edit may write ``content`` over [start, end) (a reader of markup says no to markup)."""
        return True

    # ------------------------------------------------------------------ words
    @cached_property
    def lower_text(self) -> str | None:
        """The text in lower case, when that keeps every offset (None otherwise)."""
        lower = self.text.lower()
        return lower if len(lower) == len(self.text) else None

    # -------------------------------------------------------------- positions
    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        return position(self._line_starts, offset)

    def line_text(self, line: int) -> str:
        starts, text = self._line_starts, self.text  # a line ends where the next starts, less CR LF, LF or CR
        end = starts[line] - (2 if text[starts[line] - 2:starts[line]] == "\r\n" else 1) if line < len(starts) else None
        return text[starts[line - 1]:end]
