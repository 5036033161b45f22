#!/usr/bin/env python3
"""How many of a Vale package's expected findings lintnews reproduces, and whether it loads whole.

    python scripts/vale_fixtures.py PACKAGE_DIR [PACKAGE_DIR ...] [--verbose]

A package folder is a checkout of a public Vale package (errata-ai/write-good, proselint,
Microsoft, Google, alex, Joblint...) as its repository has it: the style in ``<Name>/``, test
scenarios in ``features/*.feature`` ("When I test "X"" and the expected
``file:line:column:Style.Rule:message`` lines) and their articles in ``fixtures/X/`` with a
``.vale.ini``. Nothing of a package is kept here: fetch one, point this script at it.

The style is loaded whole with the loader the command uses (every rule file that cannot load is
counted and named). Each scenario runs as the package's ``features/steps.rb`` runs vale: the
installed ``lintnews check`` in ``fixtures/X`` on ``.``, reading the ``.vale.ini`` it finds there
(run/vale_ini.py) and nothing else; only Markdown and text articles count. Printed per package:
rules, load errors, expected findings, reproduced (same file, line, column, rule and message),
extra.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from lintnews.rules.loader import load_rules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vale_features import run_lintnews  # noqa: E402 - the scripts folder is not a package

_SCENARIO = re.compile(r'When I (?:test|lint) "(.*?)"')
_EXPECTED = re.compile(r"^\s*(\S+:\d+:\d+:\S+:.*)$", re.M)
ARTICLES = (".md", ".txt")


def measure(package: Path, verbose: bool) -> tuple[int, int, int]:
    style = package / package.name
    problems: list[str] = []
    rules = load_rules([style], builtin=False, problems=problems)
    expected_n = hit_n = extra_n = 0
    for feature in sorted((package / "features").glob("*.feature")):
        for scenario in re.split(r"\n\s*Scenario:", feature.read_text(encoding="utf-8"))[1:]:
            m = _SCENARIO.search(scenario)
            folder = package / "fixtures" / m.group(1) if m else None
            if folder is None or not (folder / ".vale.ini").is_file():
                continue
            found, errors = run_lintnews(folder, ["."])
            got = {line for line in found if line.split(":")[0].endswith(ARTICLES)}
            all_expected = set(_EXPECTED.findall(scenario))
            expected = {e for e in all_expected if e.split(":")[0].endswith(ARTICLES)}
            expected_n += len(expected)
            hit_n += len(expected & got)
            extra_n += len(got - all_expected)
            if verbose:
                for line in sorted(expected - got):
                    print(f"  missed {line}")
                for line in sorted(got - all_expected):
                    print(f"  extra  {line}")
                for line in errors.splitlines():
                    if line.startswith(("error", "warning")):
                        print(f"  {line}")
    loaded = sum(r.id.startswith(package.name + ".") for r in rules)
    print(f"{package.name}: {loaded} rules, {len(problems)} load errors; "
          f"{hit_n} of {expected_n} expected findings reproduced, {extra_n} extra")
    for problem in problems:
        print(f"  {problem}")
    return expected_n, hit_n, extra_n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="+", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list every finding missed or extra")
    args = parser.parse_args()
    totals = [measure(p, args.verbose) for p in args.packages]
    expected, hit, extra = (sum(t[i] for t in totals) for i in range(3))
    print(f"all: {hit} of {expected} reproduced ({100 * hit / max(expected, 1):.0f}%), {extra} extra")


if __name__ == "__main__":
    main()
