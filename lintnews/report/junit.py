"""--format junit: JUnit XML, for CI systems that show test reports.

One ``<testcase>`` per checked file, one ``<failure>`` per finding in it at or
above the file's fail-on level (``--fail-on`` or the configuration's), and one
``<error>`` per line naming rules that did not finish on it (a pattern timed
out, the time budget ran out): such a file never passes. Findings below the
fail-on level do not fail the test case, as they do not fail the run: they are
listed in its ``<system-out>``, one line each. A file with none of these passes.

    <testsuites name="lintnews" tests="2" failures="3" errors="0" skipped="0">
      <testsuite name="lintnews" tests="2" failures="3" errors="0" skipped="0">
        <testcase classname="lintnews" name="seeds/a.txt">
          <failure message="Use 'his' ..." type="News.Confusables">seeds/a.txt:7:25: ...</failure>

``failures`` counts ``<failure>`` elements and ``errors`` ``<error>`` elements, as JUnit readers do.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..findings import Severity

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
    by_path: dict[str, list] = {path: [] for path in [*ctx.docs, *ctx.unfinished]}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    errors = sum(len(lines) for lines in ctx.unfinished.values())
    failures = sum(1 for f in findings if failing(f, ctx))
    counts = {"tests": str(len(by_path)), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    root = ET.Element("testsuites", {"name": "lintnews", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "lintnews", **counts})
    for path in sorted(by_path):
        case = ET.SubElement(suite, "testcase", {"classname": "lintnews", "name": _xml_safe(path)})
        passing = []
        for f in by_path[path]:
            if not failing(f, ctx):
                passing.append(f)
                continue
            failure = ET.SubElement(case, "failure", {"message": _xml_safe(f.message), "type": f.rule_id})
            failure.text = _line(f)
        for line in ctx.unfinished.get(path, ()):
            ET.SubElement(case, "error", {"message": _xml_safe(line), "type": "lintnews.unfinished"})
        if passing:
            out = ET.SubElement(case, "system-out")
            out.text = "".join(f"{_line(f)} ({f.severity.value}, below fail-on)\n" for f in passing)
    return root


def render(findings, ctx) -> None:
    root = tree(findings, ctx)
    ET.indent(root)
    ctx.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    ctx.stream.write(ET.tostring(root, encoding="unicode"))
    ctx.stream.write("\n")
