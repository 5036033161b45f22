"""``lintnews rules test``: run the rules' own bad, good and fixed examples (run/examples.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..report.text import visible
from ..run.examples import check_examples
from ..run.selection import matches, unknown
from .common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, plural, say_error
from .rule_styles import SUB_STYLES, not_loaded, with_styles


@click.command("test", short_help="Run the rules' own bad, good and fixed examples.")
@click.argument("selectors", nargs=-1, metavar="[RULE-OR-PREFIX]...")
@SUB_STYLES
@click.pass_obj
def rules_test(obj, selectors, more):
    """Run each rule's own examples: every `bad` must be flagged by the rule, every `good` must not be, and
    every `fixed` must equal what the rule's fixes make of its `bad` (safe and unsafe fixes alike, as
    `lintnews fix --unsafe-fixes` applies them, until nothing changes), then be clean.

    Each example is read as plain text, as `lintnews check -` reads it; only its rule runs. Without
    RULE-OR-PREFIX (a rule id, or a prefix such as `House`), every rule loaded: the built-in ones, the
    configuration's styles and --styles. One line per failure; exit 1 if any (or if no rule chosen has an
    example: nothing was tested), 2 if a rule file does not load
    (each such file is an error line, and the other rules' examples still run).
    """
    loaded = with_styles(obj, more)
    ids = [r.id for r in loaded]
    for selector in selectors:
        if not any(matches(selector, i) for i in ids):
            say_error(str(unknown(selector, None, "", ids)))
            sys.exit(EXIT_ERROR)
    chosen = [r for r in loaded if not selectors or any(matches(s, r.id) for s in selectors)]
    tested = [r for r in chosen if any(r.examples.values())]
    examples = sum(len(v) for r in tested for v in r.examples.values())
    failed = 0
    for rule in tested:
        for failure in check_examples(rule):
            failed += 1
            click.echo(visible(failure.line(_shown(rule.path))))
    untested = len(chosen) - len(tested)
    note = f" ({plural(untested, 'rule')} without examples)" if untested else ""
    verdict = f"{failed} failed" if failed else "all passed" if tested else "nothing tested"
    broken = not_loaded()
    unloaded = f"; {plural(broken, 'rule file')} did not load (see the errors above)" if broken else ""
    click.echo(f"{plural(len(tested), 'rule')}, {plural(examples, 'example')}: {verdict}{note}{unloaded}")
    # Rules with no examples at all test nothing: a CI step must not pass on that (exit 1, as a failure).
    sys.exit(EXIT_ERROR if broken else EXIT_FINDINGS if failed or not tested else EXIT_CLEAN)


def _shown(path: str) -> str:
    """The rule file's path relative to the current folder when it is inside it (a configuration's
    styles are loaded by their full path), else as loaded."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)
