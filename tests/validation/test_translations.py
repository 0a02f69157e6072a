"""Sources in Spanish and Russian: the figure proven in the original, the curator's translation checked
against it, a language no reader reads said once; the curator commands read the source's language."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import pytest

from dashboard.catalog.load import load_catalog
from dashboard.curation.add_source import add_source
from dashboard.curation.suggest import suggest
from dashboard.validation.report import Report
from dashboard.validation.validate import validate_path
from tests.conftest import Build

SPANISH = """El comercio con Rusia crece

Caracas, 18 de marzo de 2025. El intercambio comercial entre Venezuela y Rusia alcanzó el año pasado 312 \
millones de dólares, un 12 % más que en 2023.
La deuda externa supera los 150.000 millones de dólares.
Unos 1.100 estudiantes venezolanos cursan carreras en Rusia.
El 8 de mayo de 2025 ambos gobiernos firmaron un acuerdo de cooperación.
"""
RUSSIAN = """Товарооборот вырос

Москва, 14 февраля 2025 года. Товарооборот по итогам 2024 года составил 327,6 млн долларов.
На рынке работают не менее 60 российских компаний.
"""


def spanish_catalog() -> dict[str, Any]:
    return {
        "version": 1,
        "themes": {"trade": "Trade"},
        "sources": [
            {
                "id": "es",
                "file": "seeds/trade.txt",
                "sha256": hashlib.sha256(SPANISH.encode()).hexdigest(),
                "title": "El comercio con Rusia crece",
                "publisher": "Diario",
                "published": "2025-03-18",
                "language": "es",
            },
        ],  # fmt: skip
        "indicators": [
            {
                "id": "trade-2024",
                "title": "Trade",
                "theme": "trade",
                "value": 312_000_000,
                "unit": "USD",
                "period": "2024",
                "citations": [
                    {
                        "source": "es",
                        "quote": "alcanzó el año pasado 312 millones de dólares",
                        "translation": "reached 312 million dollars last year",
                    }
                ],
            },
            {
                "id": "debt",
                "title": "Debt",
                "theme": "trade",
                "value": 150_000_000_000,
                "unit": "USD",
                "qualifier": "over",
                "citations": [
                    {
                        "source": "es",
                        "quote": "La deuda externa supera los 150.000 millones de dólares",
                        "translation": "External debt tops 150 billion dollars",
                    }
                ],
            },
            {
                "id": "students",
                "title": "Students",
                "theme": "trade",
                "value": 1100,
                "unit": "students",
                "qualifier": "about",
                "citations": [
                    {
                        "source": "es",
                        "quote": "Unos 1.100 estudiantes venezolanos cursan carreras en Rusia",
                        "translation": "Some 1,100 Venezuelan students study in Russia",
                    }
                ],
            },
        ],  # fmt: skip
        "events": [
            {
                "id": "accord",
                "date": "2025-05-08",
                "title": "Accord",
                "theme": "trade",
                "citations": [
                    {
                        "source": "es",
                        "quote": "El 8 de mayo de 2025 ambos gobiernos firmaron un acuerdo de cooperación",
                        "translation": "On 8 May 2025 both governments signed a cooperation agreement",
                    }
                ],
            },
        ],  # fmt: skip
        "exclusions": [],
    }


def problems_of(report: Report, ident: str) -> set[str]:
    return {p.code for p in report.problems if p.id == ident and p.severity != "info"}


def check(build: Build, catalog: dict[str, Any], text: str = SPANISH) -> Report:
    return validate_path(build(catalog, text=text))


def citation(catalog: dict[str, Any], ident: str) -> dict[str, Any]:
    entries = catalog["indicators"] + catalog["events"]
    found: dict[str, Any] = next(e for e in entries if e["id"] == ident)["citations"][0]
    return found


def test_a_correct_spanish_catalog_raises_nothing(build: Build) -> None:
    report = check(build, spanish_catalog())
    assert [str(p) for p in report.problems if p.severity != "info"] == []


@pytest.mark.parametrize(
    ("ident", "field", "value", "code"),
    [
        ("trade-2024", "translation", None, "translation-missing"),
        ("trade-2024", "translation", "reached 321 million dollars last year", "translation-mismatch"),
        ("trade-2024", "translation", "reached 312 billion dollars last year", "translation-mismatch"),
        ("debt", "translation", "External debt is under 150 billion dollars", "translation-mismatch"),
        ("debt", "translation", "External debt is 150 billion dollars", "translation-mismatch"),
        ("students", "translation", "Some 1,100 Venezuelan teachers study in Russia", "unit-mismatch"),
        ("accord", "translation", "On 8 May 2024 both governments signed a cooperation agreement",
         "translation-mismatch"),
        ("accord", "translation", None, "translation-missing"),
    ],
)  # fmt: skip
def test_a_wrong_translation_is_refused(build: Build, ident: str, field: str, value: Any, code: str) -> None:
    catalog = spanish_catalog()
    if value is None:
        del citation(catalog, ident)[field]
    else:
        citation(catalog, ident)[field] = value
    report = check(build, catalog)
    assert code in problems_of(report, ident), [str(p) for p in report.problems]
    problem = next(p for p in report.problems if p.code == code)
    assert problem.line > 0 and problem.id == ident


@pytest.mark.parametrize(
    ("ident", "changes", "code"),
    [
        ("trade-2024", {"value": 312_000}, "scale-mismatch"),  # "millones" is 10^6
        ("debt", {"value": 150_000}, "scale-mismatch"),  # "150.000 millones": the point groups thousands
        ("debt", {"qualifier": "under"}, "qualifier-mismatch"),  # "supera" is over
        ("trade-2024", {"period": "2025"}, "period-mismatch"),  # "el año pasado" in a 2025 text
        ("trade-2024", {"unit": "EUR"}, "unit-mismatch"),
    ],
)
def test_the_figure_is_proven_in_the_original(build: Build, ident: str, changes: dict[str, Any], code: str) -> None:
    catalog = spanish_catalog()
    next(i for i in catalog["indicators"] if i["id"] == ident).update(changes)
    assert code in problems_of(check(build, catalog), ident)


def test_russian_is_read_in_its_own_conventions(build: Build) -> None:
    catalog = spanish_catalog()
    catalog["sources"][0].update(language="ru", sha256=hashlib.sha256(RUSSIAN.encode()).hexdigest(),
                                 published="2025-02-14")  # fmt: skip
    catalog["indicators"] = [
        {"id": "turnover", "title": "Turnover", "theme": "trade", "value": 327_600_000, "unit": "USD",
         "period": "2024", "citations": [{"source": "es", "quote": "составил 327,6 млн долларов",
         "translation": "amounted to 327.6 million dollars"}]},
        {"id": "companies", "title": "Companies", "theme": "trade", "value": 60, "unit": "companies",
         "qualifier": "at least", "citations": [{"source": "es", "quote": "работают не менее 60 российских компаний",
         "translation": "at least 60 Russian companies operate"}]},
    ]  # fmt: skip
    catalog["events"] = []
    report = check(build, catalog, RUSSIAN)
    assert [str(p) for p in report.problems if p.severity != "info"] == []
    wrong = copy.deepcopy(catalog)
    wrong["indicators"][0]["value"] = 3_276_000_000  # "327,6" read with its comma ignored
    wrong["indicators"][1]["qualifier"] = "no more than"  # "не менее" reversed
    report = check(build, wrong, RUSSIAN)
    assert problems_of(report, "turnover") and "qualifier-mismatch" in problems_of(report, "companies")


def test_a_language_no_reader_reads_is_said_once_at_its_source(build: Build) -> None:
    catalog = spanish_catalog()
    catalog["sources"][0]["language"] = "fr"
    report = check(build, catalog)
    unsupported = [p for p in report.problems if p.code == "language-unsupported"]
    assert len(unsupported) == 1 and unsupported[0].id == "es" and "fr" in unsupported[0].message
    assert "es, en, ru" in unsupported[0].message or "en, es, ru" in unsupported[0].message


def test_a_malformed_language_tag_is_a_schema_problem(build: Build) -> None:
    catalog = spanish_catalog()
    catalog["sources"][0]["language"] = "Spanish"
    report = check(build, catalog)
    (problem,) = [p for p in report.problems if p.code == "schema"]
    assert "BCP 47" in problem.message


def test_an_english_source_needs_no_translation(build: Build, catalog: dict[str, Any]) -> None:
    report = validate_path(build(catalog))
    assert not {p.code for p in report.problems} & {"translation-missing", "translation-mismatch"}


def test_suggest_asks_for_the_translation_and_the_english_noun(build: Build) -> None:
    catalog = spanish_catalog()
    catalog["indicators"] = catalog["indicators"][:2]
    report = check(build, catalog)
    stubs = {stub.mention.text: stub for stub in suggest(report)}
    stub = stubs["1.100"]
    assert stub.fields["unit"] == "TODO" and "estudiantes" in stub.comments["unit"]
    assert stub.fields["citations"][0]["translation"] == "TODO" and "English" in stub.comments["citations"]


def test_add_source_registers_the_language_and_reads_its_date(build: Build, tmp_path: Path) -> None:
    path = build(spanish_catalog())
    new = tmp_path / "nuevo.txt"
    new.write_text("Nueva ruta\n\nCaracas, 3 de junio de 2025. Se abrió una ruta.\n", encoding="utf-8")
    added = add_source(path, new, publisher="Diario", language="es")
    assert added.published_note is not None and "3 de junio de 2025" in added.published_note
    loaded = load_catalog(path).catalog
    assert loaded is not None
    source = next(s for s in loaded.sources if s.id == added.source_id)
    assert (source.language, source.published) == ("es", "2025-06-03")


def test_add_source_refuses_a_language_it_cannot_read(build: Build, tmp_path: Path) -> None:
    from dashboard.catalog.errors import Refused

    path = build(spanish_catalog())
    new = tmp_path / "neu.txt"
    new.write_text("Neue Route\n", encoding="utf-8")
    with pytest.raises(Refused, match="no reader"):
        add_source(path, new, language="de")
