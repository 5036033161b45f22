"""The ``--styles`` option the ``rules`` subcommands take after their name, and the rules it adds."""

from __future__ import annotations

import sys

import click

from ..errors import LintnewsError
from ..rules.loader import load_rules
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
