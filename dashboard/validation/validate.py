"""Run every rule over a catalog -> Report (problems, anchors, coverage). No printing, no exit codes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from dashboard.catalog.load import Loaded, load_catalog, paused_gc
from dashboard.catalog.model import Catalog
from dashboard.catalog.problems import ERROR, SEVERITIES, WARNING, Problem
from dashboard.catalog.sources import SourceText, read_sources
from dashboard.text.mentions import Mention
from dashboard.validation.evidence import Anchor, Evidence
from dashboard.validation.rules.claims import check_claims
from dashboard.validation.rules.events import check_event
from dashboard.validation.rules.indicators import check_indicator
from dashboard.validation.rules.structure import check_exclusion, check_hashes, check_ids, check_references

_CONTEXT = 40


@dataclass(frozen=True)
class Uncovered:
    """A mention in a source that no citation, event or exclusion accounts for."""

    mention: Mention
    line: int
    column: int
    context: str


@dataclass(frozen=True)
class SourceCoverage:
    source: str
    file: str
    mentions: int
    covered: int
    uncovered: tuple[Uncovered, ...]

    @property
    def percent(self) -> float:
        return 100.0 if self.mentions == 0 else 100.0 * self.covered / self.mentions


@dataclass(frozen=True)
class Report:
    """The outcome of validating one catalog."""

    catalog_path: Path
    catalog: Catalog | None
    problems: tuple[Problem, ...]
    anchors: dict[tuple[str, int], Anchor] = field(default_factory=dict)
    coverage: tuple[SourceCoverage, ...] = ()
    texts: dict[str, SourceText] = field(default_factory=dict)

    @cached_property  # the dashboard asks on every rerun; a large catalog has tens of thousands of problems
    def counts(self) -> dict[str, int]:
        found = Counter(p.severity for p in self.problems)
        return {severity: found.get(severity, 0) for severity in SEVERITIES}

    def ok(self, *, strict: bool = False) -> bool:
        bad = (ERROR, WARNING) if strict else (ERROR,)
        return not any(p.severity in bad for p in self.problems)

    @property
    def total_coverage(self) -> tuple[int, int]:
        return sum(c.covered for c in self.coverage), sum(c.mentions for c in self.coverage)

    def problems_for(self, record_id: str) -> list[Problem]:
        return [p for p in self.problems if p.id == record_id]


def validate_path(path: Path) -> Report:
    """Load and validate a catalog file. Raises CatalogUnreadable when the file cannot be read."""
    with paused_gc():
        return validate_loaded(load_catalog(path), path=path)


def validate_loaded(loaded: Loaded, *, path: Path) -> Report:
    with paused_gc():
        return _validate_loaded(loaded, path=path)


def _validate_loaded(loaded: Loaded, *, path: Path) -> Report:
    if loaded.catalog is None:
        return Report(path, None, loaded.problems)
    catalog = loaded.catalog
    texts, source_problems = read_sources(catalog)
    evidence = Evidence(catalog, texts)
    problems = [*loaded.problems, *source_problems]
    problems += check_ids(evidence)
    problems += check_references(evidence)
    problems += check_hashes(evidence)
    for indicator in catalog.indicators:
        problems += check_indicator(evidence, indicator)
    problems += check_claims(evidence)
    for event in catalog.events:
        problems += check_event(evidence, event)
    for number, exclusion in enumerate(catalog.exclusions):
        problems += check_exclusion(evidence, number=number, exclusion=exclusion)
    coverage = tuple(_coverage(evidence, text) for text in texts.values())
    for found in coverage:
        if found.uncovered:
            file = str(path.parent / found.file)
            problems += [_uncovered_problem(file, u) for u in found.uncovered]
    ordered = sorted(problems, key=lambda p: (p.file != str(path), p.file, p.line, p.column, p.code))
    return Report(path, catalog, tuple(ordered), evidence.anchors, coverage, texts)


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
