"""present/search.py: every word must occur; case, accents and curly quotes do not matter; each hit links
to its figure, event, source or passage."""

from __future__ import annotations

import pytest

from dashboard.present.search import Hit, SearchIndex, fold, fold_in_place
from dashboard.present.views import event_views, figure_views
from dashboard.validation.report import Report
from dashboard.validation.validate import validate_path
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    report: Report = validate_path(ROOT / "indicators.yaml")
    return SearchIndex(report, figure_views(report), event_views(report))


def kinds(hits: list[Hit], kind: str) -> list[str]:
    return [h.ident for h in hits if h.kind == kind]


def test_a_word_only_a_quote_holds_finds_its_figure(index: SearchIndex) -> None:
    hits = index.find("various")  # in the quote of the 343 agreements, in no title, entity or note
    assert kinds(hits, "figure") == ["russia-venezuela-agreements"]
    figure = next(h for h in hits if h.kind == "figure")
    assert figure.params == {"indicator": figure.ident} and "various" in figure.snippet


def test_every_word_must_occur(index: SearchIndex) -> None:
    assert index.find("Rosneft exports") and not index.find("Rosneft zzzz")


def test_case_accents_and_curly_quotes_are_ignored(index: SearchIndex) -> None:
    assert index.find("MENDEZ") == index.find("Méndez") != []
    assert fold("Venezuela’s Méndez") == "venezuela's mendez"


def test_sources_and_their_passages_link_to_the_place(index: SearchIndex) -> None:
    hits = index.find("Entorno Diario")
    assert kinds(hits, "source") == ["entorno-diario-2024"]
    passages = [h for h in index.find("Táchira") if h.kind == "passage"]
    assert passages and all(h.params["source"] and h.params["at"].isdigit() for h in passages)


def test_an_empty_query_finds_nothing(index: SearchIndex) -> None:
    assert index.find("   ") == []


def test_folding_in_place_keeps_offsets() -> None:
    text = "Straße, ﬁnance, Méndez"
    assert len(fold_in_place(text)) == len(text) and fold_in_place(text).index("mendez") == text.index("Méndez")
