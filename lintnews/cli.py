"""The ``lintnews`` command: a thin layer over :mod:`lintnews.api`."""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import click

from . import __version__
from .document import Document
from .engine import Linter, select_rules
from .errors import InputError, LintnewsError
from .loader import load_rules
from .read import read_path, write_atomic
from .reporters import FORMATS, ReportContext

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def collect_paths(paths) -> tuple[list[str], list[str]]:
    """Files to check: given files as they are, folders walked for articles, in a stable order."""
    files, errors = [], []
    for raw in paths:
        p = Path(raw)
        if raw == "-" or p.is_file():
            files.append(raw)
        elif p.is_dir():
            found = []
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, n) for n in names
                             if n.endswith(ARTICLE_SUFFIXES) and not n.startswith("."))
            files.extend(sorted(found))
        else:
            errors.append(f"{raw}: no such file or directory")
    return files, errors


def _make_linter(select, ignore, styles, no_default_rules) -> Linter:
    rules = load_rules(list(styles), builtin=not no_default_rules)
    return Linter(select_rules(rules, _split(select), _split(ignore)))


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def rule_options(f):
    f = click.option("--select", multiple=True, metavar="IDS", help="Only these rule ids or prefixes (comma-separated).")(f)
    f = click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids or prefixes (comma-separated).")(f)
    f = click.option("--styles", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
                     help="A folder of your own rules (<DIR>/<Style>/<Rule>.yml); repeatable.")(f)
    f = click.option("--no-default-rules", is_flag=True, help="Use only the rules from --styles.")(f)
    f = click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
                     help="Output format.")(f)
    f = click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                     show_default=True, help="Colour the text output (auto: on a terminal, unless NO_COLOR).")(f)
    return f


class _Run:
    """Shared state of one check or fix run: the linter, errors and output."""

    def __init__(self, select, ignore, styles, no_default_rules, fmt, color):
        self.fmt = fmt
        self.color = _use_color(color)
        self.errors: list[str] = []
        try:
            self.linter = _make_linter(select, ignore, styles, no_default_rules)
        except LintnewsError as exc:
            _error(str(exc))
            sys.exit(EXIT_ERROR)

    def read(self, path):
        try:
            return read_path(path)
        except InputError as exc:
            self.error(str(exc))
            return None

    def error(self, message: str) -> None:
        self.errors.append(message)
        _error(message)

    def report(self, findings, docs, stream=None) -> None:
        ctx = ReportContext(docs=docs, rules=self.linter.rules, stream=stream or sys.stdout, color=self.color)
        FORMATS[self.fmt].render(findings, ctx)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintnews")
