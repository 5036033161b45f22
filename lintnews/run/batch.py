"""Archive records checked and fixed one by one with a :class:`Linter`: findings and fixed records.

Each record's title and body are joined into one article (``read/record.py``)
and given to the same ``Linter`` that ``check`` and ``fix`` use, with a
reader that builds the record's article on every pass. What comes out of a
record is an :class:`Outcome`: its findings as mappings (offsets, line and
column within the field they fall in, ``title`` or ``body``), the fixed
record (``--fix``), or the one-line problem that makes it a bad record.

:func:`lint_records` streams: it takes records from any iterable and yields
one outcome at a time, so the single-process run and each Dask task
(``run/cluster.py``) do the same work the same way.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..errors import LintnewsError
from ..findings import Finding, Severity
from ..read.lines import Lines
from ..read.record import Layout, join, record_article
from .engine import Linter
from .records import BadRecord, Fields, Record, describe

MARKDOWN_FORMATS = ("markdown", "md", "commonmark", "gfm")
TEXT_FORMATS = ("text", "plain", "txt", "plaintext")
HTML_FORMATS = ("html", "htm", "xhtml")


@dataclass(frozen=True)
class Job:
    """How to treat every record of a run."""

    fields: Fields = Fields()
    markdown: bool = False  # bodies are Markdown unless a record's format field says otherwise
    fix: bool = False
    unsafe: bool = False  # with fix: apply unsafe fixes too
    fail_on: str = "suggestion"


@dataclass
class Outcome:
    """What one record gave."""

    label: str
    findings: list[dict] = field(default_factory=list)
    failing: int = 0  # findings at or above the job's fail-on level
    fixed: dict | None = None  # --fix: the record to write (its fields as read, with the fixed text)
    raw: bytes | None = None  # --fix: the record's line as read, written when nothing changed
    changed: bool = False
    applied: int = 0
    problem: str | None = None  # a bad record: the one line that says why
    errors: list[str] = field(default_factory=list)  # a rule that failed on the record
    warnings: list[str] = field(default_factory=list)  # a rule that did not finish; a backend that is down


class _Reader:
    """Builds a record's article from its joined text on every pass of a fix.

    The title's end moves when a fix edits the title; the engine records each
    pass's edits in ``trace`` before it reads the next pass's text, so the
    layout follows them (no edit crosses the separator, a skip zone).
    """

    def __init__(self, layout: Layout, markdown: bool | str):
        self.layout = layout
        self.markdown = markdown  # True, False, or "html": a body in HTML
        self.trace: list = []
        self._seen = 0

    def __call__(self, text: str, path: str):
        end = self.layout.title_end
        while self._seen < len(self.trace):
            _, taken = self.trace[self._seen]
            self._seen += 1
            if end is not None:
                end += sum(len(e.content) - (e.end - e.start) for f in taken for e in f.fix.edits if e.end <= end)
        self.layout = Layout(end)
        html = self.markdown == "html"
        return record_article(text, path, False if html else self.markdown, self.layout, html=html)


def for_records(linter: Linter) -> Linter:
    """The linter for archive records: a record's field is not a file, so the rules about how a file
    ends (``final-newline``) do not run on it. Everything else is the linter as given."""
    rules = [r for r in linter.rules if not (r.name == "normalize" and r["check"] == "final-newline")]
    if len(rules) == len(linter.rules):
        return linter
    copy = Linter(rules, accept=linter.accept, levels=linter.levels, time_budget=linter.time_budget,
                  accept_within=linter.accept_within)
    copy.vale_sentences = linter.vale_sentences  # Vale reads sentences as text (rules/vale_scopes.py)
    return copy


def lint_records(records, linter_for, job: Job):
    """Yield an :class:`Outcome` for each record or bad record, in order.

    ``linter_for(record)`` gives the linter for a record (one per input file,
    built once by the caller).
    """
    for record in records:
        if isinstance(record, BadRecord):
            yield Outcome(record.label, problem=record.problem, raw=record.raw if job.fix else None)
            continue
        yield lint_record(record, linter_for(record), job)


def lint_record(record: Record, linter: Linter, job: Job) -> Outcome:
    # --fix writes every record as read unless a fix changes it (a bad record, a rule's failure: unchanged,
    # never lost): a JSON Lines record from its line as read, a Parquet one from its fields.
    out = Outcome(record.label, raw=record.raw if job.fix else None,
                  fixed=record.data if job.fix and record.raw is None else None)
    fields = _fields(record, job)
    if isinstance(fields, str):
        out.problem = fields
        return out
    rid, title, body, markdown = fields
    text, layout = join(title, body)
    reader = _Reader(layout, markdown)
    try:
        if job.fix:
            result, text = _fix(record, linter, job, text, reader, out)
        else:
            result = linter.check(text, record.label, reader)
    except LintnewsError as exc:
        out.errors.append(str(exc))
        return out
    except Exception as exc:  # noqa: BLE001 - reported per record, the run goes on
        out.errors.append(f"{record.label}: internal error ({type(exc).__name__}: {exc}); please report it")
        return out
    out.errors.extend(result.errors)
    out.warnings.extend(result.warnings + result.unfinished)
    floor = Severity(job.fail_on).rank
    placer = _Placer(text, reader.layout)
    for f in result.findings:
        out.findings.append(placer.place(f, record, rid))
        out.failing += f.severity.rank >= floor
    return out


def _fix(record: Record, linter: Linter, job: Job, text: str, reader: _Reader, out: Outcome):
    """Fix the record; the result left and the text it refers to. Sets the fixed record on ``out``."""
    layout = reader.layout
    fixed = linter.fix(text, record.label, unsafe=job.unsafe, trace=reader.trace, reader=reader)
    if not fixed.converged:
        out.errors.append(f"{record.label}: fixes did not converge after {fixed.passes} passes; record left unchanged")
        reader.layout, reader.trace = layout, []
        return linter.check(text, record.label, reader), text
    if fixed.text != text:
        title, body = reader.layout.split(fixed.text)
        data = dict(record.data)
        data[job.fields.body] = body
        if title is not None:
            data[job.fields.title] = title
        out.fixed, out.changed, out.applied = data, True, fixed.applied
    return fixed.result, fixed.text


def _fields(record: Record, job: Job):
    """(id, title, body, markdown) of a record, or the problem that makes it a bad record (markdown:
    True, False, or "html" when the record's format field says so)."""
    names, data = job.fields, record.data
    rid = data.get(names.id)
    if rid is None:
        return f"{names.id!r} is null" if names.id in data else f"missing {names.id!r}"
    if isinstance(rid, bool) or not isinstance(rid, (str, int, float)):
        return f"{names.id!r} must be text or a number, not {describe(rid)}"
    body = data.get(names.body)
    if body is None:
        return f"{names.body!r} is null" if names.body in data else f"missing {names.body!r}"
    if not isinstance(body, str):
        return f"{names.body!r} must be text, not {describe(body)}"
    title = data.get(names.title)
    if title is not None and not isinstance(title, str):
        return f"{names.title!r} must be text, not {describe(title)}"
    markdown = job.markdown
    fmt = data.get(names.format)
    if fmt is not None:
        value = fmt.strip().lower() if isinstance(fmt, str) else None
        if value in MARKDOWN_FORMATS:
            markdown = True
        elif value in TEXT_FORMATS:
            markdown = False
        elif value in HTML_FORMATS:
            markdown = "html"
        else:
            return f"{names.format!r} must be markdown, html or text, not {fmt!r}"
    return rid, title, body, markdown


class _Placer:
    """Findings of a joined text as mappings placed in their field: offsets, line and column from 1."""

    def __init__(self, text: str, layout: Layout):
        self.layout = layout
        self.fields = dict(zip(("title", "body"), layout.split(text)))
        self._lines: dict[str, list[int]] = {}

    def _position(self, name: str, offset: int) -> tuple[int, int]:
        if name not in self._lines:
            self._lines[name] = Lines(self.fields[name] or "").starts
        starts = self._lines[name]
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def place(self, f: Finding, record: Record, rid) -> dict:
        name = self.layout.field_of(f.start)
        base = 0 if name == "title" else self.layout.body_start
        start, end = f.start - base, f.end - base
        line, column = self._position(name, start)
        end_line, end_column = self._position(name, end)
        fix = None
        if f.fix is not None:
            fix = {"applicability": f.fix.applicability.value, "title": f.fix.title,
                   "edits": [{"start": e.start - base, "end": e.end - base, "content": e.content}
                             for e in f.fix.edits]}
        # "path" and "severity" as `check --format json` names them; "file" and "level", the
        # names of 0.3.0, stay beside them until 0.5.0 (CHANGELOG).
        return {"path": record.path, "record": record.number, "id": rid, "field": name,
                "rule": f.rule_id, "severity": f.severity.value, "line": line, "column": column,
                "end_line": end_line, "end_column": end_column, "start": start, "end": end,
                "message": f.message, "text": f.text, "fix": fix,
                "file": record.path, "level": f.severity.value}
