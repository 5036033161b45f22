"""The ``lintnews`` command: a thin layer over :mod:`lintnews.runner` and the API."""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections import Counter
from pathlib import Path

import click
import yaml

from .. import __version__
from ..run.baseline import apply_baseline
from ..run.baseline import write_baseline as save_baseline
from ..run.config import PRE_COMMIT_SNIPPET, STARTER_CONFIG, ConfigFinder
from ..read.document import Document
from ..errors import LintnewsError
from ..rules.backends.languagetool import backend_rule
from ..rules.backends.languagetool import status as lt_status
from ..rules.loader import load_rules
from ..read.source import BOM
from ..report import FORMATS, ReportContext
from ..run.session import Options, Session, failing

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def common_options(f):
    options = [
        click.option("--select", multiple=True, metavar="IDS", help="Only these rule ids or prefixes (comma-separated)."),
        click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids or prefixes (comma-separated)."),
        click.option("--extend-select", multiple=True, metavar="IDS", help="Add these rules to the selection."),
        click.option("--styles", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
                     help="A folder of your own rules (<DIR>/<Style>/<Rule>.yml); repeatable."),
        click.option("--no-default-rules", is_flag=True, help="Use only the rules from --styles and the config."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Use this configuration file instead of searching for one."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
                     help="Output format."),
        click.option("--output", "-o", "output", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Write the report to FILE instead of standard output."),
        click.option("--statistics", is_flag=True, help="Print a count per rule instead of the findings."),
        click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary line."),
        click.option("--show-fixes", is_flag=True, help="Show what each fix would do."),
        click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                     help="Colour the text output (auto: on a terminal, unless NO_COLOR)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Files checked in parallel (default: all cores)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "suggestion"]), default=None,
                     help="Exit 1 only for findings at or above this level (default: the config's, else suggestion)."),
        click.option("--report-unused-suppressions", is_flag=True,
                     help="Report lintnews-disable comments that suppress nothing."),
        click.option("--stdin-filename", metavar="PATH", help="The path to report (and to find config for) when reading -."),
        click.option("--strict", is_flag=True,
                     help="Exit 2 when a backend could not run (e.g. the LanguageTool server is down)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


class Run:
    """One invocation of check or fix: options in, report and exit status out."""

    def __init__(self, paths, kw):
        self.kw = kw
        self.options = Options(
            select=_split(kw["select"]), ignore=_split(kw["ignore"]), extend_select=_split(kw["extend_select"]),
            styles=list(kw["styles"]), no_default_rules=kw["no_default_rules"], config=kw["config_path"],
            isolated=kw["isolated"], unsafe_fixes=kw.get("unsafe_fixes", False), fail_on=kw["fail_on"],
            stdin_filename=kw["stdin_filename"],
        )
        self.errors: list[str] = []
        try:
            self.session = Session(self.options)
            self.files, missing = self.session.collect(paths)
        except LintnewsError as exc:
            _error(str(exc))
            sys.exit(EXIT_ERROR)
        for message in missing:
            self.error(message)

    def error(self, message: str) -> None:
        self.errors.append(message)
        _error(message)

    def execute(self, mode: str):
        try:
            results = self.session.run(self.files, mode, self.kw["jobs"])
        except LintnewsError as exc:
            _error(str(exc))
            sys.exit(EXIT_ERROR)
        seen = set()
        for r in results:
            for message in r.errors:
                self.error(message)
            for message in r.warnings:
                if message not in seen:
                    seen.add(message)
                    click.echo(f"warning: {message}", err=True)
            if self.kw["report_unused_suppressions"]:
                r.findings = sorted(r.findings + r.unused_suppressions, key=lambda f: f.sort_key())
        if seen and self.kw["strict"]:
            self.errors.extend(sorted(seen))
        return results

    def report(self, results, stream=None) -> None:
        findings = [f for r in results for f in r.findings]
        output = self.kw["output"]
        handle = open(output, "w", encoding="utf-8") if output else None
        out = handle or stream or sys.stdout
        try:
            if self.kw["statistics"]:
                _statistics(findings, out)
                return
            docs = _Docs({r.path: r.text for r in results if not r.errors or r.text})
            ctx = ReportContext(docs=docs, rules=self.session.rules_used(r.path for r in results), stream=out,
                                color=not handle and _use_color(self.kw["color"], out),
                                show_fixes=self.kw["show_fixes"])
            FORMATS[self.kw["fmt"]].render(findings, ctx)
        finally:
            if handle:
                handle.close()

    def summary(self, text: str) -> None:
        """The closing line: on standard output unless a machine format is using it."""
        if self.kw["quiet"]:
            return
        human = self.kw["fmt"] in ("text", "concise") and not self.kw["statistics"]
        click.echo(text, err=not human and not self.kw["output"])

    def exit(self, results) -> None:
        if self.errors:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FINDINGS if failing(results) else EXIT_CLEAN)


class _Docs(dict):
    """path -> Document, built only when a reporter asks (the text format does, json does not)."""

    def __init__(self, texts: dict[str, str]):
        super().__init__()
        self.texts = texts

    def __missing__(self, path):
        if path not in self.texts:
            raise KeyError(path)
        doc = self[path] = Document(self.texts[path], path)
        return doc

    def get(self, path, default=None):
        try:
            return self[path]
        except KeyError:
            return default

    def __contains__(self, path):
        return path in self.texts

    def __iter__(self):
        return iter(self.texts)

    def __len__(self):
        return len(self.texts)

    def keys(self):
        return self.texts.keys()

    def items(self):
        return ((path, self[path]) for path in self.texts)

    def values(self):
        return (self[path] for path in self.texts)


def _statistics(findings, out) -> None:
    counts = Counter(f.rule_id for f in findings)
    fixable = Counter(f.rule_id for f in findings if f.fixable)
    for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if fixable[rule_id] else "   "  # safe fixes: applied by plain `lintnews fix`
        out.write(f"{n:>6}  {rule_id:<32} {mark}\n")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lintnews")
def main():
    """lintnews: an editorial linter and normalizer for news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
@click.option("--baseline", metavar="FILE", help="Report only findings not recorded in this baseline.")
@click.option("--write-baseline", metavar="FILE", help="Record today's findings in FILE (they are then not reported).")
def check(paths, baseline, write_baseline, **kw):
    """Report findings in articles (files, folders, or - for standard input).

    Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage,
    configuration or input error.
    """
    run = Run(paths, kw)
    results = run.execute("check")
    if write_baseline:
        n = save_baseline(write_baseline, results)
        click.echo(f"Wrote {_plural(n, 'finding')} to baseline {write_baseline}.", err=True)
        sys.exit(EXIT_ERROR if run.errors else EXIT_CLEAN)
    if baseline:
        try:
            apply_baseline(baseline, results)
        except LintnewsError as exc:
            _error(str(exc))
            sys.exit(EXIT_ERROR)
    run.report(results)
    findings = [f for r in results for f in r.findings]
    checked = sum(1 for r in results if not r.errors or r.text)
    if findings:
        fixable = sum(f.fixable for f in findings)
        unsafe = sum(f.has_fix and not f.fixable for f in findings)
        more = f", {unsafe} more with --unsafe-fixes" if unsafe else ""
        run.summary(f"Found {_plural(len(findings), 'finding')} in {_plural(checked, 'file')}"
                    f" ({fixable} fixable with `lintnews fix`{more}).")
    elif checked:
        run.summary(f"All clean: no findings in {_plural(checked, 'file')}.")
    elif not run.errors:
        run.summary("No articles to check (.txt, .md, .markdown; see exclude and .gitignore).")
    run.exit(results)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes marked unsafe.")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when a file was changed (for pre-commit).")
def fix(paths, diff, exit_non_zero_on_fix, **kw):
    """Fix findings in place (or print the fixed text for -), then report what is left.

    Exit status: 0 nothing left at or above --fail-on, 1 findings left (or,
    with --diff, changes to make), 2 usage, configuration or input error.
    """
    run = Run(paths, kw)
    results = run.execute("diff" if diff else "fix")
    stdin_fixed = any(r.path == "-" for r in results) and not diff
    for r in results:
        if r.errors and not r.text:
            continue
        if diff and r.changed:
            _print_diff(r.path, r.original, r.text)
        elif r.path == "-" and not diff:
            sys.stdout.buffer.write((BOM if r.bom else b"") + r.text.encode("utf-8"))
            sys.stdout.flush()
    if kw["show_fixes"]:
        for r in results:
            if r.applied:
                click.echo(f"{r.path}: applied {_plural(r.applied, 'fix')}", err=stdin_fixed or diff)
    if not diff:
        run.report(results, stream=sys.stderr if stdin_fixed else None)
    applied = sum(r.applied for r in results)
    changed = sum(1 for r in results if r.changed)
    remaining = sum(len(r.findings) for r in results)
    verb = "Would fix" if diff else "Fixed"
    message = f"{verb} {_plural(applied, 'finding')} in {_plural(changed, 'file')}; {remaining} remaining."
    if not kw["quiet"]:
        click.echo(message, err=diff or stdin_fixed)
    if run.errors:
        sys.exit(EXIT_ERROR)
    if diff:
        sys.exit(EXIT_FINDINGS if changed else EXIT_CLEAN)
    if exit_non_zero_on_fix and changed:
        sys.exit(EXIT_FINDINGS)
    run.exit(results)


def _print_diff(path: str, before: str, after: str) -> None:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=path, tofile=path)
    for line in lines:
        click.echo(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n", nl=False)


@main.command("config")
@click.argument("path", default=".", required=False)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--isolated", is_flag=True)
def config_cmd(path, config_path, isolated):
    """Print the settings that apply to PATH, and the file they came from."""
    try:
        settings = ConfigFinder(config_path, isolated).settings_for(path)
        overrides = settings.overrides_for(path)
    except LintnewsError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    data = settings.describe()
    source = data.pop("source")
    click.echo(f"# settings for {path}")
    click.echo(f"# from {source}" if source else "# from built-in defaults (no configuration file found)")
    if overrides:
        click.echo("# per-path overrides that apply: " + ", ".join(o.pattern for o in overrides))
    click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).rstrip())


@main.command()
@click.argument("folder", default=".", required=False, type=click.Path(file_okay=False))
def init(folder):
    """Write a commented lintnews.yaml and a .pre-commit-config.yaml snippet (never overwriting)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (("lintnews.yaml", STARTER_CONFIG), (".pre-commit-config.yaml", PRE_COMMIT_SNIPPET)):
        target = folder / name
        if target.exists():
            click.echo(f"{target} exists; left it alone.")
            continue
        target.write_text(content, encoding="utf-8")
        click.echo(f"Wrote {target}.")


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
        click.echo(json.dumps([_rule_info(r) for r in loaded], indent=2, ensure_ascii=False))
        return
    try:
        settings = ConfigFinder().settings_for(".")
        backend = (backend_rule(dict(settings.languagetool), str(settings.source), settings.language)
                   if settings.languagetool is not None else None)
    except LintnewsError as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    width = max(len(r.id) for r in loaded)
    kind_width = max(len(r.name) for r in loaded)
    click.echo(f"{'ID':<{width}}  {'KIND':<{kind_width}}  {'LEVEL':<10}  {'FIX':<7}  DESCRIPTION")
    for r in loaded:
        info = _rule_info(r)
        click.echo(f"{r.id:<{width}}  {r.name:<{kind_width}}  {info['level']:<10}  {info['fix']:<7}  {info['summary']}")
    click.echo("")
    click.echo(lt_status(backend))


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
    keys = {k: r.values[k] for k, opt in r.OPTIONS.items() if r.values[k] not in (opt.default, None)}
    if keys:
        click.echo("\nKeys:")
        for key, value in keys.items():
            shown = json.dumps(value, ensure_ascii=False)
            click.echo(f"    {key}: {shown if len(shown) <= 100 else shown[:97] + '...'}")
    ex = r.examples
    for title, key in (("Bad", "bad"), ("Good", "good"), ("Fixed", "fixed")):
        if ex[key]:
            click.echo(f"\n{title}:")
            for sample in ex[key]:
                for line in sample.rstrip("\n").splitlines():
                    click.echo(f"    {line}")
                click.echo("")
