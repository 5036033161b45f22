"""The results cache: an article's findings kept per (its bytes, its path, the settings that checked it).

A second run over unchanged articles reads their findings back instead of
linting them again, as ruff does. Each entry is one small JSON file, named by
a hash of everything the findings depend on:

- the settings' key (:func:`settings_key`): lintnews's version and a
  fingerprint of its installed files (code, data, built-in rules), the
  versions of the libraries whose data rules read, the configuration file's
  contents and its parsed values, every rule file's contents (built-in,
  ``styles``, ``--styles``), the vocabulary files' contents, and the
  command line's rule selection;
- the article's path as reported, and its bytes.

Any change to one of them is another key, so an edited rule file, setting,
word list or article is linted again. Only complete results are kept: a
result with an error, a warning (a backend that is down) or a rule that did
not finish is never stored, and no result is stored for a configuration that
sends articles to a LanguageTool server (its answers are not ours to keep).

Entries are written to a temporary file and renamed into place, so parallel
workers and concurrent runs never see half an entry; an entry that cannot be
read back exactly (truncated, edited, from another format) is a miss and is
written again. A cache folder that cannot be written is simply not used.
Entries hold JSON, never pickles: nothing in the cache folder is executed.

The reporters need the article's text (source lines, positions): a hit
re-reads the file, which is cheap, and builds a document of its text and
lines (:func:`restored_article`); positions are computed from the text again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from ..errors import LintnewsError
from ..findings import Applicability, Edit, Finding, Fix, Severity
from ..read.article import Article
from ..read.atomic import write_atomically
from ..read.document import Document
from ..read.tables import library_identity
from ..rules.loader import builtin_styles_dir, rule_files
from ..version import __version__

CACHE_NAME = ".lintnews_cache"
ENV_CACHE_DIR = "LINTNEWS_CACHE_DIR"
FORMAT = "v1"  # the entries' layout; a new layout is a new folder
# Libraries whose data or behaviour the rules' findings depend on, by the name they are imported by.
LIBRARIES = ("wordfreq", "symspellpy", "ftfy", "regex", "markdown_it", "yaml")
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by lintnews.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
GITIGNORE = "# Created by lintnews: the results cache is never committed.\n*\n"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """lintnews's version, Python's, the libraries' installed files, and every installed file's size and time.

    An editable checkout changes its code without changing its version: the
    files' sizes and modification times see that (a stat each, no reading).
    A library is known by its ``__init__`` (``library_identity``), not by
    importlib.metadata's version: importing that cost 0.013 s of a run whose
    articles were all in the cache.
    """
    h = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version}\0".encode())
    for name in LIBRARIES:
        h.update(f"{library_identity(name)}\0".encode())
    package = Path(__file__).resolve().parent.parent
    for folder, dirs, files in sorted(os.walk(package)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            st = os.stat(os.path.join(folder, name))
            h.update(f"{os.path.relpath(folder, package)}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _hash_file(h, path: Path) -> None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        h.update(f"{path}\0absent\n".encode())
        return
    h.update(f"{path}\0{len(data)}\0".encode())
    h.update(data)


def settings_key(settings, options) -> str | None:
    """What the findings of an article under ``settings`` depend on, besides the article; None: not cached.

    Raises OSError (or a lintnews error) when a folder the settings name cannot be read: the
    caller then runs without the cache and the check reports the problem.
    """
    if getattr(options, "languagetool_local", False):
        return None  # a LanguageTool started for this run: its answers are not ours to keep
    if settings.languagetool is not None and settings.languagetool_allowed:
        return None
    h = hashlib.sha256(code_fingerprint().encode())
    chosen = (options.select, options.ignore, options.extend_select, options.no_default_rules,
              options.isolated, options.config, settings.languagetool_allowed)
    h.update(json.dumps([repr(chosen), settings.describe()], sort_keys=True, default=str).encode())
    chain = settings.chain() if hasattr(settings, "chain") else [settings]
    for config in chain:  # the configuration and every one it extends
        if config.source is not None:
            _hash_file(h, Path(config.source))
        h.update(json.dumps(config.describe(), sort_keys=True, default=str).encode())
    styles = [] if options.no_default_rules else [builtin_styles_dir()]
    styles += [Path(s) for s in settings.styles] + [Path(s).resolve() for s in options.styles]
    for folder in styles:
        h.update(f"styles\0{folder}\n".encode())
        for rule_id, path in rule_files(folder):
            h.update(f"{rule_id}\0".encode())
            _hash_file(h, path)
    for folder in settings.vocab:
        for name in ("accept.txt", "reject.txt"):
            _hash_file(h, Path(folder) / name)
    # Vale's script rules may name a .tengo file in config/scripts beside the style folders (or in the
    # folder given with --styles): its text decides the findings as a rule file's does.
    for scripts in sorted({Path(f) / "config" / "scripts" for f in styles}
                          | {Path(f).parent / "config" / "scripts" for f in styles}):
        if scripts.is_dir():
            for path in sorted(scripts.glob("*.tengo")):
                h.update(f"script\0{path}\n".encode())
                _hash_file(h, path)
    return h.hexdigest()


def cache_folder(settings, chosen: str | None) -> Path:
    """Where the entries for ``settings`` go: ``--cache-dir`` or the environment (``chosen``), else
    the configuration's ``cache-dir``, else ``.lintnews_cache`` beside the configuration (the
    current folder when there is none)."""
    if chosen:
        return Path(chosen)
    own = getattr(settings, "cache_dir", None)
    if own is not None:
        return Path(own)
    return Path(settings.root) / CACHE_NAME


_EMPTY = b"and leaves every rule out\n"  # a validated selection that runs no rule (--ignore News)


class Caches:
    """The cache as a session uses it: for each configuration, its key and its folder.

    ``chosen`` is the folder the user named (``--cache-dir``, ``LINTNEWS_CACHE_DIR``), else each
    configuration's own (:func:`cache_folder`).
    """

    def __init__(self, options, chosen: str | None = None):
        self.options = options
        self.chosen = chosen
        self._keys: dict[int, tuple[str | None, ResultCache | None]] = {}
        self._folders: dict[Path, ResultCache] = {}

    def _for(self, settings) -> tuple[str | None, ResultCache | None]:
        if id(settings) not in self._keys:
            try:
                key = settings_key(settings, self.options)
            except (OSError, LintnewsError):
                key = None  # a folder that cannot be read: the check itself says so
            folder = Path(os.path.abspath(cache_folder(settings, self.chosen)))
            cache = self._folders.setdefault(folder, ResultCache(folder))
            self._keys[id(settings)] = (key, cache) if key else (None, None)
        return self._keys[id(settings)]

    def validated(self, settings) -> bool | None:
        """None: these settings' selection was not checked before; else whether it runs some rule."""
        key, cache = self._for(settings)
        return None if key is None else cache.validated(key)

    def mark_validated(self, settings, runs_rules: bool = True) -> None:
        key, cache = self._for(settings)
        if key is not None:
            cache.mark_validated(key, runs_rules)

    def restore(self, result, settings, shown: str, source, mode: str, unsafe: bool, keep=None) -> bool:
        """Fill ``result`` (a session's ``FileResult``) from the cache; False on a miss.

        ``keep`` is the article's baseline filter (run.baseline), applied to the cached findings
        as a check applies it. For ``fix`` and ``--diff``, only a result with no fix to apply (to
        the findings the baseline keeps) is a hit: fixing that article would change nothing, and
        nothing is ever written from the cache.
        """
        key, cache = self._for(settings)
        if key is None or source.data is None:
            return False
        hit = cache.load(key, shown, source.data, source.text)
        if hit is None:
            return False
        findings = keep(hit.findings) if keep is not None else hit.findings
        if mode != "check" and any(f.can_fix if unsafe else f.safe_fix for f in findings):
            return False
        result.original = result.text = source.text
        result.bom = source.bom
        result.findings = findings
        result.baselined = len(hit.findings) - len(findings)
        result.unused_suppressions = hit.unused_suppressions
        result.article = hit.article
        return True

    def keep(self, result, settings, shown: str, source, findings: list[Finding]) -> None:
        """Store a complete result (no error, no warning, every rule finished) of the text it ends with:
        ``findings`` are the check's, before any baseline (which is applied on the way out)."""
        if source.data is None or result.errors or result.warnings or result.unfinished or result.article is None:
            return
        key, cache = self._for(settings)
        if key is None:
            return
        data = source.data if result.text == source.text else source.encode(result.text)
        cache.store(key, shown, data, findings, result.unused_suppressions)


