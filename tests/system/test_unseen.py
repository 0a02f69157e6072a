"""Catalogs of documents the reader was not written against (tests/cases/unseen/<name>/): each
validates clean under --strict, and every kind of damage to it is caught with the expected code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.validation.validate import validate_path
from tests.conftest import CASES
from tests.support.mutations import DAMAGE_KINDS, Mutation, Mutator
from tests.system.test_mutations import assert_rejected

UNSEEN = sorted(p.parent for p in (CASES / "unseen").glob("*/indicators.yaml"))
MUTATORS = {case.name: Mutator(case / "indicators.yaml") for case in UNSEEN}
MUTATIONS = [(case.name, ident, m) for case in UNSEEN for ident, m in MUTATORS[case.name].all()]


def test_there_are_enough_unseen_cases() -> None:
    assert len(UNSEEN) >= 8


@pytest.mark.parametrize("case", UNSEEN, ids=[c.name for c in UNSEEN])
def test_correct_catalog_validates_clean(case: Path) -> None:
    report = validate_path(case / "indicators.yaml")
    loud = [str(p) for p in report.problems if p.severity in ("error", "warning")]
    assert loud == []


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    roots = {}
    for case in UNSEEN:
        root = tmp_path_factory.mktemp(case.name)
        shutil.copytree(case / "seeds", root / "seeds")
        roots[case.name] = root
    return roots


@pytest.mark.parametrize(("case", "ident", "mutation"), MUTATIONS, ids=[f"{c}-{i}-{m.name}" for c, i, m in MUTATIONS])
def test_damaged_unseen_catalog_is_rejected(
    projects: dict[str, Path], case: str, ident: str, mutation: Mutation
) -> None:
    assert_rejected(projects[case], ident, mutation)


def test_every_kind_of_damage_is_exercised_on_unseen_cases() -> None:
    names = {m.name.split(" #")[0] for _, _, m in MUTATIONS}
    assert names >= DAMAGE_KINDS


@pytest.mark.parametrize("case", UNSEEN, ids=[c.name for c in UNSEEN])
def test_unseen_source_edited_by_one_character(tmp_path: Path, case: Path) -> None:
    shutil.copytree(case / "seeds", tmp_path / "seeds")
    shutil.copy(case / "indicators.yaml", tmp_path / "indicators.yaml")
    source = MUTATORS[case.name].catalog.sources[0]
    file = tmp_path / source.file
    text = file.read_text(encoding="utf-8")
    middle = len(text) // 2
    file.write_text(text[:middle] + ("x" if text[middle] != "x" else "y") + text[middle + 1 :], encoding="utf-8")
    report = validate_path(tmp_path / "indicators.yaml")
    problem = next(p for p in report.problems if p.code == "source-hash-mismatch")
    assert problem.id == source.id and problem.line == source.field_pos["sha256"].line
