"""The downloads a journalist opens in a spreadsheet: figures and events apart, each row with its caveats,
a subset (a filtered view, one figure) holding only its rows, and the JSON with everything."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from dashboard.present.exports import (
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    catalog_json,
    events_csv,
    figures_csv,
    file_name,
)
from dashboard.present.views import event_views, figure_views
from dashboard.validation.report import Report
from dashboard.validation.validate import validate_path
from tests.conftest import ROOT, Build


@pytest.fixture(scope="module")
def shipped() -> Report:
    return validate_path(ROOT / "indicators.yaml")


def read(data: str) -> list[dict[str, str]]:
    """The file as a spreadsheet's import reads it: bytes, the byte-order mark, then CSV."""
    raw = data.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads the accents as written
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_figures_file_has_a_row_per_figure_citation_and_no_event(shipped: Report) -> None:
    rows = read(figures_csv(shipped))
    figures = figure_views(shipped)
    # a derived figure (the shipped catalog holds one) is a row of its own, with no citation
    expected = sum(len(v.citations) or bool(v.indicator.derived) for v in figures.values())
    assert len(rows) == expected and tuple(rows[0]) == FIGURE_COLUMNS
    assert {r["id"] for r in rows} == set(figures) and all(r["value"] for r in rows)
    row = next(r for r in rows if r["id"] == "russian-loans-to-venezuela")
    text = shipped.texts[row["source"]].text
    assert text[int(row["start"]) : int(row["end"])] == row["quote"]
    assert text[int(row["figure_start"]) : int(row["figure_end"])] == "$17bn"
    assert row["value"] == "17000000000" and row["status"] == "verified" and len(row["sha256"]) == 64
    arms = next(r for r in rows if r["id"] == "russia-share-of-venezuela-arms-imports")
    assert (arms["period"], arms["period_start"], arms["period_end"]) == ("2000–2021", "2000", "2021")
    maduro = next(r for r in rows if r["id"] == "maduro-terms-in-office")
    assert maduro["entity"] == "Nicolás Maduro"


def test_events_file_has_a_row_per_event_citation_and_no_value_column(shipped: Report) -> None:
    rows = read(events_csv(shipped))
    events = event_views(shipped)
    assert len(rows) == sum(len(v.citations) for v in events.values()) == 36
    assert tuple(rows[0]) == EVENT_COLUMNS and not {"value", "unit", "high", "display"} & set(rows[0])
    assert {r["id"] for r in rows} == set(events) and all(r["date"] and r["quote"] for r in rows)
    assert any("Nicolás Maduro" in r["quote"] for r in rows if r["id"] == "maduro-reelection-claim-2024")


def test_each_row_carries_its_caveats_and_whether_the_date_is_deduced(shipped: Report) -> None:
    figures, events = figure_views(shipped), event_views(shipped)
    for rows, views in ((read(figures_csv(shipped)), figures), (read(events_csv(shipped)), events)):
        for row in rows:
            view = views[row["id"]]
            assert row["caveats"] == " | ".join(c.text for c in view.caveats)
            if not view.citations:  # a derived figure: its inputs' sources are theirs
                assert row["formula"] and row["source_published_inferred"] == ""
                continue
            source = next(c.source for c in view.citations if c.source.id == row["source"])
            assert row["source_published_inferred"] == ("yes" if source.published_inferred else "no")
    inferred = [r for r in read(figures_csv(shipped)) if r["source_published_inferred"] == "yes"]
    assert inferred and all("is deduced" in r["caveats"] for r in inferred if r["period"] == "")
    assert any("is deduced" in r["caveats"] for r in read(events_csv(shipped)))


def test_a_subset_exports_only_its_rows(shipped: Report) -> None:
    one = read(figures_csv(shipped, ["russian-loans-to-venezuela"]))
    assert [r["id"] for r in one] == ["russian-loans-to-venezuela"]
    figures = figure_views(shipped)
    theme = figures["russian-loans-to-venezuela"].indicator.theme
    view = [i for i, v in figures.items() if v.indicator.theme == theme]
    rows = read(figures_csv(shipped, view))
    assert {r["id"] for r in rows} == set(view) and len(rows) == sum(len(figures[i].citations) for i in view)
    assert len(rows) < len(read(figures_csv(shipped)))
    assert read(figures_csv(shipped, [])) == [] and figures_csv(shipped, []).startswith("\ufeffid,title,")
    event = next(iter(event_views(shipped)))
    assert {r["id"] for r in read(events_csv(shipped, [event]))} == {event}


def test_a_derived_figure_is_one_row_with_its_formula_instead_of_a_quote(build: Build, catalog: dict[str, Any]) -> None:
    catalog["indicators"].append(
        {
            "id": "other-exports",
            "title": "Exports other than the share",
            "theme": "trade",
            "value": 1_500_000_000,
            "unit": "USD",
            "derived": {
                "formula": "total - total * share / 100",
                "from": {"total": "exports", "share": "export-share"},
            },
        }
    )
    report = validate_path(build(catalog))
    assert "other-exports" in figure_views(report)
    rows = [r for r in read(figures_csv(report)) if r["id"] == "other-exports"]
    assert len(rows) == 1
    row = rows[0]
    assert row["formula"] == "total - total * share / 100" and row["inputs"] == "total=exports; share=export-share"
    assert row["quote"] == "" and row["source"] == "" and "Worked out (total - total * share / 100)" in row["caveats"]


def test_catalog_json_keeps_everything_with_caveats_and_site(shipped: Report) -> None:
    data = json.loads(catalog_json(shipped))
    assert data["site"]["title"] == "Russia and Venezuela in figures"
    figures = figure_views(shipped)
    for entry in data["indicators"]:
        assert [c["text"] for c in entry["caveats"]] == [c.text for c in figures[entry["id"]].caveats]
    assert any(c["kind"] == "date-inferred" for e in data["events"] for c in e["caveats"])
    assert len(data["events"]) == len(event_views(shipped)) and "Nicolás" in catalog_json(shipped)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("figures",), "figures.csv"),
        (("figures", "economy", "", None), "figures-economy.csv"),
        (
            ("figures", "energy", "bne-intellinews", "Nicolás Maduro"),
            "figures-energy-bne-intellinews-nicolas-maduro.csv",
        ),
        (("figure", "../../etc/passwd"), "figure-etc-passwd.csv"),
        (("figure", "rosneft-share-of-venezuela-exports-2019"), "figure-rosneft-share-of-venezuela-exports-2019.csv"),
    ],
)
def test_a_file_name_says_what_it_holds_and_nothing_else(parts: tuple[str, ...], expected: str) -> None:
    assert file_name(*parts) == expected
