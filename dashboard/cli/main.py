"""`indicators` — validate a catalog of figures against its sources, report coverage, pin hashes.

Exit codes: 0 valid, 1 problems found, 2 the tool could not run (missing catalog, bad arguments).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from dashboard.catalog.atomic import WriteFailed
from dashboard.catalog.jsonschema import SCHEMA_FILE, schema_text
from dashboard.catalog.load import CatalogUnreadable
from dashboard.catalog.safe_yaml import Refused as CatalogRefused
from dashboard.cli.formats import RENDERERS, render_coverage, render_json, summary
from dashboard.validation.validate import Report, validate_path

DEFAULT_CATALOG = "indicators.yaml"
OK, PROBLEMS, CANNOT_RUN = 0, 1, 2
# Commands that edit the catalog; each module has configure(parser) and run(args) -> exit code.
CURATION_COMMANDS = {
    "suggest": ("dashboard.cli.suggest", "print YAML stubs for mentions no entry covers yet (--write appends them)"),
    "fix": ("dashboard.cli.fix", "apply the repairs the validator can prove (a diff first; --write applies)"),
    "add-source": ("dashboard.curation.add_source", "copy a new text into seeds/ and register it in the catalog"),
}


def _parser(wanted: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the curation command being run (`wanted`) has its module imported."""
    parser = argparse.ArgumentParser(prog="indicators", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every figure, date and quote against its source")
    validate.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG, help="catalog file (default: %(default)s)")
    validate.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format")
    validate.add_argument("--strict", action="store_true", help="warnings fail too")

    coverage = commands.add_parser("coverage", help="share of numeric and date mentions accounted for")
    coverage.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    coverage.add_argument("--format", choices=("text", "json"), default="text")
    coverage.add_argument(
        "--fail-under",
        type=float,
        default=100.0,
        metavar="PERCENT",
        help="exit 1 when total coverage is below this (default: %(default)s)",
    )

    schema = commands.add_parser("schema", help=f"write the catalog's JSON Schema ({SCHEMA_FILE})")
    schema.add_argument("--output", default=SCHEMA_FILE, help="file to write, or - for stdout")

    pin = commands.add_parser("pin", help="record the sha256 of each source's current bytes in the catalog")
    pin.add_argument("catalog", nargs="?", default=DEFAULT_CATALOG)
    pin.add_argument("--source", action="append", metavar="ID", help="pin only this source (repeatable)")
    pin.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")

    for name, (module, purpose) in CURATION_COMMANDS.items():
        command = commands.add_parser(name, help=purpose)
        if name == wanted:
            importlib.import_module(module).configure(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    args = _parser(next((w for w in words if not w.startswith("-")), None)).parse_args(argv)
    try:
        if args.command == "schema":
            return _schema(args.output)
        if args.command == "pin":
            return _pin(args)
        if args.command in CURATION_COMMANDS:
            return int(importlib.import_module(CURATION_COMMANDS[args.command][0]).run(args))
        return _check(args)
    except CatalogUnreadable as err:
        print(f"indicators: {err}", file=sys.stderr)
        return CANNOT_RUN
    except CatalogRefused as err:
        print(f"{args.catalog}:{err.pos.line}:{err.pos.column}: error {err.code} {err.message}", file=sys.stderr)
        return PROBLEMS
    except WriteFailed as err:
        print(f"indicators: {err}", file=sys.stderr)
        return CANNOT_RUN
    except BrokenPipeError:
        return OK


def _check(args: argparse.Namespace) -> int:
    path = Path(args.catalog)
    if not path.exists():
        raise CatalogUnreadable(
            f"{path}: no such catalog; give the path of a catalog YAML file "
            f"(default {DEFAULT_CATALOG} in the current directory)."
        )
    report = validate_path(path)
    if args.command == "validate":
        sys.stdout.write(RENDERERS[args.format](report, strict=args.strict))
        return OK if report.ok(strict=args.strict) else PROBLEMS
    return _coverage(report, fmt=args.format, fail_under=args.fail_under)


def _coverage(report: Report, *, fmt: str, fail_under: float) -> int:
    covered, total = report.total_coverage
    percent = 100.0 * covered / total if total else 100.0
    if report.catalog is None:
        sys.stdout.write(summary(report, strict=False) + "\n")
        return PROBLEMS
    sys.stdout.write(render_json(report) if fmt == "json" else render_coverage(report))
    return OK if percent >= fail_under else PROBLEMS


def _schema(output: str) -> int:
    if output == "-":
        sys.stdout.write(schema_text())
    else:
        Path(output).write_text(schema_text(), encoding="utf-8")
        print(f"wrote {output}")
    return OK


def _pin(args: argparse.Namespace) -> int:
    from dashboard.curation.pin import pin_catalog

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
    return PROBLEMS if failed else OK


if __name__ == "__main__":
    sys.exit(main())
