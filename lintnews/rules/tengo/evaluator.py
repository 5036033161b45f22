"""A tree-walking evaluator for the syntax trees ``parser.py`` builds: a sandbox.

The script reaches nothing but its own values, the builtins and the modules it imports from
``MODULES`` (Vale gives its scripts ``text``, ``fmt`` and ``math``: no file, network, clock or
process). It runs within a budget: ``max_steps`` statements, loop turns and calls, and
``max_size`` characters and elements built in all (``MAX_VALUE`` in one value); calls nest at
most ``MAX_CALLS`` deep. Going over any of them, as any runtime error, is a :class:`ScriptError`
of one line.
"""

from __future__ import annotations

from .. import budget
from .builtins import BUILTINS, MODULES
from .scope import Closure, Scope
from .values import (
    UNDEFINED,
    Builtin,
    Char,
    ImmutableMap,
    ScriptError,
    TError,
    binary,
    blen,
    bslice,
    equal,
    falsy,
    type_name,
)

MAX_STEPS = 2_000_000
MAX_SIZE = 200_000_000  # characters of strings and elements of arrays and maps built, in all
MAX_VALUE = 10_000_000  # characters or elements of one value
MAX_CALLS = 40


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _Return(Exception):
    def __init__(self, value) -> None:
        self.value = value


