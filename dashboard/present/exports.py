"""Downloads and citations: a CSV row per citation, the catalog as JSON, a "cite this" text (pure)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from dashboard.present.views import CitationView, EventView, FigureView, event_views, figure_views
from dashboard.present.wording import date_words, published_words, status_word, when
from dashboard.validation.report import Report

CSV_COLUMNS = (
    "kind", "id", "title", "theme", "value", "high", "unit", "qualifier", "display", "period", "period_start",
    "period_end", "date", "entity",
    "series", "note", "citation", "source", "source_title", "publisher", "author", "published", "url",
    "file", "sha256", "quote", "prefix", "suffix", "figure", "start", "end", "figure_start", "figure_end",
    "status",
)  # fmt: skip


def _citation_fields(view: CitationView) -> dict[str, Any]:
    citation, source = view.citation, view.source
    return {
        "citation": view.index + 1, "source": source.id, "source_title": source.title,
        "publisher": source.publisher, "author": source.author, "published": source.published,
        "url": source.url, "file": source.file, "sha256": source.sha256, "quote": view.quote,
        "prefix": citation.prefix, "suffix": citation.suffix, "figure": citation.figure, "start": view.start,
        "end": view.end, "figure_start": view.figure_start, "figure_end": view.figure_end,
        "status": status_word(view.verified),
    }  # fmt: skip


def citation_rows(report: Report) -> list[dict[str, Any]]:
    """One row per citation of every indicator and event."""
    rows = []
    for figure in figure_views(report).values():
        i = figure.indicator
        base = {
            "kind": "indicator", "id": i.id, "title": i.title, "theme": i.theme, "value": f"{i.value:f}",
            "high": "" if i.high is None else f"{i.high:f}", "unit": i.unit, "qualifier": i.qualifier,
            "display": figure.display, "period": when(i.period), **_period_ends(i.period), "entity": i.entity,
            "series": i.series, "note": i.note,
        }  # fmt: skip
        rows += [{**base, **_citation_fields(c)} for c in figure.citations]
    for event in event_views(report).values():
        e = event.event
        base = {"kind": "event", "id": e.id, "title": e.title, "theme": e.theme, "date": e.date}
        rows += [{**base, **_citation_fields(c)} for c in event.citations]
    return rows


def _period_ends(period: str | None) -> dict[str, str]:
    """An ISO period as two columns a spreadsheet sorts: `2006/..` -> 2006 and empty."""
    start, slash, end = (period or "").partition("/")
    ends = (start, end if slash else start)
    return {"period_start": "" if ends[0] == ".." else ends[0], "period_end": "" if ends[1] == ".." else ends[1]}


def citations_csv(report: Report) -> str:
    """UTF-8 with a byte-order mark, so that a spreadsheet on any system reads accents as written."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for row in citation_rows(report):
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("pos", "field_pos")}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def catalog_json(report: Report) -> str:
    """The loaded catalog with each entry's verification status, as JSON."""
    if report.catalog is None:
        return json.dumps({"ok": False, "problems": [p.as_dict() for p in report.problems]}, indent=2)
    catalog = report.catalog
    figures, events = figure_views(report), event_views(report)
    data = {
        "version": catalog.version,
        "themes": catalog.themes,
        "sources": [_plain(asdict(s)) for s in catalog.sources],
        "indicators": [
            {**_plain(asdict(i)), "status": status_word(figures[i.id].verified)} for i in catalog.indicators
        ],
        "events": [{**_plain(asdict(e)), "status": status_word(events[e.id].verified)} for e in catalog.events],
        "exclusions": [_plain(asdict(x)) for x in catalog.exclusions],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def cite_text(figure: FigureView, citation: CitationView, *, accessed: date | None = None,
              link: str | None = None) -> str:  # fmt: skip
    """A ready citation of one figure, as a reader publishes it: what it says (its period in words), the
    sentence, the source with its date, the source's address with the day it was read, and the figure's
    own page."""
    i = figure.indicator
    period = when(i.period)
    period = f", {period}" if period and period not in i.title else ""
    return f"{i.title}: {figure.display}{period}. " + _cited(citation, accessed, "Figure", link)


def event_cite_text(event: EventView, citation: CitationView, *, accessed: date | None = None,
                    link: str | None = None) -> str:  # fmt: skip
    """A ready citation of one event: its date in words and title, the sentence, the source, the event's page."""
    return f"{when(event.event.date)}: {event.event.title}. " + _cited(citation, accessed, "Event", link)


def _cited(citation: CitationView, accessed: date | None, kind: str, link: str | None) -> str:
    """The sentence, its source with its date and address (and the day it was read), and the entry's page."""
    s = citation.source
    author = f"{s.author}, " if s.author and s.author != s.publisher else ""
    read = f" (accessed {date_words(accessed.isoformat())})" if accessed and s.url else ""
    where = f" {s.url}{read}." if s.url else ""
    page = f" {kind}: {link}" if link else ""
    published = published_words(s.published, inferred=s.published_inferred)
    return f"“{citation.quote}” {author}“{s.title}”, {s.publisher}, {published}.{where}{page}"


def provenance_text(entry: FigureView | EventView, citation: CitationView) -> str:
    """The machine's side of a citation, apart from what a reader publishes: which entry, which file, which
    bytes."""
    s = citation.source
    kind, ident = ("indicator", entry.indicator.id) if isinstance(entry, FigureView) else ("event", entry.event.id)
    return f"{kind} {ident}; source {s.id} ({s.file}), sha256 {s.sha256}"
