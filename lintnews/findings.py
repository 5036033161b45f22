"""Findings and the fixes attached to them.

A finding is what a rule reports: where (character offsets into the decoded
text), what (rule id, severity, message) and, optionally, how to fix it (a set
of text edits with an applicability, as ruff does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "suggestion": 1}[self.value]


class Applicability(str, Enum):
    """How sure a rule is of its fix.

    ``safe``: applied by ``lintnews fix``; the edit cannot change what the
    article says. ``unsafe``: likely right, applied only with
    ``--unsafe-fixes``. ``display``: shown to the user, never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (offsets in characters)."""

    start: int
    end: int
    content: str = ""

    def overlaps(self, other: "Edit") -> bool:
        if self.start == self.end == other.start == other.end:
            return True  # two insertions at one point: order would be arbitrary
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    title: str = ""

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    def overlaps(self, edits: list[Edit]) -> bool:
        return any(mine.overlaps(theirs) for mine in self.edits for theirs in edits)


@dataclass
class Finding:
    rule_id: str
    severity: Severity
    start: int
    end: int
    message: str
    text: str = ""
    fix: Fix | None = None
    # Filled in by the engine from the document's line index.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    path: str = field(default="", compare=False)

    @property
    def safe_fix(self) -> bool:
        """Whether plain ``lintnews fix`` applies this finding's fix (it is safe)."""
        return self.fix is not None and self.fix.applicability is Applicability.SAFE

    @property
    def can_fix(self) -> bool:
        """Whether some fix can be applied: safe, or unsafe with ``--unsafe-fixes``."""
        return self.fix is not None and self.fix.applicability is not Applicability.DISPLAY

    def sort_key(self):
        return (self.path, self.start, self.end, self.rule_id)

    def to_dict(self) -> dict:
        data = {
            "path": self.path,
            "rule": self.rule_id,
            "severity": self.severity.value,
            "message": self.message,
            "text": self.text,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "fix": None,
        }
        if self.fix is not None:
            data["fix"] = {
                "applicability": self.fix.applicability.value,
                "title": self.fix.title,
                "edits": [
                    {"start": e.start, "end": e.end, "content": e.content} for e in self.fix.edits
                ],
            }
        return data


def names_rule(selector: str, rule_id: str) -> bool:
    """Whether a selector names a rule: its id, or a prefix that ends at a dot ("News",
    "News." or "write-good.Weasel"; "write-good.We" names no rule)."""
    return rule_id == selector or rule_id.startswith(selector.rstrip(".") + ".")
