"""Rules over several indicators: series like with like, parts within wholes, derived figures, attributions,
and coverage of a mention whose entry is broken."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dashboard.curation.suggest import suggest
from dashboard.validation.report import Report
from tests.conftest import Build, codes, validate
from tests.validation.test_rules import add_indicator, cite, indicator, set_citation, with_line

ARMS = {"id": "arms", "value": 70, "unit": "percent", "citations": cite("Ruritania buys 70% of its arms")}


def problems(report: Report, code: str) -> list[Any]:
    return [p for p in report.problems if p.code == code]


def derive(formula: str, value: Any, unit: str = "percent", ident: str = "rest", **inputs: str) -> dict[str, Any]:
    return {"id": ident, "value": value, "unit": unit, "derived": {"formula": formula, "from": inputs}}


# --- series-mixed ----------------------------------------------------------------------------------


def test_series_of_two_units_names_both_once(build: Build, catalog: dict[str, Any]) -> None:
    for ident in ("agreements", "exports", "export-share"):
        indicator(catalog, ident)["series"] = "ties"
    found = problems(validate(build(catalog)), "series-mixed")
    assert len(found) == 1 and found[0].id is None and found[0].line == line_of(found[0], "series: ties", 2)
    assert "`ties`" in found[0].message and "agreements" in found[0].message and "USD" in found[0].message


def test_series_of_other_periods_and_other_entities_says_what_to_do(build: Build, catalog: dict[str, Any]) -> None:
    indicator(catalog, "agreements").update(series="count", entity="Ruritania", period="2024")
    add_indicator(id="listed", value=125, unit="agreements", series="count", entity="Freedonia", period="2023",
                  citations=cite("Freedonia lists 125 agreements with Ruritania."))(catalog)  # fmt: skip
    found = problems(validate(build(catalog)), "series-mixed")
    assert len(found) == 1 and "`listed`" in found[0].message
    message = found[0].message
    assert "Ruritania in 2024" in message and "Freedonia in 2023" in message
    assert "give them one period, or split the series" in message


def test_a_time_series_of_one_entity_may_change_period(build: Build, catalog: dict[str, Any]) -> None:
    indicator(catalog, "agreements").update(series="count", entity="Ruritania", period="2024")
    add_indicator(id="listed", value=125, unit="agreements", series="count", entity="Ruritania", period="2023",
                  citations=cite("Freedonia lists 125 agreements with Ruritania."))(catalog)  # fmt: skip
    assert "series-mixed" not in codes(validate(build(catalog)))


def line_of(problem: Any, text: str, nth: int) -> int:
    """The line of the nth occurrence of `text` in the problem's catalog file."""
    lines = Path(problem.file).read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if text in line][nth - 1]


# --- part-of-invalid -------------------------------------------------------------------------------


def part_of_problem(build: Build, catalog: dict[str, Any], whole: str, *extra: dict[str, Any]) -> list[Any]:
    catalog["indicators"] += [{"title": "T", "theme": "trade", **e} for e in (ARMS, *extra)]
    indicator(catalog, "export-share")["part_of"] = whole
    return problems(validate(build(catalog)), "part-of-invalid")


def test_part_within_its_whole_is_quiet(build: Build, catalog: dict[str, Any]) -> None:
    assert part_of_problem(build, catalog, "arms") == []


def test_part_of_itself_another_unit_or_nothing(build: Build, catalog: dict[str, Any]) -> None:
    assert "itself" in part_of_problem(build, catalog, "export-share")[0].message
    catalog = _fresh()
    assert "unit" in part_of_problem(build, catalog, "exports")[0].message
    catalog = _fresh()
    assert "names no indicator" in part_of_problem(build, catalog, "nowhere")[0].message


def test_part_larger_than_its_whole(build: Build, catalog: dict[str, Any]) -> None:
    catalog["indicators"].append({"title": "T", "theme": "trade", **ARMS})
    indicator(catalog, "arms")["part_of"] = "export-share"
    found = problems(validate(build(catalog)), "part-of-invalid")
    assert [p.id for p in found] == ["arms"] and "larger than its whole" in found[0].message


def test_lower_bound_part_may_equal_an_exact_whole(build: Build, catalog: dict[str, Any]) -> None:
    text = with_line(catalog, "At least 70% of the ships come from Zenda.")
    catalog["indicators"].append({"title": "T", "theme": "trade", **ARMS})
    add_indicator(id="ships", value=70, unit="percent", qualifier="at least", part_of="arms",
                  citations=cite("At least 70% of the ships come from Zenda."))(catalog)  # fmt: skip
    assert "part-of-invalid" not in codes(validate(build(catalog, text=text)))


def test_part_of_cycle(build: Build, catalog: dict[str, Any]) -> None:
    catalog["indicators"].append({"title": "T", "theme": "trade", **ARMS, "part_of": "export-share"})
    indicator(catalog, "export-share")["part_of"] = "arms"
    messages = [p.message for p in problems(validate(build(catalog)), "part-of-invalid")]
    assert any("cycle" in m for m in messages)


# --- derived ---------------------------------------------------------------------------------------


def with_arms(catalog: dict[str, Any], *derived: dict[str, Any]) -> dict[str, Any]:
    catalog["indicators"] += [{"title": "T", "theme": "trade", **e} for e in (ARMS, *derived)]
    return catalog


