"""Per-rule tests as data: every ``tests/rules/cases/<Rule id>.yml``, one test per case.

A case file holds the cases of one rule. It is a YAML list of cases, or a
mapping with ``cases:`` and, optionally, ``rule:`` (must equal the file name)
and ``rule_yaml:`` (the rule itself, for a rule that is not built in: it is
written to ``<tmp>/<Style>/<Name>.yml`` and loaded alone). A built-in rule is
loaded with ``lintnews.load_rules(select=[id], language=None)``.

A case is a mapping of:

  text          the article (required). A block scalar (``|``; ``|-`` when
                there is no final newline), or a double-quoted string where
                it holds \\r, tabs, trailing spaces or invisible characters.
  id            a name for the test id (``News.DoubledWord::03-<id>``);
                without it the id is made from the flagged text or the body
  note          why the case exists
  language      load the rule as for copy in this language
                (``load_rules(language=...)``); default: no language filter
  among         compare only some findings: ``{text: T}`` (the matched text
                is T) or ``{text_contains: [S, ...]}`` (it contains one of
                them, in any case). Applies to flags, clean, flagged, count.

What ``check_text(text)`` finds (at least one expectation is required):

  flags         the full list of findings, in order. Each is the matched text,
                or a mapping of any of ``text, line, column, end_line,
                end_column`` (1-based), ``fix`` (the fix's applicability:
                safe, unsafe, display, or none for no fix), ``severity``,
                ``message`` (exact), ``message_re`` (a regex or a list of
                them, each found with re.search) and ``edits`` (the fix's
                edits, each ``[start, end, content]`` or just the content).
                Only the keys given are compared.
  clean: true   no finding
  flagged: true at least one finding
  count: N      exactly N findings

What ``fix_text(text)`` makes of it:

  unsafe: true        apply unsafe fixes too (for every key below)
  fixed               the text after fixing
  unchanged: true     fixing leaves the text as it is
  fixed_count         ``{substring: n}``: each substring stands n times in
                      the fixed text
  idempotent: true    fixing the fixed text again changes nothing (with fixed)
  fixed_clean: true   the rule flags nothing in the fixed text (with fixed)

A case file is checked strictly: an unknown or duplicated key, a wrong type,
a case with no expectation, or ``false`` where only ``true`` means something
fails that case's test, naming the file and the case.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import strict_yaml
import yaml

import lintnews

CASES_DIR = Path(__file__).parent / "cases"
ROOT = CASES_DIR.parents[2]

FILE_KEYS = {"rule", "rule_yaml", "cases"}
CHECK_KEYS = {"flags", "clean", "flagged", "count"}
FIX_KEYS = {"fixed", "unchanged", "fixed_count"}
CASE_KEYS = {"text", "id", "note", "language", "among", "unsafe", "idempotent", "fixed_clean"} | CHECK_KEYS | FIX_KEYS
FLAG_KEYS = {"text", "line", "column", "end_line", "end_column", "fix", "severity", "message", "message_re", "edits"}
APPLICABILITY = {"safe", "unsafe", "display", "none"}
SEVERITIES = {"error", "warning", "suggestion"}
RULE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\.[A-Za-z][A-Za-z0-9_-]*")


# ------------------------------------------------------------------ reading
@dataclass
class Entry:
    """One test: a case of a file, or a file that could not be read."""
    path: Path
    rule: str
    index: int = 0
    case: dict = field(default_factory=dict)
    rule_yaml: str | None = None
    problems: list[str] = field(default_factory=list)
    slug: str = "file"

    def __repr__(self):
        return f"Entry({self.test_id})"

    @property
    def where(self):
        name = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{name}, case {self.index} ({self.slug})" if self.index else str(name)

    @property
    def test_id(self):
        return f"{self.rule}::{self.index:02d}-{self.slug}" if self.index else f"{self.rule}::{self.slug}"


def _slugify(text, limit=40):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0]
    return s


def _slug(case):
    if isinstance(case.get("id"), str) and _slugify(case["id"], 60):
        return _slugify(case["id"], 60)
    flags = case.get("flags")
    if isinstance(flags, list) and flags:
        first = flags[0]
        text = first if isinstance(first, str) else first.get("text") if isinstance(first, dict) else None
        if isinstance(text, str) and _slugify(text):
            return _slugify(text)
    text = case.get("text") if isinstance(case.get("text"), str) else ""
    paragraphs = [p for p in re.split(r"\r?\n\s*\n", text) if p.strip()]
    body = paragraphs[1] if len(paragraphs) > 1 else text
    words = _slugify(" ".join(body.split()[:6]))
    kind = "clean" if case.get("clean") is True else "fix" if FIX_KEYS & set(case) and "flags" not in case else ""
    return "-".join(p for p in (kind, words) if p) or "case"


def _type_problems(case):
    """What is wrong with one case, in words; an empty list when it is well formed."""
    problems = []
    unknown = sorted(set(case) - CASE_KEYS)
    if unknown:
        problems.append(f"unknown key(s) {', '.join(unknown)}; a case takes {', '.join(sorted(CASE_KEYS))}")
    if not isinstance(case.get("text"), str):
        problems.append("'text' (the article, a string) is required")
    for key in ("id", "note", "language", "fixed"):
        if key in case and not isinstance(case[key], str):
            problems.append(f"'{key}' must be a string")
    for key in ("clean", "flagged", "unchanged", "unsafe", "idempotent", "fixed_clean"):
        if key in case and case[key] is not True:
            problems.append(f"'{key}' can only be true (leave it out otherwise)")
    if "count" in case and (type(case["count"]) is not int or case["count"] < 0):
        problems.append("'count' must be a whole number, 0 or more")
    if "fixed_count" in case:
        fc = case["fixed_count"]
        if not (isinstance(fc, dict) and fc and all(isinstance(k, str) and k and type(v) is int and v >= 0
                                                    for k, v in fc.items())):
            problems.append("'fixed_count' must map substrings to how many times each stands in the fixed text")
    if "among" in case:
        among = case["among"]
        ok = isinstance(among, dict) and len(among) == 1 and (
            isinstance(among.get("text"), str)
            or (isinstance(among.get("text_contains"), list) and among["text_contains"]
                and all(isinstance(s, str) and s for s in among["text_contains"])))
        if not ok:
            problems.append("'among' must be {text: T} or {text_contains: [S, ...]}")
    if "flags" in case:
        flags = case["flags"]
        if not isinstance(flags, list) or not flags:
            problems.append("'flags' must be a non-empty list (for no findings write clean: true)")
        else:
            for n, flag in enumerate(flags, 1):
                problems += [f"flags[{n}]: {p}" for p in _flag_problems(flag)]
    return problems


def _flag_problems(flag):
    if isinstance(flag, str):
        return []
    if not isinstance(flag, dict) or not flag:
        return ["a flag is the matched text or a mapping of what to compare (for a bare number use count:)"]
    problems = []
    unknown = sorted(set(flag) - FLAG_KEYS)
    if unknown:
        problems.append(f"unknown key(s) {', '.join(unknown)}; a flag takes {', '.join(sorted(FLAG_KEYS))}")
    for key in ("line", "column", "end_line", "end_column"):
        if key in flag and (type(flag[key]) is not int or flag[key] < 1):
            problems.append(f"'{key}' must be a whole number from 1")
    for key in ("text", "message"):
        if key in flag and not isinstance(flag[key], str):
            problems.append(f"'{key}' must be a string")
    if "fix" in flag and flag["fix"] not in APPLICABILITY:
        problems.append(f"'fix' must be one of {', '.join(sorted(APPLICABILITY))}")
    if "severity" in flag and flag["severity"] not in SEVERITIES:
        problems.append(f"'severity' must be one of {', '.join(sorted(SEVERITIES))}")
    if "message_re" in flag:
        patterns = flag["message_re"] if isinstance(flag["message_re"], list) else [flag["message_re"]]
        for p in patterns:
            try:
                re.compile(p)
            except (re.error, TypeError) as exc:
                problems.append(f"'message_re' {p!r} is not a regex: {exc}")
    if "edits" in flag:
        edits = flag["edits"]
        if not isinstance(edits, list) or not all(
                isinstance(e, str) or (isinstance(e, list) and len(e) == 3 and type(e[0]) is int
                                       and type(e[1]) is int and isinstance(e[2], str)) for e in edits):
            problems.append("'edits' must be a list of [start, end, content] or content strings")
    return problems


def _case_problems(case):
    if not isinstance(case, dict):
        return ["a case must be a mapping with at least 'text' and an expectation"]
    problems = _type_problems(case)
    keys = set(case)
    if not keys & (CHECK_KEYS | FIX_KEYS):
        problems.append("no expectation: give flags, clean, flagged, count, fixed, unchanged or fixed_count "
                        "(a case that cannot fail is not a test)")
    if "clean" in keys and keys & {"flags", "flagged", "count"}:
        problems.append("'clean' contradicts flags/flagged/count")
    if "flagged" in keys and keys & {"flags", "count"}:
        problems.append("'flagged' says less than flags/count: keep one")
    if "count" in keys and "flags" in keys:
        problems.append("'count' with 'flags' says the same twice: keep flags")
    if "fixed" in keys and "unchanged" in keys:
        problems.append("'fixed' and 'unchanged' together: keep one")
    for key in ("idempotent", "fixed_clean"):
        if key in keys and "fixed" not in keys:
            problems.append(f"'{key}' is about the fixed text: it needs 'fixed'")
    if "unsafe" in keys and not keys & FIX_KEYS:
        problems.append("'unsafe' only changes fixing: it needs fixed, unchanged or fixed_count")
    if "among" in keys and not keys & CHECK_KEYS:
        problems.append("'among' picks findings: it needs flags, clean, flagged or count")
    return problems


def _read_file(path):
    """The entries of one case file: one per case, or one for the whole file if it cannot be read."""
    rule = path.stem
    if path.suffix != ".yml":
        return [Entry(path, path.name, problems=["case files are <Rule id>.yml; this file is not one"])]
    if not RULE_ID.fullmatch(rule):
        return [Entry(path, rule, problems=[f"the file name must be a rule id, <Style>.<Name>.yml, not {path.name}"])]
    try:
        data = strict_yaml.load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [Entry(path, rule, problems=[f"not valid YAML: {exc}"])]
    rule_yaml = None
    if isinstance(data, dict):
        problems = []
        unknown = sorted(set(data) - FILE_KEYS)
        if unknown:
            problems.append(f"unknown top-level key(s) {', '.join(unknown)}; a file takes {', '.join(sorted(FILE_KEYS))}")
        if "rule" in data and data["rule"] != rule:
            problems.append(f"rule: {data['rule']!r} differs from the file name {rule!r}")
        if "rule_yaml" in data and not isinstance(data["rule_yaml"], str):
            problems.append("rule_yaml must be the rule's YAML as a string (rule_yaml: |)")
        if problems:
            return [Entry(path, rule, problems=problems)]
        rule_yaml = data.get("rule_yaml")
        data = data.get("cases")
    if not isinstance(data, list) or not data:
        return [Entry(path, rule, problems=["a case file is a non-empty list of cases, or a mapping with cases:"])]
    entries, seen_ids, seen_cases = [], {}, {}
    for index, case in enumerate(data, 1):
        problems = _case_problems(case)
        entry = Entry(path, rule, index, case if isinstance(case, dict) else {}, rule_yaml, problems)
        entry.slug = _slug(entry.case)
        if isinstance(case, dict) and not problems:
            if "id" in case:
                if case["id"] in seen_ids:
                    problems.append(f"id {case['id']!r} is already case {seen_ids[case['id']]}'s")
                seen_ids.setdefault(case["id"], index)
            same = json.dumps({k: v for k, v in case.items() if k not in ("id", "note")}, sort_keys=True)
            if same in seen_cases:
                problems.append(f"the same text and expectations as case {seen_cases[same]}")
            seen_cases.setdefault(same, index)
        entries.append(entry)
    return entries


def _entries():
    paths = sorted(p for p in CASES_DIR.iterdir() if p.name != "README.md" and not p.name.startswith("."))
    entries = [e for p in paths for e in _read_file(p)]
    return entries


ENTRIES = _entries()


# ------------------------------------------------------------------ rules
@functools.cache
def _builtin_rule(rule_id, language):
    return lintnews.load_rules(select=[rule_id], language=language)


@pytest.fixture(scope="session")
def inline_rules(tmp_path_factory):
    """Loads a case file's rule_yaml, once per file, from a styles folder of its own."""
    loaded = {}

    def load(entry):
        key = (entry.path, entry.case.get("language"))
        if key not in loaded:
            style, name = entry.rule.split(".", 1)
            root = tmp_path_factory.mktemp("styles")
            (root / style).mkdir()
            (root / style / f"{name}.yml").write_text(entry.rule_yaml, encoding="utf-8")
            loaded[key] = lintnews.load_rules(styles=[root], builtin=False, language=entry.case.get("language"))
        return loaded[key]
    return load


