"""`indicators schema [--output FILE]`: write the catalog's JSON Schema for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.catalog.errors import ExitCode
from dashboard.catalog.jsonschema import SCHEMA_FILE, schema_text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", default=SCHEMA_FILE, help="file to write, or - for stdout")


def run(args: argparse.Namespace) -> ExitCode:
    if args.output == "-":
        sys.stdout.write(schema_text())
    else:
        Path(args.output).write_text(schema_text(), encoding="utf-8")
        print(f"wrote {args.output}")
    return ExitCode.OK
