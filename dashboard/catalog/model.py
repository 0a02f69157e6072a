"""Typed, frozen records of the catalog (contract version 1, DESIGN §2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Pos:
    """A place in the catalog file."""

    line: int
    """1-based line number."""
    column: int
    """1-based column number."""


NOWHERE = Pos(0, 0)


@dataclass(frozen=True)
class Source:
    """A source document declared in the catalog."""

    id: str
    file: str
    """Path as written in the catalog, relative to the catalog file."""
    sha256: str
    title: str
    publisher: str
    published: str
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    author: str | None = None
    published_note: str | None = None
    url: str | None = None
    language: str = "en"
    """BCP 47 tag of the text's language; its primary subtag picks the reader (text/mentions.py)."""
    published_inferred: bool = False
    """`published` is deduced (from the page address, the tense of the text), not stated by the source."""
    pos: Pos = NOWHERE
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False, hash=False)
    """Position of each field's value, for messages that point at one field."""

    @property
    def english(self) -> bool:
        """Written in English: its quotes need no translation, and their nouns are the catalog's words."""
        return self.language.split("-")[0].lower() == "en"


@dataclass(frozen=True)
class Citation:
    """A quotation of a source that supports a figure or an event."""

    source: str
    quote: str
    prefix: str | None = None
    suffix: str | None = None
    figure: str | None = None
    """The number in the quote that carries the value, when the quote holds several."""
    attributed_to: str | None = None
    """Who the text says states the figure ("the UN Refugee Agency"), as the text names them."""
    translation: str | None = None
    """The quote in English, as the curator renders it (a source in another language)."""
    pos: Pos = NOWHERE
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Derived:
    """How a figure is worked out from others: `formula` over names, each name an indicator id."""

    formula: str
    """Arithmetic over the names of `inputs`: + - * / and parentheses ("total - russia")."""
    inputs: tuple[tuple[str, str], ...]
    """(name, indicator id) pairs, in the order written."""


@dataclass(frozen=True)
class Indicator:
    """A quantitative figure stated by one or more sources."""

    id: str
    title: str
    theme: str
    value: Decimal
    """In base units; percent on 0-100. For a range, its low end."""
    unit: str
    citations: tuple[Citation, ...]
    high: Decimal | None = None
    """A range's high end (`value: [2_000_000, 3_000_000]`); None for a single value."""
    qualifier: str | None = None
    period: str | None = None
    entity: str | None = None
    series: str | None = None
    note: str | None = None
    headline: bool = False
    """Shown as a tile on the overview."""
    part_of: str | None = None
    """Id of a figure that contains this one (a share within a larger share)."""
    derived: Derived | None = None
    """Set when the figure is worked out from other figures rather than stated; citations may be empty."""
    pos: Pos = NOWHERE
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Event:
    """A dated event for the timeline."""

    id: str
    date: str
    """ISO date with the precision the text gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    title: str
    theme: str
    citations: tuple[Citation, ...]
    pos: Pos = NOWHERE
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Exclusion:
    """A numeric mention deliberately neither an indicator nor an event."""

    source: str
    quote: str
    figure: str
    reason: str
    prefix: str | None = None
    suffix: str | None = None
    translation: str | None = None
    pos: Pos = NOWHERE
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Site:
    """What the dashboard is and who stands behind it: the catalog's optional top-level fields."""

    title: str | None = None
    description: str | None = None
    publisher: str | None = None
    licence: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class Catalog:
    """The whole catalog as loaded; entries that failed the schema are left out."""

    path: Path
    version: int
    themes: dict[str, str]
    sources: tuple[Source, ...]
    indicators: tuple[Indicator, ...]
    events: tuple[Event, ...]
    exclusions: tuple[Exclusion, ...]
    site: Site = field(default_factory=Site)

    def source(self, source_id: str) -> Source | None:
        return self._sources_by_id.get(source_id)

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        """The first source of each id (a repeated id is the validator's `duplicate-id`)."""
        found: dict[str, Source] = {}
        for source in self.sources:
            found.setdefault(source.id, source)
        return found
