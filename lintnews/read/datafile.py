"""YAML and TOML, read with bounds: the one place lintnews parses them.

Configuration files, rule files and front matter can come from anyone (a
cloned repository, a downloaded style, a scraped article). Two things in
them make reading cost without end:

- YAML aliases: each stands for its whole anchored node, so nine lines of
  nine aliases stand for a billion strings in 400 bytes. The parser shares
  the nodes, but whatever walks or prints the value (a type check, a message
  naming it) never finishes. An alias inside its own anchor makes a value
  that contains itself.
- Nesting: thousands of brackets exhaust the parsers' recursion.

A YAML document is measured as it is composed, before any value is built:
the values its aliases stand for, each written out (``MAX_ALIASED``), its
depth (``MAX_DEPTH``); an alias to an anchor still open is refused. Anchors
stay allowed (rule files share token lists with ``define``). A TOML table's
depth is measured after parsing; deeper than its parser can go is the same
error. Every problem is one :class:`~lintnews.errors.LintnewsError` of the
caller's kind, naming the file.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import NamedTuple

from ..errors import LintnewsError

# PyYAML (0.008 s) and tomllib are imported by the first file of theirs read: a check of articles with
# no configuration file and no front matter, the built-in rules coming from the rule cache, reads none.

MAX_DEPTH = 50  # nested collections; the built-in rule files need 8
MAX_ALIASED = 100_000  # values the aliases of a document stand for; the built-in rule files' under 1,600


class _Meter:
    """Measures a YAML document one event at a time (see the module docstring)."""

    def __init__(self, unique_keys: bool = False, repeats: list | None = None) -> None:
        self.open: list[list] = []  # for each open collection: [its nodes so far, its anchor]
        # With unique_keys (or repeats), for each open collection: the scalar keys of a mapping so far, with the
        # line of each (None for a sequence), whether the next node of a mapping is a key, the last key seen,
        # and the key the collection is the value of ("" at the top).
        self.keys: list[list] | None = [] if unique_keys or repeats is not None else None
        self.repeats = repeats  # a key given twice, recorded here (see ``repeated_keys``) rather than raised
        self.sizes: dict[str, int] = {}  # anchor -> nodes of its node, aliases written out
        self.aliased = 0  # nodes the aliases stand for, all told
        import yaml

        self.yaml = yaml

    def see(self, event) -> str | None:
        """A problem with the document so far, or None."""
        yaml = self.yaml
        if self.keys is not None:
            self._key(event)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.open.append([1, event.anchor])
            if len(self.open) > MAX_DEPTH:
                return f"nested over {MAX_DEPTH} levels deep"
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self._add(*self.open.pop())
        elif isinstance(event, yaml.ScalarEvent):
            self._add(1, event.anchor)
        elif isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for _, anchor in self.open):
                return f"the alias *{event.anchor} stands inside its own anchor"
            size = self.sizes.get(event.anchor, 1)
            self.aliased += size
            if self.aliased > MAX_ALIASED:
                return f"its aliases stand for over {MAX_ALIASED:,} values (an alias bomb?)"
            self._add(size, None)
        return None

    def _key(self, event) -> None:
        """Raises on a key given twice in one mapping (PyYAML keeps the last silently), or records it."""
        yaml, keys = self.yaml, self.keys
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            keys.pop()
            event = None  # the collection just closed is one node of its parent
        parent = keys[-1] if keys else None
        if parent is not None and parent[0] is not None:
            frame = parent
            if frame[1] and isinstance(event, yaml.ScalarEvent):
                line = event.start_mark.line + 1
                if event.value in frame[0]:
                    if self.repeats is not None:
                        self.repeats.append(Repeat(event.value, frame[3], frame[0][event.value], line, len(keys)))
                    else:  # invalid rather than unsafe: raised as PyYAML's own errors are
                        raise yaml.MarkedYAMLError(problem=f"the key '{event.value}' is given twice in one mapping",
                                                   problem_mark=event.start_mark)
                else:
                    frame[0][event.value] = line
                frame[2] = event.value
            if not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                frame[1] = not frame[1]
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            # The key this collection is the value of: the mapping's last key, or a sequence's own.
            name = "" if parent is None else parent[2] if parent[0] is not None else parent[3]
            keys.append([{}, True, None, name] if isinstance(event, yaml.MappingStartEvent)
                        else [None, False, None, name])

    def _add(self, size: int, anchor: str | None) -> None:
        if anchor is not None:
            self.sizes[anchor] = size
        if self.open:
            self.open[-1][0] += size


class Repeat(NamedTuple):
    """A key given twice in one mapping: the key, the key whose value the mapping is ("" at the top),
    the lines it is given at (1-based), and how deep the mapping is (1: the document's own)."""

    key: str
    within: str
    first_line: int
    line: int
    depth: int


@lru_cache(maxsize=1)
def _refused_class() -> type:
    import yaml

    class _Refused(yaml.YAMLError):
        def __init__(self, problem: str, mark) -> None:
            super().__init__(problem)
            self.problem, self.problem_mark = problem, mark

    return _Refused


def _refused(problem: str, mark):
    """The error for a document the bounds refuse (a ``yaml.YAMLError``)."""
    return _refused_class()(problem, mark)


@lru_cache(maxsize=None)
def _bounded(loader: type, unique_keys: bool = False) -> type:
    """``loader`` with every event the composer takes measured first."""

    class Bounded(loader):
        def __init__(self, stream) -> None:
            super().__init__(stream)
            self.meter = _Meter(unique_keys)

        def get_event(self):
            event = super().get_event()
            problem = self.meter.see(event)
            if problem:
                raise _refused(problem, event.start_mark)
            return event

    Bounded.__name__ = f"Bounded{loader.__name__}"
    return Bounded


@lru_cache(maxsize=None)
def _c_loader(loader: type) -> type | None:
    """The libyaml (C) counterpart of a SafeLoader class, with its resolvers and constructors; None without libyaml."""
    import yaml

    if not (getattr(yaml, "__with_libyaml__", False) and issubclass(loader, yaml.SafeLoader)):
        return None
    keys = ("yaml_implicit_resolvers", "yaml_constructors", "yaml_multi_constructors")
    return type(f"C{loader.__name__}", (yaml.CSafeLoader,), {k: getattr(loader, k) for k in keys})


def load_yaml(text: str, where: str, *, loader: type | None = None, error: type = LintnewsError,
              unique_keys: bool = False):
    """The value of one YAML document; ``error(where, problem)`` (one line) if it is invalid or too big.

    With libyaml, the document's events are measured first (the C parser
    cannot be metered as it composes), then it is built by the C loader:
    about seven times faster than the pure-Python loader, which is the
    fallback. ``loader``: a ``yaml.SafeLoader`` class (that one if None).
    ``unique_keys``: a key given twice in one mapping is an error (a
    configuration file), not the last one silently kept.
    """
    import yaml

    loader = loader or yaml.SafeLoader
    fast = _c_loader(loader)
    try:
        if fast is None:
            return yaml.load(text, Loader=_bounded(loader, unique_keys))
        meter = _Meter(unique_keys)
        for event in yaml.parse(text, Loader=fast):
            problem = meter.see(event)
            if problem:
                raise _refused(problem, event.start_mark)
        return yaml.load(text, Loader=fast)
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(exc):  # libyaml's own limit, met while scanning ahead
            exc = _refused(f"nested over {MAX_DEPTH} levels deep", getattr(exc, "problem_mark", None))
        raise error(where, _problem(exc, text)) from None
    except RecursionError:  # a parser's own recursion, before the meter saw the depth
        raise error(where, f"unsafe YAML: nested over {MAX_DEPTH} levels deep") from None


def repeated_keys(text: str, where: str, *, loader: type | None = None, error: type = LintnewsError) -> list[Repeat]:
    """Every key given twice in one mapping of a YAML document, in the order they stand (PyYAML, like Vale's
    yaml.v2, keeps the last silently); ``error(where, problem)`` as ``load_yaml`` gives it for a document
    it would refuse. For a caller that decides what a repeat means (a rule file: see rules/loader.py)."""
    import yaml

    loader = loader or yaml.SafeLoader
    found: list[Repeat] = []
    meter = _Meter(repeats=found)
    try:
        for event in yaml.parse(text, Loader=_c_loader(loader) or loader):
            if isinstance(event, yaml.DocumentEndEvent):
                break  # the first document: the one a rule file is read from
            problem = meter.see(event)
            if problem:
                raise _refused(problem, event.start_mark)
    except yaml.YAMLError as exc:
        raise error(where, _problem(exc, text)) from None
    except RecursionError:
        raise error(where, f"unsafe YAML: nested over {MAX_DEPTH} levels deep") from None
    return found


def first_yaml_document(text: str) -> str | None:
    """The text of the first of several YAML documents (up to the second's ``---``); None when the
    text holds one document, or cannot be scanned (``load_yaml`` then names the problem). Vale reads
    a rule file with yaml.v2's Unmarshal, which takes the first document and passes over the rest."""
    if not _may_hold_two_documents(text):
        return None  # the common case, decided without PyYAML's pure-Python parser (seconds on deep nesting)
    import yaml

    starts = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.DocumentStartEvent):
                starts += 1
                if starts == 2:
                    return text[:event.start_mark.index]
    except yaml.YAMLError:
        return None
    return None


