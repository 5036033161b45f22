from __future__ import annotations

import lintnews

from lintnews.findings import Applicability, Edit, Finding, Fix, Severity
from lintnews.run.fixer import apply_fixes


def finding(start, end, content, applicability=Applicability.SAFE):
    return Finding("T.Rule", Severity.ERROR, start, end, "m",
                   fix=Fix((Edit(start, end, content),), applicability))


def test_non_overlapping_edits_apply_together():
    text, n = apply_fixes("abcdef", [finding(0, 1, "A"), finding(4, 6, "EF")])
    assert (text, n) == ("AbcdEF", 2)


def test_overlapping_edit_waits_for_the_next_pass():
    text, n = apply_fixes("abcdef", [finding(0, 3, "X"), finding(2, 4, "Y")])
    assert (text, n) == ("Xdef", 1)


def test_two_inserts_at_one_point_do_not_both_apply():
    text, n = apply_fixes("ab", [finding(1, 1, "X"), finding(1, 1, "Y")])
    assert n == 1 and text in ("aXb", "aYb")


def test_unsafe_needs_opt_in_and_display_never_applies():
    fs = [finding(0, 1, "A", Applicability.UNSAFE), finding(2, 3, "C", Applicability.DISPLAY)]
    assert apply_fixes("abc", fs) == ("abc", 0)
    assert apply_fixes("abc", fs, unsafe=True) == ("Abc", 1)


def test_character_repairs_come_before_word_fixes():
    # A zero-width space inside "sentence" first reads as "life s" + "entence": a stripped apostrophe
    # and a misspelling. Repaired first, the word is whole and nothing else needs fixing.
    text = "Court\n\nThe court gave him a life s\u200bentence on Monday.\n"
    for unsafe in (False, True):
        result = lintnews.fix_text(text, unsafe=unsafe)
        assert result.text == "Court\n\nThe court gave him a life sentence on Monday.\n"
        assert result.converged
    # Mojibake is a repair too: fixed first, and the word fixes of the same article still follow.
    text = "Court\n\nThe judgeâ€™s ruling was was final.\n"
    assert lintnews.fix_text(text).text == "Court\n\nThe judge’s ruling was final.\n"


def test_overlapping_fixes_report_only_the_one_taken():
    taken = []
    text, n = apply_fixes("abcdef", [finding(0, 3, "X"), finding(2, 4, "Y")], taken=taken)
    assert (text, n) == ("Xdef", 1)
    assert [(f.start, f.fix.edits[0].content) for f in taken] == [(0, "X")]


def test_a_fix_trace_says_which_rule_made_each_change_in_each_pass():
    # The repair pass comes first (the zero-width space), then the word fix on the repaired text:
    # each pass is traced with the text it edited, so every change can be read in its context.
    text = "Vote\n\nThe vote was\u200b was postponed.\n"
    trace = []
    result = lintnews.linter().fix(text, trace=trace)
    assert result.text == "Vote\n\nThe vote was postponed.\n"
    assert [[f.rule_id for f in taken] for _, taken in trace] == [["News.InvisibleCharacters"],
                                                                 ["News.DoubledWord"]]
    assert trace[0][0] == text and trace[1][0] == "Vote\n\nThe vote was was postponed.\n"
    assert all(f.safe_fix for _, taken in trace for f in taken)


def test_edits_that_touch_apply_together_and_an_insert_waits_only_for_its_own_point():
    fs = [finding(2, 4, "X"), finding(0, 2, "Y"), finding(4, 4, "Z"), finding(4, 6, ""), finding(3, 3, "W")]
    # (3, 3) falls inside (2, 4): it waits; (4, 4) sits where (2, 4) ends and (4, 6) starts: it applies.
    assert apply_fixes("abcdefg", fs) == ("YXZg", 4)


def test_a_fix_with_edits_far_apart_blocks_only_where_it_edits():
    two = Finding("T.Rule", Severity.ERROR, 0, 1, "m", fix=Fix((Edit(0, 1, "A"), Edit(8, 9, "I"))))
    fs = [two, finding(4, 5, "E"), finding(8, 9, "no")]
    assert apply_fixes("abcdefghi", fs) == ("AbcdEfghI", 2)


def test_a_fix_whose_own_edits_overlap_is_never_applied():
    bad = Finding("T.Rule", Severity.ERROR, 0, 1, "m", fix=Fix((Edit(0, 3, "X"), Edit(2, 4, "Y"))))
    assert apply_fixes("abcdef", [bad, finding(5, 6, "F")]) == ("abcdeF", 1)
