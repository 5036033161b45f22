"""Which rules run on an article, and at what level: the one place that decides.

Choices come in levels, applied in order:

1. the project: the configuration file's ``select``, ``extend-select``,
   ``ignore`` and ``severity``, with the command line's flags on top (the
   command line's ``--select`` replaces the file's ``select``; the
   ``extend-select`` and ``ignore`` lists of both add up);
2. each ``per-path`` section whose glob matches the article, in file order.

At every level the same four keys mean the same thing: ``select`` replaces
the rules chosen so far (with no ``select`` anywhere, every rule that is on
by default runs), ``extend-select`` adds, ``ignore`` takes away, and
``severity`` sets the level of a rule's findings. Each key takes rule ids or
prefixes. Rules written for another language (their ``languages`` key) are
left out first, whatever is selected.

A rule the configuration asked for by naming its data (``Rule.configured``:
``Vocab.Rejected`` for a ``vocab`` reject list, the ``languagetool``
backend) runs whatever ``select`` says: a ``select`` keeps it, and only an
``ignore`` that names it (id or prefix) leaves it out, until a later
``select`` or ``extend-select`` names it again; and a selected rule that
reports the same data (``Rule.covers``: ``Vale.Avoid`` for the reject list)
stands in for it.

A selector that names no rule is an error wherever it is written, checked
once for the whole configuration (every ``per-path`` section, matching or
not) before any article is read. Severities are applied to findings, never
by changing or copying a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..errors import ConfigError, UsageError, closest
from ..findings import Severity, names_rule
from ..rules.base import Rule


def matches(selector: str, rule_id: str) -> bool:
    """Whether a selector (a rule id or a prefix of ids) names ``rule_id``."""
    return names_rule(selector, rule_id)


@dataclass(frozen=True)
class Level:
    """One level's choices; ``where`` is the file they come from (None: the command line or API)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    where: str | None = None
    section: str = ""  # the keys' prefix in the file ("per-path.wire/**."), or "--" for command-line flags

    def selectors(self) -> Iterable[tuple[str, str]]:
        """(key, selector) for every selector of the level."""
        for key, values in (("select", self.select or ()), ("extend-select", self.extend_select),
                            ("ignore", self.ignore), ("severity", (i for i, _ in self.severity))):
            for selector in values:
                yield key, selector

    def key(self, key: str) -> str:
        """How a key of this level is named in a message: ``--select`` on the command line, else ``'select'``."""
        return f"--{key} on the command line" if self.section == "--" else f"'{self.section}{key}'"


@dataclass
class Selection:
    """The rules for one article, sorted by id, and the levels set for some of them."""

    rules: list[Rule]
    levels: dict[str, Severity] = field(default_factory=dict)  # rule id -> level of its findings


def unknown(selector: str, where: str | None, key: str = "", ids: Iterable[str] = ()):
    """The error for a selector that names no rule; ``key`` says where in the file or command line it is,
    and the nearest of ``ids`` (or of their styles) is offered."""
    near = nearest(selector, ids)
    hint = f"did you mean '{near}'? " if near else ""
    problem = f"unknown rule id or prefix '{selector}'{f' in {key}' if key else ''} ({hint}see `lintnews rules`)"
    return ConfigError(where, problem) if where else UsageError(None, problem)


def nearest(name: str, ids: Iterable[str]) -> str | None:
    """The rule id or style ``name`` most likely meant: the same letters in another case ('news.doubledword'),
    the rule without its style ('DoubledWord'), else the closest spelling."""
    names = sorted({*ids, *(i.split(".")[0] for i in ids)})
    folded = name.lower().rstrip(".")
    for candidate in names:
        if candidate.lower() == folded:
            return candidate
    named = [i for i in names if i.lower().rsplit(".", 1)[-1] == folded]
    if len(named) == 1:
        return named[0]
    return closest(name, names, cutoff=0.75)


# Findings of the LanguageTool backend are LanguageTool.<its rule>: a suppression may name one whether or not
# this run configures the backend (--languagetool-local turns it on for one run).
BACKEND_IDS = ("LanguageTool",)


def unknown_suppressed(suppressions, doc, path: str, known: Iterable[str]) -> list[str]:
    """A warning for each id in a ``lintnews-disable`` (or ``-enable``) comment that names no rule of ``known``
    (every rule loaded, not only those selected) nor a finding of one (``LanguageTool.X``): a typo the
    comment would otherwise pass over in silence. It names the file and line, and the nearest id."""
    known = [*known, *BACKEND_IDS]
    out = []
    for s in suppressions:
        for i in s.ids:
            if any(matches(i, k) or i.startswith(k + ".") for k in known):
                continue
            near = nearest(i, known)
            hint = f" (did you mean '{near}'?)" if near else " (see `lintnews rules`)"
            line, _ = doc.position(s.start)
            out.append(f"{path}:{line}: 'lintnews-{s.action}' names no rule: '{i}'{hint}")
    return out


