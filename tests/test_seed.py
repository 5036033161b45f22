"""The seed article: every defect found at its place, fixed, and nothing else."""

from __future__ import annotations

import json

import lintnews

from testkit import SEED

# (rule, line, column, flagged text): the seed's defects, and nothing more.
EXPECTED = [
    ("News.DuplicateTitle", 3, 1, "Could Trump cooperate with Assad regime against ISIS in Syria?"),
    ("News.NoBreakSpace", 5, 191, "\u00a0"),
    ("News.Confusables", 7, 25, "hi"),
    ("News.NoBreakSpace", 7, 47, "\u00a0"),
    ("News.Boilerplate", 12, 1, "Read more:\u00a0What consequences follow sending US troops to Syria"),
    ("News.NoBreakSpace", 12, 11, "\u00a0"),
    ("News.ParagraphStart", 17, 1, "last"),
    ("News.AcronymCase", 19, 184, "Isis"),
    ("News.NoBreakSpace", 23, 120, "\u00a0"),
    ("News.Agreement", 33, 113, "was"),
    ("News.DoubledSpeechVerb", 45, 203, "said Assad said"),
    # An origin claim about a contested event ("the crisis began as ..."), one of the causal
    # phrases the cause feature reads (docs/evaluation.md, UnattributedClaim from features).
    ("News.UnattributedClaim", 49, 1,
     "The Syrian crisis began as a peaceful demonstration against the injustice in Syria."),
    ("News.UnattributedClaim", 49, 85,
     "Assad regime used to fire power and violence against the civilians and led to armed resistance."),
    ("News.ThousandsSeparator", 49, 181, "450.000"),
    ("News.FinalNewline", 49, 311, ""),
]


def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


def test_seed_findings_are_exactly_the_defects():
    found = [(f.rule_id, f.line, f.column, f.text) for f in lintnews.check_text(seed_text(), path=str(SEED))]
    assert found == EXPECTED


def test_unattributed_claims_name_why_and_offer_no_fix():
    claims = [f for f in lintnews.check_text(seed_text()) if f.rule_id == "News.UnattributedClaim"]
    assert [f.fix for f in claims] == [None, None]
    # Found by the general features (lintnews/rules/claims.py): how a contested event (a crisis)
    # came about, and wrongdoing ("violence against") with a party to it (the regime).
    assert "a causal claim about a contested event ('began as')" in claims[0].message
    assert "an accusation of wrongdoing against a party ('violence against')" in claims[1].message
    # Suggestion level: 6 of 17 were real on the measure half, blind-judged (docs/evaluation.md).
    assert all(f.severity.value == "suggestion" for f in claims)


def test_seed_fix_gives_the_corrected_article():
    result = lintnews.fix_text(seed_text())
    text = result.text
    assert result.converged
    assert text.count("Could Trump cooperate with Assad regime against ISIS in Syria?") == 1
    assert "since the first days of his elections campaign" in text.lower()
    assert "Read more" not in text
    assert "\nLast week, a few hundred marines" in text
    assert "in the fight against ISIS." in text and "Isis" not in text
    assert "priority for us,” Assad said." in text
    assert "450,000 Syrians" in text
    assert "\u00a0" not in text
    assert text.endswith("homes.\n")
    # Left: the agreement error, whose fix needs --unsafe-fixes, and the unattributed claim, which
    # needs a reporter.
    assert [f.rule_id for f in result.findings] == ["News.Agreement"] + ["News.UnattributedClaim"] * 2
    assert "there was no formal ties" in text
    assert "there were no formal ties" in lintnews.fix_text(seed_text(), unsafe=True).text
    # Quotations are untouched: every quoted span of the original is still there.
    for quote in ("“Any foreign troops coming to Syria without our invitation",
                  "they are very bad in finding solutions.”"):
        assert quote in text


def test_fix_is_idempotent():
    once = lintnews.fix_text(seed_text()).text
    twice = lintnews.fix_text(once)
    assert twice.text == once and twice.applied == 0


def test_cli_check_on_seeds(run_cli):
    proc = run_cli("check", "seeds/")
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert f"seeds/{SEED.name}:7:25: error: News.Confusables [*] Use 'his' instead of 'hi'" in out
    assert f"seeds/{SEED.name}:45:203: error: News.DoubledSpeechVerb [*]" in out
    assert "7 | Since the first days of hi elections campaign," in out  # the offending text shown
    assert out.rstrip().endswith("Found 15 findings (5 errors, 10 suggestions) in 1 file (12 fixable with `lintnews fix`, 1 more with --unsafe-fixes).")


def test_cli_fix_then_check_reports_no_fixable_finding(run_cli, seed_copy):
    original = seed_copy.read_bytes()
    diff = run_cli("fix", "--diff", seed_copy)
    assert diff.returncode == 1
    assert seed_copy.read_bytes() == original  # --diff writes nothing
    assert b"-Since the first days of hi elections" in diff.stdout
    assert b"+Since the first days of his elections" in diff.stdout

    fixed = run_cli("fix", seed_copy)
    assert fixed.returncode == 1  # the agreement error (unsafe fix) and two unattributed claims remain
    # All 12 fixable findings are fixed: the no-break spaces are repaired first (repairs go before other
    # fixes), so the Read more line is deleted in a later pass rather than taking one of them with it.
    assert b"Fixed 12 findings in 1 file; 3 remaining." in fixed.stdout
    after = seed_copy.read_bytes()
    assert after != original

    check = run_cli("check", "--format", "json", seed_copy)
    findings = json.loads(check.stdout)
    assert [f["rule"] for f in findings] == ["News.Agreement"] + ["News.UnattributedClaim"] * 2
    assert findings[0]["fix"]["applicability"] == "unsafe"
    assert all(f["fix"] is None for f in findings[1:])

    again = run_cli("fix", seed_copy)
    assert b"Fixed 0 findings in 0 files" in again.stdout
    assert seed_copy.read_bytes() == after
