"""In-place edits of the catalog text: exact spans, safe scalars, appended entries, untouched rest."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from dashboard.catalog.edit import Edit, append_to_section, apply_edits, render_entry, scalar, section_indent
from dashboard.catalog.yamlmap import map_catalog

CATALOG = """# a comment that must survive
version: 1
indicators:
  - id: a   # trailing comment
    value: 1
    citations:
      - source: s
        quote: "x: y"

# events below
events: []
"""


@pytest.mark.parametrize("value", ["plain words", "x: y", "yes", "It’s “quoted”", "#hash", "a\nb", "  pad", "12"])
def test_scalar_reads_back_as_the_same_string(value: str) -> None:
    assert yaml.safe_load(f"k: {scalar(value)}")["k"] == value


def test_scalar_writes_numbers_as_plain_decimals() -> None:
    assert scalar(Decimal("17000000000")) == "17000000000" and scalar(None) == "null" and scalar(True) == "true"


def test_map_gives_spans_of_nested_nodes() -> None:
    spans = map_catalog(CATALOG)
    quote = spans.values[("indicators", 0, "citations", 0, "quote")]
    assert CATALOG[quote.start : quote.end] == '"x: y"' and quote.value == "x: y"
    assert spans.items("indicators") == [("indicators", 0)] and section_indent(spans, section="indicators") == 2


def test_append_keeps_every_other_byte() -> None:
    spans = map_catalog(CATALOG)
    entry = render_entry(
        {"id": "b", "value": Decimal(2), "citations": [{"source": "s", "quote": "q r"}]},
        indent=2,
        comments={"id": "TODO: name it"},
    )
    new = apply_edits(CATALOG, [append_to_section(CATALOG, spans, section="indicators", entries=[entry])])
    assert new.replace("\n" + entry, "", 1) == CATALOG
    data = yaml.safe_load(new)
    assert [i["id"] for i in data["indicators"]] == ["a", "b"] and data["events"] == []
    assert "# events below" in new and "# trailing comment" in new and "# TODO: name it" in new
    assert new.index("id: b") < new.index("# events below")


def test_append_creates_a_missing_section() -> None:
    spans = map_catalog(CATALOG)
    new = apply_edits(
        CATALOG,
        [append_to_section(CATALOG, spans, section="exclusions", entries=[render_entry({"source": "s"}, indent=2)])],
    )
    assert new.startswith(CATALOG) and yaml.safe_load(new)["exclusions"] == [{"source": "s"}]


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


@pytest.mark.parametrize("empty", ["events: []  # none yet\n", "events:\n"])
def test_append_fills_an_empty_section(empty: str) -> None:
    text = CATALOG.replace("events: []\n", empty)
    spans = map_catalog(text)
    new = apply_edits(
        text, [append_to_section(text, spans, section="events", entries=[render_entry({"id": "e"}, indent=2)])]
    )
    assert yaml.safe_load(new)["events"] == [{"id": "e"}] and new.count("events:") == 1
    assert new.startswith(text[: text.index("events:")]) and ("# none yet" in new) == ("# none" in empty)
