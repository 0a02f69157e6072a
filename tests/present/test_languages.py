"""A quotation from a source in another language, as the downloads, cite-this and search carry it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dashboard.present.exports import catalog_json, cite_text, events_csv, figures_csv
from dashboard.present.highlight import source_html
from dashboard.present.search import SearchIndex
from dashboard.present.views import event_views, figure_views
from dashboard.present.wording import language_name
from dashboard.validation.validate import validate_path
from tests.conftest import Build
from tests.validation.test_translations import SPANISH, spanish_catalog


def spanish(build: Build) -> Path:
    return build(spanish_catalog(), text=SPANISH)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_downloads_carry_the_original_its_language_and_the_translation(build: Build) -> None:
    report = validate_path(spanish(build))
    debt = next(r for r in rows(figures_csv(report)) if r["id"] == "debt")
    assert (debt["language"], debt["translation"]) == ("es", "External debt tops 150 billion dollars")
    assert debt["quote"] == "La deuda externa supera los 150.000 millones de dólares"
    (accord,) = rows(events_csv(report))
    assert accord["language"] == "es" and accord["translation"].startswith("On 8 May 2025")
    assert '"translation": "External debt tops 150 billion dollars"' in catalog_json(report)
    assert '"language": "es"' in catalog_json(report)


def test_cite_this_gives_the_original_then_its_english(build: Build) -> None:
    report = validate_path(spanish(build))
    view = figure_views(report)["debt"]
    text = cite_text(view, view.citations[0])
    assert text.startswith("Debt: over $150 billion. ")
    assert "“La deuda externa supera los 150.000 millones de dólares” (Spanish; in English: “External debt tops" in text


def test_an_english_citation_has_no_translation_clause(build: Build, catalog: dict[str, object]) -> None:
    report = validate_path(build(catalog))
    view = figure_views(report)["agreements"]
    assert "in English" not in cite_text(view, view.citations[0])


def test_the_source_text_says_its_language_to_screen_readers() -> None:
    assert 'lang="ru"' in source_html("Текст", [], language="ru")
    assert 'lang="&quot;x&quot;"' in source_html("t", [], language='"x"')


def test_language_names() -> None:
    assert (language_name("es-VE"), language_name("ru"), language_name("en"), language_name("xx")) == (
        "Spanish", "Russian", "English", "xx"
    )  # fmt: skip


def test_search_finds_a_spanish_quote_by_its_english(build: Build) -> None:
    report = validate_path(spanish(build))
    hits = SearchIndex(report, figure_views(report), event_views(report)).find("external debt")
    assert [(h.kind, h.ident) for h in hits] == [("figure", "debt")]
