"""A synthetic corpus and catalog for the benchmarks, deterministic from a seed.

    python -m benchmarks.generate --size small|large|huge --out DIR [--seed N]

writes DIR/seeds/*.txt (English news-style documents of 2-6 KB with one numeric mention per
~300-500 characters) and DIR/indicators.yaml (indicators and events citing them, ~80/20) that
`indicators validate --strict` accepts: 0 errors, 0 warnings (mentions left uncovered are info).

Every figure is written by a template that knows what it states (value, unit, qualifier, date), so
the catalog is the ground truth of the text, not a reading of it. The texts use the formats of the
real sources: separators ("11,000"), scale words and suffixes ("$17bn", "4.5 million", "€3bn"),
number words ("eight million"), per cent and %, currencies before and after the number, lists
sharing a scale word ("6.6, 5.9 and 4.5 million"), qualifiers ("about", "nearly", "more than"),
dates ("May 7", "March 17, 2025", "last November"), curly quotes, no-break spaces, sentences
repeated in a closing recap (their citations carry a `prefix`) and markdown image lines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

SIZES: dict[str, tuple[int, int]] = {  # name -> (indicators + events, documents)
    "small": (200, 50),
    "large": (10_000, 2_000),
    "huge": (100_000, 10_000),
}
EVENT_SHARE = 0.2
NBSP = "\u00a0"

THEMES = {
    "energy": "Energy",
    "finance": "Finance",
    "trade": "Trade",
    "military": "Military",
    "humanitarian": "Humanitarian",
    "diplomacy": "Diplomacy",
    "agriculture": "Agriculture",
    "politics": "Politics",
}


def _names(text: str, sep: str | None) -> list[str]:
    return text.split(sep)


MONTH_NAMES = _names("January February March April May June July August September October November December", None)

# Invented names only: no real place, person or company is described.
COUNTRIES = _names(
    "Ruritania Freedonia Zembla Norland Castavia Osterlich Valdoria Marovia Sylvania Tomainia "
    "Borduria Syldavia Latveria Genovia Elbonia Kravonia Qurac Corto Veridia Arcadia Estovakia "
    "Pottsylvania Carpania Moldavia Vulgaria Fenwick Novistrana Aldovia Belgravia "
    "Kazakhland Orsinia Ambrosia Sokovia Zubrowka Brobdingnag",
    " ",
)
CITIES = _names(
    "Strelsau Vostok Port Miran Alderney Kessel Varna Lindau Ostrava Haldor Merida Tavros Calder "
    "Brasova Solvik Tarnow Esterhaz Ravenna Dunmore Kelso Marbeck",
    " ",
)
COMPANIES = _names(
    "Petronor|Vostok Energy|Meridian Oil|Calder Mining|Haldor Shipping|Norland Rail|Tavros Steel|"
    "Solvik Power|Esterhaz Grain|Dunmore Telecom|Marbeck Chemicals|Kessel Motors",
    "|",
)
PEOPLE = _names(
    "Anna Kovar|Milan Duris|Sofia Varga|Tomas Reyes|Elena Marsh|Viktor Holm|Ines Carvalho|"
    "Pavel Novak|Laura Brandt|Omar Haddad|Nadia Petrova|Jonas Lind|Clara Ruiz|Felix Arnaud|"
    "Irena Bosko|Mateo Silva|Hanna Berg|Luka Horvat",
    "|",
)
ORGS = _names(
    "the central bank|the finance ministry|the national statistics office|the energy ministry|"
    "the port authority|the defence ministry|the World Food Agency|the Regional Development Bank|"
    "the customs service|the farm ministry|independent analysts|the trade council",
    "|",
)
PUBLISHERS = _names(
    "Global Watch|Harbour Post|The Northern Ledger|Continental Wire|Meridian Review|"
    "Zembla Times|Frontier Dispatch|Crossroads Analysis",
    "|",
)
SECTIONS = _names(
    "Emerging Challenges|World Economy|Energy Markets|Security|Diplomacy|Agriculture|Analysis|Regional Affairs", "|"
)


@dataclass
class Fact:
    """One figure or date a sentence states, and the catalog entry that cites it."""

    kind: str  # "indicator" | "event"
    figure: str  # as written in the sentence (an indicator's `figure` pin)
    title: str
    theme: str
    value: Decimal | None = None
    unit: str = ""
    qualifier: str | None = None
    period: str | None = None
    entity: str | None = None
    series: str | None = None
    date: str | None = None
    pin: bool = False  # write `figure:` (the sentence holds other numbers of the kind)
    note: str | None = None


@dataclass
class Sentence:
    text: str
    facts: list[Fact] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------
# Numbers as news writes them


def _grouped(n: int, rng: random.Random) -> str:
    if n >= 10_000 and rng.random() < 0.15:
        return f"{n:,}".replace(",", NBSP)  # "12 500" with a no-break space
    return f"{n:,}"


def _short(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _mantissa(rng: random.Random, low: int, high: int) -> Decimal:
    """A number like 4.5, 17 or 2.35 between low and high."""
    whole = rng.randint(low, high)
    digits = rng.choice((0, 0, 1, 1, 2))
    if digits == 0:
        return Decimal(whole)
    return (Decimal(whole) + Decimal(rng.randint(1, 10**digits - 1)) / Decimal(10**digits)).normalize()


_WORD_NUMS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
    25: "twenty-five",
    30: "thirty",
    40: "forty",
    45: "forty-five",
    50: "fifty",
    60: "sixty",
    90: "ninety",
}
_HEDGES = (
    "about",
    "nearly",
    "more than",
    "almost",
    "roughly",
    "at least",
    "some",
    "approximately",
    "up to",
    "less than",
)


def _hedge(rng: random.Random, share: float = 0.3) -> str | None:
    return rng.choice(_HEDGES) if rng.random() < share else None


def _with_hedge(hedge: str | None, figure: str, *, capital: bool = False) -> str:
    if hedge is None:
        return figure
    text = f"{hedge} {figure}"
    return text[0].upper() + text[1:] if capital else text


def _count(rng: random.Random) -> tuple[str, Decimal]:
    """A count as text and value: 11,000 | 4.5 million | eight million | 850 | twelve."""
    style = rng.random()
    if style < 0.35:
        n = rng.randint(2, 999) * rng.choice((1, 10, 100, 1000)) + rng.choice((0, 0, rng.randint(1, 99)))
        n = n if not 1800 <= n <= 2099 else n + 300  # a bare four-digit number in that range is a year
        return _grouped(n, rng), Decimal(n)
    if style < 0.6:
        m = _mantissa(rng, 1, 90)
        return f"{_short(m)} million", m * 10**6
    if style < 0.75:
        n = rng.choice((2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 20, 40))
        return f"{_WORD_NUMS[n]} million", Decimal(n * 10**6)
    if style < 0.85:
        m = _mantissa(rng, 1, 9)
        return f"{_short(m)} billion", m * 10**9
    n = rng.choice(tuple(_WORD_NUMS))
    return _WORD_NUMS[n], Decimal(n)


def _money(rng: random.Random) -> tuple[str, Decimal, str]:
    """A sum of money as text, value and ISO code: $17bn | €3bn | £450m | US$2.4 billion | ..."""
    style = rng.randrange(8)
    m = _mantissa(rng, 1, 95)
    if style == 0:
        return f"${_short(m)}bn", m * 10**9, "USD"
    if style == 1:
        return f"€{_short(m)}bn", m * 10**9, "EUR"
    if style == 2:
        n = rng.randint(12, 950)
        return f"£{n}m", Decimal(n) * 10**6, "GBP"
    if style == 3:
        return f"US${_short(m)} billion", m * 10**9, "USD"
    if style == 4:
        n = rng.randint(20, 900)
        return f"{n} million roubles", Decimal(n) * 10**6, "RUB"
    if style == 5:
        return f"CHF{NBSP}{_short(m)}bn", m * 10**9, "CHF"
    if style == 6:
        n = rng.randint(2, 99) * 1000 + rng.choice((0, 500))
        return f"${n:,}", Decimal(n), "USD"
    return f"{_short(m)} billion yuan", m * 10**9, "CNY"


def _percent(rng: random.Random) -> tuple[str, Decimal]:
    p = _mantissa(rng, 1, 89)
    style = rng.randrange(6)
    body = _short(p)
    text = (f"{body} per cent", f"{body}%", f"{body} percent", f"{body}{NBSP}per cent", f"{body}%", f"{body}pc")[style]
    return text, p


def _year(rng: random.Random) -> int:
    return rng.randint(2015, 2024)


# ------------------------------------------------------------------------------------------------
# Sentences that state figures


@dataclass
class Ctx:
    """What one document is about, and its publication date."""

    rng: random.Random
    country: str
    other: str
    company: str
    city: str
    published: tuple[int, int, int]
    used: set[str] = field(default_factory=set)

    def person(self) -> str:
        return self.rng.choice(PEOPLE)

    def org(self) -> str:
        return self.rng.choice(ORGS)


def _s_exports(c: Ctx) -> Sentence:
    rng, year = c.rng, _year(c.rng)
    figure, value = _count(rng)
    hedge = _hedge(rng)
    product = rng.choice(
        (
            "barrels of crude",
            "tonnes of wheat",
            "tonnes of coal",
            "head of cattle",
            "cubic metres of gas",
            "tonnes of copper",
        )
    )
    text = f"{c.country}’s exports reached {_with_hedge(hedge, figure)} {product} in {year}, according to {c.org()}."
    noun = product.split(" of ")[1] if product.startswith(("tonnes", "cubic")) else product.split(" of ")[0]
    unit = product if product.startswith("head") else product.split(" of ")[0]
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                figure,
                f"{c.country} exports of {noun}, {year}",
                "trade",
                value,
                unit,
                hedge,
                str(year),
                c.country,
                f"exports-{_slug(noun)}",
            )
        ],
    )


def _s_budget_share(c: Ctx) -> Sentence:
    rng, year = c.rng, _year(c.rng)
    figure, value = _percent(rng)
    hedge = _hedge(rng)
    area = rng.choice(("defence", "health", "energy subsidies", "debt service", "education", "pensions"))
    start = _with_hedge(hedge, figure)
    org = c.org()
    text = f"{org[0].upper() + org[1:]} said {start} of the {year} budget of {c.country} went to {area}."
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                figure,
                f"Share of {c.country}'s {year} budget spent on {area}",
                "finance",
                value,
                "percent",
                hedge,
                str(year),
                c.country,
                f"budget-share-{_slug(area)}",
            )
        ],
    )


def _s_loan(c: Ctx) -> Sentence:
    rng = c.rng
    figure, value, code = _money(rng)
    hedge = _hedge(rng, 0.25)
    what = rng.choice(("loan", "credit line", "investment package", "bond issue", "reconstruction fund"))
    if hedge is None:
        text = f"{c.country} agreed a {figure} {what} with {c.other}, {c.person()} told reporters in {c.city}."
    else:
        text = (
            f"{c.country} agreed {hedge} {figure} in {what}s with {c.other}, {c.person()} told reporters in {c.city}."
        )
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                figure,
                f"{what.capitalize()} agreed by {c.country} with {c.other}",
                "finance",
                value,
                code,
                hedge,
                None,
                f"{c.country}–{c.other}",
                f"financing-{code.lower()}",
            )
        ],
    )


def _s_displaced(c: Ctx) -> Sentence:
    rng = c.rng
    figure, value = _count(rng)
    hedge = _hedge(rng, 0.5)
    cause = rng.choice(("the floods", "the drought", "the fighting", "the earthquake", "the storms"))
    lead = _with_hedge(hedge, figure, capital=True)
    lead = lead[0].upper() + lead[1:]
    text = f"{lead} people have been displaced by {cause} in {c.country}, {c.org()} said."
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                figure,
                f"People displaced by {cause[4:]} in {c.country}",
                "humanitarian",
                value,
                "people",
                hedge,
                None,
                c.country,
                f"displaced-{_slug(cause[4:])}",
            )
        ],
    )


def _list_mantissas(rng: random.Random, low: int, high: int) -> list[Decimal]:
    """Three different mantissas for a list, none written inside another ("4.5" and "4.55"), so each
    figure of the list is found once in its sentence."""
    values: list[Decimal] = []
    while len(values) < 3:
        m = _mantissa(rng, low, high)
        if m not in values and all(_short(m) not in _short(v) and _short(v) not in _short(m) for v in values):
            values.append(m)
    return values


def _s_harvest_list(c: Ctx) -> Sentence:
    """A list sharing one scale word: "6.6, 5.9 and 4.5 million tonnes"."""
    rng = c.rng
    values = _list_mantissas(rng, 1, 40)
    crops = rng.sample(("wheat", "maize", "rice", "barley", "soy", "sugar beet"), 3)
    year = _year(rng)
    figures = [_short(values[0]), _short(values[1]), f"{_short(values[2])} million"]
    text = (
        f"{c.country}’s {crops[0]}, {crops[1]} and {crops[2]} harvests came to {figures[0]}, {figures[1]} "
        f"and {figures[2]} tonnes in {year}."
    )
    facts = [
        Fact(
            "indicator",
            fig,
            f"{c.country} {crop} harvest, {year}",
            "agriculture",
            v * 10**6,
            "tonnes",
            None,
            str(year),
            c.country,
            f"harvest-{_slug(crop)}",
            pin=True,
        )
        for fig, crop, v in zip(figures, crops, values, strict=True)
    ]
    return Sentence(text, facts)


def _s_inflation_list(c: Ctx) -> Sentence:
    rng = c.rng
    values = _list_mantissas(rng, 1, 30)
    year = _year(rng)
    figures = [_short(values[0]), _short(values[1]), f"{_short(values[2])} per cent"]
    text = (
        f"Inflation in {c.country} stood at {figures[0]}, {figures[1]} and {figures[2]} in the spring, "
        f"summer and autumn of {year}."
    )
    seasons = ("spring", "summer", "autumn")
    facts = [
        Fact(
            "indicator",
            fig,
            f"{c.country} inflation, {season} {year}",
            "finance",
            v,
            "percent",
            None,
            str(year),
            c.country,
            "inflation",
            pin=True,
        )
        for fig, season, v in zip(figures, seasons, values, strict=True)
    ]
    return Sentence(text, facts)


def _s_agreement_term(c: Ctx) -> Sentence:
    rng = c.rng
    n = rng.choice((3, 5, 10, 15, 20, 25, 30, 50))
    what = rng.choice(("strategic partnership", "gas supply", "port lease", "defence cooperation", "grain"))
    if rng.random() < 0.5:
        figure = f"{n}-year"
        text = (
            f"The signing of a {figure} {what} agreement between {c.country} and {c.other} underscored "
            f"how far the governments have moved closer."
        )
        hedge = None
    else:
        hedge = rng.choice((None, "nearly", "more than"))
        figure = f"{_WORD_NUMS.get(n, str(n))} years"
        text = (
            f"Talks on the {what} agreement between {c.country} and {c.other} have lasted "
            f"{_with_hedge(hedge, figure)}, officials in {c.city} said."
        )
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                figure,
                f"Term of the {c.country}–{c.other} {what} agreement",
                "diplomacy",
                Decimal(n),
                "years",
                hedge,
                None,
                f"{c.country}–{c.other}",
                "agreement-term",
            )
        ],
    )


def _s_anniversary(c: Ctx) -> Sentence:
    n = c.rng.choice((10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 100))
    year = _year(c.rng)
    text = (
        f"Officials from {c.country} and {c.other} marked the {n}th anniversary of diplomatic relations "
        f"in {year} with a ceremony in {c.city}."
    )
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                f"{n}th",
                f"Anniversary of {c.country}–{c.other} relations marked in {year}",
                "diplomacy",
                Decimal(n),
                "ordinal",
                None,
                str(year),
                f"{c.country}–{c.other}",
                "anniversaries",
            )
        ],
    )


def _s_troops(c: Ctx) -> Sentence:
    rng = c.rng
    figure, value = _count(rng)
    hedge = _hedge(rng, 0.4)
    text = (
        f"“We have deployed {_with_hedge(hedge, figure)} troops to the border,” {c.person()}, "
        f"{c.country}’s defence minister, told parliament."
    )
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                figure,
                f"{c.country} troops deployed to the border",
                "military",
                value,
                "troops",
                hedge,
                None,
                c.country,
                "troop-deployments",
            )
        ],
    )


def _s_jobs(c: Ctx) -> Sentence:
    rng = c.rng
    figure, value = _count(rng)
    share, pvalue = _percent(rng)
    year = _year(rng)
    text = f"{c.company} said it would cut {figure} jobs in {year}, or {share} of its workforce in {c.country}."
    return Sentence(
        text,
        [
            Fact(
                "indicator",
                figure,
                f"Jobs {c.company} plans to cut in {c.country}, {year}",
                "trade",
                value,
                "jobs",
                None,
                str(year),
                c.company,
                "job-cuts",
                pin=True,
            ),
            Fact(
                "indicator",
                share,
                f"Share of {c.company}'s {c.country} workforce to be cut, {year}",
                "trade",
                pvalue,
                "percent",
                None,
                str(year),
                c.company,
                "job-cuts-share",
                pin=True,
            ),
        ],
    )


INDICATOR_TEMPLATES = (
    _s_exports,
    _s_budget_share,
    _s_loan,
    _s_displaced,
    _s_harvest_list,
    _s_inflation_list,
    _s_agreement_term,
    _s_anniversary,
    _s_troops,
    _s_jobs,
)
INDICATOR_WEIGHTS = (3, 3, 3, 2, 1, 1, 2, 1, 2, 1)


# ------------------------------------------------------------------------------------------------
# Sentences that date events


def _iso(*parts: int) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def _e_full_date(c: Ctx) -> Sentence:
    rng = c.rng
    y, m, d = rng.randint(2016, 2024), rng.randint(1, 12), rng.randint(1, 28)
    figure = f"{MONTH_NAMES[m - 1]} {d}, {y}"
    what = rng.choice(
        ("a memorandum on energy", "a customs agreement", "a visa waiver", "a grain deal", "a joint declaration")
    )
    text = f"On {figure}, {c.country} and {c.other} signed {what} in {c.city}."
    return Sentence(
        text, [Fact("event", figure, f"{c.country} and {c.other} sign {what[2:]}", "diplomacy", date=_iso(y, m, d))]
    )


def _e_day_month(c: Ctx) -> Sentence:
    """ "May 7": the year is the publication's (the day lies before it in the same year)."""
    rng = c.rng
    py, pm, pd = c.published
    m = rng.randint(1, pm - 1)
    d = rng.randint(1, 28)
    figure = f"{MONTH_NAMES[m - 1]} {d}"
    person = c.person()
    text = f"{person} met the {c.other} delegation in {c.city} on {figure} to discuss the pipeline."
    return Sentence(
        text,
        [Fact("event", figure, f"{person} meets a {c.other} delegation in {c.city}", "diplomacy", date=_iso(py, m, d))],
    )


