"""A derived figure's formula: arithmetic over named inputs, read without `eval` and worked out in Decimal.

Only numbers, names, + - * /, unary minus and parentheses are allowed; anything else (a call, an
attribute, a power) is refused when the catalog loads, so a formula can never run code.
"""

from __future__ import annotations

import ast
from decimal import Decimal, DivisionByZero, InvalidOperation

_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


class FormulaError(ValueError):
    """The formula is not arithmetic over known names; the message says what to write."""


def names_in(formula: str) -> list[str]:
    """The names a formula uses, in order of first use. Raises FormulaError when it is not plain arithmetic."""
    names: list[str] = []
    for node in ast.walk(_parse(formula)):
        if isinstance(node, ast.Name) and node.id not in names:
            names.append(node.id)
    return names


def evaluate(formula: str, values: dict[str, Decimal]) -> Decimal:
    """The formula's result for the values given (every name it uses must be among them)."""
    tree = _parse(formula)
    try:
        return _value(tree.body, formula, values)
    except (DivisionByZero, InvalidOperation) as error:
        raise FormulaError(f"`{formula}` cannot be worked out: division by zero.") from error


def _parse(formula: str) -> ast.Expression:
    try:
        tree = ast.parse(formula.strip(), mode="eval")
    except SyntaxError as error:
        raise FormulaError(f"`{formula}` is not arithmetic ({error.msg}); write e.g. `total - part`.") from error
    for node in ast.walk(tree):
        allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Name, ast.Load, ast.Constant, *_OPERATORS)
        if not isinstance(node, allowed):
            raise FormulaError(
                f"`{formula}` uses `{ast.unparse(node) if isinstance(node, ast.expr) else type(node).__name__}`; "
                "a formula holds only numbers, input names, + - * / and parentheses."
            )
        if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or not isinstance(node.value, int | float)):
            raise FormulaError(f"`{formula}` holds `{node.value!r}`; only numbers and input names may appear.")
    return tree


def _value(node: ast.expr, formula: str, values: dict[str, Decimal]) -> Decimal:
    if isinstance(node, ast.Constant):
        return Decimal(ast.get_source_segment(formula.strip(), node) or repr(node.value))
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.UnaryOp):
        return -_value(node.operand, formula, values)
    assert isinstance(node, ast.BinOp)
    left, right = _value(node.left, formula, values), _value(node.right, formula, values)
    operator = _OPERATORS[type(node.op)]
    if operator == "+":
        return left + right
    if operator == "-":
        return left - right
    if operator == "*":
        return left * right
    return left / right
