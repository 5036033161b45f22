"""Vale's speller: a Hunspell ``.dic``/``.aff`` pair read as Vale reads it, for the ``spelling`` kind.

Vale does not run Hunspell (internal/spell, a fork of the gospell package): it expands every
``.dic`` entry through the ``.aff`` file's prefixes and suffixes into a set of words, once, and a
word is known when it, or its lower-case form, is in the set, or when it is a number ("1,000",
"3.5"), a number with units the set knows ("100GB"), a hexadecimal or binary number, a 40-letter
hash, or a compound the ``COMPOUNDRULE`` lines build (ordinals). So the rules differ from
Hunspell's in ways a Vale package's tests see:

- case: "XXX" and "Tessera" are known because "xxx" and "tessera" are listed; Hunspell would
  want the listed case;
- a hyphenated word is looked up whole ("human-friendly" is not two known words);
- the files are read as UTF-8 whatever ``SET`` says, so a dictionary with no ``SET`` line still
  knows its non-Latin words;
- what the ``.aff`` does beyond prefixes, suffixes, ``ICONV``, ``ONLYINCOMPOUND`` and
  ``COMPOUNDRULE`` (REP, KEY, MAP, needaffix, circumfix...) is ignored, as Vale ignores it; a
  prefix's strip text is not removed, a suffix's only when the word ends with it.

With no dictionary named, Vale uses its own English (US) dictionary, ``en_US-web``; lintnews
ships the same list (``lintnews/data/vale-en_US-web.dic.gz`` and ``.aff``, written by
``scripts/build_vale_dictionary.py`` from a Vale checkout; SCOWL's word list under SCOWL's
permissive licence and Vale's MIT licence, see ``lintnews/data/LICENSE-vale-dictionary.txt``).
Nothing here runs or downloads anything; a dictionary is expanded once per process.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import LintnewsError
from .patterns import compile_pattern, match

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_NAME = "vale-en_US-web"

# Vale's number filter, ``^([0-9]+[.,-]?)+$``, written so Python's backtracking engine stays linear: the
# nested form took seconds on 24 digits followed by a letter (Go's engine has no such case).
_NUMBER = re.compile(r"^[0-9]+(?:[.,-][0-9]+)*[.,-]?$")
_UNITS = re.compile(r"^([0-9]+)([a-zA-Z]+)$")
_HEX = re.compile(r"^0?x[0-9A-Fa-f]+$")
_BINARY = re.compile(r"^0b[01]+$")
_HASH = re.compile(r"^[0-9a-z]{40}$")
_QUOTED = frozenset("()+?*")  # a COMPOUNDRULE's operators, which Vale writes as literal characters


class DictionaryError(ValueError):
    """A ``.dic`` or ``.aff`` file Vale could not read either (the message says why)."""


@dataclass
class _Affix:
    prefix: bool
    cross: bool
    rules: list = field(default_factory=list)  # (strip, text, condition: literal text, regex of sets, or None)

    def expand(self, word: str, out: list[str]) -> None:
        for strip, text, condition in self.rules:
            if condition is not None and not _meets(condition, word, self.prefix):
                continue
            if self.prefix:
                out.append(text + word)
            else:
                stem = word[:len(word) - len(strip)] if strip and word.endswith(strip) else word
                out.append(stem + text)


@dataclass
class _Aff:
    iconv: list = field(default_factory=list)
    compound_rules: list = field(default_factory=list)
    compound_only: str = ""
    affixes: dict = field(default_factory=dict)
    compound_words: dict = field(default_factory=dict)


def _condition(pattern: str) -> list[tuple[frozenset, bool]]:
    """A Hunspell affix condition ("[^aeiou]y", "ch") as one (characters, negated) pair a position; '.' is
    any character (an empty negated set). Vale compiles the condition as a regex; a condition written
    as Hunspell defines it reads the same either way, and no user pattern reaches the regex engine."""
    parts, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "[":
            close = pattern.find("]", i + 1)
            if close < 0:
                raise DictionaryError(f"condition '{pattern}': '[' without ']'")
            inner = pattern[i + 1:close]
            negated = inner.startswith("^")
            parts.append((frozenset(inner[1:] if negated else inner), negated))
            i = close + 1
        else:
            parts.append((frozenset(), True) if c == "." else (frozenset(c), False))
            i += 1
    return parts


def _condition_regex(condition: list[tuple[frozenset, bool]], prefix: bool):
    """The parsed condition as a regex of escaped character sets only (no syntax from the file): one test
    in C for each of the 81,000 entries of en_US-web instead of a loop in Python."""
    body = "".join("." if neg and not cs else
                   "[" + ("^" if neg else "") + "".join(re.escape(c) for c in sorted(cs)) + "]"
                   for cs, neg in condition)
    return re.compile("^" + body if prefix else body + "$", re.S)


def _meets(condition, word: str, prefix: bool) -> bool:
    if isinstance(condition, str):  # plain letters ("ch"): a string test
        return word.startswith(condition) if prefix else word.endswith(condition)
    return condition.search(word) is not None


def _read_aff(text: str) -> _Aff:
    aff = _Aff()
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        head = parts[0]
        if head == "ICONV" and len(parts) >= 3:
            aff.iconv.append((parts[1], parts[2]))
        elif head == "ONLYINCOMPOUND" and len(parts) >= 2:
            aff.compound_only = parts[1]
        elif head == "COMPOUNDRULE" and len(parts) >= 2 and not parts[1].isdigit():
            aff.compound_rules.append(parts[1])
            for flag in parts[1]:
                aff.compound_words.setdefault(flag, [])
        elif head in ("PFX", "SFX") and len(parts) > 4:
            affix = aff.affixes.get(parts[1][0])
            if affix is None:
                raise DictionaryError(f"rules for flag '{parts[1][0]}' come before its definition")
            condition = None if parts[4] == "." else _condition(parts[4])
            if condition is not None and all(len(cs) == 1 and not neg for cs, neg in condition):
                condition = "".join(next(iter(cs)) for cs, _ in condition)
            elif condition is not None:
                condition = _condition_regex(condition, affix.prefix)
            affix.rules.append(("" if parts[2] == "0" else parts[2], "" if parts[3] == "0" else parts[3],
                                condition))
        elif head in ("PFX", "SFX") and len(parts) > 3:
            if parts[2] not in ("Y", "N"):
                raise DictionaryError(f"{head} {parts[1]}: cross product is not Y or N: '{parts[2]}'")
            aff.affixes[parts[1][0]] = _Affix(prefix=head == "PFX", cross=parts[2] == "Y")
    return aff


def _expand(aff: _Aff, entry: str) -> list[str]:
    word, slash, flags = entry.partition("/")
    if not slash:
        return [entry]
    if not word or not flags:
        raise DictionaryError(f"entry '{entry}': a slash first or last")
    only_in_compound = False
    for flag in flags:
        if flag in aff.compound_only:
            only_in_compound = True
        elif flag in aff.compound_words:
            aff.compound_words[flag].append(word)
    if only_in_compound:
        return []
    out = [word]
    prefixes, suffixes = [], []
    for flag in flags:
        affix = aff.affixes.get(flag)
        if affix is None:
            continue
        if not affix.cross:
            affix.expand(word, out)
        else:
            (prefixes if affix.prefix else suffixes).append(affix)
    for suffix in suffixes:
        suffix.expand(word, out)
    for prefix in prefixes:
        with_prefix: list[str] = []
        prefix.expand(word, with_prefix)
        out.extend(with_prefix)
        for suffix in suffixes:
            for w in with_prefix:
                suffix.expand(w, out)
    return out


class Speller:
    """One dictionary as a set of words, with Vale's rules for what else counts as known."""

    def __init__(self, aff_text: str, dic_text: str, where: str = "en_US-web"):
        aff = _read_aff(aff_text)
        self.iconv = aff.iconv
        words: set[str] = set()
        for line in dic_text.splitlines()[1:]:  # the first line is the entry count
            words.update(_expand(aff, line.split("\t", 1)[0]))
        words.discard("")
        self.words = words
        self.compounds = []
        for rule in aff.compound_rules:
            pattern = "".join(re.escape(c) if c in _QUOTED else
                              "(" + "|".join(aff.compound_words.get(c, [])) + ")" for c in rule)
            try:
                self.compounds.append(compile_pattern("^" + pattern + "$", where=where, what=f"COMPOUNDRULE {rule}"))
            except LintnewsError as exc:
                raise DictionaryError(str(exc)) from None

    def convert(self, text: str) -> str:
        """The ``ICONV`` replacements (curly to straight apostrophes in en_US-web)."""
        for old, new in self.iconv:
            text = text.replace(old, new)
        return text

    def spell(self, word: str) -> bool:
        if word in self.words or word.lower() in self.words:
            return True
        if _NUMBER.match(word) or _HEX.match(word) or _BINARY.match(word) or _HASH.match(word):
            return True
        if any(match(p, word, "spelling") is not None for p in self.compounds):
            return True
        units = _UNITS.match(word)
        return bool(units) and units.group(2) in self.words


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")  # Vale reads the bytes as UTF-8, whatever SET says


