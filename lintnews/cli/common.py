"""What the check and fix commands share: options, one run's flow, output helpers."""

from __future__ import annotations

import os
import sys
from collections import Counter

import click

from ..errors import LintnewsError
from ..report import FORMATS, ReportContext
from ..report.text import visible
from ..run.changed import only_changed
from ..run.globhint import anchored_globs
from ..run.session import Options, Session, failing
from .profile import print_profile
from .progress import progress_bar

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def split_ids(values, option: str) -> list[str]:
    """The rule ids and prefixes of an option given once or more, each a comma-separated list; one
    that names none (``--select ''``) is a usage error, not a select left out (every rule would run)."""
    if any(not value.replace(",", "").strip() for value in values):
        raise click.UsageError(f"{option} was given no rule id or prefix (an empty value)")
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def say_error(message: str) -> None:
    click.echo(f"error: {visible(message)}", err=True)


def say_warning(message: str) -> None:
    click.echo(f"warning: {visible(message)}", err=True)


def plural(n: int, word: str) -> str:
    """ "1 fix", "2 fixes", "3 files"."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word}{'es' if word.endswith(('s', 'x', 'ch', 'sh')) else 's'}"


def use_color(choice: str, stream) -> bool:
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
        click.option("--vale-config", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Use this Vale configuration (.vale.ini) for every article; --config's keys go on top."),
        click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
                     help="Output format."),
        click.option("--output", "-o", "output", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Write the report to FILE instead of standard output."),
        click.option("--statistics", is_flag=True, help="Print a count per rule instead of the findings."),
        click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary line."),
        click.option("--show-fixes", is_flag=True, help="Show what each fix would do."),
        click.option("--show-links", is_flag=True, help="Show the page that explains each finding's rule (docs-url)."),
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
                     help="Exit 2 when a backend or a rule could not run to the end (the LanguageTool server is "
                          "down, a pattern timed out, an article's time budget ran out)."),
        click.option("--allow-languagetool", is_flag=True,
                     help="Send paragraphs to the LanguageTool server a project's configuration names."),
        click.option("--allow-outside-paths", is_flag=True,
                     help="Read a project's styles and vocab folders even outside the project."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the results cache."),
        click.option("--profile", is_flag=True, help="Print the CPU time each rule took (one job, no cache) "
                                                     "to standard error."),
        click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR", envvar="LINTNEWS_CACHE_DIR",
                     help="Folder of the results cache (default: the config's cache-dir, else .lintnews_cache "
                          "beside the config, or in the current folder) [env: LINTNEWS_CACHE_DIR]."),
        click.option("--no-progress", is_flag=True, help="No progress bar (shown on a terminal for long runs)."),
        click.option("--changed-since", metavar="REF",
                     help="Only articles added, copied, modified or renamed since the git REF (its merge base "
                          "with HEAD), or in the working tree; each is checked whole."),
        click.option("--languagetool-local", is_flag=True,
                     help="Start LanguageTool on this machine (language-tool-python; needs Java 17+, downloads "
                          "LanguageTool on first use) and check with it; stopped at exit."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


class Run:
    """One invocation of check or fix: options in, report and exit status out."""

    def __init__(self, paths, kw):
        self.kw = kw
        self.options = Options(
            select=split_ids(kw["select"], "--select"), ignore=split_ids(kw["ignore"], "--ignore"),
            extend_select=split_ids(kw["extend_select"], "--extend-select"),
            styles=list(kw["styles"]), no_default_rules=kw["no_default_rules"], config=kw["config_path"],
            isolated=kw["isolated"], unsafe_fixes=kw.get("unsafe_fixes", False), fail_on=kw["fail_on"],
            stdin_filename=kw["stdin_filename"], allow_languagetool=kw["allow_languagetool"],
            allow_outside_paths=kw["allow_outside_paths"], languagetool_local=kw["languagetool_local"],
            baseline=kw.get("baseline"), vale_config=kw.get("vale_config"), use_baselines=not kw.get("write_baseline"),
            cache=not (kw["no_cache"] or kw["profile"]), cache_dir=kw["cache_dir"] or None, profile=kw["profile"],
        )
        self.errors: list[str] = []
        try:
            self.session = Session(self.options)
            collected = self.session.collect(paths)
            self.files = collected.files
            if kw.get("changed_since") is not None:
                self.files = only_changed(self.files, paths, kw["changed_since"])
            self.session.prepare(self.files)
        except LintnewsError as exc:
            session = getattr(self, "session", None)
            for message in session.load_errors if session is not None else ():
                say_error(message)  # a rule file that did not load: why a selector may name no rule
            say_error(str(exc))
            sys.exit(EXIT_ERROR)
        for message in [*collected.warnings, *anchored_globs(self.files, self.session.configs.settings_for)]:
            say_warning(message)
        for message in collected.errors:
            self.error(message)
        for message in self.session.configs.warnings:  # a server not contacted: once per configuration
            say_warning(message)
            if kw["strict"]:
                self.errors.append(message)
        for message in self.session.load_errors:  # a rule file skipped: the rest of its style runs; exit 2
            self.error(message)
        for message in self.session.load_warnings:  # an old kind name, a kind not supported: once each
            say_warning(message)
            if kw["strict"]:
                self.errors.append(message)
        for message in self.session.load_replaced:  # a style's rule replacing a built-in: perhaps on purpose
            say_warning(message)
        try:
            left_out = self.session.styles_left_out(self.files)  # --styles DIR whose rules the config leaves out
            left_out += self.session.runs_no_rule(self.files)  # --ignore News: nothing would be checked
        except LintnewsError:
            left_out = []  # a selector naming no rule: reported when the articles are checked
        for message in left_out:
            say_warning(message)

    def error(self, message: str) -> None:
        self.errors.append(message)
        say_error(message)

    def execute(self, mode: str):
        try:
            with progress_bar(self.kw, len(self.files), mode) as step:
                results = self.session.run(self.files, mode, 1 if self.kw["profile"] else self.kw["jobs"],
                                           progress=step)
            if self.session.timings is not None:
                print_profile(self.session.timings, len(self.files))
        except LintnewsError as exc:
            say_error(str(exc))
            sys.exit(EXIT_ERROR)
        seen = set()
        for r in results:
            for message in r.errors:
                self.error(message)
            for message in r.warnings + r.unfinished:
                if message not in seen:
                    seen.add(message)
                    say_warning(message)
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
                statistics(findings, out)
                return
            # By the path findings carry: for standard input, the --stdin-filename it is shown as.
            docs = {r.article.path: r.article.doc for r in results if r.article is not None}
            # The rules are loaded (a cached run may not have loaded them) only for formats that describe
            # them (SARIF) or link each finding to its rule's page (the link can come from the rule file).
            describe = self.kw["fmt"] in ("sarif", "json", "jsonl", "vale-json") or self.kw["show_links"]
            rules = self.session.rules_used(r.path for r in results) if describe else []
            ctx = ReportContext(docs=docs, rules=rules, stream=out,
                                color=not handle and use_color(self.kw["color"], out),
                                show_fixes=self.kw["show_fixes"],
                                unfinished={r.path: r.unfinished for r in results if r.unfinished},
                                fail_on={f.path: r.fail_on for r in results for f in r.findings},
                                errors=list(self.errors),
                                docs_url=self.docs_url(results), show_links=self.kw["show_links"])
            FORMATS[self.kw["fmt"]].render(findings, ctx)
        finally:
            if handle:
                handle.close()

    def docs_url(self, results) -> str | None:
        """The docs-url of the configuration of the first article (of the current folder if none)."""
        try:
            return self.session.configs.settings_for(results[0].path if results else ".").docs_url
        except (LintnewsError, OSError):
            return None

    def summary(self, text: str) -> None:
        """The closing line: on standard output unless a machine format is using it."""
        if self.kw["quiet"] or self.kw["fmt"] in ("line", "vale-json"):
            return  # Vale's own formats: Vale writes nothing else, and an editor plugin may read both streams
        human = self.kw["fmt"] in ("text", "concise") or self.kw["statistics"]  # the table is for people too
        click.echo(text, err=not human and not self.kw["output"])

    def unfinished(self, results) -> str:
        """A sentence for the summary when some rule did not finish on some file, else ""."""
        files = sum(1 for r in results if r.unfinished)
        return f" Not every rule finished on {plural(files, 'file')} (see the warnings)." if files else ""

    def exit(self, results) -> None:
        if self.errors:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FINDINGS if failing(results) else EXIT_CLEAN)


def statistics(findings, out) -> None:
    """Per rule: its count, its id, [*] when plain `lintnews fix` fixes some, and the level of its findings
    (a CI log has no colours to tell them by)."""
    counts = Counter(f.rule_id for f in findings)
    fixable = Counter(f.rule_id for f in findings if f.safe_fix)
    levels: dict[str, Counter] = {}
    for f in findings:
        levels.setdefault(f.rule_id, Counter())[f.severity.value] += 1
    for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if fixable[rule_id] else "   "  # safe fixes: applied by plain `lintnews fix`
        level = "/".join(level for level in ("error", "warning", "suggestion") if levels[rule_id][level])
        out.write(f"{n:>6}  {visible(rule_id):<32} {mark} {level}\n")
