"""Date expressions in English news text (the pattern and its reading), catalog periods as year ranges,
and what an expression can mean for a text published on a given date (DESIGN §3).

`PATTERN` is a regex fragment without capturing groups; `dashboard.text.mentions` embeds it in its master
regex and calls `read_date` on each matched text. Decisions:
- month names must be capitalised; a bare month ("the July elections") is a date, except the
  ambiguous May/March/April/June/August, which need a day, a year, a part (early/mid/late), a
  relative word (last/next/this) or a preposition before them ("in May"; see `BARE_CONTEXT`);
- "late 2020", "mid-2020" are dates (year + part), not years;
- numeric dates: YYYY-MM-DD, YYYY/MM/DD, DD.MM.YYYY or MM.DD.YYYY (a day > 12 decides; when both
  readings are possible, dots and dashes read day first, slashes month first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DateExpr:
    """A calendar expression as written, with the precision the text gives."""

    year: int | None
    """Four-digit year, or None when the text gives none ("May 7", "last November")."""
    month: int | None
    """1-12, or None."""
    day: int | None
    """1-31, or None."""
    relative: str | None = None
    """"last" | "next" | "this" for "last November", "last year", "this month"."""
    relative_unit: str | None = None
    """"year" | "month" | "week" for "last year"; None when a month is named ("last November")."""
    part: str | None = None
    """"early" | "mid" | "late" ("mid-February 2022", "early November", "late 2020")."""


_MONTH_NAMES = "january february march april may june july august september october november december"
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}
_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Month names that are also common words or given names: they need context to count as dates.
AMBIGUOUS_MONTHS = frozenset({"May", "March", "April", "June", "August"})
BARE_CONTEXT = re.compile(
    r"(?<![\w-])(?:(?i:in|since|until|till|by|during|from|to|through|before|after|of|on|between|and)\s+"
    r"|(?i:a|an|the)\s+(?:[a-z]+\s+){0,2})\Z"
)

_S = r"[ \u00a0]"
_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\w]|[.,:]\d|-[^\W\d])"
_PART = r"(?i:early|mid|late)(?:-|" + _S + r"+)"
_REL = r"(?i:last|next|this)" + _S + r"+"
_LEAD = r"(?<![\w.@/:#\\$])(?<!\d,)(?<![A-Za-z]-)"

PATTERN = "|".join(
    [
        # 2025-05-07, 2025/05/07
        _LEAD + r"(?:1[89]|20)\d\d(?P<dsep1>[-/])[01]?\d(?P=dsep1)[0-3]?\d(?![\w/-]|[.,:]\d)",
        # 18.05.2025, 05.18.2025, 5/18/2025
        _LEAD + r"[0-3]?\d(?P<dsep2>[./-])[0-3]?\d(?P=dsep2)(?:1[89]|20)\d\d(?![\w/-]|[.,:]\d)",
        # (early |last )May 9(, 2025) | (mid-)February 2022 | last November | Sept. 11
        r"(?:"
        + _PART
        + "|"
        + _REL
        + r")?\b"
        + _FULL
        + r"\b(?:"
        + _S
        + _DAY
        + r"(?:,"
        + _S
        + r"*"
        + _YEAR
        + r")?|,?"
        + _S
        + _YEAR
        + r"|"
        + _S
        + r"+(?i:last|next|this)"
        + _S
        + r"+(?i:year)\b)?",
        r"\b" + _ABBR + _S + _DAY + r"(?:," + _S + r"*" + _YEAR + r")?",
        # 7 May 2025, 7th of May
        _LEAD + _DAY + _S + r"(?:of" + _S + r")?" + _FULL + r"\b(?:,?" + _S + _YEAR + r")?",
        # late 2020, mid-2020 (decades are matched before this pattern)
        _PART + _YEAR,
        # last year, this month
        _REL + r"(?i:year|month|week)\b",
    ]
)

_NUMERIC_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})[./-](\d{4})")
_HEAD = re.compile(r"(?i:(early|mid|late)|(last|next|this))[-\s]+")
_MONTH_OF_YEAR = re.compile(r"([A-Za-z]+)\s+(last|next|this)\s+year", re.IGNORECASE)
_PIECES = re.compile(r"(\d{4})(?!\d)|(\d{1,2})(?:st|nd|rd|th)?(?!\d)|([A-Za-z]+)")


def read_date(text: str) -> DateExpr | None:
    """Read a text matched by `PATTERN`; None when it names no valid date (month 13, day 32)."""
    iso = _NUMERIC_ISO.fullmatch(text)
    if iso:
        return _checked(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        first, second = int(numeric[1]), int(numeric[3])
        day_first = second <= 12 and (first > 12 or numeric[2] != "/")
        return _checked(int(numeric[4]), second if day_first else first, first if day_first else second)
    composite = _MONTH_OF_YEAR.fullmatch(text)
    if composite and composite[1].lower() in MONTHS:  # "August last year"
        return DateExpr(None, MONTHS[composite[1].lower()], None, composite[2].lower(), "year")
    part = relative = unit = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    head = _HEAD.match(text)
    if head:
        part = head[1] and head[1].lower()
        relative = head[2] and head[2].lower()
        text = text[head.end() :]
    for piece in _PIECES.finditer(text):
        if piece[1]:
            year = int(piece[1])
        elif piece[2]:
            day = int(piece[2])
        elif piece[3].lower() in ("year", "month", "week"):
            unit = piece[3].lower()
        elif piece[3].lower() != "of":
            word = piece[3].lower()
            month = MONTHS.get(word) or _ABBREVIATIONS.get(word.rstrip("."))
    return DateExpr(year, month, day, relative, unit, part)


def _checked(year: int, month: int, day: int) -> DateExpr | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateExpr(year, month, day)


def needs_context(text: str) -> bool:
    """True for a bare ambiguous month name ("May", "March") that counts only after a preposition."""
    return text in AMBIGUOUS_MONTHS


# --------------------------------------------------------------------------------------------
# Periods and dates of the catalog, and what a date expression can mean for a text of a given date

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


def resolve_date(
    expr: DateExpr, *, published: str, quote_years: tuple[int, ...] = (), tense: str | None = None
) -> list[tuple[int, ...]]:
    """The dates an expression can mean for a text published on `published`, most precise first.

    A day or month without a year ("10 August") is the last such month before writing when its clause
    looks back (`tense` "past"), the next one when it looks ahead ("future"), either when the tense is
    unknown; it may also take a year the same quote states ("the Paris 2024 Olympics ... on 10 August")."""
    pub = date_parts(published)
    year, month = pub[0], pub[1] if len(pub) > 1 else None
    if expr.year is not None:
        years = [expr.year]
    elif expr.relative_unit == "year":  # "last year", "August last year"
        which = year + {"last": -1, "next": 1}.get(expr.relative or "", 0)
        return [(which, expr.month)] if expr.month else [(which,)]
    elif expr.relative_unit == "week":
        return _week(expr.relative or "this", pub)
    elif expr.relative_unit == "month":
        if month is None:
            return [(year,), (year - 1,)]
        shift = {"last": -1, "next": 1}.get(expr.relative or "", 0)
        index = year * 12 + month - 1 + shift
        return [(index // 12, index % 12 + 1)]
    elif expr.month is None:
        return []
    elif expr.relative == "last":
        years = [year if month is not None and expr.month < month else year - 1]
        if month is None:
            years.append(year)
    elif expr.relative == "next":
        years = [year if month is not None and expr.month > month else year + 1]
    elif month is None:
        years = [year, year - 1, year + 1] if tense is None else [year, year + (1 if tense == "future" else -1)]
        years += [y for y in quote_years if y not in years]
    else:
        last = year if expr.month <= month else year - 1
        upcoming = year if expr.month >= month else year + 1
        years = {"past": [last], "future": [upcoming]}.get(tense or "", list(dict.fromkeys([last, upcoming])))
        years += [y for y in quote_years if y not in years]
    parts: list[int] = []
    for part in (expr.month, expr.day):
        if part is None:
            break
        parts.append(part)
    return [(y, *parts) for y in years]


def _week(relative: str, pub: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The months (or years) that the Monday-to-Sunday week "last/this/next week" can touch."""
    shift = {"last": -7, "next": 7}.get(relative, 0)
    if len(pub) < 3:  # published without a day: the week may fall in the adjacent month or year
        year, month = pub[0], pub[1] if len(pub) > 1 else None
        if month is None:
            return [(year,), (year + (1 if shift > 0 else -1),)] if shift else [(year,)]
        index = year * 12 + month - 1 + (1 if shift > 0 else -1 if shift < 0 else 0)
        return list(dict.fromkeys([(year, month), (index // 12, index % 12 + 1)]))
    day = date(*pub[:3]) + timedelta(days=shift)
    monday = day - timedelta(days=day.weekday())
    days = [monday + timedelta(days=n) for n in range(7)]
    return list(dict.fromkeys((d.year, d.month) for d in days))
