"""What a rule file can get wrong that its schema's types do not catch, each named in one line.

The loader and ``Rule`` ask these; each gives the problem (the caller adds the file and the rule) or
None. They decide where lintnews is stricter than Vale and where a rule in Vale's format is read as
Vale reads it:

- a key given twice: at the top of the file, an error in any format (one of the two values would be
  lost without a word); inside a mapping (a ``swap`` entry), an error in a lintnews rule, and in one
  in Vale's format a warning, the last kept, as Vale's YAML reader keeps it (published Vale packages
  repeat swap entries);
- ``languages``: only the languages a configuration may set;
- ``limit``: 0 or more; Vale reads a negative limit as none, so a rule in Vale's format loads, with
  a warning;
- ``message``: no more ``%s`` than the kind fills, and no other verb (``%d``), in a lintnews rule.
  Vale formats a message with Go's Sprintf and loads any, printing what it cannot fill as an empty
  string or ``%!d(string=...)``: a rule in Vale's format is left as Vale leaves it.
"""

from __future__ import annotations

import re

from ..errors import closest

LANGUAGES = ("en-US", "en-GB")  # the article languages lintnews knows (a configuration's ``language``)

_VERB = re.compile(r"%([A-Za-z])")  # a placeholder as a lintnews message can hold one: % and a letter


def shape(value) -> str:
    """What a YAML value is, in a user's words ("a list", "the text 'x'"), for an error about it."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"a {type(value).__name__}"


def repeats(found, vale: bool) -> tuple[list[str], list[str]]:
    """(errors, warnings) for the keys a rule file gives twice (``datafile.Repeat``), by the rules above."""
    errors, warnings = [], []
    for r in found:
        where = f" in '{r.within}'" if r.within else ""
        said = f"key '{r.key}'{where} is given twice, at lines {r.first_line} and {r.line}"
        if r.depth > 1 and vale:
            warnings.append(f"{said}: the second is read, as Vale reads it")
        else:
            errors.append(f"{said}: give each key once")
    return errors, warnings


def language(code: str) -> str | None:
    """The problem with one entry of a rule's ``languages``, or None."""
    if code in LANGUAGES:
        return None
    near = next((known for known in LANGUAGES if known.lower() == code.lower().replace("_", "-")), None)
    hint = f"did you mean '{near}'? " if near else ""
    return (f"key 'languages': unknown language {code!r} ({hint}lintnews knows {', '.join(LANGUAGES)}; "
            f"a rule with no 'languages' applies to all)")


def limit(value: int, vale: bool) -> tuple[str | None, str | None]:
    """(error, warning) for a rule's ``limit``."""
    if value >= 0:
        return None, None
    if vale:
        return None, f"key 'limit': {value} is read as no limit, as Vale reads it (write 0 for no limit)"
    return f"key 'limit' must be 0 or more (0: no limit), not {value}", None


def message(text: str, fills: int | None, verbs: str, kind: str, key: str = "message") -> str | None:
    """The problem with a lintnews rule's message whose placeholders its kind cannot fill: more ``%s`` than
    ``fills`` (None: the kind numbers its own), or a verb not in ``verbs`` (``%d``)."""
    for m in _VERB.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "%":
            continue  # "%%d": a percent sign written out, then a letter
        if m.group(1) not in verbs:
            allowed = " or ".join(f"'%{v}'" for v in verbs)
            return f"key '{key}': '{m.group()}' is not a placeholder kind '{kind}' fills (use {allowed})"
    count = text.count("%s") - text.count("%%s")
    if fills is not None and count > fills:
        return (f"key '{key}' has {count} '%s' but kind '{kind}' fills {fills} "
                f"(the rest would be printed as '%s')")
    return None


def unknown_scope(given: str, accepted) -> str:
    """The problem for a ``scope`` no reader knows: every name accepted, the nearest first."""
    names = list(dict.fromkeys(accepted))
    near = closest(given.strip().lstrip("~").split(".")[0].strip(), names)
    hint = f"did you mean '{near}'? " if near else ""
    return (f"unknown scope {given!r} ({hint}use {', '.join(names)}; "
            f"a name may take a section, 'heading.h2', a '~' before it or an '&' between two)")
