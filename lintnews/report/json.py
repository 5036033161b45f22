"""--format json: one JSON array of findings, for programs.

Each finding has ``link``: the page that explains its rule (``docs-url``,
see :mod:`lintnews.rules.docs`).
"""

from __future__ import annotations

import json


def render(findings, ctx) -> None:
    json.dump([finding_dict(f, ctx) for f in findings], ctx.stream, ensure_ascii=False, indent=2)
    ctx.stream.write("\n")


def finding_dict(f, ctx) -> dict:
    """A finding's fields, with the link to its rule's page."""
    return {**f.to_dict(), "link": ctx.link(f.rule_id)}
