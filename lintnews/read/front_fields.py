"""Where a front matter's top-level string fields stand: YAML by its node marks, TOML and JSON by a scan.

Each field found is checked against the parsed data (the same parser's
reading of the text found), so a field is placed only where the parser put
it; one that cannot be placed is left out (it stays metadata). A field is
``exact`` when its text is its value character for character, each escape
standing for one character (see :class:`Field`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import regex

from ..errors import LintnewsError
from .datafile import compose_yaml, load_toml
from . import compiled as _compiled


@dataclass(frozen=True)
class Field:
    """A headline field's string value, where it stands in the article.

    ``start``-``end`` is the value's characters in the text (inside its
    quotes). ``exact``: the text there is the value, character for character,
    but for ``escapes`` (spans that each stand for one character of the value:
    ``\\"``, ``''``, ``\\u00e9``), so a fix there can be written back.
    ``indents`` are the indentation of a value's later lines (markers).
    """

    key: str       # the key as written in the front matter
    start: int
    end: int
    value: str
    style: str     # plain, single, double (YAML), block (YAML | or >), basic, literal, multiline (TOML), json
    exact: bool
    escapes: tuple[tuple[int, int], ...] = ()
    indents: tuple[tuple[int, int], ...] = ()


# Escapes that stand for one character of the value, by quoting style.
ESCAPES = {
    "double": _compiled.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[^\r\n])"),
    "single": _compiled.compile(r"''"),
    "basic": _compiled.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|[^\r\n])"),
    "json": _compiled.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\[^\r\n]"),
}
ESCAPES["multiline"] = ESCAPES["basic"]
_INDENT = _compiled.compile(r"(?<=\n)[ \t]+")


def locate(text: str, fm, data: dict, wanted: set[str]) -> list[Field]:
    """The fields named in ``wanted`` (lower case) whose value is a string (or a number), as the parser placed them."""
    if fm.format == "yaml":
        found = _yaml(fm, data, wanted)
    elif fm.format == "toml":
        found = _toml(fm, data, wanted)
    else:
        found = _json(fm, data, wanted)
    by_key = {}
    for key, s, e, style in found:  # a key given twice: the parser keeps the last
        by_key[key] = (s, e, style)
    out = []
    for key, (s, e, style) in by_key.items():
        value = data.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = text[fm.yaml_at + s:fm.yaml_at + e]  # "title: 1984": a title, not prose to fix
            out.append(Field(key, fm.yaml_at + s, fm.yaml_at + e, value, style, False))
        elif isinstance(value, str):
            out.append(_field(text, key, fm.yaml_at + s, fm.yaml_at + e, value, style))
    return out


def _field(text: str, key: str, start: int, end: int, value: str, style: str) -> Field:
    raw = text[start:end]
    pattern = ESCAPES.get(style)
    escapes = [(start + m.start(), start + m.end()) for m in pattern.finditer(raw)] if pattern else []
    indents = tuple((start + m.start(), start + m.end()) for m in _INDENT.finditer(raw))
    exact = style not in ("block", "multiline") and "\n" not in raw and _maps(raw, start, escapes, value)
    return Field(key, start, end, value, style, exact, tuple(escapes), indents)


def _maps(raw: str, start: int, escapes, value: str) -> bool:
    """Whether ``raw`` is ``value`` with each escape standing for one character."""
    out, pos = [], 0
    for s, e in escapes:
        out.append(raw[pos:s - start])
        out.append("\0")
        pos = e - start
    out.append(raw[pos:])
    mapped = "".join(out)
    return len(mapped) == len(value) and all(a == b or a == "\0" for a, b in zip(mapped, value))


# ------------------------------------------------------------------- YAML
_YAML_STYLES = {None: "plain", "'": "single", '"': "double", "|": "block", ">": "block"}


def _yaml(fm, data: dict, wanted: set[str]):
    import yaml  # imported for the first YAML front matter (PyYAML: 0.008 s of a start)

    try:
        node = compose_yaml(fm.source, "front matter")  # nodes only: nothing is constructed
    except (LintnewsError, ValueError):
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    out = []
    for key, value in node.value:
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
            continue
        if key.value.lower() not in wanted or key.value not in data:
            continue
        style = _YAML_STYLES.get(value.style, "block")
        s, e = value.start_mark.index, value.end_mark.index
        if style in ("single", "double"):
            s, e = s + 1, e - 1
        elif style == "block":
            s = fm.source.find("\n", s) + 1  # the value's lines start after the '|' or '>' line
            if s <= 0:
                continue
            while s < e and fm.source[s] in " \t":
                s += 1
            e = s + len(fm.source[s:e].rstrip())
        out.append((key.value, s, e, style))
    return out


# ------------------------------------------------------------------- TOML
_TOML_LINE = _compiled.compile(
    r"""^[ \t]*(?P<key>[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')[ \t]*=[ \t]*(?P<value>
        \"\"\"(?:[^\\]|\\.)*?\"\"\"(?!")|'''.*?'''(?!')|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'
    )""",
    regex.MULTILINE | regex.VERBOSE | regex.DOTALL,
)
_TABLE_HEADER = _compiled.compile(r"^[ \t]*\[", regex.MULTILINE)


def _toml(fm, data: dict, wanted: set[str]):
    source = fm.source
    header = _TABLE_HEADER.search(source)
    top = source[:header.start()] if header else source  # keys before the first [table]
    out = []
    for m in _TOML_LINE.finditer(top):
        key = _toml_value(m.group("key") + " = 1", default=None)
        if not isinstance(key, str) or key.lower() not in wanted:
            continue
        raw = m.group("value")
        if _toml_value("x = " + raw, key="x") != data.get(key):
            continue  # not where the parser read it: leave it as metadata
        s, e = m.start("value"), m.end("value")
        if raw.startswith(('"""', "'''")):
            s, e, style = s + 3, e - 3, "multiline"
            if source.startswith("\n", s) or source.startswith("\r\n", s):
                s = source.index("\n", s) + 1  # a newline right after the opening is not part of the value
        else:
            s, e, style = s + 1, e - 1, "basic" if raw.startswith('"') else "literal"
        out.append((key, s, e, style))
    return out


def _toml_value(line: str, key: str | None = None, default=None):
    """The value of a one-key TOML document (its key, if ``key`` is None)."""
    try:
        table = load_toml(line, "front matter")
    except LintnewsError:
        return default
    if key is None:
        return next(iter(table), default) if len(table) == 1 else default
    return table.get(key, default)


# ------------------------------------------------------------------- JSON
_JSON_TOKEN = _compiled.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+|\s+')


def _json(fm, data: dict, wanted: set[str]):
    """Top-level "key": "string" pairs, by a scan that counts brackets (no recursion)."""
    out = []
    depth, key, expect_value = 0, None, False
    for m in _JSON_TOKEN.finditer(fm.source):
        tok = m.group()
        if tok.isspace():
            continue
        if tok in "{[":
            depth += 1
            key, expect_value = None, False
        elif tok in "}]":
            depth -= 1
        elif tok == ":":
            expect_value = depth == 1 and key is not None
            continue
        elif tok == ",":
            key, expect_value = None, False
        elif depth == 1 and tok.startswith('"'):
            if expect_value:
                if key.lower() in wanted and _json_string(tok) == data.get(key):
                    out.append((key, m.start() + 1, m.end() - 1, "json"))
                key = None
            else:
                key = _json_string(tok)
        expect_value = False
    return out


def _json_string(tok: str) -> str | None:
    try:
        value = json.loads(tok)
    except ValueError:
        return None
    return value if isinstance(value, str) else None
