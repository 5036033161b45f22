"""The test layouts of public Vale packages, read into cases that scripts/vale_fixtures.py runs.

Each reader turns a package checkout into ``Case`` objects: a folder to run ``lintnews check`` in,
its arguments, and what the package's own test expects there. Five layouts are read:

- Cucumber (errata-ai's packages, IBM, IBM Quantum, LegalRules...): ``features/*.feature`` with
  ``When I test "X"`` run in ``fixtures/X`` on ``.``, and the expected
  ``file:line:column:Style.Rule:message`` lines; a ``Scenario Outline`` is expanded row by row
  from its ``Examples`` table (a row commented out with ``#`` is left out, as Cucumber does).
- go-cmdtest (errata-ai/readability, Hugo...): ``testdata/*.ct``, blocks of ``$ cdf DIR`` then
  ``$ vale ... FILES`` and the expected lines (``${ROOTDIR}`` is ``testdata``). A local package
  the ``.vale.ini`` names (``Packages = ../Hugo.zip``, zipped by the CI from the ``Hugo/`` folder)
  is installed as ``vale sync`` installs it (cmd/vale/sync.go): a folder with a ``.vale.ini``
  gives ``StylesPath/.vale-config/N-Name.ini``, a plain style is copied into ``StylesPath``.
- JSON assertions (elastic/vale-rules): ``rule-tests/run_rule_tests.py`` lists, per rule, the
  ``(line, matched text)`` pairs ``vale --output=JSON`` must give (``assert_rule_contains``: at
  least these; ``assert_rule_matches``: exactly these). The file is read as data (its literals,
  through ``ast``), never run.
- Rule test cases (Vale 3.24's ``vale test``, cptaffe/vale-styles): a ``tests:`` list in a rule file, or
  ``Rule.test.yml`` beside it (a list naming its ``rule:``); each case lints its ``input`` (Markdown)
  with that rule alone and expects ``want`` (its exact lines, ``line:col:Rule:message``; empty: no
  finding) or a finding ``contains`` names; ``absent``: none of that rule.
- Bad and good examples (openSUSE/suse-vale-styleguide): ``tests/Rule-bad.txt`` must give at least
  one finding of a rule named ``Rule``, ``tests/Rule-good.txt`` none of it; counted as one
  expected finding per bad file and one extra per good file that is flagged.
"""

from __future__ import annotations

import ast
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

_EXPECTED = re.compile(r"^\s*(\S+:\d+:\d+:\S+:.*)$", re.M)
_SCENARIO = re.compile(r'When I (?:test|lint) "(.*?)"')


@dataclass
class Case:
    """One run of ``lintnews check``: where, with which arguments, and what the package expects."""

    name: str
    cwd: Path
    args: list[str]
    expected: set[str] = field(default_factory=set)  # Vale's line format, or "Rule:line:match"
    exactly: bool = True  # any other finding in the run is extra
    key: str = "line"  # "line": file:line:col:rule:message; "match": rule:line:match; "rule": rule
    only_rule: str = ""  # with key "match"/"rule": compare only this rule's findings


