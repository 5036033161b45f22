"""A small arithmetic evaluator for Vale's metric formulas: never ``eval``.

A formula is read by Python's parser (``ast.parse(mode="eval")``, which runs nothing) and the
tree is walked here, allowing only numbers, the variables given, ``+ - * / % **``, unary
minus, parentheses, comparisons, ``&&``/``||``/``!`` (Tengo's, as Vale writes them; ``and``,
``or``, ``not`` too) and calls of ``math.NAME`` for a few functions (sqrt, pow, abs, log, log10, log2, exp, floor, ceil, round, min, max). Anything else
(attributes, subscripts, names not given, strings, lambdas, comprehensions, Tengo's
``a ? b : c``) is a :class:`FormulaError`. Division by zero gives infinity (or NaN for 0/0), as Tengo's floats do,
and exponents and nesting are bounded so no formula can run long or too deep.
"""

from __future__ import annotations

import ast
import math
import operator

import regex

MAX_LENGTH = 2000
MAX_EXPONENT = 1000.0
MAX_DEPTH = 500  # operators and calls inside one another: far beyond any formula, within Python's recursion limit

_FUNCTIONS = {
    "sqrt": lambda x: math.sqrt(x) if x >= 0 else math.nan,
    "pow": lambda x, y: _power(x, y),
    "abs": abs,
    "log": lambda x: math.log(x) if x > 0 else -math.inf,
    "log10": lambda x: math.log10(x) if x > 0 else -math.inf,
    "log2": lambda x: math.log2(x) if x > 0 else -math.inf,
    "exp": lambda x: math.exp(min(x, 700.0)),
    "floor": math.floor,
    "ceil": math.ceil,
    "round": round,
    "min": min,
    "max": max,
}
_COMPARE = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
            ast.Eq: operator.eq, ast.NotEq: operator.ne}
# Tengo's logical operators as Python's (``!=`` is left alone).
_TENGO = [(regex.compile(r"&&"), " and "), (regex.compile(r"\|\|"), " or "), (regex.compile(r"!(?!=)"), " not ")]


class FormulaError(ValueError):
    """A formula that is not plain arithmetic over the known variables."""


def _power(x: float, y: float) -> float:
    if abs(y) > MAX_EXPONENT:
        raise FormulaError("exponent too large")
    try:
        return float(x) ** float(y)
    except (OverflowError, ZeroDivisionError):
        return math.inf
    except ValueError:
        return math.nan


def _divide(x: float, y: float) -> float:
    if y == 0:
        return math.nan if x == 0 else math.copysign(math.inf, x)
    return x / y


def _modulo(x: float, y: float) -> float:
    return math.nan if y == 0 else math.fmod(x, y)


_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: _divide,
           ast.Mod: _modulo, ast.Pow: _power}


def parse(formula: str) -> ast.Expression:
    """The formula's tree, checked to hold only what :func:`evaluate` allows (variables aside)."""
    if len(formula) > MAX_LENGTH:
        raise FormulaError(f"longer than {MAX_LENGTH} characters")
    source = formula.strip()
    for pattern, word in _TENGO:
        source = pattern.sub(word, source)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"not a formula: {exc.msg} (a metric formula is one expression: arithmetic and "
                           f"comparisons over Vale's variables, with math.sqrt and its kin; no Tengo "
                           f"statements)") from None
    except (RecursionError, MemoryError):
        raise FormulaError(f"nested more than {MAX_DEPTH} deep") from None
    _check_depth(tree)
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in called:
            raise FormulaError("only math.sqrt, math.pow and the like may be named with a dot")
        if isinstance(node, ast.Call):
            func = node.func
            if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id == "math" and func.attr in _FUNCTIONS) or node.keywords:
                raise FormulaError("only math.sqrt, math.pow and the like may be called")
        elif not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Constant,
                                   ast.Name, ast.Load, ast.Attribute, ast.operator, ast.unaryop, ast.boolop,
                                   ast.cmpop)):
            raise FormulaError(f"'{type(node).__name__}' is not allowed in a formula")
        if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or
                                               not isinstance(node.value, (int, float))):
            raise FormulaError("only numbers may be written in a formula")
        if isinstance(node, ast.BinOp) and type(node.op) not in _BINARY:
            raise FormulaError(f"operator '{type(node.op).__name__}' is not allowed")
    return tree


def _check_depth(tree: ast.Expression) -> None:
    """A :class:`FormulaError` for a tree deeper than ``MAX_DEPTH`` (``-`` written a thousand times, or a
    thousand terms added one to the next), which :func:`evaluate`, walking it by recursion, could not read."""
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FormulaError(f"nested more than {MAX_DEPTH} deep")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def evaluate(formula: str | ast.Expression, variables: dict[str, float]):
    """The formula's value (a number, or a truth value for a comparison)."""
    tree = parse(formula) if isinstance(formula, str) else formula
    return _eval(tree.body, variables)


def _eval(node, env):
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        if node.id not in env:
            raise FormulaError(f"unknown variable '{node.id}'")
        return float(env[node.id])
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_eval(node.left, env), _eval(node.right, env))
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, env)
        if isinstance(node.op, ast.USub):
            return -value
        if isinstance(node.op, ast.UAdd):
            return value
        return not value
    if isinstance(node, ast.BoolOp):
        values = [_eval(v, env) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, env)
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, env)
            if type(op) not in _COMPARE:
                raise FormulaError(f"comparison '{type(op).__name__}' is not allowed")
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Call):
        return _FUNCTIONS[node.func.attr](*(_eval(a, env) for a in node.args))
    raise FormulaError(f"'{type(node).__name__}' is not allowed in a formula")
