"""The one validator behind rule files, configuration and backend options."""

from __future__ import annotations

import pytest

from lintnews.rules.schema import Option, Schema

SCHEMA = Schema({
    "url": Option("str", required=True, help="the server"),
    "rules": Option("csv", [], "rule ids"),
    "styles": Option("strings", [], "folders"),
    "timeout": Option("float", 5, "seconds"),
    "quotes": Option("str", "skip", "skip or include", choices=("skip", "include")),
})


class Problem(Exception):
    pass


def fail(problem):
    raise Problem(problem)


def test_values_with_defaults_and_coercions():
    values = SCHEMA.validate({"url": "http://x", "rules": "A, B,", "styles": "house"}, fail)
    assert values == {"url": "http://x", "rules": ["A", "B"], "styles": ["house"], "timeout": 5, "quotes": "skip"}


def test_defaults_are_not_shared_between_results():
    first = SCHEMA.validate({"url": "u"}, fail)
    first["rules"].append("X")
    assert SCHEMA.validate({"url": "u"}, fail)["rules"] == []


@pytest.mark.parametrize("data, problem", [
    ({"url": "u", "timout": 3}, "unknown key 'timout' in 'lt' (did you mean 'timeout'?)"),
    ({}, "missing required key 'lt.url'"),
    ({"url": "u", "timeout": "soon"}, "key 'lt.timeout' must be a number, not str"),
    ({"url": "u", "timeout": True}, "key 'lt.timeout' must be a number, not bool"),
    ({"url": "u", "styles": [1]}, "key 'lt.styles' must be a list of strings, not list"),
    ({"url": "u", "quotes": "all"}, "key 'lt.quotes' must be one of skip, include, not 'all'"),
])
def test_one_line_problems(data, problem):
    with pytest.raises(Problem) as exc:
        SCHEMA.validate(data, fail, prefix="lt.", context=" in 'lt'")
    assert str(exc.value) == problem


def test_null_means_unset():
    assert SCHEMA.validate({"url": "u", "timeout": None}, fail)["timeout"] == 5


def test_help_rows_show_type_default_and_choices():
    rows = {key: (kind, text) for key, kind, text in SCHEMA.describe()}
    assert rows["url"] == ("a string, required", "the server")
    assert rows["timeout"] == ("a number, default 5", "seconds")
    assert rows["quotes"] == ('skip | include, default "skip"', "skip or include")


def test_unknown_option_type_is_a_programming_error():
    with pytest.raises(AssertionError):
        Option("text")
