"""Events placed in time with the precision their sources give (pure: no Streamlit).

A day is a point; a month or a year is a span, drawn across it, its mark in the middle, and sorted after the
events dated more precisely inside it ("during 2024" after 2024-07-28). Marks that would overlap at phone
width are moved to lanes of their own within their theme's row, so every event stays clickable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.present.views import EventView
from dashboard.text.dates import date_parts

MARK_PX = 22
"""Room one mark needs, with a gap, in pixels."""
NARROW_PLOT_PX = 300
"""The plot's width on a phone: lanes are laid out for it, so marks never overlap on any screen."""


@dataclass(frozen=True)
class Placed:
    view: EventView
    start: date
    end: date
    mark: date
    """Where the event's mark stands: the day, or the middle of its month or year."""
    precision: int
    """1 a year, 2 a month, 3 a day."""
    row: str
    """The theme's title."""
    lane: int
    """0 for the first lane of its row."""


def sort_key(iso: str) -> tuple[int, int, int]:
    """Chronological, a month after its days and a year after its months."""
    parts = date_parts(iso)
    return parts[0], parts[1] if len(parts) > 1 else 13, parts[2] if len(parts) > 2 else 32


def span(iso: str) -> tuple[date, date]:
    """The first and last day an ISO date of any precision covers."""
    parts = date_parts(iso)
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def years_of(events: Iterable[EventView]) -> list[int]:
    return sorted({date_parts(e.event.date)[0] for e in events})


def recent_years(events: list[EventView]) -> tuple[int, int]:
    """The shortest run of years ending with the latest that holds at least half of the events: where most
    of the catalog's events are, the default view of the timeline."""
    years = sorted((date_parts(e.event.date)[0] for e in events), reverse=True)
    if not years:
        today = date.today().year
        return today, today
    needed = (len(years) + 1) // 2
    return years[needed - 1], years[0]


def in_years(events: Iterable[EventView], first: int, last: int) -> list[EventView]:
    return [e for e in events if first <= date_parts(e.event.date)[0] <= last]


def place(events: list[EventView], themes: dict[str, str], *, first: int, last: int) -> list[Placed]:
    """Every event with its span, mark and lane, in chronological order."""
    visible_days = (date(last, 12, 31) - date(first, 1, 1)).days + 1
    gap = timedelta(days=visible_days * MARK_PX / NARROW_PLOT_PX)
    lanes: dict[str, list[date]] = {}  # row -> the last occupied day of each lane
    placed = []
    for view in sorted(events, key=lambda e: (sort_key(e.event.date), e.event.id)):
        start, end = span(view.event.date)
        mark = start + (end - start) / 2
        row = themes.get(view.event.theme, view.event.theme)
        taken = lanes.setdefault(row, [])
        occupied_from, occupied_to = min(start, mark - gap / 2), max(end, mark + gap / 2)
        lane = next((i for i, busy_to in enumerate(taken) if busy_to < occupied_from), len(taken))
        if lane == len(taken):
            taken.append(occupied_to)
        else:
            taken[lane] = occupied_to
        placed.append(Placed(view, start, end, mark, len(date_parts(view.event.date)), row, lane))
    return placed


def rows(placed: list[Placed]) -> dict[str, tuple[float, int]]:
    """Each row's (y of its first lane, number of lanes), the rows in alphabetical order."""
    lanes: dict[str, int] = {}
    for item in placed:
        lanes[item.row] = max(lanes.get(item.row, 0), item.lane + 1)
    found, y = {}, 0.0
    for row in sorted(lanes):
        found[row] = (y, lanes[row])
        y += lanes[row] + 0.6
    return found
