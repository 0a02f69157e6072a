"""Twenty concurrent sessions against one server for a minute, without a single error (benchmarks/load.py).

Two of the sessions are chromium tabs, eighteen are websocket clients speaking the frontend's protocol; each
opens pages and drills down (a bar of an explore chart, a headline tile) until the minute is over. Nothing
about speed is asserted here: the figures are in BENCHMARKS.md. Under `CI=true` a missing chromium fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.browser import require_browser

pytestmark = pytest.mark.browser

SESSIONS = 20
SECONDS = 60
MIN_ACTIONS = 3


def test_twenty_sessions_for_a_minute_without_an_error(tmp_path: Path) -> None:
    require_browser()
    out = tmp_path / "load.json"
    cmd = [sys.executable, "-m", "benchmarks.load", "--sessions", str(SESSIONS), "--seconds", str(SECONDS),
           "--timeout", "30", "--json", str(out)]  # fmt: skip
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=115, check=False)
    assert out.exists(), f"the load driver wrote no result (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["errors"] == 0, "\n".join(result["error_messages"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert result["sessions"] == SESSIONS and result["browsers"] >= 1
    for session in result["per_session"]:
        assert session["actions"] >= MIN_ACTIONS, session
        assert session["drilldowns"] >= 1, session
    assert result["server_fragment_ms"]["n"] >= 1, "no drill-down reached the server as a fragment rerun"
    assert result["samples"] >= SECONDS // 2, "the server's CPU and memory were not sampled"
