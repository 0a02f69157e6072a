"""Catalogs of documents the reader was not written against (tests/cases/unseen/<name>/): each
validates clean under --strict, and every kind of damage to it is caught with the expected code."""

from __future__ import annotations

import copy
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.catalog.problems import Problem
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


# Wrong entries written with the documents (wrong.yaml): each sets fields of one entry (citation fields
# apply to its first citation) and names the codes of which one must fire on that entry.
WRONG = [
    (case, wrong)
    for case in UNSEEN
    if (case / "wrong.yaml").exists()
    for wrong in yaml.safe_load((case / "wrong.yaml").read_text(encoding="utf-8"))
]
CITATION_FIELDS = {"quote", "figure", "prefix", "suffix", "translation"}


def with_wrong_entry(catalog: dict[str, Any], wrong: dict[str, Any]) -> dict[str, Any]:
    damaged = copy.deepcopy(catalog)
    entries = [e for section in ("indicators", "events") for e in damaged.get(section) or []]
    entry = next(e for e in entries if e["id"] == wrong["id"])
    for key, value in wrong["set"].items():
        target = entry["citations"][0] if key in CITATION_FIELDS else entry
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return damaged


def test_the_wrong_entries_cover_every_kind_of_error() -> None:
    expected = {code for _, wrong in WRONG for code in wrong["expect"]}
    assert len({case for case, _ in WRONG}) >= 10
    assert expected >= {"value-mismatch", "scale-mismatch", "unit-mismatch", "unit-ambiguous", "qualifier-missing",
                        "qualifier-mismatch", "qualifier-unsupported", "period-mismatch", "figure-not-in-quote",
                        "figure-pin-mismatch", "value-not-in-quote", "date-not-in-quote"}  # fmt: skip


@pytest.mark.parametrize(("case", "wrong"), WRONG, ids=[f"{c.name}-{w['id']}-{i}" for i, (c, w) in enumerate(WRONG)])
def test_wrong_entry_is_refused_with_a_fitting_code(
    projects: dict[str, Path], case: Path, wrong: dict[str, Any]
) -> None:
    catalog = yaml.safe_load((case / "indicators.yaml").read_text(encoding="utf-8"))
    path = projects[case.name] / "indicators.yaml"
    path.write_text(yaml.safe_dump(with_wrong_entry(catalog, wrong), sort_keys=False, allow_unicode=True), "utf-8")
    report = validate_path(path)
    fired = {p.code for p in report.problems if p.severity == "error" and p.id == wrong["id"]}
    assert fired & set(wrong["expect"]), f"{wrong['why']}: expected one of {wrong['expect']}, got {sorted(fired)}"


def with_fixes(catalog: dict[str, Any], ident: str, problems: list[Problem]) -> dict[str, Any]:
    """The catalog with every fix the problems suggest applied to entry `ident`."""
    fixed = copy.deepcopy(catalog)
    entry = next(e for section in ("indicators", "events") for e in fixed.get(section) or [] if e["id"] == ident)
    for problem in problems:
        for key, literal in problem.fix:
            target = entry["citations"][problem.citation or 0] if key in CITATION_FIELDS else entry
            value = yaml.safe_load(f"{key}: {literal}")[key]
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
    return fixed


FIXED: list[str] = []


@pytest.mark.parametrize(("case", "wrong"), WRONG, ids=[f"{c.name}-{w['id']}-{i}" for i, (c, w) in enumerate(WRONG)])
def test_every_suggested_fix_validates_and_states_the_text(
    projects: dict[str, Path], case: Path, wrong: dict[str, Any]
) -> None:
    """A message never steers a curator to a wrong value: applying what it suggests gives an entry that
    validates, and where it suggests a value, the value of the correct entry."""
    catalog = yaml.safe_load((case / "indicators.yaml").read_text(encoding="utf-8"))
    damaged = with_wrong_entry(catalog, wrong)
    path = projects[case.name] / "indicators.yaml"
    path.write_text(yaml.safe_dump(damaged, sort_keys=False, allow_unicode=True), "utf-8")
    errors = [p for p in validate_path(path).problems if p.id == wrong["id"] and p.severity == "error"]
    problems = [p for p in errors if p.fix]
    if not problems:
        return
    FIXED.append(wrong["id"])
    fixed = with_fixes(damaged, wrong["id"], problems)
    path.write_text(yaml.safe_dump(fixed, sort_keys=False, allow_unicode=True), "utf-8")
    after = validate_path(path)
    left = {(p.code, p.citation) for p in after.problems if p.id == wrong["id"] and p.severity in ("error", "warning")}
    unfixable = {(p.code, p.citation) for p in errors if not p.fix}  # another damage of the entry, no fix offered
    assert left <= unfixable, f"after applying {[p.fix for p in problems]}: {left - unfixable}"
    suggested = {key for p in problems for key, _ in p.fix}
    if "value" in suggested and not CITATION_FIELDS & set(wrong["set"]):
        right = next(e for e in catalog["indicators"] if e["id"] == wrong["id"])
        entry = next(e for e in fixed["indicators"] if e["id"] == wrong["id"])
        assert numbers(entry["value"]) == numbers(right["value"]), "the suggested value is not the text's"


def numbers(value: Any) -> list[Decimal]:
    """A catalog value, one number or a range, as exact decimals."""
    return [Decimal(str(v)).normalize() for v in (value if isinstance(value, list) else [value])]


def test_the_fixes_were_exercised() -> None:
    """Runs after the parametrized test above (file order): most wrong entries come with a fix."""
    assert len(FIXED) >= len(WRONG) // 3, f"only {len(FIXED)} of {len(WRONG)} wrong entries suggested a fix"
