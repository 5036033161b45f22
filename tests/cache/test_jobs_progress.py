"""--jobs gives the same findings and fixes as one process; the progress bar shows only on a
terminal, for the human formats, on runs of more than a handful of articles."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import termios
import threading

import pytest
from cache_articles import ARTICLES

from lintnews.cli.progress import HANDFUL, wanted
from testkit import SEED, lintnews_command


@pytest.fixture
def pile(tmp_path):
    """Many news-like articles (the seed and the cache tests' articles, several times over)."""
    folder = tmp_path / "pile"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}-{SEED.name}").write_bytes(SEED.read_bytes())
        for name, data in ARTICLES.items():
            (folder / f"{i}-{name}").write_bytes(data)
    return folder


def test_one_and_two_jobs_report_the_same(run_cli, pile):
    for fmt in ("json", "text"):
        one = run_cli("check", "--no-cache", "--format", fmt, "-j1", pile)
        two = run_cli("check", "--no-cache", "--format", fmt, "-j2", pile)
        assert one.returncode == 1 and one.stdout.count(b"News.DoubledWord") >= 8
        assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)


def test_one_and_two_jobs_fix_the_same(run_cli, pile, tmp_path):
    twin = tmp_path / "twin"
    subprocess.run(["cp", "-a", str(pile), str(twin)], check=True)
    one = run_cli("fix", "--no-cache", "-j1", pile)
    two = run_cli("fix", "--no-cache", "-j2", twin)
    assert one.returncode == 1 and b"Fixed " in one.stdout
    assert (two.returncode, two.stdout.replace(bytes(twin), bytes(pile)), two.stderr) == \
        (one.returncode, one.stdout, one.stderr)
    for path in pile.iterdir():
        assert (twin / path.name).read_bytes() == path.read_bytes()


class Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("kw, files, tty, shown", [
    ({"fmt": "text"}, HANDFUL + 1, True, True),
    ({"fmt": "concise"}, 500, True, True),
    ({"fmt": "text"}, HANDFUL, True, False),  # a handful: over before a bar would help
    ({"fmt": "text"}, 500, False, False),  # piped, redirected, CI logs
    ({"fmt": "text", "no_progress": True}, 500, True, False),
    ({"fmt": "text", "statistics": True}, 500, True, False),
    *(({"fmt": fmt}, 500, True, False) for fmt in ("json", "jsonl", "sarif", "junit", "github")),
])
def test_when_a_bar_is_shown(kw, files, tty, shown):
    assert wanted(kw, files, Stream(tty)) is shown


def run_on_terminal(args, cwd) -> tuple[int, bytes, bytes]:
    """The command with its standard error on a pseudo-terminal: (status, stdout, what the terminal got)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 rows, 100 columns
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([*lintnews_command(), *args], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = bytearray()

    def drain():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the other side is closed
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    out, _ = proc.communicate(timeout=300)
    reader.join(timeout=30)
    os.close(master)
    return proc.returncode, out, bytes(seen)


def test_a_bar_on_a_terminal_and_never_in_the_output(pile, tmp_path):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    status, out, terminal = run_on_terminal(["check", *cache, "-j1", str(pile)], tmp_path)
    assert status == 1
    assert b"Checking" in terminal and b"file" in terminal  # tqdm's line: "Checking:  40%|####  | 8/20 [...]"
    assert b"Checking" not in out and b"\r" not in out
    assert out.startswith(str(pile).encode())  # the report itself is as it always is
    for flags in (["--no-progress"], ["--format", "json"], ["--format", "sarif"]):
        status, out, terminal = run_on_terminal(["check", *cache, "-j1", *flags, str(pile)], tmp_path)
        assert status == 1 and b"Checking" not in terminal and b"Checking" not in out


def test_no_bar_when_standard_error_is_piped(run_cli, pile):
    proc = run_cli("check", "--no-cache", "-j1", pile)
    assert proc.returncode == 1
    assert b"Checking" not in proc.stderr and b"\r" not in proc.stderr and b"%|" not in proc.stderr
    fixed = run_cli("fix", "--no-cache", "-j1", pile)
    assert b"Fixing" not in fixed.stderr and b"\r" not in fixed.stderr
