#!/usr/bin/env python3
"""How many of a Vale package's expected findings lintnews reproduces, and whether it loads whole.

    python scripts/vale_fixtures.py PACKAGE_DIR [PACKAGE_DIR ...] [--verbose]

A package folder is a checkout of a public Vale package (errata-ai/write-good, proselint,
Microsoft, Google, alex, Joblint...) as its repository has it: the style in ``<Name>/``, test
scenarios in ``features/*.feature`` ("When I test "X"" and the expected
``file:line:column:Style.Rule:message`` lines) and their articles in ``fixtures/X/`` with a
``.vale.ini``. Nothing of a package is kept here: fetch one, point this script at it.

The style is loaded whole with the loader the command uses (every rule file that cannot load is
counted and named); each scenario's rules are chosen from its ``.vale.ini`` as simply as
possible (``Style.Rule = YES``/``NO`` and ``BasedOnStyles`` per glob section, in order: lintnews
does not read ``.vale.ini`` yet), and only ``.md``/``.txt`` articles are checked. Printed per
package: rules, load errors, expected findings, reproduced (same file, line, column, rule and
message), extra.
"""

from __future__ import annotations

import argparse
import configparser
import fnmatch
import re
from pathlib import Path

from lintnews.rules.loader import load_rules
from lintnews.rules.vale_builtin import vale_rules
from lintnews.run.engine import Linter

_SCENARIO = re.compile(r'When I (?:test|lint) "(.*?)"')
_EXPECTED = re.compile(r"^\s*(\S+:\d+:\d+:\S+:.*)$", re.M)
_BRACES = re.compile(r"\{(.*?)\}")


def read_ini(path: Path) -> configparser.ConfigParser:
    ini = configparser.ConfigParser(strict=False, interpolation=None)
    ini.optionxform = str
    ini.read_string("[top]\n" + path.read_text(encoding="utf-8"))
    return ini


def globs(section: str) -> list[str]:
    m = _BRACES.search(section)
    return [section[:m.start()] + alt + section[m.end():] for alt in m.group(1).split(",")] if m else [section]


def chosen(ini: configparser.ConfigParser, name: str, ids: list[str]) -> set[str]:
    """The rule ids a file's matching sections turn on, in order (a later NO turns one off)."""
    out: set[str] = set()
    for section in ini.sections():
        if section == "top" or not any(fnmatch.fnmatch(name, g) for g in globs(section)):
            continue
        for key, value in ini[section].items():
            if key == "BasedOnStyles":
                for style in (s.strip() for s in value.split(",")):
                    out |= {i for i in ids if i.startswith(style + ".")}
            elif "." in key:
                (out.discard if value.strip().upper() == "NO" else out.add)(key)
    return out


def measure(package: Path, verbose: bool) -> tuple[int, int, int]:
    style = package / package.name
    problems: list[str] = []
    rules = load_rules([style], builtin=False, problems=problems) + vale_rules()
    by_id = {r.id: r for r in rules}
    expected_n = hit_n = extra_n = 0
    for feature in sorted((package / "features").glob("*.feature")):
        for scenario in re.split(r"\n\s*Scenario:", feature.read_text(encoding="utf-8"))[1:]:
            m = _SCENARIO.search(scenario)
            folder = package / "fixtures" / m.group(1) if m else None
            if folder is None or not (folder / ".vale.ini").is_file():
                continue
            ini = read_ini(folder / ".vale.ini")
            got = set()
            for article in sorted(folder.iterdir()):
                if article.suffix not in (".md", ".txt"):
                    continue
                linter = Linter([by_id[i] for i in sorted(chosen(ini, article.name, list(by_id))) if i in by_id])
                result = linter.check(article.read_text(encoding="utf-8"), article.name)
                got |= {f"{article.name}:{f.line}:{f.column}:{f.rule_id}:{f.message}" for f in result.findings}
            expected = {e for e in _EXPECTED.findall(scenario) if e.split(":")[0].endswith((".md", ".txt"))}
            expected_n += len(expected)
            hit_n += len(expected & got)
            extra_n += len(got - set(_EXPECTED.findall(scenario)))
            if verbose:
                for line in sorted(expected - got):
                    print(f"  missed {line}")
                for line in sorted(got - set(_EXPECTED.findall(scenario))):
                    print(f"  extra  {line}")
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
