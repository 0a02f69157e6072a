"""What a reader sees of the catalog: each figure and event with its display text, verification
status and located citations, derived from one validation Report (pure; no Streamlit)."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.catalog.model import Citation, Event, Indicator, Source
from dashboard.catalog.problems import INFO, Problem
from dashboard.present.caveats import Caveat, figure_caveats, source_caveats
from dashboard.present.wording import date_words
from dashboard.text.mentions import format_value
from dashboard.text.units import parse_unit
from dashboard.validation.report import Report

WORDED_KINDS = ("percent", "multiplier", "ordinal")
"""Kinds whose words say more than the number: "two-thirds", "one in five", "tripled", "third-largest"."""


@dataclass(frozen=True)
class CitationView:
    """One citation, placed in its source."""

    owner: str
    """The indicator or event id."""
    index: int
    source: Source
    citation: Citation
    start: int | None
    """Offset of the quote in the source text; None when it could not be located."""
    end: int | None
    figure_start: int | None
    """Offset of the number that carries the value (indicators only)."""
    figure_end: int | None
    verified: bool
    """True when the validator raised nothing against this citation."""

    @property
    def quote(self) -> str:
        return self.citation.quote


@dataclass(frozen=True)
class FigureView:
    indicator: Indicator
    display: str
    """Value with qualifier and unit in words: "more than 8 million people", "between 2 and 3 million
    people"; a figure the text gives in words keeps them: "two-thirds (66.7%)", "tripled (3 times)"."""
    verified: bool
    problems: tuple[Problem, ...]
    citations: tuple[CitationView, ...]
    caveats: tuple[Caveat, ...] = ()
    """What a reader must know before quoting it: hedged, a range, attributed, date inferred, derived."""


@dataclass(frozen=True)
class EventView:
    event: Event
    verified: bool
    problems: tuple[Problem, ...]
    citations: tuple[CitationView, ...]
    caveats: tuple[Caveat, ...] = ()
    """A source whose date is deduced (the event's date may rest on it)."""


def _problems_by_id(report: Report) -> dict[str, tuple[Problem, ...]]:
    found: dict[str, list[Problem]] = {}
    for problem in report.problems:
        if problem.id is not None and problem.severity != INFO:
            found.setdefault(problem.id, []).append(problem)
    return {key: tuple(value) for key, value in found.items()}


def _citations(report: Report, record: Indicator | Event, problems: tuple[Problem, ...]) -> tuple[CitationView, ...]:
    assert report.catalog is not None
    views = []
    for index, citation in enumerate(record.citations):
        source = report.catalog.source(citation.source)
        if source is None:
            continue
        anchor = report.anchors.get((record.id, index))
        bad = any(p.citation == index or p.citation is None for p in problems)
        views.append(
            CitationView(
                owner=record.id,
                index=index,
                source=source,
                citation=citation,
                start=anchor.start if anchor else None,
                end=anchor.end if anchor else None,
                figure_start=anchor.figure_start if anchor else None,
                figure_end=anchor.figure_end if anchor else None,
                verified=anchor is not None and not bad,
            )
        )
    return tuple(views)


def figure_views(report: Report) -> dict[str, FigureView]:
    """Every loaded indicator by id, in catalog order."""
    if report.catalog is None:
        return {}
    problems = _problems_by_id(report)
    views = {}
    for indicator in report.catalog.indicators:
        own = problems.get(indicator.id, ())
        citations = _citations(report, indicator, own)
        display = format_value(indicator.value, unit=indicator.unit, qualifier=indicator.qualifier, high=indicator.high)
        words = _stated_in_words(report, citations) if parse_unit(indicator.unit).kind in WORDED_KINDS else None
        if words and words.casefold() not in display.casefold():
            display = f"{words} ({display})"
        caveats = figure_caveats(indicator, ((c.citation, c.source) for c in citations))
        views[indicator.id] = FigureView(indicator, display, not own, own, citations, caveats)
    return views


def _stated_in_words(report: Report, citations: tuple[CitationView, ...]) -> str | None:
    """How the text words a figure it gives without digits ("two-thirds", "tripled", "third-largest"), so
    that a reader sees the source's words beside the number they stand for."""
    for view in citations:
        if view.verified and view.figure_start is not None and view.figure_end is not None:
            text = report.texts.get(view.source.id)
            stated = text.text[view.figure_start : view.figure_end] if text else ""
            if stated and not any(c.isdigit() for c in stated):
                return stated
    return None


def event_views(report: Report) -> dict[str, EventView]:
    """Every loaded event by id, in date order."""
    if report.catalog is None:
        return {}
    problems = _problems_by_id(report)
    ordered = sorted(report.catalog.events, key=lambda e: e.date)
    views = {}
    for event in ordered:
        own = problems.get(event.id, ())
        citations = _citations(report, event, own)
        views[event.id] = EventView(event, not own, own, citations, source_caveats(c.source for c in citations))
    return views


def headline_ids(report: Report) -> list[str]:
    """Indicators marked `headline: true`, in catalog order."""
    if report.catalog is None:
        return []
    return [i.id for i in report.catalog.indicators if i.headline]


def series_of(report: Report) -> dict[str, list[FigureView]]:
    """Series id -> its figures, in catalog order; figures without a series are left out."""
    groups: dict[str, list[FigureView]] = {}
    for view in figure_views(report).values():
        if view.indicator.series:
            groups.setdefault(view.indicator.series, []).append(view)
    return groups


def series_title(series_id: str) -> str:
    """`displaced-population` -> `Displaced population`."""
    return series_id.replace("-", " ").capitalize()


def source_label(source: Source) -> str:
    """`Title (Publisher, 12 May 2025)`; a deduced date says so: `(Publisher, May 2025, date inferred)`."""
    inferred = ", date inferred" if source.published_inferred else ""
    return f"{source.title} ({source.publisher}, {date_words(source.published)}{inferred})"
