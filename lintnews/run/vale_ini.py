"""Vale's ``.vale.ini`` as a lintnews configuration.

Where no lintnews configuration applies to an article, the Vale configuration Vale itself
would use is read: the first of ``.vale``, ``_vale``, ``vale.ini``, ``.vale.ini``,
``_vale.ini`` in the current folder or the nearest parent (Vale's search, internal/core
source.go; never a global file), or the file ``--vale-config`` names; a lintnews.yaml can name
one too (``vale-config: PATH``), its own keys then applying on top.

Its keys mean what they mean to Vale (internal/core/ini.go, internal/core/file.go and
internal/lint/lint.go's shouldRun):

- ``StylesPath`` (relative to the file) holds the styles; only those the file names are loaded.
  ``Packages`` must already be there (``vale sync``): nothing is downloaded. A synced package's
  own configuration (``StylesPath/.vale-config/*.ini``) is read first, the project's on top.
- ``BasedOnStyles`` in ``[*]`` applies to every file; in a glob section, the *last* matching
  section's list replaces it. ``Vale`` is Vale's built-in style.
- ``Style.Rule = YES/NO/suggestion/warning/error`` turns one rule on or off; a matching glob
  section's setting wins over ``[*]``'s, a later section's over an earlier one's, and either
  wins over the styles. A level is the rule's level wherever it runs (Vale keeps one per rule).
- ``MinAlertLevel``: rules below it do not run. ``Vocab``: ``StylesPath/config/vocabularies/NAME``
  (accept.txt, reject.txt). ``[formats]`` (``mdx = md``): a file is matched by its own path and
  by the path with the associated suffix.
- ``IgnoredScopes``, ``SkippedScopes``, ``BlockIgnores``, ``TokenIgnores``: lintnews's
  ``ignored-scopes``, ``skipped-scopes``, ``block-ignores``, ``token-ignores``. Each section keeps
  its own BlockIgnores and TokenIgnores: they apply to a file when the section's glob matches its
  extension (``.md``, as Vale matches them: internal/lint/html.go), ``[*]``'s to every file.

The choice is made per article as the first level of the selection (run/selection.py): a
lintnews.yaml's keys and the command line's flags come after it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath

from ..errors import ConfigError
from ..findings import Severity
from ..read.markup_ignores import vale_extension
from . import markup_config
from .config import ConfigFinder, Settings
from .files import ARTICLE_SUFFIXES
from .selection import Level, Selection
from .trust import Trust
from .vale_ini_read import CORE, Ini, ValeGlob, compile_glob, read_ini

VALE_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")
ALERT_LEVELS = ("suggestion", "warning", "error")
RULE_VALUES = ("YES", "NO", *ALERT_LEVELS)
CORE_KEYS = frozenset({"StylesPath", "MinAlertLevel", "IgnoredScopes", "WordTemplate", "SkippedScopes",
                       "IgnoredClasses", "Vocab", "NLPEndpoint", "Packages"})
SECTION_KEYS = frozenset({"BasedOnStyles", "IgnorePatterns", "BlockIgnores", "CommentDelimiters", "TokenIgnores",
                          "Transform", "Lang"})
NOT_GLOBS = frozenset({CORE, "*", "DEFAULT", "formats", "asciidoctor"})
SCOPE_KEYS = {"IgnoredScopes": "ignored-scopes", "SkippedScopes": "skipped-scopes",
              "BlockIgnores": "block-ignores", "IgnorePatterns": "block-ignores", "TokenIgnores": "token-ignores",
              "IgnoredClasses": "ignored-classes"}
BUILTIN_STYLE = "Vale"
MARKDOWN, TEXT = ("md", "markdown"), ("txt",)  # the formats [formats] can map a suffix to that lintnews reads
# Source code's suffixes (Vale's internal/core/format.go): mapped to Markdown, Vale reads their comments as
# Markdown fragments, which lintnews does not read (source-code comments are out of its scope).
CODE = re.compile(r"(?:[rc]?py[3w]?|[Ss][Cc]onstruct|clj[sc]?|cljd|cpp|cc|c|cp|cxx|c\+\+|h|hpp|h\+\+|css|cs|csx|go|"
                  r"hs|java|bsh|jl|jsx?|lua|php|pl|pm|pod|proto|ps1|psm1|psd1|rb|Gemfile|Rakefile|Brewfile|gemspec|"
                  r"rs|[rR]|sass|less|scala|sbt|swift|tsx?|ya?ml)")
SKIPPED_FOLDERS = ("node_modules/", ".git/")  # folders Vale never walks into (internal/core/util.go)


@dataclass(frozen=True)
class Section:
    """A glob section: its ``BasedOnStyles`` (None: not set there) and its rules turned on or off."""

    glob: ValeGlob
    styles: tuple[str, ...] | None
    checks: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class ValeChoice:
    """What a Vale configuration runs on each file."""

    source: str
    styles: tuple[str, ...] = ()  # [*]'s BasedOnStyles
    checks: tuple[tuple[str, bool], ...] = ()  # [*]'s rules turned on or off
    sections: tuple[Section, ...] = ()
    levels: tuple[tuple[str, str], ...] = ()  # rule id -> level (Vale's RuleToLevel)
    min_level: str = "warning"
    formats: tuple[tuple[str, str], ...] = ()  # suffix -> the suffix it is read as ([formats])
    styles_path: Path | None = None  # where Vale.Spelling finds config/dictionaries and config/ignore

    def paths(self, path: str) -> list[str]:
        """The paths Vale matches a file by: as given (relative to the current folder when under it),
        and with its suffix replaced as ``[formats]`` says."""
        absolute = os.path.abspath(path)
        rel = os.path.relpath(absolute, os.getcwd())
        shown = PurePosixPath(Path(absolute if rel.startswith("..") else rel)).as_posix()
        suffix, normed = vale_extension(shown, self.formats)
        return [shown] + ([shown[: len(shown) - len(suffix)] + normed] if normed else [])

    def read_as(self, path: str) -> str | None:
        """The format (md, markdown, txt) ``[formats]`` has lintnews read the file at ``path`` as; None:
        its own."""
        return _read_as(*vale_extension(path, self.formats))

    def level(self, path: str) -> Level:
        """The first level of the selection for the file at ``path`` (see the module's doc)."""
        styles, checks = self.styles, {}
        for candidate in self.paths(path):
            for section in self.sections:
                if section.glob.match(candidate):
                    styles = section.styles if section.styles is not None else styles
                    checks.update(section.checks)
        merged = {**dict(self.checks), **checks}
        select = (*styles, *(k for k, on in merged.items() if on))
        # Vocab.Rejected (lintnews's reject-list rule) runs only through Vale.Avoid here, as in Vale.
        ignore = (*(k for k, on in merged.items() if not on), "Vocab.Rejected")
        return Level(select, (), ignore, self.levels, self.source, "")


def _read_as(suffix: str, normed: str | None) -> str | None:
    """``normed`` when lintnews reads a file with this suffix as that format ([formats]); None: its own (a
    source file mapped to Markdown is Markdown in comments: not read)."""
    return normed if normed in MARKDOWN + TEXT and not CODE.fullmatch(suffix) else None


def find_vale_ini(folder: Path) -> Path | None:
    """The Vale configuration Vale would find from ``folder``: there or in the nearest parent."""
    for parent in (folder, *folder.parents):
        for name in VALE_NAMES:
            if (parent / name).is_file():
                return parent / name
    return None


def vale_settings(path: Path, trust: Trust | None = None, warnings: list[str] | None = None) -> Settings:
    """lintnews settings from the Vale configuration at ``path`` (see the module's doc); ``warnings``
    collects a line for a setting that does nothing (``Style = NO``, as in Vale)."""
    trust = trust or Trust()
    warnings = warnings if warnings is not None else []
    ini = read_ini(path)
    root = path.parent.resolve()
    for key in ini.keys(CORE):
        if key in SECTION_KEYS:
            ini.fail(f"'{key}' is a syntax-specific option: put it under a section such as [*]", CORE, key)
    styles_path = _styles_path(ini, root, trust)
    if styles_path is not None:
        ini = _with_packages(ini, styles_path)
    settings = Settings(source=path, root=root)
    settings.exclude = list(SKIPPED_FOLDERS)
    level = ini.value(CORE, "MinAlertLevel") if "MinAlertLevel" in ini.keys(CORE) else "suggestion"  # Vale's default since Nov 2024
    if level not in ALERT_LEVELS:
        ini.fail(f"MinAlertLevel must be suggestion, warning or error, not {level!r}", CORE, "MinAlertLevel")
    settings.vocab = [_vocab(ini, styles_path, name) for name in ini.values(CORE, "Vocab")]
    levels: dict[str, str] = {}
    scopes: dict[str, list[str]] = {v: [] for v in SCOPE_KEYS.values()}
    for key in ("IgnoredScopes", "SkippedScopes", "IgnoredClasses"):
        scopes[SCOPE_KEYS[key]] += ini.values(CORE, key)
    styles, checks = _section(ini, "*", levels, scopes, warnings) if "*" in ini.sections else ((), ())
    styles = styles or ()
    sections, ignores = [], []
    for name in ini.sections:
        if name in NOT_GLOBS:
            continue
        try:
            glob = compile_glob(name, str(path))
        except ValueError as exc:
            raise ConfigError(str(path), f"section [{name}]: the glob cannot be used: {exc}") from None
        own = {key: [] for key in ("block-ignores", "token-ignores")}  # each section keeps its own (Vale)
        sec_styles, sec_checks = _section(ini, name, levels, {**scopes, **own}, warnings)
        sections.append(Section(glob, sec_styles, sec_checks))
        if own["block-ignores"] or own["token-ignores"]:
            ignores.append((glob, tuple(own["block-ignores"]), tuple(own["token-ignores"])))
    named = {*styles, *(s for sec in sections for s in sec.styles or ()),
             *(k.split(".")[0] for sec in sections for k, _ in sec.checks), *(k.split(".")[0] for k, _ in checks)}
    based = {*styles, *(s for sec in sections for s in sec.styles or ())}
    settings.styles = _style_folders(ini, styles_path, named, based)
    settings.vale = ValeChoice(str(path), tuple(styles), checks, tuple(sections), tuple(sorted(levels.items())),
                               level, tuple((k.lstrip("."), ini.value("formats", k).lstrip("."))
                                            for k in ini.keys("formats")), styles_path)
    checked = {**scopes, "block-ignores": scopes["block-ignores"] + [p for _, *own in ignores for ps in own for p in ps]}
    settings.markup = markup_config.read(lambda message: ini.fail(message, CORE, "BlockIgnores"),
                                         {k: v for k, v in checked.items() if v}, str(path))
    if ignores:  # all checked above; [*]'s apply to every file, a section's to the files it matches
        settings.markup = replace(settings.markup, block_ignores=tuple(scopes["block-ignores"]),
                                  token_ignores=tuple(scopes["token-ignores"]), sections=tuple(ignores),
                                  formats=settings.vale.formats)
    return settings


def _section(ini: Ini, name: str, levels: dict[str, str], scopes: dict[str, list[str]], warnings: list[str]):
    """(BasedOnStyles or None, rules on or off) of a section; its scope keys go into ``scopes``."""
    styles = None
    checks: dict[str, bool] = {}
    for key in ini.keys(name):
        if key in CORE_KEYS:
            ini.fail(f"'{key}' is a core option: put it above every [section]", name, key)
        if key == "BasedOnStyles":
            styles = tuple(ini.values(name, key))
        elif key in SCOPE_KEYS:
            scopes[SCOPE_KEYS[key]] += [v for v in ini.values(name, key) if v not in scopes[SCOPE_KEYS[key]]]
        elif key in SECTION_KEYS:
            continue  # CommentDelimiters, Transform, Lang: formats and languages lintnews does not read
        else:
            value = ini.value(name, key)
            if value not in RULE_VALUES:
                ini.fail(f"[{name}] {key} = {value!r}: a rule is set to YES, NO, suggestion, warning or error",
                         name, key)
            if "." not in key:  # Vale looks rules up by Style.Rule: a style's name alone turns nothing on or off
                warnings.append(f"{ini.path}: line {ini.lines.get((name, key))}: [{name}] {key} = {value} does "
                                f"nothing (as in Vale): name the style in BasedOnStyles, or its rules one by one")
                continue
            checks[key] = value != "NO"
            if value in ALERT_LEVELS:
                levels[key] = value
    return styles, tuple(checks.items())


def _styles_path(ini: Ini, root: Path, trust: Trust) -> Path | None:
    if "StylesPath" not in ini.keys(CORE):
        return None
    name = ini.value(CORE, "StylesPath")
    folder = root / os.path.expanduser(name)
    real = folder.resolve()
    if not real.is_relative_to(root) and not trust.allows_folder(real):
        ini.fail(trust.folder_refused("StylesPath", name, real, root), CORE, "StylesPath")
    if not folder.is_dir():
        ini.fail(f"StylesPath: folder not found: {folder}", CORE, "StylesPath")
    return folder


def _with_packages(ini: Ini, styles_path: Path) -> Ini:
    """The configuration with its synced packages' own configurations read first; a package
    that is not in ``styles_path`` is an error that says to run `vale sync`."""
    pipeline = styles_path / ".vale-config"
    pieces = sorted(pipeline.glob("*.ini")) if pipeline.is_dir() else []
    for package in ini.values(CORE, "Packages"):
        name = package.rstrip("/").rsplit("/", 1)[-1].removesuffix(".zip")
        if not (styles_path / name).is_dir() and not any(p.stem.split("-", 1)[-1] == name for p in pieces):
            ini.fail(f"package '{name}' is not in {styles_path}: run `vale sync` to download it", CORE, "Packages")
    if not pieces:
        return ini
    merged = Ini(ini.path, {CORE: {}})
    for piece in pieces:
        merged.merge(read_ini(piece))
    merged.merge(ini)
    merged.lines = ini.lines
    return merged


def _vocab(ini: Ini, styles_path: Path | None, name: str) -> Path:
    if styles_path is None:
        ini.fail(f"Vocab '{name}' needs a StylesPath (its lists are in StylesPath/config/vocabularies/{name})",
                 CORE, "Vocab")
    folder = styles_path / "config" / "vocabularies" / name
    if not folder.is_dir():
        ini.fail(f"Vocab '{name}': folder not found: {folder}", CORE, "Vocab")
    return folder


def _style_folders(ini: Ini, styles_path: Path | None, named: set[str], based: set[str]) -> list[Path]:
    """The folders of the styles the configuration names; a style in a BasedOnStyles that is not
    there is an error (a rule named alone of a missing style is left out, as Vale does)."""
    folders = []
    for style in sorted(named - {BUILTIN_STYLE}):
        folder = styles_path / style if styles_path is not None else None
        if folder is not None and folder.is_dir():
            folders.append(folder)
        elif style in based:
            where = f"in {styles_path}" if styles_path is not None else "(no StylesPath is set)"
            ini.fail(f"BasedOnStyles: style '{style}' not found {where}", *_where_based(ini, style))
    return folders


def _where_based(ini: Ini, style: str) -> tuple[str, str]:
    for name in ini.sections:
        if style in ini.values(name, "BasedOnStyles"):
            return name, "BasedOnStyles"
    return CORE, "BasedOnStyles"


def on_top(vale: Settings, settings: Settings) -> Settings:
    """``settings`` (a lintnews.yaml naming ``vale``'s file) built on the Vale configuration."""
    settings.styles = [*vale.styles, *settings.styles]
    settings.vocab = [*vale.vocab, *settings.vocab]
    settings.vale = vale.vale
    settings.markup = settings.markup if settings.markup is not None else vale.markup  # lintnews.yaml's keys win
    return settings


def vale_levels(settings: Settings, path: str) -> tuple[Level, ...]:
    """The Vale configuration's choice for the article at ``path`` (none without one)."""
    choice = getattr(settings, "vale", None)
    return (choice.level(path),) if choice is not None and path != "-" else ()


def vale_loaded(pool: list, settings: Settings) -> list:
    """The rules of ``pool`` Vale itself loads for the configuration behind ``settings``: every rule of a
    style some section bases on, and each rule a section names (check/manager.go NewManager); whether
    one of them reads sentences decides whether Vale cuts paragraphs into sentences. Without a Vale
    configuration, all of them."""
    choice = getattr(settings, "vale", None)
    if choice is None:
        return pool
    styles = {*choice.styles, *(s for sec in choice.sections for s in sec.styles or ())}
    named = {k for k, _ in choice.checks} | {k for sec in choice.sections for k, _ in sec.checks}
    return [r for r in pool if not getattr(r, "vale", False) or r.id.split(".")[0] in styles or r.id in named]


def vale_styles_path(settings: Settings) -> Path | None:
    """The StylesPath of the Vale configuration behind ``settings`` (None: none)."""
    choice = getattr(settings, "vale", None)
    return choice.styles_path if choice is not None else None


def above_min_level(selection: Selection, settings: Settings) -> Selection:
    """The selection without the rules below the Vale configuration's MinAlertLevel."""
    choice = getattr(settings, "vale", None)
    if choice is None or choice.min_level == "suggestion":
        return selection
    floor = Severity(choice.min_level).rank
    selection.rules = [r for r in selection.rules if selection.levels.get(r.id, r.severity).rank >= floor]
    return selection


def vale_reader(settings: Settings, path: str, linter):
    """How ``linter`` reads the article at ``path`` when the Vale configuration's ``[formats]`` maps its
    suffix to Markdown or text (``mdx = md``); None: by its own suffix."""
    choice = getattr(settings, "vale", None)
    normed = choice.read_as(path) if choice is not None else None
    if normed is None:
        return None
    return partial(linter.read, as_markdown=normed in MARKDOWN)


class ValeConfigFinder(ConfigFinder):
    """The configuration finder that also reads Vale's: ``vale_config`` (``--vale-config``) for every
    article, else a lintnews.yaml's ``vale-config``, else the Vale file found from the current
    folder where no lintnews configuration applies."""

    def __init__(self, config=None, isolated: bool = False, trust: Trust | None = None,
                 vale_config: str | Path | None = None):
        self._vale: dict[Path, Settings] = {}
        super().__init__(config, isolated, trust)
        if vale_config:
            vale = self._vale_settings(Path(vale_config))
            self.fixed = on_top(vale, self.fixed) if self.fixed is not None else vale
        elif not isolated and self.fixed is None:
            found = find_vale_ini(Path(os.getcwd()))
            if found is not None:
                self.default = self._vale_settings(found)

    def suffixes(self) -> tuple[str, ...]:
        """The suffixes of the articles a folder gives: lintnews's, and those ``[formats]`` maps to them."""
        extra = {f".{suffix}" for s in self._vale.values() for suffix, normed in s.vale.formats
                 if _read_as(suffix, normed)}
        return ARTICLE_SUFFIXES + tuple(sorted(extra - set(ARTICLE_SUFFIXES)))

    def _vale_settings(self, path: Path) -> Settings:
        key = path.resolve()
        if key not in self._vale:
            if not path.is_file():
                raise ConfigError(str(path), "Vale configuration not found")
            self._vale[key] = vale_settings(path, self.trust, self.warnings)
        return self._vale[key]

    def _read(self, path: Path) -> Settings | None:
        settings = super()._read(path)
        if settings is not None and settings.vale_config is not None:
            ini, root = settings.vale_config, settings.root
            folder = ini.resolve().parent
            if not (root.is_relative_to(folder) or folder.is_relative_to(root) or self.trust.allows_folder(folder)):
                raise ConfigError(str(path), self.trust.folder_refused("vale-config", str(ini), ini.resolve(), root))
            if not ini.is_file():
                raise ConfigError(str(path), f"key 'vale-config': Vale configuration not found: {ini}")
            on_top(self._vale_settings(ini), settings)
        return settings
