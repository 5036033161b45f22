"""A script's names while it runs: ``Scope`` (a block's names, chained to the enclosing block's) and
``Closure`` (a user function with the scope it was made in), for ``evaluator.py``."""

from __future__ import annotations


class Scope:
    __slots__ = ("parent", "vars")

    def __init__(self, parent: Scope | None = None, names: dict | None = None) -> None:
        self.vars = names if names is not None else {}
        self.parent = parent

    def holder(self, name: str) -> Scope | None:
        scope = self
        while scope is not None:
            if name in scope.vars:
                return scope
            scope = scope.parent
        return None


class Closure:
    __slots__ = ("body", "params", "scope", "varargs")

    def __init__(self, params, varargs, body, scope) -> None:
        self.params, self.varargs, self.body, self.scope = params, varargs, body, scope
