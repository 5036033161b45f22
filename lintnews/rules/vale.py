"""Vale's rule format: which rule files are Vale's, and Vale's way of building their patterns.

A rule is read as Vale's when its kind is one of Vale's extension points and every key it
sets is one Vale knows for that kind (or a lintnews key that only chooses when it runs:
``enabled``, ``languages``, ``examples``). Such a rule behaves as Vale's own does
(https://vale.sh/docs/checks/, and Vale's source, internal/check/): it looks inside direct
quotations (``quotes: check``), and existence and substitution build one pattern the way
Vale does:

- existence: the ``tokens`` joined by ``|`` inside ``\\b(?:...)\\b`` (no word boundaries with
  ``nonword``, or when there are no tokens), with ``raw``'s pieces joined as they are,
  *before* that group (after it with ``append: true``); ``(?i)`` with ``ignorecase``;
  ``^`` and ``$`` match at each line;
- substitution: every key of ``swap`` a group of one alternation, longest first, inside the
  same word boundaries;
- ``exceptions``: one pattern, longest first, each entry case-sensitive unless it starts
  with ``(?i)``, looked for (with word boundaries) inside the matched text.

Vale matches a pattern within one block (a paragraph, a heading, a list item); so do these.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from . import vale_scopes
from .patterns import compile_pattern, finditer, search

# Keys every Vale rule may set, and each extension point's own (Vale's docs and source).
COMMON = frozenset({"extends", "message", "level", "description", "link", "scope", "limit", "action",
                    "name", "selector", "code", "vocab", "tests"})
KEYS: dict[str, frozenset[str]] = {kind: frozenset(keys) for kind, keys in {
    "existence": {"tokens", "raw", "exceptions", "append", "ignorecase", "nonword"},
    "substitution": {"swap", "exceptions", "ignorecase", "nonword", "capitalize", "pos"},
    "occurrence": {"token", "max", "min", "ignorecase"},
    "repetition": {"tokens", "max", "ignorecase", "alpha", "exceptions"},
    "consistency": {"either", "nonword", "ignorecase"},
    "conditional": {"first", "second", "exceptions", "ignorecase"},
    "capitalization": {"match", "style", "exceptions", "indicators", "threshold", "prefix"},
    "metric": {"formula", "condition"},
    "readability": {"metrics", "grade"},
    "spelling": {"aff", "dic", "dicpath", "dictionaries", "filters", "ignore", "exceptions", "custom",
                 "append", "threshold"},
    "sequence": {"tokens", "ignorecase"},
    "script": {"script"},
}.items()}
# lintnews keys that choose when a rule runs, not what it finds: they leave a rule Vale's.
NEUTRAL = frozenset({"enabled", "languages", "examples"})
# Every key some extension point of Vale's takes. Vale decodes a rule file into its kind's fields and
# drops the rest (mapstructure, unused keys allowed): a sequence rule of a published package with
# ``nonword: true`` loads in Vale, the key ignored. Such a rule stays Vale's; the key is dropped with
# a warning (``Rule.__init__``).
ANY_KIND = frozenset().union(*KEYS.values())


def is_vale_rule(kind: str, spec: dict) -> bool:
    """Whether a rule file of this kind and keys is one of Vale's (see the module's doc)."""
    keys = KEYS.get(kind)
    return keys is not None and all(k in COMMON or k in keys or k in NEUTRAL or k in ANY_KIND for k in spec)


def other_kinds_keys(kind: str, spec: dict) -> list[str]:
    """The keys of a rule in Vale's format that belong to another of Vale's kinds (Vale ignores them)."""
    keys = KEYS.get(kind, frozenset())
    return [k for k in spec if k in ANY_KIND and k not in keys and k not in COMMON and k not in NEUTRAL]


def word_pattern(tokens: list[str], raw: list[str] = (), *, word: bool, ignorecase: bool,
                 append: bool = False) -> str:
    """One pattern as Vale builds it: ``raw`` joined, then the tokens' group (see the module's doc)."""
    body = "|".join(tokens)
    group = rf"\b(?:{body})\b" if word else f"(?:{body})"
    joined = "".join(raw)
    pattern = group + joined if append else joined + group
    return ("(?i)" if ignorecase else "") + "(?m)" + as_regexp2(pattern)


_QUANTIFIER = re.compile(r"\{\d+(?:,\d*)?\}")
_CODE_POINT = re.compile(r"(?<!\\)((?:\\\\)*)\\x\{([0-9A-Fa-f]{1,8})\}")
_BACKREF = re.compile(r"\\([1-9]\d*)")
_ESCAPE = re.compile(r"\\[pP]\{[^}]*\}|\\.", re.S)


def code_points(pattern: str) -> str:
    """regexp2's ``\\x{2018}`` (a code point, Perl's syntax) written as the ``regex`` package reads it."""
    if "\\x{" not in pattern:
        return pattern
    return _CODE_POINT.sub(lambda m: f"{m.group(1)}\\U{int(m.group(2), 16):08x}", pattern)


def as_regexp2(pattern: str) -> str:
    """``pattern`` read as Vale's regexp2 (.NET syntax) reads it, written for the ``regex`` package.

    Three places differ: ``\\x{2018}`` (a code point, as in Perl) is ``\\U00002018`` to ``regex``; a
    ``{`` that does not open a counted repeat (``{2}``, ``{2,}``, ``{2,5}``) is a literal brace in
    .NET (``{image}``), where ``regex`` reads fuzzy-matching braces; and a
    back-reference to a group still open where it stands (``(\\n(x)\\2)`` once an earlier token took
    group 1) matches nothing in .NET, as the group has captured nothing yet, where ``regex`` refuses
    the pattern. Unnamed groups are numbered as .NET numbers them (named ones come after)."""
    pattern = code_points(pattern)
    out: list[str] = []
    opened: list[int | None] = []  # for each open group: its number, or None (not capturing or named)
    number, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            ref = _BACKREF.match(pattern, i) if not in_class else None
            if ref and int(ref.group(1)) in opened:
                out.append("(?!)")
                i += len(ref.group())
                continue
            esc = _ESCAPE.match(pattern, i)
            out.append(esc.group() if esc else c)
            i += len(esc.group()) if esc else 1
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]" or pattern[i + 1:i + 3] == "^]":  # a ] first is literal
                close = pattern.find("]", i + 1) + 1 or i + 1
                out.append(pattern[i:close])
                i = close
                continue
        elif c == "(":
            capturing = not pattern.startswith("(?", i)
            number += capturing
            opened.append(number if capturing else None)
        elif c == ")" and opened:
            opened.pop()
        elif c == "{" and not _QUANTIFIER.match(pattern, i):
            c = "\\{"
        out.append(c)
        i += 1
    return "".join(out)


def exceptions_pattern(exceptions: list[str], where: str, rule_id: str):
    """Vale's exceptions as one compiled pattern (None when there are none)."""
    terms = sorted((str(e) for e in exceptions if str(e).strip()), key=len, reverse=True)
    if not terms:
        return None
    parts = [f"(?i:{t[4:]})" if t.startswith("(?i)") else f"(?-i:{t})" for t in terms]
    return compile_pattern(r"(?m)\b(?:" + "|".join(parts) + r")\b", where=where, rule_id=rule_id,
                           key="exceptions")


def excepted(compiled, text: str, rule_id: str) -> bool:
    """Whether an exception stands in ``text`` (Vale looks for one anywhere in the match)."""
    return compiled is not None and search(compiled, text.strip(), rule_id) is not None


def block_matches(compiled, doc, blocks, rule_id: str):
    """(block start, match) for each match in each block read alone, as Vale reads a block: ``^`` at its
    start, no look behind it (a heading's text after its ``# ``). Match offsets are the block's."""
    for lo, hi in blocks:
        for m in finditer(compiled, doc.text[lo:hi], rule_id):
            yield lo, m


def vale_kind(block) -> str:
    """A block as Vale sees it: a heading only when marked up as one ("# ..."), else a paragraph."""
    return block.kind if block.marked else "paragraph"


def blocks_in_scope(rule, doc) -> Iterator[tuple[int, int]]:
    """(start, end) of each block a Vale rule reads, in order, as its scope selects them (rules/vale_scopes.py)."""
    return iter(vale_scopes.spans(rule, doc))


def decoded_text(doc, lo: int, hi: int) -> str | None:
    """``doc.text[lo:hi]`` with each HTML entity in it ("&#160;", "&amp;") read as its character, as Vale
    reads an HTML file's text; None when other markup stands inside (a code span, emphasis), which
    this does not read as Vale does."""
    text, out, at = doc.text, [], lo
    for zs, ze in doc.skip_zones:
        if ze <= lo or zs < at:
            continue
        if zs >= hi:
            break
        out.append(text[at:zs])
        zone = text[zs:min(ze, hi)]
        if not (zone.startswith("&") and zone.endswith(";")):
            return None
        out.append(html.unescape(zone))
        at = min(ze, hi)
    out.append(text[at:hi])
    return "".join(out)


def guessed_start(text: str, lo: int) -> int:
    """Where Vale reports a match whose text, as Vale read it (entities decoded, markup dropped), is not
    in the file as written: the start of the line that holds it (core/location.go guessLocation)."""
    return max(text.rfind("\n", 0, lo), text.rfind("\r", 0, lo)) + 1


def merged_mapping(value):
    """A mapping key (``swap``, ``either``) as Vale decodes it: mapstructure's weakly typed input merges a
    list of mappings into one, later entries winning (Datadog's ``- pattern: replacement`` items);
    anything else is returned as it is, for the schema to judge."""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        merged: dict = {}
        for item in value:
            merged.update(item)
        return merged
    return value


def cap_first(s: str) -> str:
    """Vale's CapFirst: the first character upper-cased."""
    return s[:1].upper() + s[1:]


def to_sentence(words: list[str], conjunction: str = "or") -> str:
    """Vale's ToSentence: nothing, 'a', 'a' or 'b', 'a', 'b' or 'c'."""
    if not words:
        return ""
    if len(words) == 1:
        return f"'{words[0]}'"
    if len(words) == 2:
        return f"'{words[0]}' {conjunction} '{words[1]}'"
    quoted = [f"'{w}'" for w in words]
    quoted[-1] = f"{conjunction} {quoted[-1]}"
    return ", ".join(quoted)


def is_phrase(s: str) -> bool:
    """Vale's IsPhrase: only letters, digits, spaces and hyphens."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in s)
