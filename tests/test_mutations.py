"""Damage the shipped catalog in every way a curator could, and check each damaged copy is rejected
with the expected code at a line inside the damaged entry."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from dashboard.figures import QUALIFIERS, qualifier_group
from dashboard.load import load_catalog
from dashboard.model import Catalog, Citation, Indicator, Pos
from dashboard.validate import validate_path
from tests.conftest import ROOT

SHIPPED = load_catalog(ROOT / "indicators.yaml").catalog
assert SHIPPED is not None, "the shipped catalog does not load"
CATALOG: Catalog = SHIPPED
TEXT = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
LINE_STARTS = [0] + [i + 1 for i, c in enumerate(TEXT) if c == "\n"]


@dataclass(frozen=True)
class Mutation:
    name: str
    text: str
    """The damaged catalog text."""
    expected: frozenset[str]
    """Codes of which at least one must fire."""
    lines: tuple[int, int]
    """The damaged entry's first and last line."""
    edit_source: bool = False


def offset(pos: Pos) -> int:
    return LINE_STARTS[pos.line - 1] + pos.column - 1


def entry_lines(record: Indicator) -> tuple[int, int]:
    starts = sorted(r.pos.line for r in (*CATALOG.indicators, *CATALOG.events) if r.pos.line > record.pos.line)
    return record.pos.line, (starts[0] - 1 if starts else len(LINE_STARTS))


def replace_at(start: int, old: str, new: str) -> str:
    where = TEXT.index(old, start)
    return TEXT[:where] + new + TEXT[where + len(old) :]


def value_literal(indicator: Indicator) -> tuple[int, str]:
    start = offset(indicator.field_pos["value"])
    end = TEXT.index("\n", start)
    return start, TEXT[start:end].split("#")[0].strip()


def plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def value_mutations(indicator: Indicator) -> Iterator[Mutation]:
    start, literal = value_literal(indicator)
    lines = entry_lines(indicator)
    mismatch = frozenset({"value-mismatch", "citations-disagree"})
    yield Mutation("value x10", replace_at(start, literal, plain(indicator.value * 10)), mismatch, lines)
    digits = plain(indicator.value)
    first = digits.lstrip("-")[0]
    changed = digits.replace(first, "8" if first == "9" else str(int(first) + 1), 1)
    yield Mutation("one digit", replace_at(start, literal, changed), mismatch, lines)
    for scale in (Decimal(10) ** 9, Decimal(10) ** 6, Decimal(1000)):
        if indicator.unit not in ("year", "ordinal", "years") and indicator.value >= scale:
            smaller = plain(indicator.value / scale)
            yield Mutation("scale dropped", replace_at(start, literal, smaller), frozenset({"scale-mismatch"}), lines)
            break


def unit_and_qualifier_mutations(indicator: Indicator) -> Iterator[Mutation]:
    lines = entry_lines(indicator)
    if indicator.unit == "percent":
        start = offset(indicator.field_pos["unit"])
        yield Mutation("percent as count", replace_at(start, "percent", "exports"), frozenset({"unit-mismatch"}), lines)
    if indicator.qualifier is not None:
        pos = indicator.field_pos["qualifier"]
        line_start, line_end = LINE_STARTS[pos.line - 1], LINE_STARTS[pos.line]
        dropped = TEXT[:line_start] + TEXT[line_end:]
        yield Mutation("qualifier dropped", dropped, frozenset({"qualifier-missing"}), (lines[0], lines[1] - 1))
        other = next(q for q in QUALIFIERS if qualifier_group(q) != qualifier_group(indicator.qualifier))
        changed = replace_at(offset(pos), indicator.qualifier, other)
        yield Mutation("qualifier changed", changed, frozenset({"qualifier-mismatch"}), lines)


def citation_mutations(record: Indicator, index: int, citation: Citation) -> Iterator[Mutation]:
    lines = entry_lines(record)
    quote_at = offset(citation.field_pos["quote"])
    word = next(w for w in citation.quote.split() if w.isalpha() and len(w) >= 4)
    yield Mutation(f"word of quote #{index}", replace_at(quote_at, word, word[::-1].capitalize()),
                   frozenset({"quote-not-found"}), lines)
    if "’" in citation.quote:
        yield Mutation(f"straight apostrophe #{index}", replace_at(quote_at, "’", "'"),
                       frozenset({"quote-inexact"}), lines)
    others = [s.id for s in CATALOG.sources if s.id != citation.source]
    source_at = offset(citation.field_pos["source"])
    yield Mutation(f"quote moved #{index}", replace_at(source_at, citation.source, others[0]),
                   frozenset({"quote-not-found"}), lines)
    if citation.figure is not None:
        figure_at = offset(citation.field_pos["figure"])
        yield Mutation(f"figure pin changed #{index}", replace_at(figure_at, citation.figure, "7.77"),
                       frozenset({"figure-pin-mismatch"}), lines)


def all_mutations() -> Iterator[tuple[str, Mutation]]:
    for indicator in CATALOG.indicators:
        for mutation in (*value_mutations(indicator), *unit_and_qualifier_mutations(indicator)):
            yield indicator.id, mutation
        for index, citation in enumerate(indicator.citations):
            for mutation in citation_mutations(indicator, index, citation):
                yield indicator.id, mutation
    for event in CATALOG.events:
        for index, citation in enumerate(event.citations):
            for mutation in citation_mutations(event, index, citation):  # type: ignore[arg-type]
                if not mutation.name.startswith("figure"):
                    yield event.id, mutation


MUTATIONS = list(all_mutations())


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root


@pytest.mark.parametrize(("ident", "mutation"), MUTATIONS, ids=[f"{i}-{m.name}" for i, m in MUTATIONS])
def test_damaged_catalog_is_rejected(project: Path, ident: str, mutation: Mutation) -> None:
    path = project / "indicators.yaml"
    path.write_text(mutation.text, encoding="utf-8")
    report = validate_path(path)
    fired = {p.code for p in report.problems if p.severity == "error"}
    assert fired & mutation.expected, f"{mutation.name}: expected {set(mutation.expected)}, got {fired}"
    first, last = mutation.lines
    assert any(
        p.code in mutation.expected and first <= p.line <= last and p.id == ident for p in report.problems
    ), [str(p) for p in report.problems if p.severity == "error"]


def test_every_kind_of_damage_is_exercised() -> None:
    names = {m.name.split(" #")[0] for _, m in MUTATIONS}
    assert {"value x10", "one digit", "scale dropped", "percent as count", "qualifier dropped", "qualifier changed",
            "word of quote", "straight apostrophe", "quote moved", "figure pin changed"} <= names


@pytest.mark.parametrize("source", [s.id for s in CATALOG.sources])
def test_source_edited_by_one_character(tmp_path: Path, source: str) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "indicators.yaml", tmp_path / "indicators.yaml")
    declared = next(s for s in CATALOG.sources if s.id == source)
    file = tmp_path / declared.file
    text = file.read_text(encoding="utf-8")
    middle = len(text) // 2
    file.write_text(text[:middle] + ("x" if text[middle] != "x" else "y") + text[middle + 1 :], encoding="utf-8")
    report = validate_path(tmp_path / "indicators.yaml")
    problem = next(p for p in report.problems if p.code == "source-hash-mismatch")
    assert problem.id == source and problem.line == declared.field_pos["sha256"].line
