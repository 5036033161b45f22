"""Vale's comment controls, beside lintnews's own ``lintnews-disable`` comments.

    <!-- vale off -->                 every rule off, until <!-- vale on -->
    <!-- vale Style.Rule = NO -->     that rule off, until <!-- vale Style.Rule = YES -->
    <!-- vale Style = NO -->          every rule of the style off, until <!-- vale Style = YES -->
    <!-- vale styles = A, B -->       only styles A and B on (``vale style = A``: only A)

As Vale reads them (its source, internal/core/file.go; https://vale.sh/docs/formats/markdown):
a comment holds one control and nothing else; ``vale off`` wins over any rule's own setting;
otherwise the latest control naming a rule, its style, or the styles left on decides. (Vale's
source of October 2024 reads only ``Style.Rule`` controls; its documentation names the style
ones, which are read here.) Vale lints a block when it
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

from . import compiled as _compiled

_CONTROL = _compiled.compile(r"vale[ \t]+([^\s=]+)[ \t]*=[ \t]*(YES|NO)")
_STYLES = _compiled.compile(r"vale[ \t]+styles?[ \t]*=[ \t]*([^\s,]+(?:[ \t]*,[ \t]*[^\s,]+)*)")


@dataclass(frozen=True)
class Control:
    start: int
    end: int
    name: str  # "off", "on", "styles", or the rule id or style it names
    off: bool  # the rule or style is off (for "off"/"on": whether everything is)
    styles: frozenset = frozenset()  # for "styles": the only styles left on


def parse(text: str, comments) -> list[Control]:
    """The controls among the comments at ``comments`` (spans of ``<!-- ... -->``), in order."""
    out = []
    for start, end in sorted(comments):
        body = html.unescape(text[start + 4:end - 3]).strip()
        if body in ("vale off", "vale on"):
            out.append(Control(start, end, body[5:], body == "vale off"))
            continue
        m = _STYLES.fullmatch(body)
        if m:
            names = frozenset(n.strip() for n in m.group(1).split(","))
            out.append(Control(start, end, "styles", False, names))
            continue
        m = _CONTROL.fullmatch(body)
        if m:
            out.append(Control(start, end, m.group(1), m.group(2) == "NO"))
    return out


class States:
    """The controls in order, looked up by offset: for a rule, the last ``vale off``/``on`` and the
    latest control that names it, its style, or the styles left on."""

    def __init__(self, controls: list[Control]):
        self.controls = controls
        self.ends = [c.end for c in controls]
        self.off: list[bool] = []
        self.named: dict[str, list[int]] = {}  # a name -> the indexes of the controls naming it
        self.styles: list[int] = []
        off = False
        for i, c in enumerate(controls):
            if c.name in ("off", "on"):
                off = c.off
            elif c.name == "styles":
                self.styles.append(i)
            else:
                self.named.setdefault(c.name, []).append(i)
            self.off.append(off)

    @staticmethod
    def _latest(indexes: list[int], i: int) -> int:
        k = bisect.bisect_right(indexes, i) - 1
        return indexes[k] if k >= 0 else -1

    def silenced(self, rule_id: str, offset: int) -> bool:
        """Whether the controls before ``offset`` turn ``rule_id`` off."""
        i = bisect.bisect_right(self.ends, offset) - 1
        if i < 0:
            return False
        if self.off[i]:
            return True
        style = rule_id.split(".")[0]
        latest = max(self._latest(self.named.get(rule_id, []), i), self._latest(self.named.get(style, []), i),
                     self._latest(self.styles, i))
        if latest < 0:
            return False
        control = self.controls[latest]
        return style not in control.styles if control.name == "styles" else control.off

    def off_at_end(self) -> bool:
        return bool(self.off) and self.off[-1]


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
