"""The shipped catalog: validates clean under --strict, covers 100% of its sources, seeds untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def indicators(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("indicators")
    return subprocess.run([str(script), *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_shipped_catalog_validates_strict() -> None:
    result = indicators("validate", "--strict", "indicators.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_shipped_catalog_covers_every_mention() -> None:
    result = indicators("coverage", "indicators.yaml")
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].rstrip().endswith("100.0%")


def test_seeds_are_the_shared_originals() -> None:
    if not SHARED_SEEDS.is_dir():
        message = f"{SHARED_SEEDS} is missing: the seeds cannot be compared with their originals"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message + " (outside CI the pinned sha256 values still guard them)")
    shared = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert shared == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    for name in shared:
        assert (ROOT / "seeds" / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_validation_never_writes_to_sources(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", copy / "seeds")
    shutil.copy(ROOT / "indicators.yaml", copy / "indicators.yaml")
    before = {
        p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest()) for p in (copy / "seeds").iterdir()
    }
    for command in ("validate", "coverage", "pin"):
        subprocess.run(
            [str(Path(sys.executable).with_name("indicators")), command, "indicators.yaml"],
            cwd=copy,
            capture_output=True,
            check=False,
        )
    after = {
        p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest()) for p in (copy / "seeds").iterdir()
    }
    assert before == after
