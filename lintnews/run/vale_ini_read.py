"""Vale's configuration file as text: its INI syntax and its section globs.

Vale reads ``.vale.ini`` with go-ini (https://github.com/go-ini/ini, errata-ai's fork): keys
before any section belong to the core section; ``key = value`` or ``key: value``; a line that
starts with ``#`` or ``;`` is a comment, and so is ``#``/``;`` after a space; a value may be
wrapped in quotes or backticks, or span lines between triple quotes or, ending a line with ``\\``,
continue on the next lines (each trimmed and joined, until a line without ``\\`` or a blank one); a
key may be repeated (its values are "shadows": list keys join them). Section names are globs matched against a
file's path (Vale's internal/glob): ``!`` in front negates; with ``**`` the glob follows
doublestar (``*`` stays within a folder, ``**`` crosses folders); otherwise gobwas/glob with no
separators (``*`` matches any characters, ``/`` too). Both take ``?``, ``[...]``, ``[!...]`` and
``{a,b}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..rules.patterns import compile_pattern, fullmatch
from ..rules.schema import Option
from .globs import MAX_GLOB_STARS, costly_glob

CORE = ""  # the section of the keys before any [section]

# The lintnews configuration key naming a Vale configuration (run/config.py's KEYS); the keys its
# IgnoredScopes, SkippedScopes, BlockIgnores and TokenIgnores map onto are run/markup_config.py's.
CONFIG_KEYS = {
    "vale-config": Option("str", None, "a Vale configuration (.vale.ini) these settings build on, relative to "
                                       "this file; this file's keys go on top"),
}


@dataclass
class Ini:
    """An INI file read: section -> key -> every value written for it, in order (shadows)."""

    path: Path
    sections: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (section, key) -> line first written

    def fail(self, problem: str, section: str | None = None, key: str | None = None):
        line = self.lines.get((section, key)) if key is not None else None
        raise ConfigError(str(self.path), f"line {line}: {problem}" if line else problem)

    def keys(self, section: str) -> list[str]:
        return list(self.sections.get(section, {}))

    def value(self, section: str, key: str) -> str:
        """A key's value (the last written, so a project's file wins over a package's)."""
        return self.sections[section][key][-1]

    def values(self, section: str, key: str) -> list[str]:
        """A list key's comma-separated values, every shadow joined, blanks and repeats dropped (Vale's mergeValues)."""
        out: list[str] = []
        for raw in self.sections.get(section, {}).get(key, ()):
            for item in _split(raw):
                if item and item not in out:
                    out.append(item)
        return out

    def merge(self, other: Ini) -> None:
        """``other``'s keys after this file's (a package's configuration, then the project's)."""
        for section, keys in other.sections.items():
            mine = self.sections.setdefault(section, {})
            for key, values in keys.items():
                mine.setdefault(key, []).extend(values)
                self.lines.setdefault((section, key), other.lines.get((section, key), 0))


def _split(raw: str) -> list[str]:
    """Comma-separated items; ``\\,`` is a comma inside an item."""
    return [part.replace("\\,", ",").strip() for part in re.split(r"(?<!\\),", raw)]


_SECTION = re.compile(r"^\[(.*)\]\s*(?:[#;].*)?$")
_INLINE_COMMENT = re.compile(r"\s[#;].*$")


