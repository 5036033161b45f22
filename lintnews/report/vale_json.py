"""--format vale-json: Vale's JSON output, so a tool that reads ``vale --output=JSON`` reads ours.

The shape is Vale's (cmd/vale/json.go and internal/core/alert.go in Vale's
source): one object keyed by file path (files with no finding left out, keys
in sorted order), each a list of alerts in order of position, each alert
with Vale's fields in Vale's order:

* ``Action``: ``{"Name": ..., "Params": [...] or null}``, the rule's
  ``action`` key when it has one (a ``replace`` without params is given the
  finding's replacements, as Vale fills in a substitution's), else
  ``{"Name": "", "Params": null}``;
* ``Span``: ``[first column, last column]`` of the match on its line, both
  1-based and counting characters (Vale's runes), the last inclusive and at
  most the line's length with its line break, as Vale caps it;
* ``Check`` (rule id), ``Description`` (the rule's; "" when unset), ``Link``
  (the rule's ``link``, else its page when ``docs-url`` is an address; else
  ""), ``Message``, ``Severity``, ``Match`` (the text matched), ``Line``.

Written as Go's ``json.MarshalIndent(v, "", "  ")`` writes it: two-space
indent, ``<``, ``>`` and ``&`` escaped as ``\\u003c``, ``\\u003e``,
``\\u0026``, and U+2028 and U+2029 escaped, other characters as they are.
With no findings it writes ``{}``, as Vale does.
"""

from __future__ import annotations

import json

from ..rules.docs import absolute
from .line import vale_message

_GO_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render(findings, ctx) -> None:
    rules = {r.id: r for r in ctx.rules}
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(alert(f, rules.get(f.rule_id), ctx))
    out = json.dumps({p: by_path[p] for p in sorted(by_path)}, ensure_ascii=False, indent=2)
    ctx.stream.write(out.translate(str.maketrans(_GO_ESCAPES)) + "\n")


def alert(f, rule, ctx) -> dict:
    """One finding as a Vale alert (fields in Vale's order)."""
    values = getattr(rule, "values", None) or {}
    return {
        "Action": action(f, values.get("action")),
        "Span": span(f, ctx.docs.get(f.path)),
        "Check": f.rule_id,
        "Description": getattr(rule, "description", "") or "",
        "Link": link(ctx.link(f.rule_id)),
        "Message": vale_message(f.message),
        "Severity": f.severity.value,
        "Match": f.text,
        "Line": f.line,
    }


def link(url: str | None) -> str:
    """The rule's ``link``, or its page when ``docs-url`` makes that an address; else "" (as Vale's)."""
    return url if url and absolute(url) else ""


def action(f, given) -> dict:
    """The rule's ``action`` as Vale gives it, a ``replace`` without params given the fix's replacements."""
    if not isinstance(given, dict) or not given.get("name"):
        return {"Name": "", "Params": None}
    params = given.get("params")
    params = [str(p) for p in params] if isinstance(params, list) else None
    if given["name"] == "replace" and not params and f.fix is not None:
        params = [e.content for e in f.fix.edits] or None
    return {"Name": str(given["name"]), "Params": params}


def span(f, doc) -> list[int]:
    """[first, last] column of the match on its line, the last inclusive; a match that runs on past its
    line stops at the line's end, its line break counted (Vale counts the line with its line break)."""
    last = f.column + len(f.text) - 1 if f.text else f.column
    if doc is not None and f.end_line > f.line:
        last = min(last, len(doc.line_text(f.line)) + 1)
    return [f.column, max(last, f.column)]
