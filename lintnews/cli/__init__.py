"""The ``lintnews`` command: a thin layer over :mod:`lintnews.run` and the API.

One module per family of commands: ``lint`` (check, fix), ``info`` (config,
init, rules, kinds); ``common`` holds the options and flow check and fix share.
"""

from __future__ import annotations

import click

from ..version import __version__
from .info import config_cmd, init, kinds, rules
from .lint import check, fix


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintnews")
def main():
    """lintnews: an editorial linter and normalizer for news articles."""


for command in (check, fix, config_cmd, init, rules, kinds):
    main.add_command(command)
