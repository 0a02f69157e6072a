"""What every benchmark module shares: the Row of the results table and process measurements (the launcher
and the server lifecycle are tests/support/processes.py, shared with the tests)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.support.processes import launched, read_launch_report

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
INDICATORS = str(VENV_BIN / "indicators")


@dataclass(frozen=True)
class Row:
    """One figure of the benchmark table."""

    name: str
    value: float
    unit: str
    target: str
    """The issue's target as text ("<= 1.5 x floor"), or "" when the row is context only."""
    ok: bool | None
    """Whether the target is met; None when the row has no target."""
    note: str = ""


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def run_process(
    cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None, check: bool = False
) -> tuple[float, float]:
    """Run `cmd` to completion; (wall seconds, peak RSS of the process in MB), measured by the launcher.

    Output is discarded."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch, "rusage")
        done = subprocess.run(
            launched(cmd, report),
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        try:
            measured = read_launch_report(report)
        except (OSError, ValueError) as err:
            raise RuntimeError(f"the launcher failed for {' '.join(cmd)}: {done.stderr[-2000:]}") from err
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    return measured


def timed(cmd: Sequence[str], *, repeat: int, cwd: Path | None = None, check: bool = True) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS (MB) over `repeat` runs of `cmd`."""
    walls, peaks = [], []
    for _ in range(max(1, repeat)):
        wall, peak = run_process(cmd, cwd=cwd, check=check)
        walls.append(wall)
        peaks.append(peak)
    return median(walls), max(peaks)


def source_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in (corpus / "seeds").glob("*.txt"))
