"""Realistic archive records for the batch tests: the seed, the research corpus when present, and
generated articles with the faults scraped copy has (so the tests never need the corpus).

``records(n)`` is deterministic: the same records, in the same order, on every run.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from testkit import ROOT, SEED, lintnews_command

CORPUS = ROOT.parent / "shared" / "corpus"  # as scripts/corpus.py finds it, beside the checkout

_LEADS = [  # (headline, first paragraph)
    ("Council delays housing plan", "The city council voted on Tuesday to delay the new housing plan by six months."),
    ("Bridge to reopen this week", "Officials said the the bridge would reopen to traffic by the end of the week."),
    ("Carmaker shares fall after forecast cut", "Shares in the carmaker fell 4% after it cut its forecast for the year."),
    ("Union talks stall", "The minister told reporters that talks with the unions had made little progress."),
    ("Floods close three schools", "Flooding closed three schools in the north of the county on Monday."),
    ("Police name crash victim", "Police have named the man who died in a crash on the A40 on Sunday night."),
]
_MIDDLES = [
    "The plan would cost 450.000 dollars, according to figures seen by the newspaper.",
    "“We are doing everything we can,” said Maria Lopez, a spokeswoman for the council.",
    "Residents said they had not been consulted and would fight the decision in court.",
    "The company’s chief executive said the results were “disappointing” but not a surprise.",
    "It is the third time this year that the road has been closed for repairs.",
    "Analysts said the move was widely expected after a weak first quarter.",
    "Critics said the scheme was  a shameless attempt to win votes before the election.",
    "The council said it would publish a full report next month.",
    "A spokesman for the department declined to comment on the the figures.",
    "Last year the hospital treated more than 12,000 patients from the area.",
]
_TAILS = [
    "Read more: Council tax to rise by 5% next year",
    "The investigation is continuing.",
    "Anyone with information is asked to contact police.",
    "The vote is expected next month.",
]
_DAMAGE = [
    ("’", "â€™"),  # mojibake
    (" the ", " the\u00a0"),  # a no-break space
    (" said", " said said"),  # a doubled word
    ("ing ", "ing\u200b "),  # an invisible character
]


def _generated(i: int) -> dict:
    rng = random.Random(i)
    title, lead = rng.choice(_LEADS)
    paragraphs = [lead] + rng.sample(_MIDDLES, rng.randint(2, 5)) + [rng.choice(_TAILS)]
    body = "\n\n".join(paragraphs)
    if i % 3 == 0:
        old, new = _DAMAGE[i % len(_DAMAGE)]
        body = body.replace(old, new, 1)
    if i % 7 == 0:
        body = title + "\n\n" + body  # a scraper took the headline twice
    if i % 11 == 0:
        title = title.replace(" ", "  ", 1)
    record = {"id": f"gen-{i:04d}", "title": title, "body": body, "desk": rng.choice(["city", "business", "wire"])}
    if i % 5 == 0:
        record["format"] = "markdown"
        record["body"] = "## " + paragraphs[1][:40] + "\n\n" + body.replace("council", "*council*", 1)
    if i % 13 == 0:
        record["title"] = None
    return record


def _from_text(rid: str, text: str) -> dict:
    title, _, body = text.strip("\n").partition("\n")
    return {"id": rid, "title": title.strip(), "body": body.lstrip("\n"), "desk": "archive"}


def corpus_records(limit: int) -> list[dict]:
    """Up to ``limit`` short articles of the research corpus (none when it is absent), spread over its sources."""
    if not CORPUS.is_dir():
        return []
    paths = [p for p in sorted(CORPUS.rglob("*.txt")) if p.name != "README.txt" and "annotations" not in p.parts]
    out = []
    for p in paths[:: max(1, len(paths) // (limit * 2))]:
        text = p.read_text(encoding="utf-8", errors="replace")
        if 200 < len(text) < 3000:
            out.append(_from_text(p.relative_to(CORPUS).with_suffix("").as_posix(), text))
        if len(out) >= limit:
            break
    return out


def records(n: int = 300) -> list[dict]:
    """``n`` records: the seed, then up to a third from the corpus, then generated articles."""
    out = [_from_text("seed", SEED.read_text(encoding="utf-8"))]
    out += corpus_records(n // 3)
    i = 0
    while len(out) < n:
        out.append(_generated(i))
        i += 1
    return out[:n]


def write_jsonl(path: Path, rows) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False))
            f.write("\n")
    return path


def write_parquet(path: Path, rows: list[dict], row_group_size: int = 40) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = list(dict.fromkeys(k for row in rows for k in row))  # every field, null where a record has none
    table = pa.Table.from_pylist([{k: row.get(k) for k in names} for row in rows])
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def run_batch(*args, cwd: Path, env: dict | None = None, python_prelude: str | None = None,
              input: bytes | None = None):
    """``lintnews batch ARGS`` as a user runs it, in ``cwd``, with no consent from the user's own settings.

    ``python_prelude``: run the command through this Python with the code first (to hide a package).
    """
    base = {k: v for k, v in os.environ.items() if not k.startswith("LINTNEWS_ALLOW_")}
    full_env = {**base, "NO_COLOR": "1", "XDG_CONFIG_HOME": str(cwd / ".xdg"), **(env or {})}
    command = lintnews_command()
    if python_prelude is not None:
        command = [sys.executable, "-c", python_prelude + "\nfrom lintnews.cli import main\nmain(prog_name='lintnews')"]
    return subprocess.run(command + ["batch", *[str(a) for a in args]], capture_output=True, cwd=cwd,
                          env=full_env, timeout=300, input=input)


class CountingLinter:
    """Stands in for a linter sent to Dask workers: counts, in each worker process, the copies unpickled."""

    copies = 0

    def __init__(self, linter):
        self.linter = linter

    def __setstate__(self, state):
        type(self).copies += 1
        self.__dict__.update(state)

    def __getattr__(self, name):
        return getattr(self.__dict__["linter"], name)

    def check(self, *args, **kwargs):
        return self.linter.check(*args, **kwargs)

    def fix(self, *args, **kwargs):
        return self.linter.fix(*args, **kwargs)


def copies_here() -> int:
    return CountingLinter.copies
