"""The outcome of validating one catalog: its problems, where each quote sits, and coverage."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from dashboard.catalog.model import Catalog
from dashboard.catalog.problems import ERROR, SEVERITIES, WARNING, Problem, Severity
from dashboard.catalog.sources import SourceText
from dashboard.text.mentions import Mention
from dashboard.validation.evidence import Anchor


def coverage_percent(covered: int, mentions: int) -> float:
    """The share of mentions accounted for; a source without mentions is fully covered."""
    return 100.0 if mentions == 0 else 100.0 * covered / mentions


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
        return coverage_percent(self.covered, self.mentions)


@dataclass(frozen=True)
class Report:
    """The outcome of validating one catalog."""

    catalog_path: Path
    catalog: Catalog | None
    problems: tuple[Problem, ...]
    anchors: dict[tuple[str, int], Anchor] = field(default_factory=dict)
    coverage: tuple[SourceCoverage, ...] = ()
    texts: dict[str, SourceText] = field(default_factory=dict)
    catalog_text: str = ""
    """The catalog file's text as the loader read it (bounded, once), for tools that edit or quote it."""

    @cached_property  # the dashboard asks on every rerun; a large catalog has tens of thousands of problems
    def counts(self) -> dict[Severity, int]:
        found = Counter(p.severity for p in self.problems)
        return {severity: found.get(severity, 0) for severity in SEVERITIES}

    def ok(self, *, strict: bool = False) -> bool:
        bad = (ERROR, WARNING) if strict else (ERROR,)
        return not any(p.severity in bad for p in self.problems)

    @property
    def total_coverage(self) -> tuple[int, int]:
        return sum(c.covered for c in self.coverage), sum(c.mentions for c in self.coverage)

    @property
    def coverage_percent(self) -> float:
        return coverage_percent(*self.total_coverage)

    def problems_for(self, record_id: str) -> list[Problem]:
        return [p for p in self.problems if p.id == record_id]
