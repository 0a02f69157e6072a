"""Docs from code: the README's table of problem codes is the code's table, word for word."""

from __future__ import annotations

from typing import get_args

from dashboard.catalog.problems import CODES, Code, codes_table
from tests.conftest import ROOT


def test_every_code_has_its_row_and_every_row_a_code() -> None:
    assert set(get_args(Code)) == set(CODES)


def test_the_readme_problem_table_is_the_code_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert codes_table() in readme, (
        "regenerate the README table: python -c 'from dashboard.catalog.problems "
        "import codes_table; print(codes_table())'"
    )
