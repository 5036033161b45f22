"""What the configuration keeps out of reading: Vale's IgnoredScopes, SkippedScopes, BlockIgnores, TokenIgnores.

Vale names these by HTML tag (https://vale.sh/docs/keys/ignoredscopes, .../skippedscopes, and
its source, internal/lint/ast.go and html.go):

- ``ignored-scopes``: inline tags whose text no rule reads, though the block around them is read;
  Vale's default ``code, tt``. ``a`` (or ``link``) keeps a link's text out, ``strong``/``b``
  strong text, ``em``/``i`` (or ``emphasis``) emphasised text. Left without ``code``, rules in
  Vale's format read code spans' text, as Vale's do (lintnews's own never do).
- ``skipped-scopes``: block tags skipped whole; Vale's default ``script, style, pre, figure``
  (code blocks, HTML and figures are never prose here anyway). ``blockquote``, ``li`` (``ul``,
  ``ol``, ``list``), ``table``, ``th``, ``td``, ``h1``..``h6`` (``heading`` for all), ``p``
  (``paragraph``) and ``alt`` (an image's alt text) name the blocks a reader found.
- ``block-ignores`` and ``token-ignores``: regexes whose matches no rule reads (Vale turns a block
  match into a code block and a token match into a code span); matched by the caller, which runs
  user regexes with a timeout (rules/patterns.py), and handed over as spans.

A rule reading the raw file (Vale's ``scope: raw``) still sees all of it, as in Vale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An opening tag with a class attribute, bounded so it runs in linear time.
_CLASSED_TAG = re.compile(r"""<([A-Za-z][A-Za-z0-9]{0,20})\b[^<>]{0,500}?\bclass\s*=\s*["']([^"'<>]{0,500})["'][^<>]{0,500}>""")
DEFAULT_IGNORED = ("code", "tt")
DEFAULT_SKIPPED = ("script", "style", "pre", "figure")

# Vale's normalised extensions (internal/core/format.go) for the formats lintnews reads.
_NORMED = {"mdown": "md", "markdown": "md", "markdn": "md", "htm": "html", "shtml": "html", "xhtml": "html"}
_INLINE = {"a": "link", "link": "link", "strong": "strong", "b": "strong", "em": "emphasis", "i": "emphasis",
           "emphasis": "emphasis", "code": "code", "tt": "code", "kbd": "code", "alt": "alt"}
_BLOCK = {"blockquote": ("blockquote",), "li": ("list",), "ul": ("list",), "ol": ("list",), "list": ("list",),
          "table": ("table", "table.header", "table.cell"), "th": ("table.header",), "td": ("table.cell",),
          "p": ("paragraph",), "paragraph": ("paragraph",),
          "heading": tuple(f"heading.h{n}" for n in range(1, 7)),
          **{f"h{n}": (f"heading.h{n}",) for n in range(1, 7)}}


def vale_extension(path: str, formats: tuple[tuple[str, str], ...]) -> tuple[str, str | None]:
    """The extension of the file at ``path`` without its dot, as Go's filepath.Ext gives it (from the
    name's last dot; "" without one), and the one the Vale configuration's ``[formats]`` maps it to
    (None: not mapped). Vale looks the extension up as written: ``mdx = md`` maps ".mdx", not ".MDX"
    (internal/core/format.go FormatFromExt, internal/system/file.go ReplaceFileExt)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    return suffix, dict(formats).get(suffix)


@dataclass(frozen=True)
class Ignores:
    ignored_scopes: tuple[str, ...] = DEFAULT_IGNORED
    skipped_scopes: tuple[str, ...] = DEFAULT_SKIPPED
    block_ignores: tuple[str, ...] = ()
    token_ignores: tuple[str, ...] = ()
    ignored_classes: tuple[str, ...] = ()  # Vale's IgnoredClasses: an HTML element with one is skipped whole
    # Vale's BlockIgnores and TokenIgnores as its sections set them: (the section's glob, an object
    # with .match and .pattern; its BlockIgnores; its TokenIgnores); ``formats`` is the configuration's [formats].
    sections: tuple = ()
    formats: tuple[tuple[str, str], ...] = ()

    def patterns_for(self, path: str) -> tuple[str, ...]:
        """The block and token ignores that apply to the file at ``path``: the configuration's own, then
        those of each Vale section whose glob matches the file's extension. Vale matches these keys'
        section globs against the extension, real and normalised (".markdown" and ".md"), not the
        path (internal/lint/html.go), so ``[*.md]`` applies to every Markdown file and ``[docs/*.md]``
        to none."""
        if not self.sections:
            return self.patterns
        suffix, mapped = vale_extension(path, self.formats)
        normed = _NORMED.get(mapped or suffix, mapped or suffix)
        exts = (f".{suffix}", f".{normed}")
        return self.patterns + tuple(p for glob, blocks, tokens in self.sections
                                     if any(glob.match(e) for e in exts) for p in (*blocks, *tokens))

    @property
    def reads_code(self) -> bool:
        """Whether rules in Vale's format read code spans (Vale does when ``code`` is not ignored)."""
        return "code" not in self.ignored_scopes

    @property
    def patterns(self) -> tuple[str, ...]:
        """The configuration's own block and token ignores (for every file)."""
        return self.block_ignores + self.token_ignores

    def class_zones(self, text: str, blocks) -> list[tuple[int, int]]:
        """Inline HTML in Markdown prose whose tag has one of ``ignored_classes``: from its opening tag to
        its closing one (Vale renders Markdown to HTML and skips such an element whole)."""
        if not self.ignored_classes:
            return []
        wanted = set(self.ignored_classes)
        zones = []
        for block in blocks:
            for m in _CLASSED_TAG.finditer(text, block.start, block.end):
                if wanted.isdisjoint(m.group(2).split()):
                    continue
                close = text.find(f"</{m.group(1)}>", m.end(), block.end)
                if close != -1:
                    zones.append((m.start(), close + len(m.group(1)) + 3))
        return zones

    def scope_zones(self, blocks, inline_scopes) -> list[tuple[int, int]]:
        """The spans of the blocks and inline scopes these settings keep out (``blocks`` with ``.scope``)."""
        inline = {_INLINE[n] for n in self.ignored_scopes if n in _INLINE}
        if "alt" in self.skipped_scopes:
            inline.add("alt")
        named = {s for n in self.skipped_scopes for s in _BLOCK.get(n, ())}
        zones = [(s, e) for name, s, e in inline_scopes if name in inline or name in named]
        zones.extend((b.start, b.end) for b in blocks if b.scope in named)
        return zones


def from_values(values: dict | None) -> Ignores | None:
    """Ignores from keyword values (``ignored_scopes``...); None when nothing differs from Vale's defaults."""
    if not values:
        return None
    ignores = Ignores(**{k: tuple(str(v) for v in values[k]) for k in values})
    return None if ignores == Ignores() else ignores
