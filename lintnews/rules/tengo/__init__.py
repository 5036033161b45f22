"""Tengo, the scripting language of Vale's ``script`` rules, interpreted in a sandbox.

``parse`` reads a script once (a :class:`ScriptError` naming the line where it does not parse);
``run`` runs it on one block of text, as Vale's check/script.go does: the text is the global
``scope``, and what the script leaves in ``matches`` (maps with ``begin``, ``end`` and an
optional ``message``; offsets in bytes) is the result. The script can use the builtins and the
``text``, ``fmt`` and ``math`` modules Vale gives it, and nothing else: no file, network, clock,
process or Python code. A run is bounded in steps and in what it builds (``evaluator.py``).

Not implemented: ``Bytes`` mutation, ``Time`` values, Tengo's own modules (``os``, ``times``,
``rand``, ``json``, ``base64``, ``hex``, ``enum``: Vale does not give them to scripts), ``export``
of a module and source modules.
"""

from __future__ import annotations

from . import parser, resolve
from .evaluator import MAX_SIZE, MAX_STEPS, Interpreter
from .values import UNDEFINED, ScriptError

__all__ = ["ScriptError", "matches_of", "parse", "run", "suggestions"]


def parse(src: str, predefined=("scope",)) -> list:
    """The script's syntax tree, its names checked as Tengo's compiler checks them (``resolve.py``); a
    :class:`ScriptError` naming the line where it does not parse or names what it never defined."""
    program = parser.parse(src)
    resolve.check(program, predefined)
    return program


def run(program: list, scope: str, *, rule_id: str = "script", max_steps: int = MAX_STEPS,
        max_size: int = MAX_SIZE) -> dict:
    """The script's global names after it ran on ``scope``."""
    return Interpreter(max_steps, max_size, rule_id).run(program, {"scope": scope})


def matches_of(names: dict) -> list[tuple[int, int, str | None]]:
    """The (begin, end, message or None) of each entry of ``matches``, as Vale's parseMatches reads them
    (an entry that is not a map with integer ``begin`` and ``end`` fails the run, as in Vale)."""
    found = names.get("matches", UNDEFINED)
    if found is UNDEFINED:
        return []
    if not isinstance(found, (list, tuple)):
        raise ScriptError("'matches' is not an array")
    out = []
    for entry in found:
        if not isinstance(entry, dict):
            raise ScriptError("an entry of 'matches' is not a map")
        begin, end = entry.get("begin"), entry.get("end")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (begin, end)):
            raise ScriptError("an entry of 'matches' has no integer 'begin' and 'end'")
        message = entry.get("message")
        out.append((begin, end, message if isinstance(message, str) else None))
    return out


def suggestions(program: list, match: str, *, rule_id: str = "action") -> list[str]:
    """What an action script (parsed with ``predefined=("match",)``) suggests for ``match``: the strings
    it leaves in ``suggestions``, as Vale's check/action.go reads them (anything else fails the run)."""
    names = Interpreter(MAX_STEPS, MAX_SIZE, rule_id).run(program, {"match": match})
    found = names.get("suggestions", UNDEFINED)
    if found is UNDEFINED:
        return []
    if not isinstance(found, (list, tuple)) or not all(isinstance(v, str) for v in found):
        raise ScriptError("'suggestions' is not an array of strings")
    return list(found)
