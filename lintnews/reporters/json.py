"""--format json: one JSON array of findings, for programs."""

from __future__ import annotations

import json


def render(findings, sources, *, stream, color=False) -> None:
    json.dump([f.to_dict() for f in findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
