"""The base install is the validator and the curator CLI alone: in an environment holding only the
project's base dependencies (pyyaml, rapidfuzz) and no dashboard extra, `indicators validate --strict`
checks the shipped catalog, and neither streamlit, plotly, pandas nor numpy is there to be imported.

The environment is built offline from this one: a fresh venv, the files of exactly the base
distributions copied in, and the checkout on its path."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
import venv
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.conftest import ROOT

HEAVY = ("streamlit", "plotly", "pandas", "numpy", "pyarrow")
PROBE = """
import sys
from dashboard.cli.main import main
code = main(sys.argv[1:])
print("loaded:", sorted(m for m in {heavy!r} if m in sys.modules))
sys.exit(code)
"""


def base_distributions() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [Requirement(line).name for line in project["dependencies"]]
    found: list[str] = []
    while names:  # the base dependencies and theirs
        name = names.pop()
        if name.lower() in (n.lower() for n in found):
            continue
        found.append(name)
        names += [Requirement(r).name for r in metadata.requires(name) or [] if "extra ==" not in r]
    return found


@pytest.fixture(scope="module")
def base_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("base-env")
    venv.create(home, with_pip=False, symlinks=True)
    python = home / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())  # fmt: skip
    for name in base_distributions():
        dist = metadata.distribution(name)
        for file in dist.files or []:
            origin = Path(str(dist.locate_file(file)))
            if origin.is_file() and not str(file).startswith(".."):
                (site / file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, site / file)
    (site / "checkout.pth").write_text(str(ROOT) + "\n", encoding="utf-8")
    return python


def test_the_base_environment_holds_no_dashboard_package(base_env: Path) -> None:
    probe = f"import importlib.util as u; print([m for m in {HEAVY!r} if u.find_spec(m)])"
    done = subprocess.run([str(base_env), "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_validate_strict_runs_on_the_base_install(base_env: Path) -> None:
    done = subprocess.run([str(base_env), "-c", PROBE.format(heavy=HEAVY), "validate", "--strict", "indicators.yaml"],
                          cwd=ROOT, capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid (strict" in done.stdout and "loaded: []" in done.stdout


def test_the_curator_commands_run_on_the_base_install(base_env: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "indicators.yaml", tmp_path / "indicators.yaml")
    for args in (["coverage", "indicators.yaml"], ["pin", "--dry-run", "indicators.yaml"],
                 ["suggest", "indicators.yaml"], ["fix", "indicators.yaml"]):  # fmt: skip
        done = subprocess.run([str(base_env), "-c", PROBE.format(heavy=HEAVY), *args], cwd=tmp_path,
                              capture_output=True, text=True, check=False)  # fmt: skip
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        assert "loaded: []" in done.stdout, args
