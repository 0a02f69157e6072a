"""What every benchmark module shares: the Row of the results table, process measurements, a server's lifecycle."""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
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


# A small launcher forks and execs the command and writes its wall time and peak RSS to a file. On Linux
# a process's ru_maxrss keeps the high-water mark of the image it exec'd from, so a child spawned straight
# from this (possibly large) process would report this process's peak; the launcher is ~10 MB.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{time.perf_counter() - start} {usage.ru_maxrss}")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def launched(cmd: Sequence[str], report: Path) -> list[str]:
    """`cmd` run through the launcher, which writes "WALL_SECONDS MAXRSS_KIB" of that one child to `report`.

    The launcher passes the child's output through and exits with its code (128 + N for signal N)."""
    return [sys.executable, "-S", "-c", _LAUNCHER, str(report), *cmd]


def read_launch_report(report: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) from the file a launched command wrote (ru_maxrss is KiB on Linux)."""
    wall, maxrss = report.read_text().split()
    return float(wall), int(maxrss) / 1024


def run_process(cmd: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
                check: bool = False) -> tuple[float, float]:
    """Run `cmd` to completion; (wall seconds, peak RSS of the process in MB), measured by the launcher.

    Output is discarded."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch, "rusage")
        done = subprocess.run(launched(cmd, report), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, check=False)
        try:
            measured = read_launch_report(report)
        except (OSError, ValueError) as err:
            raise RuntimeError(f"the launcher failed for {' '.join(cmd)}: {done.stderr[-2000:]}") from err
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    return measured


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


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(proc: subprocess.Popen[bytes], url: str, *, timeout: float, log: Callable[[], str]) -> None:
    """Wait until the Streamlit server `proc` answers `url`/_stcore/health; stop it and raise RuntimeError
    (with its `log`) when it exits first or does not answer within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode} before it was healthy:\n{log()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    stop_process(proc)
    raise RuntimeError(f"streamlit not healthy on {url} after {timeout:.0f}s:\n{log()}")


def stop_process(proc: subprocess.Popen[bytes] | None) -> None:
    """Terminate `proc` if it still runs; kill it when it has not exited 10 s later."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