def _rules(entry, inline_rules):
    try:
        if entry.rule_yaml is not None:
            rules = inline_rules(entry)
        else:
            rules = _builtin_rule(entry.rule, entry.case.get("language"))
    except lintnews.LintnewsError as exc:
        error = str(exc)
    else:
        error = None
    if error is not None:
        what = "its rule_yaml does not load" if entry.rule_yaml is not None else f"no rule {entry.rule}"
        pytest.fail(f"{entry.where}: {what}: {error}", pytrace=False)
    if [r.id for r in rules] != [entry.rule]:
        kind = "its rule_yaml gives" if entry.rule_yaml is not None else "built-in rules with that id:"
        lang = f" for language {entry.case['language']}" if "language" in entry.case else ""
        pytest.fail(f"{entry.where}: no rule {entry.rule}{lang} ({kind} {[r.id for r in rules]})", pytrace=False)
    return rules


# ------------------------------------------------------------------ checking
def _show(f):
    fix = f.fix.applicability.value if f.fix else "none"
    return (f"{f.text!r} at {f.line}:{f.column}-{f.end_line}:{f.end_column}, fix {fix}, "
            f"{f.severity.value}: {f.message}")


def _edits(f, want):
    got = [[e.start, e.end, e.content] for e in f.fix.edits] if f.fix else []
    if len(got) != len(want):
        return got
    return [g[2] if isinstance(w, str) else g for g, w in zip(got, want)]


