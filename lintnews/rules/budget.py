"""The time one article may take: a deadline the engine sets and the rules' work honours.

The engine runs each article ``within`` its budget (``time-budget`` in the
configuration, ``DEFAULT`` seconds unless set; 0 or None: no limit). Work
that goes in steps asks ``check()`` between them, which raises
:class:`OutOfTime` once the deadline has passed: every pattern search
(``patterns``), every candidate a rule weighs (``Rule.in_scope``) and every
finding the engine takes. A pattern's own timeout is cut to the time left
(``cap``). The deadline is a context variable, so threads keep their own and
a nested ``within`` (each pass of ``fix``) never extends the one around it.

The budget is CPU time of the process (``time.process_time``), not wall time:
on a busy machine (a pre-commit hook beside a build, a CI runner shared with
others) an article must not run out of time because other processes had the
cores, which silently left rules unfinished and fixes unmade.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

DEFAULT = 8.0  # CPU seconds: a news article takes milliseconds; a file that needs more is not one


class _Deadline:
    """A CPU-time deadline, with the wall-clock time before which it cannot have passed.

    Reading the process's CPU clock costs a system call (about five times a wall-clock read), and
    the budget is asked between every step of the rules' work. A single thread's CPU time never
    runs ahead of the wall clock, so while the wall clock is short of ``wall`` the CPU deadline is
    not reached either; only past it is the CPU clock read, and ``wall`` moved on by what is left.
    """

    __slots__ = ("cpu", "wall")

    def __init__(self, seconds: float) -> None:
        self.cpu = time.process_time() + seconds
        self.wall = time.monotonic() + seconds

    def left(self) -> float:
        """CPU seconds left (0 or less: passed); reads the CPU clock only when the wall one says it may be."""
        wall_left = self.wall - time.monotonic()
        if wall_left > 0:
            return wall_left  # a lower bound of the CPU time left, which is all a caller needs here
        cpu_left = self.cpu - time.process_time()
        self.wall = time.monotonic() + max(cpu_left, 0.0)
        return cpu_left


_DEADLINE: ContextVar[_Deadline | None] = ContextVar("lintnews_deadline", default=None)


class OutOfTime(Exception):
    """The article's time budget ran out."""


@contextmanager
def within(seconds: float | None):
    """Run the block with a deadline ``seconds`` from now, or the one already set if that is sooner."""
    outer = _DEADLINE.get()
    deadline = _Deadline(seconds) if seconds else None
    if outer is not None and (deadline is None or outer.cpu < deadline.cpu):
        deadline = outer
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise :class:`OutOfTime` if the deadline has passed."""
    deadline = _DEADLINE.get()
    if deadline is not None and deadline.left() <= 0:
        raise OutOfTime


def cap(timeout: float) -> tuple[float, bool]:
    """``timeout`` cut to the time left, and whether it was cut (then a timeout means the budget ran out)."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout, False
    if deadline.left() >= timeout:
        return timeout, False
    left = deadline.cpu - time.process_time()  # the wall clock's bound fell short: the CPU time left
    if left <= 0:
        raise OutOfTime
    if left >= timeout:
        return timeout, False
    return left, True