class Interpreter:
    def __init__(self, max_steps: int = MAX_STEPS, max_size: int = MAX_SIZE, rule_id: str = "script") -> None:
        self.rule_id = rule_id
        self.steps, self.max_steps = 0, max_steps
        self.size, self.max_size = 0, max_size
        self.calls = 0
        self.line = 0
        self._eval = {
            "lit": lambda n, s: n[1], "char": lambda n, s: Char(n[1]), "undefined": lambda n, s: UNDEFINED,
            "name": self._name, "array": self._array, "map": self._map, "func": self._func,
            "unary": self._unary, "bin": self._bin, "and": self._and, "or": self._or, "cond": self._cond,
            "call": self._call, "index": self._index, "slice": self._slice, "import": self._import,
            "error": lambda n, s: TError(self.eval(n[1], s)), "immutable": self._immutable,
        }

    # -- budget
    def tick(self) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise ScriptError(f"line {self.line}: the script ran more than {self.max_steps:,} steps")
        if not self.steps & 1023:
            budget.check()

    def grow(self, value):
        """``value`` (a new string, array or map) counted against the size budget: no one value over
        ``MAX_VALUE`` characters or elements, and no more than ``max_size`` built in all."""
        if isinstance(value, (str, bytes, list, tuple, dict)):
            if len(value) > MAX_VALUE:
                raise ScriptError(f"line {self.line}: a value of more than {MAX_VALUE:,} characters or elements")
            self.size += len(value)
            if self.size > self.max_size:
                raise ScriptError(f"line {self.line}: the script built more than {self.max_size:,} "
                                  "characters and elements")
        return value

    def fail(self, message: str):
        raise ScriptError(f"line {self.line}: {message}")

    # -- statements
    def run(self, program: list, names: dict) -> dict:
        scope = Scope(None, names)
        try:
            self.block(program, scope)
        except _Return:
            pass
        except (_Break, _Continue):
            self.fail("break or continue outside a loop")
        except RecursionError:
            self.fail("the script nests too deeply")
        return scope.vars

    def block(self, stmts: list, scope: Scope) -> None:
        for stmt in stmts:
            self.execute(stmt, scope)

    def execute(self, st: tuple, scope: Scope) -> None:
        self.tick()
        kind = st[0]
        self.line = st[1]
        if kind == "expr":
            self.eval(st[2], scope)
        elif kind == "define":
            if st[2] in scope.vars:
                self.fail(f"'{st[2]}' redeclared in this block")
            scope.vars[st[2]] = self.eval(st[3], scope)
        elif kind == "assign":
            if not self.append_in_place(st, scope):
                self.assign(st[2], st[3], self.eval(st[4], scope), scope)
        elif kind == "incdec":
            self.assign(st[2], "+=" if st[3] == "++" else "-=", 1, scope)
        elif kind == "if":
            inner = Scope(scope)
            if st[2] is not None:
                self.execute(st[2], inner)
            if not falsy(self.eval(st[3], inner)):
                self.block(st[4][2], Scope(inner))
            elif st[5] is not None:
                self.execute(st[5], inner)
        elif kind == "block":
            self.block(st[2], Scope(scope))
        elif kind == "for":
            self.loop(st, Scope(scope))
        elif kind == "forin":
            self.loop_in(st, Scope(scope))
        elif kind == "return":
            raise _Return(UNDEFINED if st[2] is None else self.eval(st[2], scope))
        elif kind == "break":
            raise _Break()
        elif kind == "continue":
            raise _Continue()

    def append_in_place(self, st: tuple, scope: Scope) -> bool:
        """``xs = append(xs, ...)`` done as Go does it, in amortised constant time: the array grows where
        it is (a copy for every item made a script that collects thousands of matches quadratic)."""
        _, _, target, op, value = st
        if not (op == "=" and target[0] == "name" and value[0] == "call" and value[1] == ("name", "append")
                and value[2] and value[2][0] == target and not value[3]):
            return False
        holder = scope.holder(target[1])
        if holder is None or scope.holder("append") is not None or not isinstance(holder.vars[target[1]], list):
            return False
        items = holder.vars[target[1]]
        extra = [self.eval(arg, scope) for arg in value[2][1:]]
        self.tick()
        if len(items) + len(extra) > MAX_VALUE:
            self.fail(f"a value of more than {MAX_VALUE:,} characters or elements")
        self.grow(extra)
        items.extend(extra)
        return True

    def loop(self, st: tuple, scope: Scope) -> None:
        _, _, init, cond, post, body = st
        if init is not None:
            self.execute(init, scope)
        while True:
            self.tick()
            if cond is not None and falsy(self.eval(cond, scope)):
                return
            if not self.turn(body, scope):
                return
            if post is not None:
                self.execute(post, scope)

    def loop_in(self, st: tuple, scope: Scope) -> None:
        _, _, key, value, source, body = st
        for k, v in self.pairs(self.eval(source, scope)):
            self.tick()
            scope.vars[key] = k
            if value is not None:
                scope.vars[value] = v
            if not self.turn(body, scope):
                return

    def turn(self, body: tuple, scope: Scope) -> bool:
        """One turn of a loop's body; False when it breaks out."""
        try:
            self.block(body[2], Scope(scope))
        except _Break:
            return False
        except _Continue:
            pass
        return True

    def pairs(self, it):
        if isinstance(it, (list, tuple)):
            return list(enumerate(it))
        if isinstance(it, dict):
            return list(it.items())
        if isinstance(it, str):
            return [(i, Char(ord(c))) for i, c in enumerate(it)]
        if isinstance(it, bytes):
            return list(enumerate(it))
        if it is UNDEFINED:
            return []
        self.fail(f"{type_name(it)} is not iterable")

    def assign(self, target: tuple, op: str, value, scope: Scope) -> None:
        if target[0] == "name":
            holder = scope.holder(target[1])
            if holder is None:
                self.fail(f"unresolved reference '{target[1]}'")
            if op != "=":
                value = self.grow(binary(op[:-1], holder.vars[target[1]], value))
            holder.vars[target[1]] = value
            return
        container = self.eval(target[1], scope)
        index = self.eval(target[2], scope)
        if op != "=":
            value = self.grow(binary(op[:-1], self.get(container, index), value))
        if isinstance(container, list):
            if not isinstance(index, int) or isinstance(index, bool):
                self.fail(f"invalid index type: {type_name(index)}")
            if not 0 <= index < len(container):
                self.fail("index out of bounds")
            container[index] = value
        elif isinstance(container, dict) and not isinstance(container, ImmutableMap):
            if not isinstance(index, str):
                self.fail(f"invalid index type: {type_name(index)}")
            container[index] = value
            self.grow(" ")
        else:
            self.fail(f"{type_name(container)} is not index-assignable")

    # -- expressions
    def eval(self, node: tuple, scope: Scope):
        return self._eval[node[0]](node, scope)

    def _name(self, node, scope):
        holder = scope.holder(node[1])
        if holder is not None:
            return holder.vars[node[1]]
        builtin = BUILTINS.get(node[1])
        if builtin is None:
            self.fail(f"unresolved reference '{node[1]}'")
        return builtin

    def _array(self, node, scope):
        return self.grow([self.eval(item, scope) for item in node[1]])

    def _map(self, node, scope):
        return self.grow({key: self.eval(item, scope) for key, item in node[1]})

    def _func(self, node, scope):
        return Closure(node[1], node[2], node[3], scope)

    def _immutable(self, node, scope):
        value = self.eval(node[1], scope)
        if isinstance(value, list):
            return tuple(value)
        if isinstance(value, dict):
            return ImmutableMap(value)
        return value

    def _import(self, node, scope):
        module = MODULES.get(node[1])
        if module is None:
            self.fail(f"module '{node[1]}' not found (Vale's scripts may import text, fmt and math)")
        return module

    def _unary(self, node, scope):
        op, value = node[1], self.eval(node[2], scope)
        if op == "!":
            return falsy(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(f"invalid operation: {op}{type_name(value)}")
        if op == "-":
            return binary("-", 0 if isinstance(value, int) else 0.0, value)
        if op == "^":
            if not isinstance(value, int):
                self.fail(f"invalid operation: ^{type_name(value)}")
            return ~value
        return value

    def _bin(self, node, scope):
        op, left, right = node[1], self.eval(node[2], scope), self.eval(node[3], scope)
        if op == "==":
            return equal(left, right)
        if op == "!=":
            return not equal(left, right)
        try:
            return self.grow(binary(op, left, right))
        except ScriptError as exc:
            self.fail(str(exc))

    def _and(self, node, scope):
        left = self.eval(node[1], scope)
        return left if falsy(left) else self.eval(node[2], scope)

    def _or(self, node, scope):
        left = self.eval(node[1], scope)
        return left if not falsy(left) else self.eval(node[2], scope)

    def _cond(self, node, scope):
        return self.eval(node[3] if falsy(self.eval(node[1], scope)) else node[2], scope)

    def _index(self, node, scope):
        return self.get(self.eval(node[1], scope), self.eval(node[2], scope))

    def get(self, container, index):
        if isinstance(container, (list, tuple, str, bytes)):
            if not isinstance(index, int) or isinstance(index, bool):
                self.fail(f"invalid index type: {type_name(index)}")
            if isinstance(container, str) and not container.isascii():
                container = container.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            if not 0 <= index < len(container):
                return UNDEFINED
            item = container[index]
            return Char(ord(item)) if isinstance(container, str) else item
        if isinstance(container, dict):
            if not isinstance(index, str):
                self.fail(f"invalid index type: {type_name(index)}")
            return container.get(index, UNDEFINED)
        if container is UNDEFINED:
            return UNDEFINED
        if isinstance(container, TError) and index == "value":
            return container.value
        self.fail(f"{type_name(container)} is not indexable")

    def _slice(self, node, scope):
        seq = self.eval(node[1], scope)
        if not isinstance(seq, (str, list, tuple, bytes)):
            self.fail(f"{type_name(seq)} cannot be sliced")
        size = blen(seq) if isinstance(seq, str) else len(seq)
        lo = 0 if node[2] is None else self.eval(node[2], scope)
        hi = size if node[3] is None else self.eval(node[3], scope)
        for bound in (lo, hi):
            if not isinstance(bound, int) or isinstance(bound, bool):
                self.fail(f"invalid slice index type: {type_name(bound)}")
        if lo > hi:
            self.fail(f"invalid slice index: {lo} > {hi}")
        lo, hi = min(max(lo, 0), size), min(max(hi, 0), size)
        if isinstance(seq, str):
            return bslice(seq, lo, hi)
        return list(seq[lo:hi]) if isinstance(seq, (list, tuple)) else seq[lo:hi]

    def _call(self, node, scope):
        fn = self.eval(node[1], scope)
        args = [self.eval(arg, scope) for arg in node[2]]
        if node[3]:
            last = args.pop() if args else UNDEFINED
            if not isinstance(last, (list, tuple)):
                self.fail("the argument before '...' must be an array")
            args.extend(last)
        return self.call(fn, args)

    def call(self, fn, args: list):
        self.tick()
        if isinstance(fn, Builtin):
            try:
                return self.grow(fn.fn(self, args))
            except ScriptError as exc:
                self.fail(f"{fn.name}: {exc}")
        if not isinstance(fn, Closure):
            self.fail(f"{type_name(fn)} is not callable")
        params = fn.params
        if fn.varargs:
            if len(args) < len(params) - 1:
                self.fail(f"wrong number of arguments: want>={len(params) - 1}, got={len(args)}")
            names = dict(zip(params[:-1], args))
            names[params[-1]] = list(args[len(params) - 1:])
        else:
            if len(args) != len(params):
                self.fail(f"wrong number of arguments: want={len(params)}, got={len(args)}")
            names = dict(zip(params, args))
        self.calls += 1
        if self.calls > MAX_CALLS:
            self.fail(f"calls nested more than {MAX_CALLS} deep")
        line = self.line
        try:
            self.block(fn.body[2], Scope(fn.scope, names))
        except _Return as ret:
            return ret.value
        except (_Break, _Continue):
            self.fail("break or continue outside a loop")
        finally:
            self.calls -= 1
            self.line = line
        return UNDEFINED
