"""What the ``rules`` subcommands share: the ``--styles`` they take after their name (and the rules it adds),
and the level in effect of each rule."""

from __future__ import annotations

import sys

import click

from ..errors import LintnewsError
from ..rules.loader import load_rules
from ..run.selection import configured_levels
from .common import EXIT_ERROR, say_error

SUB_STYLES = click.option("--styles", "more", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
                          help="Also the rules in this folder (as `lintnews rules --styles DIR`).")


def with_styles(obj, more) -> list:
    """The group's rules, or with ``more`` style folders given after the subcommand, those added."""
    loaded, styles, extra, _ = obj
    if not more:
        return loaded
    try:
        return load_rules([*styles, *more]) + extra
    except LintnewsError as exc:
        say_error(str(exc))
        sys.exit(EXIT_ERROR)


def configured(rules: list, settings) -> dict:
    """Rule id -> the level the configuration found from the current folder gives it (its ``severity``,
    after those of the files it extends), for the rules whose level it sets; per-path sections aside."""
    severities = [pair for level in settings.chain() for pair in level.severity]
    return configured_levels(rules, severities)


def level_shown(rule, levels: dict) -> str:
    """``error``, or ``error (configured; file: suggestion)`` when the configuration changes the file's level."""
    level = levels.get(rule.id, rule.severity)
    if level == rule.severity:
        return level.value
    return f"{level.value} (configured; file: {rule.severity.value})"


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
