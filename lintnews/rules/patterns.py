"""Compiling user-supplied patterns once, and running them with a timeout.

Patterns come from YAML, so they are untrusted: they compile with the
``regex`` package (which also gives ``\\p{L}`` classes and variable-length
look-behind) and every search runs with a timeout, so one catastrophic
pattern cannot hang a run.
"""

from __future__ import annotations

import os

import regex

from ..errors import RuleError

# Seconds one rule may spend matching one document.
TIMEOUT = float(os.environ.get("LINTNEWS_REGEX_TIMEOUT", "2.0"))


class PatternTimeout(Exception):
    def __init__(self, rule_id: str):
        self.rule_id = rule_id
        super().__init__(f"rule {rule_id}: pattern timed out after {TIMEOUT:g}s")


def compile_pattern(pattern: str, *, where: str, rule_id: str, key: str, flags: int = 0):
    try:
        return regex.compile(pattern, flags)
    except (regex.error, TypeError, ValueError) as exc:
        raise RuleError(where, f"rule {rule_id}: key '{key}': bad regex {pattern!r}: {exc}") from None


def word_alternation(tokens: list[str], *, nonword: bool, ignorecase: bool) -> str:
    """One pattern for a whole word list, longest first, with word boundaries.

    Tokens are regex fragments (as in Vale). Sorting longest first lets
    "Islamic State group" win over "Islamic State".
    """
    parts = sorted(tokens, key=len, reverse=True)
    body = "|".join(f"(?:{t})" for t in parts)
    pattern = f"(?:{body})" if nonword else rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"
    return ("(?i)" if ignorecase else "") + pattern


def finditer(compiled, text: str, rule_id: str, pos: int = 0, endpos: int | None = None, overlapped: bool = False):
    try:
        yield from compiled.finditer(text, pos, len(text) if endpos is None else endpos, overlapped=overlapped,
                                     timeout=TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(rule_id) from None


def search(compiled, text: str, rule_id: str, pos: int = 0, endpos: int | None = None):
    try:
        return compiled.search(text, pos, len(text) if endpos is None else endpos, timeout=TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(rule_id) from None


def fullmatch(compiled, text: str, rule_id: str):
    """Whether the whole text matches."""
    try:
        return compiled.fullmatch(text, timeout=TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(rule_id) from None


def match(compiled, text: str, rule_id: str, pos: int = 0, endpos: int | None = None):
    """Match anchored at ``pos``."""
    try:
        return compiled.match(text, pos, len(text) if endpos is None else endpos, timeout=TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(rule_id) from None
