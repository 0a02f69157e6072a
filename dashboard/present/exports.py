"""Downloads and citations: the figures and the events as two CSV files (a row per citation, each with its
caveats), the catalog as JSON, a "cite this" text (pure)."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Collection
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from dashboard.present.caveats import Caveat
from dashboard.present.views import CitationView, EventView, FigureView, event_views, figure_views
from dashboard.present.wording import date_words, language_name, published_words, status_word, when
from dashboard.validation.report import Report

FIGURE_COLUMNS = (
    "id", "title", "theme", "value", "high", "unit", "qualifier", "display", "period", "period_start", "period_end",
    "entity", "series", "part_of", "note", "caveats", "formula", "inputs", "citation", "source", "source_title",
    "publisher", "author", "published", "source_published_inferred", "attributed_to", "url", "file", "sha256",
    "language", "quote", "translation", "prefix", "suffix", "figure", "start", "end", "figure_start", "figure_end",
    "status",
)  # fmt: skip
"""The figures file: one row per citation of a figure, one row (its formula, no quote) per derived figure."""
EVENT_COLUMNS = (
    "id", "date", "title", "theme", "caveats", "citation", "source", "source_title", "publisher", "author",
    "published", "source_published_inferred", "url", "file", "sha256", "language", "quote", "translation", "prefix",
    "suffix", "start", "end", "status",
)  # fmt: skip
"""The events file: one row per citation of an event; an event has no value, so no value columns."""
CAVEAT_SEPARATOR = " | "


def _citation_fields(view: CitationView) -> dict[str, Any]:
    citation, source = view.citation, view.source
    return {
        "citation": view.index + 1, "source": source.id, "source_title": source.title,
        "publisher": source.publisher, "author": source.author, "published": source.published,
        "source_published_inferred": _yes_no(source.published_inferred), "attributed_to": citation.attributed_to,
        "url": source.url, "file": source.file, "sha256": source.sha256, "language": source.language,
        "quote": view.quote, "translation": citation.translation,
        "prefix": citation.prefix, "suffix": citation.suffix, "figure": citation.figure, "start": view.start,
        "end": view.end, "figure_start": view.figure_start, "figure_end": view.figure_end,
        "status": status_word(view.verified),
    }  # fmt: skip


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _caveats(caveats: tuple[Caveat, ...]) -> str:
    return CAVEAT_SEPARATOR.join(c.text for c in caveats)


def figure_rows(report: Report, ids: Collection[str] | None = None) -> list[dict[str, Any]]:
    """One row per citation of every figure (of `ids` only, when given), in catalog order. A derived figure
    is one row: its formula and the ids it is worked out from stand where a quote would."""
    rows = []
    for figure in figure_views(report).values():
        i = figure.indicator
        if ids is not None and i.id not in ids:
            continue
        base = {
            "id": i.id, "title": i.title, "theme": i.theme, "value": f"{i.value:f}",
            "high": "" if i.high is None else f"{i.high:f}", "unit": i.unit, "qualifier": i.qualifier,
            "display": figure.display, "period": when(i.period), **_period_ends(i.period), "entity": i.entity,
            "series": i.series, "part_of": i.part_of, "note": i.note, "caveats": _caveats(figure.caveats),
        }  # fmt: skip
        if i.derived is not None:
            inputs = "; ".join(f"{name}={ident}" for name, ident in i.derived.inputs)
            rows.append(
                {**base, "formula": i.derived.formula, "inputs": inputs, "status": status_word(figure.verified)}
            )
        else:
            rows += [{**base, **_citation_fields(c)} for c in figure.citations]
    return rows


def event_rows(report: Report, ids: Collection[str] | None = None) -> list[dict[str, Any]]:
    """One row per citation of every event (of `ids` only, when given), in date order."""
    rows = []
    for event in event_views(report).values():
        e = event.event
        if ids is not None and e.id not in ids:
            continue
        base = {"id": e.id, "date": e.date, "title": e.title, "theme": e.theme, "caveats": _caveats(event.caveats)}
        rows += [{**base, **_citation_fields(c)} for c in event.citations]
    return rows


def _period_ends(period: str | None) -> dict[str, str]:
    """An ISO period as two columns a spreadsheet sorts: `2006/..` -> 2006 and empty."""
    start, slash, end = (period or "").partition("/")
    ends = (start, end if slash else start)
    return {"period_start": "" if ends[0] == ".." else ends[0], "period_end": "" if ends[1] == ".." else ends[1]}


def _csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    """UTF-8 with a byte-order mark, so that a spreadsheet on any system reads accents as written."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, restval="", extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def figures_csv(report: Report, ids: Collection[str] | None = None) -> str:
    """The figures file (FIGURE_COLUMNS): every figure, or those of `ids` (a filtered view, one figure)."""
    return _csv(FIGURE_COLUMNS, figure_rows(report, ids))


def events_csv(report: Report, ids: Collection[str] | None = None) -> str:
    """The events file (EVENT_COLUMNS): every event, or those of `ids`."""
    return _csv(EVENT_COLUMNS, event_rows(report, ids))


def file_name(kind: str, *parts: str | None, suffix: str = "csv") -> str:
    """A download's name that says what it holds: `figures.csv`, `figures-economy-russia.csv`,
    `figure-rosneft-share.csv`; each part reduced to letters, digits and hyphens."""
    words = [re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", p).encode("ascii", "ignore").decode().lower())
             for p in parts if p]  # fmt: skip
    slugs = [w.strip("-")[:60].strip("-") for w in words]
    return "-".join([kind, *(s for s in slugs if s)]) + f".{suffix}"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("pos", "field_pos")}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _caveat_list(view: FigureView | EventView) -> list[dict[str, str]]:
    return [asdict(c) for c in view.caveats]


def catalog_json(report: Report) -> str:
    """The loaded catalog with each entry's verification status, as JSON."""
    if report.catalog is None:
        return json.dumps({"ok": False, "problems": [p.as_dict() for p in report.problems]}, indent=2)
    catalog = report.catalog
    figures, events = figure_views(report), event_views(report)
    data = {
        "version": catalog.version,
        "site": _plain(asdict(catalog.site)),
        "themes": catalog.themes,
        "sources": [_plain(asdict(s)) for s in catalog.sources],
        "indicators": [
            {**_plain(asdict(i)), "status": status_word(figures[i.id].verified), "caveats": _caveat_list(figures[i.id])}
            for i in catalog.indicators
        ],
        "events": [
            {**_plain(asdict(e)), "status": status_word(events[e.id].verified), "caveats": _caveat_list(events[e.id])}
            for e in catalog.events
        ],
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
    translated = citation.citation.translation
    said = f"“{citation.quote}”" + (f" ({language_name(s.language)}; in English: “{translated}”)" if translated and
                                    not s.english else "")  # fmt: skip
    return f"{said} {author}“{s.title}”, {s.publisher}, {published}.{where}{page}"


def provenance_text(entry: FigureView | EventView, citation: CitationView) -> str:
    """The machine's side of a citation, apart from what a reader publishes: which entry, which file, which
    bytes."""
    s = citation.source
    kind, ident = ("indicator", entry.indicator.id) if isinstance(entry, FigureView) else ("event", entry.event.id)
    return f"{kind} {ident}; source {s.id} ({s.file}), sha256 {s.sha256}"
