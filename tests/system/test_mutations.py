"""Damage the shipped catalog in every way a curator could, and check each damaged copy is rejected
with the expected code at a line inside the damaged entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.validation.validate import validate_path
from tests.conftest import ROOT
from tests.support.mutations import DAMAGE_KINDS, Mutation, Mutator

MUTATOR = Mutator(ROOT / "indicators.yaml")
CATALOG = MUTATOR.catalog
MUTATIONS = list(MUTATOR.all())


def assert_rejected(project: Path, ident: str, mutation: Mutation) -> None:
    """Write the damaged catalog into `project` and check the expected code fires inside the entry."""
    for relative, data in mutation.extra_files.items():
        (project / relative).write_bytes(data)
    path = project / "indicators.yaml"
    path.write_text(mutation.text, encoding="utf-8")
    report = validate_path(path)
    fired = {p.code for p in report.problems if p.severity == "error"}
    assert fired & mutation.expected, f"{mutation.name}: expected {set(mutation.expected)}, got {fired}"
    first, last = mutation.lines
    assert any(p.code in mutation.expected and first <= p.line <= last and p.id == ident for p in report.problems), [
        str(p) for p in report.problems if p.severity == "error"
    ]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root


@pytest.mark.parametrize(("ident", "mutation"), MUTATIONS, ids=[f"{i}-{m.name}" for i, m in MUTATIONS])
def test_damaged_catalog_is_rejected(project: Path, ident: str, mutation: Mutation) -> None:
    assert_rejected(project, ident, mutation)


def test_every_kind_of_damage_is_exercised() -> None:
    names = {m.name.split(" #")[0] for _, m in MUTATIONS}
    assert names >= DAMAGE_KINDS


@pytest.mark.parametrize("source", [s.id for s in CATALOG.sources])
def test_source_edited_by_one_character(tmp_path: Path, source: str) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "indicators.yaml", tmp_path / "indicators.yaml")
    declared = next(s for s in CATALOG.sources if s.id == source)
    file = tmp_path / declared.file
    text = file.read_text(encoding="utf-8")
    middle = len(text) // 2
    file.write_text(text[:middle] + ("x" if text[middle] != "x" else "y") + text[middle + 1 :], encoding="utf-8")
    report = validate_path(tmp_path / "indicators.yaml")
    problem = next(p for p in report.problems if p.code == "source-hash-mismatch")
    assert problem.id == source and problem.line == declared.field_pos["sha256"].line