def unknown_vale_controls(controls, doc, path: str, known: Iterable[str]) -> list[tuple[int, str]]:
    """(line, warning) for each Vale comment control (``<!-- vale House.Utilise = NO -->``) whose rule or
    style names none loaded: Vale passes over such a typo in silence, and the comment then turns nothing off."""
    known = list(known)
    styles = {k.split(".", 1)[0] for k in known}
    out = []
    for c in controls:
        name = c.name.split("[", 1)[0]
        if name in ("off", "on", "styles") or (name in styles if "." not in name else name in known):
            continue
        near = nearest(name, known if "." in name else sorted(styles))
        hint = f" (did you mean '{near}'?)" if near else " (see `lintnews rules`)"
        line, _ = doc.position(c.start)
        out.append((line, f"{path}:{line}: the Vale comment names no {'rule' if '.' in name else 'style'}: "
                          f"'{name}'{hint}"))
    return out


def validate(pool: list[Rule], levels: Iterable[Level], failed: Iterable[str] = ()) -> None:
    """Raise for the first selector, at any level, that names no rule of ``pool``; one that names only rules
    whose files did not load (``failed``: their ids) is said so, not called unknown."""
    ids = [r.id for r in pool]
    for level in levels:
        for key, selector in level.selectors():
            if not any(matches(selector, i) for i in ids):
                lost = sorted(i for i in failed if matches(selector, i))
                if lost:
                    raise not_loaded(selector, level.where, level.key(key), lost)
                raise unknown(selector, level.where, level.key(key), ids)


def not_loaded(selector: str, where: str | None, key: str, lost: list[str]):
    """The error for a selector whose rules are all in files that did not load."""
    if lost == [selector]:
        problem = f"rule '{selector}' in {key} did not load (see the error above)"
    else:
        problem = (f"'{selector}' in {key} names only rules whose files did not load ({', '.join(lost)}; "
                   f"see the errors above)")
    return ConfigError(where, problem) if where else UsageError(None, problem)


def resolve(pool: list[Rule], levels: Iterable[Level], language: str | None = None) -> Selection:
    """The rules of ``pool`` that the ``levels``, applied in order, choose for an article in ``language``."""
    choice = _Choice([r for r in pool if r.applies_to(language)])
    for level in levels:
        choice.apply(level)
    return choice.selection()


def configured_levels(pool: list[Rule], severities: Iterable[tuple[str, str]]) -> dict[str, Severity]:
    """The level the ``severity`` entries (selector, level), in order, give each rule of ``pool`` they name,
    whether or not it is selected (a later entry wins, as in :func:`resolve`): what `lintnews rules` shows."""
    levels: dict[str, Severity] = {}
    for selector, value in severities:
        for r in pool:
            if matches(selector, r.id):
                levels[r.id] = Severity(value)
    return levels


class _Choice:
    """The rules chosen so far, as the levels are applied one by one."""

    def __init__(self, pool: list[Rule]):
        self.pool = pool
        self.chosen: list[Rule] | None = None  # None: no level has spoken yet
        self.severities: list[tuple[str, str]] = []  # (selector, level), in the order of the levels
        self.withheld: set[str] = set()  # configured rules an ignore left out (see the module's docstring)

    def named(self, selectors) -> list[Rule]:
        """The rules the selectors name. One off unless selected (``enabled: false``) is named by its full id,
        or by its style's name when no rule of that style is on by default (``--select Vale``: Vale's built-in
        rules); ``select: [News]`` does not turn on what the News style leaves off."""
        on = {r.id.split(".")[0] for r in self.pool if r.enabled}

        def names(s: str, r: Rule) -> bool:
            if not matches(s, r.id):
                return False
            whole = s.rstrip(".")
            return r.enabled or whole == r.id or (whole == r.id.split(".")[0] and whole not in on)

        return [r for r in self.pool if any(names(s, r) for s in selectors)]

    def default(self) -> list[Rule]:
        return [r for r in self.pool if r.enabled]

    def apply(self, level: Level) -> None:
        if level.select is not None:
            named = self.named(level.select)
            self.withheld -= {r.id for r in named}
            covered = {c for r in named for c in r.covers}  # "--select Vale": Vale.Avoid reads the reject list
            self.chosen = named + [r for r in self.pool if r.configured and r.id not in self.withheld
                                   and r not in named and r.id not in covered]
        elif self.chosen is None:
            self.chosen = self.default()
        if level.extend_select:
            added = self.named(level.extend_select)
            self.withheld -= {r.id for r in added}
            self.chosen += [r for r in added if r not in self.chosen]
        if level.ignore:
            dropped = {r.id for r in self.named(level.ignore)}
            self.withheld |= dropped
            self.chosen = [r for r in self.chosen if r.id not in dropped]
        self.severities.extend(level.severity)

    def selection(self) -> Selection:
        chosen = self.default() if self.chosen is None else self.chosen
        # Severities apply to the rules finally chosen, whichever level chose them; a later
        # level's setting for a rule wins over an earlier one.
        return Selection(sorted(chosen, key=lambda r: r.id), configured_levels(chosen, self.severities))


def select_rules(rules: list[Rule], select=None, ignore=None) -> list[Rule]:
    """Keep rules matching ``select`` (ids or prefixes; when None, every rule but those off unless selected,
    ``enabled: false``, as the command line does), then drop ``ignore``.

    For the library API; an unknown selector is a :class:`UsageError`.
    """
    level = Level(select=tuple(select) if select else None, ignore=tuple(ignore or ()))
    validate(rules, [level])
    choice = _Choice(rules)
    chosen = choice.named(level.select) if level.select else choice.default()
    dropped = {r.id for r in choice.named(level.ignore)}
    return [r for r in chosen if r.id not in dropped]