# ------------------------------------------------------------------ entries
def _finding_row(f: Finding) -> list:
    fix = None
    if f.fix is not None:
        fix = [f.fix.applicability.value, f.fix.title, [[e.start, e.end, e.content] for e in f.fix.edits]]
    return [f.rule_id, f.severity.value, f.start, f.end, f.message, f.text, fix]


def _finding(row, doc, path: str) -> Finding:
    """A finding back from its row, placed in ``doc``; ValueError (or TypeError...) for a row that does not fit."""
    rule_id, severity, start, end, message, text, fix = row
    size = len(doc.text)
    if not (isinstance(rule_id, str) and isinstance(message, str) and isinstance(text, str)):
        raise ValueError("not a finding")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
        raise ValueError("span outside the article")
    restored_fix = None
    if fix is not None:
        applicability, title, edits = fix
        restored = []
        for s, e, content in edits:
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= size and isinstance(content, str)):
                raise ValueError("edit outside the article")
            restored.append(Edit(s, e, content))
        if not restored or not isinstance(title, str):
            raise ValueError("not a fix")
        restored_fix = Fix(tuple(restored), Applicability(applicability), title)
    f = Finding(rule_id, Severity(severity), start, end, message, text, restored_fix)
    f.path = path
    f.line, f.column = doc.position(start)
    f.end_line, f.end_column = doc.position(end)
    return f


