"""--format gitlab: GitLab Code Quality JSON, driven through the installed command."""

from __future__ import annotations

import json

ARTICLE = (
    "Troops leave northern Syria\n"
    "\n"
    "The the troops left on Monday, the ministry said.\n"
    "\n"
    "Officials said the the convoy reached the border by nightfall.\n"
)
SHIFTED = "Troops leave northern Syria\n\nA new first paragraph was added by the desk.\n\n" + ARTICLE.split("\n", 2)[2]


def report(run_cli, folder, *args) -> list[dict]:
    proc = run_cli("check", "--format", "gitlab", *args, "a.md", cwd=folder)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert b"error:" not in proc.stderr, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_every_issue_has_the_fields_gitlab_reads(run_cli, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    issues = report(run_cli, tmp_path)
    doubled = [i for i in issues if i["check_name"] == "News.DoubledWord"]
    assert [i["location"] for i in doubled] == [
        {"path": "a.md", "lines": {"begin": 3}}, {"path": "a.md", "lines": {"begin": 5}}]
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["description"] and len(issue["fingerprint"]) == 64
    assert "a word is doubled" in doubled[0]["description"]
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints), "two findings share a fingerprint: GitLab would show one"


def test_fingerprints_survive_a_second_run_and_lines_added_above(run_cli, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    first = report(run_cli, tmp_path)
    again = report(run_cli, tmp_path)
    assert first == again
    (tmp_path / "a.md").write_text(SHIFTED, encoding="utf-8")
    shifted = report(run_cli, tmp_path)
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in first if i["check_name"] == "News.DoubledWord"}
    after = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in shifted
             if i["check_name"] == "News.DoubledWord"}
    assert set(before) == set(after)
    assert sorted(after.values()) == [line + 2 for line in sorted(before.values())]


def test_a_repeat_on_an_identical_line_gets_its_own_fingerprint(run_cli, tmp_path):
    twice = ARTICLE + "\nThe the troops left on Monday, the ministry said.\n"
    (tmp_path / "a.md").write_text(twice, encoding="utf-8")
    doubled = [i for i in report(run_cli, tmp_path) if i["check_name"] == "News.DoubledWord"]
    assert len(doubled) == 3
    assert len({i["fingerprint"] for i in doubled}) == 3


def test_levels_map_onto_gitlab_severities(run_cli, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "lintnews.yaml").write_text(
        "severity: {News.DoubledWord: error}\n", encoding="utf-8")
    doubled = [i for i in report(run_cli, tmp_path) if i["check_name"] == "News.DoubledWord"]
    assert {i["severity"] for i in doubled} == {"major"}
    (tmp_path / "lintnews.yaml").write_text("severity: {News.DoubledWord: warning}\n", encoding="utf-8")
    assert {i["severity"] for i in report(run_cli, tmp_path) if i["check_name"] == "News.DoubledWord"} == {"minor"}
    (tmp_path / "lintnews.yaml").write_text("severity: {News.DoubledWord: suggestion}\n", encoding="utf-8")
    assert {i["severity"] for i in report(run_cli, tmp_path) if i["check_name"] == "News.DoubledWord"} == {"info"}


def test_clean_article_is_an_empty_array(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("Troops leave northern Syria\n\nThe troops left on Monday, the ministry said.\n",
                                   encoding="utf-8")
    assert report(run_cli, tmp_path) == []


def test_a_file_not_read_is_a_critical_issue_at_that_file(one_unread):
    proc = one_unread("gitlab")
    assert proc.returncode == 2
    issues = json.loads(proc.stdout)
    [failed] = [i for i in issues if i["check_name"] == "lintnews.input"]
    assert failed["severity"] == "critical" and failed["location"] == {"path": "u16.txt", "lines": {"begin": 1}}
    assert failed["description"].startswith("u16.txt: UTF-16 text") and len(failed["fingerprint"]) == 64
    assert [i["check_name"] for i in issues if i is not failed] == ["News.DoubledWord"]
