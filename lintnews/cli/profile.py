"""``--profile``: the CPU time each rule took, on standard error."""

from __future__ import annotations

import click


def print_profile(timings: dict[str, float], files: int, top: int = 0) -> None:
    """A table of rules by CPU seconds, slowest first, with each one's share of the total."""
    total = sum(timings.values())
    rows = sorted(timings.items(), key=lambda kv: (-kv[1], kv[0]))
    if top:
        rows = rows[:top]
    width = max((len(rule) for rule, _ in rows), default=4)
    click.echo(f"Profile: CPU seconds per rule over {files} file{'s' if files != 1 else ''} (one job, no cache):",
               err=True)
    for rule, seconds in rows:
        share = 100 * seconds / total if total else 0.0
        click.echo(f"  {rule:<{width}}  {seconds:8.3f} s  {share:5.1f}%", err=True)
    click.echo(f"  {'total':<{width}}  {total:8.3f} s", err=True)
