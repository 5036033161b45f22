"""The LanguageTool backend against a mock LanguageTool server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import time

import pytest
from lt_mock_server import MockLanguageTool, analyse

import lintnews
from lintnews.errors import ConfigError
from lintnews.findings import Applicability, Severity
from lintnews.read.article import read_article
from lintnews.rules.backends.languagetool import rule as lt
from lintnews.run.engine import Linter

TITLE = "Council vote delayed\n\n"


@pytest.fixture(autouse=True)
def fresh_cache():
    lt.clear_cache()
    yield
    lt.clear_cache()


@pytest.fixture
def slow_server():
    mock = MockLanguageTool(delay=3.0).start()
    yield mock
    mock.stop()


@pytest.fixture
def closed_port_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there now


def rule_for(url, **options):
    return lt.backend_rule({"url": url, **options}, "lintnews.yaml")


def check(rule, text, path="-", extra=()):
    result = Linter([rule, *extra]).check(text, path)
    return result.findings


# ------------------------------------------------------------------ positions
def test_matches_map_to_findings_at_the_right_place(server):
    text = TITLE + "He said teh vote was late.\n\nThey could of won.\n"
    findings = check(rule_for(server.url), text)
    assert [(f.rule_id, f.text, f.line, f.column) for f in findings] == [
        ("LanguageTool.MORFOLOGIK_RULE_EN_US", "teh", 3, 9),
        ("LanguageTool.COULD_OF", "could of", 5, 6),
    ]
    assert findings[0].message == "Possible spelling mistake found."
    assert text[findings[1].start:findings[1].end] == "could of"


def test_astral_characters_before_and_inside_a_match(server):
    para = "Fans \U0001F600 cheered \U0001D400 as teh \U0001F389\U0001F389 band could of played \U0001F600 teh end."
    text = TITLE + para + "\n"
    findings = check(rule_for(server.url), text)
    assert [f.text for f in findings] == ["teh", "\U0001F389\U0001F389", "could of", "teh"]
    for f in findings:
        assert text[f.start:f.end] == f.text
    emoji = findings[1]
    assert emoji.rule_id == "LanguageTool.DOUBLE_EMOJI" and emoji.end - emoji.start == 2


def test_utf16_conversion():
    text = "a\U0001F600b\U0001F600\U0001F600c"
    convert = lt.utf16_to_index(text)
    assert [convert(i) for i in (0, 1, 3, 4, 6, 8, 9)] == [0, 1, 2, 3, 4, 5, 6]
    assert lt.utf16_to_index("plain")(3) == 3


def test_title_is_not_sent_and_quotations_are_skipped(server):
    text = "Teh title here\n\nHe said \u201cteh council\u201d met. Then teh vote.\n"
    findings = check(rule_for(server.url), text)
    assert [f.column for f in findings] == [33]  # only the 'teh' outside the quotation
    assert [form["text"] for form in server.checks()] == [text[16:-1]]
    lt.clear_cache()
    findings = check(rule_for(server.url, quotes="include"), text)
    assert [f.text for f in findings] == ["teh", "teh"]


def test_markdown_markup_is_sent_as_annotation(server):
    text = "# Vote\n\nThey `teh_var` could of seen [teh site](http://teh.example) teh day.\n"
    findings = check(rule_for(server.url), text, path="story.md")
    assert [(f.text, f.column) for f in findings] == [("could of", 16), ("teh", 31), ("teh", 61)]
    (form,) = server.checks()  # the heading is the title: not sent
    assert "text" not in form
    assert json.loads(form["data"])["annotation"] == [
        {"text": "They "}, {"markup": "`teh_var`"}, {"text": " could of seen "}, {"markup": "["},
        {"text": "teh site"}, {"markup": "](http://teh.example)"}, {"text": " teh day."}]


# ------------------------------------------------------------------ severity, fixes
def test_severity_and_fix_applicability(server):
    text = TITLE + "We recieve and utilize a very unique plan. They could of won.\n"
    by_id = {f.rule_id.split(".", 1)[1]: f for f in check(rule_for(server.url), text)}
    assert by_id["MORFOLOGIK_RULE_EN_US"].severity is Severity.WARNING
    assert by_id["MORFOLOGIK_RULE_EN_US"].fix.applicability is Applicability.DISPLAY  # three suggestions
    assert by_id["MORFOLOGIK_RULE_EN_US"].fix.edits[0].content == "receive"
    assert "'relieve'" in by_id["MORFOLOGIK_RULE_EN_US"].fix.title
    assert by_id["COULD_OF"].severity is Severity.WARNING
    assert by_id["COULD_OF"].fix.applicability is Applicability.UNSAFE
    assert by_id["UTILIZE"].severity is Severity.SUGGESTION
    assert by_id["VERY_UNIQUE"].severity is Severity.SUGGESTION and by_id["VERY_UNIQUE"].fix is None


def test_unsafe_fixes_are_applied_only_with_unsafe(server):
    text = TITLE + "We recieve it. They could of won.\n"
    linter = Linter([rule_for(server.url)])
    safe = linter.fix(text)
    assert safe.text == text and safe.applied == 0
    unsafe = linter.fix(text, unsafe=True)
    assert unsafe.text == TITLE + "We recieve it. They could have won.\n"  # display fix left alone
    assert unsafe.converged
    assert [f.rule_id for f in unsafe.findings] == ["LanguageTool.MORFOLOGIK_RULE_EN_US"]


def test_severity_override_applies_to_every_match(server):
    rule = rule_for(server.url)
    # A per-path (or project) severity for the backend's rule id sets the level of all its findings.
    linter = Linter([rule], levels={rule.id: Severity("error")})
    findings = linter.check(TITLE + "We utilize teh plan.\n").findings
    assert {f.severity for f in findings} == {Severity.ERROR}
    assert {f.severity for f in check(rule, TITLE + "We utilize teh plan.\n")} == {Severity.WARNING, Severity.SUGGESTION}


# ------------------------------------------------------------------ cache and options
def test_each_paragraph_is_sent_once_and_cached(server):
    para = "He said teh vote was late."
    text = TITLE + f"{para}\n\n{para}\n\nThey could of won.\n"
    rule = rule_for(server.url)
    first = check(rule, text)
    assert len(first) == 3
    assert len(server.checks()) == 2  # the repeated paragraph is asked once
    assert check(rule_for(server.url), text) == first  # a new rule, same options: process-wide cache
    assert len(server.checks()) == 2
    linter = Linter([rule])
    fixed = linter.fix(text, unsafe=True)  # fixes, then a re-check: only changed paragraphs are new
    assert fixed.passes == 1 and fixed.findings == []
    assert [f["text"] for f in server.checks()[2:]] == ["He said the vote was late.", "They could have won."]
    check(rule_for(server.url, language="en-GB"), text)  # other options: asked again
    assert len(server.checks()) == 6


def test_options_are_passed_through(server):
    rule = rule_for(server.url + "/v2/", language="en-GB", **{
        "disabled-rules": ["MORFOLOGIK_RULE_EN_US", "UTILIZE"],
        "enabled-categories": ["STYLE", "REDUNDANCY"],
        "disabled-categories": "CASING",
    })
    findings = check(rule, TITLE + "We utilize teh plan. They could of won.\n")
    assert [f.rule_id for f in findings] == ["LanguageTool.COULD_OF"]
    (form,) = server.checks()
    assert form["language"] == "en-GB"
    assert form["disabledRules"] == "MORFOLOGIK_RULE_EN_US,UTILIZE"
    assert form["enabledCategories"] == "STYLE,REDUNDANCY"
    assert form["disabledCategories"] == "CASING"
    assert "enabledRules" not in form


def test_default_language_comes_from_settings(server):
    rule = lt.backend_rule({"url": server.url}, "lintnews.yaml", default_language="en-GB")
    check(rule, TITLE + "Teh end.\n")
    assert server.checks()[0]["language"] == "en-GB"


# ------------------------------------------------------------------ outage
def test_outage_is_one_problem_and_other_rules_still_run(closed_port_url):
    rule = rule_for(closed_port_url)
    others = lintnews.load_rules(select=["News.DoubledWord"])
    text = TITLE + "The the vote teh end.\n\nAnother teh paragraph.\n"
    first = Linter([rule, *others]).check(text)
    assert [f.rule_id for f in first.findings] == ["News.DoubledWord"]
    second = Linter([rule, *others]).check(text)
    assert [f.rule_id for f in second.findings] == ["News.DoubledWord"]
    assert len(first.warnings) == 1 and second.warnings == []  # reported once per run
    assert closed_port_url in first.warnings[0] and "unreachable" in first.warnings[0]
    assert first.warnings[0].startswith("lintnews.yaml: ")
    assert "unavailable" in lt.status(rule)


def test_timeout_gives_up_quickly_once(slow_server):
    rule = rule_for(slow_server.url, timeout=0.3)
    started = time.monotonic()
    one = Linter([rule]).check(TITLE + "Teh one.\n\nTeh two.\n\nTeh three.\n")
    two = Linter([rule]).check(TITLE + "Teh four.\n")
    assert time.monotonic() - started < 1.5
    assert one.findings == [] and two.findings == []
    expected = (f"lintnews.yaml: LanguageTool server {slow_server.url} did not answer within 0.3 s; "
                "LanguageTool checks skipped")
    assert one.warnings + two.warnings == [expected]
    assert len(slow_server.checks()) == 1  # down for the rest of the run: no more requests


def test_http_error_is_a_problem(server):
    rule = rule_for(server.url + "/nowhere")
    result = Linter([rule]).check(TITLE + "Teh end.\n")
    assert result.findings == []
    assert "HTTP 404" in result.warnings[0]


def test_warnings_survive_fix_passes(closed_port_url):
    rule = rule_for(closed_port_url)
    others = lintnews.load_rules(select=["News.DoubledWord"])
    fixed = Linter([rule, *others]).fix(TITLE + "Then the the vote.\n")
    assert fixed.text == TITLE + "Then the vote.\n"
    assert len(fixed.result.warnings) == 1


# ------------------------------------------------------------------ overlaps
def test_drop_overlaps_with_our_rules(server):
    rule = rule_for(server.url)
    ours = lintnews.load_rules(select=["News.DoubledWord"])
    text = TITLE + "He said the the vote was teh end.\n"
    findings = Linter([rule, *ours]).check(text).findings  # the engine lets the backend review
    assert [f.rule_id for f in findings] == ["News.DoubledWord", "LanguageTool.MORFOLOGIK_RULE_EN_US"]
    raw = list(rule.check(read_article(text).doc))
    assert [f.rule_id for f in raw] == ["LanguageTool.ENGLISH_WORD_REPEAT_RULE", "LanguageTool.MORFOLOGIK_RULE_EN_US"]
    our_findings = [f for f in findings if not lt.is_languagetool(f)]
    assert len(lt.drop_overlaps(raw, our_findings)) == 1
    assert len(lt.drop_overlaps(raw, our_findings, overlaps={})) == 1  # same span: dropped anyway


def test_drop_overlaps_by_mapping_only_when_spans_differ():
    from lintnews.findings import Finding
    theirs = [Finding("LanguageTool.EN_QUOTES", Severity.SUGGESTION, 5, 12, "m")]
    ours = [Finding("House.Quotes", Severity.WARNING, 10, 11, "m")]
    assert lt.drop_overlaps(theirs, ours) == theirs
    assert lt.drop_overlaps(theirs, ours, {"EN_QUOTES": ["House"]}) == []
    rule = lt.backend_rule({"url": "http://127.0.0.1:9", "overlaps": {"EN_QUOTES": "House.Quotes"}}, "x")
    assert rule.drop_overlaps(theirs + ours) == ours


# ------------------------------------------------------------------ configuration
@pytest.mark.parametrize("options, problem", [
    ({}, "missing required key 'url'"),
    ({"url": ""}, "missing required key 'url'"),
    ({"url": 8081}, "key 'languagetool.url' must be a string, not int"),
    ({"url": "localhost:8081"}, "must be an http:// or https:// URL"),
    ({"url": "http://x", "langauge": "en-US"}, "unknown key 'langauge' in 'languagetool' (did you mean 'language'?)"),
    ({"url": "http://x", "timeout": "5"}, "key 'languagetool.timeout' must be a number, not str"),
    ({"url": "http://x", "timeout": 0}, "more than 0 seconds"),
    ({"url": "http://x", "timeout": float("inf")}, "more than 0 seconds and at most 3600, not inf"),
    ({"url": "http://x", "timeout": float("nan")}, "more than 0 seconds and at most 3600, not nan"),
    ({"url": "http://x:8081\r\nX-Injected: 1"}, "must not hold U+000D"),
    ({"url": "http://x:8081/\x1b[2J"}, "must not hold U+001B"),
    ({"url": "http://x:8081/v2 check"}, "must not hold a space"),
    ({"url": "http://x", "disabled-rules": [1]}, "must be a list of strings"),
    ({"url": "http://x", "quotes": "maybe"}, "must be one of skip, include"),
    ({"url": "http://x", "overlaps": ["A"]}, "must be a mapping of LanguageTool rule ids"),
    ("http://x", "key 'languagetool' must be a mapping, not str"),
])
def test_bad_options_are_one_line_errors(options, problem):
    with pytest.raises(ConfigError) as info:
        lt.backend_rule(options, "proj/lintnews.yaml")
    message = str(info.value)
    assert message.startswith("proj/lintnews.yaml: ") and problem in message and "\n" not in message


def test_rule_identity_and_status():
    rule = lt.backend_rule({"url": "http://lt.example:8081/v2"}, "lintnews.yaml")
    assert (rule.id, rule.name, rule.values["limit"], rule.values["enabled"]) == ("LanguageTool", "languagetool", 0, True)
    assert rule.can_fix and rule.description
    assert lt.status(None) == "LanguageTool backend: off (no url configured)"
    assert lt.status(rule) == "LanguageTool backend: on: http://lt.example:8081 (en-US)"
    assert rule.problems == []


def test_mock_answers_like_languagetool_for_its_python_client(server):
    """The mock's JSON is what language-tool-python (the reference client) parses."""
    ltp = pytest.importorskip("language_tool_python")
    tool = ltp.LanguageTool("en-US", remote_server=server.url)
    try:
        matches = tool.check("They could of won.")
    finally:
        tool.close()
    assert [(m.rule_id, m.offset, m.error_length, m.replacements) for m in matches] == [
        ("COULD_OF", 5, 8, ["could have"])]
    assert any(path == "/v2/languages" for _, path, _ in server.requests)
    assert analyse({"text": "\U0001F600 teh", "language": "en-US"})["matches"][0]["offset"] == 3
