"""spelling: words a Hunspell dictionary does not know (Vale's kind).

As in Vale: with no dictionary named, Vale's own English (US) dictionary, en_US-web, is used
(lintnews ships the same word list); ``aff`` and ``dic`` name one dictionary's files,
``dicpath`` a folder and ``dictionaries`` the names of the ``.dic``/``.aff`` pairs in it
(``append: true`` adds the default to them). A word is known when any dictionary knows it, as
Vale's speller decides (rules/vale_speller.py: the word or its lower case in the expanded list,
numbers, hashes, ordinals), not as Hunspell would. ``filters`` are patterns: a word in which one
is found is not checked; unless ``custom: true``, Vale's own filters apply too (camel case, a
word ending in capitals, a word with anything but ASCII letters, ``_`` and apostrophes, so a
word in another script is never checked). ``ignore`` names word-list files (one word a line) of
words to accept, found as given, under the styles folder, or under its ``config/ignore``.
Relative paths are read from the styles folder (the one holding the rule's style) or the
working folder. The message's ``%s`` is the word; the suggestions are a shown (never applied)
fix, from Hunspell through ``chunspell`` (a maintained binding that installs with lintnews)
when it reads the dictionary; nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


from ...findings import Applicability, Edit
from ..base import Option, Rule
from ..patterns import search
from ..vale import blocks_in_scope
from ...read import compiled as _compiled
from ..vale_speller import DictionaryError, speller

DEFAULT = ("", "en_US")  # (folder, name): Vale's en_US-web for spelling, chunspell's en_US for suggestions
_DEFAULT_FILTERS = (r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']")
_TOKEN = _compiled.compile(r"\S+")
_EDGE = "\"'“”‘’()[]{}<>.,;:!?*_`~"


def _suggestions(speller, word: str) -> list[str]:
    """Up to five spellings a dictionary suggests; none for a word its encoding cannot write."""
    try:
        return list(speller.suggest(word))[:5]
    except UnicodeError:
        return []


@lru_cache(maxsize=4096)
def _suggested(folder: str, name: str, word: str) -> tuple[str, ...]:
    """:func:`_suggestions` from one dictionary, worked out once per word and process: a word misspelt
    again, or found by two rules on one dictionary (Vale.Spelling and a package's own), costs Hunspell's
    search (a fifth of a second) once."""
    return tuple(_suggestions(_hunspell(folder, name), word))


@lru_cache(maxsize=16)
def _hunspell(folder: str, name: str):
    """One dictionary, loaded once per process (kept off the rule, which may be sent to a worker)."""
    from hunspell import Hunspell

    return Hunspell(name, hunspell_data_dir=folder) if folder else Hunspell(name)


def _markup_blanked(doc) -> str:
    """The article's text with its markup (``![``, ``](url)``, ``*``: the skip zones the reader marks, but not
    an HTML entity, which stands for a character) written as spaces, positions kept: Vale's speller reads
    the rendered text, where an image's alt text or a link's words stand apart from the address."""
    text = doc.text
    zones = [(s, e) for s, e in doc.skip_zones if not (text.startswith("&", s) and text.endswith(";", s, e))]
    if not zones:
        return text
    parts, at = [], 0
    for s, e in zones:
        if s < at:
            continue
        parts += [text[at:s], " " * (e - s)]
        at = e
    parts.append(text[at:])
    return "".join(parts)


class Spelling(Rule):
    name = "spelling"
    summary = "Flags words a Hunspell dictionary does not know (Vale's spelling; en_US unless told)."
    OPTIONS = {
        "aff": Option("str", "", "the .aff file of one dictionary"),
        "dic": Option("str", "", "the .dic file of one dictionary"),
        "dicpath": Option("str", "", "the folder holding the dictionaries named in 'dictionaries'"),
        "dictionaries": Option("words", [], "names of .dic/.aff pairs in dicpath (en_US, en_medical)"),
        "append": Option("bool", False, "with 'dictionaries': the default en_US dictionary too"),
        "filters": Option("words", [], "patterns: a word holding one is not checked"),
        "custom": Option("bool", False, "true: only your filters (not Vale's default ones)"),
        "ignore": Option("words", [], "files of words to accept, one a line"),
        "exceptions": Option("words", [], "words to accept"),
        "threshold": Option("int", 0, "accepted for Vale compatibility"),
    }
    default_fix = Applicability.DISPLAY

    def compile(self):
        self.styles = Path(self.path).resolve().parent.parent
        self.dictionaries = self._dictionaries()
        self._spellers = None  # the dictionaries, loaded: see spellers()
        if self.enabled:  # else (Vale.Spelling, run only when chosen) a dictionary is read at the first check
            self.spellers(skip_default=True)  # the shipped one when first needed (0.5 s every start otherwise)
        filters = list(self["filters"]) + ([] if self["custom"] else list(_DEFAULT_FILTERS))
        self.filters = [self.pattern(str(f), "filters") for f in filters]
        self.accepted = {str(e) for e in self["exceptions"]}
        for name in self["ignore"]:
            path = self._find(str(name), "config/ignore")
            if path is None or not path.is_file():
                self.fail(f"key 'ignore': word list '{name}' not found")
            try:
                self.accepted.update(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
            except (OSError, UnicodeDecodeError) as exc:
                self.fail(f"key 'ignore': word list '{name}' does not read: {exc}")
        self.accepted_lower = {w.lower() for w in self.accepted}

    def _find(self, name: str, under: str = "") -> Path | None:
        for candidate in (Path(name), self.styles / name, self.styles / under / name if under else None,
                          Path.cwd() / name):
            if candidate is not None and candidate.exists():
                return candidate
        return None

    def _dictionaries(self) -> list[tuple[str, str]]:
        aff, dic = self["aff"], self["dic"]
        if aff or dic:
            aff_path, dic_path = self._find(aff) if aff else None, self._find(dic) if dic else None
            if aff_path is None or dic_path is None:
                self.fail("keys 'aff' and 'dic': both files must exist")
            if aff_path.with_suffix("") != dic_path.with_suffix(""):
                self.fail("keys 'aff' and 'dic' must name one dictionary (the same name in the same folder)")
            return [(str(dic_path.parent), dic_path.stem)]
        names = [str(n) for n in self["dictionaries"]]
        if not names:
            return [DEFAULT]
        folder = self._find(self["dicpath"], "config/dictionaries") if self["dicpath"] else \
            self.styles / "config" / "dictionaries"
        if folder is None or not folder.is_dir():
            self.fail(f"key 'dicpath': folder '{self['dicpath']}' not found")
        found = []
        for name in names:
            if not ((folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file()):
                self.fail(f"key 'dictionaries': no {name}.dic and {name}.aff in {folder}")
            found.append((str(folder), name))
        return found + ([DEFAULT] if self["append"] else [])

    def spellers(self, skip_default: bool = False) -> list:
        """The rule's dictionaries, each loaded once per process (a ``RuleError`` for one that does not load)."""
        if self._spellers is not None:
            return self._spellers
        loaded = []
        for folder, name in self.dictionaries:
            if skip_default and (folder, name) == DEFAULT:
                continue
            try:
                loaded.append(speller(folder, name))
            except DictionaryError as exc:
                self.fail(f"dictionary '{name}' in '{folder}' does not load: {exc}")
        if not skip_default:
            self._spellers = loaded
        return loaded

    def known(self, word: str, spellers: list) -> bool:
        if word in self.accepted or word.lower() in self.accepted_lower:
            return True
        # Vale's speller looks a word up whole: a hyphenated one is known only when a dictionary lists it
        # ("well-known"), where Hunspell would accept any two known words joined ("human-friendly").
        return any(s.spell(word) for s in spellers)

    @staticmethod
    def convert(word: str, spellers: list) -> str:
        """The dictionaries' ``ICONV`` replacements (en_US-web's: curly apostrophes to straight), as Vale
        applies them to the text before looking words up."""
        for s in spellers:
            word = s.convert(word)
        return word

    def suggestions(self, word: str) -> list[str]:
        """Hunspell's suggestions from the first dictionary, when chunspell reads it; none otherwise."""
        try:
            return list(_suggested(*self.dictionaries[0], word))
        except Exception:  # noqa: BLE001 - no binding, or a dictionary only Vale's reader takes: no suggestions
            return []

    def check(self, doc):
        spellers = self.spellers()
        text = _markup_blanked(doc)
        for lo, hi in blocks_in_scope(self, doc):
            for m in _TOKEN.finditer(text, lo, hi):
                token = m.group()
                word = token.strip(_EDGE)
                if not any(c.isalpha() for c in word):  # Vale's tokenizer drops a token with no letter ("|", "--")
                    continue
                start = m.start() + token.find(word)
                end = start + len(word)
                plain = self.convert(word, spellers)
                if any(search(f, plain, self.id) is not None for f in self.filters) or self.known(plain, spellers):
                    continue
                if not self.in_scope(doc, start, end):
                    continue
                suggestions = self.suggestions(plain)
                edits = [Edit(start, end, suggestions[0])] if suggestions else None
                yield self.finding(doc, start, end, self.format_message(word), edits, Applicability.DISPLAY,
                                   fix_title="Did you mean " + " or ".join(f"'{s}'" for s in suggestions))
