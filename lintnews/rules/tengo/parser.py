"""Tengo tokens to a syntax tree of tuples (read by ``evaluator.py``).

Statements are ``(kind, line, ...)``: ``define`` (``x := e``), ``assign`` (``=``, ``+=``...),
``incdec``, ``expr``, ``if``, ``for``, ``forin``, ``break``, ``continue``, ``return``, ``block``.
Expressions are ``(kind, ...)``: ``lit``, ``name``, ``array``, ``map``, ``func``, ``unary``,
``bin``, ``and``, ``or``, ``cond``, ``call``, ``index``, ``slice``, ``import``, ``error``,
``immutable``. As in Go, a line end ends a statement where one could end; inside brackets, and
after an operator or a comma, it does not.
"""

from __future__ import annotations

from .lexer import tokens
from .values import ScriptError

_PREC = {"||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3, "+": 4, "-": 4, "|": 4, "^": 4,
         "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5}
_ASSIGN = {"=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^="}
_KEYWORDS = {"break", "continue", "else", "for", "func", "error", "immutable", "if", "return", "export",
             "true", "false", "in", "undefined", "import"}
MAX_DEPTH = 60  # brackets and blocks inside one another


class Parser:
    def __init__(self, src: str) -> None:
        self.toks = tokens(src)
        self.i = 0
        self.depth = 0

    # -- tokens
    def peek(self, offset: int = 0):
        return self.toks[min(self.i + offset, len(self.toks) - 1)]

    def at(self, kind: str, value=None) -> bool:
        k, v, _ = self.toks[self.i]
        return k == kind and (value is None or v == value)

    def at_op(self, value: str) -> bool:
        return self.at("op", value)

    def next(self):
        tok = self.toks[self.i]
        if tok[0] != "end":
            self.i += 1
        return tok

    def fail(self, what: str):
        kind, value, line = self.toks[self.i]
        found = {"nl": "newline", "end": "end of script"}.get(kind, repr(value))
        raise ScriptError(f"line {line}: expected {what}, found {found}")

    def expect(self, value: str):
        if not self.at_op(value):
            self.fail(f"'{value}'")
        return self.next()

    def skip_nl(self) -> None:
        while self.at("nl"):
            self.i += 1

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ScriptError(f"line {self.peek()[2]}: nested more than {MAX_DEPTH} deep")

    # -- statements
    def program(self) -> list:
        stmts = self.statements(top=True)
        if not self.at("end"):
            self.fail("a statement")
        return stmts

    def statements(self, top: bool = False) -> list:
        out = []
        while True:
            while self.at("nl") or self.at_op(";"):
                self.i += 1
            if self.at("end") or (not top and self.at_op("}")):
                return out
            out.append(self.statement())
            if not (self.at("nl") or self.at_op(";") or self.at("end") or self.at_op("}")):
                self.fail("end of statement")

    def block(self) -> tuple:
        line = self.expect("{")[2]
        self.deeper()
        body = self.statements()
        self.expect("}")
        self.depth -= 1
        return ("block", line, body)

    def statement(self) -> tuple:
        kind, value, line = self.peek()
        if kind == "name" and value in ("break", "continue"):
            self.next()
            return (value, line)
        if kind == "name" and value in ("return", "export"):
            self.next()
            expr = None if (self.at("nl") or self.at_op(";") or self.at_op("}") or self.at("end")) else self.expr()
            return ("return", line, expr)
        if kind == "name" and value == "if":
            return self.if_stmt()
        if kind == "name" and value == "for":
            return self.for_stmt()
        if kind == "op" and value == "{":
            return self.block()
        return self.simple()

    def simple(self) -> tuple:
        line = self.peek()[2]
        target = self.expr()
        if self.at_op(":="):
            if target[0] != "name":
                self.fail("a name before ':='")
            self.next()
            self.skip_nl()
            return ("define", line, target[1], self.expr())
        if self.at("op") and self.peek()[1] in _ASSIGN:
            op = self.next()[1]
            self._assignable(target)
            self.skip_nl()
            return ("assign", line, target, op, self.expr())
        if self.at_op("++") or self.at_op("--"):
            self._assignable(target)
            return ("incdec", line, target, self.next()[1])
        return ("expr", line, target)

    def _assignable(self, target) -> None:
        if target[0] not in ("name", "index"):
            raise ScriptError(f"line {self.peek()[2]}: cannot assign to this expression")

    def if_stmt(self) -> tuple:
        line = self.next()[2]
        init, cond = None, self.simple()
        if self.at_op(";"):
            self.next()
            init, cond = cond, self.simple()
        if cond[0] != "expr":
            self.fail("a condition")
        then = self.block()
        other = None
        save = self.i
        self.skip_nl()
        if self.at("name", "else"):
            self.next()
            other = self.if_stmt() if self.at("name", "if") else self.block()
        else:
            self.i = save
        return ("if", line, init, cond[2], then, other)

    def for_stmt(self) -> tuple:
        line = self.next()[2]
        if self.at_op("{"):
            return ("for", line, None, None, None, self.block())
        if self.at("name") and (self.peek(1)[:2] == ("name", "in") or self.peek(1)[:2] == ("op", ",")):
            key, value = self.next()[1], None
            if self.at_op(","):
                self.next()
                if not self.at("name"):
                    self.fail("a name")
                value = self.next()[1]
            else:
                key, value = "_", key
            if not self.at("name", "in"):
                self.fail("'in'")
            self.next()
            return ("forin", line, key, value, self.expr(), self.block())
        init = None if self.at_op(";") else self.simple()
        if self.at_op("{"):
            if init[0] != "expr":
                self.fail("a condition")
            return ("for", line, None, init[2], None, self.block())
        self.expect(";")
        cond = None if self.at_op(";") else self.expr()
        self.expect(";")
        post = None if self.at_op("{") else self.simple()
        return ("for", line, init, cond, post, self.block())

    # -- expressions
    def expr(self) -> tuple:
        self.deeper()
        cond = self.binary(1)
        if self.at_op("?"):
            self.next()
            self.skip_nl()
            yes = self.expr()
            self.skip_nl()
            self.expect(":")
            self.skip_nl()
            cond = ("cond", cond, yes, self.expr())
        self.depth -= 1
        return cond

    def binary(self, least: int) -> tuple:
        left = self.unary()
        while self.at("op") and _PREC.get(self.peek()[1], 0) >= least:
            op = self.next()[1]
            self.skip_nl()
            right = self.binary(_PREC[op] + 1)
            kind = {"&&": "and", "||": "or"}.get(op)
            left = (kind, left, right) if kind else ("bin", op, left, right)
        return left

    def unary(self) -> tuple:
        if self.at("op") and self.peek()[1] in ("-", "+", "!", "^"):
            op = self.next()[1]
            self.deeper()
            operand = self.unary()
            self.depth -= 1
            return ("unary", op, operand)
        return self.postfix(self.primary())

    def postfix(self, node: tuple) -> tuple:
        while True:
            if self.at_op("("):
                self.next()
                args, spread = self.items(")")
                node = ("call", node, args, spread)
            elif self.at_op("["):
                self.next()
                self.skip_nl()
                lo = None if self.at_op(":") else self.expr()
                self.skip_nl()
                if self.at_op(":"):
                    self.next()
                    self.skip_nl()
                    hi = None if self.at_op("]") else self.expr()
                    self.skip_nl()
                    self.expect("]")
                    node = ("slice", node, lo, hi)
                else:
                    self.expect("]")
                    node = ("index", node, lo)
            elif self.at_op("."):
                self.next()
                if not self.at("name"):
                    self.fail("a name after '.'")
                node = ("index", node, ("lit", self.next()[1]))
            else:
                return node

    def items(self, close: str) -> tuple[list, bool]:
        """Comma-separated expressions up to ``close`` (a trailing ``...`` spreads the last)."""
        out, spread = [], False
        self.skip_nl()
        while not self.at_op(close):
            out.append(self.expr())
            self.skip_nl()
            if self.at_op("..."):
                self.next()
                spread = True
                self.skip_nl()
            if not self.at_op(","):
                break
            self.next()
            self.skip_nl()
        self.expect(close)
        return out, spread

    def primary(self) -> tuple:
        kind, value, line = self.peek()
        if kind in ("int", "float", "str"):
            self.next()
            return ("lit", value)
        if kind == "char":
            self.next()
            return ("char", value)
        if kind == "op" and value == "(":
            self.next()
            self.skip_nl()
            inner = self.expr()
            self.skip_nl()
            self.expect(")")
            return inner
        if kind == "op" and value == "[":
            self.next()
            return ("array", self.items("]")[0])
        if kind == "op" and value == "{":
            return self.map_lit()
        if kind != "name":
            self.fail("an expression")
        self.next()
        if value in ("true", "false"):
            return ("lit", value == "true")
        if value == "undefined":
            return ("undefined",)
        if value == "func":
            return self.func_lit()
        if value in ("import", "error", "immutable"):
            self.expect("(")
            args, _ = self.items(")")
            if len(args) != 1 or (value == "import" and args[0][0] != "lit"):
                raise ScriptError(f"line {line}: {value}() takes one argument")
            return (value, args[0][1] if value == "import" else args[0])
        if value in _KEYWORDS:
            raise ScriptError(f"line {line}: unexpected '{value}'")
        return ("name", value)

    def map_lit(self) -> tuple:
        self.next()
        self.deeper()
        pairs = []
        self.skip_nl()
        while not self.at_op("}"):
            kind, key, _ = self.peek()
            if kind not in ("name", "str"):
                self.fail("a map key")
            self.next()
            self.expect(":")
            self.skip_nl()
            pairs.append((key, self.expr()))
            self.skip_nl()
            if not self.at_op(","):
                break
            self.next()
            self.skip_nl()
        self.expect("}")
        self.depth -= 1
        return ("map", pairs)

    def func_lit(self) -> tuple:
        self.expect("(")
        params, varargs = [], False
        self.skip_nl()
        while not self.at_op(")"):
            if self.at_op("..."):
                self.next()
                varargs = True
            if not self.at("name"):
                self.fail("a parameter name")
            params.append(self.next()[1])
            self.skip_nl()
            if not self.at_op(","):
                break
            self.next()
            self.skip_nl()
        self.expect(")")
        return ("func", tuple(params), varargs, self.block())


def parse(src: str) -> list:
    """The script's statements; a :class:`ScriptError` naming the line where it does not parse."""
    return Parser(src).program()
