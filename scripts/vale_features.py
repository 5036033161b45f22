#!/usr/bin/env python3
"""How many of the findings Vale's own feature tests expect lintnews reproduces, for scopes and comments.

    python scripts/vale_features.py VALE_TESTDATA [--verbose]

``VALE_TESTDATA`` is the ``testdata`` folder of a checkout of errata-ai/vale (nothing of it is kept
here). The scenarios of ``features/scopes.feature`` ("When I test scope "X"": the fixture folder
``fixtures/scopes/X``) and ``features/comments.feature`` ("When I test comments for ".md"":
``fixtures/comments``) are run, Markdown and text files only, as Vale's steps run them
(``vale --output=line --sort --normalize --relative --no-global`` in the fixture folder): the
folder's ``.vale.ini`` (or ``_vale``) picks the rules from its ``StylesPath`` (``BasedOnStyles``
and ``Style.Rule = YES/NO`` per glob section, read simply: lintnews reads ``.vale.ini`` elsewhere)
and sets ``IgnoredScopes``, ``SkippedScopes``, ``BlockIgnores`` and ``TokenIgnores``. Printed:
per scenario and in all, the expected findings (``file:line:column:Style.Rule:message``), how many
are reproduced and how many lintnews adds.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vale_fixtures import chosen, read_ini  # noqa: E402

from lintnews.rules.loader import load_rules  # noqa: E402
from lintnews.run.engine import Linter  # noqa: E402

_SCENARIO = re.compile(r'When I test (scope|comments for|) ?"(.*?)"')
_EXPECTED = re.compile(r"^\s*(\S+:\d+:\d+:\S+:.*)$", re.M)
_LISTS = {"IgnoredScopes": "ignored_scopes", "SkippedScopes": "skipped_scopes"}


def _ini(folder: Path):
    for name in (".vale.ini", "_vale"):
        if (folder / name).is_file():
            return read_ini(folder / name)
    return None


def markup_options(ini) -> dict:
    """The ignore settings of the ini's top section, as keyword arguments of ``Linter``."""
    top = ini["top"] if ini.has_section("top") else {}
    out = {key: tuple(v.strip() for v in top[name].split(",") if v.strip())
           for name, key in _LISTS.items() if name in top}
    for section in ini.sections():  # BlockIgnores / TokenIgnores live in glob sections
        for name, key in (("BlockIgnores", "block_ignores"), ("TokenIgnores", "token_ignores")):
            if name in ini[section]:
                out[key] = out.get(key, ()) + tuple(v.strip() for v in ini[section][name].split(",") if v.strip())
    return out


def run(folder: Path, scenario: str, verbose: bool, suffix: str | None = None) -> tuple[int, int, int]:
    ini = _ini(folder)
    styles = (folder / ini["top"]["StylesPath"]).resolve()
    rules = load_rules([styles], builtin=False, problems=[])
    by_id = {r.id: r for r in rules}
    options = markup_options(ini)
    got = set()
    for article in sorted(folder.iterdir()):
        if article.suffix not in (".md", ".txt") or (suffix and article.suffix != suffix):
            continue
        picked = [by_id[i] for i in sorted(chosen(ini, article.name, list(by_id))) if i in by_id]
        linter = Linter(picked, **({"markup": options} if options else {}))
        result = linter.check(article.read_text(encoding="utf-8"), article.name)
        got |= {f"{article.name}:{f.line}:{f.column}:{f.rule_id}:{f.message}" for f in result.findings}
    listed = set(_EXPECTED.findall(scenario))
    expected = {e for e in listed if e.split(":")[0].endswith((".md", ".txt"))}
    extra = got - listed
    if verbose:
        for line in sorted(expected - got):
            print(f"  missed {line}")
        for line in sorted(extra):
            print(f"  extra  {line}")
    return len(expected), len(expected & got), len(extra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("testdata", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list every finding missed or extra")
    parser.add_argument("--all", action="store_true", help="every feature file's scenarios of the form "
                                                            "'When I test \"FOLDER\"', not only scopes and comments")
    args = parser.parse_args()
    totals = [0, 0, 0]
    features = sorted(p.stem for p in (args.testdata / "features").glob("*.feature")) if args.all else []
    for feature in features or ("scopes", "comments"):
        text = (args.testdata / "features" / f"{feature}.feature").read_text(encoding="utf-8")
        for scenario in re.split(r"\n\s*Scenario:", text)[1:]:
            m = _SCENARIO.search(scenario)
            if m is None:
                continue
            kind = {"scope": "scopes/", "": ""}.get(m.group(1))
            folder = args.testdata / "fixtures" / (kind + m.group(2) if kind is not None else "comments")
            suffix = m.group(2) if kind is None else None
            if not folder.is_dir() or _ini(folder) is None or "StylesPath" not in _ini(folder)["top"]:
                continue
            if suffix not in (None, ".md", ".txt") or not any(p.suffix in (".md", ".txt") for p in folder.iterdir()):
                continue
            name = scenario.strip().splitlines()[0]
            print(f"{feature}: {name}")
            counts = run(folder, scenario, args.verbose, suffix)
            print(f"  expected {counts[0]}, reproduced {counts[1]}, extra {counts[2]}")
            totals = [t + c for t, c in zip(totals, counts)]
    print(f"all: {totals[1]} of {totals[0]} reproduced, {totals[2]} extra")


if __name__ == "__main__":
    main()