def _may_hold_two_documents(text: str) -> bool:
    """Whether the text has a document marker that can begin a second document: a line that is
    ``---`` or ``...`` (alone or before a space), other than a ``---`` that only blank lines,
    comments or directives precede. Without one, YAML gives the text one document at most."""
    seen_content = False
    for line in text.splitlines():
        marker = line[:3] in ("---", "...") and (len(line) == 3 or line[3] in " \t")
        if marker and (seen_content or line[:3] == "..."):
            return True
        stripped = line.strip()
        if marker or not stripped or stripped.startswith(("#", "%")):
            seen_content = seen_content or marker
            continue
        seen_content = True
    return False


def compose_yaml(text: str, where: str, *, loader: type | None = None, error: type = LintnewsError):
    """The node tree of one YAML document (positions, nothing built), with the same bounds."""
    import yaml

    loader = loader or yaml.SafeLoader
    try:
        return yaml.compose(text, Loader=_bounded(loader))
    except yaml.YAMLError as exc:
        raise error(where, _problem(exc, text)) from None
    except RecursionError:
        raise error(where, f"unsafe YAML: nested over {MAX_DEPTH} levels deep") from None


def _problem(exc, text: str | None = None) -> str:
    mark = getattr(exc, "problem_mark", None)
    at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    if mark and text is not None and not text[mark.index:].strip():
        at = " at the end of the file"  # PyYAML's mark there is one past the last line ("line 5" of four)
    kind = "unsafe" if isinstance(exc, _refused_class()) else "invalid"
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    start = getattr(exc, "context_mark", None)
    if getattr(exc, "context", None) and start and (not mark or start.line != mark.line):
        # Where what is left open began ("while scanning a quoted scalar" two lines up): the fault is there.
        problem += f", {exc.context} that starts at line {start.line + 1}, column {start.column + 1}"
    return f"{kind} YAML{at}: {problem}"


def load_toml(text: str, where: str, *, error: type = LintnewsError) -> dict:
    """The tables of a TOML document; ``error(where, problem)`` if it is invalid or nested too deep."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(where, f"invalid TOML: {exc}") from None
    except RecursionError:
        raise error(where, f"unsafe TOML: nested over {MAX_DEPTH} levels deep") from None
    if _depth(data) > MAX_DEPTH:
        raise error(where, f"unsafe TOML: nested over {MAX_DEPTH} levels deep")
    return data


def _depth(value) -> int:
    """How deep lists and tables nest in ``value``, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if depth <= MAX_DEPTH:
            stack.extend((child, depth + 1) for child in children)
    return deepest
