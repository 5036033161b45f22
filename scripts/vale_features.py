#!/usr/bin/env python3
"""How many of the findings Vale's own feature scenarios expect lintnews reproduces.

    python scripts/vale_features.py VALE_TESTDATA [--verbose] [--feature NAME]

VALE_TESTDATA is the ``testdata`` folder of a checkout of Vale (https://github.com/errata-ai/vale):
``features/*.feature`` (Cucumber scenarios: a step such as ``When I test "checks/Metric"`` and the
expected ``file:line:column:Style.Rule:message`` lines) and ``fixtures/``. Nothing of Vale is
kept here: point the script at a checkout.

Each scenario is run as ``features/steps.rb`` runs ``vale --output=line --sort --normalize
--relative --no-global ARGS`` (the same folder, the same arguments; a scenario's ``Given a file
named`` files are written to ``tmp/aruba`` first, as Aruba does), with the installed
``lintnews check --format json --no-cache --allow-outside-paths``: lintnews reads the ``.vale.ini``
it finds there and nothing else (no ``--styles``, no ``--select``). Only Markdown, text and HTML
files count (``.md``, ``.markdown``, ``.txt``, ``.html``, ``.htm``): expected findings in other
formats are counted apart, and steps that exercise other features of Vale's command line
(``--glob``, ``--filter``, ``vale sync``, ``vale fix``, standard input, templates,
``--minAlertLevel``, ``--ext``...) are counted as not run.

Printed per feature: scenarios run, expected findings, reproduced (same file, line, column, rule
and message), extra (found in an in-scope file but not expected, in scenarios that expect
exactly their output), expected findings in other formats, scenarios not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lintnews.errors import LintnewsError
from lintnews.run.vale_ini import CODE, find_vale_ini
from lintnews.run.vale_ini_read import read_ini

IN_SCOPE = (".md", ".markdown", ".txt", ".html", ".htm")
_STEP = re.compile(r"^\s*(?:When|And|Given) (.*)$")
_FILE = re.compile(r'^\s*(?:Given|And) a file named "(.*?)" with:\s*$')
_DOC = re.compile(r'^(\s*)"""\s*$')
_EXPECT = re.compile(r"^\s*Then the output should (contain exactly|contain):\s*$")
# steps.rb: the folder (under fixtures/) each step runs in, and its arguments. None: the current folder.
STEPS = [
    (re.compile(r'I lint "(.*)"$'), lambda m: ("formats", m.group(1).split())),
    (re.compile(r'I test "(.*)"$'), lambda m: (m.group(1), ["."])),
    (re.compile(r'I run vale "(.*)"$'), lambda m: (None, m.group(1).split())),
    (re.compile(r'I test scope "(.*)"$'), lambda m: (f"scopes/{m.group(1)}", ["."])),
    (re.compile(r'I test patterns for "(.*)"$'), lambda m: ("patterns", [m.group(1)])),
    # older steps.rb: "test#{ext}" (".md"); newer: the file itself ("test.md")
    (re.compile(r'I test comments for "(.*)"$'),
     lambda m: ("comments", [m.group(1) if not m.group(1).startswith(".") else f"test{m.group(1)}"])),
    (re.compile(r'I apply style "(.*)"$'), lambda m: (f"styles/{m.group(1)}", ["."])),
    (re.compile(r'I use Vocab "(.*)"$'), lambda m: (f"vocab/{m.group(1)}", ["."])),
    (re.compile(r'I lint path "(.*)"$'), lambda m: (f"formats/{m.group(1)}", ["."])),
    (re.compile(r"I lint path with exclusions$"), lambda m: ("folders", ["."])),
    (re.compile(r'I lint with config "(.*)"$'), lambda m: ("formats", ["--vale-config", m.group(1), "test.md"])),
]


@dataclass
class Scenario:
    feature: str
    name: str
    files: dict[str, str] = field(default_factory=dict)
    step: str = ""
    expected: list[str] = field(default_factory=list)
    exactly: bool = True
    checks_output: bool = False


def _doc_string(lines: list[str], i: int) -> tuple[str, int]:
    """The text of the doc string opening at line ``i`` (its indentation removed), and the line after it."""
    indent = len(_DOC.match(lines[i]).group(1))
    body = []
    i += 1
    while i < len(lines) and not _DOC.match(lines[i]):
        body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i].lstrip())
        i += 1
    return "\n".join(body) + ("\n" if body else ""), i + 1


def scenarios(feature: Path) -> list[Scenario]:
    lines = feature.read_text(encoding="utf-8").splitlines()
    background: dict[str, str] = {}
    out: list[Scenario] = []
    current: Scenario | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("#"):
            i += 1
            continue
        if line.strip().startswith("Scenario:"):
            current = Scenario(feature.stem, line.split(":", 1)[1].strip(), dict(background))
            out.append(current)
        elif (m := _FILE.match(line)) and i + 1 < len(lines) and _DOC.match(lines[i + 1]):
            text, i = _doc_string(lines, i + 1)
            (current.files if current else background)[m.group(1)] = text
            continue
        elif (m := _EXPECT.match(line)) and current is not None and i + 1 < len(lines) and _DOC.match(lines[i + 1]):
            text, i = _doc_string(lines, i + 1)
            current.expected = [t.strip() for t in text.splitlines() if t.strip()]
            current.exactly = m.group(1) == "contain exactly"
            current.checks_output = True
            continue
        elif current is not None and (m := _STEP.match(line)) and not current.step and "file named" not in line:
            current.step = m.group(1).strip()
        i += 1
    return out


