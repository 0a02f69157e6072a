"""Search across the whole catalog (pure: no Streamlit): figures by title, value, entity, theme, period and
quote; events by title, date, theme and quote; sources by title, publisher and author, and passages of their
text. Every word of the query must occur (case, accents and curly quotes ignored); each hit links to its
figure, event or source passage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from dashboard.present.views import EventView, FigureView
from dashboard.text.sentences import sentence_bounds
from dashboard.validation.report import Report

Kind = Literal["figure", "event", "source", "passage"]
LIMIT = 50
"""Hits shown per kind."""
SNIPPET = 160
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Lower case, without accents or typographic quotes: what search compares."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_in_place(text: str) -> str:
    """`fold`, one character for one, so that offsets into it are offsets into `text`."""
    return "".join((fold(c) or c)[0] for c in text)


def terms(query: str) -> list[str]:
    return [t for t in re.split(r"\s+", fold(query).strip()) if t]


@dataclass(frozen=True)
class Hit:
    kind: Kind
    ident: str
    title: str
    detail: str
    """What the hit is: the figure in words, the event's date, the source's publisher."""
    snippet: str
    """Where the words were found, when not in the title (a quote, a passage)."""
    params: dict[str, str] = field(default_factory=dict)
    """The query parameters of the page that shows it."""


@dataclass(frozen=True)
class _Record:
    hit: Hit
    fields: tuple[str, ...]
    """The texts searched, the title first."""


def _figure(view: FigureView, themes: dict[str, str]) -> _Record:
    i = view.indicator
    quotes = tuple(text for c in view.citations for text in (c.quote, c.citation.translation) if text)
    sources = tuple(f"{c.source.title} {c.source.publisher}" for c in view.citations)
    hit = Hit("figure", i.id, i.title, view.display, "", {"indicator": i.id})
    return _Record(hit, (i.title, view.display, i.entity or "", themes.get(i.theme, i.theme), i.period or "",
                         i.note or "", *quotes, *sources))  # fmt: skip


def _event(view: EventView, themes: dict[str, str]) -> _Record:
    e = view.event
    quotes = tuple(text for c in view.citations for text in (c.quote, c.citation.translation) if text)
    hit = Hit("event", e.id, e.title, e.date, "", {"event": e.id})
    return _Record(hit, (e.title, e.date, themes.get(e.theme, e.theme), *quotes))


class SearchIndex:
    """The folded texts of one report, built once; `find` answers a query in a few milliseconds."""

    def __init__(self, report: Report, figures: dict[str, FigureView], events: dict[str, EventView]) -> None:
        catalog = report.catalog
        themes = catalog.themes if catalog else {}
        self._records = [_figure(v, themes) for v in figures.values()] + [_event(v, themes) for v in events.values()]
        self._folded = [tuple(fold(f) for f in r.fields) for r in self._records]
        self._sources = []
        for source in catalog.sources if catalog else []:
            hit = Hit("source", source.id, source.title, f"{source.publisher}, {source.published}", "",
                      {"source": source.id})  # fmt: skip
            self._sources.append((hit, fold(f"{source.title} {source.publisher} {source.author or ''}")))
        self._texts = {sid: (t.text, fold_in_place(t.text)) for sid, t in report.texts.items()}
        self._titles = {s.id: s.title for s in catalog.sources} if catalog else {}

    def find(self, query: str) -> list[Hit]:
        words = terms(query)
        if not words:
            return []
        hits: list[Hit] = []
        for record, folded in zip(self._records, self._folded, strict=True):
            if all(any(w in f for f in folded) for w in words):
                hits.append(_with_snippet(record, folded, words))
        figures = [h for h in hits if h.kind == "figure"][:LIMIT]
        events = [h for h in hits if h.kind == "event"][:LIMIT]
        sources = [hit for hit, folded in self._sources if all(w in folded for w in words)][:LIMIT]
        return figures + events + sources + self._passages(words)

    def _passages(self, words: list[str]) -> list[Hit]:
        """Sentences of the sources' text that hold every word."""
        found: list[Hit] = []
        for source_id, (text, folded) in self._texts.items():
            start = 0
            while len(found) < LIMIT:
                at = folded.find(words[0], start)
                if at < 0:
                    break
                first, last = sentence_bounds(text, start=at, end=at + len(words[0]))
                sentence = folded[first:last]
                if all(w in sentence for w in words[1:]):
                    found.append(Hit("passage", f"{source_id}@{first}", self._titles.get(source_id, source_id),
                                     "", _cut(text[first:last]), {"source": source_id, "at": str(first)}))  # fmt: skip
                start = max(last, at + 1)
        return found


def _with_snippet(record: _Record, folded: tuple[str, ...], words: list[str]) -> Hit:
    if all(w in folded[0] for w in words):
        return record.hit
    for original, text in zip(record.fields[1:], folded[1:], strict=True):
        if any(w in text for w in words) and original not in (record.hit.detail,):
            return Hit(record.hit.kind, record.hit.ident, record.hit.title, record.hit.detail, _cut(original),
                       record.hit.params)  # fmt: skip
    return record.hit


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"
