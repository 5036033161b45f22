"""The built-in rules' word lists and swap lists: no data mistakes.

Word lists are data, and their mistakes are quiet: a duplicate, an entry
with a stray space, a bare ``on`` that YAML reads as ``true``, a swap whose
fix is itself flagged, an exception no match could ever reach. Each test
below looks for one such class in ``rules/News/*.yml``; those whose
docstring starts with "Probe" run the rule through the public API (a copy of
the rule with an exception list emptied is written to a temporary styles
folder) instead of reasoning about how its kind matches.

A real problem found here is not fixed in the rule file from a test (that
changes findings): it is listed in KNOWN with the reason, and reported. A
KNOWN entry the check no longer finds fails too, so the list cannot go stale.
"""

from __future__ import annotations

import collections
import functools
from pathlib import Path
from typing import NamedTuple

import pytest
import regex
import strict_yaml
import yaml

import lintnews

RULES_DIR = Path(__file__).parents[2] / "rules" / "News"

# The lists each kind reads, and their shape: a list of entries, a map (keys
# and values are entries), a map whose keys only are entries, or a map of lists.
KIND_LISTS = {
    "substitution": {"swap": "map", "exceptions": "list"},
    "existence": {"tokens": "list", "raw": "list", "exceptions": "list"},
    "repetition": {"tokens": "list", "exceptions": "list"},
    "consistency": {"either": "map", "exceptions": "list"},
    "paragraph-start": {"exceptions": "list"},
    "glued-words": {"exceptions": "list"},
    "stripped-apostrophe": {"exceptions": "list"},
    "number-format": {"decimal-units": "list", "measure-units": "list", "reference-words": "list"},
    "boilerplate": {"patterns": "list"},
    "confusion": {"sets": "lists", "expand": "map", "exceptions": "list", "right-when-followed-by": "keys"},
    "attribution": {"claims": "lists", "sources": "list", "vague-sources": "list",
                    "next-sources": "list", "previous-sources": "list", "lexicons": "lists",
                    "source-lemmas": "list", "source-nouns": "list", "hedges": "list", "features": "keys"},
    "dictionary": {"accept": "list"},
    "normalize": {}, "duplicate-title": {}, "mojibake": {},
    "pattern": {},  # token lists are checked when the rule compiles (unknown tags, keys, empty lists)
}

# Problems these checks find in the rule files as they are, by (check, rule, key, entry).
KNOWN = {
    # DoubledWord's tokens are \p{L}+: a hyphenated word is never one token, and "bye bye"
    # is already excepted by 'bye'.
    ("needed", "DoubledWord", "exceptions", "bye-bye"): "no token can hold a hyphen",
    # The camel-case seam needs three lower-case letters before the capital ("comScore"):
    # "eHarmony" never matches, so its exception is never consulted.
    ("needed", "GluedWords", "exceptions", "eHarmony"): "one lower-case letter before the capital",
    # Harmless: the kind already skips a first word with a dot in it, and bare URLs are skip
    # zones; 'https\S*' is also covered by 'http\S*'.
    ("needed", "ParagraphStart", "exceptions", r"e\.g"): "the kind skips words with a dot anyway",
    ("needed", "ParagraphStart", "exceptions", r"i\.e"): "the kind skips words with a dot anyway",
    ("needed", "ParagraphStart", "exceptions", r"http\S*"): "bare URLs are never checked",
    ("needed", "ParagraphStart", "exceptions", r"https\S*"): "bare URLs are never checked",
}

# Swaps one spelling list makes and the other, on purpose, does not undo.
ONE_WAY = {
    # "judgment" is also the British spelling of a court's ruling (AmericanSpellings' description).
    ("BritishSpellings", "judgement"),
}


FILES = sorted(RULES_DIR.glob("*.yml"))


