"""Vale's comment controls, beside lintnews's own ``lintnews-disable`` comments.

    <!-- vale off -->                 every rule off, until <!-- vale on -->
    <!-- vale Style.Rule = NO -->     that rule off, until <!-- vale Style.Rule = YES -->
                                      (``off`` and ``on`` as well as ``NO`` and ``YES``)
    <!-- vale Style = NO -->          every rule of the style off, until <!-- vale Style = YES -->
    <!-- vale styles = A, B -->       only styles A and B on (``vale style = A``: only A)
    <!-- vale Style.Rule["a b","c"] = NO -->  the rule off for those matched texts only

As current Vale reads them (vale-cli/vale, internal/core/file.go; https://vale.sh/docs/formats/markdown):
a comment holds one control and nothing else; each name has its own switch, and a rule is silent
while ``vale off``, its style's switch or its own is off (a rule turned off stays off when its
style is turned back on). Vale lints a block when it
has read the whole of it, so a control inside a paragraph decides for the whole paragraph; a
finding is judged by the controls before the end of its block, and one inside an inline
``<!-- vale off -->...<!-- vale on -->`` span is dropped (Vale leaves that text out, #1001). A rule that reads the whole file
(``scope: raw`` or ``summary``) runs after the last block, when Vale has put every rule back on:
only a ``vale off`` still in force at the end of the file keeps it quiet.

The controls are read from the spans of the comments a reader found (Markdown's HTML comments;
an HTML reader's the same), so they do not depend on the format.
"""

from __future__ import annotations

import bisect
import html
import json
from dataclasses import dataclass

from . import compiled as _compiled

_CONTROL = _compiled.compile(r"vale (.+\..+|[^.]+) = (YES|NO|on|off)")
_MATCHES = _compiled.compile(r"vale (.+\..+)(\[.+\]) = (YES|NO)")
_STYLES = _compiled.compile(r"vale styles? = (.*)")


@dataclass(frozen=True)
class Control:
    start: int
    end: int
    name: str  # "off", "on", "styles", a rule id, a style, or "Style.Rule[match]"
    off: bool  # the rule or style is off (for "off"/"on": whether everything is)
    styles: frozenset = frozenset()  # for "styles": the only styles left on


def parse(text: str, comments) -> list[Control]:
    """The controls among the comments at ``comments`` (spans of ``<!-- ... -->``), in order."""
    out = []
    for start, end in sorted(comments):
        body = html.unescape(text[start + 4:end - 3]).strip()
        if body in ("vale off", "vale on"):
            out.append(Control(start, end, body[5:], body == "vale off"))
        elif m := _MATCHES.fullmatch(body):
            try:
                texts = json.loads(m.group(2))
            except ValueError:
                continue
            for matched in texts if isinstance(texts, list) else ():
                out.append(Control(start, end, f"{m.group(1)}[{matched}]", m.group(3) == "NO"))
        elif m := _CONTROL.fullmatch(body):
            out.append(Control(start, end, m.group(1), m.group(2) in ("NO", "off")))
        elif m := _STYLES.fullmatch(body):
            out.append(Control(start, end, "styles", False, frozenset(m.group(1).split(", "))))
    return out


def malformed(text: str, comments) -> list[tuple[int, str]]:
    """The comments that start "vale " but are no control Vale reads ("vale House.X = NOPE"): (start, body).
    Vale passes over them in silence; a check says so."""
    out = []
    for start, end in sorted(comments):
        body = html.unescape(text[start + 4:end - 3]).strip()
        if body.startswith("vale ") and not (body in ("vale off", "vale on") or _MATCHES.fullmatch(body)
                                             or _CONTROL.fullmatch(body) or _STYLES.fullmatch(body)):
            out.append((start, body))
    return out


class States:
    """The controls in order, looked up by offset, as Vale keeps them (core/file.go UpdateComments,
    QueryComments): one switch per name, each control setting its own; a rule is silent while
    everything is off, or its style is, or it is, or (for one matched text) ``Rule["text"]`` is.
    ``styles = A, B`` turns every style off but those. Each name keeps the indexes of the controls
    that set it, so a lookup is a binary search (a state copied per control was quadratic)."""

    def __init__(self, controls: list[Control]):
        self.controls = controls
        self.ends = [c.end for c in controls]
        self.off: list[bool] = []
        self.named: dict[str, list[int]] = {}  # a name -> the indexes of the controls setting it
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

    def _switch(self, name: str, i: int) -> bool:
        latest = self._latest(self.named.get(name, []), i)
        return latest >= 0 and self.controls[latest].off

    def silenced(self, rule_id: str, offset: int, matched: str = "") -> bool:
        """Whether the controls before ``offset`` turn ``rule_id`` off (for the text ``matched``)."""
        i = bisect.bisect_right(self.ends, offset) - 1
        if i < 0:
            return False
        if self.off[i] or self._switch(rule_id, i) or self._switch(f"{rule_id}[{matched}]", i):
            return True
        style = rule_id.split(".")[0]
        named, listed = self._latest(self.named.get(style, []), i), self._latest(self.styles, i)
        if listed > named:
            return style not in self.controls[listed].styles
        return named >= 0 and self.controls[named].off

    def off_at(self, offset: int) -> bool:
        """Whether ``vale off`` is in force at ``offset`` (text Vale leaves out of its block, #1001)."""
        i = bisect.bisect_right(self.ends, offset) - 1
        return i >= 0 and self.off[i]

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
        if not states.silenced(f.rule_id, at, f.text or "") and not states.off_at(f.start):
            kept.append(f)
    return kept
