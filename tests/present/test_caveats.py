"""Caveats: each kind fires on the input that calls for it and on no other, and a deduced date is a caveat of
a figure only when the figure's time rests on it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from dashboard.catalog.model import Citation, Derived, Indicator, Source
from dashboard.present.caveats import ATTRIBUTED, DATE_INFERRED, DERIVED, HEDGED, RANGE, figure_caveats, labels
from dashboard.present.views import event_views, figure_views, source_label
from dashboard.present.wording import published_words
from dashboard.validation.validate import validate_path
from tests.conftest import ROOT

STATED = Source("wire", "seeds/a.txt", "0" * 64, "Ties deepen", "Test Wire", "2025-05")
DEDUCED = Source("blog", "seeds/b.txt", "0" * 64, "A post", "Blog", "2025-05", published_inferred=True,
                 published_note="From the page address.")  # fmt: skip


def indicator(**fields: Any) -> Indicator:
    base: dict[str, Any] = {"id": "x", "title": "X", "theme": "trade", "value": Decimal(70), "unit": "percent",
                            "citations": ()}  # fmt: skip
    return Indicator(**{**base, **fields})


def kinds(ind: Indicator, *pairs: tuple[Citation, Source]) -> list[str]:
    return [c.kind for c in figure_caveats(ind, pairs)]


def cited(source: Source, *, attributed_to: str | None = None) -> tuple[Citation, Source]:
    return Citation(source.id, "a quote", attributed_to=attributed_to), source


def test_a_plain_stated_figure_has_no_caveat() -> None:
    assert kinds(indicator(period="2019"), cited(STATED)) == []
    assert kinds(indicator(), cited(STATED)) == []  # a stated date is no caveat even when the figure rests on it


@pytest.mark.parametrize(("qualifier", "meaning"), [
    ("more than", "a lower bound"), ("at most", "an upper bound"), ("about", "an estimate"),
])  # fmt: skip
def test_a_hedge_fires_with_what_it_means(qualifier: str, meaning: str) -> None:
    (caveat,) = figure_caveats(indicator(qualifier=qualifier, period="2019"), [cited(STATED)])
    assert (caveat.kind, caveat.label) == (HEDGED, "hedged")
    assert f"“{qualifier}”" in caveat.text and meaning in caveat.text


def test_a_range_fires_only_with_a_high_end() -> None:
    assert kinds(indicator(value=Decimal(2), high=Decimal(3), period="2019"), cited(STATED)) == [RANGE]


def test_an_attribution_names_who_once() -> None:
    who = "the UN Refugee Agency"
    found = figure_caveats(
        indicator(period="2019"), [cited(STATED, attributed_to=who), cited(STATED, attributed_to=who)]
    )
    (caveat,) = found
    assert (caveat.kind, caveat.label) == (ATTRIBUTED, f"attributed to {who}")
    assert "verified as reported, not as fact" in caveat.text


def test_a_derived_figure_says_it_is_worked_out() -> None:
    derived = Derived("total - russia", (("total", "a"), ("russia", "b")))
    (caveat,) = figure_caveats(indicator(derived=derived, period="2019"), [])
    assert caveat.kind == DERIVED and "total - russia" in caveat.text


@pytest.mark.parametrize(("period", "inferred"), [
    (None, True),  # the figure holds "as of" the text: its time is the deduced date
    ("2025", True), ("2025-05", True), ("2025-05-09", True),
    ("2019", False), ("2024-05", False), ("2020/2025", False), ("2006/..", False),
])  # fmt: skip
def test_a_deduced_date_is_a_caveat_when_the_figure_rests_on_it(period: str | None, inferred: bool) -> None:
    found = figure_caveats(indicator(period=period), [cited(DEDUCED)])
    assert [c.kind for c in found] == ([DATE_INFERRED] if inferred else [])
    if inferred:
        assert (
            found[0].text
            == "“A post” does not state when it was published; May 2025 is deduced (From the page address)."
        )


def test_labels_show_each_caveat_once() -> None:
    other = Source("blog2", "seeds/c.txt", "0" * 64, "Another post", "Blog", "2025", published_inferred=True)
    found = figure_caveats(indicator(qualifier="about"), [cited(DEDUCED), cited(other)])
    assert [c.kind for c in found] == [HEDGED, DATE_INFERRED, DATE_INFERRED]
    assert labels(found) == ["hedged", "date inferred"]


def test_a_deduced_date_reads_as_deduced_wherever_it_is_shown() -> None:
    assert published_words("2025-05", inferred=True) == "May 2025 (date inferred)"
    assert published_words("2025-05-12", inferred=False) == "12 May 2025"
    assert source_label(DEDUCED) == "A post (Blog, May 2025, date inferred)"
    assert source_label(STATED) == "Ties deepen (Test Wire, May 2025)"


def test_the_shipped_catalog_carries_its_caveats_into_the_views() -> None:
    report = validate_path(ROOT / "indicators.yaml")
    figures, events = figure_views(report), event_views(report)
    assert [c.kind for c in figures["rosneft-share-of-venezuela-exports-2019"].caveats] == [HEDGED]
    assert DATE_INFERRED in [c.kind for c in figures["russia-venezuela-agreements"].caveats]
    assert all(c.kind == DATE_INFERRED for e in events.values() for c in e.caveats)
