"""The Russian reader: every convention it reads, the traps it must not fall into, and property tests that
write a value in each Russian style and read it back as the validator compares it (`compare`)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.text import russian
from dashboard.text.dates import DateExpr
from dashboard.text.hedges import qualifier_group
from dashboard.text.mentions import read_mentions, reader_for
from dashboard.text.quantity import Mention
from dashboard.text.units import parse_unit
from dashboard.validation.rules.figures import compare


def read(text: str) -> list[Mention]:
    mentions = read_mentions(text, "ru")
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    return mentions


def only(text: str, kind: str | None = None) -> Mention:
    found = [m for m in read(text) if kind is None or m.kind == kind]
    assert len(found) == 1, f"{text!r}: {[(m.text, m.kind) for m in read(text)]}"
    return found[0]


def reads_as(text: str, value: Decimal, unit: str, *, high: Decimal | None = None, hedge: str | None = None) -> None:
    """Some mention of `text` states `value` (to `high`) in `unit`, hedged in the group of `hedge`."""
    mentions = read(text)
    fits = [m for m in mentions if compare(m, parse_unit(unit), value, high).fit == "equal"]
    found = [(m.text, m.kind, m.value, m.high, m.qualifier, m.currencies) for m in mentions]
    assert fits, f"{text!r} does not state {value} {unit} (high {high}): read {found}"
    assert qualifier_group(hedge) in {qualifier_group(m.qualifier) for m in fits}, f"{text!r}: hedge {found}"


def test_the_reader_is_registered_for_russian() -> None:
    assert reader_for("ru") is russian.read_mentions
    assert reader_for("ru-RU") is russian.read_mentions


# ------------------------------------------------------------------------------------------ table of values

D = Decimal
VALUES = [
    # text, kind, value, high, currency, qualifier
    ("Выручка составила 11,8 млрд рублей.", "currency", D("11.8e9"), None, "RUB", None),
    ("Экспорт достиг 327,6 млн долларов.", "currency", D("327.6e6"), None, "USD", None),
    ("Резервы составляют $10,3 млрд.", "currency", D("10.3e9"), None, "USD", None),
    ("Сделка стоила 250 $.", "currency", D(250), None, "USD", None),
    ("Долг составил 1,2 млрд долл. США.", "currency", D("1.2e9"), None, "USD", None),
    ("Курс дошёл до 80 боливаров.", "currency", D(80), None, "VES", "up to"),
    ("Цена составила 58,4 доллара за баррель.", "currency", D("58.4"), None, "USD", None),
    ("Платёж составил 1 доллар.", "currency", D(1), None, "USD", None),
    ("Займ на 3 млрд юаней подписан.", "currency", D(3e9), None, "CNY", None),
    ("Проект стоит 40 млн евро.", "currency", D(40e6), None, "EUR", None),
    ("Стипендия составляет 2 тыс. руб. в месяц.", "currency", D(2000), None, "RUB", None),
    ("Кредит на сумму трёх миллиардов рублей выдан.", "currency", D(3e9), None, "RUB", None),
    ("Активы превышают 190 трлн. рублей.", "currency", D(190e12), None, "RUB", "over"),
    ("Рост составил 56% за год.", "percent", D(56), None, None, None),
    ("Доля достигла 71 процента.", "percent", D(71), None, None, None),
    ("Доля составила 1 процент.", "percent", D(1), None, None, None),
    ("Рост на 40 процентов ожидается.", "percent", D(40), None, None, None),
    ("Около половины сотрудников уволены.", "percent", D(50), None, None, "about"),
    ("Почти треть выпускников уехала.", "percent", D(100) / 3, None, None, "nearly"),
    ("Четверть бюджета ушла на оборону.", "percent", D(25), None, None, None),
    ("Две трети опрошенных согласны.", "percent", D(200) / 3, None, None, None),
    ("Работают 1 850 человек.", "count", D(1850), None, None, None),
    ("Поступило 5 100 заявок.", "count", D(5100), None, None, None),
    ("Город посетили полтора миллиона туристов.", "count", D(1_500_000), None, None, None),
    ("Собрались около полутора тысяч участников.", "count", D(1500), None, None, "about"),
    ("Прошли подготовку двадцать пять офицеров.", "count", D(25), None, None, None),
    ("Выделено сто двадцать мест.", "count", D(120), None, None, None),
    ("Насчитали триста сорок три соглашения.", "count", D(343), None, None, None),
    ("Пришли двадцать одна тысяча зрителей.", "count", D(21_000), None, None, None),
    ("Принят в двух вузах.", "count", D(2), None, None, None),
    ("Прибыли свыше 9 тыс. специалистов.", "count", D(9000), None, None, "over"),
    ("Добыча составила 2,9 млн тонн.", "measure", D("2.9e6"), None, None, None),
    ("Мощность станции 300 МВт.", "measure", D(300), None, None, None),
    ("Трубопровод длиной 165 км построен.", "measure", D(165), None, None, None),
    ("Продано 400 тыс. литров рома.", "measure", D(400_000), None, None, None),
    ("Ставка выросла на 2 процентных пункта.", "measure", D(2), None, None, None),
    ("Договор заключён на 10 лет.", "duration", D(10), None, None, None),
    ("Договор продлён на пять лет.", "duration", D(5), None, None, None),
    ("Стройка займёт 45 суток.", "duration", D(45), None, None, None),
    ("Ремонт длился шесть месяцев.", "duration", D(6), None, None, None),
    ("Выплаты отложены в течение трёх лет.", "duration", D(3), None, None, None),
    ("Инвестиции увеличат вдвое.", "multiplier", D(2), None, None, None),
    ("Выпуск вырос втрое.", "multiplier", D(3), None, None, None),
    ("Цены выросли в три раза.", "multiplier", D(3), None, None, None),
    ("Спрос вырос в 2,5 раза.", "multiplier", D("2.5"), None, None, None),
    ("Страны отмечают 80-летие отношений.", "ordinal", D(80), None, None, None),
    ("Прошла 80-я годовщина победы.", "ordinal", D(80), None, None, None),
    ("Состоялось 17-е заседание комиссии.", "ordinal", D(17), None, None, None),
    ("Это был третий визит президента.", "ordinal", D(3), None, None, None),
    ("Команда прошла во второй раз.", "ordinal", D(2), None, None, None),
    ("Это случилось в 2019 году.", "year", D(2019), None, None, None),
    ("Кредит 2011 года не погашен.", "year", D(2011), None, None, None),
    ("Отчёт за 2024 г. опубликован.", "year", D(2024), None, None, None),
]


@pytest.mark.parametrize(("text", "kind", "value", "high", "currency", "qualifier"), VALUES)
def test_values(
    text: str, kind: str, value: Decimal, high: Decimal | None, currency: str | None, qualifier: str | None
) -> None:
    found = [m for m in read(text) if m.kind == kind]
    assert found, f"{text!r}: {[(m.text, m.kind) for m in read(text)]}"
    mention = found[0]
    assert mention.value is not None
    if mention.fraction:
        assert abs(mention.value - value) < D("0.0001")
    else:
        assert mention.value == value
    assert mention.high == high
    assert mention.currency == currency
    assert mention.qualifier == qualifier


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f"])
def test_thousands_with_every_kind_of_space(space: str) -> None:
    mention = only(f"На складе хранятся 1{space}850 тонн какао.")
    assert (mention.value, mention.kind, mention.unit_text) == (D(1850), "measure", "tonnes")
    assert only(f"Поступило 12{space}345{space}678 заявок.").value == D(12_345_678)


def test_a_year_is_no_thousands() -> None:
    (year, amount) = read("В 2024 году 1 500 человек подали заявления.")
    assert (year.kind, year.value) == ("year", D(2024))
    assert (amount.kind, amount.value, amount.noun) == ("count", D(1500), "человек")
    assert only("Экспорт в 2024 году вырос.").kind == "year"
    assert only("Заплатили 2024 рубля.").kind == "currency"


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Заплатили 5 долларов.", "USD"), ("Стоит 2 доллара.", "USD"), ("Один к 21 доллару.", "USD"),
        ("Собрали 3 доллара США.", "USD"), ("Подорожал на 7 долл.", "USD"), ("Выплатили 100 рублей.", "RUB"),
        ("Вырос на 3 рубля.", "RUB"), ("Курс 90 руб. за доллар.", "RUB"), ("Цена 30 евро.", "EUR"),
        ("Стоит 52 боливара.", "VES"), ("Цена 12 юаней.", "CNY"), ("Собрали 10 млн рублей.", "RUB"),
        ("Дали 4 млрд долларами.", "USD"),
    ],
)  # fmt: skip
def test_currency_names_in_every_case(text: str, currency: str) -> None:
    assert only(text, "currency").currency == currency


# ------------------------------------------------------------------------------------------------- hedges

HEDGED = [
    ("около 700 рабочих мест", "about"), ("порядка 17 млрд долларов", "about"), ("примерно 3 тыс. терминалов",
    "approximately"), ("приблизительно 41 тыс. переводов", "approximately"), ("почти 130 млн долларов",
    "nearly"), ("почти что 20 тонн", "nearly"), ("без малого 500 человек", "nearly"), ("более 100 соглашений",
    "more than"), ("свыше 120 тыс. баррелей", "over"), ("больше 10 судов", "more than"), ("не менее 60 компаний",
    "at least"), ("не менее чем на 20%", "at least"), ("менее 10% суммы", "less than"), ("до 60 специалистов",
    "up to"), ("не более 5 человек", "no more than"), ("чуть более 200 машин", "just over"),
    ("более чем 300 тонн", "more than"), ("против менее чем 40 процентов", "less than"),
    ("может превысить 1 млрд долларов", "over"), ("на сумму, оцениваемую в 11 млрд долларов", "estimated"),
    ("100 с лишним домов", "more than"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "qualifier"), HEDGED)
def test_hedges(text: str, qualifier: str) -> None:
    (mention,) = [m for m in read(text) if m.value is not None]
    assert mention.qualifier == qualifier
    assert not mention.text.startswith(qualifier)


def test_do_in_a_range_is_no_hedge() -> None:
    mention = only("Выплаты составят от 20 до 30 тыс. рублей.")
    assert (mention.value, mention.high, mention.currency, mention.qualifier) == (D(20_000), D(30_000), "RUB", None)
    mention = only("Поездка длится от 10 до 14 дней.")
    assert (mention.kind, mention.value, mention.high, mention.time_unit) == ("duration", D(10), D(14), "days")


def test_do_after_a_starting_number_is_a_change_of_two_figures() -> None:
    first, second = read("Срок доставки сократили с 45 до 28 суток.")
    assert (first.value, first.kind, first.time_unit, first.qualifier) == (D(45), "duration", "days", None)
    assert (second.value, second.kind, second.time_unit, second.qualifier) == (D(28), "duration", "days", None)


@pytest.mark.parametrize(
    "text",
    ["Доля доллара снизилась до 19%.", "Доля рубля выросла до 46%.",
     "Стороны хотят довести оборот до 600 млн долларов.", "Поставки выросли вдвое — до 94 тыс. тонн.",
     "Доля евро сократилась до 7%."],
)  # fmt: skip
def test_do_after_a_verb_of_change_means_to(text: str) -> None:
    figures = [m for m in read(text) if m.kind != "multiplier"]
    assert figures and all(m.qualifier is None for m in figures)


def test_do_alone_is_up_to() -> None:
    assert only("Судно вмещает до 1 100 контейнеров.").qualifier == "up to"
    assert only("Судно вмещает до 1 100 контейнеров.").value == D(1100)


def test_ranges_with_a_dash_share_the_scale() -> None:
    mention = only("Оборот составит 600–700 млн долларов.")
    assert (mention.value, mention.high, mention.currency) == (D(600e6), D(700e6), "USD")
    mention = only("Доходы 12–14 млрд долларов в год.")
    assert (mention.value, mention.high) == (D(12e9), D(14e9))
    mention = only("Готовы поставить от 2 до 3 тыс. машинокомплектов.")
    assert (mention.value, mention.high, mention.kind) == (D(2000), D(3000), "count")


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [("Рост составит 20-25%.", "percent", D(20), D(25)), ("Цены выросли в 3-4 раза.", "multiplier", D(3), D(4)),
     ("Взнос 3-4 тыс. рублей.", "currency", D(3000), D(4000))],
)  # fmt: skip
def test_ranges_glued_with_a_hyphen(text: str, kind: str, low: Decimal, high: Decimal) -> None:
    mention = only(text)
    assert (mention.kind, mention.value, mention.high) == (kind, low, high)


def test_the_unit_elided_after_a_date_and_a_dash_is_the_one_given_before() -> None:
    text = "Добыча составляла 1,1 млн баррелей в сутки, а в 2013 году — более 2,5 млн."
    last = read(text)[-1]
    assert (last.kind, last.value, last.unit_text, last.qualifier) == (
        "measure", D("2.5e6"), "barrels per day", "more than"
    )  # fmt: skip
    # a new subject before the dash counts something else
    assert read("Средний перевод составил 35 тыс. рублей, а число переводов — 41 тыс.")[-1].kind == "count"


# ---------------------------------------------------------------------------------------- nouns and labels


@pytest.mark.parametrize(
    ("text", "noun"),
    [("подписали 2 соглашения", "соглашения"), ("подписали 5 соглашений в Москве", "соглашений"),
     ("подписали 21 соглашение", "соглашение"), ("работают 60 российских компаний", "российских компаний"),
     ("5 соглашений касаются нефти", "соглашений"), ("около 180 единиц техники", "единиц"),
     ("более 100 являются межправительственными", None), ("из 74 военнослужащих принял участие", "военнослужащих"),
     ("ещё до 60 планируется ввести", None)],
)  # fmt: skip
def test_the_counted_noun_as_written(text: str, noun: str | None) -> None:
    assert only(text).noun == noun


@pytest.mark.parametrize(
    "text",
    ["Встреча началась в 10:30.", "Звоните по телефону +7 (495) 123-45-67.", "Согласно статье 5 договора.",
     "Документ № 123 утверждён.", "Закуплены истребители Су-30МК2.", "Поставлена пшеница 4-го класса.",
     "Нефть марки Merey 16 подешевела.", "Рассказала студентка четвёртого курса.", "Студент 4-го курса.",
     "Расчёты без третьих валют.", "Санкции против третьих стран.", "Звоните 8-800-555-35-35.",
     "Закупили МиГ-29 и Су-35."],
)  # fmt: skip
def test_numbers_that_are_no_quantity(text: str) -> None:
    assert [m.text for m in read(text) if m.kind not in ("date", "year")] == []


def test_a_lone_one_and_first_half_are_no_figure() -> None:
    assert read("Один из министров приехал.") == []
    assert [m.kind for m in read("в первой половине года")] == []


# --------------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "date"),
    [("Встреча прошла 3 июня 2025 года.", DateExpr(2025, 6, 3)), ("Указ от 14 февраля 2025 г.", DateExpr(2025, 2, 14)),
     ("Линию открыли в июле 2024 года.", DateExpr(2024, 7, None)), ("Подпишут в мае.", DateExpr(None, 5, None)),
     ("Парад прошёл 9 мая.", DateExpr(None, 5, 9)), ("Документ от 14.02.2025 опубликован.", DateExpr(2025, 2, 14)),
     ("К марту 2025 года число выросло.", DateExpr(2025, 3, None)),
     ("Карты принимают с июля 2024 года.", DateExpr(2024, 7, None)),
     ("Это было в прошлом году.", DateExpr(None, None, None, "last", "year")),
     ("Продажи упали в прошлом месяце.", DateExpr(None, None, None, "last", "month")),
     ("Это случится в этом году.", DateExpr(None, None, None, "this", "year"))],
)  # fmt: skip
def test_dates(text: str, date: DateExpr) -> None:
    assert only(text, "date").date == date


def test_a_month_range_gives_the_year_to_both_months() -> None:
    first, last = [m.date for m in read("в январе–мае 2025 года") if m.kind == "date"]
    assert first == DateExpr(2025, 1, None) and last == DateExpr(2025, 5, None)


def test_a_bare_month_word_without_a_preposition_is_no_date() -> None:
    assert read("Май был тёплым.") == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("в 2000–2021 годах", "2000/2021"),
        ("с 2000 по 2021 год", "2000/2021"),
        ("В 2005–2013 гг. закупки шли", "2005/2013"),
    ],
)
def test_year_ranges_are_periods(text: str, period: str) -> None:
    mention = only(text)
    assert (mention.kind, mention.period) == ("year", period)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("в 1990-е годы", "1990/1999"),
        ("с 90-х годов", "1990/1999"),
        ("в 2000-х", "2000/2009"),
        ("в 90-е", "1990/1999"),
        ("с конца 80-х", "1980/1989"),
    ],
)
def test_decades(text: str, period: str) -> None:
    mention = only(text)
    assert (mention.kind, mention.period) == ("decade", period)


def test_the_preposition_before_a_date_is_left_for_since_and_until() -> None:
    text = "Режим действует с 2010 года и продлён до 2047 года."
    since, until = read(text)
    assert russian.SINCE.search(text[: since.start]) and not russian.UNTIL.search(text[: since.start])
    assert russian.UNTIL.search(text[: until.start])


def test_time_words() -> None:
    assert russian.PRESENT.search("в настоящее время работают")
    assert russian.PRESENT.search("сейчас действует")
    assert russian.FUTURE.search("Стороны рассчитывают довести")
    assert russian.FUTURE.search("заседание пройдёт в Москве")
    assert russian.FUTURE.search("к 2030 году")
    assert not russian.FUTURE.search("заседание прошло в Москве")
    assert russian.UNRESOLVED.search("на 56% больше, чем годом ранее")
    assert russian.UNRESOLVED.search("за тот же период прошлого года")
    assert {"г.", "тыс.", "руб.", "долл.", "т.е."} <= russian.ABBREVIATIONS


# ----------------------------------------------------------------------------------- properties: styles

amounts = st.builds(
    lambda whole, decimals, places: D(whole) + D(decimals).scaleb(-places) if places else D(whole),
    st.integers(1, 999),
    st.integers(1, 9),
    st.sampled_from([0, 1, 2]),
)


def comma(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def grouped(n: int, space: str) -> str:
    return f"{n:,}".replace(",", space)


def plural(n: Decimal, one: str, few: str, many: str) -> str:
    """The Russian form of a noun after n: 1 (21, 31…) one, 2-4 few, otherwise many; a fraction takes few."""
    if n != n.to_integral_value():
        return few
    last, tens = int(n) % 10, int(n) % 100
    if last == 1 and tens != 11:
        return one
    if 2 <= last <= 4 and not 12 <= tens <= 14:
        return few
    return many


SCALE_FORMS = {
    10**3: ("тысяча", "тысячи", "тысяч"), 10**6: ("миллион", "миллиона", "миллионов"),
    10**9: ("миллиард", "миллиарда", "миллиардов"), 10**12: ("триллион", "триллиона", "триллионов"),
}  # fmt: skip
SCALE_ABBREVIATIONS = {"тыс.": 10**3, "млн": 10**6, "млн.": 10**6, "млрд": 10**9, "млрд.": 10**9, "трлн": 10**12}
CURRENCY_FORMS = {"USD": ("доллар", "доллара", "долларов"), "RUB": ("рубль", "рубля", "рублей"),
                  "EUR": ("евро", "евро", "евро"), "VES": ("боливар", "боливара", "боливаров"),
                  "CNY": ("юань", "юаня", "юаней")}  # fmt: skip
SPACES = [" ", "\u00a0", "\u2009", "\u202f"]
HEDGE_PHRASES = {**{h: q for h, q in russian.HEDGES.items() if h not in ("до",) and not h.startswith("превыш")},
                 "": None}  # fmt: skip


@given(st.integers(1, 999_999_999), st.sampled_from(SPACES))
def test_digits_grouped_by_any_space(n: int, space: str) -> None:
    reads_as(f"Ведомство насчитало {grouped(n, space)} обращений.", D(n), "applications")


@given(amounts, st.sampled_from(sorted(SCALE_ABBREVIATIONS)), st.sampled_from(sorted(CURRENCY_FORMS)))
def test_decimal_comma_and_scale_abbreviations_before_a_currency(amount: Decimal, scale: str, code: str) -> None:
    word = CURRENCY_FORMS[code][2]  # after a scale the currency is genitive plural: "млн долларов"
    reads_as(f"Компания вложила {comma(amount)} {scale} {word} в проект.", amount * SCALE_ABBREVIATIONS[scale], code)


@given(amounts, st.sampled_from(sorted(SCALE_FORMS)), st.sampled_from(sorted(CURRENCY_FORMS)))
def test_scale_words_in_the_right_form(amount: Decimal, scale: int, code: str) -> None:
    written = plural(amount, *SCALE_FORMS[scale])
    reads_as(f"Фонд собрал {comma(amount)} {written} {CURRENCY_FORMS[code][2]}.", amount * scale, code)


@given(st.integers(1, 999_999), st.sampled_from(sorted(CURRENCY_FORMS)), st.sampled_from(SPACES))
def test_currency_word_in_the_form_the_number_asks(n: int, code: str, space: str) -> None:
    word = plural(D(n), *CURRENCY_FORMS[code])
    reads_as(f"Перевод составил {grouped(n, space)} {word} в среднем.", D(n), code)


@given(amounts, st.sampled_from(["%", " процента", " процентов", "процент"]))
def test_percent_sign_and_words(amount: Decimal, written: str) -> None:
    value = amount if amount <= 100 else amount / 10
    if written == "процент":
        written = " " + plural(value, "процент", "процента", "процентов")
    reads_as(f"Доля выросла на {comma(value)}{written} за год.", value, "percent")


@given(st.sampled_from(sorted(HEDGE_PHRASES)), st.integers(2, 99_999), st.sampled_from(SPACES))
def test_every_hedge_before_the_number(hedge: str, n: int, space: str) -> None:
    qualifier = HEDGE_PHRASES[hedge]
    written = f"{hedge} {grouped(n, space)}".strip()
    reads_as(
        f"В порту насчитали {written} {plural(D(n), 'судно', 'судна', 'судов')}.", D(n), "vessels", hedge=qualifier
    )


@given(st.sampled_from(sorted(HEDGE_PHRASES)), amounts, st.sampled_from(sorted(SCALE_ABBREVIATIONS)))
def test_every_hedge_before_an_amount(hedge: str, amount: Decimal, scale: str) -> None:
    text = re.sub(r"\s+", " ", f"Россия выделит {hedge} {comma(amount)} {scale} рублей на проект.")
    reads_as(text, amount * SCALE_ABBREVIATIONS[scale], "RUB", hedge=HEDGE_PHRASES[hedge])


@given(
    st.integers(1, 98), st.integers(1, 50), st.sampled_from(["–", "—", " до "]), st.sampled_from(sorted(SCALE_FORMS))
)
def test_ranges_share_the_scale_and_currency(low: int, step: int, dash: str, scale: int) -> None:
    high = low + step
    opening = "от " if dash == " до " else ""
    abbreviation = {10**3: "тыс.", 10**6: "млн", 10**9: "млрд", 10**12: "трлн"}[scale]
    text = f"Расходы составят {opening}{low}{dash}{high} {abbreviation} долларов."
    reads_as(text, D(low) * scale, "USD", high=D(high) * scale)


SPELLED: dict[str, int | D] = {
           "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "тремя": 3, "четыре": 4, "пять": 5, "пяти": 5,
           "десять": 10, "десяти": 10, "двадцать": 20, "сорок": 40, "сто": 100, "полтора": D("1.5"),
           "полутора": D("1.5")}  # fmt: skip


@given(st.sampled_from(sorted(SPELLED)), st.sampled_from(sorted(SCALE_FORMS)))
def test_numerals_in_words_with_a_scale(word: str, scale: int) -> None:
    forms = SCALE_FORMS[scale]
    written = forms[1] if word in ("два", "две", "три", "четыре", "полтора") else forms[2]
    reads_as(f"Проект обошёлся в {word} {written} рублей.", D(SPELLED[word]) * scale, "RUB")
