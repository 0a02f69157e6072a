"""The catalog's field table: one place that says which fields each record has and what they hold.

Both the loader's checks (build.py) and the JSON Schema for editors (jsonschema.py) come from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dashboard.text.hedges import QUALIFIERS

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"
PERIOD_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}){0,2}(?:/(?:[0-9]{4}(?:-[0-9]{2}){0,2}|\.\.))?$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
URL_PATTERN = r"^https?://[^\s]+$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
"""A BCP 47 tag as news sources need it: a primary language subtag, then region or script subtags."""
DECIMAL_PATTERN = r"^-?(?:0|[1-9](?:_?[0-9])*)(?:\.[0-9](?:_?[0-9])*)?$"


@dataclass(frozen=True)
class Field:
    """How one field of a record is written."""

    kind: str
    """One of: id, text, quote, date, period, sha256, url, language, value, qualifier, flag, citations, derived."""
    required: bool
    description: str


def _f(kind: str, required: bool, description: str) -> Field:
    return Field(kind, required, description)


RECORDS: dict[str, dict[str, Field]] = {
    "source": {
        "id": _f("id", True, "Short kebab-case id that citations use."),
        "file": _f("text", True, "Path of the text, relative to the catalog, inside seeds/."),
        "sha256": _f("sha256", True, "sha256 of the file's bytes; `indicators pin` updates it."),
        "title": _f("text", True, "Headline of the document."),
        "publisher": _f("text", True, "Who published it."),
        "author": _f("text", False, "Author(s), where the text names them."),
        "published": _f("date", True, "Publication date: YYYY, YYYY-MM or YYYY-MM-DD."),
        "published_note": _f("text", False, "How the date was inferred, when the text does not state it."),
        "url": _f("url", False, "Address of the original page."),
        "language": _f(
            "language", False, "The text's language as a BCP 47 tag (es, ru, pt-BR); absent means en (English)."
        ),
        "published_inferred": _f(
            "flag", False, "true when `published` is deduced (from the page address, the tense), not stated."
        ),
    },
    "indicator": {
        "id": _f("id", True, "Stable kebab-case id (used in links)."),
        "title": _f("text", True, "What the figure measures, in plain words."),
        "theme": _f("id", True, "A key of `themes`."),
        "value": _f(
            "value",
            True,
            "Plain decimal in base units; percent on 0-100 (17_000_000_000, 60); a range as [low, high].",
        ),
        "unit": _f(
            "text",
            True,
            "percent, percentage points, an ISO 4217 code, times, ordinal, year, a time unit, a measure (km, GW, "
            "°C, barrels per day, tonnes), or the plural noun of what is counted.",
        ),
        "qualifier": _f("qualifier", False, "How the text hedges the figure (any hedge phrase); null when exact."),
        "period": _f("period", False, "ISO 8601 date or interval start/end (open end: 2006/..)."),
        "entity": _f("text", False, "Who or what the figure is about."),
        "series": _f("id", False, "Groups comparable figures into one chart: one unit, and one period or one entity."),
        "part_of": _f("id", False, "Id of a figure that contains this one (70% within a share of 80%)."),
        "derived": _f(
            "derived",
            False,
            "Worked out from other figures: {formula: total - russia, from: {total: <id>, russia: <id>}}.",
        ),
        "note": _f("text", False, "Context a reader needs."),
        "headline": _f("flag", False, "true to show the figure as a tile on the overview."),
        "citations": _f("citations", True, "Quotations that state the figure (optional when `derived`)."),
    },
    "event": {
        "id": _f("id", True, "Stable kebab-case id."),
        "date": _f("date", True, "ISO date with the precision the text gives."),
        "title": _f("text", True, "What happened."),
        "theme": _f("id", True, "A key of `themes`."),
        "citations": _f("citations", True, "Quotations holding a date consistent with `date`."),
    },
    "citation": {
        "source": _f("id", True, "Id of a declared source."),
        "quote": _f("quote", True, "Exact text of the source."),
        "prefix": _f("quote", False, "Exact text right before the quote, to pick one occurrence."),
        "suffix": _f("quote", False, "Exact text right after the quote, to pick one occurrence."),
        "figure": _f("text", False, "The number in the quote that carries the value, as written."),
        "attributed_to": _f(
            "text", False, 'Who the text says states the figure ("according to …"), as the text names them.'
        ),
        "translation": _f(
            "text", False, "The quote in English, as the curator renders it; required when the source is not English."
        ),
    },
    "exclusion": {
        "source": _f("id", True, "Id of a declared source."),
        "quote": _f("quote", True, "Exact text of the source holding the mention."),
        "prefix": _f("quote", False, "Exact text right before the quote, to pick one occurrence."),
        "suffix": _f("quote", False, "Exact text right after the quote, to pick one occurrence."),
        "figure": _f("text", True, "The mention excluded, as written in the quote."),
        "reason": _f("text", True, "Why it is neither an indicator nor an event."),
        "translation": _f("text", False, "The quote in English, for a reader of a source that is not English."),
    },
}

SECTIONS = {"sources": "source", "indicators": "indicator", "events": "event", "exclusions": "exclusion"}
SITE: dict[str, Field] = {
    "title": _f("text", False, "The dashboard's title: the home page's heading and every tab's name."),
    "description": _f("text", False, "One or two sentences on what the dashboard is about, under the title."),
    "publisher": _f("text", False, "Who publishes the dashboard."),
    "licence": _f("text", False, "The licence of the catalog (e.g. CC BY 4.0); the sources keep their own."),
    "contact": _f("text", False, "Where readers report an error: an e-mail address or a web address."),
}
"""Optional top-level fields that say what the dashboard is and who stands behind it."""
TOP_LEVEL = ("version", *SITE, "themes", *SECTIONS)


def slug(text: str, *, limit: int = 48) -> str:
    """An id made from a text: kebab-case ("$2.5bn" -> "2-5bn"); "" when nothing is left."""
    text = text.replace("%", " percent ").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].strip("-")


def is_real_date(text: str) -> bool:
    """True when a YYYY[-MM[-DD]] string names a day that exists (no 2025-02-30)."""
    if not re.fullmatch(DATE_PATTERN, text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def is_period(text: str) -> bool:
    start, _, end = text.partition("/")
    if not is_real_date(start):
        return False
    return not end or end == ".." or (is_real_date(end) and end[:4] >= start[:4])


QUALIFIER_CHOICES = tuple(QUALIFIERS)
