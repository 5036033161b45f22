"""Word lists that accept or reject terms, in Vale's ``accept.txt`` / ``reject.txt`` format.

One entry per line, each a regex (usually just the word); ``#`` starts a
comment. An accepted term is never reported by any rule: a finding whose
matched text is an accepted entry is dropped. A rejected term is always
reported, by the rule ``Vocab.Rejected``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RuleError
from .patterns import compile_pattern, finditer, fullmatch, search
from .registry import registry


def _entries(path: Path) -> list[str]:
    if not path.is_file():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise RuleError(str(path), "word list is not UTF-8") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass
class Vocab:
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    accept_files: list[str] = field(default_factory=list)  # the accept.txt each accept entry comes from

    def __post_init__(self):
        self._accept = self._within = None
        if self.accept:
            files = self.accept_files or [self.sources[0] if self.sources else "vocab"] * len(self.accept)
            self._where = f"accept list {files[0]}"
            try:
                self._accept = compile_pattern("|".join(f"(?:{a})" for a in self.accept), where=files[0],
                                               what="accept list")
            except RuleError:
                for entry, path in zip(self.accept, files):
                    compile_pattern(entry, where=path, what="accept list")  # names the entry and its file
                raise

    def accepts(self, text: str) -> bool:
        return self._accept is not None and fullmatch(self._accept, text, "", what=self._where) is not None

    def accepts_within(self, text: str, doc_text: str | None = None, start: int = 0, end: int = 0) -> bool:
        """Vale's reading (its exceptions): an accepted term anywhere in ``text``, as whole words; or, given
        the article's text and the match's span, the match inside an accepted phrase of several words
        written there, in any case ("mea" inside "mea culpa": current Vale's withinPhrase, #1035)."""
        if self._accept is None:
            return False
        if self._within is None:
            self._within = compile_pattern(r"\b(?:" + "|".join(f"(?:{a})" for a in self.accept) + r")\b",
                                           where=self._where, what="accept list")
        if search(self._within, text, "") is not None:
            return True
        return doc_text is not None and any(s <= start and end <= e for s, e in self._phrase_spans(doc_text))

    def _phrase_spans(self, doc_text: str) -> list[tuple[int, int]]:
        """Where the accepted phrases (entries with a space) stand in ``doc_text``; kept for the last text."""
        kept = getattr(self, "_phrases_in", None)
        if kept is not None and kept[0] is doc_text:
            return kept[1]
        phrases = [a for a in self.accept if " " in a or "\t" in a or "\\s" in a]
        spans = []
        if phrases:
            if getattr(self, "_phrase_re", None) is None:
                self._phrase_re = compile_pattern(r"(?i)\b(?:" + "|".join(phrases) + r")\b", where=self._where,
                                                  what="accept list")
            spans = [m.span() for m in finditer(self._phrase_re, doc_text, "")]
        self._phrases_in = (doc_text, spans)
        return spans

    def reject_rule(self):
        if not self.reject:
            return None
        where = self.sources[0] if self.sources else "vocab"
        spec = {
            "extends": "existence",
            "message": "'%s' is on the reject list.",
            "level": "error",
            "description": "A term your vocabulary (reject.txt) forbids.",
            "tokens": self.reject,
            "quotes": "include",
        }
        rule = registry()["existence"]("Vocab.Rejected", spec, where)
        rule.configured = True  # a configured reject list always applies unless ignored (run/selection.py)
        return rule


def is_vocab_file(path, folders: list[Path]) -> bool:
    """Whether ``path`` is the accept.txt or reject.txt of one of the vocab ``folders`` (a word list, never an article)."""
    p = Path(path)
    return bool(folders) and p.name in ("accept.txt", "reject.txt") and p.resolve().parent in {
        f.resolve() for f in folders}


def load_vocab(folders: list[Path]) -> Vocab:
    accept, reject, sources, accept_files = [], [], [], []
    for folder in folders:
        a, r = _entries(folder / "accept.txt"), _entries(folder / "reject.txt")
        accept += a
        accept_files += [str(folder / "accept.txt")] * len(a)
        reject += r
        sources.append(str(folder / ("reject.txt" if r else "accept.txt")))
    return Vocab(accept, reject, sources, accept_files)
