"""The code stays lint-clean, formatted, and type-checks under mypy --strict (dashboard, benchmarks, tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
CODE = ["dashboard", "tests", "benchmarks", "streamlit_app.py"]


def test_ruff_is_clean() -> None:
    result = subprocess.run([str(BIN / "ruff"), "check", *CODE], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_the_code_is_formatted() -> None:
    result = subprocess.run(
        [str(BIN / "ruff"), "format", "--check", *CODE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + "\nrun: ruff format " + " ".join(CODE)


def test_mypy_strict_is_clean() -> None:
    result = subprocess.run([str(BIN / "mypy")], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
