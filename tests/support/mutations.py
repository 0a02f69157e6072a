"""Damage a catalog in every way a curator could (shared by test_mutations.py and test_unseen.py).

`Mutator(path)` loads a catalog and yields `Mutation`s: the damaged catalog text, the codes of which at
least one must fire, and the damaged entry's lines (a problem must point inside them)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from dashboard.catalog.load import load_catalog
from dashboard.catalog.model import Catalog, Citation, Event, Indicator, Pos
from dashboard.text.mentions import QUALIFIERS, qualifier_group, read_mentions

OTHER_TEXT = Path(__file__).resolve().parent.parent / "cases" / "trade.txt"
"""A text to move a quote to when the catalog declares a single source."""
OTHER_ID = "moved-target"


@dataclass(frozen=True)
class Mutation:
    name: str
    text: str
    """The damaged catalog text."""
    expected: frozenset[str]
    """Codes of which at least one must fire."""
    lines: tuple[int, int]
    """The damaged entry's first and last line."""
    extra_files: dict[str, bytes] = field(default_factory=dict)
    """Files to write next to the catalog (relative path -> bytes) for this mutation."""


def plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _hedge_is_implied(indicator: Indicator) -> bool:
    """True when the cited words are approximate by themselves ("a couple of thousand", "dozens"): the
    qualifier may then be written or left out."""
    citation = indicator.citations[0]
    mentions = read_mentions(citation.quote)
    if citation.figure is not None:
        mentions = [m for m in mentions if citation.figure in m.text or m.text in citation.figure]
    return any(m.optional_hedge for m in mentions)


