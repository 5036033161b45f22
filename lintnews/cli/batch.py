"""``lintnews batch``: archive records (JSON Lines, Parquet) checked or fixed as a stream, here or on Dask.

Findings go out as JSON Lines, one per finding with the record's id; with
``--fix`` the fixed records go to ``--output`` and the findings left to
standard output. A bad record is one line on standard error and the run goes
on (exit 2 at the end); findings give exit 1, as ``check``'s do.

The configuration is the project's, as for ``check``: ``--config``, or the
nearest ``lintnews.yaml`` (``.lintnews.yaml``, ``pyproject.toml``) from the
current folder up; its ``per-path`` sections match the input file's path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import LintnewsError, UsageError
from ..report.jsonl import dumps
from ..run.batch import Job, for_records, lint_records
from ..run.cluster import Cluster
from ..run.record_writer import JsonlWriter, ParquetWriter, parquet_schema
from ..run.records import Fields, Shard, kind_of, read, shards
from ..run.session import Options, Session
from .common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, common_options, plural, say_error, say_warning, split_ids

# The options ``check`` has that mean the same here: rule choice, configuration, consent, exit status.
_SHARED = ("select", "ignore", "extend_select", "styles", "no_default_rules", "config_path", "isolated", "fail_on",
           "strict", "allow_languagetool", "allow_outside_paths", "quiet")
_PARAMS = {p.name: p for p in common_options(lambda **kw: None).__click_params__}


def _shared_options(f):
    f.__click_params__ = getattr(f, "__click_params__", []) + [_PARAMS[name] for name in reversed(_SHARED)]
    return f


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")  # - : JSON Lines on standard input
@click.option("--output", "-o", metavar="FILE",
              help="Write the findings here (with --fix: the fixed records, required) instead of standard output.")
@click.option("--fix", "fixing", is_flag=True,
              help="Write every record to --output, with safe fixes applied; findings left go to standard output.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, also apply fixes marked unsafe.")
@click.option("--markdown", is_flag=True, help="Read bodies as Markdown (a record's format field overrides).")
@click.option("--id-field", default="id", show_default=True, metavar="NAME", help="The field holding a record's id.")
@click.option("--title-field", default="title", show_default=True, metavar="NAME",
              help="The field holding the headline (may be absent or null).")
@click.option("--body-field", default="body", show_default=True, metavar="NAME", help="The field holding the text.")
@click.option("--format-field", default="format", show_default=True, metavar="NAME",
              help="The field saying 'markdown', 'html' or 'text' for a record's body (may be absent).")
@click.option("--dask", "dask_address", metavar="local|ADDRESS",
              help="Run on Dask: 'local' starts a cluster on this machine; or a scheduler, e.g. tcp://host:8786.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for --dask local (default: all cores).")
@click.option("--shard-size", type=click.IntRange(min=1), default=16 * 1024 * 1024, show_default=True,
              metavar="BYTES", help="With --dask, the size of a JSON Lines shard (Parquet: one per row group).")
@_shared_options
def batch(inputs, output, fixing, unsafe_fixes, markdown, id_field, title_field, body_field, format_field,
          dask_address, workers, shard_size, **kw):
    """Check (or fix) archive records: JSON Lines or Parquet files of records with an id, a title and a body
    (- reads JSON Lines from standard input).

    Findings are JSON Lines: the record's file, line or row, id, the field
    (title or body), rule, level, line, column and offsets within the field,
    message and fix. Exit status: 0 no finding at or above --fail-on, 1
    findings, 2 a bad record, a usage, configuration or input error.
    """
    batch_run = _Batch(kw, output, fixing, dask_address)
    try:
        job, linters = batch_run.prepare(inputs, Fields(id_field, title_field, body_field, format_field),
                                         markdown, unsafe_fixes)
        batch_run.open_outputs(inputs)
        if dask_address:
            with Cluster(dask_address, workers) as cluster:
                pieces = [s for path in inputs for s in shards(path, shard_size)]
                for outcomes in cluster.run(pieces, linters, job):
                    for outcome in outcomes:
                        batch_run.take(outcome)
        else:
            for path in inputs:
                records = read(Shard(path, kind_of(path)), job.fields, columns_only=not fixing)
                for outcome in lint_records(records, lambda _, linter=linters[path]: linter, job):
                    batch_run.take(outcome)
    except LintnewsError as exc:
        batch_run.close(ok=False)
        say_error(str(exc))
        sys.exit(EXIT_ERROR)
    except BaseException:
        batch_run.close(ok=False)
        raise
    batch_run.close(ok=True)
    batch_run.finish(len(inputs))


class _Batch:
    """One run's state: where output goes, what was counted, the messages already said."""

    def __init__(self, kw, output: str | None, fixing: bool, dask: str | None = None):
        self.kw = kw
        self.dask = dask
        self.output = output
        self.fixing = fixing
        self.findings_out = None
        self.writer = None
        self.records = self.bad = self.errors = self.found = self.failing = self.fixable = 0
        self.changed = self.applied = 0
        self.seen: set[str] = set()

    def prepare(self, inputs, fields: Fields, markdown: bool, unsafe: bool):
        """The job and a linter per input, from the project's configuration; every input checked first."""
        kw = self.kw
        if self.fixing and not self.output:
            raise UsageError(None, "--fix writes the fixed records to --output FILE: name one")
        if unsafe and not self.fixing:
            raise UsageError(None, "--unsafe-fixes goes with --fix")
        kinds = {kind_of(path) for path in inputs}  # an unknown suffix is an error here
        if "-" in inputs and (len(inputs) > 1 or self.dask):
            raise UsageError(None, "- (JSON Lines on standard input) goes alone, without --dask: the workers read files")
        for path in (p for p in inputs if p != "-"):
            if not os.path.isfile(path):
                raise UsageError(path, "no such file" if not os.path.exists(path) else "not a regular file")
        if self.output and os.path.exists(self.output) and any(os.path.samefile(self.output, p)
                                                               for p in inputs if p != "-"):
            raise UsageError(self.output, "--output is an input: write to another file")
        if self.fixing:
            self._check_fix_output(inputs, kinds)
        options = Options(select=split_ids(kw["select"], "--select"), ignore=split_ids(kw["ignore"], "--ignore"),
                          extend_select=split_ids(kw["extend_select"], "--extend-select"), styles=list(kw["styles"]),
                          no_default_rules=kw["no_default_rules"], config=kw["config_path"], isolated=kw["isolated"],
                          unsafe_fixes=unsafe, fail_on=kw["fail_on"], allow_languagetool=kw["allow_languagetool"],
                          allow_outside_paths=kw["allow_outside_paths"])
        session = Session(options)
        if not options.config and not options.isolated:
            # The project's configuration is the one found from the current folder up, as for check on ".".
            found = session.configs.settings_for(Path.cwd()).source
            options.config, options.isolated = (str(found), False) if found else (None, True)
            session = Session(options)
        linters, fail_on = {}, None
        try:
            for path in inputs:
                linter, settings = session.linter_for(path)
                linters[path] = for_records(linter)
                fail_on = fail_on or options.fail_on or settings.fail_on
        except LintnewsError:
            for message in session.load_errors:  # a rule file that did not load: why a selector may name no rule
                say_error(message)
            raise
        for message in session.configs.warnings:
            self.warn(message)
        for message in session.load_errors:  # a rule file skipped, as check says it: the run goes on, exit 2
            self.errors += 1
            say_error(message)
        for message in session.load_warnings:
            self.warn(message)
        for message in session.load_replaced:  # perhaps on purpose: not --strict's
            say_warning(message)
        return Job(fields, markdown, self.fixing, unsafe, fail_on or "suggestion"), linters

    def _check_fix_output(self, inputs, kinds) -> None:
        if len(kinds) > 1:
            raise UsageError(None, "--fix writes records in the inputs' format: give JSON Lines or Parquet inputs, "
                                   "not both")
        kind = kinds.pop()
        try:
            out_kind = kind_of(self.output)
        except LintnewsError:
            out_kind = None
        if out_kind != kind:
            raise UsageError(self.output, f"--fix writes {'Parquet' if kind == 'parquet' else 'JSON Lines'} "
                                          f"records like the input's: name the output "
                                          f"{'.parquet' if kind == 'parquet' else '.jsonl'}")
        if kind == "parquet":
            schemas = [parquet_schema(path) for path in inputs]
            if any(not s.equals(schemas[0]) for s in schemas[1:]):
                raise UsageError(None, "--fix writes one Parquet file: the inputs must have the same columns")

    def open_outputs(self, inputs) -> None:
        if self.fixing:
            kind = kind_of(inputs[0])
            self.writer = ParquetWriter(self.output, parquet_schema(inputs[0])) if kind == "parquet" \
                else JsonlWriter(self.output)
            self.findings_out = sys.stdout
        elif self.output:
            try:
                self.findings_out = open(self.output, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
            except OSError as exc:
                raise UsageError(self.output, f"cannot write: {exc.strerror or exc}") from None
        else:
            self.findings_out = sys.stdout

    def take(self, outcome) -> None:
        """Report one record's outcome as it comes."""
        self.records += 1
        if outcome.problem is not None:
            self.bad += 1
            say_error(f"{outcome.label}: {outcome.problem}")
        for message in outcome.errors:
            self.errors += 1
            say_error(message)
        for message in outcome.warnings:
            self.warn(message)
        for finding in outcome.findings:
            self.findings_out.write(dumps(finding) + "\n")
            self.fixable += finding["fix"] is not None and finding["fix"]["applicability"] == "safe"
        self.found += len(outcome.findings)
        self.failing += outcome.failing
        self.changed += outcome.changed
        self.applied += outcome.applied
        if self.writer is not None:
            self.writer.write(outcome.fixed, outcome.raw, outcome.changed)

    def warn(self, message: str) -> None:
        if message not in self.seen:
            self.seen.add(message)
            say_warning(message)

    def close(self, ok: bool) -> None:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.close(ok)
        if self.findings_out is not None and self.findings_out is not sys.stdout:
            self.findings_out.close()
        elif self.findings_out is not None:
            self.findings_out.flush()
        self.findings_out = None

    def finish(self, files: int) -> None:
        if not self.kw["quiet"]:
            bad = f"; {plural(self.bad, 'bad record')}" if self.bad else ""
            if self.fixing:
                click.echo(f"Fixed {plural(self.applied, 'finding')} in {plural(self.changed, 'record')} of "
                           f"{self.records} in {plural(files, 'file')}; {self.found} remaining{bad}.", err=True)
            else:
                click.echo(f"Checked {plural(self.records, 'record')} in {plural(files, 'file')}: "
                           f"{plural(self.found, 'finding')} ({self.fixable} fixable with --fix){bad}.", err=True)
        if self.bad or self.errors or (self.seen and self.kw["strict"]):
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FINDINGS if self.failing else EXIT_CLEAN)
