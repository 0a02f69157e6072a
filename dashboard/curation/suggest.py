"""`indicators suggest`: a ready YAML stub for every numeric or date mention no entry covers yet.

Counts, percents, currencies, durations and ordinals become indicators; dates and years become
events; decades (and dates no calendar date can be read from) become exclusions, since an event
needs an ISO date. Each stub quotes the exact sentence that holds the mention, pins it as `figure`,
adds `prefix`/`suffix` when the sentence occurs more than once, and leaves a `# TODO` where a person
must decide. With its TODOs filled (a declared theme above all) a stub validates clean. Pure: no
printing; stubs.py renders the stubs and appends them to the catalog.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dashboard.catalog.edit import render_entry
from dashboard.catalog.fields import PERIOD_PATTERN, SHA256_PATTERN, slug
from dashboard.catalog.sources import SourceText
from dashboard.text.anchor import paragraph_bounds, shortest_context
from dashboard.text.dates import resolve_date, year_range
from dashboard.text.mentions import DATE_KINDS, Mention, matches_figure, read_mentions
from dashboard.text.sentences import count_noun, list_end, narrow, sentence_bounds
from dashboard.validation.report import Report, Uncovered
from dashboard.validation.rules.events import consistent

SECTIONS = ("indicators", "events", "exclusions")
INDICATOR_KINDS = ("count", "percent", "currency", "duration", "ordinal", "multiplier", "measure")
TODO = "TODO"
_UNQUOTE = re.compile(r'^(\s*(?:- )?(?:date|period|published|sha256): )"([0-9][0-9a-f./-]*)"', re.M)


@dataclass(frozen=True)
class Stub:
    """One suggested catalog entry."""

    section: str
    """"indicators", "events" or "exclusions"."""
    source: str
    mention: Mention
    line: int
    """Line of the mention in its source (1-based)."""
    column: int
    fields: dict[str, Any]
    """The entry's fields in catalog order; `citations` is a list of mappings."""
    comments: dict[str, str] = field(default_factory=dict)
    """`# …` comments after fields (the TODOs)."""
    covers: frozenset[int] = frozenset()
    """Start offsets of the source's mentions this entry accounts for."""

    @property
    def id(self) -> str | None:
        return self.fields.get("id")

    def render(self, *, indent: int = 2) -> str:
        return plain_dates(render_entry(self.fields, indent=indent, comments=self.comments))


def plain_dates(rendered: str) -> str:
    """Write dates, periods and hashes unquoted, as the catalog does (`date: 2024-05-07`)."""

    def unquote(found: re.Match[str]) -> str:
        value = found[2]
        plain = re.match(PERIOD_PATTERN, value) or (re.match(SHA256_PATTERN, value) and not value.isdigit())
        return found[1] + value if plain else found[0]

    return _UNQUOTE.sub(unquote, rendered)


def suggest(report: Report, *, sources: Collection[str] | None = None) -> list[Stub]:
    """Stubs for the uncovered mentions of every source (or only of `sources`), in text order."""
    catalog = report.catalog
    if catalog is None:
        return []
    taken = {indicator.id for indicator in catalog.indicators} | {event.id for event in catalog.events}
    themes = ", ".join(catalog.themes) or "none declared yet; add one under `themes`"
    stubs: list[Stub] = []
    for coverage in report.coverage:
        text = report.texts.get(coverage.source)
        if text is None or not coverage.uncovered or (sources and coverage.source not in sources):
            continue
        mentions = sorted(read_mentions(text.text, text.source.language), key=lambda m: m.start)
        maker = _Maker(text=text, mentions=mentions, taken=taken, themes=themes)
        stubs += maker.stubs(coverage.uncovered)
    return stubs


