"""Names checked before a script runs, as Tengo's compiler checks them.

Tengo refuses a script that uses a name no enclosing block has defined before that point
("unresolved reference"), or defines a name twice in one block ("redeclared in this block"), even
in a branch that never runs; so does lintnews, before the script runs. A function literal defined
with ``:=`` may call itself (its name is defined before its body is read); any other definition
takes effect after its value.
"""

from __future__ import annotations

from .builtins import BUILTINS
from .values import ScriptError


class _Names:
    def __init__(self, outer: _Names | None = None, names=()) -> None:
        self.names, self.outer = set(names), outer

    def known(self, name: str) -> bool:
        scope = self
        while scope is not None:
            if name in scope.names:
                return True
            scope = scope.outer
        return name in BUILTINS


def check(program: list, predefined=("scope",)) -> None:
    """Raises :class:`ScriptError` at the first name the script uses before defining it, or defines twice."""
    _block(program, _Names(None, predefined))


def _block(stmts: list, names: _Names) -> None:
    for st in stmts:
        _stmt(st, names)


def _stmt(st: tuple, names: _Names) -> None:
    kind, line = st[0], st[1]
    if kind == "expr":
        _expr(st[2], names, line)
    elif kind == "define":
        if st[2] in names.names:
            raise ScriptError(f"line {line}: '{st[2]}' redeclared in this block")
        if st[3][0] == "func":
            names.names.add(st[2])
            _expr(st[3], names, line)
        else:
            _expr(st[3], names, line)
            names.names.add(st[2])
    elif kind in ("assign", "incdec"):
        target = st[2]
        if target[0] == "name" and not names.known(target[1]):
            raise ScriptError(f"line {line}: unresolved reference '{target[1]}'")
        _expr(target, names, line)
        if kind == "assign":
            _expr(st[4], names, line)
    elif kind == "if":
        inner = _Names(names)
        if st[2] is not None:
            _stmt(st[2], inner)
        _expr(st[3], inner, line)
        _block(st[4][2], _Names(inner))
        if st[5] is not None:
            _stmt(st[5], inner)
    elif kind == "block":
        _block(st[2], _Names(names))
    elif kind == "for":
        loop = _Names(names)
        _, _, init, cond, post, body = st
        if init is not None:
            _stmt(init, loop)
        if cond is not None:
            _expr(cond, loop, line)
        if post is not None:
            _stmt(post, loop)
        _block(body[2], _Names(loop))
    elif kind == "forin":
        _expr(st[4], names, line)
        loop = _Names(names, (st[2], st[3]) if st[3] is not None else (st[2],))
        _block(st[5][2], _Names(loop))
    elif kind == "return" and st[2] is not None:
        _expr(st[2], names, line)


def _expr(node: tuple, names: _Names, line: int) -> None:
    kind = node[0]
    if kind == "name":
        if not names.known(node[1]):
            raise ScriptError(f"line {line}: unresolved reference '{node[1]}'")
    elif kind == "func":
        _block(node[3][2], _Names(_Names(names, node[1])))
    elif kind == "map":
        for _, value in node[1]:
            _expr(value, names, line)
    elif kind == "array":
        for item in node[1]:
            _expr(item, names, line)
    elif kind == "call":
        _expr(node[1], names, line)
        for arg in node[2]:
            _expr(arg, names, line)
    elif kind in ("unary", "error", "immutable"):
        _expr(node[-1], names, line)
    elif kind in ("bin", "and", "or", "cond", "index", "slice"):
        for part in node[1:]:
            if isinstance(part, tuple):
                _expr(part, names, line)
