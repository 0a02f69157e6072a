"""Every way of writing a quantity that the README lists: a value written in that style reads back as
the same figure (value, unit, scale, hedge), checked the way the validator checks it (`compare`)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.text.hedges import HEDGE_GROUPS, qualifier_group
from dashboard.text.mentions import read_mentions
from dashboard.text.units import parse_unit
from dashboard.validation.rules.figures import compare

ONES = "one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n: int) -> str:
    """1-99 in words: "forty-two"."""
    if n < 10:
        return ONES[n - 1]
    if n < 20:
        return TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return TENS[tens - 2] + (f"-{ONES[ones - 1]}" if ones else "")


def reads_as(text: str, value: Decimal, unit: str, *, high: Decimal | None = None, hedge: str | None = None) -> None:
    """Some mention of `text` states `value` (to `high`) in `unit`, hedged in the group of `hedge`."""
    mentions = read_mentions(text)
    fits = [m for m in mentions if compare(m, parse_unit(unit), value, high).fit == "equal"]
    found = [(m.text, m.kind, m.value, m.high, m.qualifier) for m in mentions]
    assert fits, f"{text!r} does not state {value} {unit} (high {high}): read {found}"
    groups = {qualifier_group(m.qualifier) for m in fits}
    assert qualifier_group(hedge) in groups, f"{text!r}: hedge {hedge!r} not read ({found})"


amounts = st.builds(
    lambda whole, decimals, places: Decimal(whole) + Decimal(decimals).scaleb(-places) if places else Decimal(whole),
    st.integers(1, 999),
    st.integers(1, 9),
    st.sampled_from([0, 1]),
)


def plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


@given(st.integers(1, 999_999_999))
def test_digits_with_thousands_separators(n: int) -> None:
    reads_as(f"The ministry counted {n:,} applications.", Decimal(n), "applications")


@given(st.integers(2, 99))
def test_numbers_in_words(n: int) -> None:
    reads_as(f"The ministry counted {words(n)} applications.", Decimal(n), "applications")


SCALES = {
    "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "million": 10**6,
    "bn": 10**9, "bln": 10**9, "billion": 10**9, "tn": 10**12, "trn": 10**12, "trillion": 10**12,
}  # fmt: skip


@given(amounts, st.sampled_from(sorted(SCALES)), st.booleans())
def test_scale_words_and_abbreviations_after_a_currency(amount: Decimal, scale: str, space: bool) -> None:
    gap = " " if space or len(scale) > 3 else ""
    reads_as(f"The fund raised ${plain(amount)}{gap}{scale} last year.", amount * SCALES[scale], "USD")


SPELLED = {
    "half a million": 500_000, "a quarter of a million": 250_000, "three-quarters of a million": 750_000,
    "a dozen": 12, "two dozen": 24, "half a dozen": 6, "a couple of thousand": 2_000, "a hundred": 100,
    "a million": 1_000_000, "two million": 2_000_000,
}  # fmt: skip


@given(st.sampled_from(sorted(SPELLED)))
def test_spelled_quantities_with_a_scale(spelled: str) -> None:
    reads_as(f"Officials said {spelled} residents had left.", Decimal(SPELLED[spelled]), "residents")


def test_a_couple_of_is_approximate_by_itself() -> None:
    (mention,) = read_mentions("a couple of thousand engineers")
    assert mention.value == 2_000 and mention.optional_hedge


CURRENCIES = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "R$": "BRL", "₹": "INR", "C$": "CAD",
    "A$": "AUD", "HK$": "HKD",
}  # fmt: skip
CODES = ["USD", "EUR", "GBP", "JPY", "RUB", "CHF", "CNY", "VES", "BRL", "INR", "MXN", "ZAR"]
NAMES = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "roubles": "RUB", "rubles": "RUB"}


@given(amounts, st.sampled_from(sorted(CURRENCIES)))
def test_currency_signs_before_the_number(amount: Decimal, sign: str) -> None:
    reads_as(f"It cost {sign}{plain(amount)} million.", amount * 10**6, CURRENCIES[sign])


@given(amounts, st.sampled_from(CODES), st.booleans())
def test_currency_codes_before_or_after_with_or_without_a_space(amount: Decimal, code: str, after: bool) -> None:
    written = f"{plain(amount)} {code}" if after else f"{code} {plain(amount)}"
    reads_as(f"It cost {written} in all.", amount, code)


@given(amounts, st.sampled_from(sorted(NAMES)))
def test_currency_names_after_the_number(amount: Decimal, name: str) -> None:
    reads_as(f"It cost {plain(amount)} million {name}.", amount * 10**6, NAMES[name])


@given(st.integers(1, 99), st.sampled_from([("cents", "USD"), ("pence", "GBP"), ("p", "GBP"), ("c", "EUR")]))
def test_subunits_are_decimals_of_the_major_unit(n: int, subunit: tuple[str, str]) -> None:
    word, code = subunit
    written = f"{n}{word}" if len(word) == 1 else f"{n} {word}"
    sign = {"EUR": "€0.", "GBP": "", "USD": ""}[code]
    if word == "c":  # "20c" stands alone only beside a euro price; test it with the euro sign written
        written = f"{sign}{n:02d}"
    reads_as(f"A litre rose by {written} this week.", Decimal(n) / 100, code)


ENERGY = {
    "b/d": ("barrels per day", 1), "bpd": ("barrels per day", 1), "mb/d": ("barrels per day", 10**6),
    "mbd": ("barrels per day", 10**6), "million b/d": ("barrels per day", 10**6),
    "bcm": ("cubic metres", 10**9), "tcf": ("cubic feet", 10**12),
}  # fmt: skip


@given(amounts, st.sampled_from(sorted(ENERGY)))
def test_energy_units_that_carry_a_scale(amount: Decimal, written: str) -> None:
    unit, factor = ENERGY[written]
    reads_as(f"Output reached {plain(amount)} {written} in March.", amount * factor, unit)


GLUED = {"GW": "GW", "MW": "MW", "km": "km", "kg": "kg", "t": "tonnes", "°C": "°C", "C": "°C", "ha": "hectares"}


@given(amounts, st.sampled_from(sorted(GLUED)), st.booleans())
def test_physical_units_glued_or_spaced(amount: Decimal, symbol: str, glued: bool) -> None:
    gap = "" if glued or symbol in ("C", "t") else " "  # "1 t" is no way to write a tonne
    reads_as(f"The site measured {plain(amount)}{gap}{symbol} on Monday.", amount, GLUED[symbol])


def test_100m_is_metres_in_a_race_and_million_after_a_currency() -> None:
    reads_as("She won the 100m in 10.8 seconds.", Decimal(100), "metres")
    reads_as("The club paid £100m for him.", Decimal(100_000_000), "GBP")


FRACTIONS = {
    "half": "50", "a third": "33.3", "two-thirds": "66.7", "a quarter": "25", "three-quarters": "75",
    "a fifth": "20", "two-fifths": "40",
}  # fmt: skip


@given(st.sampled_from(sorted(FRACTIONS)))
def test_proportions_in_words(fraction: str) -> None:
    reads_as(f"Officials said {fraction} of the households were affected.", Decimal(FRACTIONS[fraction]), "percent")


@given(st.integers(1, 9), st.integers(2, 10), st.sampled_from(["in", "out of"]))
def test_one_in_n_and_n_out_of_m(part: int, whole: int, joined: str) -> None:
    if part >= whole:
        part, whole = whole - 1 or 1, max(whole, part + 1)
    share = Decimal(part * 100) / whole
    if share != share.quantize(Decimal("0.1")):
        share = share.quantize(Decimal("0.1"))
    reads_as(f"A survey found {words(part)} {joined} {words(whole)} adults agreed.", share, "percent")


MULTIPLIERS = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "twice": 2, "three times": 3}


@given(st.sampled_from(sorted(MULTIPLIERS)))
def test_multiplier_words(written: str) -> None:
    sentence = f"Sales {written} last year." if written.endswith("ed") else f"Sales were {written} as high."
    reads_as(sentence, Decimal(MULTIPLIERS[written]), "times")


@given(st.integers(2, 60))
def test_n_fold(n: int) -> None:
    reads_as(f"Cases rose {n}-fold in a year.", Decimal(n), "times")
    reads_as(f"Cases rose {words(n)}fold in a year." if n < 10 else f"Cases rose {n}-fold.", Decimal(n), "times")


@given(st.integers(1, 98), st.integers(1, 20), st.sampled_from(["million", "bn", "%"]))
def test_ranges_are_one_figure_with_two_ends(low: int, step: int, scale: str) -> None:
    high = low + step
    if scale == "%":
        reads_as(f"Growth will be {low}-{high}% this year.", Decimal(low), "percent", high=Decimal(high))
        reads_as(f"Growth will be between {low}% and {high}% this year.", Decimal(low), "percent", high=Decimal(high))
    elif scale == "bn":
        text = f"The bill is put at from ${low}bn to ${high}bn over a decade."
        reads_as(text, Decimal(low) * 10**9, "USD", high=Decimal(high) * 10**9)
    else:
        text = f"Between {low} and {high} million people voted."
        reads_as(text, Decimal(low) * 10**6, "people", high=Decimal(high) * 10**6)


@given(st.integers(1, 120))
def test_ordinals_in_digits(n: int) -> None:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    reads_as(f"It was the {n}{suffix} anniversary of the treaty.", Decimal(n), "ordinal")


ORDINAL_WORDS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "tenth": 10}


@given(st.sampled_from(sorted(ORDINAL_WORDS)), st.sampled_from(["{}-largest producer", "{} consecutive year"]))
def test_ordinals_in_words_alone_or_in_compounds(word: str, pattern: str) -> None:
    reads_as(f"It is the {pattern.format(word)} in the region.", Decimal(ORDINAL_WORDS[word]), "ordinal")


BEFORE = sorted(h for h in HEDGE_GROUPS if h not in ("or so", "or more", "or less", "or fewer", "plus", "odd"))


@given(st.sampled_from(BEFORE), st.integers(2, 999))
def test_every_hedge_before_the_number(hedge: str, n: int) -> None:
    reads_as(f"Officials counted {hedge} {n:,} vessels in the port.", Decimal(n), "vessels", hedge=hedge)


@given(st.sampled_from(["or so", "or more", "plus", "odd"]), st.integers(20, 990))
def test_hedges_after_the_number(hedge: str, n: int) -> None:
    written = f"{n}-{hedge}" if hedge in ("plus", "odd") else f"{n} {hedge}"
    reads_as(f"Officials counted {written} vessels in the port.", Decimal(n), "vessels", hedge=hedge)


@given(st.integers(1, 999))
def test_a_footnote_glued_to_a_number_does_not_hide_it(n: int) -> None:
    reads_as(f"Exports rose {n}%[3] last year.", Decimal(n), "percent")
    reads_as(f"Exports rose {n}%¹ last year.", Decimal(n), "percent")


NOT_QUANTITIES = [
    "the Boeing 737 was grounded", "155mm shells were sent", "they won 2-1 at home", "the T-72 tanks",
    "a section 114 notice", "at the G20 summit", "King Charles III said", "see note [4]", "at 10:30 local time",
    "licensed CC BY 4.0",
]  # fmt: skip


def test_numbers_that_are_no_quantity_are_never_offered_as_a_count() -> None:
    for text in NOT_QUANTITIES:
        counts = [m.text for m in read_mentions(text) if m.kind in ("count", "percent", "currency", "measure")]
        assert counts == [], f"{text!r} offers {counts}"


@pytest.mark.parametrize("noun", ["region", "block", "zone", "district"])
def test_a_code_noun_that_ends_a_sentence_leaves_the_next_number_a_figure(noun: str) -> None:
    found = read_mentions(f"It is in the {noun}. 942 people have been displaced.")
    assert [(m.text, m.kind) for m in found] == [("942", "count")]
    assert read_mentions(f"It is in {noun} 942.") == []  # before the number without a stop, it names


@pytest.mark.parametrize("abbreviation", ["No.", "Art.", "Para."])
def test_an_abbreviation_before_a_number_still_names(abbreviation: str) -> None:
    assert read_mentions(f"See {abbreviation} 12 of the treaty.") == []
