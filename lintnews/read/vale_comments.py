"""Vale's comment controls, beside lintnews's own ``lintnews-disable`` comments.

    <!-- vale off -->                 every rule off, until <!-- vale on -->
    <!-- vale Style.Rule = NO -->     that rule off, until <!-- vale Style.Rule = YES -->
    <!-- vale Style = NO -->          every rule of the style off, until <!-- vale Style = YES -->

As Vale reads them (its source, internal/core/file.go; https://vale.sh/docs/formats/markdown):
a comment holds one control and nothing else; ``vale off`` wins over any rule's own setting;
otherwise the latest control naming a rule (or its style) decides. Vale lints a block when it
has read the whole of it, so a control inside a paragraph decides for the whole paragraph; a
finding is judged by the controls before the end of its block. A rule that reads the whole file
(``scope: raw`` or ``summary``) runs after the last block, when Vale has put every rule back on:
only a ``vale off`` still in force at the end of the file keeps it quiet.

The controls are read from the spans of the comments a reader found (Markdown's HTML comments;
an HTML reader's the same), so they do not depend on the format.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass

import regex

_CONTROL = regex.compile(r"vale[ \t]+([^\s=]+)[ \t]*=[ \t]*(YES|NO)")


@dataclass(frozen=True)
class Control:
    start: int
    end: int
    name: str  # "off", "on", or the rule id or style it names
    off: bool  # the rule or style is off (for "off"/"on": whether everything is)


def parse(text: str, comments) -> list[Control]:
    """The controls among the comments at ``comments`` (spans of ``<!-- ... -->``), in order."""
    out = []
    for start, end in sorted(comments):
        body = html.unescape(text[start + 4:end - 3]).strip()
        if body in ("vale off", "vale on"):
            out.append(Control(start, end, body[5:], body == "vale off"))
            continue
        m = _CONTROL.fullmatch(body)
        if m:
            out.append(Control(start, end, m.group(1), m.group(2) == "NO"))
    return out


class States:
    """The controls' state after each control, looked up by offset."""

    def __init__(self, controls: list[Control]):
        self.ends = [c.end for c in controls]
        self.states: list[tuple[bool, dict[str, tuple[int, bool]]]] = []
        off, named = False, {}
        for i, c in enumerate(controls):
            if c.name in ("off", "on"):
                off = c.off
            else:
                named = {**named, c.name: (i, c.off)}
            self.states.append((off, named))

    def silenced(self, rule_id: str, offset: int) -> bool:
        """Whether the controls before ``offset`` turn ``rule_id`` off."""
        i = bisect.bisect_right(self.ends, offset) - 1
        if i < 0:
            return False
        off, named = self.states[i]
        if off:
            return True
        style = rule_id.split(".")[0]
        latest = max((named[n] for n in (rule_id, style) if n in named), default=None)
        return latest is not None and latest[1]

    def off_at_end(self) -> bool:
        return bool(self.states) and self.states[-1][0]


def apply(findings: list, controls: list[Control], doc, whole_file: frozenset = frozenset()) -> list:
    """The findings no control silences; ``whole_file`` names the rules that read the whole file."""
    if not controls:
        return findings
    states = States(controls)
    kept = []
    for f in findings:
        if f.rule_id in whole_file:
            if not states.off_at_end():
                kept.append(f)
            continue
        block = doc.block_at(f.start)
        at = block.end if block is not None else f.start
        if not states.silenced(f.rule_id, at):
            kept.append(f)
    return kept
