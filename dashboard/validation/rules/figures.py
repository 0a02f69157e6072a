"""Does one mention state an indicator's figure? Value, unit and scale compared, pure and without messages.

A mention fits an indicator as `equal` (same kind, unit and value at the unit's scale; a range to a
range; a proportion in words to its percent, rounded as the catalog writes it), as one end of a range
(`low`/`high`, right only with a bound), `scale` (off by 100 for a share, or a power of a thousand),
`unit` (the same number of another kind or unit), `value` (right kind, other value) or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dashboard.text.quantity import Mention
from dashboard.text.units import Measure, Unit

FITS = ("equal", "low", "high", "scale", "unit", "value", "other")
"""Best first."""
SCALES = (Decimal(100), Decimal(1000), Decimal(10) ** 6, Decimal(10) ** 9, Decimal(10) ** 12)
SCALE_NAMES = {
    Decimal(100): "100 (a share written as a fraction?)",
    Decimal(1000): "a thousand",
    Decimal(10) ** 6: "a million",
    Decimal(10) ** 9: "a billion",
    Decimal(10) ** 12: "a trillion",
}


@dataclass(frozen=True)
class Fit:
    """How a mention compares with an indicator."""

    mention: Mention
    fit: str
    """One of FITS."""
    low: Decimal | None
    """The mention's value in the indicator's unit (its low end for a range); None when it has none."""
    high: Decimal | None = None
    ratio: Decimal | None = None
    """For `scale`: the factor between the stated number and `value`."""

    @property
    def rank(self) -> int:
        return FITS.index(self.fit)


def compare(mention: Mention, unit: Unit, value: Decimal, high: Decimal | None) -> Fit:
    """How `mention` compares with the figure `value` (to `high` for a range) in `unit`."""
    if mention.value is None:
        return Fit(mention, "other", None)
    reading = in_unit(mention, unit)
    if reading is None:
        same = mention.value == value or (mention.high is not None and mention.high == value)
        return Fit(mention, "unit" if same and mention.kind not in ("date", "decade") else "other", mention.value)
    low, top = reading
    converted = mention.kind == "measure" and low != mention.value
    if converted and mention.value == value and high is None and scale_ratio(low, value, percent=False) is None:
        return Fit(mention, "unit", mention.value)  # "40km" recorded as 40 miles: the number, another unit
    if high is not None:
        if top is not None and _equal(mention, low, value, unit) and _equal(mention, top, high, unit):
            return Fit(mention, "equal", low, top)
        ratio = scale_ratio(low, value, percent=unit.kind == "percent")
        if top is not None and ratio is not None and scale_ratio(top, high, percent=unit.kind == "percent") == ratio:
            return Fit(mention, "scale", low, top, ratio)
        return Fit(mention, "value", low, top)
    if top is None and _equal(mention, low, value, unit):
        return Fit(mention, "equal", low)
    if top is not None:
        if _equal(mention, low, value, unit):
            return Fit(mention, "low", low, top)
        if _equal(mention, top, value, unit):
            return Fit(mention, "high", low, top)
    for end in (low, top):
        ratio = scale_ratio(end, value, percent=unit.kind == "percent")
        if end is not None and ratio is not None:
            return Fit(mention, "scale", low, top, ratio)
    return Fit(mention, "value", low, top)


def in_unit(mention: Mention, unit: Unit) -> tuple[Decimal, Decimal | None] | None:
    """The mention's value (and high end) in the indicator's unit, or None when it is of another kind or
    unit (a currency it cannot be, a measure of another dimension or rate, another time unit)."""
    assert mention.value is not None
    low, high = mention.value, mention.high
    kind = mention.kind
    if mention.ambiguous and unit.kind == "measure" and unit.measure and unit.measure.dimension == "m":
        return _converted(low / 10**6, None if high is None else high / 10**6, Measure("m", Decimal(1)), unit)
    if kind == "age":
        return None  # an age is no figure of any unit: "the 24-year-old" states no duration either
    if kind != unit.kind:
        return None
    if kind == "currency" and unit.currency not in mention.currencies:
        return None
    if kind == "duration" and (mention.time_unit or "") != (unit.time_unit or ""):
        return None
    if kind == "measure":
        return _converted(low, high, mention.measure, unit)
    return low, high


def _converted(low: Decimal, high: Decimal | None, measure: Measure | None, unit: Unit) -> tuple[
    Decimal, Decimal | None
] | None:  # fmt: skip
    target = unit.measure
    if measure is None or target is None or measure.dimension != target.dimension:
        return None
    if target.rate is not None and measure.rate != target.rate:  # "kilometres" may record "280 kilometres a week"
        return None
    factor = measure.factor / target.factor
    return low * factor, None if high is None else high * factor


def _equal(mention: Mention, stated: Decimal, value: Decimal, unit: Unit) -> bool:
    """Equal values; a proportion in words ("a third") equals its percent rounded to the decimals the
    catalog writes (33, 33.3 or 33.33)."""
    if stated == value:
        return True
    if mention.fraction is None or unit.kind != "percent":
        return False
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if decimals > 4:
        return False
    return stated.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) == value


def scale_ratio(stated: Decimal | None, value: Decimal, *, percent: bool) -> Decimal | None:
    """The power of a thousand (or, for a share, the 100) between the stated number and the value."""
    if stated is None or stated == 0 or value == 0:
        return None
    for scale in SCALES if percent else SCALES[1:]:
        if stated == value * scale or value == stated * scale:
            return scale
    return None


def best(fits: list[Fit]) -> list[Fit]:
    """The fits of the best kind found."""
    if not fits:
        return []
    rank = min(f.rank for f in fits)
    return [f for f in fits if f.rank == rank]
