"""Where a configuration's ``block-ignores`` and ``token-ignores`` regexes match an article.

Vale's BlockIgnores and TokenIgnores (https://vale.sh/docs/keys/blockignores, .../tokenignores):
each match is text no rule reads (Vale makes it a code block or a code span). The patterns are
the user's, so they compile here through :mod:`.patterns` (bounded) and run with its timeout; a
pattern that times out stops the search for that pattern (the article's time running out, for all
of them), and what was found so far stays ignored.
"""

from __future__ import annotations

from functools import lru_cache

from . import budget
from .patterns import PatternTimeout, compile_pattern, finditer

RULE_ID = "(block-ignores)"


@lru_cache(maxsize=64)
def compiled(pattern: str, where: str):
    """One ignore pattern compiled (a bad one is a one-line error naming ``where``)."""
    return compile_pattern(pattern, where=where, what="key 'block-ignores' / 'token-ignores'")


def ignore_zones(text: str, patterns: tuple[str, ...], where: str = "configuration") -> list[tuple[int, int]]:
    """The spans of ``text`` that ``patterns`` match (empty matches are nothing)."""
    zones = []
    for pattern in patterns:
        try:
            for m in finditer(compiled(pattern, where), text, RULE_ID):
                if m.end() > m.start():
                    zones.append(m.span())
        except PatternTimeout:
            continue
        except budget.OutOfTime:
            break  # the article's time is up: the rules will say so; what was found stays ignored
    return zones
