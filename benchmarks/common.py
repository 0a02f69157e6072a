"""What every benchmark module shares: the Row of the results table and process measurements."""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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


# A small launcher forks and execs the command and reports its wall time and rusage. On Linux a
# process's ru_maxrss keeps the high-water mark of the image it exec'd from, so a child spawned straight
# from this (possibly large) process would report this process's peak; the launcher is ~10 MB.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_process(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
                check: bool = False) -> tuple[float, float]:
    """Run `cmd` to completion; (wall seconds, peak RSS of the process in MB).

    The peak RSS is os.wait4's rusage of that one child (ru_maxrss, KiB on Linux), taken by a small
    launcher process (see _LAUNCHER); the wall time is measured around fork and wait. Output is discarded.
    """
    done = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, *cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False)
    try:
        wall, maxrss, code = done.stdout.split()
    except ValueError as err:
        raise RuntimeError(f"the launcher failed for {' '.join(cmd)}: {done.stderr[-2000:]}") from err
    if check and int(code) != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {done.stderr[-2000:]}")
    return float(wall), int(maxrss) / 1024


def timed(cmd: Sequence[str], *, repeat: int, cwd: Path | None = None,
          check: bool = True) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS (MB) over `repeat` runs of `cmd`."""
    walls, peaks = [], []
    for _ in range(max(1, repeat)):
        wall, peak = run_process(cmd, cwd=cwd, check=check)
        walls.append(wall)
        peaks.append(peak)
    return median(walls), max(peaks)


def source_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in (corpus / "seeds").glob("*.txt"))