def _e_last_month(c: Ctx) -> Sentence:
    rng = c.rng
    py, pm, _ = c.published
    m = rng.randint(1, 12)
    year = py if m < pm else py - 1
    figure = f"last {MONTH_NAMES[m - 1]}"
    what = rng.choice(("military cooperation", "intelligence sharing", "beef exports", "rail projects"))
    text = f"{c.other}’s deputy prime minister visited {c.city} {figure}, where discussions centred on {what}."
    return Sentence(
        text,
        [Fact("event", figure, f"{c.other} deputy prime minister visits {c.city}", "politics", date=_iso(year, m))],
    )


def _e_year(c: Ctx) -> Sentence:
    y = c.rng.randint(1995, 2023)
    bloc = c.rng.choice(("the customs union", "the energy forum", "the regional defence pact", "the grain council"))
    text = f"{c.country} joined {bloc} in {y}, a move its neighbours still resent."
    return Sentence(text, [Fact("event", str(y), f"{c.country} joins {bloc[4:]}", "politics", date=str(y))])


def _e_month_year(c: Ctx) -> Sentence:
    rng = c.rng
    y, m = rng.randint(2016, 2024), rng.randint(1, 12)
    part = rng.choice(("", "", "mid-", "early ", "late "))
    figure = f"{part}{MONTH_NAMES[m - 1]} {y}"
    text = f"Talks between {c.company} and the government of {c.other} collapsed in {figure} over pricing."
    return Sentence(
        text, [Fact("event", figure, f"{c.company} talks with {c.other} collapse", "energy", date=_iso(y, m))]
    )


