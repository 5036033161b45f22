"""normalize: characters and spacing that no edited article keeps.

One rule per ``check``: no-break spaces in running text, runs of spaces
inside a line, trailing whitespace, invisible characters (zero-width space,
soft hyphen) and a missing final newline. Every fix is safe: it changes
spacing only, never words (inside a quotation, as every fix there, it is
unsafe: see the README's "Fix safety").

A run of spaces can be damage rather than a typo: scrapers that strip
quotation marks and dashes leave the spaces that stood around them ("called
it a  shameless attempt", "hesitant   they know"). Closing the gap would hide
where the mark belongs, so a run the document judges a stripped mark
(three spaces or more; or any run of spaces in an article with several
such gaps and no quotation mark, the shape a scraper leaves) is reported
with no fix. So is a run
before a capitalised function word mid-sentence ("Cheers, Ms. Yellen  The
Federal Reserve chairwoman"): a sentence starts there, so a line break or
a mark was lost, and a single space would hide it. Padding inside a table
is layout, not a fault: not reported.

No-break spaces and invisible characters are bytes, not words ("encoding");
the other checks are spacing.
"""

from __future__ import annotations

from ...findings import Applicability, Edit
from ...read.source import dominant_newline
from ..base import Option, Rule
from ...read import compiled as _compiled

_WORD_AFTER = _compiled.compile(r"\p{L}+")

CHECKS = {
    # A no-break space not tied to a number ("10 km", "£ 5" keep theirs).
    "no-break-space": _compiled.compile(r"(?<!\p{N})[\u00a0\u202f]+(?!\p{N})"),
    # Not after a sentence end: there a double space is usually a lost paragraph break.
    "multiple-spaces": _compiled.compile(r"(?<=[^\s.!?:\"”’'])  +(?=[^\s])"),
    # A space before a comma, a semicolon or a full stop that ends a sentence or stands before a space
    # ("the fat , if", "the report ."): not before a decimal (" .5"), a domain or a spaced ellipsis,
    # even one a line break cuts (". .\n.").
    # One space: a run of them is multiple-spaces' (one finding per gap).
    "space-before-punctuation": _compiled.compile(
        r"(?<=[\p{L}\p{N}%)\]])[ \t](?=[,;](?=\s|\Z)|\.(?=\s|\Z)(?!\s*\.))"),
    # From the start of a run only: tried from inside a long run, it would rescan the run each time.
    "trailing-whitespace": _compiled.compile(r"(?<![ \t\u00a0])[ \t\u00a0]+(?=\r?\n|\Z)"),
    # Zero-width characters, soft hyphens and direction marks. A soft hyphen right after
    # a UTF-8 lead character ("GarcÃ\u00ada") is a byte of mojibake: News.Mojibake repairs it.
    # So it is after a combining mark: the same lead character decomposed ("A\u0303\u00ad" for
    # "Ã\u00ad"); deleting it would leave the name past repair.
    "invisible-characters": _compiled.compile(
        r"(?:[\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]|(?<![\u00c2-\u00f4\u0300-\u036f])\u00ad)+"),
}


