"""Finding and loading rule files: ``<styles dir>/<Style>/<Rule>.yml`` -> rules.

YAML is read with a SafeLoader subclass (``RuleYamlLoader``) only, so a rule
file can never run code.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import warnings as _warnings
from functools import lru_cache
from pathlib import Path

from ..errors import RuleError
from ..read import compiled
from ..read.datafile import first_yaml_document, load_yaml, repeated_keys
from ..read.jsoncache import Store
from ..version import __version__
from .base import SHARED, Rule
from .registry import kind as find_kind
from . import rule_checks, ruleset_cache
from .registry import registry
from .vale import is_vale_rule

# lintnews kinds renamed so that Vale's kinds of the old names load as Vale's: the old name is
# accepted, with a warning, for one release, in a rule whose keys are the lintnews kind's.
RENAMED = {"capitalization": "paragraph-start", "spelling": "dictionary"}

RULE_SUFFIXES = (".yml", ".yaml")

# Rule files as read, by a hash of their text: JSON loads in a thirtieth of the time YAML takes
# (0.019 s for the built-in rules). Only a value JSON gives back as it was is kept (not a date,
# say); a file that does not read is never kept, so it fails as before.
SPEC_FORMAT = 3  # 3: a file with a key given twice is never kept (it is read again, to say so)
# PyYAML (0.008 s) is imported by the first rule file read from its YAML: never when the built-in
# rules come from the rule cache and every other rule file from this cache.


@lru_cache(maxsize=1)
def _specs() -> Store:
    import yaml

    return Store("rule-specs", SPEC_FORMAT, __version__, yaml.__version__, limit=2000)


@lru_cache(maxsize=1)
def _rule_yaml_loader() -> type:
    import yaml

    class RuleYamlLoader(yaml.SafeLoader):
        """``safe_load`` with YAML 1.2 booleans: only true/false.

        Under YAML 1.1 a word list's ``on``, ``off``, ``yes`` and ``no`` would
        silently become booleans (as Vale's YAML 1.2 reader would not).
        """

    RuleYamlLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for first in "tTfF":
        RuleYamlLoader.add_implicit_resolver(
            "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list(first)
        )
    return RuleYamlLoader


def builtin_styles_dir() -> Path:
    """The built-in rules: ``lintnews/styles`` in an installed wheel, or the checkout's ``rules/``."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "styles", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(str(package / "styles"), "built-in rules not found (broken installation?)")


def rule_files(styles_dir: Path) -> list[tuple[str, Path]]:
    """(rule id, file) pairs under a styles folder, sorted by id.

    The folder holds one sub-folder per style (Vale's layout); a folder that
    holds rule files itself is taken as a single style named after it.
    """
    styles_dir = Path(styles_dir)
    if not styles_dir.is_dir():
        raise RuleError(str(styles_dir), "styles folder not found")
    found = []
    direct = [p for p in styles_dir.iterdir() if _rule_file(p)]
    if direct:
        found.extend((f"{styles_dir.name}.{p.stem}", p) for p in direct)
    for style in sorted(p for p in styles_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in style.iterdir():
            if _rule_file(path):
                found.append((f"{style.name}.{path.stem}", path))
    return sorted(found)


def _rule_file(path: Path) -> bool:
    """A rule file: ``.yml`` or ``.yaml``, not hidden (``.yamllint.yml``), and not the test cases Vale 3.24's
    ``vale test`` keeps beside a rule (``Rule.test.yml``, a list of cases, no rule)."""
    return (path.suffix in RULE_SUFFIXES and path.is_file() and not path.name.startswith(".")
            and not path.stem.endswith(".test"))


def _renamed(kind: str, spec: dict, vale: bool, rule_id: str, where: str, warnings: list[str] | None) -> str:
    """The kind a rule file means: a lintnews rule under an old kind name gets the new one (``vale``: the
    file is in Vale's format, and means Vale's kind)."""
    new = RENAMED.get(kind)
    if new is None or vale:
        return kind
    own = SHARED.options.keys() | find_kind(new).OPTIONS.keys()
    if not all(key in own for key in spec):
        return kind  # neither kind's keys: Vale's kind names the problem
    message = (f"{where}: rule {rule_id}: kind '{kind}' is now called '{new}'; "
               f"the old name will stop working in the next release")
    if warnings is not None:
        warnings.append(message)
    else:  # a library caller: Python's own deprecation warning
        _warnings.warn(message, DeprecationWarning, stacklevel=4)
    return new


def load_rule_file(rule_id: str, path: Path, warnings: list[str] | None = None) -> Rule:
    """One rule file as a rule; ``warnings`` collects what loads but deserves a word (an old kind name)."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError(where, "rule file is not UTF-8") from None
    spec, first_only, repeats = _read_spec(text, where)
    if first_only and warnings is not None:
        warnings.append(f"{where}: rule {rule_id}: only the first of its YAML documents is read (as Vale reads it)")
    if spec is None:
        raise RuleError(where, f"rule {rule_id}: the file is empty (a rule needs at least 'extends' and 'message')")
    if not isinstance(spec, dict):
        raise RuleError(where, f"rule {rule_id}: a rule file must be a mapping of keys ('extends: existence', ...), "
                               f"not {rule_checks.shape(spec)}")
    top, _ = rule_checks.repeats(repeats, vale=True)  # at the top of the file: an error whatever its format
    if top:
        raise RuleError(where, f"rule {rule_id}: {top[0]}")
    kind = spec.get("extends")
    if not isinstance(kind, str):
        raise RuleError(where, f"rule {rule_id}: missing required key 'extends' (one of: {', '.join(sorted(registry()))})")
    if find_kind(kind) is None:
        raise RuleError(where, f"rule {rule_id}: unknown kind '{kind}' in 'extends' (one of: {', '.join(sorted(registry()))})")
    vale = is_vale_rule(kind, spec)  # decided once: which kind the file means, and the rule's format
    errors, notes = rule_checks.repeats(repeats, vale)
    if errors:
        raise RuleError(where, f"rule {rule_id}: {errors[0]}")
    notes = [f"{where}: rule {rule_id}: {note}" for note in notes]
    rule = find_kind(_renamed(kind, spec, vale, rule_id, where, warnings))(rule_id, spec, where, vale=vale)
    notes += [f"{where}: rule {rule_id}: {problem}" for problem in rule.load_warnings]
    if warnings is not None:
        warnings.extend(notes)
    return rule


def _read_spec(text: str, where: str):
    """The rule file's YAML value (a SafeLoader, with bounds), from the cache when it holds the text, whether
    it was the first of several documents (read alone, as Vale reads a rule file), and the keys given twice
    in one mapping (``datafile.Repeat``; a file with any is not kept, so that they are named every run)."""
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    kept = _specs().get(key)
    if kept is not None:
        return json.loads(kept), False, []
    try:
        spec = load_yaml(text, where, loader=_rule_yaml_loader(), error=RuleError)
    except RuleError:
        first = first_yaml_document(text)
        if first is None:
            raise
        spec = load_yaml(first, where, loader=_rule_yaml_loader(), error=RuleError)
        return spec, True, repeated_keys(first, where, loader=_rule_yaml_loader(), error=RuleError)  # not kept: it warns
    repeats = repeated_keys(text, where, loader=_rule_yaml_loader(), error=RuleError)
    if _plain(spec) and not repeats:
        _specs().put(key, json.dumps(spec, allow_nan=False))
    return spec, False, repeats


def _plain(value) -> bool:
    """Whether JSON gives ``value`` back as it is: dicts with string keys, lists, strings, numbers, None,
    and no list or dict twice (a YAML alias: JSON would make two copies, and the rule's page, which
    prints the YAML, would lose the anchor)."""
    seen: set[int] = set()
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if id(item) in seen or depth > 100:
                return False
            seen.add(id(item))
        if isinstance(item, dict):
            if type(item) is not dict or not all(type(k) is str for k in item):
                return False
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            if type(item) is not list:
                return False
            stack.extend((v, depth + 1) for v in item)
        elif type(item) is float:
            if not math.isfinite(item):
                return False
        elif not (item is None or type(item) in (str, int, bool)):
            return False
    return True


def load_rules(styles: list[str | Path] = (), builtin: bool = True, problems: list[str] | None = None,
               warnings: list[str] | None = None, replaced: list[str] | None = None,
               failed: set[str] | None = None) -> list[Rule]:
    """All rules: built-in first, then each styles folder; a later id replaces an earlier one.

    With ``problems`` (a list), a rule file that cannot load is one line there (the file and the
    problem, "; skipped") and the rest of its style loads; without it, the first bad file raises.
    ``warnings`` collects a line for each rule that loads but deserves a word (an old kind name, a
    kind that is not supported); ``replaced`` one for each rule that replaces another of its id from
    another file (a built-in rule, or one of an earlier styles folder), naming both files; ``failed``
    the id of each rule file that did not load (with ``problems``).
    """
    dirs = ([builtin_styles_dir()] if builtin else []) + [Path(s) for s in styles]
    rules: dict[str, Rule] = {}
    for n, d in enumerate(dirs):
        if builtin and n == 0:  # the built-in rules: loaded once per user and kept (rules/ruleset_cache.py)
            rules.update(_builtin(d, problems, warnings, failed))
            continue
        for rule_id, path in rule_files(d):
            if problems is None:
                rule = load_rule_file(rule_id, path, warnings)
            else:
                try:
                    rule = load_rule_file(rule_id, path, warnings)
                except RuleError as exc:
                    problems.append(f"{exc}; skipped")
                    if failed is not None:
                        failed.add(rule_id)
                    continue
            if replaced is not None and rule_id in rules:
                replaced.extend(_replacing(rules[rule_id], rule, builtin))
            rules[rule_id] = rule
    compiled.save()  # the patterns and rule files this load read, for the next run
    if _specs.cache_info().currsize:  # a rule file was read
        _specs().save()
    return sorted(rules.values(), key=lambda r: r.id)


def _replacing(old: Rule, new: Rule, builtin: bool) -> list[str]:
    """The line for a rule that replaces ``old`` (none when both are the same file: a folder named twice)."""
    if Path(old.path).resolve() == Path(new.path).resolve():
        return []
    if builtin and _is_builtin(old.path):
        return [f"{new.path}: rule {new.id} replaces the built-in rule of that id ({old.path}): this file's runs "
                f"instead (name it differently to keep both)"]
    return [f"{new.path}: rule {new.id} replaces the rule of that id in an earlier styles folder ({old.path}): "
            f"the later folder's runs (name one differently to keep both)"]


def _is_builtin(path: str) -> bool:
    return builtin_styles_dir().resolve() in Path(path).resolve().parents


def _builtin(styles_dir: Path, problems: list[str] | None, warnings: list[str] | None,
             failed: set[str] | None = None) -> list[tuple[str, Rule]]:
    """The built-in rules: from the rule cache, else from their files (then kept when all load without a word)."""
    files = rule_files(styles_dir)
    kept = ruleset_cache.get(files)
    if kept is not None:
        return kept
    said: list[str] = []
    loaded, broken = [], False
    for rule_id, path in files:
        try:
            loaded.append((rule_id, load_rule_file(rule_id, path, said)))
        except RuleError as exc:
            if problems is None:
                raise
            problems.append(f"{exc}; skipped")
            if failed is not None:
                failed.add(rule_id)
            broken = True
    if warnings is not None:
        warnings.extend(said)
    else:
        for message in said:
            _warnings.warn(message, DeprecationWarning, stacklevel=3)
    if not (broken or said):
        ruleset_cache.put(files, loaded)
    return loaded
