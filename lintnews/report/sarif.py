"""--format sarif: a SARIF 2.1.0 log, for GitHub code scanning and SARIF viewers.

One run; ``tool.driver.rules`` describes every rule that ran, each result
points at its rule by id and index. The run's ``columnKind`` is
``unicodeCodePoints``: columns and ``charOffset``/``charLength`` count code
points of the decoded text, as lintnews's own positions do (so an emoji is
one column, not two UTF-16 code units). Regions carry both line/column and
character offsets, and the matched text as a snippet. Fixes that lintnews
may apply become SARIF ``fixes``. Each rule carries its documentation page
as ``help`` (text and Markdown, which GitHub shows with an alert), and
``helpUri`` when ``docs-url`` is an absolute URL (see
:mod:`lintnews.rules.docs`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from . import error_path
from ..rules.docs import absolute, first_sentence, help_markdown, help_text, page_url
from ..version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def artifact_location(path: str) -> dict:
    """A relative path becomes a relative URI under %SRCROOT%; an absolute one a file: URI."""
    if path == "-":
        return {"uri": "stdin"}
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    posix = str(PurePosixPath(path.replace(os.sep, "/")))  # also drops "./" and doubled slashes
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def descriptor(rule, docs_url: str | None = None) -> dict:
    """A rule's reportingDescriptor: its texts, its page as ``help`` and, when absolute, ``helpUri``."""
    kind = rule.name
    description = " ".join((rule.description or "").split())
    short = first_sentence(rule.description or "") or rule.summary or rule.id
    desc = {
        "id": rule.id,
        "name": rule.id.rsplit(".", 1)[-1],
        "shortDescription": {"text": short},
        "fullDescription": {"text": description or rule.summary or rule.id},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {
            "kind": kind,
            "fix": rule.applicability.value if rule.applicability is not None else "none",
            "tags": ["lintnews", kind],
        },
    }
    link = page_url(rule, docs_url)
    if absolute(link):  # SARIF wants an absolute URI; the default docs-url is a path in the lintnews repository
        desc["helpUri"] = link
    desc["help"] = {"text": help_text(rule), "markdown": help_markdown(rule)}
    return desc


def _bare_descriptor(finding) -> dict:
    """For a finding whose rule is not among the rules the context lists."""
    return {
        "id": finding.rule_id,
        "name": finding.rule_id.rsplit(".", 1)[-1],
        "shortDescription": {"text": finding.rule_id},
        "defaultConfiguration": {"level": LEVELS[finding.severity.value]},
    }


def _region(doc, start: int, end: int, snippet: str | None = None) -> dict:
    region = {}
    if doc is not None:
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    region["charOffset"] = start
    region["charLength"] = end - start
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    return region


def _finding_region(f) -> dict:
    # Positions as the engine computed them; a zero-length span (an insertion
    # point, such as a missing final newline) has endColumn == startColumn.
    return {
        "startLine": max(1, f.line),
        "startColumn": max(1, f.column),
        "endLine": max(1, f.end_line, f.line),
        "endColumn": max(1, f.end_column),
        "charOffset": f.start,
        "charLength": max(0, f.end - f.start),
        "snippet": {"text": f.text},
    }


def _fix(f, doc, location: dict) -> dict:
    replacements = []
    for edit in f.fix.edits:
        replacement = {"deletedRegion": _region(doc, edit.start, edit.end)}
        if edit.content:
            replacement["insertedContent"] = {"text": edit.content}
        replacements.append(replacement)
    return {
        "description": {"text": f.fix.title or f.message},
        "artifactChanges": [{"artifactLocation": dict(location), "replacements": replacements}],
        "properties": {"applicability": f.fix.applicability.value},
    }


def result(f, rule_index: int, doc) -> dict:
    location = artifact_location(f.path)
    res = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity.value],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _finding_region(f)}}],
    }
    if f.can_fix:
        res["fixes"] = [_fix(f, doc, location)]
    return res


def log(findings, ctx) -> dict:

    rules = [descriptor(r, ctx.docs_url) for r in ctx.rules]
    index = {}
    for i, rule in enumerate(rules):
        index.setdefault(rule["id"], i)
    for f in findings:
        if f.rule_id not in index:
            index[f.rule_id] = len(rules)
            rules.append(_bare_descriptor(f))
    results = [result(f, index[f.rule_id], ctx.docs.get(f.path)) for f in findings]
    run = {
        "tool": {
            "driver": {
                "name": "lintnews",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [_invocation(ctx)],
    }
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def _invocation(ctx) -> dict:
    """Whether the run checked everything it was asked to: a file not read (the run exits 2) is an error
    notification, an article whose rules ran out of time a warning naming it."""
    notes = []
    for line in ctx.errors:
        path = error_path(line)
        where = {"locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]} if path else {}
        notes.append({"level": "error", "message": {"text": line}, **where})
    for path, lines in ctx.unfinished.items():
        notes.append({"level": "warning", "message": {"text": " ".join(lines)},
                      "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]})
    return {"executionSuccessful": not ctx.errors, "toolExecutionNotifications": notes}


def render(findings, ctx) -> None:
    json.dump(log(findings, ctx), ctx.stream, ensure_ascii=False, indent=2)
    ctx.stream.write("\n")
