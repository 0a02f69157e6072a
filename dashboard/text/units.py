"""What a number counts or measures, for the readers and for the catalog's `unit`.

Currencies (ISO 4217 codes, signs, names and subunits; a sign or name that several currencies share
stands for all of them), measures (physical units and energy-trade units, each a dimension and a factor
to that dimension's base, so "1.2 mb/d" is 1,200,000 barrels per day and 1,200 MW is 1.2 GW), rates
("a day", "/yr"), time units, and counted nouns (their plural and singular forms, and the nouns that
count people). `parse_unit` reads a catalog unit with the same tables the readers use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

# --------------------------------------------------------------------------------------------- currencies

ISO_CODES = frozenset(
    """USD EUR GBP RUB CNY JPY INR BRL CAD AUD CHF VES VEF MXN COP ARS CLP PEN TRY KZT IRR UAH ZAR SAR AED
    KRW HKD NOK SEK DKK PLN CZK HUF NZD SGD ILS NGN KES EGP TWD QAR THB MYR IDR PHP PKR BDT VND GHS ETB
    MAD DZD TND KWD BHD OMR JOD LBP IQD SYP UYU BOB PYG DOP CUP CRC GTQ HNL NIO PAB RON BGN HRK RSD ISK
    BYN GEL AMD AZN UZS MNT LKR NPR MMK XOF XAF XDR""".split()
)
_DOLLARS = ("USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD")
_PESOS = ("MXN", "ARS", "COP", "CLP", "PHP", "UYU", "DOP", "CUP")
_CENTS = ("USD", "EUR", "AUD", "CAD", "NZD", "HKD", "SGD", "ZAR")
# Signs written before the number. A sign several currencies use stands for all of them ("$" in an
# Australian paper is the Australian dollar); the first is the one shown.
CURRENCY_SIGNS: dict[str, tuple[str, ...]] = {
    "US$": ("USD",), "U.S.$": ("USD",), "A$": ("AUD",), "AU$": ("AUD",), "C$": ("CAD",), "CA$": ("CAD",),
    "NZ$": ("NZD",), "HK$": ("HKD",), "S$": ("SGD",), "SG$": ("SGD",), "R$": ("BRL",), "MX$": ("MXN",),
    "NT$": ("TWD",), "$": _DOLLARS, "€": ("EUR",), "£": ("GBP",), "¥": ("JPY",), "CN¥": ("CNY",),
    "JP¥": ("JPY",), "₹": ("INR",), "Rs": ("INR", "PKR", "LKR", "NPR"), "Rs.": ("INR", "PKR", "LKR", "NPR"),
    "₽": ("RUB",), "₩": ("KRW",), "₺": ("TRY",), "₦": ("NGN",), "₱": ("PHP",), "₴": ("UAH",), "₪": ("ILS",),
    "₫": ("VND",), "₵": ("GHS",), "GH₵": ("GHS",), "Bs": ("VES",), "Bs.": ("VES",), "R": ("ZAR",),
    "RMB": ("CNY",), "Rmb": ("CNY",), "zł": ("PLN",), "kr": ("SEK", "NOK", "DKK", "ISK"), "Fr": ("CHF",),
}  # fmt: skip
# Names written after the number, singular; the plural is read too ("dollars", "euros", "pesos").
CURRENCY_NAMES: dict[str, tuple[str, ...]] = {
    "dollar": _DOLLARS, "us dollar": ("USD",), "u.s. dollar": ("USD",), "american dollar": ("USD",),
    "australian dollar": ("AUD",), "canadian dollar": ("CAD",), "hong kong dollar": ("HKD",),
    "new zealand dollar": ("NZD",), "singapore dollar": ("SGD",), "taiwan dollar": ("TWD",),
    "euro": ("EUR",), "pound": ("GBP", "EGP"), "pound sterling": ("GBP",), "pounds sterling": ("GBP",),
    "sterling": ("GBP",), "egyptian pound": ("EGP",), "rouble": ("RUB",), "ruble": ("RUB",),
    "yuan": ("CNY",), "renminbi": ("CNY",), "yen": ("JPY",), "rupee": ("INR", "PKR", "LKR", "NPR"),
    "indian rupee": ("INR",), "pakistani rupee": ("PKR",), "bolivar": ("VES", "VEF"), "bolívar": ("VES", "VEF"),
    "bolivare": ("VES", "VEF"), "bolívare": ("VES", "VEF"), "cedi": ("GHS",), "naira": ("NGN",), "rand": ("ZAR",),
    "peso": _PESOS, "mexican peso": ("MXN",), "argentine peso": ("ARS",), "colombian peso": ("COP",),
    "chilean peso": ("CLP",), "philippine peso": ("PHP",), "real": ("BRL",), "reais": ("BRL",),
    "brazilian real": ("BRL",), "swiss franc": ("CHF",), "franc": ("CHF", "XOF", "XAF"), "krone": ("NOK", "DKK"),
    "kroner": ("NOK", "DKK"), "norwegian krone": ("NOK",), "norwegian kroner": ("NOK",),
    "danish krone": ("DKK",), "danish kroner": ("DKK",), "krona": ("SEK", "ISK"), "kronor": ("SEK",),
    "swedish krona": ("SEK",), "swedish kronor": ("SEK",), "zloty": ("PLN",), "zlotys": ("PLN",),
    "shekel": ("ILS",), "hryvnia": ("UAH",), "hryvnias": ("UAH",), "lira": ("TRY",), "turkish lira": ("TRY",),
    "liras": ("TRY",), "baht": ("THB",), "ringgit": ("MYR",), "rupiah": ("IDR",), "dirham": ("AED", "MAD"),
    "riyal": ("SAR", "QAR", "OMR"), "saudi riyal": ("SAR",), "qatari riyal": ("QAR",), "dinar": ("KWD", "BHD", "JOD",
    "IQD", "DZD", "TND", "RSD"), "won": ("KRW",), "shilling": ("KES",), "tenge": ("KZT",), "dong": ("VND",),
    "rial": ("IRR", "OMR"), "forint": ("HUF",), "koruna": ("CZK",), "leu": ("RON",), "lei": ("RON",),
}  # fmt: skip
# Subunits: (the currencies that have them, the fraction of the main unit).
CURRENCY_SUBUNITS: dict[str, tuple[tuple[str, ...], Decimal]] = {
    "cent": (_CENTS, Decimal("0.01")), "cents": (_CENTS, Decimal("0.01")), "penny": (("GBP",), Decimal("0.01")),
    "pence": (("GBP",), Decimal("0.01")), "p": (("GBP",), Decimal("0.01")), "kopeck": (("RUB", "UAH"), Decimal("0.01")),
    "kopecks": (("RUB", "UAH"), Decimal("0.01")), "kopek": (("RUB", "UAH"), Decimal("0.01")),
    "kopeks": (("RUB", "UAH"), Decimal("0.01")), "centavo": (_PESOS + ("BRL",), Decimal("0.01")),
    "centavos": (_PESOS + ("BRL",), Decimal("0.01")), "céntimo": (("EUR", "VES"), Decimal("0.01")),
    "céntimos": (("EUR", "VES"), Decimal("0.01")), "paise": (("INR",), Decimal("0.01")),
}  # fmt: skip

# ----------------------------------------------------------------------------------------------- measures


@dataclass(frozen=True)
class Measure:
    """A unit of a dimension: value in this unit x factor = value in the dimension's base unit."""

    dimension: str
    """The base unit's symbol ("m", "kg", "W", "bbl", "m3", "pp"); only equal dimensions compare."""
    factor: Decimal
    rate: str | None = None
    """The time the unit is per ("d", "wk", "mo", "yr", "h"), for rates such as b/d or t/yr."""


