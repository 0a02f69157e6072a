"""Periods in Spanish and Russian sentences: each language's time words date a figure, read in its own clause,
with the time of a figure compared with set apart."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dashboard.text.mentions import read_mentions
from dashboard.validation.rules.periods import period_disagrees, time_words


def disagrees(sentence: str, figure: str, period: str, *, language: str, published: str) -> bool:
    """Whether `period` is refused for the mention `figure` of `sentence`."""
    mentions = read_mentions(sentence, language)
    (mention,) = [m for m in mentions if m.text == figure]
    others = [m for m in mentions if m is not mention]
    found = period_disagrees(period, sentence=sentence, mentions=others, published=published, text=sentence,
                             figure_at=mention.start, words=time_words(language))  # fmt: skip
    return found is not None


CASES = [
    # (language, published, sentence, figure, right period, wrong period)
    ("es", "2025-06-12", "El año pasado invirtió unos US$ 200 millones, y este año planea el doble.",
     "US$ 200 millones", "2024", "2025"),
    ("es", "2025-10-09", "El mes pasado se exportaron 900.000 barriles diarios.", "900.000 barriles diarios",
     "2025-09", "2025-10"),
    ("es", "2025-09-03", "La isla recibió 410.000 visitantes durante julio y agosto.", "410.000",
     "2025-07/2025-08", "2025-06/2025-08"),
    ("es", "2025-03-18", "La participación fue del 48,2 por ciento, frente al 57,6 por ciento de 2021.",
     "48,2 por ciento", "2025", "2021"),
    ("es", "2025-03-18", "Transportó 186.000 pasajeros, casi el doble que en 2023.", "186.000", "2025", "2023"),
    ("es", "2025-03-18", "El costo bajó a 4,1 por ciento, frente a 5,3 por ciento hace dos años.", "5,3 por ciento",
     "2023", "2025"),
    ("ru", "2025-06-20", "В прошлом году компания вложила 15 млрд рублей, а в 2025 году планирует вдвое больше.",
     "15 млрд рублей", "2024", "2025"),
    ("ru", "2025-04-15", "Ещё год назад доля юаня составляла 45%.", "45%", "2024", "2025"),
    ("ru", "2025-10-09", "В прошлом месяце порт принял 12 танкеров.", "12", "2025-09", "2025-10"),
    ("ru", "2025-04-15", "В 2024 году объём составил 9,8 млрд рублей против 6,1 млрд в 2023 году.", "9,8 млрд рублей",
     "2024", "2023"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "published", "sentence", "figure", "right", "wrong"), CASES)
def test_each_language_dates_its_figure(
    language: str, published: str, sentence: str, figure: str, right: str, wrong: str
) -> None:
    assert not disagrees(sentence, figure, right, language=language, published=published)
    assert disagrees(sentence, figure, wrong, language=language, published=published)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Его мощность — до 20 вертолётов в год.", "up to"),  # a dash alone: capacity, "up to"
        ("Поставки выросли вдвое — до 94 тыс. тонн.", None),  # a verb of change before the dash: "to"
        ("Доля доллара снизилась до 19%, евро — до 7%.", None),  # the verb left out after the dash
        ("Объём поставок превышал 1,5 млрд долларов.", "over"),
        ("Доля юаня не превышала 45%.", "no more than"),
    ],
)
def test_russian_hedges_around_do_and_prevyshat(text: str, qualifier: str | None) -> None:
    mention = [m for m in read_mentions(text, "ru") if m.kind != "multiplier"][-1]
    assert mention.qualifier == qualifier


def test_a_latin_unit_after_an_abbreviated_scale_is_the_unit() -> None:
    (mention,) = read_mentions("Терминал обработал 214 тыс. TEU за год.", "ru")
    assert (mention.kind, mention.value, mention.unit_text) == ("measure", Decimal(214_000), "TEU")


def test_a_capitalised_verb_opening_a_paragraph_is_no_name() -> None:
    mentions = read_mentions("Se votó el jueves.\n\nVotaron 3.482.915 personas.", "es")
    assert [(m.text, m.value) for m in mentions if m.kind == "count"] == [("3.482.915", Decimal(3_482_915))]
