"""Process helpers the tests and the benchmarks share: a launcher that measures one child's wall time and
peak memory, and the lifecycle of a Streamlit server (a free port, a health wait, a clean stop)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

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
