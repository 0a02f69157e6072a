"""The Spanish reader: every convention of Spanish news numbers, its traps, and round trips of each style
through `compare`, the way the validator checks a catalog entry."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.text import spanish
from dashboard.text.dates import DateExpr
from dashboard.text.hedges import qualifier_group
from dashboard.text.mentions import read_mentions, reader_for
from dashboard.text.quantity import Mention
from dashboard.text.units import parse_unit
from dashboard.validation.rules.figures import compare


def read(text: str) -> list[Mention]:
    mentions = read_mentions(text, "es")
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    return mentions


def only(text: str) -> Mention:
    (mention,) = read(text)
    return mention


def test_the_reader_is_registered_for_spanish() -> None:
    assert reader_for("es-VE") is spanish.read_mentions


# ------------------------------------------------------------------------------------------------ numbers

NUMBERS = [
    # text, kind, value
    ("se vendieron 1.500 unidades", "count", "1500"),
    ("la tasa fue de 1,5 puntos", "count", "1.5"),
    ("unas 1.500.000 personas", "count", "1500000"),
    ("el 27,5 % de los votos", "percent", "27.5"),
    ("con 1 850 toneladas", "measure", "1850"),
    ("con 1\u00a0850 toneladas", "measure", "1850"),
    ("con 1\u202f850 toneladas", "measure", "1850"),
    ("llegaron 1850 soldados", "count", "1850"),
    ("registró 3 mil casos", "count", "3000"),
    ("la población supera el millón", "count", "1000000"),
    ("unos 2,5 millones de turistas", "count", "2500000"),
    ("con 1.2 millones de habitantes", "count", "1200000"),
    ("treinta y cinco acuerdos", "count", "35"),
    ("doscientos cuarenta soldados", "count", "240"),
    ("ciento cinco escuelas", "count", "105"),
    ("cien escuelas", "count", "100"),
    ("veintidós países", "count", "22"),
    ("dos mil solicitudes", "count", "2000"),
    ("medio millón de hectáreas", "measure", "500000"),
    ("un millón y medio de personas", "count", "1500000"),
    ("dos millones y medio de votos", "count", "2500000"),
    ("una docena de barcos", "count", "12"),
]


@pytest.mark.parametrize(("text", "kind", "value"), NUMBERS)
def test_numbers(text: str, kind: str, value: str) -> None:
    mention = only(text)
    assert (mention.kind, mention.value) == (kind, Decimal(value)), mention


def test_a_point_then_three_digits_is_thousands_and_a_comma_is_the_decimal() -> None:
    assert only("exportó 1.500 toneladas").value == 1500
    assert only("exportó 1,5 toneladas").value == Decimal("1.5")
    assert only("exportó 1.500,25 toneladas").value == Decimal("1500.25")


def test_mil_millones_is_a_billion_and_billon_a_trillion() -> None:
    assert only("2.000 millones de euros").value == 2 * 10**9
    assert only("mil millones de dólares").value == 10**9
    assert only("3 mil millones de dólares").value == 3 * 10**9
    assert only("1,04 billones de bolívares").value == Decimal("1040000000000")
    assert only("un billón de bolívares").value == 10**12
    assert only("2 millardos de dólares").value == 2 * 10**9


def test_a_year_is_not_two_thousand() -> None:
    mention = only("El acuerdo se firmó en 2024.")
    assert (mention.kind, mention.value) == ("year", Decimal(2024))
    assert only("en 2019 las ventas cayeron").kind == "year"


@pytest.mark.parametrize(
    "text",
    [
        "según el Decreto N.º 4.512",
        "el artículo 5 de la ley",
        "la Ley 123 de Hidrocarburos",
        "a las 10:30 de la mañana",
        "a las 10 horas",
        "llame al (0212) 555-1234",
        "llame al +58 212 555 1234",
        "vive en la calle 5",
        "publicado en la Gaceta Oficial N.º 6.543",
        "los cazas Su-30MK2",
        "la pandemia de COVID-19",
        "opera el bloque Junín 6, y otros",
    ],
)
def test_what_is_no_quantity(text: str) -> None:
    assert [m for m in read(text) if m.kind not in ("date", "year")] == []


# --------------------------------------------------------------------------------------- units and kinds

UNITS = [
    # text, catalog unit, value
    ("US$ 1,2 millones", "USD", "1200000"),
    ("USD 500", "USD", "500"),
    ("$ 300", "USD", "300"),
    ("$ 300", "MXN", "300"),
    ("1,2 millones de dólares", "USD", "1200000"),
    ("40 millones de dólares estadounidenses", "USD", "40000000"),
    ("2.000 millones de euros", "EUR", "2000000000"),
    ("300 €", "EUR", "300"),
    ("€300", "EUR", "300"),
    ("107,62 bolívares", "VES", "107.62"),
    ("Bs. 50", "VES", "50"),
    ("9.800 millones de rublos", "RUB", "9800000000"),
    ("500 yuanes", "CNY", "500"),
    ("300 pesos", "ARS", "300"),
    ("un préstamo de 5 mdd", "USD", "5000000"),
    ("US$ 200 mill.", "USD", "200000000"),
    ("el 45 %", "percent", "45"),
    ("el 45%", "percent", "45"),
    ("el 30 por ciento", "percent", "30"),
    ("subió 2 puntos porcentuales", "percentage points", "2"),
    ("410.000 toneladas", "tonnes", "410000"),
    ("1,5 millones de litros", "litres", "1500000"),
    ("500 hectáreas", "hectares", "500"),
    ("165 km", "km", "165"),
    ("un parque de 200 MW", "MW", "200"),
    ("118.000 barriles diarios", "barrels per day", "118000"),
    ("1,02 millones de barriles diarios", "barrels per day", "1020000"),
    ("2 millones de barriles", "barrels", "2000000"),
    ("10 años", "years", "10"),
    ("seis meses", "months", "6"),
    ("cinco días", "days", "5"),
    ("un mes", "months", "1"),
    ("343 acuerdos", "agreements", "343"),
]


@pytest.mark.parametrize(("text", "unit", "value"), UNITS)
def test_units(text: str, unit: str, value: str) -> None:
    fits = [m for m in read(text) if compare(m, parse_unit(unit), Decimal(value), None).fit == "equal"]
    assert fits, read(text)


def test_currency_is_not_another_currency() -> None:
    mention = only("107,62 bolívares")
    assert compare(mention, parse_unit("USD"), Decimal("107.62"), None).fit != "equal"


def test_counted_noun_as_written() -> None:
    assert only("firmaron 343 acuerdos").noun == "acuerdos"
    assert only("14 millones de cabezas de ganado").noun == "cabezas de ganado"


PROPORTIONS = [
    ("la mitad de los votos", "50", (1, 2)),
    ("un tercio de los estudiantes", "33.33333333333333333333333333", (1, 3)),
    ("dos tercios del total", "66.66666666666666666666666667", (2, 3)),
    ("una cuarta parte de la cosecha", "25", (1, 4)),
    ("tres cuartas partes del país", "75", (3, 4)),
]


@pytest.mark.parametrize(("text", "value", "fraction"), PROPORTIONS)
def test_proportions_in_words_are_percent(text: str, value: str, fraction: tuple[int, int]) -> None:
    mention = only(text)
    assert (mention.kind, mention.value, mention.fraction) == ("percent", Decimal(value), fraction)


def test_a_third_equals_its_rounded_percent() -> None:
    mention = only("un tercio de los estudiantes")
    assert compare(mention, parse_unit("percent"), Decimal("33.3"), None).fit == "equal"


def test_the_first_half_of_a_year_is_no_share() -> None:
    assert [m for m in read("en la primera mitad de 2024") if m.kind == "percent"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("se triplicó", 3), ("las ventas se duplicaron", 2), ("el doble", 2), ("más del doble", 2),
     ("llegue al doble", 2), ("el triple que en 2020", 3), ("tres veces más que", 3)],
)  # fmt: skip
def test_multipliers(text: str, value: int) -> None:
    (mention,) = [m for m in read(text) if m.kind == "multiplier"]
    assert mention.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("el 80.º aniversario", 80), ("el 80º aniversario", 80), ("el 80 aniversario", 80),
     ("el octogésimo aniversario", 80), ("el tercer mes consecutivo", 3), ("el tercero de la lista", 3),
     ("la 3.ª edición", 3), ("por segunda vez", 2), ("el vigésimo primer puesto", 21)],
)  # fmt: skip
def test_ordinals(text: str, value: int) -> None:
    mention = only(text)
    assert (mention.kind, mention.value) == ("ordinal", Decimal(value))


def test_part_of_a_year_and_plural_ordinals_are_no_ranks() -> None:
    assert [m for m in read("en el primer semestre") if m.kind == "ordinal"] == []
    assert [m for m in read("durante los primeros seis") if m.kind == "ordinal"] == []


def test_an_age_is_no_duration() -> None:
    assert only("Pérez, de 52 años, dijo").kind == "age"
    assert only("un hombre de 40 años de edad").kind == "age"
    assert only("lo dijo el Sr. Pérez, de 45 años").kind == "age"
    assert only("a un plazo de diez años, con pagos").kind == "duration"


def test_a_unit_written_once_before() -> None:
    mentions = read("superó el billón de bolívares: se situó en 1,04 billones")
    assert mentions[-1].currencies[0] == "VES"
    mentions = read("a un plazo de diez años, con pagos mínimos durante los primeros seis")
    assert (mentions[-1].kind, mentions[-1].time_unit) == ("duration", "years")


# ---------------------------------------------------------------------------------------- hedges, ranges

HEDGED = [
    ("casi 20.000 turistas", "nearly"),
    ("más de 3.000 millones de dólares", "more than"),
    ("más del 50 %", "more than"),
    ("menos de un 3 %", "less than"),
    ("menos de la mitad", "less than"),
    ("poco más de 42 millones", "just over"),
    ("poco menos de 42 millones", "just under"),
    ("unos 50 helicópteros", "some"),
    ("unas 3.400 toneladas", "some"),
    ("alrededor del 80 %", "around"),
    ("alrededor de un 15 %", "around"),
    ("en torno al 4 %", "around"),
    ("aproximadamente 1,1 millones de toneladas", "approximately"),
    ("un ingreso aproximado de 25 millones de dólares", "approximately"),
    ("un valor estimado de 11.000 millones de dólares", "estimated"),
    ("del orden de 300 millones", "on the order of"),
    ("más o menos 300 personas", "roughly"),
    ("al menos 600.000 toneladas", "at least"),
    ("como mínimo 20 días", "at least"),
    ("como máximo 20 días", "at most"),
    ("no menos de 20 días", "no less than"),
    ("cerca de 100.000 fusiles", "close to"),
    ("por encima del 5 %", "above"),
    ("por debajo del 5 %", "below"),
    ("una ocupación superior al 85 %", "above"),
    ("la deuda supera los 150.000 millones de dólares", "over"),
    ("superó los 7,7 millones de personas", "over"),
    ("superar la barrera de los 30.000 visitantes", "over"),
    ("el rebaño ronda hoy los 14 millones de cabezas", "around"),
    ("no llegaba al 10 %", "under"),
    ("hasta 150 becas", "up to"),
    ("1.000 personas o más", "or more"),
]


@pytest.mark.parametrize(("text", "english"), HEDGED)
def test_hedges_are_recorded_in_english(text: str, english: str) -> None:
    (mention,) = [m for m in read(text) if m.kind not in ("date", "year")]
    assert mention.qualifier == english
    assert qualifier_group(mention.qualifier) is not None


@pytest.mark.parametrize(
    "text", ["equivale apenas a un tercio", "alcanzó el 48,3 %", "subió hasta 46 %",
             "las exportaciones aumentaron hasta el 46 %", "se redujo hasta el 19 %", "un 4,1 % menos que en 2024"],
)  # fmt: skip
def test_words_that_look_like_hedges_are_not(text: str) -> None:
    (mention,) = [m for m in read(text) if m.kind not in ("date", "year")]
    assert mention.qualifier is None


RANGES = [
    ("de 40 hasta 55 millones de dólares", "USD", "40000000", "55000000"),
    ("entre 2 y 3 millones de dólares", "USD", "2000000", "3000000"),
    ("entre 12.000 y 14.000 millones de dólares", "USD", "12000000000", "14000000000"),
    ("entre 20 y 30 personas", "people", "20", "30"),
    ("entre 30 % y 40 %", "percent", "30", "40"),
    ("de 10 a 14 días", "days", "10", "14"),
    ("entre 20.000 y 30.000 barriles diarios", "barrels per day", "20000", "30000"),
    ("un 20-25 %", "percent", "20", "25"),
]


@pytest.mark.parametrize(("text", "unit", "low", "high"), RANGES)
def test_ranges_have_no_qualifier(text: str, unit: str, low: str, high: str) -> None:
    mention = only(text)
    assert compare(mention, parse_unit(unit), Decimal(low), Decimal(high)).fit == "equal", mention
    assert mention.qualifier is None


def test_a_change_from_one_value_to_another_is_no_range() -> None:
    low, high = read("redujo el tránsito de 45 a 28 días")
    assert (low.value, low.time_unit, high.value, high.time_unit) == (Decimal(45), "days", Decimal(28), "days")
    low, high = read("las ventas pasaron de 10 a 20 millones de dólares")
    assert (low.high, high.high) == (None, None)


# ------------------------------------------------------------------------------------------ years, dates

YEARS = [
    ("entre 2005 y 2013", "2005/2013"),
    ("de 2000 a 2021", "2000/2021"),
    ("el periodo 2000-2021", "2000/2021"),
    ("el curso 2025-2026", "2025/2026"),
    ("desde 2006", "2006/.."),
]


@pytest.mark.parametrize(("text", "period"), YEARS)
def test_year_ranges(text: str, period: str) -> None:
    years = [m for m in read(text) if m.kind == "year"]
    assert years and all(m.period == period for m in years), years


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("los años noventa", 1990),
        ("los años 90", 1990),
        ("la década de 1980", 1980),
        ("la década de los setenta", 1970),
    ],
)
def test_decades(text: str, first: int) -> None:
    mention = only(text)
    assert (mention.kind, mention.period) == ("decade", f"{first}/{first + 9}")


def test_thousands_after_los_are_no_decade() -> None:
    assert only("los 30.000 visitantes").value == 30000


DATES = [
    ("el 8 de mayo de 2025", DateExpr(2025, 5, 8)),
    ("el 8 de mayo", DateExpr(None, 5, 8)),
    ("el 1.º de julio", DateExpr(None, 7, 1)),
    ("en julio de 2024", DateExpr(2024, 7, None)),
    ("julio de 2024", DateExpr(2024, 7, None)),
    ("mayo del 2025", DateExpr(2025, 5, None)),
    ("en setiembre", DateExpr(None, 9, None)),
    ("el pasado noviembre", DateExpr(None, 11, None, "last")),
    ("noviembre pasado", DateExpr(None, 11, None, "last")),
    ("el próximo julio", DateExpr(None, 7, None, "next")),
    ("el año pasado", DateExpr(None, None, None, "last", "year")),
    ("al término del año pasado", DateExpr(None, None, None, "last", "year")),
    ("el mes pasado", DateExpr(None, None, None, "last", "month")),
    ("este año", DateExpr(None, None, None, "this", "year")),
    ("el próximo año", DateExpr(None, None, None, "next", "year")),
    ("a finales de 2024", DateExpr(2024, None, None, part="late")),
    ("14.02.2025", DateExpr(2025, 2, 14)),
    ("14/02/2025", DateExpr(2025, 2, 14)),
    ("05/02/2025", DateExpr(2025, 2, 5)),
]


@pytest.mark.parametrize(("text", "expr"), DATES)
def test_dates(text: str, expr: DateExpr) -> None:
    (mention,) = [m for m in read(text) if m.kind == "date"]
    assert mention.date == expr


def test_a_capitalised_month_alone_is_a_name() -> None:
    assert read("Julio Borges dijo") == []


def test_module_constants_for_the_period_and_sentence_rules() -> None:
    assert {"EE.UU.", "Sr.", "Dr.", "Bs.", "N.º", "mill."} <= spanish.ABBREVIATIONS
    assert spanish.SINCE.search("vigente desde el ") and spanish.SINCE.search("a partir de ")
    assert spanish.UNTIL.search("hasta ") and spanish.UNTIL.search("antes de ") and not spanish.UNTIL.search("en ")
    assert spanish.PRESENT.search("actualmente hay") and spanish.PRESENT.search("en la actualidad")
    assert spanish.FUTURE.search("el gobierno prevé") and spanish.FUTURE.search("la producción llegará")
    assert not spanish.FUTURE.search("la producción llegó")
    assert spanish.UNRESOLVED.search("en lo que va de año") and spanish.UNRESOLVED.search("la tasa interanual")


# ----------------------------------------------------------------------------------------- round trips


def reads_as(text: str, value: Decimal, unit: str, *, high: Decimal | None = None, hedge: str | None = None) -> None:
    """Some mention of `text` states `value` (to `high`) in `unit`, hedged in the group of `hedge`."""
    mentions = read(text)
    fits = [m for m in mentions if compare(m, parse_unit(unit), value, high).fit == "equal"]
    found = [(m.text, m.kind, m.value, m.high, m.qualifier) for m in mentions]
    assert fits, f"{text!r} does not state {value} {unit} (high {high}): read {found}"
    assert qualifier_group(hedge) in {qualifier_group(m.qualifier) for m in fits}, f"{text!r}: {found}"


def decimal_comma(value: Decimal) -> str:
    """ "1.234.567,5": points between thousands, a decimal comma."""
    whole, _, decimals = f"{value.normalize():f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{decimals}" if decimals else grouped


amounts = st.builds(
    lambda whole, decimals, places: Decimal(whole) + Decimal(decimals).scaleb(-places) if places else Decimal(whole),
    st.integers(1, 999),
    st.integers(1, 9),
    st.sampled_from([0, 1, 2]),
)
SPANISH_HEDGES = {
    None: None, "más de": "more than", "menos de": "less than", "casi": "nearly", "unos": "about",
    "alrededor de": "around", "aproximadamente": "approximately", "al menos": "at least", "hasta": "up to",
    "cerca de": "close to", "poco más de": "just over", "por encima de": "above", "en torno a": "around",
    "como máximo": "at most", "no menos de": "no less than",
}  # fmt: skip
hedges = st.sampled_from(sorted(SPANISH_HEDGES, key=lambda h: h or ""))


def hedged(hedge: str | None, body: str) -> str:
    return f"{hedge} {body}" if hedge else body


@given(st.integers(1, 999_999_999), hedges)
def test_point_thousands(n: int, hedge: str | None) -> None:
    text = f"El ministerio contó {hedged(hedge, decimal_comma(Decimal(n)))} solicitudes."
    reads_as(text, Decimal(n), "applications", hedge=SPANISH_HEDGES[hedge])


@given(st.integers(1000, 999_999_999), st.sampled_from([" ", "\u00a0", "\u202f", "\u2009"]))
def test_space_thousands(n: int, space: str) -> None:
    written = f"{n:,}".replace(",", space)
    reads_as(f"El ministerio contó {written} solicitudes.", Decimal(n), "applications")


@given(amounts, hedges)
def test_decimal_comma_percent(amount: Decimal, hedge: str | None) -> None:
    reads_as(f"La inflación fue de {hedged(hedge, decimal_comma(amount))} %.", amount, "percent",
             hedge=SPANISH_HEDGES[hedge])  # fmt: skip


@given(amounts, hedges)
def test_por_ciento(amount: Decimal, hedge: str | None) -> None:
    text = f"La cuota representa {hedged(hedge, decimal_comma(amount))} por ciento."
    reads_as(text, amount, "percent", hedge=SPANISH_HEDGES[hedge])


SCALES = {"mil": 10**3, "millones": 10**6, "mil millones": 10**9, "billones": 10**12}
CURRENCY_AFTER = {"dólares": "USD", "euros": "EUR", "bolívares": "VES", "rublos": "RUB", "yuanes": "CNY"}
CURRENCY_BEFORE = {"US$": "USD", "USD": "USD", "€": "EUR", "Bs.": "VES", "EUR": "EUR"}


@given(amounts, st.sampled_from(sorted(SCALES)), st.sampled_from(sorted(CURRENCY_AFTER)), hedges)
def test_scale_and_currency_after(amount: Decimal, scale: str, name: str, hedge: str | None) -> None:
    de = " de" if scale != "mil" else ""
    body = f"{decimal_comma(amount)} {scale}{de} {name}"
    reads_as(f"La deuda es de {hedged(hedge, body)} al cierre.", amount * SCALES[scale], CURRENCY_AFTER[name],
             hedge=SPANISH_HEDGES[hedge])  # fmt: skip


@given(amounts, st.sampled_from(sorted(SCALES)), st.sampled_from(sorted(CURRENCY_BEFORE)), hedges)
def test_currency_before(amount: Decimal, scale: str, sign: str, hedge: str | None) -> None:
    body = f"{sign} {decimal_comma(amount)} {scale}"
    reads_as(f"Invirtió {hedged(hedge, body)} en la planta.", amount * SCALES[scale], CURRENCY_BEFORE[sign],
             hedge=SPANISH_HEDGES[hedge])  # fmt: skip


@given(st.integers(1, 998), st.integers(1, 999), st.sampled_from(sorted(SCALES)))
def test_ranges_round_trip(low: int, step: int, scale: str) -> None:
    high = low + step
    de = " de" if scale != "mil" else ""
    text = f"Costará entre {low} y {high} {scale}{de} euros."
    reads_as(text, Decimal(low) * SCALES[scale], "EUR", high=Decimal(high) * SCALES[scale])


ONES = "uno dos tres cuatro cinco seis siete ocho nueve".split()
TEENS = "diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve".split()
TWENTIES = (
    "veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
)
TENS = "treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()


def words(n: int) -> str:
    """2-99 in Spanish words: "cuarenta y dos"."""
    if n < 10:
        return ONES[n - 1]
    if n < 20:
        return TEENS[n - 10]
    if n < 30:
        return TWENTIES.split()[n - 20]
    tens, ones = divmod(n, 10)
    return TENS[tens - 3] + (f" y {ONES[ones - 1]}" if ones else "")


@given(st.integers(2, 99), hedges)
def test_numbers_in_words(n: int, hedge: str | None) -> None:
    reads_as(f"Firmaron {hedged(hedge, words(n))} acuerdos.", Decimal(n), "agreements", hedge=SPANISH_HEDGES[hedge])


@given(st.integers(2000, 2030))
def test_years_stay_years(year: int) -> None:
    reads_as(f"El contrato se firmó en {year} en Caracas.", Decimal(year), "year")
