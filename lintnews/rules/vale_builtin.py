"""Vale's built-in rules, with Vale's triggers and messages (Vale's source, internal/check/definition.go).

- ``Vale.Spelling``: words the English (US) Hunspell dictionary does not know, "Did you really
  mean '%s'?", an error;
- ``Vale.Repetition``: a word repeated ("the the"), "'%s' is repeated!", an error;
- ``Vale.Terms``: an accepted vocabulary term (accept.txt) written in another case
  ("Javascript" for "JavaScript"), "Use '%s' instead of '%s'.", an error;
- ``Vale.Avoid``: a rejected vocabulary term (reject.txt), "Avoid using '%s'.", an error.

None runs unless chosen (``--select Vale``, ``extend-select: [Vale]``, or by id): in lintnews,
``Vocab.Rejected`` already reports rejected terms, and News.Spelling and News.DoubledWord
cover spelling and repeats for news copy. Terms and Avoid exist only when the vocabulary has
accepted or rejected terms.
"""

from __future__ import annotations

from pathlib import Path

from .base import Rule
from .registry import kind

WHERE = "built-in Vale style"

SPECS: dict[str, dict] = {
    "Vale.Spelling": {"extends": "spelling", "message": "Did you really mean '%s'?", "level": "error",
                      "scope": "text", "action": {"name": "suggest", "params": ["spellings"]}},
    "Vale.Repetition": {"extends": "repetition", "message": "'%s' is repeated!", "level": "error", "scope": "text",
                        "alpha": True, "ignorecase": True, "tokens": [r"[^\s.!?]+"],
                        "action": {"name": "edit", "params": ["truncate", " "]}},
}


def _spelling_files(styles_path: Path | None) -> dict:
    """Vale 3's Vale.Spelling: every dictionary in StylesPath/config/dictionaries besides en_US, and
    every word list under StylesPath/config/ignore (Vale's source, internal/check/spelling.go)."""
    if styles_path is None:
        return {}
    spec: dict = {}
    folder = styles_path / "config" / "dictionaries"
    names = sorted(p.stem for p in folder.glob("*.dic") if p.with_suffix(".aff").is_file()) if folder.is_dir() else []
    if names:
        spec.update(dicpath=str(folder), dictionaries=names, append=True)
    ignore = styles_path / "config" / "ignore"
    if ignore.is_dir():
        spec["ignore"] = [str(p) for p in sorted(ignore.rglob("*.txt")) if p.is_file()]
    return spec


def _rule(rule_id: str, spec: dict) -> Rule:
    return kind(spec["extends"])(rule_id, {**spec, "enabled": False}, WHERE)


def vale_rules(accept: list[str] = (), reject: list[str] = (), taken: set[str] = frozenset(),
               styles_path: Path | None = None) -> list[Rule]:
    """Vale's built-in rules for a vocabulary, leaving out ids already ``taken`` by a user's style;
    with a Vale configuration's ``styles_path``, Vale.Spelling also reads its dictionaries and ignore files."""
    specs = dict(SPECS)
    # Vale makes accepted terms exceptions to its spelling rule regardless of case.
    specs["Vale.Spelling"] = {**SPECS["Vale.Spelling"], "exceptions": list(accept), **_spelling_files(styles_path)}
    terms = {term.lower(): term for term in accept}  # every term since Vale 3.9.4 (a pattern too: [Oo]bservability)
    if terms:
        specs["Vale.Terms"] = {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "error",
                               "scope": "text", "ignorecase": True, "swap": terms, "vocab": False}
    if reject:
        specs["Vale.Avoid"] = {"extends": "existence", "message": "Avoid using '%s'.", "level": "error",
                               "scope": "text", "ignorecase": False, "tokens": list(reject)}
    rules = [_rule(rule_id, spec) for rule_id, spec in specs.items() if rule_id not in taken]
    for rule in rules:
        if rule.id == "Vale.Avoid":
            rule.covers = frozenset({"Vocab.Rejected"})  # the same reject list: one finding, not two
    return rules
