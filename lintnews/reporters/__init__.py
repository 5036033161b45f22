"""Output formats, one module each. ``FORMATS`` maps a --format name to its module.

A reporter module has ``render(findings, docs, *, stream, color) -> None``
where ``docs`` maps a path to its text (for showing source lines).
"""

from . import concise, json, text

FORMATS = {"text": text, "concise": concise, "json": json}
