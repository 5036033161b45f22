#!/usr/bin/env python3
"""How many of a Vale package's expected findings lintnews reproduces, and whether it loads whole.

    python scripts/vale_fixtures.py PACKAGE_DIR [PACKAGE_DIR ...] [--verbose]

A package folder is a checkout of a public Vale package as its repository has it. Its styles are
the folders of rule files in it (``<Name>/*.yml``, ``styles/<Name>/*.yml``, ``.vale/styles/...``)
and its tests are read in whichever of five layouts it uses (scripts/vale_layouts.py): Cucumber
``features/*.feature`` with ``fixtures/X`` (errata-ai's packages, IBM...), go-cmdtest
``testdata/*.ct`` (readability, Hugo), JSON assertions ``rule-tests/run_rule_tests.py``
(elastic/vale-rules), ``tests/Rule-bad.txt`` and ``Rule-good.txt`` (openSUSE) or Vale 3.24's
``vale test`` cases (cptaffe/vale-styles). A package with
no tests is still loaded, to count load errors. Nothing of a package is kept here: fetch one,
point this script at it.

Every style is loaded with the loader the command uses (each rule file that cannot load is
counted and named). Each case runs as the package's own test runs vale: the installed ``lintnews
check`` in the case's folder, reading the ``.vale.ini`` it finds there (run/vale_ini.py) or the
one the test names, and nothing else; only Markdown, text and HTML articles count. Printed per
package: rules, load errors, expected findings, reproduced (same file, line, column, rule and
message; or same rule, line and matched text where the package's test compares those), extra.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from lintnews.rules.loader import load_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vale_features import _finding_line, run_lintnews_json  # noqa: E402 - scripts is not a package
from vale_layouts import Case, bad_good, cmdtest, cucumber, json_assertions, rule_tests  # noqa: E402

ARTICLES = (".md", ".txt", ".html", ".htm", ".markdown")
_NOT_STYLES = {"features", "fixtures", "testdata", "tests", "test", "config", "docs", ".github"}


def styles_of(package: Path) -> list[Path]:
    """The style folders of a package: folders holding rule files, outside its test folders."""
    found = []
    for base in (package, package / "styles", package / ".vale" / "styles", package / "src" / "styles"):
        if base.is_dir():
            found += [d for d in sorted(base.iterdir()) if d.is_dir() and d.name not in _NOT_STYLES
                      and not d.name.startswith(".") and any(_is_rule(f) for f in d.glob("*.yml"))]
    return found


def _is_rule(path: Path) -> bool:
    """Whether a YAML file is a rule (it says ``extends:``), not other data kept beside the styles."""
    try:
        return any(line.startswith("extends:") for line in path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False


def cases_of(package: Path, scratch: Path) -> list[Case]:
    """The package's cases, one per run and compared part: a run two scenarios share (a Scenario
    Outline's row and a plain scenario testing the same folder) is one case, its findings counted once."""
    if (package / "features").is_dir():
        cases = cucumber(package)
    elif any((package / "testdata").glob("*.ct")):
        cases = cmdtest(package)
    elif (package / "rule-tests" / "run_rule_tests.py").is_file():
        cases = json_assertions(package, scratch)
    elif (package / "tests").is_dir():
        cases = bad_good(package)
    else:
        cases = rule_tests(package, styles_of(package), scratch)
        if not cases:
            return []
    merged: dict[tuple, Case] = {}
    for case in cases:
        key = (case.cwd, tuple(case.args), case.key, case.only_rule)
        if key in merged:
            merged[key].expected |= case.expected
            merged[key].exactly = merged[key].exactly and case.exactly
        else:
            merged[key] = case
    return list(merged.values())


def _keys(case: Case, findings: list[dict]) -> set[str]:
    articles = [f for f in findings if f["path"].lower().endswith(ARTICLES)]
    if case.key == "line":
        return {_finding_line(f, case.cwd) for f in articles}
    mine = [f for f in articles if not case.only_rule or f["rule"] == case.only_rule]
    if case.key == "match":
        return {f"{f['rule']}:{f['line']}:{f['text']}" for f in mine}
    return {f["rule"] for f in mine}


def measure(package: Path, verbose: bool, scratch: Path) -> tuple[int, int, int, int]:
    problems: list[str] = []
    styles = styles_of(package)
    rules = load_rules(styles, builtin=False, problems=problems)
    expected_n = hit_n = extra_n = 0
    runs: dict[tuple, tuple[list[dict], str]] = {}
    for case in cases_of(package, scratch):
        key = (case.cwd, tuple(case.args))
        if key not in runs:
            runs[key] = run_lintnews_json(case.cwd, case.args)
        findings, errors = runs[key]
        got = _keys(case, findings)
        expected = {e for e in case.expected if case.key != "line" or e.split(":")[0].endswith(ARTICLES)}
        extra = (got - case.expected) if case.exactly else set()
        expected_n += len(expected)
        hit_n += len(expected & got)
        extra_n += len(extra)
        if verbose:
            for line in sorted(expected - got):
                print(f"  missed {case.name}: {line}")
            for line in sorted(extra):
                print(f"  extra  {case.name}: {line}")
            for line in errors.splitlines():
                if line.startswith(("error", "warning")) and "Found" not in line:
                    print(f"  {case.name}: {line}")
    names = ", ".join(s.name for s in styles)
    print(f"{package.name} ({names}): {len(rules)} rules, {len(problems)} load errors; "
          f"{hit_n} of {expected_n} expected findings reproduced, {extra_n} extra")
    for problem in problems:
        print(f"  {problem}")
    return expected_n, hit_n, extra_n, len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="+", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list every finding missed or extra")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        totals = [measure(p.resolve(), args.verbose, Path(tmp)) for p in args.packages]
    expected, hit, extra, errors = (sum(t[i] for t in totals) for i in range(4))
    print(f"all: {hit} of {expected} reproduced ({100 * hit / max(expected, 1):.0f}%), {extra} extra, "
          f"{errors} load errors")


if __name__ == "__main__":
    main()
