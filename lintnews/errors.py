"""Errors that reach the user as one line naming the file and the problem."""

from __future__ import annotations


class LintnewsError(Exception):
    """A problem with an input file, a rule file or the command line.

    ``str(error)`` is the one-line message shown to the user: ``path: problem``.
    """

    def __init__(self, path: str | None, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


class InputError(LintnewsError):
    """An article that cannot be read: missing, binary, not UTF-8."""


class RuleError(LintnewsError):
    """A rule file that does not load: bad YAML, unknown key, wrong type, bad regex."""


class UsageError(LintnewsError):
    """A command-line or API argument that makes no sense (unknown rule id...)."""


class ConfigError(RuleError):
    """A configuration file that does not load: bad YAML or TOML, unknown key, wrong type."""


def closest(given: str, names, cutoff: float = 0.6) -> str | None:
    """The one of ``names`` that ``given`` most likely misspells, for an error's "did you mean" hint (None when
    none is near enough; ``cutoff`` is difflib's similarity ratio, 0 to 1)."""
    import difflib  # only on a mistake: not at every start

    near = difflib.get_close_matches(str(given), list(names), n=1, cutoff=cutoff)
    return near[0] if near else None