class Mutator:
    """The mutations of one catalog file."""

    def __init__(self, path: Path) -> None:
        loaded = load_catalog(path).catalog
        assert loaded is not None, f"{path} does not load"
        self.catalog: Catalog = loaded
        self.text = path.read_text(encoding="utf-8")
        self.line_starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]

    def offset(self, pos: Pos) -> int:
        return self.line_starts[pos.line - 1] + pos.column - 1

    def language(self, indicator: Indicator) -> str:
        source = self.catalog.source(indicator.citations[0].source)
        return source.language if source else "en"

    def entry_lines(self, record: Indicator | Event) -> tuple[int, int]:
        records: tuple[Indicator | Event, ...] = (*self.catalog.indicators, *self.catalog.events)
        starts = sorted(r.pos.line for r in records if r.pos.line > record.pos.line)
        ends = [s.pos.line for s in self.catalog.exclusions if s.pos.line > record.pos.line]
        last = min([*starts, *ends], default=len(self.line_starts) + 1) - 1
        return record.pos.line, last

    def replace_at(self, start: int, old: str, new: str, text: str | None = None) -> str:
        base = self.text if text is None else text
        where = base.index(old, start)
        return base[:where] + new + base[where + len(old) :]

    def all(self) -> Iterator[tuple[str, Mutation]]:
        for indicator in self.catalog.indicators:
            for mutation in (*self.value_mutations(indicator), *self.unit_and_qualifier_mutations(indicator)):
                yield indicator.id, mutation
            for index, citation in enumerate(indicator.citations):
                for mutation in self.citation_mutations(indicator, index, citation):
                    yield indicator.id, mutation
        for event in self.catalog.events:
            for index, citation in enumerate(event.citations):
                for mutation in self.citation_mutations(event, index, citation):
                    if not mutation.name.startswith("figure"):
                        yield event.id, mutation

    def value_mutations(self, indicator: Indicator) -> Iterator[Mutation]:
        start = self.offset(indicator.field_pos["value"])
        literal = self.text[start : self.text.index("\n", start)].split("#")[0].strip()
        lines = self.entry_lines(indicator)
        mismatch = frozenset({"value-mismatch", "citations-disagree"})
        if not indicator.citations:
            # worked out, not stated: a changed value no longer follows from its inputs
            mismatch = frozenset({"derived-mismatch"})
        elif any(m.high is not None for m in read_mentions(indicator.citations[0].quote, self.language(indicator))):
            # one end of a range, recorded with its bound: the other end is then the wrong bound
            mismatch |= {"qualifier-mismatch", "qualifier-missing"}
        if indicator.citations and indicator.citations[0].figure is not None:
            # the new value may be another number of the quote ("35pc" beside the pinned "25pc")
            mismatch |= {"figure-pin-mismatch"}
        yield Mutation("value x10", self.replace_at(start, literal, plain(indicator.value * 10)), mismatch, lines)
        digits = plain(indicator.value)
        first = digits.lstrip("-")[0]
        changed = digits.replace(first, "8" if first == "9" else str(int(first) + 1), 1)
        yield Mutation("one digit", self.replace_at(start, literal, changed), mismatch, lines)
        for scale in (Decimal(10) ** 9, Decimal(10) ** 6, Decimal(1000)):
            if indicator.unit not in ("year", "ordinal", "years") and indicator.value >= scale:
                smaller = plain(indicator.value / scale)
                yield Mutation(
                    "scale dropped", self.replace_at(start, literal, smaller), frozenset({"scale-mismatch"}), lines
                )
                break

    def unit_and_qualifier_mutations(self, indicator: Indicator) -> Iterator[Mutation]:
        lines = self.entry_lines(indicator)
        if indicator.unit == "percent":
            start = self.offset(indicator.field_pos["unit"])
            # a worked-out figure has no sentence to disagree with: its inputs' unit does
            expected = {"unit-mismatch"} if indicator.citations else {"derived-mismatch"}
            yield Mutation("percent as count", self.replace_at(start, "percent", "exports"), frozenset(expected), lines)
        if indicator.qualifier is not None:
            pos = indicator.field_pos["qualifier"]
            implied = _hedge_is_implied(indicator)
            if not implied:
                line_start, line_end = self.line_starts[pos.line - 1], self.line_starts[pos.line]
                dropped = self.text[:line_start] + self.text[line_end:]
                yield Mutation("qualifier dropped", dropped, frozenset({"qualifier-missing"}), (lines[0], lines[1] - 1))
            other = next(q for q in QUALIFIERS if qualifier_group(q) != qualifier_group(indicator.qualifier))
            changed = self.replace_at(self.offset(pos), indicator.qualifier, other)
            # a hedge the words only imply ("a couple of thousand") is no hedge the text states
            expected = {"qualifier-mismatch"} | ({"qualifier-unsupported"} if implied else set())
            yield Mutation("qualifier changed", changed, frozenset(expected), lines)

    def citation_mutations(self, record: Indicator | Event, index: int, citation: Citation) -> Iterator[Mutation]:
        lines = self.entry_lines(record)
        quote_at = self.offset(citation.field_pos["quote"])
        word = next((w for w in citation.quote.split() if w.isalpha() and len(w) >= 4), None)
        if word is not None:
            yield Mutation(
                f"word of quote #{index}",
                self.replace_at(quote_at, word, word[::-1].capitalize()),
                frozenset({"quote-not-found"}),
                lines,
            )
        if "’" in citation.quote:
            yield Mutation(
                f"straight apostrophe #{index}",
                self.replace_at(quote_at, "’", "'"),
                frozenset({"quote-inexact"}),
                lines,
            )
        yield self.quote_moved(citation, index, lines)
        figure_at = self.offset(citation.field_pos["figure"]) if citation.figure is not None else -1
        if citation.figure is not None and self.text.find(citation.figure, figure_at) >= 0:  # not YAML-escaped
            yield Mutation(
                f"figure pin changed #{index}",
                self.replace_at(figure_at, citation.figure, "7.77"),
                frozenset({"figure-pin-mismatch"}),
                lines,
            )

    def quote_moved(self, citation: Citation, index: int, lines: tuple[int, int]) -> Mutation:
        """Cite another declared source; with a single source, declare one first (shifting lines)."""
        source_at = self.offset(citation.field_pos["source"])
        others = [s.id for s in self.catalog.sources if s.id != citation.source]
        expected = frozenset({"quote-not-found"})
        if others:
            moved = self.replace_at(source_at, citation.source, others[0])
            return Mutation(f"quote moved #{index}", moved, expected, lines)
        moved = self.replace_at(source_at, citation.source, OTHER_ID)
        declared = (
            f"  - id: {OTHER_ID}\n    file: seeds/{OTHER_ID}.txt\n"
            f"    sha256: {hashlib.sha256(OTHER_TEXT.read_bytes()).hexdigest()}\n"
            f'    title: Another text\n    publisher: Test Wire\n    published: "2024"\n'
        )
        anchor = moved.index("\nsources:\n") + len("\nsources:\n")
        shift = declared.count("\n")
        return Mutation(
            f"quote moved #{index}",
            moved[:anchor] + declared + moved[anchor:],
            expected,
            (lines[0] + shift, lines[1] + shift),
            extra_files={f"seeds/{OTHER_ID}.txt": OTHER_TEXT.read_bytes()},
        )


DAMAGE_KINDS = frozenset(
    {
        "value x10",
        "one digit",
        "scale dropped",
        "percent as count",
        "qualifier dropped",
        "qualifier changed",
        "word of quote",
        "straight apostrophe",
        "quote moved",
        "figure pin changed",
    }
)
