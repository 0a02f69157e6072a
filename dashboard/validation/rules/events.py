"""Does an event's quote hold a date expression consistent with its `date`?

Dates without a year ("May 7") take it from the source's `published`; relative ones ("last
November", "last year") count back from it. An event date may be coarser than the text, never finer.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from dashboard.catalog.model import Event
from dashboard.catalog.problems import Problem
from dashboard.text.mentions import DateExpr, Mention
from dashboard.text.periods import date_parts
from dashboard.validation.evidence import Evidence, citation_pos
from dashboard.validation.rules.structure import anchor_citation

DATE_KINDS = ("date", "year", "decade")  # a decade supports no ISO date: any year would be finer


def resolve_date(
    expr: DateExpr, *, published: str, quote_years: tuple[int, ...] = ()
) -> list[tuple[int, ...]]:
    """The dates an expression can mean for a text published on `published`, most precise first.

    A day or month without a year ("10 August") may also take a year the same quote states
    ("the Paris 2024 Olympics ... on 10 August")."""
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
    elif expr.relative_unit == "week":
        return _week(expr.relative or "this", pub)
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
        years += [y for y in quote_years if y not in years]
    parts: list[int] = []
    for part in (expr.month, expr.day):
        if part is None:
            break
        parts.append(part)
    return [(y, *parts) for y in years]


def _week(relative: str, pub: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The months (or years) that the Monday-to-Sunday week "last/this/next week" can touch."""
    shift = {"last": -7, "next": 7}.get(relative, 0)
    if len(pub) < 3:  # published without a day: the week may fall in the adjacent month or year
        year, month = pub[0], pub[1] if len(pub) > 1 else None
        if month is None:
            return [(year,), (year + (1 if shift > 0 else -1),)] if shift else [(year,)]
        index = year * 12 + month - 1 + (1 if shift > 0 else -1 if shift < 0 else 0)
        return list(dict.fromkeys([(year, month), (index // 12, index % 12 + 1)]))
    day = date(*pub[:3]) + timedelta(days=shift)
    monday = day - timedelta(days=day.weekday())
    days = [monday + timedelta(days=n) for n in range(7)]
    return list(dict.fromkeys((d.year, d.month) for d in days))


def consistent(
    mention: Mention, event_date: tuple[int, ...], *, published: str, quote_years: tuple[int, ...] = ()
) -> bool:
    if mention.kind == "year" and mention.value is not None:
        return event_date == (int(mention.value),)
    if mention.kind == "date" and mention.date is not None:
        return any(
            len(event_date) <= len(c) and c[: len(event_date)] == event_date
            for c in resolve_date(mention.date, published=published, quote_years=quote_years)
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
        years = tuple(int(m.value) for m in dated if m.kind == "year" and m.value is not None)
        matching = [m for m in dated if consistent(m, wanted, published=source.published, quote_years=years)]
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
