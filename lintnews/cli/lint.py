"""``lintnews check`` and ``lintnews fix``."""

from __future__ import annotations

import sys
from collections import Counter

import click

from ..read.formats import ARTICLE_SUFFIXES
from ..read.source import BOM
from ..report.text import visible
from ..run.baseline import write_baseline as save_baseline
from ..run.session import failing
from .common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    Run,
    common_options,
    plural,
)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
@click.option("--baseline", metavar="FILE",
              help="Report only findings not recorded in this baseline (over the config's baseline: key).")
@click.option("--write-baseline", metavar="FILE", help="Record today's findings in FILE (they are then not reported).")
def check(paths, baseline, write_baseline, **kw):
    """Report findings in articles (files, folders, or - for standard input).

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage,
    configuration or input error (or, with --strict, a rule that did not finish).
    """
    run = Run(paths, {**kw, "baseline": baseline, "write_baseline": write_baseline})
    results = run.execute("check")
    if write_baseline:
        n = save_baseline(write_baseline, results)
        click.echo(f"Wrote {plural(n, 'finding')} to baseline {visible(write_baseline)}.", err=True)
        sys.exit(EXIT_ERROR if run.errors else EXIT_CLEAN)
    run.report(results)
    findings = [f for r in results for f in r.findings]
    checked = sum(1 for r in results if not r.errors or r.text)
    unfinished = run.unfinished(results)
    hidden = sum(r.baselined for r in results)
    baselined = f" {plural(hidden, 'finding')} in the baseline not shown." if hidden else ""
    if findings:
        fixable = sum(f.safe_fix for f in findings)
        unsafe = sum(f.can_fix and not f.safe_fix for f in findings)
        if fixable:
            fixes = f"{fixable} fixable with `lintnews fix`" + (f", {unsafe} more with --unsafe-fixes" if unsafe else "")
        else:
            fixes = f"{unsafe} fixable only with --unsafe-fixes" if unsafe else "none fixable by `lintnews fix`"
        below = "" if failing(results) or run.errors else " None is at or above the fail-on level, so the check passes."
        run.summary(f"Found {plural(len(findings), 'finding')} ({by_level(findings)}) in {plural(checked, 'file')}"
                    f" ({fixes}).{below}{baselined}{unfinished}{_errors(run)}")
    elif unfinished:
        short = sum(1 for r in results if r.unfinished)
        run.summary(f"No findings in {plural(checked, 'file')}, but the check is not complete: not every rule"
                    f" finished on {plural(short, 'file')} (see the warnings).")
    elif checked and run.errors:
        run.summary(f"No findings in {plural(checked, 'file')}, but {plural(len(run.errors), 'error')} (see above).")
    elif checked:
        run.summary(f"All clean: no findings in {plural(checked, 'file')}.{baselined}")
    elif kw.get("changed_since") is not None and not run.errors:
        run.summary(f"No articles changed since {visible(kw['changed_since'])}.")
    elif not run.errors:
        kinds = ", ".join(ARTICLE_SUFFIXES)
        run.summary(f"No articles to check ({kinds}; see exclude and .gitignore).")
    run.exit(results)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes marked unsafe.")
@click.option("--baseline", metavar="FILE",
              help="Leave the findings recorded in this baseline alone: not fixed, not reported "
                   "(over the config's baseline: key).")
@click.option("--exit-non-zero-on-fix", is_flag=True,
              help="Exit 1 when a file was changed, else 0 whatever is left (pre-commit's convention for fixers).")
@click.option("--fixes-only", is_flag=True,
              help="List the fixes applied, not the findings left (for a fix hook with a check hook after it).")
def fix(paths, diff, baseline, exit_non_zero_on_fix, fixes_only, **kw):
    """Fix findings in place (or print the fixed text for -), list each fix, then report what is left.

    Exit status: 0 nothing left at or above --fail-on, 1 findings left (or,
    with --diff, changes to make; with --exit-non-zero-on-fix, a file
    changed), 2 usage, configuration or input error (or, with --strict, a
    rule that did not finish).
    """
    run = Run(paths, {**kw, "baseline": baseline})
    results = run.execute("diff" if diff else "fix")
    # With the fixed text of standard input on standard output, everything else goes to standard error.
    aside = diff or any(r.path == "-" for r in results)
    # Lines for people go to standard error too when a machine format (json, sarif...) has standard output.
    told = aside or (kw["fmt"] not in ("text", "concise") and not kw["output"] and not fixes_only)
    _print_fixed(results, diff)
    if not diff and not kw["quiet"]:
        list_fixes(results, told)
    if kw["show_fixes"]:
        for r in results:
            if r.applied:
                click.echo(f"{visible(r.path)}: applied {plural(r.applied, 'fix')}", err=told)
    if not diff and not fixes_only:
        run.report(results, stream=sys.stderr if aside else None)
    changed = sum(1 for r in results if r.changed)
    if not kw["quiet"]:
        click.echo(_fix_summary(results, diff) + run.unfinished(results) + _errors(run), err=told)
    if run.errors:
        sys.exit(EXIT_ERROR)
    if diff:
        sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    if exit_non_zero_on_fix:  # the findings left are the check hook's to report
        sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    run.exit(results)


def list_fixes(results, aside: bool) -> None:
    """One line per fix applied: where it was (as `check` placed it in the file as it was), the rule, what it did."""
    for r in results:
        if not r.changed:
            continue
        for f in r.fixes:
            what = f.fix.title if f.fix is not None and f.fix.title else f.message
            click.echo(f"{visible(f.path)}:{f.line}:{f.column}: {visible(f.rule_id)} fixed: {visible(what)}", err=aside)


def _print_fixed(results, diff: bool) -> None:
    """A diff per changed file (--diff), or the fixed text of standard input."""
    for r in results:
        if r.errors and not r.text:
            continue
        if diff and r.changed:
            mark = "\ufeff" if r.bom else ""  # the file's first line holds its BOM, so `git apply` finds it
            _print_diff(r.path, mark + r.original, mark + r.text)
        elif r.path == "-" and not diff:
            sys.stdout.buffer.write((BOM if r.bom else b"") + r.text.encode("utf-8"))
            sys.stdout.flush()


def by_level(findings) -> str:
    """How many findings at each level, most serious first: "2 errors, 1 warning, 4 suggestions"."""
    counts = Counter(f.severity.value for f in findings)
    return ", ".join(plural(counts[level], level) for level in ("error", "warning", "suggestion") if counts[level])


def _errors(run) -> str:
    """The errors reported above (a file that could not be read or written, a rule file skipped), counted."""
    return f" Errors: {len(run.errors)} (see above)." if run.errors else ""


def _fix_summary(results, diff: bool) -> str:
    applied = sum(r.applied for r in results)
    changed = sum(1 for r in results if r.changed)
    remaining = sum(len(r.findings) for r in results)
    verb = "Would fix" if diff else "Fixed"
    return f"{verb} {plural(applied, 'finding')} in {plural(changed, 'file')}; {remaining} remaining."


def _print_diff(path: str, before: str, after: str) -> None:
    import difflib  # --diff only

    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=visible(path), tofile=visible(path))
    for line in lines:
        click.echo(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n", nl=False)
