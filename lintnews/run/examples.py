"""A rule's own examples, run: the contract ``lintnews rules test`` and the test suite check.

A rule file's ``examples`` hold ``bad``, ``good`` and ``fixed`` texts. Each
is read as an article of its own, as ``lintnews check -`` reads standard
input: plain text (not Markdown), blocks split at blank lines, and a first
line of 30 words or fewer followed by another block is the article's title.
Only the rule itself runs on it, whatever a configuration selects.

- each ``bad`` text must be flagged by the rule (at least one finding);
- each ``good`` text must not be;
- each ``fixed`` text must equal what the rule's fixes, safe and unsafe
  alike (``lintnews fix --unsafe-fixes``), make of the ``bad`` text of the
  same index, fixed until a pass changes nothing, and must then be clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..rules.base import Rule
from .engine import Linter

EXCERPT = 40  # characters of an example shown in a failure


@dataclass(frozen=True)
class ExampleFailure:
    """One example that does not do what its kind says: ``kind`` is bad, good or fixed, ``index`` counts
    from 1 within that kind, ``problem`` says what differed."""

    rule: Rule
    kind: str
    index: int
    text: str
    problem: str

    def line(self, path: str | None = None) -> str:
        """``styles/House/Utilize.yml: House.Utilize: fixed #1 'We utilize drones.': expected ... got ...``;
        ``path`` is the rule file as to show it (None: as loaded)."""
        where = path or self.rule.path
        return f"{where}: {self.rule.id}: {self.kind} #{self.index} {quoted(self.text)}: {self.problem}"


def quoted(text: str, width: int = EXCERPT, ends: bool = False) -> str:
    """``text`` in quotes, line breaks and control characters escaped, cut to ``width`` characters; the
    line breaks at its ends left out unless ``ends``."""
    shown = "".join(_escape(c) for c in (text if ends else text.strip("\n")))
    if len(shown) > width:
        shown = shown[:width - 3] + "..."
    return f"'{shown}'"


def _escape(char: str) -> str:
    if char == "\n":
        return "\\n"
    if char.isprintable() or char == " ":
        return char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def difference(expected: str, got: str, width: int = EXCERPT) -> str:
    """``expected 'We deploy drones.' got 'We use drones.'``: for long texts, the stretch where they part."""
    if len(expected) > width or len(got) > width:
        same = 0
        while same < min(len(expected), len(got)) and expected[same] == got[same]:
            same += 1
        start = max(0, same - 15)
        lead = "..." if start else ""
        expected, got = lead + expected[start:], lead + got[start:]
    ends = quoted(expected, width) == quoted(got, width)  # they differ in a line break at an end
    return f"expected {quoted(expected, width, ends)} got {quoted(got, width, ends)}"


def _unread(linter: Linter, text: str) -> str:
    """Why a ``bad`` example the rule does not flag would be flagged, as a note ("" when neither): read with a
    headline put before it (its first line was the headline, which ``scope: body`` leaves out), or with its
    quotation marks taken away (their text is skipped, ``quotes: skip``)."""
    notes = []
    if linter.check("Headline\n\n" + text).findings:
        notes.append("its first line is read as the headline, which the rule's scope leaves out")
    if linter.check(_QUOTE_MARKS.sub("", text)).findings:
        notes.append("it holds quotation marks, and the rule skips the text inside them")
    return f" ({'; '.join(notes)})" if notes else ""


_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u2018\u00ab\u00bb]")  # not \u2019, mostly an apostrophe


def check_examples(rule: Rule) -> list[ExampleFailure]:
    """Every way the rule's examples fail their contract (none: all pass)."""
    linter = Linter([rule])
    examples = rule.examples
    failures: list[ExampleFailure] = []

    def fail(kind: str, index: int, text: str, problem: str) -> None:
        failures.append(ExampleFailure(rule, kind, index + 1, text, problem))

    for i, text in enumerate(examples["bad"]):
        result = linter.check(text)
        problem = _trouble(result)
        if problem or not result.findings:
            fail("bad", i, text, problem or "not flagged" + _unread(linter, text))
    for i, text in enumerate(examples["good"]):
        result = linter.check(text)
        problem = _trouble(result)
        if problem or result.findings:
            fail("good", i, text, problem or f"flagged {_found(result.findings)}")
    for i, (bad, fixed) in enumerate(zip(examples["bad"], examples["fixed"])):
        outcome = linter.fix(bad, unsafe=True)
        problem = _trouble(outcome.result)
        # Named by the bad example it is made from ("fixed #1 'We utilize drones.': expected ... got ...").
        if problem:
            fail("fixed", i, bad, problem)
        elif outcome.text != fixed:
            fail("fixed", i, bad, difference(fixed, outcome.text))
        elif not outcome.converged:
            fail("fixed", i, bad, f"the fixes still changed the text after {outcome.passes} passes")
        else:
            left = linter.check(fixed)
            problem = _trouble(left)
            if problem or left.findings:
                fail("fixed", i, bad, problem or f"still flagged after the fix {quoted(fixed)}: {_found(left.findings)}")
    return failures


def _trouble(result) -> str:
    """The rule's error on the example, or why it did not finish ("" if it ran)."""
    problems = result.errors or result.unfinished
    return f"the rule did not run: {problems[0].removeprefix('-: ')}" if problems else ""


def _found(findings: Iterable) -> str:
    return ", ".join(quoted(f.text, 30) for f in findings)