def test_derived_figure_that_adds_up_is_quiet_and_needs_no_citation(build: Build, catalog: dict[str, Any]) -> None:
    with_arms(catalog, derive("total - part", 30, total="arms", part="export-share"),
              derive("rest / 3", 10, ident="third", rest="rest"))  # fmt: skip
    assert codes(validate(build(catalog))) == set()


def test_derived_value_is_compared_to_the_decimals_it_is_written_with(build: Build, catalog: dict[str, Any]) -> None:
    with_arms(catalog, derive("part / 3", 13.3, part="export-share"),
              derive("part / 3", 13, ident="whole-third", part="export-share"))  # fmt: skip
    assert codes(validate(build(catalog))) == set()
    catalog = with_arms(_fresh(), derive("total - part", 29.6, total="arms", part="export-share"))
    found = problems(validate(build(catalog)), "derived-mismatch")
    assert len(found) == 1
    message = found[0].message
    assert "`total - part`" in message and "total = 70" in message and "part = 40" in message
    assert "gives 30" in message and "write `value: 30`" in message


def test_derived_value_rounded_coarser_than_its_exact_result_is_refused(build: Build, catalog: dict[str, Any]) -> None:
    with_arms(catalog, derive("total - part - 0.4", 30, total="arms", part="export-share"))
    assert "write `value: 29.6`" in problems(validate(build(catalog)), "derived-mismatch")[0].message


def test_sum_of_percent_and_usd_is_refused(build: Build, catalog: dict[str, Any]) -> None:
    with_arms(catalog, derive("total + money", 2_500_000_070, total="arms", money="exports"))
    assert "keeps one unit" in problems(validate(build(catalog)), "derived-mismatch")[0].message


def test_range_cannot_be_an_input(build: Build, catalog: dict[str, Any]) -> None:
    text = with_line(catalog, "Between 60 and 80 per cent of the boats are new.")
    add_indicator(id="boats", value=[60, 80], unit="percent",
                  citations=cite("Between 60 and 80 per cent of the boats are new."))(catalog)  # fmt: skip
    with_arms(catalog, derive("total - part", 10, total="arms", part="boats"))
    report = validate(build(catalog, text=text))
    assert codes(report, at_least="error") == {"derived-mismatch"}, [str(p) for p in report.problems]
    assert "ranges cannot be inputs" in problems(report, "derived-mismatch")[0].message


def test_derived_from_an_input_in_error_is_not_verified(build: Build, catalog: dict[str, Any]) -> None:
    with_arms(catalog, derive("total - part", 30, total="arms", part="export-share"),
              derive("rest / 3", 10, ident="third", rest="rest"))  # fmt: skip
    indicator(catalog, "arms")["value"] = 71
    report = validate(build(catalog))
    assert {p.id for p in problems(report, "derived-input")} == {"rest", "third"}
    assert "`total: arms` is in error" in problems(report, "derived-input")[0].message


def test_derived_inputs_in_a_cycle(build: Build, catalog: dict[str, Any]) -> None:
    with_arms(catalog, derive("a + 1", 31, ident="one", a="two"), derive("b - 1", 30, ident="two", b="one"))
    found = problems(validate(build(catalog)), "derived-input")
    assert {p.id for p in found} == {"one", "two"} and all("cycle" in p.message for p in found)


# --- attribution-not-in-source ---------------------------------------------------------------------

SIPRI = "Ruritania buys 70% of its arms, according to SIPRI’s arms transfer database."


def test_attribution_folds_case_quotes_and_possessives(build: Build, catalog: dict[str, Any]) -> None:
    text = with_line(catalog, SIPRI)
    add_indicator(id="sipri", value=70, unit="percent", citations=cite(SIPRI, attributed_to="sipri"))(catalog)
    assert "attribution-not-in-source" not in codes(validate(build(catalog, text=text)))


def test_attribution_not_in_source_says_where_and_suggests(build: Build, catalog: dict[str, Any]) -> None:
    text = with_line(catalog, SIPRI)
    add_indicator(id="sipri", value=70, unit="percent", citations=cite(SIPRI, attributed_to="UN"))(catalog)
    found = problems(validate(build(catalog, text=text)), "attribution-not-in-source")
    assert len(found) == 1
    assert "line 15" in found[0].message and "'SIPRI’s arms transfer database'" in found[0].message
    assert found[0].suggestion == "SIPRI’s arms transfer database"


def test_attribution_in_the_paragraph_around_the_quote(build: Build, catalog: dict[str, Any]) -> None:
    set_citation("agreements", "attributed_to", "Officials")(catalog)
    assert codes(validate(build(catalog))) == set()


# --- coverage of a broken entry ----------------------------------------------------------------------


def test_a_broken_entry_covers_its_mention_and_gets_no_duplicate_stub(build: Build, catalog: dict[str, Any]) -> None:
    quote = "Ruritania and Freedonia have signed 120 agreements."
    indicator(catalog, "agreements").update(value=121, citations=cite(quote))
    report = validate(build(catalog))
    assert [p.code for p in report.problems if p.severity == "error"] == ["value-mismatch"]
    uncovered = [p.message for p in report.problems if p.code == "uncovered-figure"]
    assert not any("'120 agreements'" in m or "'120'" in m for m in uncovered), uncovered
    assert not any(stub_states(s, "120") for s in suggest(report))


def stub_states(stub: Any, number: str) -> bool:
    return bool(stub.mention.text.startswith(number))


def _fresh() -> dict[str, Any]:
    from tests.conftest import base_catalog

    return base_catalog()
