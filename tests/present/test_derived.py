"""A derived figure as the figure page shows it: the formula in the inputs' titles and values, its inputs,
and a citation that says it is worked out from the inputs' sources."""

from __future__ import annotations

from typing import Any

from dashboard.present.derived import derived_cite_text, formula_text, inputs
from dashboard.present.views import figure_views
from tests.conftest import Build, base_catalog, validate

ARMS_QUOTE = "Ruritania buys 70% of its arms from Freedonia."


def derived_catalog() -> dict[str, Any]:
    """The tests' catalog with a stated 70% share, and a figure worked out from it and the (hedged) 40% share."""
    catalog = base_catalog()
    catalog["sources"][0]["published_inferred"] = True
    catalog["indicators"] += [
        {"id": "arms-share", "title": "Arms bought from Freedonia", "theme": "trade", "value": 70, "unit": "percent",
         "citations": [{"source": "trade", "quote": ARMS_QUOTE}]},
        {"id": "share-gap", "title": "Gap between the two shares", "theme": "trade", "value": 30, "unit": "percent",
         "derived": {"formula": "arms - exports", "from": {"arms": "arms-share", "exports": "export-share"}}},
    ]  # fmt: skip
    return catalog


def test_the_formula_reads_in_the_inputs_titles_and_values(build: Build) -> None:
    views = figure_views(validate(build(derived_catalog())))
    gap = views["share-gap"]
    assert [(i.name, i.id, i.view is views[i.id]) for i in inputs(gap, views)] == [
        ("arms", "arms-share", True),
        ("exports", "export-share", True),
    ]
    assert formula_text(gap, views) == "Arms bought from Freedonia (70%) − Share of exports (nearly 40%) = 30%"
    assert "derived" in [c.kind for c in gap.caveats]


def test_a_title_is_never_read_as_a_name_and_operators_print_as_signs(build: Build) -> None:
    catalog = derived_catalog()
    catalog["indicators"][-1]["derived"] = {
        "formula": "(arms*2) / exports",
        "from": {"arms": "arms-share", "exports": "export-share"},
    }
    catalog["indicators"][-1]["value"] = 3.5
    catalog["indicators"][-1]["unit"] = "times"
    catalog["indicators"][-2]["title"] = "exports arms"  # names of the formula inside a title stay words
    views = figure_views(validate(build(catalog)))
    assert formula_text(views["share-gap"], views).startswith(
        "(exports arms (70%)×2) ÷ Share of exports (nearly 40%) ="
    )


def test_a_missing_input_is_named_not_hidden(build: Build) -> None:
    views = figure_views(validate(build(derived_catalog())))
    del views["arms-share"]
    assert formula_text(views["share-gap"], views).startswith("arms (no figure “arms-share”) − Share of exports")


def test_a_derived_figure_cites_its_inputs_sources_not_a_sentence(build: Build) -> None:
    views = figure_views(validate(build(derived_catalog())))
    text = derived_cite_text(views["share-gap"], views, link="https://example.org/figure?indicator=share-gap")
    assert text.startswith("Gap between the two shares: 30%. Worked out from other figures, not stated by a source:")
    assert "Arms bought from Freedonia (70%) − Share of exports (nearly 40%) = 30%" in text
    assert "stated in “Ruritania and Freedonia deepen ties”, Test Wire, 5 March 2024 (date inferred)." in text
    assert text.count("Test Wire") == 1 and text.endswith("Figure: https://example.org/figure?indicator=share-gap")
    assert ARMS_QUOTE not in text


def test_a_stated_figure_has_no_formula(build: Build) -> None:
    views = figure_views(validate(build(derived_catalog())))
    assert inputs(views["arms-share"], views) == () and formula_text(views["arms-share"], views) == ""
