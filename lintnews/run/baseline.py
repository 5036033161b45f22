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


class Baselines:
    """The baselines a run uses, each read once: ``--baseline FILE``, else the ``baseline:`` key of the
    configuration that applies to an article.

    For ``fix``, a finding the baseline accounts for is not only left out of the report: its fix is not
    applied either. The baseline says "this archive has these, leave them", and a fix that rewrote them
    would make the baseline wrong for every article it touched.
    """

    def __init__(self) -> None:
        self._loaded: dict[Path, dict[str, Counter]] = {}

    def load(self, file: str | Path, named_by: str | None = None) -> dict[str, Counter]:
        """The baseline in ``file``, by path; ``named_by`` is the configuration whose ``baseline:`` key
        names it (for the error when the file is missing)."""
        file = Path(file).resolve()
        if file not in self._loaded:
            if named_by and not file.is_file():
                raise UsageError(named_by, f"key 'baseline': file not found: {file} "
                                           "(write it with lintnews check --write-baseline FILE)")
            by_path: dict[str, Counter] = {}
            for (path, rule, text), n in load_baseline(str(file)).items():
                by_path.setdefault(path, Counter())[(rule, text)] += n
            self._loaded[file] = by_path
        return self._loaded[file]

    def keep(self, file: str | Path, path: str):
        """A function that drops, from one check of the article at ``path``, the findings the baseline
        accounts for (each key as many times as it was recorded), or None if it records none there."""
        mine = self.load(file).get(_key_path(path, Path(file).resolve().parent))
        if not mine:
            return None

        def keep(findings):
            left = Counter(mine)
            kept = []
            for f in findings:
                if left[(f.rule_id, f.text)] > 0:
                    left[(f.rule_id, f.text)] -= 1
                else:
                    kept.append(f)
            return kept

        return keep
