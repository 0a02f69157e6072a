"""Validation: the validator's live report — counts by severity, every problem with its line, coverage."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.catalog.problems import ERROR, INFO, WARNING
from dashboard.web import widgets as ui


def render() -> None:
    report, catalog = ui.require_catalog(banner=False)
    ui.titled("Validation")
    st.title("Validation", anchor=False)
    counts = report.counts
    if report.ok():
        st.success(
            f"{Path(report.catalog_path).name} is valid: every figure and date is proven by its quotation.",
            icon=":material/verified:",
        )
    else:
        st.error(
            f"{Path(report.catalog_path).name} has {counts[ERROR]} error(s); the entries concerned are flagged.",
            icon=":material/error:",
        )
    tiles = st.columns(4)
    tiles[0].metric("Errors", counts[ERROR], border=True)
    tiles[1].metric("Warnings", counts[WARNING], border=True)
    tiles[2].metric("Uncovered mentions", counts[INFO], border=True)
    tiles[3].metric("Coverage", f"{report.coverage_percent:.1f}%", border=True)

    st.header("Problems", anchor=False)
    if report.problems:
        problems = pd.DataFrame(
            [
                {
                    "severity": p.severity,
                    "code": p.code,
                    "line": p.line,
                    "column": p.column,
                    "id": p.id or "",
                    "message": p.message,
                    "file": Path(p.file).name,
                }
                for p in report.problems
            ]  # fmt: skip
        )
        st.dataframe(problems, hide_index=True, width="stretch", key="problems-table")
    else:
        st.caption("No problems: no errors, no warnings and no uncovered mentions.")

    st.header("Coverage per source", anchor=False)
    st.caption("Numeric and date mentions in each source that are cited, dated or deliberately excluded.")
    coverage = pd.DataFrame(
        [
            {"source": c.source, "file": c.file, "mentions": c.mentions, "covered": c.covered, "percent": c.percent}
            for c in report.coverage
        ],  # fmt: skip
        columns=["source", "file", "mentions", "covered", "percent"],
    )
    st.dataframe(coverage, hide_index=True, width="stretch", key="coverage-table", column_config={
        "percent": st.column_config.ProgressColumn("covered %", min_value=0, max_value=100, format="%.1f%%"),
    })  # fmt: skip
