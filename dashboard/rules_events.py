"""Does an event's quote hold a date expression consistent with its `date`?

Dates without a year ("May 7") take it from the source's `published`; relative ones ("last
November", "last year") count back from it. An event date may be coarser than the text, never finer.
"""

from __future__ import annotations

from collections.abc import Iterator

from dashboard.evidence import Evidence, citation_pos
from dashboard.figures import DateExpr, Mention
from dashboard.model import Event
from dashboard.periods import date_parts
from dashboard.problems import Problem
from dashboard.rules import anchor_citation

DATE_KINDS = ("date", "year", "decade")  # a decade supports no ISO date: any year would be finer


def resolve_date(expr: DateExpr, *, published: str) -> list[tuple[int, ...]]:
    """The dates an expression can mean for a text published on `published`, most precise first."""
    pub = date_parts(published)
    year, month = pub[0], pub[1] if len(pub) > 1 else None
    if expr.year is not None:
        years = [expr.year]
    elif expr.relative == "last" and expr.relative_unit == "year":
        return [(year - 1,)]
    elif expr.relative == "next" and expr.relative_unit == "year":
        return [(year + 1,)]
    elif expr.relative == "this" and expr.relative_unit == "year":
        return [(year,)]
    elif expr.relative_unit == "month":
        if month is None:
            return [(year,), (year - 1,)]
        shift = {"last": -1, "next": 1}.get(expr.relative or "", 0)
        index = year * 12 + month - 1 + shift
        return [(index // 12, index % 12 + 1)]
    elif expr.month is None:
        return []
    elif expr.relative == "last":
        years = [year if month is not None and expr.month < month else year - 1]
        if month is None:
            years.append(year)
    elif expr.relative == "next":
        years = [year if month is not None and expr.month > month else year + 1]
    else:
        years = [year] + ([year - 1] if month is None or expr.month > month else [])
    parts: list[int] = []
    for part in (expr.month, expr.day):
        if part is None:
            break
        parts.append(part)
    return [(y, *parts) for y in years]


def consistent(mention: Mention, event_date: tuple[int, ...], *, published: str) -> bool:
    if mention.kind == "year" and mention.value is not None:
        return event_date == (int(mention.value),)
    if mention.kind == "date" and mention.date is not None:
        return any(
            len(event_date) <= len(c) and c[: len(event_date)] == event_date
            for c in resolve_date(mention.date, published=published)
        )
    return False


def check_event(evidence: Evidence, event: Event) -> Iterator[Problem]:
    wanted = date_parts(event.date)
    for index, citation in enumerate(event.citations):
        yield from anchor_citation(evidence, owner=event.id, index=index, citation=citation)
        anchor = evidence.anchors.get((event.id, index))
        source = evidence.catalog.source(citation.source)
        if anchor is None or source is None:
            continue
        dated = [m for m in evidence.mentions_in(anchor.source, anchor.start, anchor.end) if m.kind in DATE_KINDS]
        matching = [m for m in dated if consistent(m, wanted, published=source.published)]
        for mention in matching:
            evidence.cover(anchor.source, mention)
        if matching:
            continue
        listed = ", ".join(repr(m.text) for m in dated) or "none"
        yield evidence.problem(
            "date-not-in-quote",
            f"citation {index + 1}: no date in the quote is consistent with `date: {event.date}` (dates there: "
            f"{listed}; a date without a year is read against `published: {source.published}`); "
            "fix the date, keep it no finer than the text, or quote the sentence that dates the event.",
            pos=citation_pos(citation),
            id=event.id,
            citation=index,
        )
