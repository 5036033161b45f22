"""``lintnews config``, ``init``, ``rules`` and ``kinds``: what is set up, and what there is."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import LintnewsError
from ..report.text import visible
from ..rules.backends.languagetool import backend_rule
from ..rules.backends.languagetool import status as lt_status
from ..rules.backends.languagetool.options import OPTIONS as LANGUAGETOOL_KEYS
from ..rules.base import SHARED
from ..rules.docs import first_sentence, rule_page, write_docs
from ..rules.loader import builtin_styles_dir
from ..rules.registry import registry
from ..rules.schema import Schema
from ..rules.vale_builtin import vale_rules
from ..rules.vocab import load_vocab
from ..run.config import (
    KEYS,
    OVERRIDE_KEYS,
    STARTER_CONFIG,
)
from ..run.selection import nearest
from ..run.session import Options, Session
from ..run.trust import ENV_SERVERS, USER_KEYS, Trust, user_config_path
from ..run.vale_ini import ValeConfigFinder, vale_levels, vale_styles_path
from ..version import __version__
from .common import EXIT_ERROR, say_error
from .rule_styles import (SUB_STYLES, configured, failed_to_load, level_shown, load_all, varies_by_file, not_loaded, per_path_changes, per_path_levels,
                          running, with_styles)
from .rule_test import rules_test
from .starters import pre_commit_config


@click.command("config")
@click.argument("path", default=".", required=False)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--isolated", is_flag=True)
@click.option("--keys", is_flag=True, help="List every configuration key with its type and meaning.")
@click.option("--allow-outside-paths", is_flag=True, help="Accept a project's styles and vocab outside the project.")
def config_cmd(path, config_path, isolated, keys, allow_outside_paths):
    """Print the settings that apply to PATH, and the file they came from; for a file, what a check of it
    runs (in-effect: its language, fail-on and every rule with its level, per-path overrides applied)."""
    if keys:
        _print_keys("Configuration keys (lintnews.yaml, .lintnews.yaml, [tool.lintnews])", KEYS)
        _print_keys("Keys of each per-path section", OVERRIDE_KEYS)
        _print_keys("Keys of the languagetool mapping", LANGUAGETOOL_KEYS)
        _print_keys(f"Keys of your own configuration ({user_config_path()})", USER_KEYS)
        return
    try:
        finder = ValeConfigFinder(config_path, isolated, Trust.load(allow_outside_paths=allow_outside_paths))
        settings = finder.settings_for(path)
        overrides = settings.overrides_for(path)
    except LintnewsError as exc:
        say_error(str(exc))
        sys.exit(EXIT_ERROR)
    data = settings.describe()
    source = data.pop("source")
    # The settings as keys a configuration file takes: Vale's choices for this file are shown as a comment
    # below (they come from its .vale.ini, not from a key).
    del data["vale"]
    vale = vale_levels(settings, path)
    click.echo(f"# settings for {visible(path)}")
    click.echo(f"# from {visible(source)}" if source else "# from built-in defaults (no configuration file found)")
    if vale:
        choice = getattr(settings, "vale", None)
        where = f" ({visible(choice.source)})" if getattr(choice, "source", None) else ""
        said = [f"{name} {', '.join(values)}" for name, values in (("select", vale[0].select), ("ignore", vale[0].ignore))
                if values]
        said += [f"severity {', '.join(f'{k}: {v}' for k, v in dict(vale[0].severity).items())}"] if vale[0].severity else []
        click.echo(f"# Vale's configuration{where} for this file: {'; '.join(said) or 'no styles'}")
    if overrides:
        click.echo("# per-path overrides that apply: " + ", ".join(visible(o.pattern) for o in overrides))
    for message in finder.warnings:
        click.echo(f"# {visible(message)}")
    if path != "-" and not Path(path).is_dir():
        data["in-effect"] = _in_effect(path, config_path, isolated, allow_outside_paths)
    import yaml  # for this command only: not imported by check or fix (0.008 s)

    click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True).rstrip())


def _in_effect(path: str, config_path, isolated: bool, allow_outside_paths: bool) -> dict:
    """What a check of the file at ``path`` runs, per-path overrides and a .vale.ini applied: its language,
    fail-on level, and every rule that runs with its level (the same choice ``check`` makes)."""
    session = Session(Options(config=config_path, isolated=isolated, allow_outside_paths=allow_outside_paths))
    try:
        linter, settings = session.linter_for(path)
    except LintnewsError as exc:
        say_error(str(exc))
        sys.exit(EXIT_ERROR)
    language = settings.language_for(settings.overrides_for(path))
    rules = {r.id: linter.levels.get(r.id, r.severity).value for r in sorted(linter.rules, key=lambda r: r.id)}
    return {"language": language, "fail-on": settings.fail_on, "rules": rules}


@click.command()
@click.argument("folder", default=".", required=False, type=click.Path(file_okay=False))
@click.option("--repo", metavar="URL", help="Hooks installed by pre-commit from this hosted copy of lintnews "
                                            "(default: local hooks running the installed lintnews).")
@click.option("--rev", metavar="REV", help="The tag or commit of --repo to use (e.g. v0.3.0).")
def init(folder, repo, rev):
    """Write a commented lintnews.yaml and a .pre-commit-config.yaml that runs as written (never overwriting)."""
    if bool(repo) != bool(rev):
        say_error("init: --repo and --rev go together (the hosted copy of lintnews and its tag or commit)")
        sys.exit(EXIT_ERROR)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    starter = STARTER_CONFIG.replace("{version}", __version__)  # the pages of the version that wrote it
    for name, content in (("lintnews.yaml", starter), (".pre-commit-config.yaml", pre_commit_config(repo, rev))):
        target = folder / name
        if target.exists():
            click.echo(f"{target} exists; left it alone.")
            continue
        target.write_text(content, encoding="utf-8")
        click.echo(f"Wrote {target}.")


@click.group(invoke_without_command=True)
@click.option("--styles", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Also list the rules in this folder.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def rules(ctx, styles, fmt):
    """List every rule: id, kind, level (the one in effect: the configuration's severity), fix, description.

    With the configuration found from the current folder: its styles and its vocab's Vocab.Rejected too, and
    under a Vale configuration Vale's built-in rules (Vale.Spelling, Vale.Repetition, Vale.Terms, Vale.Avoid).
    """
    try:
        settings = ValeConfigFinder().settings_for(".")
        loaded = load_all([*settings.styles, *styles])
        vocab = load_vocab(settings.vocab)
        reject = vocab.reject_rule()
        extra = [reject] if reject is not None else []
        if getattr(settings, "vale", None) is not None:  # a .vale.ini applies: Vale's built-in rules can run
            extra += vale_rules(vocab.accept, vocab.reject, {r.id for r in loaded + extra}, vale_styles_path(settings))
        loaded += extra
    except LintnewsError as exc:
        say_error(str(exc))
        sys.exit(EXIT_ERROR)
    ctx.obj = (loaded, [*settings.styles, *styles], extra, settings)
    if ctx.invoked_subcommand is not None:
        return
    levels = configured(loaded, settings)
    runs = running(loaded, settings)
    if fmt == "json":
        click.echo(json.dumps([{**_rule_info(r, levels, r.id in runs), "varies_by_file": varies_by_file(r, settings)}
                               for r in loaded], indent=2, ensure_ascii=False))
        sys.exit(EXIT_ERROR if not_loaded() else 0)
    try:
        backend = (backend_rule(dict(settings.languagetool), str(settings.source), settings.language, start=False)
                   if settings.languagetool is not None else None)
    except LintnewsError as exc:
        say_error(str(exc))
        sys.exit(EXIT_ERROR)
    width = max(len(r.id) for r in loaded)
    kind_width = max(len(r.name) for r in loaded)
    shown = {r.id: level_shown(r, levels) if r.id in runs else "off" for r in loaded}
    varying = {r.id for r in loaded if varies_by_file(r, settings)}
    shown = {i: f"{level} *" if i in varying else level for i, level in shown.items()}
    level_width = max(10, *map(len, shown.values()))
    click.echo(f"{'ID':<{width}}  {'KIND':<{kind_width}}  {'LEVEL':<{level_width}}  {'FIX':<7}  DESCRIPTION")
    for r in loaded:
        info = _rule_info(r, levels, r.id in runs)
        click.echo(f"{r.id:<{width}}  {r.name:<{kind_width}}  {shown[r.id]:<{level_width}}  {info['fix']:<7}  "
                   f"{info['summary']}")
    if varying:
        click.echo("\n* a section of the configuration changes the rule for the articles it matches: "
                   "`lintnews config FILE` gives one article's rules")
    click.echo("")
    if backend is not None and not settings.languagetool_allowed:
        click.echo(f"LanguageTool backend: off: {backend.options.url or 'local: true'} needs your consent "
                   f"(--allow-languagetool, {ENV_SERVERS} or {user_config_path()})")
    else:
        click.echo(lt_status(backend))
    if not_loaded():
        sys.exit(EXIT_ERROR)  # the rule files that did not load are said above, each with its problem


def _rule_info(rule, levels: dict, runs: bool = True) -> dict:
    summary = first_sentence(rule.description) if rule.description else rule.summary
    return {
        "id": rule.id, "kind": rule.name, "level": levels.get(rule.id, rule.severity).value,
        "file_level": rule.severity.value, "runs": runs,
        "fix": rule.applicability.value if rule.applicability else "-",
        "summary": summary, "path": rule.path,
    }


@rules.command("show")
@click.argument("rule_id")
@SUB_STYLES
@click.pass_obj
def rules_show(obj, rule_id, more):
    """Explain one rule, with its bad, good and fixed examples."""
    loaded = with_styles(obj, more)
    matches = [r for r in loaded if r.id == rule_id] or [r for r in loaded if r.id.lower() == rule_id.lower()]
    if not matches and failed_to_load(rule_id):
        say_error(f"rule '{rule_id}' did not load (see the error above)")
        sys.exit(EXIT_ERROR)
    if not matches:
        near = nearest(rule_id, [r.id for r in loaded])
        say_error(f"unknown rule id '{rule_id}' ({f'did you mean {near!r}? ' if near else ''}see `lintnews rules`)")
        sys.exit(EXIT_ERROR)
    click.echo(rule_page(matches[0], level=level_shown(matches[0], configured(loaded, obj[3]),
                                                       matches[0].id in running(loaded, obj[3]))), nl=False)
    per_path = per_path_levels(matches[0], obj[3])
    if per_path:
        click.echo(f"\nLevel for the articles of a per-path section: {visible(per_path)}")
    changes = per_path_changes(matches[0], obj[3])
    if changes:
        click.echo(f"\nFor the articles of a per-path section: {visible(changes)}")
    left_out = _left_out(loaded, matches[0], obj[3])
    if left_out:
        click.echo(f"\nNot run here: {left_out}")


def _left_out(loaded, rule, settings) -> str:
    """Why a check from the current folder does not run ``rule`` ("" when it does): the configuration's
    language, its ignore, a .vale.ini that bases on no style of it, a rule off unless selected, its select
    (a per-path section may still change that for some articles)."""
    from ..run.selection import matches
    from ..run.session import config_levels

    try:
        if rule.id in running(loaded, settings):
            return ""
    except LintnewsError:
        return ""  # a selector naming no rule: `lintnews check` reports it
    where = visible(str(getattr(settings, "source", None) or "the configuration"))
    language = getattr(settings, "language", None)
    if not rule.applies_to(language):
        return f"it runs only on articles in {', '.join(rule.languages)}; the language of {where} is {language}."
    levels = config_levels(settings)
    if any(matches(n, rule.id) for level in levels for n in level.ignore):
        return f"{where} ignores it."
    vale = getattr(settings, "vale", None)
    if vale is not None:
        return f"no section of {visible(str(vale.source))} bases on its style or turns it on."
    if not rule.enabled:
        return (f"it is off unless selected by its id; add it with `--extend-select {rule.id}` "
                f"or in the file's extend-select.")
    if any(level.select is not None for level in levels):
        return (f"the select of {where} leaves it out; add it with `--extend-select {rule.id.split('.')[0]}` "
                f"or in the file's extend-select.")
    return f"it is off by default; add it with `--extend-select {rule.id}`."


@rules.command("docs")
@click.argument("out", type=click.Path(file_okay=False))
@SUB_STYLES
@click.pass_obj
def rules_docs(obj, out, more):
    """Write a Markdown page per rule (OUT/<Style>/<Rule>.md) and an index (OUT/README.md)."""
    loaded = with_styles(obj, more)
    try:
        written = write_docs(loaded, Path(out), builtin_styles_dir(), getattr(obj[3], "docs_url", None))
    except OSError as exc:
        say_error(f"{exc.filename or out}: cannot write the rule pages: {exc.strerror or exc}")
        sys.exit(EXIT_ERROR)
    click.echo(f"Wrote {len(written) - 1} rule pages and {written[-1]}.")
    if not_loaded():
        sys.exit(EXIT_ERROR)


rules.add_command(rules_test)


@click.command()
@click.argument("kind", required=False)
def kinds(kind):
    """List the rule kinds (the values of extends:), or the keys one KIND takes."""
    found = registry()
    if kind is None:
        width = max(map(len, found))
        for name in sorted(found):
            click.echo(f"{name:<{width}}  {found[name].summary}")
        click.echo("\nThe keys every rule takes: `lintnews kinds shared`; one kind's: `lintnews kinds KIND`.")
        return
    if kind == "shared":
        _print_keys("Keys every rule takes", SHARED)
        return
    if kind not in found:
        say_error(f"unknown kind '{kind}' (one of: {', '.join(sorted(found))})")
        sys.exit(EXIT_ERROR)
    cls = found[kind]
    # The kind's module docstring, its code spans as the terminal lines around it write them (`swap`).
    doc = (sys.modules[cls.__module__].__doc__ or "").strip().replace("``", "`")
    click.echo(doc or f"{kind}: {cls.summary}")
    if cls.MESSAGE_FILLS is not None:  # what a message may hold: more is an error at load time (rules/rule_checks.py)
        verbs = " or ".join(f"%{v}" for v in cls.MESSAGE_VERBS)
        click.echo(f"\nIts message fills {cls.MESSAGE_FILLS} {verbs} placeholder"
                   f"{'s' if cls.MESSAGE_FILLS != 1 else ''}; a message with more is an error when the rule loads "
                   "(a warning in a rule in Vale's format).")
    _print_keys(f"Keys of {kind} (besides the shared ones: `lintnews kinds shared`)", Schema(cls.OPTIONS))
    for title, schema in getattr(cls, "PARTS", {}).items():
        _print_keys(title, schema)


def _print_keys(title: str, schema: Schema) -> None:
    click.echo(f"\n{title}:")
    rows = schema.describe()
    if not rows:
        click.echo("    (none)")
    for key, kind, text in rows:
        click.echo(f"    {key}  ({kind})")
        if text:
            click.echo(f"        {text}")