def _project(f, want):
    """The finding's values for the keys ``want`` compares, shaped as ``want`` writes them."""
    if isinstance(want, str):
        return f.text
    got = {}
    for key, value in want.items():
        if key == "fix":
            got[key] = f.fix.applicability.value if f.fix else "none"
        elif key == "severity":
            got[key] = f.severity.value
        elif key == "message_re":
            patterns = value if isinstance(value, list) else [value]
            got[key] = value if all(re.search(p, f.message) for p in patterns) else f"(message: {f.message!r})"
        elif key == "edits":
            got[key] = _edits(f, value)
        else:
            got[key] = getattr(f, key)
    return got


def _picked(findings, among):
    if "text" in among:
        return [f for f in findings if f.text == among["text"]]
    return [f for f in findings if any(s.casefold() in f.text.casefold() for s in among["text_contains"])]


def _check_findings(entry, rules):
    case, where = entry.case, entry.where
    findings = lintnews.check_text(case["text"], rules=rules)
    assert [f.rule_id for f in findings] == [entry.rule] * len(findings)
    if "among" in case:
        findings = _picked(findings, case["among"])
    shown = "\n  ".join(_show(f) for f in findings) or "(none)"
    if case.get("clean"):
        assert findings == [], f"{where}: expected no finding, got:\n  {shown}"
    if case.get("flagged"):
        assert findings, f"{where}: expected at least one finding, got none"
    if "count" in case:
        assert len(findings) == case["count"], f"{where}: expected {case['count']} finding(s), got:\n  {shown}"
    if "flags" in case:
        want = case["flags"]
        assert len(findings) == len(want), f"{where}: expected {len(want)} finding(s), got:\n  {shown}"
        assert [_project(f, w) for f, w in zip(findings, want)] == want, f"{where}: findings differ"


