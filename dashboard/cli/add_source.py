"""`indicators add-source FILE [--catalog CATALOG] [--id ID] [--publisher …] [--published DATE] [--url …]
[--language TAG]`:
the thin CLI over curation/add_source.py; ends with the new source's coverage lines."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from dashboard.catalog.errors import CatalogUnreadable, ExitCode, Refused
from dashboard.catalog.load import DEFAULT_CATALOG
from dashboard.catalog.problems import problem_line
from dashboard.cli.formats import render_coverage
from dashboard.curation.add_source import add_source
from dashboard.validation.validate import validate_path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the UTF-8 text to add")
    parser.add_argument("--catalog", default=DEFAULT_CATALOG, help="catalog file (default: %(default)s)")
    parser.add_argument("--id", dest="ident", metavar="ID", help="source id (default: from the file name)")
    parser.add_argument("--publisher", help="who published it (default: a TODO)")
    parser.add_argument("--published", metavar="YYYY[-MM[-DD]]", help="date (default: read from the text)")
    parser.add_argument("--url", help="address of the original page")
    parser.add_argument(
        "--language", default="en", metavar="TAG", help="the text's language, a BCP 47 tag: en, es, ru (default: en)"
    )


def run(args: argparse.Namespace) -> ExitCode:
    catalog, file = Path(args.catalog), Path(args.file)
    if not catalog.exists():
        raise CatalogUnreadable(f"{catalog}: no such catalog; give it with --catalog.")
    if not file.exists():
        raise CatalogUnreadable(f"{file}: no such file.")
    try:
        added = add_source(
            catalog,
            file,
            ident=args.ident,
            publisher=args.publisher,
            published=args.published,
            url=args.url,
            language=args.language,
        )
    except Refused as refusal:
        print(f"indicators: not added: {refusal}", file=sys.stderr)
        return refusal.exit_code
    verb = "copied to" if added.copied else "already in"
    print(f"{file}: {verb} {added.file} (sha256 {added.sha256})")
    print(f"{catalog}:{added.line}: registered source `{added.source_id}`")
    if added.published_note:
        print(f"  published: {added.published_note}")
    report = validate_path(catalog)
    mine = [c for c in report.coverage if c.source == added.source_id]
    if mine:
        sys.stdout.write(render_coverage(replace(report, coverage=tuple(mine))))
        print(f"next: fill the entry's TODOs, then `indicators suggest {catalog} {added.source_id} --write`.")
    else:
        for problem in report.problems_for(added.source_id):
            print(problem_line(problem))
        print(
            f"next: fill the entry's TODOs (the source is not read until it validates), then "
            f"`indicators suggest {catalog} {added.source_id} --write`."
        )
    return ExitCode.OK
