"""Safe loading: positions, refusals before expansion, schema messages that say what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dashboard.catalog.load import load_catalog
from tests.conftest import Build, codes, validate

BILLION_LAUGHS = "version: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def test_billion_laughs_is_refused_before_expansion(build: Build) -> None:
    report = validate(build(BILLION_LAUGHS))
    assert codes(report) == {"yaml-alias"}
    assert report.problems[0].line == 3


def test_deep_nesting_is_refused(build: Build) -> None:
    report = validate(build("version: 1\nthemes: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert codes(report) in ({"schema"}, {"yaml-syntax"})


def test_positions_point_at_each_field(build: Build, catalog: dict[str, Any]) -> None:
    path = build(catalog)
    loaded = load_catalog(path)
    assert loaded.catalog is not None
    lines = path.read_text().splitlines()
    first = loaded.catalog.indicators[0]
    assert lines[first.field_pos["value"].line - 1].strip() == "value: 120"
    quote = first.citations[0].field_pos["quote"]
    assert lines[quote.line - 1][quote.column - 1 :].startswith("Ruritania and Freedonia")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"titel": "x"}, "unknown field `titel` in indicator (did you mean `title`?)"),
        ({"id": "Has Spaces"}, "must be kebab-case"),
        ({"period": "2025-02-30"}, "must be an ISO date or interval"),
        ({"qualifier": "roughly about"}, "is not a known qualifier"),
        ({"series": "Bad_Series"}, "must be kebab-case"),
        ({"citations": []}, "must be a non-empty list"),
    ],
)
def test_schema_messages_say_what_to_do(
    build: Build, catalog: dict[str, Any], change: dict[str, Any], expected: str
) -> None:
    catalog["indicators"][0].update(change)
    report = validate(build(catalog))
    messages = [p.message for p in report.problems if p.code == "schema"]
    assert any(expected in m for m in messages), messages


def test_invalid_entries_drop_out_and_the_rest_still_loads(build: Build, catalog: dict[str, Any]) -> None:
    del catalog["indicators"][0]["unit"]
    loaded = load_catalog(build(catalog))
    assert loaded.catalog is not None
    assert [i.id for i in loaded.catalog.indicators] == ["exports", "export-share", "emigrants"]
    assert [p.code for p in loaded.problems] == ["schema"]
    assert "missing `unit`" in loaded.problems[0].message


@pytest.mark.parametrize("published", ["2025-13", "25-05-12", "2025/05/12", "May 2025"])
def test_bad_published_dates(build: Build, catalog: dict[str, Any], published: str) -> None:
    catalog["sources"][0]["published"] = published
    assert "schema" in codes(validate(build(catalog)))


def test_unquoted_iso_dates_are_read_as_text(build: Build, catalog: dict[str, Any]) -> None:
    path = build(catalog)
    path.write_text(path.read_text().replace("published: '2024-03-05'", "published: 2024-03-05"))
    report = validate(path)
    assert report.ok(strict=True) and report.catalog is not None
    assert report.catalog.sources[0].published == "2024-03-05"


def test_empty_and_non_mapping_catalogs(build: Build) -> None:
    assert codes(validate(build(""))) == {"schema"}
    assert codes(validate(build("- just\n- a list\n"))) == {"schema"}


def test_catalog_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_bytes("version: 1\nthemes:\n  caf\xe9: Café\n".encode("latin-1"))
    report = validate(path)
    assert codes(report) == {"yaml-syntax"} and report.problems[0].line == 3


@pytest.mark.parametrize("field", ["title", "unit", "theme", "entity"])
def test_a_todo_left_in_the_catalog_is_a_schema_error(build: Build, catalog: dict[str, Any], field: str) -> None:
    catalog["indicators"][0][field] = "TODO"
    messages = [p.message for p in validate(build(catalog)).problems if p.code == "schema"]
    assert any(f"field `{field}` is still TODO" in m for m in messages), messages
