"""Measurements of the `indicators` command: validate, its floor, coverage, scaling, start-up.

Every figure is a separate process (wall time from the parent, peak RSS from os.wait4), as a user or a
pre-commit hook runs it. `measure(dirs, repeat=...)` takes the generated corpora by size name
("small", "large", optionally "huge") and returns the table's rows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.common import INDICATORS, ROOT, Row, median, run_process, source_bytes, timed

# The floor: what any validator must do at least — parse the YAML with PyYAML's C loader and read and
# hash every source the catalog names.
FLOOR = """
import hashlib, sys, yaml
from pathlib import Path
path = Path(sys.argv[1])
data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
for source in data["sources"]:
    hashlib.sha256((path.parent / source["file"]).read_bytes()).hexdigest()
"""
HEAVY = ("pandas", "plotly", "streamlit", "numpy", "pyarrow")
# Runs the CLI in-process, then lists the heavy packages it imported.
IMPORTS = """
import contextlib, io, sys
from dashboard.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & set(%r))))
""" % (HEAVY,)  # noqa: UP031
# The coverage-specific work in-process: reading every number and date mention of every source.
SCAN = """
import sys, time
from pathlib import Path
from dashboard.text.mentions import read_mentions
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1], "seeds").glob("*.txt"))]
start = time.perf_counter()
for text in texts:
    read_mentions(text)
print(time.perf_counter() - start)
"""
SIZE_COUNTS = {"small": 200, "large": 10_000, "huge": 100_000}


def _validate_cmd(corpus: Path) -> list[str]:
    return [INDICATORS, "validate", str(corpus / "indicators.yaml"), "--strict"]


def _coverage_cmd(corpus: Path) -> list[str]:
    return [INDICATORS, "coverage", str(corpus / "indicators.yaml"), "--fail-under", "0"]


def _floor_cmd(corpus: Path, *, gc_off: bool = False) -> list[str]:
    code = ("import gc; gc.disable()\n" if gc_off else "") + FLOOR
    return [sys.executable, "-c", code, str(corpus / "indicators.yaml")]


def heavy_imports(args: list[str], *, cwd: Path = ROOT) -> list[str]:
    """The heavy packages (pandas, plotly, streamlit, ...) that `indicators ARGS` imports."""
    done = subprocess.run([sys.executable, "-c", IMPORTS, *args], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the import check failed: {done.stderr[-2000:]}")
    return done.stdout.split()


def _interleaved(cmds: dict[str, list[str]], *, repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall and max peak RSS of each command, run in turn (A B A B ...) so drift hits all alike."""
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    peaks: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(max(1, repeat)):
        for name, cmd in cmds.items():
            wall, peak = run_process(cmd, check=True)
            walls[name].append(wall)
            peaks[name].append(peak)
    return {name: (median(walls[name]), max(peaks[name])) for name in cmds}


def measure(dirs: dict[str, Path], *, repeat: int) -> list[Row]:
    rows: list[Row] = []
    per_indicator: dict[str, float] = {}
    for size in ("small", "large"):
        corpus = dirs.get(size)
        if corpus is None:
            continue
        got = _interleaved(
            {
                "validate": _validate_cmd(corpus),
                "floor": _floor_cmd(corpus),
                "floor-gc-off": _floor_cmd(corpus, gc_off=True),
                "coverage": _coverage_cmd(corpus),
            },
            repeat=repeat,
        )
        (t_val, rss_val), (t_floor, _), (t_cov, rss_cov) = got["validate"], got["floor"], got["coverage"]
        t_bare = got["floor-gc-off"][0]
        ratio = t_val / t_floor
        megabytes = source_bytes(corpus) / 1e6
        entries = SIZE_COUNTS[size]
        per_indicator[size] = t_val / entries
        large = size == "large"
        rows += [
            Row(f"validate {size}: wall", t_val, "s", "", None, f"{entries:,} entries, {megabytes:.1f} MB of sources"),
            Row(f"validate {size}: peak RSS", rss_val, "MB", "", None),
            Row(f"validate {size}: floor (CSafeLoader + sha256 of sources)", t_floor, "s", "", None),
            Row(
                f"validate {size}: ratio to floor",
                ratio,
                "x",
                "<= 1.5" if large else "",
                ratio <= 1.5 if large else None,
            ),
            Row(
                f"validate {size}: ratio to the floor with the GC off",
                t_val / t_bare,
                "x",
                "",
                None,
                f"the floor's yaml.load spends {t_floor - t_bare:.2f} s in cyclic GC; without it: {t_bare:.2f} s",
            ),
            Row(f"coverage {size}: wall", t_cov, "s", "", None, f"peak RSS {rss_cov:.0f} MB"),
            Row(
                f"coverage {size}: throughput",
                megabytes / t_cov,
                "MB/s",
                ">= 20" if large else "",
                megabytes / t_cov >= 20 if large else None,
                "MB (10^6 bytes) of source text per second of wall",
            ),
        ]
        scans = [
            float(
                subprocess.run(
                    [sys.executable, "-c", SCAN, str(corpus)], capture_output=True, text=True, check=True, cwd=ROOT
                ).stdout
            )
            for _ in range(max(1, repeat))
        ]
        rows.append(
            Row(
                f"coverage {size}: mention scanning throughput",
                megabytes / median(scans),
                "MB/s",
                "",
                None,
                "read_mentions over every source in-process, without loading the catalog",
            )
        )
    if "small" in per_indicator and "large" in per_indicator:
        scaling = per_indicator["large"] / per_indicator["small"]
        rows.append(
            Row(
                "scaling: validate time per entry, large / small",
                scaling,
                "x",
                "<= 1.2",
                scaling <= 1.2,
                "process wall incl. start-up; >1 would mean cost grows faster than linearly",
            )
        )
    shipped = ROOT / "indicators.yaml"
    t_start, rss_start = timed([INDICATORS, "validate", str(shipped)], repeat=max(repeat, 5), cwd=ROOT)
    rows.append(
        Row(
            "CLI start-up: validate the shipped catalog",
            t_start,
            "s",
            "<= 0.5",
            t_start <= 0.5,
            f"peak RSS {rss_start:.0f} MB",
        )
    )
    heavy = heavy_imports(["validate", str(shipped)])
    rows.append(
        Row(
            "CLI imports pandas/plotly/streamlit",
            float(len(heavy)),
            "modules",
            "0",
            not heavy,
            ", ".join(heavy) or "none of " + ", ".join(HEAVY),
        )
    )
    huge = dirs.get("huge")
    if huge is not None:
        t_huge, rss_huge = timed(_validate_cmd(huge), repeat=1)
        rows += [
            Row(
                "validate huge: peak RSS",
                rss_huge,
                "MB",
                "< 2048",
                rss_huge < 2048,
                f"100,000 entries, {source_bytes(huge) / 1e6:.0f} MB of sources; one run",
            ),
            Row("validate huge: wall", t_huge, "s", "completes", True, "one run"),
        ]
    return rows


def main() -> int:  # pragma: no cover - a convenience: python -m benchmarks.bench_cli DIR...
    dirs = {Path(arg).name.split("-")[0]: Path(arg) for arg in sys.argv[1:]}
    for row in measure(dirs, repeat=1):
        print(json.dumps(row.__dict__))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
