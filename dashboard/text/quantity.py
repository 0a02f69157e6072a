"""A quantity or date as a text states it: the record every reader (one per language) produces."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dashboard.text.dates import DateExpr
from dashboard.text.units import Measure

KINDS = (
    "count", "percent", "currency", "duration", "year", "decade", "ordinal", "date", "multiplier", "measure", "age",
)  # fmt: skip
"""count: a number of things ("343 agreements"); percent (proportions in words included: "a third");
currency; duration ("10 years"); year; decade; ordinal ("80th", "third-largest"); date; multiplier
("tripled", "nine-fold"); measure (a physical or trade unit: "165km", "1.2m b/d", "9 basis points");
age ("Boateng, 52,", "a 24-year-old")."""
DATE_KINDS = ("date", "year", "decade")
"""Kinds that date something; a decade supports no ISO date (any year would be finer)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One number or date expression found in a text."""

    start: int
    """Code-point offset (Python str index) of the expression in the text given."""
    end: int
    """Offset just past the expression."""
    text: str
    """text[start:end]: the expression without its hedge ("$17bn", "60 per cent", "1.2m b/d", "May 7")."""
    numeral: str
    """The number part only ("17", "eight", "11,000", "two-thirds"); for dates and decades the text."""
    kind: str
    """One of KINDS."""
    value: Decimal | None
    """In base units ("$17bn" -> 17000000000, "60 per cent" -> 60, "a third" -> 33.33…, "1.2m b/d" ->
    1200000); for a range, its low end. None for dates."""
    high: Decimal | None = None
    """A range's high end ("between 2 and 3 million", "20-25%"); None for a single value."""
    currencies: tuple[str, ...] = ()
    """ISO 4217 codes the currency may be, the likeliest first ("$" in a text is any dollar)."""
    measure: Measure | None = None
    """The unit of a measure (kind measure): dimension, factor (value x factor is the base value), rate."""
    unit_text: str | None = None
    """The unit as written, for a measure ("km", "b/d", "bcm/yr", "basis points"): a catalog unit that
    reads the value as the text writes it."""
    time_unit: str | None = None
    """"years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds" | "decades" for durations."""
    noun: str | None = None
    """The words right after a count, what it counts ("head of cattle", "12-inch wafers a month")."""
    rate: str | None = None
    """The time a count or an amount is per ("d" for "20 cargoes a day", "yr" for "£5m a year")."""
    qualifier: str | None = None
    """The hedge, as a phrase of hedges.HEDGE_GROUPS ("more than", "north of"), else None."""
    optional_hedge: bool = False
    """The wording is vague in itself ("a couple of thousand"): with or without an approximate qualifier."""
    fraction: tuple[int, int] | None = None
    """A proportion in words ("two-thirds" -> (2, 3)); `value` is its percent equivalent."""
    date: DateExpr | None = None
    """The date read, for kind "date"."""
    period: str | None = None
    """Interval for years in ranges ("2000/2021", "2006/..") and decades ("2000/2009")."""
    ambiguous: str | None = None
    """Set when the text cannot decide what the number is ("100m": metres or million); says the readings."""

    @property
    def currency(self) -> str | None:
        """The likeliest currency, for messages and suggestions."""
        return self.currencies[0] if self.currencies else None

    @property
    def is_range(self) -> bool:
        return self.high is not None
