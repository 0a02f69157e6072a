"""`indicators suggest [CATALOG] [SOURCE …] [--write] [--format text|json]`: print (or append) a YAML
stub for every numeric or date mention that no indicator, event or exclusion covers yet."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dashboard.catalog.atomic import exclusive
from dashboard.catalog.errors import CatalogUnreadable, ExitCode
from dashboard.catalog.load import DEFAULT_CATALOG
from dashboard.catalog.problems import problem_line
from dashboard.catalog.yamlmap import map_catalog
from dashboard.curation.stubs import render_stubs, write_stubs
from dashboard.curation.suggest import SECTIONS, Stub, suggest
from dashboard.validation.validate import validate_path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.usage = "indicators suggest [CATALOG] [SOURCE …] [--source ID] [--write] [--format text|json]"
    parser.add_argument(
        "targets",
        nargs="*",
        metavar="CATALOG SOURCE",
        help=f"catalog file (default: {DEFAULT_CATALOG}), then source ids to limit the stubs to",
    )
    parser.add_argument("--source", action="append", default=[], metavar="ID", help="only this source (repeatable)")
    parser.add_argument("--write", action="store_true", help="append the stubs to the catalog (atomically)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(catalog=DEFAULT_CATALOG)


def split_targets(targets: list[str]) -> tuple[str, list[str]]:
    """The catalog (a first target naming a YAML file or an existing file) and the source ids."""
    if targets and (targets[0].endswith((".yaml", ".yml")) or Path(targets[0]).is_file()):
        return targets[0], targets[1:]
    return DEFAULT_CATALOG, targets


def run(args: argparse.Namespace) -> ExitCode:
    catalog, wanted = split_targets(list(args.targets))
    args.catalog = catalog
    wanted += args.source
    path = Path(catalog)
    if not path.exists():
        raise CatalogUnreadable(f"{path}: no such catalog; give the path of a catalog YAML file.")
    if not args.write:
        return _suggest(args, path, wanted)
    with exclusive(path):  # from the reading to the write, so a concurrent writer's change is not lost
        return _suggest(args, path, wanted)


def _suggest(args: argparse.Namespace, path: Path, wanted: list[str]) -> ExitCode:
    report = validate_path(path)
    if report.catalog is None:
        for problem in report.problems:
            print(problem_line(problem), file=sys.stderr)
        return ExitCode.PROBLEMS
    declared = [s.id for s in report.catalog.sources]
    unknown = [ident for ident in wanted if ident not in declared]
    if unknown:
        print(
            f"indicators: no source {', '.join(unknown)} in {path} (declared: {', '.join(declared) or 'none'}).",
            file=sys.stderr,
        )
        return ExitCode.CANNOT_RUN
    stubs = suggest(report, sources=set(wanted) or None)
    if args.write and stubs:
        _old, new = write_stubs(path, stubs)
        return _written(path, stubs, new, fmt=args.format)
    if args.format == "json":
        print(json.dumps({"catalog": str(path), "written": False, "stubs": [_as_json(s) for s in stubs]}, indent=2))
    elif stubs:
        sys.stdout.write(render_stubs(stubs, indent=_indent(report.catalog_text)))
        print(f"# {_counts(stubs)}; fill each TODO, then run `indicators validate`.", file=sys.stderr)
    else:
        print("nothing to suggest: every numeric and date mention is covered.", file=sys.stderr)
    return ExitCode.OK


def _indent(catalog_text: str) -> int:
    spans = map_catalog(catalog_text)
    items = next((spans.items(s) for s in SECTIONS if spans.items(s)), [])
    return spans.values[items[0]].column - 3 if items else 2


def _counts(stubs: list[Stub]) -> str:
    return ", ".join(f"{sum(s.section == section for s in stubs)} {section}" for section in SECTIONS)


def _written(path: Path, stubs: list[Stub], new: str, *, fmt: str) -> ExitCode:
    spans = map_catalog(new)
    lines: dict[int, int] = {}
    for section in SECTIONS:
        mine = [i for i, s in enumerate(stubs) if s.section == section]
        entries = spans.items(section)[-len(mine) :] if mine else []
        lines.update({index: spans.values[entry].line for index, entry in zip(mine, entries, strict=True)})
    if fmt == "json":
        found = [{**_as_json(s), "catalog_line": lines[i]} for i, s in enumerate(stubs)]
        print(json.dumps({"catalog": str(path), "written": True, "stubs": found}, indent=2))
        return ExitCode.OK
    print(f"{path}: appended {_counts(stubs)}; fill each TODO, then run `indicators validate`.")
    for index, stub in enumerate(stubs):
        label = stub.id or f"exclusion of {stub.mention.text!r}"
        print(f"  {path}:{lines[index]}: {stub.section[:-1]} {label} ({stub.source} line {stub.line})")
    return ExitCode.OK


def _as_json(stub: Stub) -> dict[str, Any]:
    mention = stub.mention
    return {
        "section": stub.section,
        "id": stub.id,
        "source": stub.source,
        "line": stub.line,
        "column": stub.column,
        "mention": {"text": mention.text, "kind": mention.kind, "value": _text(mention.value)},
        "yaml": stub.render(),
    }


def _text(value: object) -> str | None:
    return None if value is None else str(value)
