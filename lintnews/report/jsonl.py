"""--format jsonl: one JSON object per finding per line (JSON Lines).

Each object has the same fields as the ``json`` format's. Characters that
some line splitters take for a line break (U+0085, U+2028, U+2029) are
written escaped, so every finding stays on exactly one physical line.
"""

from __future__ import annotations

import json

from .json import finding_dict

_LINE_BREAKERS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps(data) -> str:
    line = json.dumps(data, ensure_ascii=False)
    for char, escaped in _LINE_BREAKERS.items():
        line = line.replace(char, escaped)
    return line


def render(findings, ctx) -> None:
    for f in findings:
        ctx.stream.write(dumps(finding_dict(f, ctx)) + "\n")
