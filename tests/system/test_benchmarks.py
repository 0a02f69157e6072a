"""CI smoke test of the benchmarks (correctness only, never timing): the small corpus generates
deterministically, validates clean, and the CLI measures run on it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from benchmarks.common import Row
from benchmarks.generate import SIZES, generate
from dashboard.cli.main import main
from dashboard.validation.validate import validate_path


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("small")
    total, documents = SIZES["small"]
    generate(out, documents=documents, indicators=total, seed=7)
    return out


def test_small_corpus_validates_strictly_clean(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(small / "indicators.yaml"), "--strict"]) == 0
    report = validate_path(small / "indicators.yaml")
    assert report.counts["error"] == 0 and report.counts["warning"] == 0
    catalog = report.catalog
    assert catalog is not None
    assert len(catalog.sources) == 50
    assert len(catalog.indicators) + len(catalog.events) == 200
    assert 0.7 <= len(catalog.indicators) / 200 <= 0.9
    assert any(i.headline for i in catalog.indicators)
    assert len({i.series for i in catalog.indicators if i.series}) >= 5
    assert any(c.prefix or c.suffix for i in catalog.indicators for c in i.citations)
    assert {i.unit for i in catalog.indicators} >= {"percent", "USD", "EUR", "years", "ordinal"}


def test_small_corpus_uses_the_formats_of_real_texts(small: Path) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((small / "seeds").glob("*.txt")))
    for sample in (
        "\u00a0",
        "’",
        "“",
        "](/img/",
        "$",
        "€",
        " million",
        "per cent",
        "%",
        "last ",
        "nearly ",
        "more than ",
    ):
        assert sample in text, sample
    sizes = [p.stat().st_size for p in (small / "seeds").glob("*.txt")]
    assert min(sizes) >= 2_000
    assert max(sizes) <= 6_500


def test_generation_is_deterministic(small: Path, tmp_path: Path) -> None:
    total, documents = SIZES["small"]
    generate(tmp_path, documents=documents, indicators=total, seed=7)
    assert _digest(tmp_path) == _digest(small)
    generate(tmp_path / "other", documents=documents, indicators=total, seed=8)
    assert _digest(tmp_path / "other") != _digest(small)


def test_cli_benchmark_runs_on_the_small_corpus(small: Path) -> None:
    from benchmarks import bench_cli
    from benchmarks.run import table

    rows = bench_cli.measure({"small": small}, repeat=1)
    assert all(isinstance(row, Row) for row in rows)
    names = {row.name for row in rows}
    assert {
        "validate small: wall",
        "validate small: ratio to floor",
        "coverage small: throughput",
        "CLI start-up: validate the shipped catalog",
        "CLI imports pandas/plotly/streamlit",
    } <= names
    heavy = next(row for row in rows if row.name == "CLI imports pandas/plotly/streamlit")
    assert heavy.ok, heavy.note
    assert "| measure | value |" in table(rows, command="test", repeat=1)
