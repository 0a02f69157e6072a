"""The three version files agree: pyproject.toml's bounds, the tested set (constraints.txt) and the
lowest set (constraints-lowest.txt) that .ci/lowest runs the suite on."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DIRECT = [Requirement(line) for line in PYPROJECT["dependencies"]] + [
    Requirement(line) for extra in PYPROJECT["optional-dependencies"].values() for line in extra
]


def pins(path: Path) -> dict[str, Version]:
    """name -> version of every `name==version` line of a constraints file."""
    found: dict[str, Version] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==([^\s;]+)", line)
        assert match, f"{path.name}: {line!r} is not an exact pin"
        found[canonicalize_name(match[1])] = Version(match[2])
    return found


LOCKED, LOWEST = pins(ROOT / "constraints.txt"), pins(ROOT / "constraints-lowest.txt")


@pytest.mark.parametrize("requirement", DIRECT, ids=str)
def test_every_direct_dependency_is_locked_within_its_bounds(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    assert name in LOCKED, f"constraints.txt does not pin {name}"
    assert LOCKED[name] in requirement.specifier, f"constraints.txt pins {name} {LOCKED[name]} outside {requirement}"


@pytest.mark.parametrize("requirement", DIRECT, ids=str)
def test_the_lowest_set_pins_each_lower_bound_exactly(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    bounds = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    assert bounds, f"{requirement} declares no lower bound"
    assert LOWEST.get(name) == bounds[0], f"constraints-lowest.txt pins {name} {LOWEST.get(name)}, not {bounds[0]}"


def test_the_project_itself_is_not_pinned() -> None:
    assert canonicalize_name(PYPROJECT["name"]) not in LOCKED | LOWEST
