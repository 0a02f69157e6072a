"""Tests of dashboard.text.mentions: table-driven readings, the seeds, and round-trip properties."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.text.mentions import (
    KINDS,
    QUALIFIERS,
    DateExpr,
    Mention,
    format_value,
    matches_figure,
    read_mentions,
    unit_kind,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = Path(__file__).resolve().parent.parent / "cases" / "figures" / "seeds.json"


def brief(mention: Mention) -> tuple[str, str, str | None, str | None]:
    """(text, kind, value, qualifier) of a mention; value as a normalised string."""
    value = None if mention.value is None else format(mention.value.normalize(), "f")
    return mention.text, mention.kind, value, mention.qualifier


def read(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [brief(m) for m in read_mentions(text)]


# (text, expected mentions as (text, kind, value, qualifier))
READINGS = [
    # separators, decimals, scales
    ("about 11,000 head of cattle", [("11,000", "count", "11000", "about")]),
    ("a total of 1,234,567 votes", [("1,234,567", "count", "1234567", None)]),
    ("some 11\u00a0000 troops", [("11\u00a0000", "count", "11000", "some")]),
    ("11\u202f000 and 12\u2009000", [("11\u202f000", "count", "11000", None), ("12\u2009000", "count", "12000", None)]),
    ("grew 6.6 per cent", [("6.6 per cent", "percent", "6.6", None)]),
    ("approximately $17bn in loans", [("$17bn", "currency", "17000000000", "approximately")]),
    ("a $17 bn deal", [("$17 bn", "currency", "17000000000", None)]),
    ("$5m and $2.5b", [("$5m", "currency", "5000000", None), ("$2.5b", "currency", "2500000000", None)]),
    ("US$2.5 billion", [("US$2.5 billion", "currency", "2500000000", None)]),
    ("17 billion dollars", [("17 billion dollars", "currency", "17000000000", None)]),
    ("USD 17 billion", [("USD 17 billion", "currency", "17000000000", None)]),
    ("€3bn and £2m", [("€3bn", "currency", "3000000000", None), ("£2m", "currency", "2000000", None)]),
    ("1.5 million barrels", [("1.5 million barrels", "measure", "1500000", None)]),
    ("5k runners, 3 tn yen", [("5k", "count", "5000", None), ("3 tn yen", "currency", "3000000000000", None)]),
    ("7 MILLION", [("7 MILLION", "count", "7000000", None)]),
    ("5 million RUB", [("5 million RUB", "currency", "5000000", None)]),
    ("a fall of -5%", [("-5%", "percent", "-5", None)]),
    # number words
    ("More than eight million displaced citizens", [("eight million", "count", "8000000", "more than")]),
    ("his three terms in office", [("three", "count", "3", None)]),
    ("the two countries", [("two", "count", "2", None)]),
    ("Two countries", [("Two", "count", "2", None)]),
    ("twenty-five years", [("twenty-five years", "duration", "25", None)]),
    ("a hundred people", [("a hundred", "count", "100", None)]),
    ("one hundred and twenty votes", [("one hundred and twenty", "count", "120", None)]),
    ("nine thousand troops", [("nine thousand", "count", "9000", None)]),
    ("one million people", [("one million", "count", "1000000", None)]),
    ("one of the first", []),
    ("no one knows, an hour", []),
    ("the Second World War, the first term", []),
    ("two-thirds of voters", [("two-thirds", "percent", "66.66666666666666666666666667", None)]),
    ("thousands of people, millions more", []),
    # percent
    ("70% of arms", [("70%", "percent", "70", None)]),
    ("60 percent", [("60 percent", "percent", "60", None)]),
    ("5pc rise", [("5pc", "percent", "5", None)]),
    ("3 percentage points", [("3 percentage points", "measure", "3", None)]),
    ("sixty per cent", [("sixty per cent", "percent", "60", None)]),
    # lists sharing a scale or a unit
    (
        "with 6.6, 5.9 and 4.5 million people",
        [
            ("6.6", "count", "6600000", None),
            ("5.9", "count", "5900000", None),
            ("4.5 million", "count", "4500000", None),
        ],
    ),
    ("between 5 and 6 million", [("5 and 6 million", "count", "5000000", None)]),
    ("5-6 million", [("5-6 million", "count", "5000000", None)]),
    (
        "10%, 20% and 30%",
        [("10%", "percent", "10", None), ("20%", "percent", "20", None), ("30%", "percent", "30", None)],
    ),
    ("$2bn and $3bn", [("$2bn", "currency", "2000000000", None), ("$3bn", "currency", "3000000000", None)]),
    ("12 and 15 per cent", [("12", "percent", "12", None), ("15 per cent", "percent", "15", None)]),
    (
        "2 and 3 billion dollars",
        [("2", "currency", "2000000000", None), ("3 billion dollars", "currency", "3000000000", None)],
    ),
    ("In 2021, 12 per cent of voters", [("2021", "year", "2021", None), ("12 per cent", "percent", "12", None)]),
    ("Of the 30, 12 per cent", [("30", "count", "30", None), ("12 per cent", "percent", "12", None)]),
    ("over 5 and 6 million", [("5", "count", "5000000", "over"), ("6 million", "count", "6000000", None)]),
    # durations and ordinals
    ("a 10-year partnership", [("10-year", "duration", "10", None)]),
    ("for 10 years", [("10 years", "duration", "10", None)]),
    ("a three-year plan", [("three-year", "duration", "3", None)]),
    ("up to 6 months", [("6 months", "duration", "6", "up to")]),
    ("a 10-year-old girl", [("10-year-old", "age", "10", None)]),
    ("one day, he left", []),
    ("the 80th anniversary", [("80th", "ordinal", "80", None)]),
    ("the 18th-century visit", [("18th-century", "decade", "1700", None)]),
    ("since the late nineteenth century", [("late nineteenth century", "decade", "1800", None)]),
    (
        "21st, 2nd and 3rd",
        [("21st", "ordinal", "21", None), ("2nd", "ordinal", "2", None), ("3rd", "ordinal", "3", None)],
    ),
    # years, decades
    ("in 2019", [("2019", "year", "2019", None)]),
    ("Maduro's 2018 re-election", [("2018", "year", "2018", None)]),
    ("the 1990s", [("1990s", "decade", "1990", None)]),
    ("the early 2000s", [("early 2000s", "decade", "2000", None)]),
    ("the mid-1990s", [("mid-1990s", "decade", "1990", None)]),
    ("the ’90s", [("’90s", "decade", "1990", None)]),
    ("in 1799 and 2100", [("1799", "count", "1799", None), ("2100", "count", "2100", None)]),
    # dates
    ("on May 7 in Moscow", [("May 7", "date", None, None)]),
    ("By bne IntelliNews March 17, 2025", [("March 17, 2025", "date", None, None)]),
    ("7 May 2025", [("7 May 2025", "date", None, None)]),
    ("the 7th of May", [("7th of May", "date", None, None)]),
    ("in April 2022.", [("April 2022", "date", None, None)]),
    ("July 2024 election", [("July 2024", "date", None, None)]),
    ("In mid-February 2022,", [("mid-February 2022", "date", None, None)]),
    ("In early November, the", [("early November", "date", None, None)]),
    ("in late 2020, Lavrov", [("late 2020", "date", None, None)]),
    ("Last November, he", [("Last November", "date", None, None)]),
    ("last year’s election and last month", [("last year", "date", None, None), ("last month", "date", None, None)]),
    ("(Accessed Date: 05.18.2025).", [("05.18.2025", "date", None, None)]),
    ("18.05.2025", [("18.05.2025", "date", None, None)]),
    ("2025-05-07 and 2025/05/07", [("2025-05-07", "date", None, None), ("2025/05/07", "date", None, None)]),
    ("Sept. 11, 2001", [("Sept. 11, 2001", "date", None, None)]),
    ("the disputed July elections", [("July", "date", None, None)]),
    ("in May, and since March", [("May", "date", None, None), ("March", "date", None, None)]),
    ("may 7 it may be; Theresa May said; March on", [("7", "count", "7", None)]),
    ("May 32", [("32", "count", "32", None)]),
    ("13.13.2025", []),
    # qualifiers
    ("nearly 60 per cent", [("60 per cent", "percent", "60", "nearly")]),
    ("almost 5 people", [("5", "count", "5", "almost")]),
    ("under 5 people", [("5", "count", "5", "under")]),
    ("less than 10%", [("10%", "percent", "10", "less than")]),
    ("at least 4 dead", [("4", "count", "4", "at least")]),
    ("an estimated 6 million", [("6 million", "count", "6000000", "an estimated")]),
    ("roughly 3 and around 4", [("3", "count", "3", "roughly"), ("4", "count", "4", "around")]),
    ("Over 100 Venezuelans", [("100", "count", "100", "over")]),
    ("about a year after 2019", [("a year", "duration", "1", "about"), ("2019", "year", "2019", None)]),
    ("the total was about\n5 people", [("5", "count", "5", "about")]),
    ("what it was about\n\n5 people", [("5", "count", "5", None)]),
    ("nothing about it 5", [("5", "count", "5", None)]),
    ("hereabout 5", [("5", "count", "5", None)]),
    # ignored
    ("![caption on May 7.](/gc7/images/2025/05/12/50350-venezuela-370_237.webp)", [("May 7", "date", None, None)]),
    ("see https://example.com/2019/report-12 and www.site.org/page/30", []),
    ("[link](https://x.org/a?id=2019) and [text 5](/p/6)", [("5", "count", "5", None)]),
    ("/gc7/images/2025/05/12/file.webp", []),
    ("write to info2019@example.com or 123@x.org", []),
    ("T-72, Su-30, MiG-29, S-300, F-16, COVID-19, G20, 5G, 3D, C-Bottom", []),
    ("Catherine II in World War II [i] [ii] [iv]", []),
    ("as noted.[1] Then[12]", []),
    ("CC BY 4.0, CC BY-SA 3.0", []),
    ("at 10:30 or 10.30am", []),
    ("v2 and __v2__ and afp__20250507__44te29g", []),
    ("photo_2019-05.jpg", []),
    # readings fixed against unseen documents (tests/cases/unseen)
    ("sent. A hundred health workers", [("A hundred", "count", "100", None)]),
    ("said. A million more", [("A million", "count", "1000000", None)]),
    ("17,000 billion Norwegian kroner", [("17,000 billion Norwegian kroner", "currency", "17000000000000", None)]),
    ("17,000 billion kroner", [("17,000 billion kroner", "currency", "17000000000000", None)]),
    (
        "CHF 3.2 billion over 10 years",
        [("CHF 3.2 billion", "currency", "3200000000", None), ("10 years", "duration", "10", None)],
    ),
    ("it lasted for over 10 years", [("10 years", "duration", "10", "over")]),
    ("over 20 years ago", [("20 years", "duration", "20", "over")]),
    ("a 1,500-strong crew", [("1,500", "count", "1500", None)]),
    ("a 2-nanometre process", [("2-nanometre", "measure", "2", None)]),
    (
        "$5m-a-year, two-thirds, one-off",
        [("$5m", "currency", "5000000", None), ("two-thirds", "percent", "66.66666666666666666666666667", None)],
    ),
    ("fell by as much as 50%", [("50%", "percent", "50", "as much as")]),
    (
        "thicker than 40mm, 1.5C, 1.64°C, 2.4GHz, 50km/h",
        [
            ("40mm", "measure", "40", None),
            ("1.5C", "measure", "1.5", None),
            ("1.64°C", "measure", "1.64", None),
            ("2.4GHz", "measure", "2.4", None),
            ("50km/h", "measure", "50", None),
        ],
    ),
    ("roughly 20–25%", [("20–25%", "percent", "20", "roughly")]),
    ("about 5-6 million", [("5-6 million", "count", "5000000", "about")]),
]


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[t for t, _ in READINGS])
def test_reading(text: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    assert read(text) == expected


def one(text: str) -> Mention:
    mentions = read_mentions(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("$17bn", "USD"),
        ("US$2.5 billion", "USD"),
        ("USD 17 billion", "USD"),
        ("17 billion dollars", "USD"),
        ("17 billion US dollars", "USD"),
        ("€3bn", "EUR"),
        ("5 million euros", "EUR"),
        ("£2m", "GBP"),
        ("2 million pounds sterling", "GBP"),
        ("5 billion roubles", "RUB"),
        ("5 billion rubles", "RUB"),
        ("5 billion yuan", "CNY"),
        ("5 million RUB", "RUB"),
        ("3 billion Swiss francs", "CHF"),
        ("5m Swedish kronor", "SEK"),
        ("10 billion reais", "BRL"),
        ("2 million zlotys", "PLN"),
        ("NOK 5 billion", "NOK"),
    ],
)
def test_currency(text: str, currency: str) -> None:
    mention = one(text)
    assert (mention.kind, mention.currency) == ("currency", currency)


def test_non_currency_mentions_have_no_currency() -> None:
    assert one("5 million people").currency is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("May 7", DateExpr(None, 5, 7)),
        ("March 17, 2025", DateExpr(2025, 3, 17)),
        ("7 May 2025", DateExpr(2025, 5, 7)),
        ("July 2024", DateExpr(2024, 7, None)),
        ("in April 2022", DateExpr(2022, 4, None)),
        ("mid-February 2022", DateExpr(2022, 2, None, part="mid")),
        ("early November", DateExpr(None, 11, None, part="early")),
        ("Late 2020", DateExpr(2020, None, None, part="late")),
        ("last November", DateExpr(None, 11, None, relative="last")),
        ("Last July", DateExpr(None, 7, None, relative="last")),
        ("last year", DateExpr(None, None, None, relative="last", relative_unit="year")),
        ("next month", DateExpr(None, None, None, relative="next", relative_unit="month")),
        ("05.18.2025", DateExpr(2025, 5, 18)),
        ("18.05.2025", DateExpr(2025, 5, 18)),
        ("05.06.2025", DateExpr(2025, 6, 5)),
        ("05/06/2025", DateExpr(2025, 5, 6)),
        ("2025-05-07", DateExpr(2025, 5, 7)),
        ("Dec. 31st, 1999", DateExpr(1999, 12, 31)),
    ],
)
def test_date(text: str, date: DateExpr) -> None:
    mention = one(text)
    assert (mention.kind, mention.value, mention.date) == ("date", None, date)


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("from 2000 to 2021", ["2000/2021", "2000/2021"]),
        ("2000–2021", ["2000/2021", "2000/2021"]),
        ("2000-2021", ["2000/2021", "2000/2021"]),
        ("between 2000 and 2021", ["2000/2021", "2000/2021"]),
        ("in 2017 and then again in 2019", [None, None]),
        ("2014-15", ["2014/2015", "2014/2015"]),
        ("since 2006", ["2006/.."]),
        ("Since 1999, Cuba", ["1999/.."]),
        ("the 2000s", ["2000/2009"]),
        ("the early 2000s", ["2000/2003"]),
        ("the mid-1990s", ["1993/1996"]),
        ("the late 1980s", ["1987/1989"]),
    ],
)
def test_period(text: str, periods: list[str | None]) -> None:
    assert [m.period for m in read_mentions(text)] == periods


def test_short_year_range_reads_the_second_year() -> None:
    assert [(m.kind, m.value) for m in read_mentions("2014-15")] == [("year", Decimal(2014)), ("year", Decimal(2015))]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("10-year", "years"),
        ("6 months", "months"),
        ("3 weeks", "weeks"),
        ("two days", "days"),
        ("five decades", "decades"),
    ],
)
def test_time_unit(text: str, unit: str) -> None:
    mention = one(text)
    assert (mention.kind, mention.time_unit) == ("duration", unit)


def test_numeral_is_the_number_part() -> None:
    numerals = [m.numeral for m in read_mentions("$17bn, eight million, 11,000, 60 per cent, 80th, 10-year, May 7")]
    assert numerals == ["17", "eight", "11,000", "60", "80", "10", "May 7"]


def test_list_items_share_the_scale_but_keep_their_own_span() -> None:
    text = "6.6, 5.9 and 4.5 million"
    assert [(m.start, m.end, m.numeral) for m in read_mentions(text)] == [(0, 3, "6.6"), (5, 8, "5.9"), (13, 24, "4.5")]


def test_qualifier_applies_to_the_first_list_item_only() -> None:
    assert [m.qualifier for m in read_mentions("nearly 10%, 20% and 30%")] == ["nearly", None, None]


def test_values_are_decimals_in_base_units() -> None:
    mention = one("$17bn")
    assert isinstance(mention.value, Decimal) and mention.value == Decimal(17_000_000_000)
    assert str(one("6.6 million").value) == "6600000"


def test_qualifiers_table() -> None:
    """The catalog's first fourteen qualifiers keep their groups; every hedge phrase has one of three."""
    first = {
        **dict.fromkeys(("about", "approximately", "around", "roughly", "some", "estimated"), "approximate"),
        **dict.fromkeys(("nearly", "almost", "under", "less than", "up to"), "upper"),
        **dict.fromkeys(("over", "more than", "at least"), "lower"),
    }
    assert {q: QUALIFIERS[q] for q in first} == first
    assert set(QUALIFIERS.values()) == {"approximate", "upper", "lower"}
    for phrase in ("close to", "just under", "fewer than", "above", "below", "topped", "upwards of", "in excess of",
                   "as many as", "as much as", "longer than", "no fewer than", "north of"):  # fmt: skip
        assert phrase in QUALIFIERS, phrase