def restored_article(text: str, path: str) -> Article:
    """The article of a hit, as the reporters read it: its text, lines and positions.

    Not parsed again (no blocks, no suppressions): the findings are already made, and a reporter
    reads only source lines and positions, which depend on the text alone.
    """
    return Article(path, Document(text, path, blocks=[], block_quotes=[]))


class Hit:
    """A cached result: the findings of the article's text, and the article they refer to."""

    def __init__(self, article: Article, findings: list[Finding], unused: list[Finding]):
        self.article = article
        self.findings = findings
        self.unused_suppressions = unused


class ResultCache:
    """The entries in one cache folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.ready = False  # the folder, its tag and its .gitignore exist
        self.broken = False  # the folder cannot be written: not used any more this run

    @staticmethod
    def entry_key(settings: str, path: str, data: bytes) -> str:
        h = hashlib.sha256(f"{settings}\0{path}\0{len(data)}\0".encode())
        h.update(data)
        return h.hexdigest()

    def _path(self, settings: str, name: str) -> Path:
        return self.folder / FORMAT / settings[:24] / name

    def load(self, settings: str, path: str, data: bytes, text: str) -> Hit | None:
        """The cached result of checking ``text`` (decoded from ``data``) at ``path``, or None."""
        key = self.entry_key(settings, path, data)
        try:
            with open(self._path(settings, key[:40] + ".json"), "rb") as handle:
                entry = json.loads(handle.read())
            if entry.get("key") != key:
                return None
            article = restored_article(text, path)
            doc = article.doc
            findings = [_finding(row, doc, path) for row in entry["findings"]]
            unused = [_finding(row, doc, path) for row in entry["unused"]]
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            return None  # absent, unreadable or not an entry of ours: lint again (and write it anew)
        return Hit(article, findings, unused)

    def store(self, settings: str, path: str, data: bytes, findings: list[Finding], unused: list[Finding]) -> None:
        key = self.entry_key(settings, path, data)
        entry = {"key": key, "path": path, "findings": [_finding_row(f) for f in findings],
                 "unused": [_finding_row(f) for f in unused]}
        self._write(self._path(settings, key[:40] + ".json"), json.dumps(entry, ensure_ascii=False).encode("utf-8"))

    def validated(self, settings: str) -> bool | None:
        """Whether a run already checked the rule selection of these settings (and found it good):
        None if not, else whether that selection runs some rule (False: it leaves every rule out)."""
        try:
            return _EMPTY not in self._path(settings, "validated").read_bytes()
        except OSError:
            return None

    def mark_validated(self, settings: str, runs_rules: bool = True) -> None:
        self._write(self._path(settings, "validated"), b"the rule selection of these settings names known rules\n"
                    + (b"" if runs_rules else _EMPTY))

    # ------------------------------------------------------------ writing
    def _write(self, target: Path, data: bytes) -> None:
        if self.broken:
            return
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError:
            self.broken = True

    def _prepare(self) -> None:
        """The folder, with a CACHEDIR.TAG (backup tools skip it) and a .gitignore of ``*`` (never committed)."""
        if self.ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, content in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", GITIGNORE)):
            if not (self.folder / name).is_file():
                write_atomically(self.folder / name, content.encode("utf-8"))
        self.ready = True