EVENT_TEMPLATES = (_e_full_date, _e_day_month, _e_last_month, _e_year, _e_month_year)


# ------------------------------------------------------------------------------------------------
# Prose without figures


_SUBJECTS = (
    "Officials in {city}",
    "Analysts at {company}",
    "Diplomats in {other}",
    "The opposition in {country}",
    "{person}, a spokesperson for {company},",
    "Critics of the government",
    "Independent economists",
    "Residents of {city}",
    "Lawmakers in {other}",
    "Observers in the region",
    "Bankers in {city}",
    "Farmers in the north of {country}",
)
_VERBS = ("said", "warned", "argued", "noted", "insisted", "suggested", "complained", "acknowledged")
_CLAIMS = (
    "that the deal could deepen {country}’s isolation in the region",
    "that the government’s plans rest on optimistic assumptions about demand",
    "that sanctions have pushed {country} closer to its eastern partners",
    "that the official statistics should be treated with caution",
    "that fuel costs have eaten into their margins",
    "that details of the agreement remain undisclosed",
    "that shipping data show tankers using routes that avoid inspection",
    "that the ruling coalition’s narrow majority leaves little room for manoeuvre",
    "that {company} has expanded despite warnings from its lenders",
    "that the announcement was a distraction from rising prices and shortages",
    "that the visit to {city} was “weighty” and meaningful",
    "that Western influence in the region is waning",
)
_FILLER = (
    "{country} has become increasingly reliant on support from {other}.",
    "The agreement, described by officials in {city} as “weighty” and meaningful, is indicative of a wider "
    "strategy to counter Western influence.",
    "The ministry did not respond to a request for comment.",
    "“This is a turning point for our economy,” {person} said at a news conference in {city}.",
    "The plan still needs the approval of parliament, where the ruling coalition holds a narrow majority.",
    "The announcement follows a series of high-level visits between {country} and {other}.",
)


