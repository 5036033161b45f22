"""Baselines: accept the findings an archive already has, report only new ones.

A baseline records findings by file, rule and the text matched, with a
count, not by line number: an edit above a finding does not break it, and a
second "the the" in the same file is still new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from ..errors import UsageError

VERSION = 1


def _key_path(path: str, base: Path) -> str:
    if path == "-":
        return path
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def write_baseline(file: str, results) -> int:
    base = Path(file).resolve().parent
    counts: Counter = Counter()
    for r in results:
        for f in r.findings:
            counts[(_key_path(r.path, base), f.rule_id, f.text)] += 1
    entries = [{"path": p, "rule": rule, "text": text, "count": n} for (p, rule, text), n in sorted(counts.items())]
    data = {"version": VERSION, "tool": "lintnews", "findings": entries}
    Path(file).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return sum(counts.values())


def load_baseline(file: str) -> Counter:
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter({(e["path"], e["rule"], e["text"]): int(e["count"]) for e in entries})
    except FileNotFoundError:
        raise UsageError(file, "baseline file not found (write one with --write-baseline)") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise UsageError(file, f"not a lintnews baseline: {exc}") from None


def apply_baseline(file: str, results) -> int:
    """Drop findings the baseline accounts for; return how many were dropped."""
    budget = load_baseline(file)
    base = Path(file).resolve().parent
    dropped = 0
    for r in results:
        path = _key_path(r.path, base)
        kept = []
        for f in r.findings:
            key = (path, f.rule_id, f.text)
            if budget[key] > 0:
                budget[key] -= 1
                dropped += 1
            else:
                kept.append(f)
        r.findings = kept
    return dropped
