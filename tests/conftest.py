"""Shared fixtures: a small corpus and catalog built in a temporary folder, per test."""

from __future__ import annotations

import copy
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.validation.report import Report
from dashboard.validation.validate import validate_path

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
TRADE = CASES / "trade.txt"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def base_catalog() -> dict[str, Any]:
    """A catalog of tests/cases/trade.txt that validates clean apart from coverage."""
    return {
        "version": 1,
        "themes": {"trade": "Trade", "diplomacy": "Diplomacy"},
        "sources": [
            {
                "id": "trade",
                "file": "seeds/trade.txt",
                "sha256": sha256(TRADE),
                "title": "Ruritania and Freedonia deepen ties",
                "publisher": "Test Wire",
                "published": "2024-03-05",
            }
        ],
        "indicators": [
            {
                "id": "agreements",
                "title": "Agreements",
                "theme": "diplomacy",
                "value": 120,
                "unit": "agreements",
                "citations": [{"source": "trade", "quote": "Ruritania and Freedonia have signed 120 agreements."}],
            },
            {
                "id": "exports",
                "title": "Exports",
                "theme": "trade",
                "value": 2_500_000_000,
                "unit": "USD",
                "qualifier": "approximately",
                "citations": [{"source": "trade", "quote": "Exports reached approximately $2.5bn last year"}],
            },
            {
                "id": "export-share",
                "title": "Share of exports",
                "theme": "trade",
                "value": 40,
                "unit": "percent",
                "qualifier": "nearly",
                "citations": [{"source": "trade", "quote": "nearly 40 per cent of the total"}],
            },
            {
                "id": "emigrants",
                "title": "People who left",
                "theme": "trade",
                "value": 3_000_000,
                "unit": "people",
                "qualifier": "more than",
                "period": "2015/..",
                "citations": [{"source": "trade", "quote": "More than three million people have left since 2015."}],
            },
        ],
        "events": [
            {
                "id": "signing",
                "date": "2024-03-03",
                "title": "Agreements signed",
                "theme": "diplomacy",
                "citations": [{"source": "trade", "quote": "Officials said on March 3, 2024"}],
            },
        ],
        "exclusions": [],
    }


Build = Callable[..., Path]


def mixed_periods_catalog(folder: Path) -> Path:
    """The shipped catalog (and seeds) in `folder`, with Venezuela's 2024 "more than eight million" put into
    the 2022 displaced-population series: the slip that draws a lower bound's bar beside exact ones and a
    chart whose periods differ (the shipped catalog keeps that figure apart)."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    entity = "    entity: Venezuela\n"
    at = text.index(entity, text.index("  - id: venezuela-displaced-people-2024\n")) + len(entity)
    path = folder / "indicators.yaml"
    path.write_text(text[:at] + "    series: displaced-population\n" + text[at:], encoding="utf-8")
    return path


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """Write a catalog (dict or raw YAML text) next to a seeds/ copy of the trade text; return its path."""

    def _build(catalog: dict[str, Any] | str | None = None, *, text: str | None = None) -> Path:
        seeds = tmp_path / "seeds"
        seeds.mkdir(exist_ok=True)
        if text is None:
            shutil.copyfile(TRADE, seeds / "trade.txt")
        else:
            (seeds / "trade.txt").write_text(text, encoding="utf-8")
        data = base_catalog() if catalog is None else catalog
        path = tmp_path / "indicators.yaml"
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return path

    return _build


@pytest.fixture
def catalog() -> dict[str, Any]:
    return copy.deepcopy(base_catalog())


def codes(report: Report, *, at_least: str = "warning") -> set[str]:
    keep = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info")}[at_least]
    return {p.code for p in report.problems if p.severity in keep}


def validate(path: Path) -> Report:
    return validate_path(path)
