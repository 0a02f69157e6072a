"""`indicators` — validate a catalog of figures against its sources, report coverage, pin hashes.

Each command is a module of this package with `configure(parser)` and `run(args) -> ExitCode`; only
the command being run is imported, so `indicators validate` loads no curation code. Exit codes:
0 valid, 1 problems found, 2 the tool could not run (catalog/errors.py).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from dashboard.catalog.errors import ExitCode, IndicatorsError
from dashboard.catalog.safe_yaml import CatalogRefused

COMMANDS = {
    "validate": ("dashboard.cli.validate", "check every figure, date and quote against its source"),
    "coverage": ("dashboard.cli.coverage", "share of numeric and date mentions accounted for"),
    "schema": ("dashboard.cli.schema", "write the catalog's JSON Schema (indicators.schema.json)"),
    "pin": ("dashboard.cli.pin", "record the sha256 of each source's current bytes in the catalog"),
    "suggest": ("dashboard.cli.suggest", "print YAML stubs for mentions no entry covers yet (--write appends them)"),
    "fix": ("dashboard.cli.fix", "apply the repairs the validator can prove (a diff first; --write applies)"),
    "add-source": ("dashboard.cli.add_source", "copy a new text into seeds/ and register it in the catalog"),
}


def parser(wanted: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the command being run (`wanted`) has its module imported."""
    top = argparse.ArgumentParser(prog="indicators", description=(__doc__ or "").split("\n")[0])
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, purpose) in COMMANDS.items():
        command = commands.add_parser(name, help=purpose)
        if name == wanted:
            importlib.import_module(module).configure(command)
    return top


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    args = parser(next((w for w in words if not w.startswith("-")), None)).parse_args(argv)
    try:
        return int(importlib.import_module(COMMANDS[args.command][0]).run(args))
    except CatalogRefused as err:
        print(f"{args.catalog}:{err.pos.line}:{err.pos.column}: error {err.code} {err.message}", file=sys.stderr)
        return err.exit_code
    except IndicatorsError as err:
        print(f"indicators: {err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
