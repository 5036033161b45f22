"""What the ``rules`` subcommands share: the ``--styles`` they take after their name (and the rules it adds),
and the level in effect of each rule."""

from __future__ import annotations

import sys

import click

from ..errors import LintnewsError
from ..rules.loader import load_rules
from ..run.selection import Level, configured_levels, matches, resolve
from ..run.session import config_levels
from .common import EXIT_ERROR, say_error

SUB_STYLES = click.option("--styles", "more", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
                          help="Also the rules in this folder (as `lintnews rules --styles DIR`).")


_NOT_LOADED = "lintnews.rule files not loaded"  # the problems said so far, in the command's shared meta
_FAILED = "lintnews.rule ids not loaded"


def load_all(styles) -> list:
    """The built-in rules and those of ``styles``. A rule file that does not load is an error line ("...;
    skipped", said once per command) and the rest still load, as in a check; :func:`not_loaded` counts them."""
    problems: list[str] = []
    failed: set[str] = set()
    rules = load_rules(styles, problems=problems, failed=failed)
    meta = click.get_current_context().meta
    meta.setdefault(_FAILED, set()).update(failed)
    said = meta.setdefault(_NOT_LOADED, [])
    for problem in problems:
        if problem not in said:
            said.append(problem)
            say_error(problem)
    return rules


def not_loaded() -> int:
    """How many rule files the command could not load (each said as an error)."""
    return len(click.get_current_context().meta.get(_NOT_LOADED, ()))


def failed_to_load(rule_id: str) -> bool:
    """Whether ``rule_id`` is the id of a rule file the command could not load."""
    return rule_id in click.get_current_context().meta.get(_FAILED, ())


def with_styles(obj, more) -> list:
    """The group's rules, or with ``more`` style folders given after the subcommand, those added."""
    loaded, styles, extra, _ = obj
    if not more:
        return loaded
    try:
        return load_all([*styles, *more]) + extra
    except LintnewsError as exc:
        say_error(str(exc))
        sys.exit(EXIT_ERROR)


def configured(rules: list, settings) -> dict:
    """Rule id -> the level the configuration found from the current folder gives it (its ``severity``,
    after those of the files it extends), for the rules whose level it sets; per-path sections aside."""
    vale = getattr(settings, "vale", None)  # a .vale.ini's levels come first, as in a check (one per rule, as Vale's)
    severities = [*(vale.levels if vale is not None else ()), *(pair for s in settings.chain() for pair in s.severity)]
    return configured_levels(rules, severities)


def running(rules: list, settings) -> set[str]:
    """The ids of the rules that a check from the current folder runs: the configuration's selection, with the
    rules that are off unless selected (``enabled: false``) left out unless it selects them. Under a .vale.ini,
    the rules it runs on some file: the styles any section bases on and the rules any section turns on."""
    levels = config_levels(settings)
    vale = getattr(settings, "vale", None)
    if vale is not None:
        checks = [*vale.checks, *(c for section in vale.sections for c in section.checks)]
        styles = {*vale.styles, *(s for section in vale.sections for s in section.styles or ())}
        levels.insert(0, Level(select=(*styles, *(k for k, on in checks if on))))
    return {r.id for r in resolve(rules, levels, getattr(settings, "language", None)).rules}


def level_shown(rule, levels: dict, runs: bool = True) -> str:
    """``error``, or ``error (configured; file: suggestion)`` when the configuration changes the file's level,
    or ``off (suggestion when selected)`` for a rule the configuration does not run."""
    level = levels.get(rule.id, rule.severity)
    if not runs:
        return f"off ({level.value} when selected)"
    if level == rule.severity:
        return level.value
    return f"{level.value} (configured; file: {rule.severity.value})"


def varies_by_file(rule, settings) -> bool:
    """Whether a section of the configuration changes the rule for the articles it matches: a per-path
    section that names it or its style (its level, select, ignore) or sets a language, or a .vale.ini
    section that turns it or its style on or off or bases on a list of styles of its own."""
    style = rule.id.split(".", 1)[0]
    for level in settings.chain():
        for section in level.per_path:
            names = (*section.ignore, *(section.select or ()), *section.extend_select, *(n for n, _ in section.severity))
            if (section.language and rule.languages) or section.select is not None \
                    or any(matches(n, rule.id) for n in names):
                return True
    vale = getattr(settings, "vale", None)
    for section in (vale.sections if vale is not None else ()):
        if any(name in (rule.id, style) for name, _ in section.checks):
            return True
        if section.styles is not None and (style in section.styles) != (style in vale.styles):
            return True
    return False


def per_path_changes(rule, settings) -> str:
    """What each per-path section (of the configuration and the files it extends) does to the rule for the
    articles it matches, besides its level: ``wire/uk/**: ignores it`` / ``selects it`` / ``language en-GB,
    where it runs`` (or ``does not run``); "" when no section touches it."""
    said = []
    for level in settings.chain():
        for section in level.per_path:
            notes = []
            if any(matches(n, rule.id) for n in section.ignore):
                notes.append("ignores it")
            elif any(matches(n, rule.id) for n in (*(section.select or ()), *section.extend_select)):
                notes.append("selects it")
            elif section.select is not None:
                notes.append("its select leaves it out")
            if section.language and rule.languages:
                runs = rule.applies_to(section.language)
                notes.append(f"language {section.language}, where it {'runs' if runs else 'does not run'}")
            if notes:
                said.append(f"{section.pattern}: {', '.join(notes)}")
    return "; ".join(said)


def per_path_levels(rule, settings) -> str:
    """``wire/**: warning`` for each per-path section (of the configuration and the files it extends)
    that sets the rule's level for the articles it matches; "" when none does."""
    said = []
    for level in settings.chain():
        for section in level.per_path:
            named = configured_levels([rule], section.severity).get(rule.id)
            if named is not None:
                said.append(f"{section.pattern}: {named.value}")
    return "; ".join(said)
