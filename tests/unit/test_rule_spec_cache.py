"""Rule files read once into the per-user cache (lintnews/rules/loader.py, read/jsoncache.py): the same rules after."""

from __future__ import annotations

import pytest

from lintnews.errors import RuleError
from lintnews.rules import loader
from lintnews.run.engine import Linter

RULE = """\
extends: existence
message: "'%s' is newsroom jargon: say what happened."
level: warning
ignorecase: true
tokens:
  - presser
  - on background
  - 'no'
examples:
  bad: [The minister held a presser on Monday.]
  good: [The minister held a news conference on Monday.]
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_DATA_CACHE", str(tmp_path / "data"))
    loader._specs().reload()
    yield tmp_path / "data"
    loader._specs().reload()


def test_a_rule_file_read_from_the_cache_is_the_rule_read_from_yaml(cache, tmp_path, monkeypatch):
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    (style / "Jargon.yml").write_text(RULE, encoding="utf-8")
    first = loader.load_rules([tmp_path / "styles"], builtin=False)
    assert list(cache.glob("rule-specs-*.json"))
    loader._specs().reload()  # a new run
    monkeypatch.setattr(loader, "load_yaml", lambda *a, **k: pytest.fail("YAML read again"))
    again = loader.load_rules([tmp_path / "styles"], builtin=False)
    assert [r.id for r in again] == [r.id for r in first] == ["Desk.Jargon"]
    assert again[0]["tokens"] == first[0]["tokens"] == ["presser", "on background", "no"]  # "no" stays a word
    text = "Officials spoke on background before the presser, and said no more."
    found = [[(f.text, f.message) for f in Linter(rules).check(text).findings] for rules in (first, again)]
    assert found[0] == found[1] == [("on background", "'on background' is newsroom jargon: say what happened."),
                                    ("presser", "'presser' is newsroom jargon: say what happened."),
                                    ("no", "'no' is newsroom jargon: say what happened.")]


def test_values_json_would_change_are_not_kept_and_bad_files_still_fail(cache, tmp_path):
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    (style / "Dated.yml").write_text(RULE + "since: 2024-05-01\n", encoding="utf-8")  # a date
    loader.load_rules([tmp_path / "styles"], builtin=False, problems=[])
    assert not list(cache.glob("rule-specs-*.json"))
    (style / "Dated.yml").write_text("extends: existence\ntokens: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        loader._specs().reload()
        with pytest.raises(RuleError, match="invalid YAML"):
            loader.load_rules([tmp_path / "styles"], builtin=False)


def test_a_rule_file_with_a_yaml_alias_is_read_from_yaml_each_time(cache, tmp_path, monkeypatch):
    # JSON would make two copies of the aliased list, and the rule's page (which prints the YAML) would
    # lose its anchor.
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    aliased = RULE.replace("tokens:\n  - presser", "tokens: &words\n  - presser") + "exceptions: *words\n"
    (style / "Aliased.yml").write_text(aliased, encoding="utf-8")
    loader.load_rules([tmp_path / "styles"], builtin=False)
    loader._specs().reload()
    read = []
    real = loader.load_yaml
    monkeypatch.setattr(loader, "load_yaml", lambda *a, **k: read.append(1) or real(*a, **k))
    (rule,) = loader.load_rules([tmp_path / "styles"], builtin=False)
    assert read == [1] and rule["exceptions"] is rule["tokens"]
