"""Run every benchmark and print one markdown table: python -m benchmarks.run [--sizes small,large] [--repeat 5]
[--huge] [--write].

The corpora are generated (deterministically, seed 0) into benchmarks/data/ (git-ignored) or --data.
Each figure is the median of --repeat runs measured in this one run; `--write` also rewrites the
results section of BENCHMARKS.md with the table.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import os
import platform
import re
import sys
import time
from importlib import metadata
from pathlib import Path

from benchmarks.common import ROOT, Row
from benchmarks.generate import SIZES, generate

DATA = ROOT / "benchmarks" / "data"
BENCHMARKS_MD = ROOT / "BENCHMARKS.md"
BEGIN, END = "<!-- results: begin -->", "<!-- results: end -->"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = found[1].strip() if found else cpu
    except OSError:
        pass
    memory = ""
    try:
        found = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        memory = f"{int(found[1]) / 1024**2:.1f} GiB RAM" if found else ""
    except OSError:
        pass
    versions = []
    for package in ("pyyaml", "rapidfuzz", "streamlit", "plotly", "pandas"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{package} {metadata.version(package)}")
    return (
        f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {memory}, {cpu}; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; {', '.join(versions)}"
    )


def corpora(sizes: list[str], *, data: Path, seed: int = 0) -> dict[str, Path]:
    dirs = {}
    for size in sizes:
        total, documents = SIZES[size]
        out = data / f"{size}-seed{seed}"
        generate(out, documents=documents, indicators=total, seed=seed)
        dirs[size] = out
    return dirs


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if value < 1 else f"{value:.2f}"


def table(rows: list[Row], *, command: str, repeat: int) -> str:
    lines = [
        f"Command: `{command}` — medians of {repeat} runs, {time.strftime('%Y-%m-%d')}",
        "",
        f"Machine: {machine()}",
        "",
        "| measure | value | target | met | note |",
        "|---|---:|---|:---:|---|",
    ]
    for row in rows:
        met = "—" if row.ok is None else ("yes" if row.ok else "**no**")
        lines.append(f"| {row.name} | {_fmt(row.value)} {row.unit} | {row.target} | {met} | {row.note} |")
    return "\n".join(lines) + "\n"


def measure_all(dirs: dict[str, Path], *, repeat: int, app: bool = True) -> list[Row]:
    from benchmarks import bench_cli

    rows = bench_cli.measure(dirs, repeat=repeat)
    if not app:
        return rows
    if importlib.util.find_spec("benchmarks.bench_app") is None:
        return [*rows, Row("dashboard", 0.0, "", "", None, "not measured: benchmarks/bench_app.py is missing")]
    try:
        bench_app = importlib.import_module("benchmarks.bench_app")
        rows += bench_app.measure({k: v for k, v in dirs.items() if k != "huge"}, repeat=repeat)
    except Exception as err:  # the CLI figures still print when the app cannot be measured here
        rows.append(Row("dashboard", 0.0, "", "", None, f"not measured: {type(err).__name__}: {err}"))
    return rows


def write(text: str, path: Path = BENCHMARKS_MD) -> None:
    current = path.read_text(encoding="utf-8")
    if BEGIN not in current or END not in current:
        raise SystemExit(f"{path} has no {BEGIN} ... {END} section to replace")
    head, rest = current.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{text}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="small,large", help="comma-separated: small,large")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--huge", action="store_true", help="also generate and validate the huge size (peak RSS)")
    parser.add_argument("--no-app", action="store_true", help="measure the CLI only")
    parser.add_argument("--data", type=Path, default=DATA, help="where the corpora are generated")
    parser.add_argument("--write", action="store_true", help="rewrite the results section of BENCHMARKS.md")
    args = parser.parse_args(argv)
    sizes = [s for s in args.sizes.split(",") if s]
    if args.huge and "huge" not in sizes:
        sizes.append("huge")
    dirs = corpora(sizes, data=args.data)
    rows = measure_all(dirs, repeat=args.repeat, app=not args.no_app)
    command = "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    text = table(rows, command=command.strip(), repeat=args.repeat)
    sys.stdout.write(text)
    if args.write:
        write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