def read_ini(path: Path, text: str | None = None) -> Ini:
    """The file's sections and keys; a line that is none of Vale's is a one-line ConfigError."""
    ini = Ini(path)
    if text is None:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ConfigError(str(path), "Vale configuration is not UTF-8") from None
    section = CORE
    ini.sections[CORE] = {}
    lines = text.splitlines()
    n = 0
    while n < len(lines):
        number, line = n + 1, lines[n].strip()
        n += 1
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            m = _SECTION.match(line)
            if not m or not m.group(1).strip():
                raise ConfigError(str(path), f"line {number}: a section is written [glob], not {line[:60]!r}")
            section = m.group(1).strip()
            ini.sections.setdefault(section, {})
            continue
        cut = min((i for i in (line.find("="), line.find(":")) if i > 0), default=-1)
        if cut < 0:
            raise ConfigError(str(path), f"line {number}: expected 'key = value' or [glob], not {line[:60]!r}")
        key, value = line[:cut].strip(), line[cut + 1:].strip()
        if value.startswith('"""'):
            value, n = _long_value(path, lines, n, number, value[3:])
        elif value.endswith("\\") and not value.startswith("`"):
            value, n = _continued(lines, n, value[:-1])
        elif len(value) > 1 and value[0] == value[-1] and value[0] in "\"`":
            value = value[1:-1]
        else:
            value = _INLINE_COMMENT.sub("", value).strip()
        ini.sections[section].setdefault(key, []).append(value)
        ini.lines.setdefault((section, key), number)
    return ini


def _continued(lines: list[str], n: int, value: str) -> tuple[str, int]:
    """A value whose line ends with ``\\``: the next lines, each trimmed, joined to it until one does
    not end with ``\\`` or is blank (go-ini's readContinuationLines; no comment is cut from them)."""
    while n < len(lines):
        nxt = lines[n].strip()
        if not nxt:
            break
        n += 1
        value += nxt
        if not value.endswith("\\"):
            break
        value = value[:-1]
    return value, n


def _long_value(path: Path, lines: list[str], n: int, number: int, first: str) -> tuple[str, int]:
    """A value between triple quotes, and the index of the line after it."""
    if '"""' in first:
        return first[:first.index('"""')], n
    parts = [first]
    while n < len(lines):
        line = lines[n]
        n += 1
        if '"""' in line:
            parts.append(line[:line.index('"""')])
            return "\n".join(parts).strip(), n
        parts.append(line)
    raise ConfigError(str(path), f"line {number}: a value opened with \"\"\" is never closed")


# ------------------------------------------------------------------ globs
@dataclass(frozen=True)
class ValeGlob:
    """A section's glob, matched as Vale matches it (see the module's doc)."""

    pattern: str
    regex: object = field(compare=False, repr=False)  # compiled by rules/patterns.py, matched with its timeout
    negated: bool = False

    def match(self, path: str) -> bool:
        return (fullmatch(self.regex, path, "", what=f"section [{self.pattern}]") is not None) != self.negated


def compile_glob(pattern: str, where: str) -> ValeGlob:
    """The glob of a section name; ValueError for one Vale could not compile or that is too costly."""
    negated = pattern.startswith("!")
    body = pattern.lstrip("!")
    if costly_glob(body) if "**" in body else body.count("*") > MAX_GLOB_STARS:
        raise ValueError(f"too many wildcards to match in bounded time (at most {MAX_GLOB_STARS} '*')")
    return ValeGlob(pattern, compile_pattern(_regex(body), where=where, what=f"section [{pattern}]"), negated)


def _regex(pattern: str) -> str:
    double = "**" in pattern
    out: list[str] = []
    i, depth = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == "*" and double and pattern.startswith("**", i):
            slash = pattern.startswith("**/", i)
            out.append("(?:.*/)?" if slash else ".*")
            i += 3 if slash else 2
            continue
        if c == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                raise ValueError("a '[' is never closed")
            body = pattern[i + 1:end]
            body = "^" + body[1:] if body[0] in "!^" else body
            out.append("[" + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
            i = end + 1
            continue
        if c == "{":
            depth += 1
            out.append("(?:")
        elif c == "}" and depth:
            depth -= 1
            out.append(")")
        elif c == "," and depth:
            out.append("|")
        else:
            out.append({"*": "[^/]*" if double else ".*", "?": "[^/]" if double else "."}.get(c) or re.escape(c))
        i += 1
    if depth:
        raise ValueError("a '{' is never closed")
    return "".join(out)