def main():
    """lintnews: an editorial linter and normalizer for news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@rule_options
def check(paths, select, ignore, styles, no_default_rules, fmt, color):
    """Report findings in articles (files, folders, or - for standard input).

    Exit status: 0 no findings, 1 findings, 2 usage, rule or input error.
    """
    run = _Run(select, ignore, styles, no_default_rules, fmt, color)
    files, missing = collect_paths(paths)
    for message in missing:
        run.error(message)
    findings, docs = [], {}
    for path in files:
        source = run.read(path)
        if source is None:
            continue
        result = run.linter.check(source.text, path)
        for message in result.errors:
            run.error(message)
        findings.extend(result.findings)
        docs[path] = Document(source.text, path)
    run.report(findings, docs)
    if fmt in ("text", "concise"):
        fixable = sum(f.fixable for f in findings)
        if findings:
            click.echo(f"Found {_plural(len(findings), 'finding')} in {_plural(len(docs), 'file')}"
                       f" ({fixable} fixable with `lintnews fix`).")
        else:
            click.echo(f"All clean: no findings in {_plural(len(docs), 'file')}.")
    if run.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if findings else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@rule_options
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes marked unsafe.")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when a file was changed (for pre-commit).")
def fix(paths, select, ignore, styles, no_default_rules, fmt, color, diff, unsafe_fixes, exit_non_zero_on_fix):
    """Fix findings in place (or print the fixed text for -), then report what is left.

    Exit status: 0 nothing left to report, 1 findings left (or, with --diff,
    changes to make), 2 usage, rule or input error.
    """
    run = _Run(select, ignore, styles, no_default_rules, fmt, color)
    files, missing = collect_paths(paths)
    for message in missing:
        run.error(message)
    remaining, docs = [], {}
    applied = changed = 0
    out = sys.stderr if "-" in files and not diff else sys.stdout
    for path in files:
        source = run.read(path)
        if source is None:
            continue
        result = run.linter.fix(source.text, path, unsafe=unsafe_fixes)
        for message in result.result.errors:
            run.error(message)
        if not result.converged:
            run.error(f"{path}: fixes did not converge after {result.passes} passes; file left unchanged")
            continue
        applied += result.applied
        if result.text != source.text:
            changed += 1
            if diff:
                _print_diff(path, source.text, result.text)
            elif path == "-":
                sys.stdout.buffer.write(source.encode(result.text))
                sys.stdout.flush()
            else:
                write_atomic(path, source.encode(result.text))
        elif path == "-" and not diff:
            sys.stdout.buffer.write(source.encode(source.text))
            sys.stdout.flush()
        remaining.extend(result.findings)
        docs[path] = Document(result.text, path)
    if not diff:
        run.report(remaining, docs, stream=out)
    if fmt in ("text", "concise") or diff:
        verb = "Would fix" if diff else "Fixed"
        click.echo(f"{verb} {_plural(applied, 'finding')} in {_plural(changed, 'file')};"
                   f" {len(remaining)} remaining.", err=diff or out is sys.stderr)
    if run.errors:
        sys.exit(EXIT_ERROR)
    if diff:
        sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    if exit_non_zero_on_fix and changed:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_FINDINGS if remaining else EXIT_CLEAN)


def _print_diff(path: str, before: str, after: str) -> None:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=path, tofile=path,
    )
    for line in lines:
        click.echo(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n", nl=False)


@main.group(invoke_without_command=True)
@click.option("--styles", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Also list the rules in this folder.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def rules(ctx, styles, fmt):
    """List every rule: id, kind, level, fix, description."""
    try:
        loaded = load_rules(list(styles))
    except LintnewsError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    ctx.obj = loaded
    if ctx.invoked_subcommand is not None:
        return
    if fmt == "json":
        import json

        click.echo(json.dumps([_rule_info(r) for r in loaded], indent=2, ensure_ascii=False))
        return
    width = max(len(r.id) for r in loaded)
    kind_width = max(len(r.name) for r in loaded)
    click.echo(f"{'ID':<{width}}  {'KIND':<{kind_width}}  {'LEVEL':<10}  {'FIX':<7}  DESCRIPTION")
    for r in loaded:
        info = _rule_info(r)
        click.echo(f"{r.id:<{width}}  {r.name:<{kind_width}}  {info['level']:<10}  {info['fix']:<7}  {info['summary']}")


def _rule_info(rule) -> dict:
    summary = rule.description.splitlines()[0] if rule.description else rule.summary
    return {
        "id": rule.id, "kind": rule.name, "level": rule.severity.value,
        "fix": rule.applicability.value if rule.applicability else "-",
        "summary": summary, "path": rule.path,
    }


@rules.command("show")
@click.argument("rule_id")
@click.pass_obj
def rules_show(loaded, rule_id):
    """Explain one rule, with its bad, good and fixed examples."""
    matches = [r for r in loaded if r.id == rule_id] or [r for r in loaded if r.id.lower() == rule_id.lower()]
    if not matches:
        _error(f"unknown rule id '{rule_id}' (see `lintnews rules`)")
        sys.exit(EXIT_ERROR)
    r = matches[0]
    info = _rule_info(r)
    click.echo(f"{r.id}  ({r.name}, {info['level']}, fix: {info['fix']})")
    click.echo(f"defined in {r.path}")
    if r.values["link"]:
        click.echo(f"see {r.values['link']}")
    click.echo("")
    click.echo(r.description or r.summary)
    ex = r.examples
    for title, key in (("Bad", "bad"), ("Good", "good"), ("Fixed", "fixed")):
        if ex[key]:
            click.echo(f"\n{title}:")
            for sample in ex[key]:
                for line in sample.rstrip("\n").splitlines():
                    click.echo(f"    {line}")
                click.echo("")
