"""Every problem code: a case that makes it fire and one that keeps it quiet (DESIGN §5, §7)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dashboard.catalog import load, sources
from dashboard.catalog.problems import CODES
from tests.conftest import TRADE, Build, codes, validate

Mutation = Callable[[dict[str, Any]], None]


def indicator(catalog: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(i for i in catalog["indicators"] if i["id"] == ident)


def all_of(*mutations: Mutation) -> Mutation:
    def mutate(catalog: dict[str, Any]) -> None:
        for mutation in mutations:
            mutation(catalog)

    return mutate


def set_field(ident: str, field: str, value: Any) -> Mutation:
    def mutate(catalog: dict[str, Any]) -> None:
        indicator(catalog, ident)[field] = value

    return mutate


def set_citation(ident: str, field: str, value: Any, index: int = 0) -> Mutation:
    def mutate(catalog: dict[str, Any]) -> None:
        indicator(catalog, ident)["citations"][index][field] = value

    return mutate


def add_indicator(**fields: Any) -> Mutation:
    def mutate(catalog: dict[str, Any]) -> None:
        catalog["indicators"].append({"title": "Added", "theme": "trade", **fields})

    return mutate


def add_event(**fields: Any) -> Mutation:
    def mutate(catalog: dict[str, Any]) -> None:
        catalog["events"].append({"title": "Added", "theme": "diplomacy", **fields})

    return mutate


def set_source(field: str, value: Any) -> Mutation:
    def mutate(catalog: dict[str, Any]) -> None:
        catalog["sources"][0][field] = value

    return mutate


def cite(quote: str, **extra: Any) -> list[dict[str, Any]]:
    return [{"source": "trade", "quote": quote, **extra}]


FIRES: dict[str, Mutation] = {
    "schema": set_field("agreements", "title", None),
    # tests/validation/test_translations.py holds the cases of each language code
    "language-unsupported": set_source("language", "fr"),
    "translation-missing": set_source("language", "es"),
    "translation-mismatch": all_of(
        set_source("language", "es"), set_citation("agreements", "translation", "have signed 121 agreements")
    ),
    "duplicate-id": add_indicator(
        id="agreements", value=120, unit="agreements", citations=cite("have signed 120 agreements")
    ),
    "unknown-source": set_citation("agreements", "source", "nowhere"),
    "unknown-theme": set_field("agreements", "theme", "weather"),
    "source-missing": set_source("file", "seeds/missing.txt"),
    "source-outside-corpus": set_source("file", "../outside.txt"),
    "source-hash-mismatch": set_source("sha256", "0" * 64),
    "quote-not-found": set_citation("agreements", "quote", "Ruritania and Freedonia have signed 121 agreements."),
    "quote-inexact": add_event(id="era", date="2024", citations=cite("“It's a new era -- truly,”")),
    "quote-ambiguous": add_event(
        id="summit", date="2023-05-07", citations=cite("The summit was held in Zenda on May 7.")
    ),
    "quote-context-mismatch": add_event(
        id="summit", date="2023-05-07", citations=cite("held in Zenda on May 7.", prefix="The meeting was ")
    ),
    "figure-not-in-quote": add_indicator(
        id="quiet", value=999, unit="agreements", citations=cite("the minister said.")
    ),
    "value-not-in-quote": add_indicator(
        id="arms", value=70, unit="percent", citations=cite("Freedonia have signed 120 agreements.")
    ),
    "value-mismatch": set_field("agreements", "value", 1200),
    "scale-mismatch": set_field("exports", "value", 2.5),
    "unit-mismatch": set_field("export-share", "unit", "exports"),
    "qualifier-missing": set_field("exports", "qualifier", None),
    "qualifier-mismatch": set_field("export-share", "qualifier", "more than"),
    "qualifier-unsupported": set_field("agreements", "qualifier", "about"),
    "figure-ambiguous": add_indicator(
        id="boats", value=30, unit="boats", citations=cite("About 30 ships and 30 boats docked.")
    ),
    "figure-pin-mismatch": set_citation("agreements", "figure", "999"),
    "citations-disagree": lambda c: indicator(c, "agreements")["citations"].append(
        {"source": "trade", "quote": "Freedonia lists 125 agreements with Ruritania."}
    ),
    "date-not-in-quote": lambda c: c["events"][0].update(date="2024-03-04"),
    # "last year" in a text published in March 2024 is 2023
    "period-mismatch": set_field("exports", "period", "2024"),
    "attribution-not-in-source": set_citation("agreements", "attributed_to", "the UN Refugee Agency"),
    "series-mixed": all_of(set_field("agreements", "series", "ties"), set_field("exports", "series", "ties")),
    "part-of-invalid": set_field("export-share", "part_of", "nowhere"),
    "derived-input": add_indicator(
        id="gap", value=1, unit="agreements", derived={"formula": "a - b", "from": {"a": "agreements", "b": "none"}}
    ),
    "derived-mismatch": add_indicator(
        id="fewer", value=100, unit="agreements", derived={"formula": "a - 1", "from": {"a": "agreements"}}
    ),
}


@pytest.mark.parametrize("code", sorted(FIRES))
def test_rule_fires(build: Build, catalog: dict[str, Any], code: str) -> None:
    FIRES[code](catalog)
    report = validate(build(catalog))
    assert code in codes(report), [str(p) for p in report.problems if p.severity != "info"]
    assert not report.ok(strict=True)


def test_base_catalog_is_quiet(build: Build) -> None:
    report = validate(build())
    assert codes(report) == set()
    assert report.ok(strict=True)


QUIET: dict[str, Mutation] = {
    # same qualifier group, other word
    "qualifier-mismatch": set_field("exports", "qualifier", "about"),
    # a prefix picks one of two identical sentences
    "quote-ambiguous": add_event(
        id="summit",
        date="2023-05-07",
        citations=cite("The summit was held in Zenda on May 7.", suffix="\nLast November"),
    ),
    # equal numbers hedged alike need no pin
    "figure-ambiguous/alike": add_indicator(
        id="ports", value=2, unit="ports", citations=cite("Two ports and two airports opened.")
    ),
    # a pin picks one of two equal numbers
    "figure-ambiguous": add_indicator(
        id="ports", value=2, unit="ports", citations=cite("Two ports and two airports opened.", figure="Two")
    ),
    # a relative date resolved against `published`
    "date-not-in-quote": add_event(
        id="envoy", date="2023-11", citations=cite("Last November, the envoy visited Zenda.")
    ),
    # an event date coarser than the text
    "date-not-in-quote/coarse": add_event(id="signing-month", date="2024-03", citations=cite("on March 3, 2024")),
    # a duration and a count in one sentence
    "unit-mismatch": add_indicator(id="pact", value=5, unit="years", citations=cite("The pact runs for 5 years")),
    # "Officials said ... that" opens the quote's sentence
    "attribution-not-in-source": set_citation("agreements", "attributed_to", "officials"),
    # one unit, one (absent) period, two entities: a cross-section
    "series-mixed": all_of(
        set_field("agreements", "series", "ties"),
        set_field("agreements", "entity", "Ruritania"),
        add_indicator(
            id="listed",
            value=125,
            unit="agreements",
            series="ties",
            entity="Freedonia",
            citations=cite("Freedonia lists 125 agreements with Ruritania."),
        ),
    ),
    # 40% within a whole of 70%
    "part-of-invalid": all_of(
        set_field("export-share", "part_of", "whole"),
        add_indicator(id="whole", value=70, unit="percent", citations=cite("Ruritania buys 70% of its arms")),
    ),
    "derived-mismatch": add_indicator(
        id="fewer", value=119, unit="agreements", derived={"formula": "a - 1", "from": {"a": "agreements"}}
    ),
    # "last year", read against `published: 2024-03-05`
    "period-mismatch": set_field("exports", "period", "2023"),
    # a sentence without time words: the year of publication
    "period-mismatch/published": set_field("agreements", "period", "2024"),
}


@pytest.mark.parametrize("case", sorted(QUIET))
def test_rule_stays_quiet_on_near_miss(build: Build, catalog: dict[str, Any], case: str) -> None:
    QUIET[case](catalog)
    report = validate(build(catalog))
    assert codes(report) == set(), [str(p) for p in report.problems if p.severity != "info"]


def with_line(catalog: dict[str, Any], line: str) -> str:
    """The trade text with one more line, its new sha256 pinned in `catalog`."""
    text = TRADE.read_text(encoding="utf-8") + line + "\n"
    catalog["sources"][0]["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text


@pytest.mark.parametrize(("unit", "value", "fires"), [("people", 60_000_000, True), ("metres", 60, False)])
def test_unit_ambiguous_fires_where_the_text_cannot_tell_metres_from_million(
    build: Build, catalog: dict[str, Any], unit: str, value: int, fires: bool
) -> None:
    text = with_line(catalog, "The new pier reaches out to 60m.")
    add_indicator(id="pier", value=value, unit=unit, citations=cite("The new pier reaches out to 60m."))(catalog)
    found = codes(validate(build(catalog, text=text)))
    assert found == ({"unit-ambiguous"} if fires else set())


def test_date_finer_than_text_is_refused(build: Build, catalog: dict[str, Any]) -> None:
    add_event(id="envoy", date="2023-11-02", citations=cite("Last November, the envoy visited Zenda."))(catalog)
    assert "date-not-in-quote" in codes(validate(build(catalog)))


RAW_FIRES = {
    "yaml-syntax": "version: 1\nthemes: [trade\n",
    "duplicate-key": "version: 1\nthemes:\n  trade: Trade\n  trade: Commerce\n",
    "yaml-alias": "version: 1\nthemes: &t\n  trade: Trade\nsources: *t\n",
    "value-literal": None,
}


@pytest.mark.parametrize("code", [c for c, t in RAW_FIRES.items() if t])
def test_raw_yaml_fires(build: Build, code: str) -> None:
    report = validate(build(RAW_FIRES[code]))
    assert codes(report) == {code}
    problem = report.problems[0]
    assert problem.line > 1 and problem.column >= 1


def test_duplicate_key_names_both_lines(build: Build) -> None:
    report = validate(build(RAW_FIRES["duplicate-key"]))
    assert report.problems[0].line == 4 and "line 3" in report.problems[0].message


def test_python_tag_is_refused(build: Build) -> None:
    report = validate(build("version: 1\nthemes: !!python/object:os.system {}\n"))
    assert codes(report) == {"yaml-alias"}


@pytest.mark.parametrize("literal", ["17e9", "011000", '"11,000"', "11,000", ".inf", "true", "0x1F", "'120'"])
def test_value_literal_fires(build: Build, catalog: dict[str, Any], literal: str) -> None:
    path = build(catalog)
    text = path.read_text().replace("value: 120\n", f"value: {literal}\n")
    path.write_text(text)
    report = validate(path)
    assert "value-literal" in codes(report)
    problem = next(p for p in report.problems if p.code == "value-literal")
    assert text.splitlines()[problem.line - 1].strip() == f"value: {literal}"


@pytest.mark.parametrize("literal", ["120", "120.0", "1_20", "120.00"])
def test_value_literal_quiet(build: Build, catalog: dict[str, Any], literal: str) -> None:
    path = build(catalog)
    path.write_text(path.read_text().replace("value: 120\n", f"value: {literal}\n"))
    assert "value-literal" not in codes(validate(path))


def test_source_not_utf8(build: Build, catalog: dict[str, Any]) -> None:
    path = build(catalog)
    (path.parent / "seeds" / "trade.txt").write_bytes("Café 12 agreements".encode("latin-1"))
    assert "source-not-utf8" in codes(validate(path))


def test_source_binary(build: Build, catalog: dict[str, Any]) -> None:
    path = build(catalog)
    (path.parent / "seeds" / "trade.txt").write_bytes(b"120 agreements\n\x00\x01")
    report = validate(path)
    assert "source-binary" in codes(report)
    assert "NUL byte (byte 15, line 2)" in next(p.message for p in report.problems if p.code == "source-binary")


def test_source_symlink_outside_corpus(build: Build, catalog: dict[str, Any], tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("120 agreements")
    path = build(catalog)
    link = path.parent / "seeds" / "link.txt"
    os.symlink(outside, link)
    catalog["sources"][0]["file"] = "seeds/link.txt"
    assert "source-outside-corpus" in codes(validate(build(catalog)))


def test_absolute_source_path(build: Build, catalog: dict[str, Any]) -> None:
    catalog["sources"][0]["file"] = "/etc/passwd"
    assert "source-outside-corpus" in codes(validate(build(catalog)))


def test_too_large_catalog_and_source(build: Build, catalog: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    path = build(catalog)
    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 100)
    assert "too-large" in codes(validate(path))
    monkeypatch.setattr(load, "MAX_CATALOG_BYTES", 100)
    assert codes(validate(path)) == {"too-large"}


def test_uncovered_figure_is_info_and_exclusion_covers_it(build: Build, catalog: dict[str, Any]) -> None:
    report = validate(build(catalog))
    uncovered = {p.message.split("'")[1] for p in report.problems if p.code == "uncovered-figure"}
    assert "5 years" in uncovered and report.ok(strict=True)
    catalog["exclusions"].append(
        {"source": "trade", "quote": "The pact runs for 5 years", "figure": "5 years", "reason": "test"}
    )
    report = validate(build(catalog))
    assert "5 years" not in {p.message.split("'")[1] for p in report.problems if p.code == "uncovered-figure"}


def test_every_code_has_a_firing_test() -> None:
    tested = set(FIRES) | set(RAW_FIRES) | {"source-not-utf8", "source-binary", "too-large", "uncovered-figure",
                                            "unit-ambiguous"}  # fmt: skip
    assert tested == set(CODES)


def test_quote_not_found_suggests_nearest_passage_and_numbers(build: Build, catalog: dict[str, Any]) -> None:
    set_citation("agreements", "quote", "Ruritania and Freedonia have signed 121 agreements.")(catalog)
    problem = next(p for p in validate(build(catalog)).problems if p.code == "quote-not-found")
    assert "Nearest passage (line 3)" in problem.message
    assert "quote has 121; source has 120" in problem.message
    assert problem.suggestion is not None and "signed 120 agreements" in problem.suggestion


def test_quote_inexact_prints_the_exact_text(build: Build, catalog: dict[str, Any]) -> None:
    add_event(id="era", date="2024", citations=cite("“It's a new era -- truly,”"))(catalog)
    problem = next(p for p in validate(build(catalog)).problems if p.code == "quote-inexact")
    assert problem.suggestion == "“It’s a new era -- truly,”" and "“It’s a new era -- truly,”" in problem.message


# --- found against unseen documents (tests/cases/unseen) ---------------------------------------

UNSEEN_TEXT = (
    "Analysts put the cost at $2bn, $3bn and $4.5bn respectively.\n"
    "The bank cut 15,000 jobs in August, about 15% of its workforce.\n"
    "Officials met buyers last week in Riyadh.\n"
    "Ticket sales for the Paris 2024 Olympics passed 8.7 million. The race will be held on 10 August.\n"
    "Up to 5,000 kilograms of explosives were carried by 40 drones.\n"
)


def unseen_catalog(catalog: dict[str, Any], *entries: dict[str, Any], events: tuple[dict[str, Any], ...] = ()) -> None:
    catalog["sources"][0]["sha256"] = hashlib.sha256(UNSEEN_TEXT.encode()).hexdigest()
    catalog["indicators"] = [{"title": "T", "theme": "trade", **e} for e in entries]
    catalog["events"] = [{"title": "E", "theme": "trade", **e} for e in events]


def unseen_cite(quote: str) -> list[dict[str, str]]:
    return [{"source": "trade", "quote": quote}]


COST = "the cost at $2bn, $3bn and $4.5bn respectively"


def test_a_number_claimed_twice_while_another_is_free_is_a_value_mismatch(
    build: Build, catalog: dict[str, Any]
) -> None:
    low = {"id": "low", "value": 2_000_000_000, "unit": "USD", "citations": unseen_cite(COST)}
    mid = {"id": "mid", "value": 3_000_000_000, "unit": "USD", "citations": unseen_cite(COST)}
    unseen_catalog(catalog, low, mid)
    assert codes(validate(build(catalog, text=UNSEEN_TEXT)), at_least="warning") == set()
    unseen_catalog(catalog, {**low, "value": 3_000_000_000}, mid)
    report = validate(build(catalog, text=UNSEEN_TEXT))
    assert {(p.code, p.id) for p in report.problems if p.severity == "error"} >= {("value-mismatch", "low")}


def test_the_same_number_in_two_indicators_is_fine_when_nothing_else_is_free(
    build: Build, catalog: dict[str, Any]
) -> None:
    unseen_catalog(
        catalog,
        *(
            {"id": i, "value": 15_000, "unit": "jobs", "citations": unseen_cite("The bank cut 15,000 jobs in August")}
            for i in ("a", "b")
        ),
    )
    assert codes(validate(build(catalog, text=UNSEEN_TEXT)), at_least="warning") == set()


def test_off_by_100_is_a_scale_mismatch_only_for_percent(build: Build, catalog: dict[str, Any]) -> None:
    quote = "Up to 5,000 kilograms of explosives were carried by 40 drones."
    unseen_catalog(catalog, {"id": "drones", "value": 50, "unit": "drones", "citations": unseen_cite(quote)})
    assert "value-mismatch" in codes(validate(build(catalog, text=UNSEEN_TEXT)), at_least="error")


def test_a_dropped_scale_that_matches_a_share_reports_both_readings(build: Build, catalog: dict[str, Any]) -> None:
    quote = "The bank cut 15,000 jobs in August, about 15% of its workforce."
    unseen_catalog(catalog, {"id": "jobs", "value": 15, "unit": "jobs", "citations": unseen_cite(quote)})
    assert {"scale-mismatch", "unit-mismatch"} <= codes(validate(build(catalog, text=UNSEEN_TEXT)), at_least="error")


@pytest.mark.parametrize(
    ("quote", "date", "ok"),
    [
        ("Officials met buyers last week in Riyadh.", "2024-02", True),  # published 2024-03-05: week of Feb 26
        ("Officials met buyers last week in Riyadh.", "2024-03", True),
        ("Officials met buyers last week in Riyadh.", "2024-01", False),
        ("Officials met buyers last week in Riyadh.", "2024-02-27", False),  # finer than the text
        ("the Paris 2024 Olympics passed 8.7 million. The race will be held on 10 August.", "2024-08-10", True),
        ("The race will be held on 10 August.", "2025-08-10", False),
    ],
)
def test_relative_weeks_and_years_stated_in_the_quote(
    build: Build, catalog: dict[str, Any], quote: str, date: str, ok: bool
) -> None:
    unseen_catalog(catalog, events=({"id": "e", "date": date, "citations": unseen_cite(quote)},))
    fired = codes(validate(build(catalog, text=UNSEEN_TEXT)), at_least="warning")
    assert ("date-not-in-quote" not in fired) == ok, fired
