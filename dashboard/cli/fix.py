"""`indicators fix [CATALOG] [--write] [--accept-source-changes]`: the thin CLI over curation/fix.py.

Without --write it prints the unified diff of the repairs (stdout) and what each does (stderr), and
exits 1 when there is something to fix, 0 when there is nothing. With --write it applies them in one
atomic write, refreshes the lock (`indicators.lock.json`), prints a summary and exits 0 — or 1 when a
repair had to be refused because the fixed catalog would not have validated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from dashboard.catalog.atomic import WriteFailed, exclusive, write_together
from dashboard.catalog.edit import diff
from dashboard.catalog.errors import ExitCode
from dashboard.catalog.load import DEFAULT_CATALOG, read_catalog_text
from dashboard.curation.fix import Repair, Verified, plan_fixes, verify
from dashboard.validation.drift import lock_write
from dashboard.validation.validate import validate_path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG, help="catalog file (default: %(default)s)")
    parser.add_argument("--write", action="store_true", help="apply the repairs (default: show the diff only)")
    parser.add_argument(
        "--accept-source-changes",
        action="store_true",
        help="also pin the sha256 of sources whose bytes changed (read the drift report first)",
    )


def run(args: argparse.Namespace) -> ExitCode:
    path = Path(args.catalog)
    if not path.exists():
        print(f"indicators: {path}: no such catalog; give the path of a catalog YAML file.", file=sys.stderr)
        return ExitCode.CANNOT_RUN
    if not args.write:
        return _fix(args, path)
    with exclusive(path):  # from the reading to the write, so a concurrent writer's change is not lost
        return _fix(args, path)


def _fix(args: argparse.Namespace, path: Path) -> ExitCode:
    text = read_catalog_text(path)
    report = validate_path(path)
    if report.catalog is None:
        print(f"{path}: the catalog could not be read; fix it first (`indicators validate`).", file=sys.stderr)
        return ExitCode.PROBLEMS
    repairs = plan_fixes(report, text)
    held = [r for r in repairs if r.needs_accept and not args.accept_source_changes]
    outcome = verify(report, text, [r for r in repairs if r not in held])
    notes = [f"held back: {_first(r)} (pass --accept-source-changes once its drift report looks right)" for r in held]
    notes += [f"refused: {_first(r)} — {why}" for r, why in outcome.refused]
    if not outcome.kept:
        _say([*notes, f"{path}: nothing to fix."], out=sys.stderr if notes else sys.stdout)
        return ExitCode.PROBLEMS if outcome.refused else ExitCode.OK
    if not args.write:
        sys.stdout.write(diff(text, outcome.text, name=path.name))
        _say([*(f"would fix: {r.description}" for r in outcome.kept), *notes, _tally(outcome, verb="would fix")])
        print("run with --write to apply.", file=sys.stderr)
        return ExitCode.PROBLEMS
    if read_catalog_text(path) != text:
        print(f"{path}: changed while fix was running; nothing written, run it again.", file=sys.stderr)
        return ExitCode.PROBLEMS
    lock = lock_write(outcome.report)
    try:
        write_together([(path, outcome.text), *([lock] if lock else [])], backup=path)
    except WriteFailed as err:
        print(f"indicators: {err}", file=sys.stderr)
        return ExitCode.CANNOT_RUN
    _say([f"fixed: {r.description}" for r in outcome.kept], out=sys.stdout)
    _say(notes)
    print(_tally(outcome, verb="fixed"))
    return ExitCode.PROBLEMS if outcome.refused else ExitCode.OK


def _first(repair: Repair) -> str:
    return repair.description.splitlines()[0]


def _tally(outcome: Verified, *, verb: str) -> str:
    counts = outcome.report.counts
    left = f"{counts['error']} errors, {counts['warning']} warnings left"
    return f"{outcome.report.catalog_path}: {verb} {len(outcome.kept)} problem(s); {left}"


def _say(lines: list[str], *, out: TextIO | None = None) -> None:
    for line in lines:
        print(line, file=sys.stderr if out is None else out)
