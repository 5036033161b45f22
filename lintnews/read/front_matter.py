"""Front matter: the YAML between ``---`` fences at the top of a Markdown article, and its title."""

from __future__ import annotations

from typing import NamedTuple

import yaml

from ..errors import LintnewsError
from .datafile import compose_yaml, load_yaml
from .document import ProseBlock
from .lines import Lines


class FrontMatter(NamedTuple):
    span: tuple[int, int]
    yaml_at: int      # where the YAML source starts in the text
    source: str       # the YAML between the fences
    end_line: int     # the line of the closing fence


def find(text: str, lines: Lines) -> FrontMatter | None:
    """The front matter at the top of the text, or None."""
    if len(lines) < 2 or lines.content(0).rstrip(" \t") != "---":
        return None
    for n in range(1, len(lines)):
        if lines.content(n).rstrip(" \t") in ("---", "..."):
            return FrontMatter((0, lines.end(n)), lines.start(1), text[lines.start(1):lines.start(n)], n)
    return None


def title_block(fm: FrontMatter) -> ProseBlock | None:
    """The front matter's title as a block over its YAML value (over the first fence if not placed)."""
    title, span = _front_matter_title(fm.source)
    if title is None:
        return None
    fs = fm.span[0]
    s, e = (fm.yaml_at + span[0], fm.yaml_at + span[1]) if span else (fs, fs + 3)
    return ProseBlock(s, e, "title", value=title, removal=(s, s))


def _front_matter_title(source: str):
    """The title and its span in ``source``; (None, None) for none or invalid YAML."""
    try:
        data = load_yaml(source, "front matter")
    except (LintnewsError, ValueError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    title = data.get("title")
    if isinstance(title, bool) or not isinstance(title, (str, int, float)):
        return None, None
    title = str(title).strip()
    if not title:
        return None, None
    return title, _title_span(source)


def _title_span(source: str) -> tuple[int, int] | None:
    """Where the ``title:`` value stands in ``source``, or None."""
    span = None
    try:
        node = compose_yaml(source, "front matter")  # nodes only: nothing is constructed
        for key, value in getattr(node, "value", []):
            if isinstance(key, yaml.ScalarNode) and key.value == "title" and isinstance(value, yaml.ScalarNode):
                span = (value.start_mark.index, value.end_mark.index)
    except (LintnewsError, ValueError):
        pass
    return span