def _outline_rows(block: str) -> list[str]:
    """A scenario, or an outline expanded into one scenario per row of its Examples table."""
    if "Examples:" not in block:
        return [block]
    body, table = block.split("Examples:", 1)
    rows = [ln.strip() for ln in table.splitlines() if ln.strip().startswith("|")]
    if not rows:
        return [body]
    head = [c.strip() for c in rows[0].strip("|").split("|")]
    out = []
    for row in rows[1:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        text = body
        for name, value in zip(head, cells):
            text = text.replace(f"<{name}>", value)
        out.append(text)
    return out


def cucumber(package: Path) -> list[Case]:
    cases = []
    for feature in sorted((package / "features").glob("*.feature")):
        text = "\n".join(ln for ln in feature.read_text(encoding="utf-8").splitlines()
                         if not ln.lstrip().startswith("#"))
        for block in re.split(r"\n\s*Scenario(?: Outline)?:", text)[1:]:
            for scenario in _outline_rows(block):
                m = _SCENARIO.search(scenario)
                folder = package / "fixtures" / m.group(1) if m else None
                if folder is None or not (folder / ".vale.ini").is_file():
                    continue
                exactly = "contain exactly" in scenario
                cases.append(Case(m.group(1), folder, ["."], set(_EXPECTED.findall(scenario)), exactly))
    return cases


def _sync_local_packages(cwd: Path, package: Path) -> None:
    """Install the local packages ``cwd``'s ``.vale.ini`` names, as ``vale sync`` would."""
    ini = cwd / ".vale.ini"
    if not ini.is_file():
        return
    text = ini.read_text(encoding="utf-8")
    styles_m = re.search(r"^\s*StylesPath\s*=\s*(.+?)\s*$", text, re.M)
    pkgs_m = re.search(r"^\s*Packages\s*=\s*(.+?)\s*$", text, re.M)
    if not styles_m or not pkgs_m:
        return
    styles = cwd / styles_m.group(1)
    shutil.rmtree(styles / ".vale-config", ignore_errors=True)
    for index, entry in enumerate(p.strip() for p in pkgs_m.group(1).split(",")):
        name = Path(entry).name.removesuffix(".zip")
        source = package / name
        if not source.is_dir():
            continue  # a package from Vale's library: not fetched here
        styles.mkdir(parents=True, exist_ok=True)
        if (source / ".vale.ini").is_file():
            (styles / ".vale-config").mkdir(exist_ok=True)
            shutil.copy(source / ".vale.ini", styles / ".vale-config" / f"{index}-{name}.ini")
            if (source / "styles").is_dir():
                shutil.copytree(source / "styles", styles, dirs_exist_ok=True)
        else:
            shutil.copytree(source, styles / name, dirs_exist_ok=True)


def cmdtest(package: Path) -> list[Case]:
    cases = []
    root = package / "testdata"
    for ct in sorted(root.glob("*.ct")):
        cwd = root
        case: Case | None = None
        for line in ct.read_text(encoding="utf-8").splitlines():
            if line.startswith("$ cdf "):
                cwd = Path(line[6:].strip().replace("${ROOTDIR}", str(root)))
                if not cwd.is_dir():  # ROOTDIR the package's folder, its fixtures beside testdata/ (IETF's)
                    cwd = Path(line[6:].strip().replace("${ROOTDIR}", str(package)))
            elif line.startswith("$ vale "):
                files = [a for a in line.split()[2:] if not a.startswith("-")]
                _sync_local_packages(cwd, package)
                case = Case(f"{ct.stem}:{cwd.name}", cwd, files or ["."])
                cases.append(case)
            elif line.startswith("$"):
                case = None
            elif case is not None and _EXPECTED.match(line):
                case.expected.add(line.strip())
    return cases


def _literal(node: ast.AST, root: Path):
    """A literal's value; an f-string's parts joined, ``REPO_ROOT`` read as the package folder."""
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                src = ast.unparse(v.value)
                parts.append(str(root / "styles") if "styles" in src else str(root))
            else:
                parts.append(v.value)
        return "".join(parts)
    if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(".join") and node.args:
        return ast.unparse(node.func.value).strip("'\"").encode().decode("unicode_escape").join(
            _literal(a, root) for a in node.args[0].elts)
    return ast.literal_eval(node)


def _configs(tree: ast.Module, package: Path) -> dict[str, str]:
    """Functions that write a configuration: the text each writes (its ``"\\n".join([...])``)."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and "config" in node.name:
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and ast.unparse(call.func).endswith(".join"):
                    out[node.name] = _literal(call, package)
    return out


def json_assertions(package: Path, scratch: Path) -> list[Case]:
    tree = ast.parse((package / "rule-tests" / "run_rule_tests.py").read_text(encoding="utf-8"))
    consts = {n.targets[0].id: n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
              and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Dict)}
    configs = _configs(tree, package)
    runs: dict[str, list[str]] = {}  # alerts variable: lintnews arguments
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                ast.unparse(node.value.func) == "run_vale":
            cfg, fixture = ast.unparse(node.value.args[0]), node.value.args[1]
            config = str(package / ".vale.ini")
            for name, text in configs.items():
                if cfg.startswith(name + "("):
                    config = str(scratch / f"{name}.ini")
                    Path(config).write_text(text, encoding="utf-8")
            path = f"rule-tests/fixtures/{_literal(fixture.right, package)}"
            runs[node.targets[0].id] = ["--vale-config", config, path]
    cases = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "assert_rule_matches":
            alerts, rule, pairs = ast.unparse(node.args[1]), _literal(node.args[2], package), \
                _literal(node.args[3], package)
            cases.append(Case(f"{runs[alerts][-1]} {rule}", package, runs[alerts],
                              {f"{rule}:{ln}:{m}" for ln, m in pairs}, True, "match", rule))
        elif isinstance(node, ast.For) and isinstance(node.iter, ast.Call) and \
                ast.unparse(node.iter).endswith(".items()"):
            table = consts.get(ast.unparse(node.iter.func.value))
            call = next((c for c in ast.walk(node) if isinstance(c, ast.Call)
                         and ast.unparse(c.func) == "assert_rule_contains"), None)
            if table is None or call is None:
                continue
            args = runs[ast.unparse(call.args[1])]
            for rule, pairs in _literal(table, package).items():
                cases.append(Case(f"{args[-1]} {rule}", package, args,
                                  {f"{rule}:{ln}:{m}" for ln, m in pairs}, False, "match", rule))
    return cases


def bad_good(package: Path) -> list[Case]:
    config = next(iter(sorted(package.glob("*vale.ini"))), None)
    cases = []
    for path in sorted((package / "tests").glob("*-*.*")):
        name, _, kind = path.stem.rpartition("-")
        files = sorted(package.glob(f"*/{name}.yml"))
        if kind not in ("bad", "good") or path.suffix not in (".txt", ".md", ".html") or not files:
            continue  # a rule the package no longer has (kept as .bak) cannot be measured
        rule = f"{files[0].parent.name}.{name}"
        args = (["--vale-config", config.name] if config else []) + [f"tests/{path.name}"]
        cases.append(Case(path.name, package, args, {rule} if kind == "bad" else set(), True, "rule", rule))
    return cases


def rule_tests(package: Path, styles: list[Path], scratch: Path) -> list[Case]:
    """The ``vale test`` cases of a package's rules (see the module's doc), each run in a folder of its own."""
    import yaml  # the cases are data; PyYAML's safe loader, as the rest of the scripts read YAML

    cases = []
    for style in styles:
        for path in sorted(style.glob("*.yml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError):
                continue
            if path.stem.endswith(".test") and isinstance(data, list):
                items = [(style / str(c.get("rule", "")), c) for c in data if isinstance(c, dict)]
            elif isinstance(data, dict) and isinstance(data.get("tests"), list):
                items = [(path, c) for c in data["tests"] if isinstance(c, dict)]
            else:
                continue
            for rule_file, case in items:
                rule = f"{style.name}.{Path(rule_file).stem}"
                folder = scratch / f"{rule}-{len(cases)}"
                folder.mkdir(parents=True)
                (folder / ".vale.ini").write_text(f"StylesPath = {style.parent}\nMinAlertLevel = suggestion\n\n"
                                                  f"[*.md]\n{rule} = YES\n", encoding="utf-8")
                (folder / "test.md").write_text(str(case.get("input", "")), encoding="utf-8")
                if "want" in case:
                    want = {f"test.md:{ln.strip()}" for ln in str(case["want"] or "").splitlines() if ln.strip()}
                    cases.append(Case(f"{rule}: {case.get('name', '')}", folder, ["."], want, True))
                elif "contains" in case:
                    cases.append(Case(f"{rule}: {case.get('name', '')}", folder, ["."], {rule}, False, "rule", rule))
                else:  # absent: no finding of the rule
                    cases.append(Case(f"{rule}: {case.get('name', '')}", folder, ["."], set(), True, "rule", rule))
    return cases

