"""--format gitlab: a GitLab Code Quality report (the merge request's code quality widget).

A JSON array with one object per finding, holding the fields GitLab reads
(https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):

    [{"description": "Use 'his' ...", "check_name": "News.Confusables",
      "fingerprint": "3f1c...", "severity": "major",
      "location": {"path": "articles/a.md", "lines": {"begin": 7}}}]

GitLab compares the fingerprints of the source and target branches to tell new
findings from fixed ones, so a fingerprint must not change when nothing about
the finding did: it hashes the path, the rule, the matched text and the line it
stands on (its words, not its number), and an occurrence index for repeats of
all four. Lines added or removed above a finding leave it alone.

Levels map onto GitLab's scale (info, minor, major, critical, blocker):
suggestion -> info, warning -> minor, error -> major. critical and blocker
are left for defects that break a build, which an editorial finding does not;
a file the run could not check (unreadable, a rule file that did not load:
the run exits 2) is one ``critical`` issue, check ``lintnews.input``, at that
file, so the merge request shows why the job failed; an article on which not
every rule finished (a time budget) is a ``minor`` one, ``lintnews.unfinished``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path, PurePosixPath

from . import error_path

SEVERITIES = {"suggestion": "info", "warning": "minor", "error": "major"}


def report_path(path: str) -> str:
    """The path GitLab links to: relative to the project folder (the working directory in CI), POSIX style."""
    if path == "-":
        return path
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            pass
    return str(PurePosixPath(p.as_posix()))


def _context(f, docs) -> str:
    doc = docs.get(f.path)
    if doc is None or f.line < 1:
        return ""
    return " ".join(doc.line_text(f.line).split())


def fingerprint(path: str, rule: str, text: str, context: str, occurrence: int) -> str:
    data = json.dumps([path, rule, text, context, occurrence], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def issues(findings, ctx) -> list[dict]:
    seen: Counter = Counter()
    out = []
    for f in findings:
        path = report_path(f.path)
        key = (path, f.rule_id, f.text, _context(f, ctx.docs))
        occurrence = seen[key]
        seen[key] += 1
        out.append({
            "description": f.message,
            "check_name": f.rule_id,
            "fingerprint": fingerprint(*key, occurrence),
            "severity": SEVERITIES[f.severity.value],
            "location": {"path": path, "lines": {"begin": max(1, f.line)}},
        })
    return out


def run_issues(ctx) -> list[dict]:
    """One ``critical`` issue per line of ``ctx.errors`` ("path: problem") at the file it names (else the
    project), and one ``minor`` issue per article whose rules did not all finish (``lintnews.unfinished``)."""
    found = [("lintnews.input", "critical", error_path(line), line) for line in ctx.errors]
    found += [("lintnews.unfinished", "minor", path, line) for path, lines in ctx.unfinished.items() for line in lines]
    out = []
    for check, severity, named, line in found:
        path = report_path(named) if named else "."
        out.append({
            "description": line,
            "check_name": check,
            "fingerprint": fingerprint(path, check, line, "", 0),
            "severity": severity,
            "location": {"path": path, "lines": {"begin": 1}},
        })
    return out


def render(findings, ctx) -> None:
    json.dump(issues(findings, ctx) + run_issues(ctx), ctx.stream, ensure_ascii=False, indent=2)
    ctx.stream.write("\n")
