"""News.VagueSource: a claim put in the mouth of an unnamed crowd ("critics say")."""

import pytest
from ruleprobe import probe

import lintnews

RULE = "News.VagueSource"
RULES, found, fixed = probe(RULE)


@pytest.mark.parametrize("body, flagged", [
    ("Critics say the new tax will hurt small farms most.", "Critics say"),
    ("But experts warned the bridge could fail within a decade.", "experts warned"),
    ("Many fear the factory will never reopen.", "Many fear"),
    ("It is widely said that the minister knew.", "It is widely said"),
    ("Studies show that the scheme saved money.", "Studies show that"),
    ("Everyone knows the vote was close.", "Everyone knows"),
])
def test_flags_vague_sources(body, flagged):
    assert [t for _, t, *_ in found(f"Title\n\n{body}\n")] == [flagged]


@pytest.mark.parametrize("body", [
    "The new tax will hurt small farms most, the farmers' union said.",
    "“Critics say we are too slow,” the minister told reporters.",
    "The critics' awards were handed out on Sunday.",
    "Some of the experts left early.",
    "A study by the Institute for Fiscal Studies showed the scheme saved money.",
])
def test_named_or_quoted_sources_are_not_flagged(body):
    assert found(f"Title\n\n{body}\n") == []


def test_no_fix_is_offered():
    (f,) = lintnews.check_text("Title\n\nCritics say it will fail.\n", rules=RULES)
    assert f.fix is None and f.severity.value == "suggestion"
