"""What `lintnews fix` (and check) say: one line per fix applied, counts in English, summaries that do not
call a run with errors clean, and exit statuses for pre-commit."""

from __future__ import annotations

import json

BAD = "Troops leave northern Syria\n\nThe the troops left  today. It was 450.000 people.\n"
FIXED = "Troops leave northern Syria\n\nThe troops left today. It was 450,000 people.\n"
# "12.500" could be 12,500 or 12.5: the fix is unsafe, so plain fix leaves it.
UNFIXABLE = "A headline about the town\n\nThe town fund holds €12.500.\n"


def test_fix_lists_each_fix_it_applied(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    proc = run_cli("fix", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert lines[:3] == [
        "a.txt:3:1: News.DoubledWord fixed: Delete the repeated 'The'",
        "a.txt:3:20: News.MultipleSpaces fixed: Leave one space",
        "a.txt:3:36: News.ThousandsSeparator fixed: Write '450,000'",
    ]
    assert lines[-1] == "Fixed 3 findings in 1 file; 0 remaining."
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED
    # Nothing left to fix: nothing listed, and the counts stay English.
    proc = run_cli("fix", "--show-fixes", "a.txt", cwd=tmp_path)
    assert proc.stdout.decode().splitlines() == ["Fixed 0 findings in 0 files; 0 remaining."]


def test_fix_lists_each_fix_where_check_placed_it(run_cli, tmp_path):
    # The mojibake is repaired in a pass of its own; the fixes after it on the line read shifted text,
    # but the listing gives the places `check` gave, in the file as it was.
    text = ("Budget\n\nThe council\u00e2\u20ac\u2122s budget rose to 450.000 pounds on Monday, up from "
            "last  year.\nThe the mayor\u00e2\u20ac\u2122s office agreed.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    found = json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    placed = [f"a.txt:{f['line']}:{f['column']}: {f['rule']}" for f in found]
    assert len(placed) == 5
    proc = run_cli("fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    listed = [line.split(" fixed: ")[0] for line in proc.stdout.decode().splitlines() if " fixed: " in line]
    assert listed == placed
    assert "a.txt:3:70: News.MultipleSpaces" in listed  # not 3:68, its place after the repair


def test_quiet_fix_lists_nothing(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    proc = run_cli("fix", "--quiet", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == b""


def test_machine_formats_keep_standard_output_to_themselves(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD + "\nThe town fund holds €12.500.\n", encoding="utf-8")
    proc = run_cli("fix", "--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    left = json.loads(proc.stdout)
    assert [f["rule"] for f in left] == ["News.ThousandsSeparator"]
    assert "a.txt:3:1: News.DoubledWord fixed" in proc.stderr.decode()
    assert "Fixed 3 findings in 1 file; 1 remaining." in proc.stderr.decode()


def test_exit_non_zero_on_fix_is_about_changes_only(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "town.txt").write_text(UNFIXABLE, encoding="utf-8")
    first = run_cli("fix", "--exit-non-zero-on-fix", "--fixes-only", "a.txt", "town.txt", cwd=tmp_path)
    assert first.returncode == 1  # it changed a file
    out = first.stdout.decode()
    assert "a.txt:3:1: News.DoubledWord fixed" in out
    assert "town.txt" not in out  # what is left is the check's to report
    assert out.splitlines()[-1] == "Fixed 3 findings in 1 file; 1 remaining."
    second = run_cli("fix", "--exit-non-zero-on-fix", "--fixes-only", "a.txt", "town.txt", cwd=tmp_path)
    assert second.returncode == 0, second.stdout.decode()  # nothing changed, though a finding is left
    # Without the flag, a finding left fails the run as check would.
    assert run_cli("fix", "a.txt", "town.txt", cwd=tmp_path).returncode == 1
    # An error is still exit 2.
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    proc = run_cli("fix", "--exit-non-zero-on-fix", "--fixes-only", "bin.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().count("error:") == 1


def test_a_run_with_an_error_is_not_called_clean(run_cli, tmp_path):
    (tmp_path / "good.txt").write_text("Troops leave northern Syria\n\nThe troops left on Monday.\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"Troops\n\n\xff\xfe not UTF-8\n")
    proc = run_cli("check", "good.txt", "broken.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "error: broken.txt: invalid UTF-8 at byte 8 (line 3): invalid start byte; lintnews reads UTF-8: if it was "
        "saved as Windows-1252 or Latin-1, convert it, e.g. iconv -f CP1252 -t UTF-8"]
    assert proc.stdout.decode().splitlines()[-1] == "No findings in 1 file, but 1 error (see above)."


def test_the_summary_counts_errors_beside_findings(run_cli, tmp_path):
    """A skipped rule file or a file fix could not write is an error the summary line names, whatever it found."""
    (tmp_path / "st" / "House").mkdir(parents=True)
    (tmp_path / "st" / "House" / "Broken.yml").write_text("extends: existence\nmessage: x\ntokens: [a\n")
    (tmp_path / "a.txt").write_text("Council vote\n\nThe the council met on Monday.\n", encoding="utf-8")
    proc = run_cli("check", "--isolated", "--styles", "st", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "st/House/Broken.yml" in proc.stderr.decode()
    assert proc.stdout.decode().splitlines()[-1] == (
        "Found 1 finding (1 suggestion) in 1 file (1 fixable with `lintnews fix`). Errors: 1 (see above).")
    (tmp_path / "b.txt").write_bytes(b"Council\n\n\xff not UTF-8\n")
    proc = run_cli("fix", "a.txt", "b.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout.decode().splitlines()[-1] == "Fixed 1 finding in 1 file; 0 remaining. Errors: 1 (see above)."


def test_fixes_are_listed_in_the_order_of_the_text(run_cli, tmp_path):
    """A repair applied first (mojibake, in a pass of its own) on a later line is listed after an earlier line's fix."""
    article = tmp_path / "a.txt"
    article.write_text("Harbour plan\n\nThe the council met.\nThe mayor said it wasnâ€™t settled.\n", encoding="utf-8")
    proc = run_cli("fix", "--isolated", "--select", "News.DoubledWord,News.Mojibake", "a.txt", cwd=tmp_path)
    fixed = [line.split(": ", 1)[0] for line in proc.stdout.decode().splitlines() if " fixed: " in line]
    assert fixed == ["a.txt:3:1", "a.txt:4:23"], proc.stdout.decode()
