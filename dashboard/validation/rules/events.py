"""Does an event's quote hold a date expression consistent with its `date`?

Dates without a year ("May 7") take it from the source's `published`: the last such day before it when
their clause looks back ("confirmed in December"), the next when it looks ahead ("will be published in
January"); relative ones ("last November", "last year") count from it. An event date may be coarser
than the text, never finer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dashboard.catalog.model import Citation, Event, Source
from dashboard.catalog.problems import Problem
from dashboard.text.dates import date_parts, resolve_date
from dashboard.text.mentions import DATE_KINDS, Mention, read_mentions
from dashboard.text.sentences import sentence_bounds
from dashboard.text.tense import Tense, tense_at
from dashboard.validation.evidence import Evidence, citation_pos
from dashboard.validation.rules.periods import looks_ahead, time_words
from dashboard.validation.rules.structure import anchor_citation
from dashboard.validation.rules.translations import translation_missing

_ADVERBIAL = re.compile(r"(?i)\b(?:in|on|during|by|until|till|before|after)\s+(?:(?:early|mid|late)[\s-]+)?\Z")


def consistent(
    mention: Mention,
    event_date: tuple[int, ...],
    *,
    published: str,
    quote_years: tuple[int, ...] = (),
    tense: Tense | None = None,
) -> bool:
    if mention.kind == "year" and mention.value is not None:
        return event_date == (int(mention.value),)
    if mention.kind == "date" and mention.date is not None:
        return any(
            len(event_date) <= len(c) and c[: len(event_date)] == event_date
            for c in resolve_date(mention.date, published=published, quote_years=quote_years, tense=tense)
        )
    return False


def check_event(evidence: Evidence, event: Event) -> Iterator[Problem]:
    wanted = date_parts(event.date)
    for index, citation in enumerate(event.citations):
        yield from anchor_citation(evidence, owner=event.id, index=index, citation=citation)
        anchor = evidence.anchors.get((event.id, index))
        source = evidence.catalog.source(citation.source)
        if source is not None:
            yield from check_event_translation(evidence, event, index=index, citation=citation, source=source)
        if anchor is None or source is None:
            continue
        dated = [m for m in evidence.mentions_in(anchor.source, anchor.start, anchor.end) if m.kind in DATE_KINDS]
        years = tuple(int(m.value) for m in dated if m.kind == "year" and m.value is not None)
        text = evidence.texts[anchor.source].text
        matching = [
            m
            for m in dated
            if consistent(
                m,
                wanted,
                published=source.published,
                quote_years=years,
                tense=_tense(text, m.start) if source.english else _clause_tense(text, m.start, source),
            )
        ]
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


def _clause_tense(text: str, at: int, source: Source) -> Tense | None:
    """In another language, a clause with a word of plan or a future verb ("В мае … планируют подписать",
    "En mayo se firmará") places a month without a year ahead; otherwise either way."""
    start, end = sentence_bounds(text, start=at, end=at + 1)
    return "future" if looks_ahead(text[start:end], at - start, time_words(source.language)) else None


def _tense(text: str, at: int) -> Tense | None:
    """The tense that places a date: only a date said as the time of the clause ("confirmed in December"),
    not one that names a thing ("has not confirmed his attendance at the May 9 parade")."""
    if not _ADVERBIAL.search(text, max(0, at - 30), at):
        return None
    start, end = sentence_bounds(text, start=at, end=at + 1)
    return tense_at(text[start:end], at - start)


def check_event_translation(
    evidence: Evidence, event: Event, *, index: int, citation: Citation, source: Source
) -> Iterator[Problem]:
    """The translation of an event's citation holds a date consistent with the event's `date`."""
    if source.english:
        return
    if citation.translation is None:
        yield translation_missing(evidence, owner=event.id, index=index, citation=citation, source=source)
        return
    wanted = date_parts(event.date)
    dated = [m for m in read_mentions(citation.translation) if m.kind in DATE_KINDS]
    years = tuple(int(m.value) for m in dated if m.kind == "year" and m.value is not None)
    if any(consistent(m, wanted, published=source.published, quote_years=years) for m in dated):
        return
    listed = ", ".join(repr(m.text) for m in dated) or "none"
    yield evidence.problem(
        "translation-mismatch",
        f"citation {index + 1}: the translation holds no date consistent with `date: {event.date}` (dates there: "
        f"{listed}); translate the date as the original gives it.",
        pos=citation_pos(citation, "translation"),
        id=event.id,
        citation=index,
    )
