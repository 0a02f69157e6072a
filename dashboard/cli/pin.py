"""`indicators pin [CATALOG] [--source ID] [--dry-run]`: record each source's current sha256 in the
catalog, and the quotes' places in its lock, in one step (curation/pin.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.catalog.errors import CatalogUnreadable, ExitCode
from dashboard.catalog.load import DEFAULT_CATALOG
from dashboard.curation.pin import pin_catalog


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG, help="catalog file (default: %(default)s)")
    parser.add_argument("--source", action="append", metavar="ID", help="pin only this source (repeatable)")
    parser.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")


def run(args: argparse.Namespace) -> ExitCode:
    path = Path(args.catalog)
    if not path.exists():
        raise CatalogUnreadable(f"{path}: no such catalog.")
    changes = pin_catalog(path, only=set(args.source) if args.source else None, dry_run=args.dry_run)
    failed = 0
    for change in changes:
        if change.new is None:
            failed += 1
            print(f"{change.source_id}: not pinned — {change.error}", file=sys.stderr)
        elif change.new != change.old:
            verb = "would pin" if args.dry_run else "pinned"
            print(f"{change.source_id}: {verb} {change.new} (was {change.old or 'empty'})")
        else:
            print(f"{change.source_id}: unchanged")
    return ExitCode.PROBLEMS if failed else ExitCode.OK