def _m(dimension: str, factor: str | int = 1, rate: str | None = None) -> Measure:
    return Measure(dimension, Decimal(factor), rate)


_SI = {"k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12}
MEASURES: dict[str, Measure] = {
    # length
    "m": _m("m"), "metre": _m("m"), "metres": _m("m"), "meter": _m("m"), "meters": _m("m"),
    "km": _m("m", 1000), "kilometre": _m("m", 1000), "kilometres": _m("m", 1000), "kilometer": _m("m", 1000),
    "kilometers": _m("m", 1000), "cm": _m("m", "0.01"), "centimetres": _m("m", "0.01"),
    "centimeters": _m("m", "0.01"), "mm": _m("m", "0.001"), "millimetres": _m("m", "0.001"),
    "millimeters": _m("m", "0.001"), "mile": _m("m", "1609.344"), "miles": _m("m", "1609.344"),
    "ft": _m("m", "0.3048"), "foot": _m("m", "0.3048"), "feet": _m("m", "0.3048"), "inch": _m("m", "0.0254"),
    "inches": _m("m", "0.0254"), "yards": _m("m", "0.9144"), "nautical miles": _m("m", 1852),
    "nm": _m("m", "0.000000001"), "nanometres": _m("m", "0.000000001"), "nanometers": _m("m", "0.000000001"),
    # mass
    "kg": _m("kg"), "kilogram": _m("kg"), "kilograms": _m("kg"), "kilogrammes": _m("kg"), "g": _m("kg", "0.001"),
    "grams": _m("kg", "0.001"), "grammes": _m("kg", "0.001"), "t": _m("kg", 1000), "tonne": _m("kg", 1000),
    "tonnes": _m("kg", 1000), "metric tons": _m("kg", 1000), "metric tonnes": _m("kg", 1000),
    "kt": _m("kg", 10**6), "kilotonnes": _m("kg", 10**6), "Mt": _m("kg", 10**9), "megatonnes": _m("kg", 10**9),
    "ton": _m("ton"), "tons": _m("ton"), "lb": _m("lb"), "lbs": _m("lb"), "ounces": _m("oz"), "oz": _m("oz"),
    "troy ounces": _m("ozt"),
    # temperature (no conversion between scales: they do not share a zero)
    "°C": _m("°C"), "C": _m("°C"), "ºC": _m("°C"), "degrees Celsius": _m("°C"), "degrees C": _m("°C"),
    "Celsius": _m("°C"), "°F": _m("°F"), "F": _m("°F"), "degrees Fahrenheit": _m("°F"), "degrees F": _m("°F"),
    "Fahrenheit": _m("°F"),
    # power and energy
    **{f"{p}W": _m("W", f) for p, f in _SI.items()}, "W": _m("W"), "watts": _m("W"), "kilowatts": _m("W", 10**3),
    "megawatts": _m("W", 10**6), "gigawatts": _m("W", 10**9), "terawatts": _m("W", 10**12),
    **{f"{p}Wh": _m("Wh", f) for p, f in _SI.items()}, "Wh": _m("Wh"), "kilowatt-hours": _m("Wh", 10**3),
    "kilowatt hours": _m("Wh", 10**3), "megawatt-hours": _m("Wh", 10**6), "megawatt hours": _m("Wh", 10**6),
    "gigawatt-hours": _m("Wh", 10**9), "gigawatt hours": _m("Wh", 10**9), "terawatt-hours": _m("Wh", 10**12),
    "terawatt hours": _m("Wh", 10**12), "MMBtu": _m("Btu", 10**6), "mmBtu": _m("Btu", 10**6),
    "Btu": _m("Btu"),
    # volume
    "litres": _m("l"), "liters": _m("l"), "litre": _m("l"), "liter": _m("l"), "l": _m("l"),
    "gallons": _m("gal"), "m³": _m("m3"), "m3": _m("m3"), "cubic metres": _m("m3"), "cubic meters": _m("m3"),
    "cu m": _m("m3"), "mcm": _m("m3", 10**6), "bcm": _m("m3", 10**9), "tcm": _m("m3", 10**12),
    "cubic feet": _m("ft3"), "cu ft": _m("ft3"), "cf": _m("ft3"), "standard cubic feet": _m("ft3"),
    "scf": _m("ft3"), "mcf": _m("ft3", 10**3), "mmcf": _m("ft3", 10**6), "bcf": _m("ft3", 10**9),
    "tcf": _m("ft3", 10**12), "barrels": _m("bbl"), "barrel": _m("bbl"), "bbl": _m("bbl"), "bbls": _m("bbl"),
    "mmbbl": _m("bbl", 10**6), "boe": _m("boe"), "barrels of oil equivalent": _m("boe"),
    # rates of the energy and commodity trades
    "b/d": _m("bbl", 1, "d"), "bpd": _m("bbl", 1, "d"), "bbl/d": _m("bbl", 1, "d"), "bopd": _m("bbl", 1, "d"),
    "kb/d": _m("bbl", 10**3, "d"), "kbd": _m("bbl", 10**3, "d"), "kbpd": _m("bbl", 10**3, "d"),
    "mb/d": _m("bbl", 10**6, "d"), "mbd": _m("bbl", 10**6, "d"), "mbpd": _m("bbl", 10**6, "d"),
    "mn b/d": _m("bbl", 10**6, "d"), "boe/d": _m("boe", 1, "d"), "boepd": _m("boe", 1, "d"),
    "t/yr": _m("kg", 1000, "yr"), "t/y": _m("kg", 1000, "yr"), "t/d": _m("kg", 1000, "d"),
    "t/year": _m("kg", 1000, "yr"), "mt/yr": _m("kg", 10**9, "yr"), "Mt/yr": _m("kg", 10**9, "yr"),
    "tpa": _m("kg", 1000, "yr"), "mtpa": _m("kg", 10**9, "yr"), "mmtpa": _m("kg", 10**9, "yr"),
    "mmscfd": _m("ft3", 10**6, "d"), "mmscf/d": _m("ft3", 10**6, "d"), "bcf/d": _m("ft3", 10**9, "d"),
    "scf/d": _m("ft3", 1, "d"), "mcm/d": _m("m3", 10**6, "d"), "bcm/yr": _m("m3", 10**9, "yr"),
    # speed, area, data, frequency
    "mph": _m("mph"), "km/h": _m("km/h"), "kph": _m("km/h"), "kmh": _m("km/h"), "knots": _m("kn"),
    "m/s": _m("m/s"), "metres per second": _m("m/s"), "meters per second": _m("m/s"),
    "ha": _m("ha"), "hectares": _m("ha"), "hectare": _m("ha"), "acres": _m("acre"), "acre": _m("acre"),
    "sq km": _m("m2", 10**6), "km²": _m("m2", 10**6), "km2": _m("m2", 10**6), "square kilometres": _m("m2", 10**6),
    "square kilometers": _m("m2", 10**6), "square miles": _m("sqmi"), "sq miles": _m("sqmi"),
    "square metres": _m("m2"), "square meters": _m("m2"), "sq m": _m("m2"), "m²": _m("m2"), "sq ft": _m("ft2"),
    "square feet": _m("ft2"), "KB": _m("B", 10**3), "MB": _m("B", 10**6), "GB": _m("B", 10**9),
    "TB": _m("B", 10**12), "PB": _m("B", 10**15), "Mbps": _m("bit/s", 10**6), "Gbps": _m("bit/s", 10**9),
    "MHz": _m("Hz", 10**6), "GHz": _m("Hz", 10**9), "Hz": _m("Hz"),
    # points of a percentage
    "percentage points": _m("pp"), "percentage point": _m("pp"), "pp": _m("pp"), "ppt": _m("pp"),
    "ppts": _m("pp"), "basis points": _m("pp", "0.01"), "basis point": _m("pp", "0.01"),
    "bp": _m("pp", "0.01"), "bps": _m("pp", "0.01"),
    # containers and shipping
    "TEU": _m("TEU"), "TEUs": _m("TEU"), "teu": _m("TEU"), "FEU": _m("FEU"), "dwt": _m("dwt"),
    "bushels": _m("bu"), "bushel": _m("bu"),
}  # fmt: skip
# Singular names, as in compound adjectives: "a 165-kilometre pipeline", "a 2-nanometre process", "a 10-tonne truck".
for _plural, _measure in list(MEASURES.items()):
    if _plural.endswith(("metres", "meters", "grams", "grammes", "watts", "hectares", "gallons", "litres", "liters",
                         "nanometres", "nanometers", "miles", "acres", "barrels", "bushels")):  # fmt: skip
        MEASURES.setdefault(_plural[:-1], _measure)
POINTS = "pp"
"""The dimension of percentage points and basis points."""

RATES: dict[str, str] = {
    "d": "d", "day": "d", "days": "d", "daily": "d", "yr": "yr", "y": "yr", "year": "yr", "years": "yr",
    "annum": "yr", "annually": "yr", "annual": "yr", "pa": "yr", "month": "mo", "months": "mo", "mo": "mo",
    "monthly": "mo", "week": "wk", "weeks": "wk", "wk": "wk", "weekly": "wk", "hour": "h", "hours": "h", "h": "h",
    "hr": "h", "hourly": "h",
}  # fmt: skip
RATE_WORDS = {"d": "day", "wk": "week", "mo": "month", "yr": "year", "h": "hour"}
TIME_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades")

# --------------------------------------------------------------------------------------------------- nouns

IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "data": "datum", "media": "medium", "criteria": "criterion",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis", "indices": "index", "lives": "life",
    "wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half", "shelves": "shelf", "thieves": "thief",
}  # fmt: skip
UNCOUNTED_PLURALS = frozenset(
    """cattle sheep fish deer aircraft head staff police personnel livestock swine series species offspring
    troops crew""".split()
)
PERSON_NOUNS = frozenset(
    """person people persons individual individuals resident residents citizen citizens migrant migrants
    emigrant emigrants immigrant immigrants refugee refugees asylum-seeker asylum-seekers seeker seekers
    voter voters worker workers employee employees staff adult adults child children kid kids student
    students pupil pupils patient patients visitor visitors tourist tourists passenger passengers
    soldier soldiers troop troops member members user users customer customers subscriber subscribers
    viewer viewers fan fans spectator spectators inhabitant inhabitants national nationals man men woman
    women boy boys girl girls baby babies infant infants teenager teenagers youth youths pensioner
    pensioners retiree retirees civilian civilians casualty casualties victim victims survivor survivors
    detainee detainees prisoner prisoners inmate inmates protester protesters demonstrator demonstrators
    delegate delegates official officials officer officers doctor doctors nurse nurses teacher teachers
    farmer farmers miner miners engineer engineers technician technicians scientist scientists
    researcher researchers journalist journalists player players athlete athletes runner runners
    applicant applicants recipient recipients beneficiary beneficiaries household-members personnel crew
    displaced homeless unemployed respondents respondent participants participant attendees attendee
    enrollees enrollee followers follower consumers consumer shoppers shopper travellers travelers
    traveller traveler commuters commuter pilgrims pilgrim volunteers volunteer recruits recruit
    conscripts conscript fighters fighter militants militant lawmakers lawmaker legislators legislator
    deputies deputy senators senator mps diplomats diplomat expatriates expats speakers speaker
    graduates graduate candidates candidate professionals hires hire adults elderly""".split()
)
# A demonym counts people: "Venezuelans", "Syrians", "Britons", "Filipinos".
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|ians|eans|ese|ers|ites|ards|ons|is|nos|nas|ks|ts|ches|shmen|swomen)")


