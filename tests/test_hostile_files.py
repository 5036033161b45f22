"""Files that are not plain articles, and writes that must not lose anything (issue 13, items 2, 3, 7).

Each test is one probe: what a run meets in a real tree (pipes, links, loops,
bad .gitignore lines, long names, read-only or hard-linked articles, a file
saved by someone else mid-run, a full disk) and what it must do: check the
rest, say what it skipped or could not do in one line, and never lose text.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from lintnews.errors import InputError
from lintnews.read.source import read_path
from lintnews.run import writeback
from lintnews.run.files import collect
from lintnews.run.session import Options, Session
from lintnews.run.writeback import WriteError, write_back
from testkit import lintnews_command

BAD = "Troops leave the city\n\nThe the troops left the city on Monday.\n"
FIXED = "Troops leave the city\n\nThe troops left the city on Monday.\n"


def lines(proc) -> list[str]:
    return proc.stderr.decode().splitlines()


def test_named_pipe_in_a_folder_is_skipped_not_waited_on(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    os.mkfifo(tmp_path / "b.txt")
    proc = run_cli("check", "--format", "concise", tmp_path)
    assert proc.returncode == 1  # a.txt's finding; the pipe is not an error
    assert f"warning: {tmp_path / 'b.txt'}: not a regular file (a named pipe); skipped" in lines(proc)
    assert b"a.txt:3:1: suggestion: News.DoubledWord" in proc.stdout


def test_link_to_a_device_is_skipped(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    os.symlink("/dev/zero", tmp_path / "z.txt")
    proc = run_cli("check", "-q", tmp_path)
    assert proc.returncode == 1
    assert f"warning: {tmp_path / 'z.txt'}: not a regular file (a device); skipped" in lines(proc)


def test_link_loop_and_broken_link_are_warnings_and_the_rest_is_checked(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    os.symlink("c.txt", tmp_path / "b.txt")
    os.symlink("b.txt", tmp_path / "c.txt")
    os.symlink("gone.txt", tmp_path / "d.txt")
    os.symlink("..", tmp_path / "up")  # a link to a folder is not followed: no endless walk
    proc = run_cli("check", "--format", "concise", tmp_path)
    assert proc.returncode == 1
    err = lines(proc)
    assert f"warning: {tmp_path / 'b.txt'}: symbolic link loop; skipped" in err
    assert f"warning: {tmp_path / 'd.txt'}: broken symbolic link; skipped" in err
    assert proc.stdout.decode().count("News.DoubledWord") == 1


def test_link_out_of_the_tree_is_skipped_and_one_inside_is_checked_once(tmp_path):
    tree, elsewhere = tmp_path / "tree", tmp_path / "elsewhere"
    tree.mkdir(), elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(BAD)
    (tree / "a.txt").write_text(BAD)
    os.symlink(elsewhere / "secret.txt", tree / "out.txt")
    os.symlink("a.txt", tree / "same.txt")
    found = collect([str(tree)], lambda p: False)
    assert found.files == [str(tree / "a.txt")]
    assert found.warnings == [f"{tree / 'out.txt'}: a link to a file outside {tree}; skipped"]
    assert found.errors == []


def test_bad_gitignore_line_is_a_warning_and_the_good_lines_still_apply(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.txt").write_text(BAD)
    (tmp_path / ".gitignore").write_text("\\\ndrafts/\n")
    proc = run_cli("check", "--format", "concise", tmp_path)
    assert proc.returncode == 1
    assert f"warning: {tmp_path / '.gitignore'}:1: not a valid pattern ('\\\\'); line ignored" in lines(proc)
    assert b"drafts" not in proc.stdout and b"a.txt:3:1" in proc.stdout


def test_unreadable_gitignore_and_folder_are_errors_while_the_rest_is_checked(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(BAD)
    real_open, real_scandir = open, os.scandir

    def deny_open(path, *args, **kwargs):
        if str(path).endswith(".gitignore"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def deny_scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("lintnews.run.files.open", deny_open, raising=False)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    found = collect([str(tmp_path)], lambda p: False)
    assert found.files == [str(tmp_path / "a.txt")]
    assert found.errors == [f"{tmp_path / '.gitignore'}: cannot read: Permission denied",
                            f"{tmp_path / 'locked'}: cannot read folder: Permission denied"]


def test_pipe_swapped_in_after_collection_is_refused_at_read(tmp_path):
    os.mkfifo(tmp_path / "a.txt")
    with pytest.raises(InputError, match=r"a\.txt: not a regular file$"):
        read_path(str(tmp_path / "a.txt"))


def test_closed_standard_input_is_one_line_and_exit_2(tmp_path):
    command = " ".join(lintnews_command())
    proc = subprocess.run(["sh", "-c", f"exec {command} check - <&-"], capture_output=True)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == ["error: -: standard input is closed"]


def test_fix_of_a_name_near_the_length_limit(run_cli, tmp_path):
    article = tmp_path / ("b" * 250 + ".txt")
    article.write_text(BAD)
    proc = run_cli("fix", "-q", article)
    assert proc.returncode == 0, proc.stderr
    assert article.read_text() == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == [article.name]


def test_fix_writes_through_a_link_to_its_target(run_cli, tmp_path):
    (tmp_path / "real.txt").write_text(BAD)
    os.symlink("real.txt", tmp_path / "link.txt")
    proc = run_cli("fix", "-q", tmp_path / "link.txt")
    assert proc.returncode == 0, proc.stderr
    assert os.readlink(tmp_path / "link.txt") == "real.txt"
    assert (tmp_path / "real.txt").read_text() == FIXED


def test_fix_keeps_hard_links_mode_and_extended_attributes(run_cli, tmp_path):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.md", tmp_path / "c.txt"
    a.write_text(BAD)
    os.link(a, b)
    c.write_text(BAD)
    c.chmod(0o640)
    try:
        os.setxattr(c, "user.desk", b"metro")
    except OSError:
        pytest.skip("extended attributes not supported here")
    proc = run_cli("fix", "-q", a, c)
    assert proc.returncode == 0, proc.stderr
    assert a.read_text() == b.read_text() == FIXED
    assert os.stat(a).st_ino == os.stat(b).st_ino and os.stat(a).st_nlink == 2
    assert c.read_text() == FIXED and c.stat().st_mode & 0o777 == 0o640
    assert os.getxattr(c, "user.desk") == b"metro"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.md", "c.txt"]


def test_fix_leaves_a_read_only_article_alone(run_cli, tmp_path):
    ro, ok = tmp_path / "ro.txt", tmp_path / "ok.txt"
    ro.write_text(BAD)
    ro.chmod(0o444)
    ok.write_text(BAD)
    proc = run_cli("fix", "-q", "--format", "concise", ro, ok)
    assert proc.returncode == 2
    assert f"error: {ro}: is read-only; left unchanged" in lines(proc)
    assert ro.read_text() == BAD and ok.read_text() == FIXED
    assert f"{ro}:3:1: suggestion: News.DoubledWord".encode() in proc.stdout  # what the file still holds


def test_file_saved_by_another_program_mid_run_is_not_overwritten(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    source = read_path(str(article))
    article.write_text(BAD + "\nA paragraph the reporter added meanwhile.\n")
    with pytest.raises(WriteError, match=r"a\.txt: changed since it was read .*; left unchanged$"):
        write_back(source, source.encode(FIXED))
    assert article.read_text().endswith("added meanwhile.\n")


def test_full_disk_leaves_the_article_and_no_temporary(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    source = read_path(str(article))

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writeback.os, "write", full)
    with pytest.raises(WriteError, match=r"a\.txt: cannot write: No space left on device; left unchanged$"):
        write_back(source, source.encode(FIXED))
    monkeypatch.undo()
    assert article.read_text() == BAD
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_full_disk_on_a_hard_linked_article_puts_the_old_bytes_back(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    os.link(article, tmp_path / "b.txt")
    source = read_path(str(article))
    calls = []
    real_write = os.write

    def fail_on_the_new_text(fd, data):
        calls.append(bytes(data))
        if bytes(data) == FIXED.encode():
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(writeback.os, "write", fail_on_the_new_text)
    with pytest.raises(WriteError, match="No space left on device"):
        write_back(source, source.encode(FIXED))
    monkeypatch.undo()
    assert article.read_text() == BAD and (tmp_path / "b.txt").read_text() == BAD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_temporary_left_by_a_killed_fix_is_swept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".lintnews-{dead}-0badc0de.tmp"
    stale.write_text("half an article")
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    writeback._swept.discard(str(tmp_path))
    source = read_path(str(article))
    write_back(source, source.encode(FIXED))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_rule_that_crashes_is_one_line_naming_file_and_rule(tmp_path, monkeypatch):
    from lintnews.rules.kinds.repetition import Repetition

    def boom(self, doc):
        raise ValueError("bad state")

    monkeypatch.setattr(Repetition, "check", boom)
    article = tmp_path / "a.txt"
    article.write_text("Troops leave\n\nThe troops left the city  on Monday.\n")
    session = Session(Options())
    result = session.process(str(article), "check")
    assert f"{article}: News.DoubledWord: internal error (ValueError: bad state); rule skipped, please report it" \
        in result.errors
    assert all(e.startswith(f"{article}: News.") for e in result.errors)  # each names the file and the rule
    assert any(f.rule_id == "News.MultipleSpaces" for f in result.findings)  # the other rules ran


def test_with_parallel_jobs_one_failing_file_does_not_hide_the_others(tmp_path, monkeypatch):
    for i in range(6):
        (tmp_path / f"a{i}.txt").write_text(BAD)
    session = Session(Options())
    real_read = session.read

    def read(path):
        if path.endswith("a3.txt"):
            raise RuntimeError("disk controller on fire")
        return real_read(path)

    monkeypatch.setattr(session, "read", read)
    files = collect([str(tmp_path)], lambda p: False).files
    results = session.run(files, "fix", jobs=2)
    assert [r.path for r in results] == files
    assert results[3].errors == [f"{files[3]}: internal error (RuntimeError: disk controller on fire); please report it"]
    assert [r.changed for r in results] == [True, True, True, False, True, True]
    assert all((tmp_path / f"a{i}.txt").read_text() == (BAD if i == 3 else FIXED) for i in range(6))


def test_closed_standard_output_is_a_warning_and_the_exit_status_still_counts(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(BAD)
    command = " ".join(lintnews_command())
    proc = subprocess.run(["sh", "-c", f"exec {command} check {article} >&-"], capture_output=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["warning: standard output is closed; what lintnews writes there is lost"]


def test_output_cut_short_by_a_closed_pipe_ends_quietly(tmp_path):
    for i in range(30):
        (tmp_path / f"a{i}.txt").write_text(BAD * 20)
    command = " ".join(lintnews_command())
    proc = subprocess.run(["sh", "-c", f"{command} check --jobs 1 {tmp_path} | head -c 10"], capture_output=True,
                          timeout=120)
    assert len(proc.stdout) == 10
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr


def test_a_gitignore_line_too_costly_to_match_is_ignored_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.txt").write_text(BAD)
    (tmp_path / ".gitignore").write_text("*a*a*a*a*a*b\ndrafts/\n")
    found = collect([str(tmp_path)], lambda p: False)
    assert found.files == [str(tmp_path / "a.txt")]  # the good line still applies
    assert found.warnings == [f"{tmp_path / '.gitignore'}:1: too many wildcards to match in bounded time; line ignored"]


def test_a_dead_link_named_on_the_command_line_is_an_error(run_cli, tmp_path):
    # Named, it is a path the user asked for that cannot be checked (CI must not pass green).
    (tmp_path / "a.txt").write_text(BAD)
    os.symlink("c.txt", tmp_path / "b.txt")
    os.symlink("b.txt", tmp_path / "c.txt")
    os.symlink("gone.txt", tmp_path / "d.txt")
    proc = run_cli("check", "--format", "concise", tmp_path / "b.txt", tmp_path / "d.txt", tmp_path / "a.txt")
    assert proc.returncode == 2
    assert f"error: {tmp_path / 'b.txt'}: symbolic link loop" in lines(proc)
    assert f"error: {tmp_path / 'd.txt'}: broken symbolic link" in lines(proc)
    assert b"a.txt:3:1: suggestion: News.DoubledWord" in proc.stdout


def test_utf16_text_is_named_as_such_not_as_binary(run_cli, tmp_path):
    (tmp_path / "u16.txt").write_bytes(BAD.encode("utf-16"))  # Python writes the byte order mark first
    (tmp_path / "empty-dir.txt").mkdir()
    proc = run_cli("check", tmp_path / "u16.txt")
    assert proc.returncode == 2
    assert lines(proc) == [f"error: {tmp_path / 'u16.txt'}: UTF-16 text (its byte order mark says so): lintnews reads "
                           "UTF-8; convert it, e.g. iconv -f UTF-16 -t UTF-8"]
    nothing = run_cli("check", tmp_path / "empty-dir.txt")
    assert nothing.returncode == 0 and b".html, .htm" in nothing.stderr + nothing.stdout
