"""run.selection: which rules run on an article, and at what level."""

from __future__ import annotations

import pytest

import lintnews
from lintnews.errors import ConfigError, UsageError
from lintnews.findings import Severity
from lintnews.run.selection import Level, resolve, validate

POOL = lintnews.load_rules(language=None)


def ids(selection):
    return [r.id for r in selection.rules]


def test_no_level_runs_the_rules_on_by_default_for_the_language():
    us = ids(resolve(POOL, [], "en-US"))
    gb = ids(resolve(POOL, [], "en-GB"))
    assert "News.BritishSpellings" in us and "News.BritishSpellings" not in gb
    assert "News.AmericanSpellings" in gb and "News.AmericanSpellings" not in us
    assert all(r.enabled for r in resolve(POOL, [], "en-US").rules)


def test_select_replaces_extend_adds_ignore_drops_at_every_level():
    levels = [
        Level(select=("News.DoubledWord", "News.Boilerplate"), ignore=("News.Boilerplate",)),
        Level(extend_select=("News.MultipleSpaces",)),
        Level(ignore=("News.DoubledWord",)),  # a per-path section
    ]
    assert ids(resolve(POOL, levels, "en-US")) == ["News.MultipleSpaces"]
    # A later select starts again from the pool, whatever earlier levels did.
    levels.append(Level(select=("News.ThousandsSeparator",)))
    assert ids(resolve(POOL, levels, "en-US")) == ["News.ThousandsSeparator"]


def test_severity_by_id_or_prefix_sets_levels_without_touching_rules():
    before = {r.id: r.severity for r in POOL}
    selection = resolve(POOL, [Level(severity=(("News", "suggestion"),)),
                               Level(severity=(("News.DoubledWord", "error"),))], "en-US")
    assert selection.levels["News.DoubledWord"] is Severity.ERROR
    assert selection.levels["News.DoubledSpeechVerb"] is Severity.SUGGESTION
    assert {r.id: r.severity for r in POOL} == before


@pytest.mark.parametrize("level, error, key", [
    (Level(select=("News.Nope",), where="lintnews.yaml"), ConfigError, "'select'"),
    (Level(ignore=("News.Nope",), where="lintnews.yaml", section="per-path.wire/**."), ConfigError,
     "'per-path.wire/**.ignore'"),
    (Level(extend_select=("News.Nope",), section="--"), UsageError, "--extend-select on the command line"),
    (Level(severity=(("News.Nope", "error"),), where="lintnews.yaml"), ConfigError, "'severity'"),
])
def test_a_selector_that_names_no_rule_is_an_error_naming_where_it_is_written(level, error, key):
    with pytest.raises(error) as exc:
        validate(POOL, [Level(select=("News",)), level])
    assert str(exc.value).endswith(f"unknown rule id or prefix 'News.Nope' in {key} (see `lintnews rules`)")
    assert (exc.value.path == "lintnews.yaml") == (error is ConfigError)


def test_a_rule_of_another_language_is_a_known_id():
    validate(POOL, [Level(select=("News.AmericanSpellings",))])
    assert ids(resolve(POOL, [Level(select=("News.AmericanSpellings",))], "en-US")) == []


def test_severity_applies_to_a_rule_a_later_level_switches_on():
    # The project sets a level for a rule that only a per-path section (or --extend-select) adds.
    levels = [Level(select=("News.DoubledWord",), severity=(("News.Spelling", "error"),)),
              Level(extend_select=("News.Spelling",))]
    selection = resolve(POOL, levels, "en-US")
    assert ids(selection) == ["News.DoubledWord", "News.Spelling"]
    assert selection.levels == {"News.Spelling": Severity.ERROR}


def test_a_prefix_ends_at_a_dot():
    from lintnews.findings import names_rule

    assert names_rule("News", "News.DoubledWord") and names_rule("News.", "News.DoubledWord")
    assert names_rule("write-good.Weasel", "write-good.Weasel")
    assert not names_rule("write-good.We", "write-good.Weasel")
    assert not names_rule("News.Doubled", "News.DoubledWord")


def _reject_rule():
    from lintnews.rules.vocab import Vocab

    return Vocab(reject=["utilise"], sources=["vocab/House/reject.txt"]).reject_rule()


def test_a_configured_reject_list_runs_whatever_select_says_unless_ignored():
    pool = POOL + [_reject_rule()]
    assert "Vocab.Rejected" in ids(resolve(pool, [Level(select=("News",))], "en-GB"))
    # A per-path select, or one on the command line, keeps it too.
    levels = [Level(select=("News",)), Level(select=("News.DoubledWord",))]
    assert ids(resolve(pool, levels, "en-GB")) == ["News.DoubledWord", "Vocab.Rejected"]
    # Only an ignore that names it leaves it out (by id or prefix)...
    for ignored in ("Vocab", "Vocab.Rejected"):
        assert "Vocab.Rejected" not in ids(resolve(pool, [Level(select=("News",), ignore=(ignored,))], "en-GB"))
    # ...and a later select keeps it out until a level names it again.
    levels = [Level(ignore=("Vocab",)), Level(select=("News.DoubledWord",))]
    assert ids(resolve(pool, levels, "en-GB")) == ["News.DoubledWord"]
    levels.append(Level(extend_select=("Vocab.Rejected",)))
    assert ids(resolve(pool, levels, "en-GB")) == ["News.DoubledWord", "Vocab.Rejected"]
    # An ordinary rule is not kept by a select that does not name it.
    assert "News.Spelling" not in ids(resolve(pool, [Level(select=("News.DoubledWord",))], "en-GB"))
