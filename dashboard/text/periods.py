"""Periods and dates of the catalog as year ranges and precise tuples (pure)."""

from __future__ import annotations

OPEN_END = 9999


def date_parts(iso: str) -> tuple[int, ...]:
    """`2024-07-28` -> (2024, 7, 28); `2024-07` -> (2024, 7); `2024` -> (2024,)."""
    return tuple(int(part) for part in iso.split("-"))


def year_range(period: str) -> tuple[int, int]:
    """First and last year a period covers: `2000/2021` -> (2000, 2021); `2006/..` -> (2006, 9999)."""
    start, _, end = period.partition("/")
    first = date_parts(start)[0]
    if not end:
        return first, first
    return first, OPEN_END if end == ".." else date_parts(end)[0]
