"""mojibake: text decoded with the wrong encoding ("donâ€™t") or left HTML-escaped ("&amp;").

One regex pass finds the telltales cheaply: an HTML entity, or a character
that starts a UTF-8 sequence read as Windows-1252/Latin-1 ("Ã", "Â", "â")
followed by one that continues it ("©", "€", "™"). Only the word around each
telltale goes to ftfy, which decides what was meant; a finding is reported
only where ftfy changes the text, and its edit covers only what changed. A
repair that still looks damaged ("¿" for a lost apostrophe) is shown, never
applied; where that "¿" stands between two letters ("America&#191;s"), it
is what a curly apostrophe became on the way, and the apostrophe is
proposed instead, as an unsafe fix.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..patterns import finditer
from ...read import compiled as _compiled
from ...read.jsoncache import Store
from ...read.tables import library_identity
from ...read.quotes import apostrophe_style

# UTF-8 lead bytes (0xC2-0xF4) read as Latin-1, then a continuation byte (0x80-0xBF) read as
# Windows-1252 or Latin-1; or a space and a combining mark, which is what NFKD leaves of "¨" or "¯".
_LEAD = "\u00c2-\u00f4"
_CONT = ("\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
         "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178")
_MOJIBAKE = rf"(?:[{_LEAD}](?:[{_CONT}]|[ ]\p{{Mn}}))+"
_ENTITY = r"&(?:amp;)*(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# What compatibility decomposition makes of the Latin-1 spacing diacritics: put them back for ftfy.
_SPACING = {" \u0308": "\u00a8", " \u0304": "\u00af", " \u0301": "\u00b4", " \u0327": "\u00b8"}
_SPACING_RE = _compiled.compile("|".join(_SPACING))
_STILL_BAD = _compiled.compile(rf"[\ufffd\u00bf]|{_MOJIBAKE}")

_CONFIG = dict(
    unescape_html=True, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
    replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
    fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    fix_surrogates=True, remove_control_chars=False, normalization=None, explain=False,
)


@lru_cache(maxsize=1)
def _ftfy():
    """ftfy and its settings, imported when an article first shows a telltale (most never do)."""
    import ftfy

    return ftfy, ftfy.TextFixerConfig(**_CONFIG)


@lru_cache(maxsize=1)
def _repairs() -> Store:
    """What ftfy made of the HTML entities it was given, kept per user across runs (read/jsoncache.py),
    by ftfy's installed files and these settings: importing ftfy costs 0.037 s, more than the rest of
    a one-article check's rules, and the same few entities come back in article after article
    ("&amp;", "&#8217;", "&nbsp;"). Only entities: a window of mis-decoded text holds the article's
    words, which stay out of the cache."""
    return Store("ftfy", 1, library_identity("ftfy"), sorted(_CONFIG.items()), sorted(_SPACING.items()),
                 limit=_REPAIRS_KEPT)


_REPAIRS_KEPT = 5000


def repair(window: str, keep: bool = False) -> str:
    """What ftfy makes of a small window of text (``keep``: an entity, looked up in and kept in the cache)."""
    store = _repairs() if keep else None
    fixed = store.get(window) if store is not None else None
    if not isinstance(fixed, str):
        ftfy, config = _ftfy()
        fixed = ftfy.fix_text(_SPACING_RE.sub(lambda m: _SPACING[m.group()], window), config)
        if store is None:
            return fixed
        store.put(window, fixed)
        if not _SAVING:
            import atexit

            _SAVING.append(True)
            atexit.register(store.save)  # at the end of the run, with what it added
    return fixed


_SAVING: list = []


class Mojibake(Rule):
    name = "mojibake"
    MESSAGE_FILLS = 2  # the %s its messages fill
    summary = "Flags mis-decoded text ('donâ€™t') and HTML entities ('&amp;'); ftfy gives the fix."
    OPTIONS = {
        "entities": Option("bool", True, "also flag HTML entities (&amp;, &#8217;, &nbsp;)"),
    }
    default_fix = Applicability.SAFE
    fix_nature = "encoding"
    default_quotes = "include"

    def compile(self):
        parts = [f"(?P<m>{_MOJIBAKE})"]
        if self["entities"]:
            parts.append(f"(?P<e>{_ENTITY})")
        self.regex = self.pattern("|".join(parts), "(built in)")
        # Most articles hold no lead character and no '&': then there is nothing to find.
        self.telltale = regex.compile(f"[{_LEAD}{'&' if self['entities'] else ''}]")

    def check(self, doc):
        text = doc.text
        if not self.telltale.search(text):
            return
        done = 0
        for m in finditer(self.regex, text, self.id):
            start, end = m.span()
            if start < done:
                continue  # inside a window already repaired
            entity = m.group("m") is None
            if not entity:
                start, end = _word(text, start, end)
            done = end
            window = text[start:end]
            fixed = repair(window, keep=entity)
            if fixed == window:
                continue
            # Keep the edit to what changed.
            head = 0
            while head < min(len(window), len(fixed)) and window[head] == fixed[head]:
                head += 1
            tail = 0
            while (tail < min(len(window), len(fixed)) - head
                   and window[len(window) - 1 - tail] == fixed[len(fixed) - 1 - tail]):
                tail += 1
            s, e = start + head, end - tail
            good = fixed[head:len(fixed) - tail]
            if s == e or not self.in_scope(doc, s, e):
                continue
            applicability = Applicability.DISPLAY if _STILL_BAD.search(fixed) else Applicability.SAFE
            if good == "\u00bf" and text[s - 1:s].isalpha() and text[e:e + 1].isalpha():
                # "America&#191;s", "don¿t": an inverted question mark never stands inside a word; it is
                # what a lost curly apostrophe became on the way. Likely, not certain: unsafe.
                good, applicability = apostrophe_style(text), Applicability.UNSAFE
            shown = good.replace("\u00a0", "no-break space") if good.strip() == "" else good
            yield self.finding(doc, s, e, self.format_message(shown, text[s:e]), [Edit(s, e, good)],
                               applicability, fix_title=f"Write '{shown}'")


def _word(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the whole word: mojibake often spans a word's letters."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    n = len(text)
    while end < n:
        ch = text[end]
        if ch.isspace():
            if ch == " " and end + 1 < n and unicodedata.category(text[end + 1]) == "Mn":
                end += 2
                continue
            break
        end += 1
    return start, end