def test_qualifiers_do_not_attach_to_years_or_dates() -> None:
    assert [m.qualifier for m in read_mentions("over 2019 and around May 7")] == [None, None]


def test_matches_figure() -> None:
    eleven, seventeen = read_mentions("11\u00a0000 and $17bn")
    assert matches_figure(eleven, "11 000") and matches_figure(eleven, "11\u202f000")
    assert matches_figure(seventeen, "$17bn") and matches_figure(seventeen, "17")
    assert not matches_figure(seventeen, "17bn") and not matches_figure(eleven, "11,000")


@pytest.mark.parametrize(
    ("unit", "kind"),
    [
        ("percent", "percent"),
        ("USD", "currency"),
        ("EUR", "currency"),
        ("years", "duration"),
        ("months", "duration"),
        ("year", "year"),
        ("ordinal", "ordinal"),
        ("people", "count"),
        ("head of cattle", "count"),
        ("usd", "count"),
    ],
)
def test_unit_kind(unit: str, kind: str) -> None:
    assert unit_kind(unit) == kind and kind in KINDS


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "text"),
    [
        (Decimal(8_000_000), "people", "more than", "more than 8 million people"),
        (Decimal(60), "percent", "nearly", "nearly 60%"),
        (Decimal(17_000_000_000), "USD", "approximately", "approximately $17 billion"),
        (Decimal(11_000), "head of cattle", "about", "about 11,000 head of cattle"),
        (Decimal(343), "agreements", None, "343 agreements"),
        (Decimal(10), "years", None, "10 years"),
        (Decimal(1), "years", None, "1 year"),
        (Decimal(2019), "year", None, "2019"),
        (Decimal(80), "ordinal", None, "80th"),
        (Decimal(5_000_000), "EUR", None, "€5 million"),
        (Decimal(2_500_000), "GBP", None, "£2.5 million"),
        (Decimal(5_000_000), "RUB", None, "5 million RUB"),
        (Decimal(6_600_000), "people", None, "6.6 million people"),
        (Decimal(1_234_567), "people", None, "1,234,567 people"),
        (Decimal(10**12), "USD", None, "$1 trillion"),
        (Decimal(6), "people", "estimated", "estimated 6 people"),
    ],
)
def test_format_value(value: Decimal, unit: str, qualifier: str | None, text: str) -> None:
    assert format_value(value, unit=unit, qualifier=qualifier) == text