def _filler(c: Ctx) -> str:
    rng = c.rng
    if rng.random() < 0.25:
        template = rng.choice(_FILLER)
    else:
        template = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAIMS)}."
    return template.format(country=c.country, other=c.other, city=c.city, company=c.company, person=c.person())


_CAPTIONS = (
    "{person} and officials from {other} at talks in {city}",
    "Tankers wait off the coast of {country}",
    "A market in {city} [Photo by {person}/AFP]",
    "Workers at a {company} site near {city}",
)


# ------------------------------------------------------------------------------------------------
# Documents


@dataclass
class Document:
    number: int
    source_id: str
    file: str
    text: str
    title: str
    publisher: str
    author: str
    published: str
    sha256: str
    cited: list[tuple[Fact, str, str | None, str | None]]  # fact, quote, prefix, suffix


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _document(number: int, *, seed: int, indicators: int, events: int) -> Document:
    rng = random.Random(seed * 1_000_003 + number)
    country, other = rng.sample(COUNTRIES, 2)
    published = (rng.randint(2023, 2025), rng.randint(2, 12), rng.randint(1, 28))
    c = Ctx(rng, country, other, rng.choice(COMPANIES), rng.choice(CITIES), published)
    # enough figure sentences for the quota, plus a few left uncovered (coverage below 100%)
    stated: list[Sentence] = []
    n_ind = n_evt = 0
    while n_ind < indicators + rng.randint(1, 3):
        sentence = rng.choices(INDICATOR_TEMPLATES, INDICATOR_WEIGHTS)[0](c)
        if sentence.text in {s.text for s in stated}:
            continue
        stated.append(sentence)
        n_ind += len(sentence.facts)
    while n_evt < events + rng.randint(0, 2):
        sentence = rng.choice(EVENT_TEMPLATES)(c)
        if sentence.text in {s.text for s in stated}:
            continue
        stated.append(sentence)
        n_evt += 1
    rng.shuffle(stated)
    # paragraphs: figure sentences among prose, ~1 numeric mention per 300-500 characters
    title = f"{country} and {other} deepen ties as {c.company} expands"
    py, pm, pd = published
    date_text = f"{MONTH_NAMES[pm - 1]} {pd}, {py}"
    publisher, author = rng.choice(PUBLISHERS), rng.choice(PEOPLE)
    lines = [
        rng.choice(SECTIONS),
        title,
        f"{country}, which has been increasingly isolated, is becoming reliant on support from {other}.",
        _image(c, py, pm, pd),
        f"By {author} and {publisher} | {date_text}",
    ]
    # figure sentences among prose, filled to 2.5-5.5 KB: ~1 numeric mention per 300-500 characters
    budget = rng.randint(2500, 5500) - sum(len(line) for line in lines) - sum(len(s.text) for s in stated)
    per = max(1, budget // (110 * len(stated)))
    queue = list(stated)
    paragraph: list[str] = []
    while queue:
        for _ in range(rng.randint(max(1, per - 2), per + 2)):
            paragraph.append(_filler(c))
        paragraph.append(queue.pop().text)
        if rng.random() < 0.5 or not queue:
            lines.append(" ".join(paragraph))
            paragraph = []
            if rng.random() < 0.15:
                lines.append(_image(c, py, pm, pd))
    # a closing recap repeats some figure sentences verbatim (their citations need a prefix)
    repeated = rng.sample(stated, min(len(stated), rng.randint(1, 2)))
    lines.append("Key figures")
    lines.append(" ".join(s.text for s in repeated))
    lines.append(f"{_filler(c)} {_filler(c)}")
    text = "\n".join(lines) + "\n"
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    source_id = f"{_slug(publisher)}-{number:05d}"
    cited: list[tuple[Fact, str, str | None, str | None]] = []
    ind_facts = [(f, s) for s in stated for f in s.facts if f.kind == "indicator"]
    evt_facts = [(f, s) for s in stated for f in s.facts if f.kind == "event"]
    for fact, sentence in [*ind_facts[:indicators], *evt_facts[:events]]:
        prefix, suffix = _context(text, sentence.text, rng)
        cited.append((fact, sentence.text, prefix, suffix))
    return Document(
        number,
        source_id,
        f"seeds/{number:05d}_{digest[:16]}.txt",
        text,
        title,
        publisher,
        author,
        _iso(*published),
        digest,
        cited,
    )


def _image(c: Ctx, y: int, m: int, d: int) -> str:
    caption = c.rng.choice(_CAPTIONS).format(
        person=c.person(), other=c.other, city=c.city, country=c.country, company=c.company
    )
    return f"![{caption}](/img/{y}/{m:02d}/{d:02d}/{c.rng.randint(10000, 99999)}-photo-370_237.webp)"


def _context(text: str, quote: str, rng: random.Random) -> tuple[str | None, str | None]:
    """A prefix that picks one occurrence of a quote the text repeats (None when it occurs once)."""
    occurrences = []
    i = text.find(quote)
    while i >= 0:
        occurrences.append(i)
        i = text.find(quote, i + 1)
    if len(occurrences) == 1:
        return None, None
    chosen = rng.choice(occurrences)
    for length in range(12, chosen + 1, 6):
        prefix = text[chosen - length : chosen]
        if prefix.strip() and not any(text.endswith(prefix, 0, o) for o in occurrences if o != chosen):
            return prefix, None
    end = chosen + len(quote)
    for length in range(12, len(text) - end + 1, 6):
        suffix = text[end : end + length]
        if suffix.strip() and not any(text.startswith(suffix, o + len(quote)) for o in occurrences if o != chosen):
            return None, suffix
    raise AssertionError("no context picks the occurrence")  # pragma: no cover


# ------------------------------------------------------------------------------------------------
# YAML


_PLAIN = re.compile(r"[A-Za-z][\w ,.'’()–—&/+-]*[\w.)’]")
_RESERVED = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def _scalar(text: str) -> str:
    """A YAML scalar for `text`: plain where safe, else a JSON (= YAML double-quoted) string."""
    if _PLAIN.fullmatch(text) and ": " not in text and " #" not in text and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _value(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." not in text and len(text) > 6 and value == value.to_integral_value():
        return f"{int(value):_}"  # 17_000_000_000, as the README asks for large values
    return text


def _citation_yaml(
    out: list[str], source: str, quote: str, prefix: str | None, suffix: str | None, figure: str | None
) -> None:
    out.append(f"      - source: {source}")
    out.append(f"        quote: {_scalar(quote)}")
    if prefix is not None:
        out.append(f"        prefix: {_scalar(prefix)}")
    if suffix is not None:
        out.append(f"        suffix: {_scalar(suffix)}")
    if figure is not None:
        out.append(f"        figure: {_scalar(figure)}")


def _catalog_yaml(documents: list[Document], *, seed: int, headlines: int = 6) -> str:
    out = [
        "# indicators.yaml — a synthetic catalog for the benchmarks (python -m benchmarks.generate).",
        f"# seed {seed}; {len(documents)} documents. Do not edit: regenerate.",
        "version: 1",
        "",
        "themes:",
        *(f"  {key}: {label}" for key, label in THEMES.items()),
        "",
        "sources:",
    ]
    for doc in documents:
        out += [
            f"  - id: {doc.source_id}",
            f"    file: {doc.file}",
            f"    sha256: {doc.sha256}",
            f"    title: {_scalar(doc.title)}",
            f"    publisher: {_scalar(doc.publisher)}",
            f"    author: {_scalar(doc.author)}",
            f"    published: {doc.published}",
            f"    url: https://news.example.org/{doc.source_id}",
            "",
        ]
    indicator_lines = ["indicators:"]
    event_lines = ["events:"]
    ids: set[str] = set()
    for doc in documents:
        for k, (fact, quote, prefix, suffix) in enumerate(doc.cited):
            base = _slug(fact.title)[:60].strip("-")
            entry_id = f"{base}-{doc.number}-{k}"
            assert entry_id not in ids
            ids.add(entry_id)
            if fact.kind == "event":
                assert fact.date is not None
                event_lines += [
                    f"  - id: {entry_id}",
                    f"    date: {fact.date}",
                    f"    title: {_scalar(fact.title)}",
                    f"    theme: {fact.theme}",
                    "    citations:",
                ]
                _citation_yaml(event_lines, doc.source_id, quote, prefix, suffix, None)
                event_lines.append("")
                continue
            assert fact.value is not None
            lines = [
                f"  - id: {entry_id}",
                f"    title: {_scalar(fact.title)}",
                f"    theme: {fact.theme}",
                f"    value: {_value(fact.value)}",
                f"    unit: {_scalar(fact.unit)}",
            ]
            if fact.qualifier:
                lines.append(f"    qualifier: {fact.qualifier}")
            if fact.period:
                lines.append(f"    period: {fact.period}")
            if fact.entity:
                lines.append(f"    entity: {_scalar(fact.entity)}")
            if fact.series:  # a cross-section shares its period: one series per period
                when = re.sub(r"[^0-9]+", "-", fact.period or "").strip("-")
                lines.append(f"    series: {fact.series}{'-' + when if when else ''}")
            if headlines > 0:
                lines.append("    headline: true")
                headlines -= 1
            lines.append("    citations:")
            indicator_lines += lines
            _citation_yaml(indicator_lines, doc.source_id, quote, prefix, suffix, fact.figure if fact.pin else None)
            indicator_lines.append("")
    return "\n".join([*out, *indicator_lines, *event_lines, "exclusions: []", ""])


# ------------------------------------------------------------------------------------------------
# Entry points


def _quota(total: int, parts: int, index: int) -> int:
    return total // parts + (1 if index < total % parts else 0)


def generate(out: Path, *, documents: int, indicators: int, seed: int = 0) -> None:
    """Write out/seeds/*.txt and out/indicators.yaml: `indicators` entries (indicators + events, ~80/20)
    citing `documents` documents. Deterministic from `seed`; files already in out/seeds are replaced."""
    events = round(indicators * EVENT_SHARE)
    figures = indicators - events
    seeds = out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for old in seeds.glob("*.txt"):
        old.unlink()
    docs = []
    for number in range(documents):
        doc = _document(
            number, seed=seed, indicators=_quota(figures, documents, number), events=_quota(events, documents, number)
        )
        (out / doc.file).write_bytes(doc.text.encode("utf-8"))
        docs.append(doc)
    (out / "indicators.yaml").write_text(_catalog_yaml(docs, seed=seed), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--out", type=Path, required=True, help="folder to write seeds/ and indicators.yaml in")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--documents", type=int, help="override the size's document count")
    parser.add_argument("--indicators", type=int, help="override the size's indicator + event count")
    args = parser.parse_args(argv)
    total, docs = SIZES[args.size]
    generate(args.out, documents=args.documents or docs, indicators=args.indicators or total, seed=args.seed)
    print(f"wrote {args.out}/indicators.yaml and {args.documents or docs} documents in {args.out}/seeds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