@dataclass
class _Maker:
    """Builds the stubs of one source; `taken` is shared so ids stay unique across sources."""

    text: SourceText
    mentions: list[Mention]
    taken: set[str]
    themes: str

    def stubs(self, uncovered: Sequence[Uncovered]) -> list[Stub]:
        # indicators first: the date of their sentence becomes their period and needs no event
        ordered = sorted(uncovered, key=lambda u: (u.mention.kind not in INDICATOR_KINDS, u.mention.start))
        done: set[int] = set()
        made: list[Stub] = []
        for item in ordered:
            if item.mention.start in done:
                continue
            stub = self.stub(item)
            done |= stub.covers
            made.append(stub)
        return sorted(made, key=lambda s: (SECTIONS.index(s.section), s.mention.start))

    def stub(self, item: Uncovered) -> Stub:
        mention = item.mention
        bounds = sentence_bounds(self.text.text, start=mention.start, end=mention.end, mentions=self.mentions)
        where = {"source": self.text.source.id, "mention": mention, "line": item.line, "column": item.column}
        if mention.kind in INDICATOR_KINDS:
            return self.indicator(mention, bounds=bounds, where=where)
        event_date = self.event_date(mention, bounds=bounds)
        if event_date is not None:
            return self.event(mention, bounds=bounds, event_date=event_date, where=where)
        return self.exclusion(mention, bounds=bounds, where=where)

    def inside(self, start: int, end: int) -> list[Mention]:
        """The mentions lying wholly inside text[start:end] (mentions are in text order)."""
        first = bisect_left(self.mentions, start, key=lambda m: m.start)
        last = bisect_left(self.mentions, end, lo=first, key=lambda m: m.start)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def citation(self, mention: Mention, *, start: int, end: int) -> dict[str, str]:
        quote = {"source": self.text.source.id, "quote": self.text.text[start:end]}
        context = shortest_context(self.text.text, self.text.text[start:end], start=start)
        translation = {} if self.text.source.english else {"translation": TODO}
        return {**quote, **dict([context] if context else []), "figure": mention.text, **translation}

    def todo_comments(self, comments: dict[str, str]) -> dict[str, str]:
        """The comments of a stub, with the translation's TODO for a source in another language."""
        if self.text.source.english:
            return comments
        return {
            **comments,
            "citations": f"TODO: each `translation` is the quote in English ({self.text.source.language})",
        }

    def new_id(self, *parts: str) -> str:
        base = "-".join(p for p in (slug(self.text.source.id, limit=40), *map(slug, parts)) if p)
        ident, number = base, 2
        while ident in self.taken:
            ident, number = f"{base}-{number}", number + 1
        self.taken.add(ident)
        return ident

    def indicator(self, mention: Mention, *, bounds: tuple[int, int], where: dict[str, Any]) -> Stub:
        rivals = [
            m
            for m in self.inside(*bounds)
            if m != mention
            and m.kind == mention.kind
            and m.value == mention.value
            and (m.currency, m.time_unit) == (mention.currency, mention.time_unit)
            and matches_figure(m, mention.text)
        ]
        start, end = narrow(self.text.text, bounds=bounds, mention=mention, rivals=rivals) if rivals else bounds
        unit, unit_note = self.unit(mention, limit=bounds[1])
        inside = self.inside(start, end)
        period, said = self.period(_nearest_first(inside, mention), quote_years=_years(inside))
        value: Any = mention.value if mention.high is None else (mention.value, mention.high)
        if mention.fraction is not None and mention.value is not None:  # "a third": its percent, one decimal
            value = mention.value.quantize(Decimal("0.1")).normalize()
        fields: dict[str, Any] = {"id": "", "title": TODO, "theme": TODO, "value": value, "unit": unit}
        fields["id"] = self.new_id(*_id_parts(mention, unit))
        comments = {"title": "TODO: what the figure measures", "theme": f"TODO: one of: {self.themes}"}
        if unit_note:
            comments["unit"] = unit_note
        if mention.qualifier:
            fields["qualifier"] = mention.qualifier
        covers = {mention.start}
        if period is not None:
            fields["period"] = period
            comments["period"] = f"read from {said!r} in the sentence; check it is the figure's period"
            first, last = year_range(period)
            covers |= {m.start for m in inside if _in_years(m, first, last)}
        fields["entity"] = TODO
        comments["entity"] = "TODO: who or what the figure is about (or delete this line)"
        fields["citations"] = [self.citation(mention, start=start, end=end)]
        return Stub("indicators", fields=fields, comments=self.todo_comments(comments), covers=frozenset(covers),
                    **where)  # fmt: skip

    def unit(self, mention: Mention, *, limit: int) -> tuple[str, str | None]:
        if mention.kind == "percent":
            return "percent", None
        if mention.kind == "currency" and mention.currency:
            return mention.currency, None
        if mention.kind == "duration" and mention.time_unit:
            return mention.time_unit, None
        if mention.kind == "ordinal":
            return "ordinal", None
        if mention.kind == "multiplier":
            return "times", None
        if mention.kind == "measure" and mention.unit_text:
            return mention.unit_text, None
        if not self.text.source.english:  # the catalog's units are English words: a person translates the noun
            said = f" ({mention.noun!r} in the text)" if mention.noun else ""
            return TODO, f"TODO: the English plural noun counted{said}: people, agreements, head of cattle"
        later = [m for m in self.inside(mention.end, limit) if m.start >= mention.end]
        last = list_end(self.text.text, mention=mention, after=later)
        noun = count_noun(self.text.text, end=last.end, limit=limit)
        if noun is None:
            return TODO, "TODO: the plural noun counted (people, agreements, head of cattle)"
        return noun, None

    def period(self, inside: Sequence[Mention], *, quote_years: tuple[int, ...]) -> tuple[str | None, str]:
        """The ISO period of the first date, year or decade given, and the text it was read from."""
        for mention in inside:
            if mention.kind in ("year", "decade") and mention.value is not None:
                return mention.period or str(int(mention.value)), mention.text
            if mention.kind == "date" and mention.date is not None:
                found = resolve_date(mention.date, published=self.text.source.published, quote_years=quote_years)
                if found:
                    return _iso(found[0]), mention.text
        return None, ""

    def event_date(self, mention: Mention, *, bounds: tuple[int, int]) -> tuple[int, ...] | None:
        if mention.kind == "year" and mention.value is not None:
            return (int(mention.value),)
        if mention.kind != "date" or mention.date is None:
            return None
        years = _years(self.inside(*bounds))
        found = resolve_date(mention.date, published=self.text.source.published, quote_years=years)
        return found[0] if found else None

    def event(
        self, mention: Mention, *, bounds: tuple[int, int], event_date: tuple[int, ...], where: dict[str, Any]
    ) -> Stub:
        inside = self.inside(*bounds)
        published, years = self.text.source.published, _years(inside)
        covers = {m.start for m in inside if consistent(m, event_date, published=published, quote_years=years)}
        fields: dict[str, Any] = {
            "id": self.new_id(mention.text),
            "date": _iso(event_date),
            "title": TODO,
            "theme": TODO,
            "citations": [self.citation(mention, start=bounds[0], end=bounds[1])],
        }
        comments = {"title": "TODO: what happened", "theme": f"TODO: one of: {self.themes}"}
        if mention.kind == "date" and mention.date is not None and mention.date.year is None:
            comments["date"] = f"{mention.text!r} read against `published: {published}`; check it"
        comments = self.todo_comments(comments)
        return Stub("events", fields=fields, comments=comments, covers=frozenset(covers | {mention.start}), **where)

    def exclusion(self, mention: Mention, *, bounds: tuple[int, int], where: dict[str, Any]) -> Stub:
        if shortest_context(self.text.text, self.text.text[bounds[0] : bounds[1]], start=bounds[0]):
            # an exclusion has no prefix/suffix: quote the whole line instead when that is unique
            first, last = paragraph_bounds(self.text.text, start=bounds[0], end=bounds[1])
            line = self.text.text[first:last]
            bounds = (first + len(line) - len(line.lstrip()), last - len(line) + len(line.rstrip()))
        why = {"decade": "a decade gives an event no ISO date", "age": "an age is no figure of the catalog"}.get(
            mention.kind, "this date gives an event no ISO date"
        )
        fields = {
            "source": self.text.source.id,
            "quote": self.text.text[bounds[0] : bounds[1]],
            "figure": mention.text,
            "reason": TODO,
        }
        comments = {"reason": f"TODO: why it is not a figure ({why})"}
        covers = {m.start for m in self.inside(*bounds) if matches_figure(m, mention.text)}
        return Stub("exclusions", fields=fields, comments=comments, covers=frozenset(covers | {mention.start}), **where)