def _in_scope(name: str, formats: dict[str, str] | None = None) -> bool:
    """Whether a file is Markdown, text or HTML, by its suffix or the one ``[formats]`` maps it to."""
    suffix = Path(name).suffix.lstrip(".")
    mapped = (formats or {}).get(suffix, suffix)
    return name.lower().endswith(IN_SCOPE) or (f".{mapped}" in IN_SCOPE and not CODE.fullmatch(suffix))


def _formats(cwd: Path) -> dict[str, str]:
    """The ``[formats]`` of the Vale configuration found from ``cwd``."""
    found = find_vale_ini(cwd)
    try:
        ini = read_ini(found) if found else None
    except LintnewsError:
        return {}
    return {k.lstrip("."): ini.value("formats", k).lstrip(".") for k in ini.keys("formats")} if ini else {}


def _finding_line(f: dict, cwd: Path) -> str:
    path = os.path.normpath(os.path.relpath(os.path.abspath(cwd / f["path"]), cwd))
    return f"{path}:{f['line']}:{f['column']}:{f['rule']}:{f['message']}"


def run_lintnews(cwd: Path, args: list[str]) -> tuple[list[str], str]:
    """The findings (Vale's line format) and any error lines of ``lintnews check`` run in ``cwd``."""
    findings, errors = run_lintnews_json(cwd, args)
    return [_finding_line(f, cwd) for f in findings], errors


def run_lintnews_json(cwd: Path, args: list[str]) -> tuple[list[dict], str]:
    """The findings (lintnews's JSON records) and any error lines of ``lintnews check`` run in ``cwd``."""
    exe = shutil.which("lintnews") or str(Path(sys.executable).with_name("lintnews"))
    cmd = [exe, "check", "--format", "json", "--no-cache", "--allow-outside-paths", "--jobs", "1", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    try:
        data = json.loads(proc.stdout or "[]")
    except json.JSONDecodeError:
        data = []
    findings = data if isinstance(data, list) else data.get("findings", [])
    return findings, proc.stderr.strip()


@dataclass
class Tally:
    scenarios: int = 0
    expected: int = 0
    reproduced: int = 0
    extra: int = 0
    other_formats: int = 0
    not_run: int = 0


def measure(testdata: Path, sc: Scenario, tally: Tally, verbose: bool) -> None:
    step = next(((folder_args(m)) for pattern, folder_args in STEPS if (m := pattern.search(sc.step))), None)
    if step is None or not sc.checks_output:
        tally.not_run += 1
        if verbose:
            print(f"  not run: {sc.feature}: {sc.name} ({sc.step or 'no step'})")
        return
    folder, args = step
    aruba = testdata / "tmp" / "aruba"
    shutil.rmtree(aruba, ignore_errors=True)
    aruba.mkdir(parents=True)
    for name, text in sc.files.items():
        (aruba / name).parent.mkdir(parents=True, exist_ok=True)
        (aruba / name).write_text(text, encoding="utf-8")
    cwd = aruba if folder is None else (aruba / "../../fixtures" / folder).resolve()
    if not cwd.is_dir() or not cwd.is_relative_to(testdata):
        tally.not_run += 1
        if verbose:
            print(f"  not run: {sc.feature}: {sc.name} (no folder {cwd})")
        return
    formats = _formats(cwd)
    expected = [e for e in sc.expected if re.match(r"^[^:\s]+:\d+:\d+:", e)]
    wanted = [e for e in expected if _in_scope(e.split(":")[0], formats)]
    tally.scenarios += 1
    tally.other_formats += len(expected) - len(wanted)
    args = [a for a in args if a.startswith("-") or a == "." or _in_scope(a, formats) or a.startswith("../")]
    if not [a for a in args if not a.startswith("-")]:
        return  # every file the step names is in another format
    got, errors = run_lintnews(cwd, args)
    got = [g for g in got if _in_scope(g.split(":")[0], formats)]
    hits = set(wanted) & set(got)
    extra = sorted(set(got) - set(expected)) if sc.exactly else []
    tally.expected += len(wanted)
    tally.reproduced += len(hits)
    tally.extra += len(extra)
    if verbose and (set(wanted) - hits or extra or errors):
        print(f"  {sc.feature}: {sc.name} [{os.path.relpath(cwd, testdata)} {' '.join(args)}]")
        for line in sorted(set(wanted) - hits):
            print(f"    missed {line}")
        for line in extra:
            print(f"    extra  {line}")
        for line in errors.splitlines()[:5]:
            print(f"    stderr {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("testdata", type=Path, help="Vale's testdata folder")
    parser.add_argument("--verbose", action="store_true", help="list every finding missed or extra")
    parser.add_argument("--feature", action="append", help="only this feature (file stem); repeatable")
    args = parser.parse_args()
    testdata = args.testdata.resolve()
    rows: dict[str, Tally] = {}
    for feature in sorted((testdata / "features").glob("*.feature")):
        if args.feature and feature.stem not in args.feature:
            continue
        tally = rows.setdefault(feature.stem, Tally())
        for sc in scenarios(feature):
            measure(testdata, sc, tally, args.verbose)
    shutil.rmtree(testdata / "tmp" / "aruba", ignore_errors=True)
    total = Tally(*(sum(getattr(t, k) for t in rows.values()) for k in Tally.__dataclass_fields__))
    head = ("feature", "scenarios run", "expected", "reproduced", "extra", "other formats", "not run")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, t in [*rows.items(), ("all", total)]:
        print(f"| {name} | {t.scenarios} | {t.expected} | {t.reproduced} | {t.extra} | {t.other_formats} | {t.not_run} |")
    print(f"\n{total.reproduced} of {total.expected} expected findings in Markdown, text and HTML reproduced "
          f"({100 * total.reproduced / max(total.expected, 1):.1f}%), {total.extra} extra")


if __name__ == "__main__":
    main()