def _seed_summary(path: Path) -> list[list[object]]:
    text = path.read_text(encoding="utf-8")
    return [
        [m.text, m.kind, None if m.value is None else str(m.value), m.qualifier, m.currency, m.period]
        for m in read_mentions(text)
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_mentions(name: str) -> None:
    """Every mention of every seed, checked by eye once and pinned in cases/figures/seeds.json."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert _seed_summary(SEEDS / name) == expected[name]


def test_seed_examples() -> None:
    def find(name: str, text: str) -> list[Mention]:
        return [m for m in read_mentions((SEEDS / name).read_text(encoding="utf-8")) if m.text == text]

    seventeen = find("001_8f2294d193b579e6.txt", "$17bn")[0]
    assert (seventeen.value, seventeen.currency, seventeen.qualifier) == (
        Decimal(17_000_000_000),
        "USD",
        "approximately",
    )
    assert len(find("000_41ad38359f02d00f.txt", "May 7")) == 3
    assert find("003_90e1ca45be2bc92e.txt", "eight million")[0].qualifier == "more than"
    assert [m.period for m in find("004_056cb59b7089dc4e.txt", "2021") if m.period] == ["2000/2021"]


# --- properties -------------------------------------------------------------------------------

_scales = st.sampled_from([1, 1000, 10**6, 10**9])
_values = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(Decimal),
    st.builds(
        lambda n, places, scale: Decimal(n).scaleb(-places) * scale,
        st.integers(min_value=0, max_value=10**5),
        st.integers(min_value=1, max_value=2),
        _scales,
    ),
)
_units = st.sampled_from(["percent", "USD", "EUR", "people", "agreements", "years"])
_qualifiers = st.sampled_from([None, *QUALIFIERS])


@given(value=_values, unit=_units, qualifier=_qualifiers)
@settings(max_examples=400)
def test_format_value_round_trips(value: Decimal, unit: str, qualifier: str | None) -> None:
    text = format_value(value, unit=unit, qualifier=qualifier)
    mentions = read_mentions(text)
    assert len(mentions) == 1, (text, mentions)
    (mention,) = mentions
    assert (mention.value, mention.kind, mention.qualifier) == (value, unit_kind(unit), qualifier), text
    if unit_kind(unit) == "currency":
        assert mention.currency == unit


@given(year=st.integers(min_value=1800, max_value=2099), ordinal=st.integers(min_value=1, max_value=10**6))
def test_format_year_and_ordinal_round_trip(year: int, ordinal: int) -> None:
    for value, unit in ((year, "year"), (ordinal, "ordinal")):
        (mention,) = read_mentions(format_value(Decimal(value), unit=unit))
        assert (mention.kind, mention.value) == (unit, Decimal(value))


@given(text=st.text())
@settings(max_examples=500)
def test_read_mentions_never_raises_and_spans_are_consistent(text: str) -> None:
    mentions = read_mentions(text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start
    for mention in mentions:
        assert mention.text == text[mention.start : mention.end] and mention.kind in KINDS


_PIECES = st.sampled_from(
    [
        " ",
        ", ",
        " and ",
        "-",
        "$",
        "%",
        "5",
        "17",
        "2019",
        "11,000",
        "6.6",
        " million",
        "bn",
        " per cent",
        "May ",
        "last ",
        "early ",
        "two",
        "one",
        " years",
        "th",
        "[",
        "]",
        "(",
        ")",
        "/",
        ".",
        "http://",
        "\u00a0",
        "’",
        "s",
    ]
)


@given(pieces=st.lists(_PIECES, max_size=12))
@settings(max_examples=500)
def test_read_mentions_on_number_like_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    mentions = read_mentions(text)
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start
    for mention in mentions:
        assert mention.text == text[mention.start : mention.end]
        assert (mention.value is None) == (mention.kind == "date")