@lru_cache(maxsize=16)
def _loaded(folder: str, name: str) -> Speller:
    if not folder:  # the dictionary lintnews ships: Vale's own
        return Speller(_read(DATA / f"{DEFAULT_NAME}.aff"), _read(DATA / f"{DEFAULT_NAME}.dic.gz"))
    base = Path(folder) / name
    try:
        return Speller(_read(base.with_name(name + ".aff")), _read(base.with_name(name + ".dic")), str(base))
    except OSError as exc:
        raise DictionaryError(str(exc)) from None


def speller(folder: str, name: str) -> Speller:
    """The dictionary ``name`` in ``folder`` (``""``: Vale's default, whatever the name), loaded once per process."""
    return _loaded(folder, name if folder else "")


@lru_cache(maxsize=1)
def shipped_words():
    """The shipped dictionary's words, expanded as the speller expands them, as a frozen table
    (``read/tables.py``): built into the data cache at first use, after that read in a millisecond
    and looked up without building the 172,000-word set (News.Spelling's ``full-dictionary``)."""
    from ..read import tables

    files = [DATA / f"{DEFAULT_NAME}.aff", DATA / f"{DEFAULT_NAME}.dic.gz"]
    key = tables.identity("vale-words", *(tables.file_identity(f) for f in files))
    return tables.load("vale-en_US-web-words", key, lambda: (dict.fromkeys(speller("", "").words, 1), 0.0))