@functools.cache
def data(name: str) -> dict:
    try:
        return strict_yaml.load((RULES_DIR / f"{name}.yml").read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise AssertionError(f"rules/News/{name}.yml: {exc}") from None


def ignores_case(spec: dict, key: str) -> bool:
    """Whether the kind matches this list's entries regardless of case."""
    kind = spec["extends"]
    if kind in ("substitution", "existence"):
        return bool(spec.get("ignorecase", False))
    if kind == "consistency":
        return key == "either" and bool(spec.get("ignorecase", False))  # exceptions: as written
    if kind == "paragraph-start":
        return False
    if kind == "repetition":
        return key == "exceptions" or bool(spec.get("ignorecase", True))
    if kind == "boilerplate":
        return bool(spec.get("ignorecase", True))
    return True  # the other kinds lower-case their lists, or match them with (?i)


class WordList(NamedTuple):
    rule: str
    key: str              # "claims.cause" for one list of a map of lists
    entries: list
    ignorecase: bool      # whether the kind matches these entries regardless of case
    repeats_ok: bool      # a map's replacements may repeat (two spellings, one fix)


def word_lists():
    """Every word list of every rule file."""
    for path in FILES:
        spec = data(path.stem)
        for key, shape in KIND_LISTS[spec["extends"]].items():
            value = spec.get(key)
            if value is None:
                continue
            fold = ignores_case(spec, key)
            if shape in ("list", "keys"):
                yield WordList(path.stem, key, list(value), fold, False)
            elif shape == "map":
                yield WordList(path.stem, key, list(value), fold, False)
                yield WordList(path.stem, f"{key} (replacements)", list(value.values()), fold, True)
            else:
                for sub, entries in value.items():
                    yield WordList(path.stem, f"{key}.{sub}", list(entries), fold, False)


def report(check: str, problems: dict) -> None:
    """Fails on problems not in KNOWN, and on KNOWN entries of this check that are gone."""
    new = {p: why for p, why in problems.items() if (check, *p) not in KNOWN}
    stale = [k[1:] for k in KNOWN if k[0] == check and k[1:] not in problems]
    lines = [f"{rule} {key}: {entry!r}: {why}" for (rule, key, entry), why in new.items()]
    lines += [f"{rule} {key}: {entry!r}: in KNOWN but no longer found (fixed? remove it from KNOWN)"
              for rule, key, entry in stale]
    assert not lines, f"{check}:\n  " + "\n  ".join(lines)


# ------------------------------------------------------------------ every list
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_rule_file_has_no_duplicate_keys_and_a_known_kind(path):
    spec = data(path.stem)  # the strict loader raises on a duplicated key
    assert spec["extends"] in KIND_LISTS, f"{path.name}: add the lists of kind {spec['extends']!r} to KIND_LISTS"


def test_entries_are_clean_strings():
    problems = {}
    for wl in word_lists():
        for e in wl.entries:
            if not isinstance(e, str):
                problems[(wl.rule, wl.key, e)] = f"not a string: YAML read {type(e).__name__} (quote it)"
            elif not e.strip():
                problems[(wl.rule, wl.key, e)] = "empty"
            elif e != e.strip():
                problems[(wl.rule, wl.key, e)] = "leading or trailing white space"
    report("clean strings", problems)


def test_no_duplicate_entries():
    problems = {}
    for wl in word_lists():
        if wl.repeats_ok:
            continue
        fold = str.casefold if wl.ignorecase else str
        counts = collections.Counter(fold(str(e)) for e in wl.entries)
        for e in wl.entries:
            if counts[fold(str(e))] > 1:
                problems[(wl.rule, wl.key, e)] = "listed more than once" + (" (case-folded)" if wl.ignorecase else "")
    for name, key in [("UnattributedClaim", "claims"), ("Confusables", "sets")]:
        # A claim cue in two categories, a word in two confusion sets: one entry, two meanings.
        owners = collections.defaultdict(set)
        for sub, entries in (data(name).get(key) or {}).items():
            for e in entries:
                owners[str(e).casefold()].add(sub)
        for e, subs in owners.items():
            if len(subs) > 1:
                problems[(name, key, e)] = f"in {sorted(subs)}"
    report("duplicates", problems)


def test_no_literal_entry_is_covered_by_another_regex_of_its_list():
    """'claims' next to 'claims?' is a duplicate in all but spelling."""
    problems = {}
    for wl in word_lists():
        flags = regex.IGNORECASE if wl.ignorecase else 0
        strings = [e for e in wl.entries if isinstance(e, str)]
        for a in strings:
            if not regex.fullmatch(r"[\w' ’-]+", a):
                continue
            for b in strings:
                if a.casefold() != b.casefold() and regex.fullmatch(b, a, flags):  # equal ones: duplicates
                    problems[(wl.rule, wl.key, a)] = f"already matched by {b!r}"
    report("covered", problems)


# ------------------------------------------------------------------ swap lists
SWAP_RULES = [p.stem for p in FILES if data(p.stem)["extends"] == "substitution"]


def test_swaps_are_plain_words_that_never_chain():
    problems = {}
    for name in SWAP_RULES:
        spec = data(name)
        fold = str.casefold if spec.get("ignorecase") else str
        keys = {fold(k) for k in spec["swap"]}
        for k, v in spec["swap"].items():
            where = (name, "swap", k)
            if fold(k) == fold(v):
                problems[where] = "the key is its own replacement"
            elif any(fold(choice) in keys for choice in v.split("|")):
                problems[where] = f"its replacement {v!r} is itself a key: the fix would be flagged again"
            elif not spec.get("nonword") and not all(regex.fullmatch(r"\w(?:[\w '’-]*\w)?", s) for s in (k, *v.split("|"))):
                problems[where] = "starts or ends with a non-word character, inside word boundaries"
            elif not spec.get("ignorecase") and k != k.lower():
                # Case-sensitive: a capitalised key matches only names and sentence starts, which these
                # rules leave alone; the fix gives the replacement the case of what it replaces.
                problems[where] = "a case-sensitive key with a capital"
    report("swaps", problems)


def test_british_and_american_swaps_undo_each_other_exactly():
    """What one list swaps the other swaps back, and nothing else, unless it is ONE_WAY on purpose."""
    swaps = {"BritishSpellings": data("BritishSpellings")["swap"], "AmericanSpellings": data("AmericanSpellings")["swap"]}
    problems = []
    for name, other_name in [("BritishSpellings", "AmericanSpellings"), ("AmericanSpellings", "BritishSpellings")]:
        swap, other = swaps[name], swaps[other_name]
        for k, v in swap.items():
            if k in other:
                problems.append(f"{name}: {k!r} is flagged in both languages")
            elif v in other and other[v] != k:
                problems.append(f"{name}: {k!r} -> {v!r}, but {other_name} swaps {v!r} to {other[v]!r}")
            elif v not in other and (name, k) not in ONE_WAY:
                problems.append(f"{name}: {k!r} -> {v!r}, and {other_name} does not swap {v!r} back")
            elif v in other and (name, k) in ONE_WAY:
                problems.append(f"{name}: {k!r} is in ONE_WAY but {other_name} now swaps it back: remove it there")
    problems += [f"{name}: {k!r} is in ONE_WAY but not a key of the list" for name, k in ONE_WAY if k not in swaps[name]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", SWAP_RULES)
def test_every_swap_fires_and_fixes_to_its_replacement(name):
    """Probe: each key, alone in a sentence, is flagged and fixed to its replacement."""
    rules = lintnews.load_rules(select=[f"News.{name}"], language=None)
    wrong = []
    for k, v in data(name)["swap"].items():
        text = f"Title\n\nThey said the {k} was fine.\n"
        found = [f.text for f in lintnews.check_text(text, rules=rules)]
        fixed = lintnews.fix_text(text, rules=rules, unsafe=True).text
        if found != [k] or (("|" not in v) and fixed != text.replace(k, v)):
            wrong.append((k, v, found, fixed))
    assert wrong == []


def test_swap_and_confusion_words_are_words_the_spelling_rule_knows():
    """Probe: a typo in a replacement would write a misspelling into the copy."""
    spelling = lintnews.load_rules(select=["News.Spelling"], language=None)
    words = {w for name in SWAP_RULES for k, v in data(name)["swap"].items() for w in (k, *v.split("|"))}
    words |= {w for s in data("Confusables")["sets"].values() for w in s}
    unknown = sorted(w for w in words
                     if lintnews.check_text(f"Title\n\nThey said the {w} was fine.\n", rules=spelling))
    assert unknown == []


# ------------------------------------------------------------------ confusion sets
def test_confusion_sets_are_lower_case_and_their_helpers_name_set_words():
    spec = data("Confusables")
    words = {w for s in spec["sets"].values() for w in s}
    problems = {}
    for name, members in spec["sets"].items():
        if name not in members:
            problems[("Confusables", "sets", name)] = "the set's name is none of its words"
        for w in members:
            if w != w.lower():
                problems[("Confusables", "sets", w)] = "capitalised words are never judged"
    for key in ("expand", "right-when-followed-by"):
        for w in spec.get(key, {}):
            if w not in words:
                problems[("Confusables", key, w)] = "not a word of any set: never consulted"
    for w in spec.get("expand", {}):
        if "'" not in w and "’" not in w:
            problems[("Confusables", "expand", w)] = "only words with an apostrophe are expanded"
    report("confusion", problems)


# ------------------------------------------------------------------ exceptions
def _without(name: str, key: str, root: Path):
    """The rule with one list emptied, loaded from a styles folder of its own."""
    spec = dict(data(name))
    spec[key] = []
    folder = root / f"{name}-{key}" / "Probe"
    folder.mkdir(parents=True)
    (folder / f"{name}.yml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return lintnews.load_rules(styles=[folder.parent], builtin=False)


# What an exception keeps the rule from flagging: the entry in a sentence it would otherwise flag.
EXCEPTION_PROBES = {
    ("DoubledWord", "exceptions"): lambda e: f"Title\n\nThe man said {e} {e} to them at the end of the day.\n",
    ("StrippedApostrophe", "exceptions"): lambda e: f"Title\n\nCritics said {e} s plan was odd.\n",
    ("GluedWords", "exceptions"): lambda e: f"Title\n\nIt was {e} in the end.\n",
    ("AcronymCase", "exceptions"): lambda e: f"Title\n\nThe {e} spoke and the {e} said so, and then the {e.title()} left.\n",
    ("ParagraphStart", "exceptions"): lambda e: (f"Title\n\nThe report was out on Monday.\n\n{WITNESS.get(e, e)} said "
                                                 "the report was out on Monday and more.\n"),
    ("ThousandsSeparator", "decimal-units"): lambda e: f"Title\n\nThe figure was 2.500 {e} in all.\n",
}
# A word each regex exception stands for.
WITNESS = {r"e\.g": "e.g.", r"i\.e": "i.e.", r"http\S*": "http://example.com", r"https\S*": "https://example.com"}


def test_every_exception_list_is_probed():
    # DecimalComma's decimal-units find what it flags rather than excuse it; probed below.
    listed = {(wl.rule, wl.key) for wl in word_lists() if wl.key in ("exceptions", "decimal-units") and wl.entries
              and data(wl.rule).get("mode") != "decimal-comma"}
    assert listed <= set(EXCEPTION_PROBES), f"add a probe for {sorted(listed - set(EXCEPTION_PROBES))}"
    for e in data("ParagraphStart")["exceptions"]:
        assert not isinstance(e, str) or regex.fullmatch(r"\w+", e) or e in WITNESS, \
            f"give ParagraphStart's exception {e!r} a WITNESS word"


def test_every_exception_is_needed(tmp_path_factory):
    """Probe: the rule flags nothing at the probe, and would flag it without its exception list;
    otherwise the entry never matches (or something else already keeps the text from being flagged)."""
    root = tmp_path_factory.mktemp("without")
    problems = {}
    for (name, key), probe in EXCEPTION_PROBES.items():
        rules = lintnews.load_rules(select=[f"News.{name}"], language=None)
        bare = _without(name, key, root)
        for e in data(name)[key]:
            text = probe(str(e))
            if lintnews.check_text(text, rules=rules):
                problems[(name, key, e)] = "the rule still flags the probe: the exception does not apply"
            elif not lintnews.check_text(text, rules=bare):
                problems[(name, key, e)] = "the rule flags nothing here even without the exception"
    report("needed", problems)


def test_every_decimal_comma_unit_is_found():
    """Probe: each DecimalComma unit word makes a decimal comma before it a finding."""
    rules = lintnews.load_rules(select=["News.DecimalComma"], language=None)
    missed = [u for u in data("DecimalComma")["decimal-units"]
              if [f.text for f in lintnews.check_text(f"Title\n\nIt rose 2,5 {u} in May.\n", rules=rules)] != ["2,5"]]
    assert not missed


def test_every_speech_verb_is_found_doubled():
    """Probe: each DoubledSpeechVerb token (case-sensitive, plain words) finds its repeat."""
    rules = lintnews.load_rules(select=["News.DoubledSpeechVerb"], language=None)
    missed = [t for t in data("DoubledSpeechVerb")["tokens"]
              if [f.text for f in lintnews.check_text(f"Title\n\n“We will win,” {t} Assad {t}.\n", rules=rules)]
              != [f"{t} Assad {t}"]]
    assert missed == []
