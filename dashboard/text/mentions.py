"""Reading numbers, dates and hedges in a text, whatever its language: the one entry the other layers use.

`read_mentions(text, language)` hands the text to that language's reader (english.py, spanish.py; a new language is
a new module with a `read_mentions(text)` of its own). `matches_figure` tells whether a catalog `figure`
pin names a mention; `format_value` writes a catalog value for display, in words an English reader
reads back to the same value, kind and qualifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from dashboard.text import english, russian, spanish
from dashboard.text.dates import DateExpr
from dashboard.text.hedges import AFTER_NUMBER, HEDGE_GROUPS, QUALIFIERS, qualifier_group
from dashboard.text.quantity import DATE_KINDS, KINDS, Mention
from dashboard.text.units import RATE_WORDS, Unit, parse_unit

__all__ = ["DATE_KINDS", "HEDGE_GROUPS", "KINDS", "QUALIFIERS", "DateExpr", "Mention", "format_value",
           "matches_figure", "qualifier_group", "read_mentions", "unit_kind", "LANGUAGES"]  # fmt: skip

Reader = Callable[[str], list[Mention]]
LANGUAGES: dict[str, Reader] = {"en": english.read_mentions, "es": spanish.read_mentions, "ru": russian.read_mentions}
"""Primary language subtag -> that language's reader."""


def reader_for(language: str | None) -> Reader | None:
    """The reader of a BCP 47 tag ("en", "en-GB", "es-VE"); None for a language no module reads."""
    return LANGUAGES.get((language or "en").split("-")[0].lower())


def read_mentions(text: str, language: str | None = "en") -> list[Mention]:
    """All number and date mentions of `text`, sorted by start and non-overlapping."""
    reader = reader_for(language)
    if reader is None:
        raise ValueError(f"no reader for the language {language!r}")
    return reader(text)


_FOLD = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})


def fold_figure(text: str) -> str:
    """A `figure` pin or a text compared loosely: no-break and thin spaces as spaces, blank runs as one."""
    return " ".join(text.translate(_FOLD).split())


def matches_figure(mention: Mention, figure: str) -> bool:
    """True when a catalog `figure` pin names this mention: its text or its number part ("$88 mln",
    "88"), or its text with the unit words after it ("1.2m b/d"), spaces folded."""
    pin = fold_figure(figure)
    return pin in (fold_figure(mention.text), fold_figure(mention.numeral))


def pinned(mentions: list[Mention], figure: str, *, quote: str, quote_start: int) -> list[Mention]:
    """The mentions a `figure` pin names: by its text, or by where the pin stands in the quote (a pin may
    hold a mention with the words around it: "$2.4tn to $3tn", "92 and 95 million", "1.2m b/d of")."""
    named = [m for m in mentions if matches_figure(m, figure)]
    if named:
        return named
    pin = fold_figure(figure)
    if not pin:
        return []
    folded = quote.translate(_FOLD)
    found = []
    for match in re.finditer(re.escape(figure.translate(_FOLD)).replace(r"\ ", r"\s+"), folded):
        start, end = quote_start + match.start(), quote_start + match.end()
        found += [m for m in mentions if m.start < end and start < m.end and m not in found]
    return found


def names_a_number(figure: str, quote: str) -> bool:
    """True when `figure` stands in `quote` and holds a number in digits or words, quantity or not (a model
    number "737", a label "block 12", "the 4x100m"): what an exclusion may set aside."""
    pin = fold_figure(figure)
    if not pin or pin not in fold_figure(quote):
        return False
    return any(start < len(pin) for start, _ in english.numeric_tokens(pin))


def unit_kind(unit: str) -> str:
    """The mention kind a catalog unit calls for."""
    return parse_unit(unit).kind


_SYMBOL_FOR = {"USD": "$", "EUR": "€", "GBP": "£"}


def format_value(value: Decimal, *, unit: str, qualifier: str | None = None, high: Decimal | None = None) -> str:
    """Display text of a catalog value that read_mentions reads back to the same value, kind and qualifier
    ("343 agreements", "nearly 60%", "$17 billion", "2–3 million people", "1.2 million barrels per day")."""
    parsed = parse_unit(unit)
    body = _body(value, parsed) if high is None else _range_body(value, high, parsed)
    if not qualifier:
        return body
    if qualifier in AFTER_NUMBER:  # after the number, before what it counts: "40,000 or more people"
        after = f"-{qualifier}" if qualifier in ("odd", "plus") else f" {qualifier}"
        if parsed.kind == "count" and high is None:
            number = _scaled(value)
            return number + after + body[len(number) :]
        return body + after
    return f"{qualifier} {body}"


def _range_body(low: Decimal, high: Decimal, unit: Unit) -> str:
    first, last = _body(low, unit), _body(high, unit)
    if unit.kind == "currency":
        return f"{first} to {last}"
    head, _, tail = first.partition(" ")
    if tail and last.partition(" ")[2] == tail:  # "2 million people", "3 million people": one scale and noun
        first = head
    return f"between {first} and {last}"


def _body(value: Decimal, unit: Unit) -> str:
    kind = unit.kind
    if kind == "year":
        return format(value, "f")
    if kind == "ordinal":
        return f"{value:f}{_ordinal_suffix(int(value))}"
    if kind == "percent":
        return _grouped(value) + "%"
    if kind == "multiplier":
        return f"{_grouped(value)} times"
    if kind == "currency":
        symbol = _SYMBOL_FOR.get(unit.text)
        return f"{symbol}{_scaled(value)}" if symbol else f"{_scaled(value)} {unit.text}"
    if kind == "duration":
        return f"{_grouped(value)} {unit.text[:-1] if value == 1 and unit.text.endswith('s') else unit.text}"
    if kind == "measure":
        return f"{_scaled(value)} {unit.text}"
    rate = f" per {RATE_WORDS[unit.rate]}" if unit.rate else ""
    return f"{_scaled(value)} {unit.noun or unit.text}{rate}"


def _grouped(value: Decimal) -> str:
    return format(value, ",f")


def _scaled(value: Decimal) -> str:
    """ "6.6 million" when exact to 3 decimals in millions/billions/trillions, else "11,000"."""
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if scale <= abs(value) and (abs(value) < scale * 1000 or scale == 10**12):
            short = value / scale
            if short == short.quantize(Decimal("0.001")):
                return f"{_grouped(short.normalize())} {word}"
    return _grouped(value)


def _ordinal_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