class Normalize(Rule):
    name = "normalize"
    summary = "Flags stray spacing and invisible characters; fixes are safe whitespace edits."
    OPTIONS = {
        "check": Option("str", required=True, help="which normalisation",
                        choices=tuple(CHECKS) + ("final-newline",)),
        "sentence-openers": Option("list", [], "multiple-spaces: capitalised words that open a sentence and no "
                                               "name ('The', 'But'); a run before one mid-sentence is a lost "
                                               "line break or mark: reported with no fix"),
    }

    def compile(self):
        self.openers = frozenset(str(w) for w in self["sentence-openers"])
    default_fix = Applicability.SAFE
    default_quotes = "include"

    @property
    def fix_nature(self) -> str:
        return "encoding" if self["check"] in ("no-break-space", "invisible-characters") else "spacing"

    def check(self, doc):
        text = doc.text
        kind = self["check"]
        if kind == "final-newline":
            if text and not text.endswith(("\n", "\r")) and doc.blocks:
                end = len(text)
                yield self.finding(doc, end, end, self.format_message(""),
                                   [Edit(end, end, dominant_newline(text))], fix_title="Add a final newline")
            return
        if kind == "trailing-whitespace" and not _may_trail(text):
            return  # the pattern tries every space of the text; most articles have no trailing one
        for m in CHECKS[kind].finditer(text):
            start, end = m.span()
            note = _STRIPPED_NOTE
            if doc.skip_zones and doc.in_skip_zone(start, end):
                continue
            if kind == "no-break-space":
                # Delete when ordinary space already stands beside it, else make it a space.
                beside = text[start - 1:start] + text[end:end + 1]
                content = "" if (" " in beside or "\n" in beside or start == 0) else " "
            elif kind == "multiple-spaces":
                if doc.in_zone("table", start, end):
                    continue  # a table's padding
                # No fix where a quotation mark or dash was stripped.
                # Before a comma or a stop no space belongs ("Project  ." is "Project."); an ellipsis keeps one.
                before_stop = text[end:end + 1] in ",.;:!?" and text[end:end + 2] != ".."
                content = None if doc.is_stripped_mark(start, end) else "" if before_stop else " "
                if content is None and doc.marks_rest_on_apostrophes:
                    note = _MAYBE_STRIPPED_NOTE
                after = _WORD_AFTER.match(text, end) if content == " " and self.openers else None
                if after is not None and after.group() in self.openers:
                    content, note = None, _BREAK_NOTE
            elif kind == "space-before-punctuation":
                if doc.in_zone("table", start, end):
                    continue  # a cell's padding before a stop or a comma
                # Where a scraper stripped the article's marks the space may be a closing quotation
                # mark's ('a  flat-out racist , and added'): reported, no fix.
                content = None if doc.stripped_marks or doc.marks_rest_on_apostrophes else ""
            else:
                content = ""
            if kind != "trailing-whitespace" and not self.in_scope(doc, start, end):
                continue
            if content is None:
                yield self.finding(doc, start, end, self.format_message(_name(m.group())) + note)
                continue
            yield self.finding(doc, start, end, self.format_message(_name(m.group())),
                               [Edit(start, end, content)], fix_title=_title(kind, m.group(), content, text[end:end + 1]))


_MARKS = {",": "comma", ";": "semicolon", ".": "full stop", ":": "colon", "!": "exclamation mark", "?": "question mark"}


def _title(kind: str, found: str, content: str, after: str) -> str:
    """What the fix does, as `fix` lists it ("Delete the space before the comma")."""
    if kind == "no-break-space":
        return f"Replace the {_name(found)} with a space" if content else f"Delete the {_name(found)}"
    if kind == "invisible-characters":
        return f"Delete the {_name(found)}"
    if kind == "trailing-whitespace":
        return "Delete the whitespace at the end of the line"
    if content == "":
        return f"Delete the {'space' if len(found) == 1 else 'spaces'} before the {_MARKS.get(after, 'mark')}"
    return "Leave one space"


_TRAILING = (" \n", "\t\n", "\u00a0\n", " \r\n", "\t\r\n", "\u00a0\r\n")


def _may_trail(text: str) -> bool:
    """Whether ``text`` has whitespace before a line end or at its end: where trailing-whitespace can match."""
    return text[-1:] in (" ", "\t", "\u00a0") or any(pair in text for pair in _TRAILING)


_STRIPPED_NOTE = " A quotation mark or dash was probably stripped here: restore it rather than close the gap."
# Where only the lost apostrophes say so (Document.marks_rest_on_apostrophes): the editor must look, and either
# answer unblocks News.StrippedApostrophe's fixes.
_MAYBE_STRIPPED_NOTE = (" This article lost its apostrophes, so a quotation mark or dash may have been stripped here"
                        " too: restore it, or close the gap if it is only a typed double space.")


_BREAK_NOTE = " A sentence starts here: a line break or mark was probably lost; restore it rather than close the gap."


def _name(chars: str) -> str:
    names = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u200b": "zero-width space",
             "\u2060": "word joiner", "\ufeff": "byte-order mark", "\u00ad": "soft hyphen", "\u200e": "left-to-right mark",
             "\u200f": "right-to-left mark", "\u202a": "left-to-right embedding", "\u202c": "pop directional formatting",
             " ": "space", "\t": "tab"}
    return ", ".join(dict.fromkeys(names.get(c, f"U+{ord(c):04X}") for c in chars))