def _check_fix(entry, rules):
    case, where, unsafe = entry.case, entry.where, bool(entry.case.get("unsafe"))
    out = lintnews.fix_text(case["text"], rules=rules, unsafe=unsafe).text
    if "fixed" in case:
        assert out == case["fixed"], f"{where}: the fixed text differs"
    if case.get("unchanged"):
        assert out == case["text"], f"{where}: fixing changed the text"
    for sub, n in case.get("fixed_count", {}).items():
        assert out.count(sub) == n, f"{where}: {sub!r} stands {out.count(sub)} time(s) in the fixed text, not {n}"
    if case.get("idempotent"):
        again = lintnews.fix_text(out, rules=rules, unsafe=unsafe).text
        assert again == out, f"{where}: fixing the fixed text changed it again"
    if case.get("fixed_clean"):
        left = lintnews.check_text(out, rules=rules)
        assert left == [], f"{where}: the fixed text is still flagged: {[_show(f) for f in left]}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.test_id for e in ENTRIES])
def test_case(entry, inline_rules):
    if entry.problems:
        pytest.fail(f"{entry.where}: " + "; ".join(entry.problems), pytrace=False)
    rules = _rules(entry, inline_rules)
    if set(entry.case) & CHECK_KEYS:
        _check_findings(entry, rules)
    if set(entry.case) & FIX_KEYS:
        _check_fix(entry, rules)
