"""Where a Vale rule's finding is placed when Vale looks its matched text up again (core/location.go
initialPosition): one search, used by the consistency kind and by the placement of a list item's or
block quote's matches. Each case is a newsroom's own rule and article, written for these tests, run
through the installed `lintnews` command with only a .vale.ini beside the article."""

from __future__ import annotations

import json

from lintnews.rules.vale_place import first_place


def project(tmp_path, rules: dict[str, str], files: dict[str, str]) -> None:
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Desk\n")
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    for name, text in rules.items():
        (style / f"{name}.yml").write_text(text)
    for name, body in files.items():
        (tmp_path / name).write_text(body)


def spots(run_cli, cwd, *files: str) -> list[tuple[int, int, str]]:
    proc = run_cli("check", "--format", "json", *files, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return [(f["line"], f["column"], f["message"]) for f in json.loads(proc.stdout)]


ADVISER = ("extends: consistency\nmessage: \"Inconsistent spelling of '%s'.\"\nlevel: warning\n"
           "either:\n  adviser: advisor\n")


def test_consistency_passes_over_a_match_just_after_a_hyphen_as_vale_does(run_cli, tmp_path):
    # Vale passes over an occurrence whose character just before is a hyphen or backtick when there
    # are others (core/location.go, #673). The consistency kind's own copy of that search looked two
    # characters before, so it placed this finding on "ex-advisor" (column 19).
    story = ("The council's adviser spoke first.\n\n"
             "Critics of the ex-advisor said the new advisor was better.\n")
    project(tmp_path, {"Spelling": ADVISER}, {"council.md": story})
    assert spots(run_cli, tmp_path, "council.md") == [(3, 40, "Inconsistent spelling of 'advisor'.")]


def test_consistency_finds_a_straight_apostrophe_in_a_curly_one_as_vale_does(run_cli, tmp_path):
    # Vale looks a match's straight quote up as any quote (quoteTolerantPattern, #1003): the finding
    # for the block's last "don't" is placed at the first "don’t", where the consistency kind's own
    # copy of the search (no quote tolerance) placed it on the straight one (column 51).
    rule = ("extends: consistency\nmessage: \"Use one form: '%s'.\"\nlevel: warning\n"
            "either:\n  'do not': \"don't\"\n")
    story = ("Officials do not expect a deal.\n\n"
             "The mayor said “I don’t know” and aides said they don't either.\n")
    project(tmp_path, {"Contractions": rule}, {"deal.md": story})
    assert spots(run_cli, tmp_path, "deal.md") == [(3, 19, "Use one form: 'don't'.")]


def test_one_search_for_vales_place():
    line = "Critics of the ex-advisor said the new advisor was better."
    assert first_place(line, "advisor") == line.index("new") + 4  # after a hyphen: passed over
    assert first_place("a `advisor` b advisor", "advisor") == 14  # beside a backtick: passed over
    assert first_place("the ex-advisor", "advisor") == 7  # the only one: kept
    assert first_place("I don’t know if they don't", "don't") == 2  # straight finds curly
    assert first_place("I don't know if they don’t", "don’t") == 21  # curly finds only itself
    assert first_place("file_advisor", "advisor") == 5  # Go's (?:^|\\b|_): an underscore before will do
    assert first_place("_advisor and advisor_x", "_advisor") == 0
    assert first_place("x_advisor and _advisor", "_advisor") == 14  # but not one inside the match
    assert first_place("advisor, advisor", "advisor", start=3) == 9  # what precedes start is masked
    assert first_place("advisors", "advisor") == 0  # no whole word: the first occurrence at all
    assert first_place("adviser", "advisor") == -1
