"""--format json: one JSON array of findings, for programs."""

from __future__ import annotations

import json


def render(findings, ctx) -> None:
    json.dump([f.to_dict() for f in findings], ctx.stream, ensure_ascii=False, indent=2)
    ctx.stream.write("\n")
