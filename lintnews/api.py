"""The library API. The command line is a thin layer over these functions.

    >>> import lintnews
    >>> [f.rule_id for f in lintnews.check_text("Vote delayed\\n\\nThe vote was was postponed.\\n")]
    ['News.DoubledWord']
"""

from __future__ import annotations

from .errors import LintnewsError
from .findings import Finding
from .rules.base import Rule
from .rules.loader import load_rules as _load_rules
from .run.engine import FixResult, Linter
from .run.selection import select_rules


def load_rules(styles=(), select=None, ignore=None, builtin: bool = True, language: str | None = "en-US") -> list[Rule]:
    """Built-in rules plus those in ``styles`` folders, filtered by ids or prefixes.

    Rules written for other languages (their ``languages`` key) are left
    out; ``language=None`` keeps them all.
    """
    rules = select_rules(_load_rules(list(styles), builtin=builtin), select, ignore)
    if language is None:
        return rules
    return [r for r in rules if r.applies_to(language)]


def linter(rules: list[Rule] | None = None, **kwargs) -> Linter:
    return Linter(rules if rules is not None else load_rules(**kwargs))


def check_text(text: str, *, path: str = "-", rules: list[Rule] | None = None, **kwargs) -> list[Finding]:
    """Findings for one article's text, sorted by position.

    ``kwargs`` are those of :func:`load_rules` (``styles``, ``select``,
    ``ignore``). Raises :class:`LintnewsError` if a rule fails on the text
    or does not finish (a pattern timed out, the time budget ran out).
    """
    result = linter(rules, **kwargs).check(text, path)
    if result.errors or result.unfinished:
        raise LintnewsError(None, (result.errors or result.unfinished)[0])
    return result.findings


def fix_text(text: str, *, path: str = "-", unsafe: bool = False, rules: list[Rule] | None = None,
             **kwargs) -> FixResult:
    """Apply fixes until nothing changes; ``.text`` is the fixed article, ``.findings`` what is left."""
    return linter(rules, **kwargs).fix(text, path, unsafe=unsafe)
