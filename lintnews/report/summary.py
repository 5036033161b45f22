"""The Markdown job summary ``--format github`` writes when ``$GITHUB_STEP_SUMMARY`` is set.

GitHub Actions turns workflow commands into annotations, but shows only
"10 warning annotations, 10 error annotations, and 10 notice annotations per
step" and 50 per job (the limits listed in the Actions toolkit's
docs/problem-matchers.md, https://github.com/actions/toolkit). An archive's
check easily has more, and the rest would be seen only by someone who opens
the log. So the github format also appends a summary to the step's summary
file (shown on the run's page): the findings counted per rule and level, and
a table of every finding past the annotation limit (file:line, level, rule,
message), linked to the line when the run's repository and commit are known.

A step summary may hold at most 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted,
supports content up to a size of 1024k", GitHub's own error): the summary
stops at 1,000,000 bytes, counting what the step's summary file already
holds, and says how many findings it left out.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from .text import visible

ANNOTATIONS_PER_LEVEL = 10  # shown per step for each of error, warning, notice
SUMMARY_LIMIT = 1_000_000  # bytes written at most: under the 1 MiB a step summary may hold, with room to spare
LEVELS = ("error", "warning", "suggestion")
_MARKDOWN = re.compile(r"([\\`*_\[\]|~#])")


def cell(text: str) -> str:
    """Text safe in a Markdown table cell: no HTML, no markup, no line break, no pipe."""
    flat = visible(" ".join(text.split()))
    return _MARKDOWN.sub(r"\\\1", html.escape(flat, quote=False))


def not_annotated(findings) -> list:
    """The findings GitHub shows no annotation for: past the first 10 of their level, in output order."""
    seen: Counter = Counter()
    rest = []
    for f in findings:
        seen[f.severity.value] += 1
        if seen[f.severity.value] > ANNOTATIONS_PER_LEVEL:
            rest.append(f)
    return rest


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _link(path: str, line: int) -> str | None:
    """A link to the line on GitHub, for a path inside the checkout, when the run's commit is known."""
    server, repo, sha = (os.environ.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    workspace = os.environ.get("GITHUB_WORKSPACE", "")
    if not (server and repo and sha and workspace) or path == "-":
        return None
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(workspace))
    except ValueError:
        return None
    return f"{server}/{repo}/blob/{sha}/{quote(PurePosixPath(relative.as_posix()).as_posix())}#L{line}"


def _where(f) -> str:
    shown = cell(f"{f.path}:{f.line}")
    link = _link(f.path, f.line)
    return f"[{shown}]({link})" if link else shown


def counts_table(findings) -> list[str]:
    per_rule: dict[str, Counter] = {}
    for f in findings:
        per_rule.setdefault(f.rule_id, Counter())[f.severity.value] += 1
    lines = ["| rule | errors | warnings | suggestions | total |", "|---|---:|---:|---:|---:|"]
    for rule, counts in sorted(per_rule.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        lines.append(f"| {cell(rule)} | " + " | ".join(str(counts[level]) for level in LEVELS)
                     + f" | {sum(counts.values())} |")
    totals = Counter(f.severity.value for f in findings)
    lines.append("| **total** | " + " | ".join(f"**{totals[level]}**" for level in LEVELS)
                 + f" | **{len(findings)}** |")
    return lines


def markdown(findings, ctx, limit: int = SUMMARY_LIMIT) -> str:
    files = len(set(ctx.docs) | set(ctx.unfinished))
    out = ["## lintnews", ""]
    if ctx.errors:
        out += [f"**{_plural(len(ctx.errors), 'error')}** (the run fails with exit status 2):", "",
                *(f"- {cell(line)}" for line in ctx.errors[:50]), ""]
        if len(ctx.errors) > 50:
            out += [f"and {len(ctx.errors) - 50} more in the log.", ""]
    if not findings:
        out.append(f"No findings in {_plural(files, 'article')}." if ctx.errors or ctx.unfinished else
                   f"All clean: no findings in {_plural(files, 'article')}.")
    else:
        totals = Counter(f.severity.value for f in findings)
        levels = ", ".join(_plural(totals[level], level) for level in LEVELS if totals[level])
        out += [f"**{_plural(len(findings), 'finding')}** in {len({f.path for f in findings})}"
                f" of {_plural(files, 'article')} checked: {levels}.", "", *counts_table(findings)]
    if ctx.unfinished:
        out += ["", f"Not every rule finished on {_plural(len(ctx.unfinished), 'article')}: see the warnings in the log."]
    rest = not_annotated(findings)
    if rest:
        out += ["", f"### {_plural(len(rest), 'finding')} without an annotation", "",
                f"GitHub shows {ANNOTATIONS_PER_LEVEL} annotations of each level (error, warning, notice) per step; "
                "these are the rest.", "", "| where | level | rule | message |", "|---|---|---|---|"]
    text = "\n".join(out) + "\n"
    size = len(text.encode("utf-8"))
    for i, f in enumerate(rest):
        row = f"| {_where(f)} | {f.severity.value} | {cell(f.rule_id)} | {cell(f.message)} |\n"
        if size + len(row.encode("utf-8")) > limit - 300:  # room for the closing line
            text += f"\n{_plural(len(rest) - i, 'more finding')} not listed: a step summary holds at most 1 MiB " \
                    "(run with --format json --output FILE and keep the file as an artifact for all of them).\n"
            break
        text += row
        size += len(row.encode("utf-8"))
    return text


def append(findings, ctx, file: str) -> str | None:
    """Append the summary to ``file``; a one-line warning if it cannot be written, else None."""
    try:
        existing = os.path.getsize(file) if os.path.exists(file) else 0
        with open(file, "a", encoding="utf-8") as handle:
            handle.write(markdown(findings, ctx, limit=max(4096, SUMMARY_LIMIT - existing)))
    except OSError as exc:
        return f"{file}: cannot write the job summary ({exc.strerror or exc})"
    return None