def _id_parts(mention: Mention, unit: str) -> tuple[str, ...]:
    if mention.kind == "percent":
        return mention.numeral, "percent"
    if mention.kind == "currency":
        return re.sub(r"^[^0-9a-zA-Z]+|[A-Z]{3}$", "", mention.text.strip()), unit
    if mention.kind == "count" and unit != TODO:
        return mention.text, unit
    return (mention.text,)


PERIOD_REACH = 40
"""How far (in characters) from a figure a date may stand and still be read as its period."""


def _nearest_first(inside: Sequence[Mention], figure: Mention) -> list[Mention]:
    """The quote's dates within reach of the figure, nearest first ("600,000 in 2019" -> 2019)."""

    def gap(m: Mention) -> int:
        return m.start - figure.end if m.start >= figure.end else figure.start - m.end

    near = [m for m in inside if m is not figure and 0 <= gap(m) <= PERIOD_REACH]
    return sorted(near, key=gap)


def _years(mentions: Iterable[Mention]) -> tuple[int, ...]:
    return tuple(int(m.value) for m in mentions if m.kind == "year" and m.value is not None)


def _in_years(mention: Mention, first: int, last: int) -> bool:
    """As the validator's period rule: a year or date of the quote inside the period covers it."""
    year = mention.date.year if mention.date is not None else mention.value
    return mention.kind in DATE_KINDS and year is not None and first <= int(year) <= last


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])
