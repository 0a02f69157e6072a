"""`indicators validate [CATALOG] [--format text|json|github] [--strict]`: every problem, then a summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.catalog.errors import CatalogUnreadable, ExitCode
from dashboard.catalog.load import DEFAULT_CATALOG
from dashboard.cli.formats import RENDERERS
from dashboard.validation.report import Report
from dashboard.validation.validate import validate_path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG, help="catalog file (default: %(default)s)")
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")


def validated(catalog: str) -> Report:
    """The report of the catalog file at `catalog`; CatalogUnreadable when there is none."""
    path = Path(catalog)
    if not path.exists():
        raise CatalogUnreadable(
            f"{path}: no such catalog; give the path of a catalog YAML file "
            f"(default {DEFAULT_CATALOG} in the current directory)."
        )
    return validate_path(path)


def run(args: argparse.Namespace) -> ExitCode:
    report = validated(args.catalog)
    sys.stdout.write(RENDERERS[args.format](report, strict=args.strict))
    return ExitCode.OK if report.ok(strict=args.strict) else ExitCode.PROBLEMS
