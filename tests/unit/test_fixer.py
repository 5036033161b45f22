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
