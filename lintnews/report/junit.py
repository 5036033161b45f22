"""--format junit: JUnit XML, for CI systems that show test reports.

One ``<testsuite>`` per checked file (its name the file's path). In it, one
``<testcase>`` per finding at or above the file's fail-on level (``--fail-on``
or the configuration's), each failed by one ``<failure>``, and one per line
naming rules that did not finish on the file (a pattern timed out, the time
budget ran out), each with one ``<error>``, and so a file the run could not read
(``lintnews.input``; errors of no one file have a suite of that name): such a file never passes. A file
with neither has one passing test case, named after the file. Findings below
the fail-on level do not fail anything, as they do not fail the run: they are
listed in the suite's ``<system-out>``, one line each.

    <testsuites name="lintnews" tests="3" failures="2" errors="0" skipped="0">
      <testsuite name="seeds/a.txt" tests="2" failures="2" errors="0" skipped="0">
        <testcase classname="seeds/a.txt" name="News.Confusables at 7:25">
          <failure message="Use 'his' ..." type="News.Confusables">seeds/a.txt:7:25: ...</failure>

So each count is of test cases, as JUnit readers count them: ``failures`` and
``errors`` never exceed ``tests``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..findings import Severity
from . import error_path

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(s: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", s)


def failing(f, ctx) -> bool:
    """Whether the finding fails its file: at or above the file's fail-on level."""
    return f.severity.rank >= Severity(ctx.fail_on.get(f.path, "suggestion")).rank


def _line(f) -> str:
    return _xml_safe(f"{f.path}:{f.line}:{f.column}: {f.rule_id} {f.message}")


def tree(findings, ctx) -> ET.Element:
    # Per article, the checks that did not run through: rules out of time, a file not read (the run exits 2).
    problems: dict[str, list[tuple[str, str]]] = {}
    for path, lines in ctx.unfinished.items():
        problems.setdefault(path, []).extend(("lintnews.unfinished", line) for line in lines)
    loose = []  # errors of no one file: a suite of their own
    for line in ctx.errors:
        path = error_path(line)
        if path is None:
            loose.append(line)
        else:
            problems.setdefault(path, []).append(("lintnews.input", line))
    by_path: dict[str, list] = {path: [] for path in [*ctx.docs, *problems]}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    root = ET.Element("testsuites", {"name": "lintnews"})
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for path in sorted(by_path):
        suite = ET.SubElement(root, "testsuite", {"name": _xml_safe(path)})
        name = _xml_safe(path)
        failed = [f for f in by_path[path] if failing(f, ctx)]
        below = [f for f in by_path[path] if not failing(f, ctx)]
        erred = problems.get(path, ())
        for f in failed:
            case = ET.SubElement(suite, "testcase", {"classname": name, "name": f"{f.rule_id} at {f.line}:{f.column}"})
            failure = ET.SubElement(case, "failure", {"message": _xml_safe(f.message), "type": f.rule_id})
            failure.text = _line(f)
        for kind, line in erred:
            case = ET.SubElement(suite, "testcase", {"classname": name, "name": kind})
            ET.SubElement(case, "error", {"message": _xml_safe(line), "type": kind})
        if not failed and not erred:
            ET.SubElement(suite, "testcase", {"classname": name, "name": name})
        if below:
            out = ET.SubElement(suite, "system-out")
            out.text = "".join(f"{_line(f)} ({f.severity.value}, below fail-on)\n" for f in below)
        counts = {"tests": len(failed) + len(erred) or 1, "failures": len(failed), "errors": len(erred), "skipped": 0}
        for key, value in counts.items():
            suite.set(key, str(value))
            total[key] += value
    if loose:  # errors naming no file (a rule file, a server): one erroring case each, in a suite of their own
        suite = ET.SubElement(root, "testsuite", {"name": "lintnews.input", "tests": str(len(loose)),
                                                  "failures": "0", "errors": str(len(loose)), "skipped": "0"})
        for line in loose:
            case = ET.SubElement(suite, "testcase", {"classname": "lintnews.input", "name": _xml_safe(line)})
            ET.SubElement(case, "error", {"message": _xml_safe(line), "type": "lintnews.input"})
        total["tests"] += len(loose)
        total["errors"] += len(loose)
    for key, value in total.items():
        root.set(key, str(value))
    return root


def render(findings, ctx) -> None:
    root = tree(findings, ctx)
    ET.indent(root)
    ctx.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    ctx.stream.write(ET.tostring(root, encoding="unicode"))
    ctx.stream.write("\n")
