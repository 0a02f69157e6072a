"""`indicators coverage [CATALOG] [--format text|json] [--fail-under PERCENT]`: per-source share of
numeric and date mentions accounted for, and each uncovered one with its line and context."""

from __future__ import annotations

import argparse
import sys

from dashboard.catalog.errors import ExitCode
from dashboard.catalog.load import DEFAULT_CATALOG
from dashboard.cli.formats import render_coverage, render_json, summary
from dashboard.cli.validate import validated


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG, help="catalog file (default: %(default)s)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--fail-under",
        type=float,
        default=100.0,
        metavar="PERCENT",
        help="exit 1 when total coverage is below this (default: %(default)s)",
    )


def run(args: argparse.Namespace) -> ExitCode:
    report = validated(args.catalog)
    if report.catalog is None:
        sys.stdout.write(summary(report, strict=False) + "\n")
        return ExitCode.PROBLEMS
    sys.stdout.write(render_json(report) if args.format == "json" else render_coverage(report))
    return ExitCode.OK if report.coverage_percent >= args.fail_under else ExitCode.PROBLEMS