def singular(word: str) -> str:
    """A noun's singular form, for comparing counted nouns ("agreements" -> "agreement", "cattle" stays)."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if low in UNCOUNTED_PLURALS or len(low) <= 3 or low.endswith(("ss", "us", "is", "ous")):
        return low
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "zes", "sses", "oes")):
        return low[:-2]
    if low.endswith("s"):
        return low[:-1]
    return low


def is_person_noun(word: str) -> bool:
    return word.lower() in PERSON_NOUNS or bool(_DEMONYM.fullmatch(word))


# ----------------------------------------------------------------------------------------- catalog units


@dataclass(frozen=True)
class Unit:
    """A catalog `unit`, read."""

    kind: str
    """percent | currency | duration | year | ordinal | multiplier | measure | count."""
    text: str
    """The unit as written in the catalog."""
    currency: str | None = None
    """ISO code, for kind currency."""
    measure: Measure | None = None
    """For kind measure (and percentage or basis points)."""
    time_unit: str | None = None
    """years | months | weeks | days | hours | minutes | seconds | decades, for kind duration."""
    noun: str | None = None
    """The counted noun without its rate ("shells" of "shells per day"), for kind count."""
    rate: str | None = None
    """The time a count is per ("d" for "shells per day")."""


_RATE_SUFFIX = re.compile(r"^(?P<head>.+?)\s*(?:/|\s(?:per|a|an|each)\s)(?P<rate>[a-z]+)$")


@lru_cache(maxsize=4096)
def parse_unit(unit: str) -> Unit:
    """Read a catalog unit: `percent`, an ISO code, `times`, `ordinal`, `year`, a time unit, a measure
    (`km`, `barrels per day`, `°C`, `percentage points`), or the plural noun of what is counted."""
    text = " ".join(unit.split())
    low = text.lower()
    if low in ("percent", "per cent", "%"):
        return Unit("percent", text)
    if text in ISO_CODES:
        return Unit("currency", text, currency=text)
    if low in ("times", "fold", "-fold", "multiple"):
        return Unit("multiplier", text)
    if low in ("ordinal", "rank", "position", "place"):
        return Unit("ordinal", text)
    if low == "year":
        return Unit("year", text)
    if low in TIME_UNITS or low in ("hours", "minutes", "seconds"):
        return Unit("duration", text, time_unit=low)
    measure = measure_of(text)
    if measure is not None:
        return Unit("measure", text, measure=measure)
    rated = _RATE_SUFFIX.match(low)
    if rated and rated["rate"] in RATES:
        head = measure_of(rated["head"])
        if head is not None and head.rate is None:
            return Unit("measure", text, measure=Measure(head.dimension, head.factor, RATES[rated["rate"]]))
        return Unit("count", text, noun=rated["head"], rate=RATES[rated["rate"]])
    return Unit("count", text, noun=low)


def measure_of(text: str) -> Measure | None:
    """The measure a unit symbol or name stands for (case kept for symbols: "MW" is not "mW")."""
    found = MEASURES.get(text)
    if found is None and len(text) > 3:  # a name in any case ("Tonnes"); a symbol only as written ("MW", "mW")
        found = MEASURES.get(text.lower())
    if found is None:
        rated = re.fullmatch(r"(?P<head>[^/]+)/(?P<rate>[a-z]+)", text)
        head = measure_of(rated["head"]) if rated and rated["rate"] in RATES else None
        if rated and head is not None and head.rate is None:
            found = Measure(head.dimension, head.factor, RATES[rated["rate"]])
    return found
