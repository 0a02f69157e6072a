"""Validation: the validator's live report — counts by severity, every problem in full with its line, a
link to its entry and the repair `indicators fix` would make, and coverage per source. A curator page:
only in curator mode (env INDICATORS_CURATOR=1, see web/navigation.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd
import streamlit as st

from dashboard.catalog.edit import apply_edits, diff
from dashboard.catalog.model import Catalog
from dashboard.catalog.problems import ERROR, INFO, WARNING, Problem
from dashboard.curation.fix import Repair, plan_fixes
from dashboard.validation.report import Report
from dashboard.web import cache, navigation
from dashboard.web import widgets as ui

SHOWN_PROBLEMS = 200
"""How many problems the page draws in full; the rest are counted (`indicators validate` lists them all)."""
_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
_ICONS = {ERROR: ":material/error:", WARNING: ":material/warning:", INFO: ":material/info:"}
_COLORS: dict[str, Literal["red", "orange", "blue"]] = {ERROR: "red", WARNING: "orange", INFO: "blue"}


def curators_only() -> None:
    """Stop with a short notice when curator mode is off (the page is then not in the app at all; this
    guards a direct run of the page's script)."""
    if not navigation.curator():
        st.info("This page is for curators: run the app with INDICATORS_CURATOR=1.", icon=":material/lock:")
        st.stop()


def repairs(report: Report) -> dict[int, Repair]:
    """The repair `indicators fix` would make for each problem it can fix, keyed by id(problem), once per
    report (the Validation and Curation pages share it)."""
    return cache.derived(report).memo(
        "repairs", lambda: {id(r.problem): r for r in plan_fixes(report, report.catalog_text)}
    )


def entry_link(problem: Problem, catalog: Catalog) -> None:
    """A link to the figure, event or source the problem concerns (nothing for an exclusion or a mention)."""
    if not problem.id:
        return
    target = problem.id
    if any(i.id == target for i in catalog.indicators):
        page, params, label = navigation.FIGURE_PAGE, {"indicator": target}, "Open the figure"
    elif any(e.id == target for e in catalog.events):
        page, params, label = navigation.TIMELINE_PAGE, {"event": target}, "Open the event"
    elif catalog.source(target) is not None:
        page, params, label = navigation.SOURCES_PAGE, {"source": target}, "Open the source"
    else:
        return
    st.page_link(page, label=f"{label}: {ui.md(target)}", icon=":material/open_in_new:", query_params=params)


def problem_block(problem: Problem, *, report: Report, catalog: Catalog, repair: Repair | None,
                  fix_expanded: bool) -> None:  # fmt: skip
    """One problem in full: severity, code, where, the whole message wrapped, the suggestion, a link to its
    entry and the repair that would fix it (a diff of the catalog)."""
    where = f"{Path(problem.file).name}:{problem.line}" if problem.line else Path(problem.file).name
    with st.container(border=True):
        st.badge(problem.severity, icon=_ICONS.get(problem.severity), color=_COLORS.get(problem.severity, "blue"))
        head = f"**{ui.md(problem.code)}** · {ui.md(where)}" + (f" · {ui.md(problem.id)}" if problem.id else "")
        st.markdown(head)
        st.markdown(ui.message_md(problem.message))
        entry_link(problem, catalog)
        if repair is not None:
            flag = " (needs `--accept-source-changes`)" if repair.needs_accept else ""
            fixed = apply_edits(report.catalog_text, repair.edits)
            with st.expander(ui.message_md(f"Repair by `indicators fix --write`{flag}"), expanded=fix_expanded):
                st.markdown(ui.message_md(repair.description))
                st.code(diff(report.catalog_text, fixed, name=Path(report.catalog_path).name), language="diff")
        elif problem.fix:
            fields = ", ".join(f"`{name}: {value}`" for name, value in problem.fix)
            st.markdown(ui.message_md(f"Suggested fix: set {fields} (what the quoted text states)."))
        if repair is None and problem.suggestion:
            st.caption("Suggested text (the nearest passage of the source):"
                       if problem.code == "quote-not-found" else "Suggestion:")  # fmt: skip
            st.code(problem.suggestion, language=None, wrap_lines=True)


def render() -> None:
    curators_only()
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

    total = len(report.problems)
    st.header(f"Problems ({total})" if total else "Problems", anchor=False)
    if report.problems:
        ordered = sorted(report.problems, key=lambda p: _ORDER.get(p.severity, 3))
        fixes = repairs(report)
        for problem in ordered[:SHOWN_PROBLEMS]:
            problem_block(problem, report=report, catalog=catalog, repair=fixes.get(id(problem)), fix_expanded=False)
        if total > SHOWN_PROBLEMS:
            st.caption(
                ui.message_md(f"{total - SHOWN_PROBLEMS} more not shown here; `indicators validate` lists them all.")
            )
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
