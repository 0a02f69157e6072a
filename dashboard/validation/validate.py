"""Run every rule over a catalog -> Report (problems, anchors, coverage). No printing, no exit codes."""

from __future__ import annotations

from pathlib import Path

from dashboard.catalog.load import Loaded, load_catalog, paused_gc
from dashboard.catalog.lock import read_lock
from dashboard.catalog.problems import Problem
from dashboard.catalog.sources import SourceText, read_sources
from dashboard.validation.evidence import Evidence
from dashboard.validation.report import Report, SourceCoverage, Uncovered
from dashboard.validation.rules.attribution import check_attributions
from dashboard.validation.rules.claims import check_claims
from dashboard.validation.rules.events import check_event
from dashboard.validation.rules.indicators import check_indicator
from dashboard.validation.rules.relations import check_relations
from dashboard.validation.rules.structure import (
    check_exclusion,
    check_hashes,
    check_ids,
    check_languages,
    check_references,
)

_CONTEXT = 40


def validate_path(path: Path) -> Report:
    """Load and validate a catalog file. Raises CatalogUnreadable when the file cannot be read."""
    with paused_gc():
        return validate_loaded(load_catalog(path), path=path)


def validate_loaded(loaded: Loaded, *, path: Path) -> Report:
    with paused_gc():
        return _validate_loaded(loaded, path=path)


def _validate_loaded(loaded: Loaded, *, path: Path) -> Report:
    if loaded.catalog is None:
        return Report(path, None, loaded.problems, catalog_text=loaded.text)
    catalog = loaded.catalog
    texts, source_problems = read_sources(catalog)
    evidence = Evidence(catalog, texts, read_lock(catalog.path))
    problems = [*loaded.problems, *source_problems]
    problems += check_ids(evidence)
    problems += check_references(evidence)
    problems += check_languages(evidence)
    problems += check_hashes(evidence)
    for indicator in catalog.indicators:
        problems += check_indicator(evidence, indicator)
    problems += check_claims(evidence)
    for event in catalog.events:
        problems += check_event(evidence, event)
    for number, exclusion in enumerate(catalog.exclusions):
        problems += check_exclusion(evidence, number=number, exclusion=exclusion)
    problems += check_attributions(evidence)
    problems += check_relations(evidence, problems)
    coverage = tuple(_coverage(evidence, text) for text in texts.values())
    for found in coverage:
        if found.uncovered:
            file = str(path.parent / found.file)
            problems += [_uncovered_problem(file, u) for u in found.uncovered]
    ordered = sorted(problems, key=lambda p: (p.file != str(path), p.file, p.line, p.column, p.code))
    return Report(path, catalog, tuple(ordered), evidence.anchors, coverage, texts, loaded.text)


def _coverage(evidence: Evidence, text: SourceText) -> SourceCoverage:
    source_id = text.source.id
    mentions = evidence.mentions(source_id)
    covered = evidence.covered.get(source_id, set())
    missing = []
    for mention in mentions:
        if mention.start in covered:
            continue
        line, column = text.line_col(mention.start)
        context = text.text[max(0, mention.start - _CONTEXT) : mention.end + _CONTEXT]
        missing.append(Uncovered(mention, line, column, " ".join(context.split())))
    return SourceCoverage(source_id, text.source.file, len(mentions), len(mentions) - len(missing), tuple(missing))


def _uncovered_problem(file: str, uncovered: Uncovered) -> Problem:
    mention = uncovered.mention
    return Problem(
        "uncovered-figure",
        f"{mention.text!r} ({mention.kind}) is cited nowhere and not excluded: …{uncovered.context}…; add an "
        "indicator, an event or an exclusion with a reason.",
        file,
        uncovered.line,
        uncovered.column,
    )
