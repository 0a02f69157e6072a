"""Curation: the mentions no entry covers yet, each with a ready YAML stub, and every problem with
the repair `indicators fix` would make (or the validator's suggestion)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.catalog.edit import apply_edits, diff
from dashboard.catalog.problems import INFO
from dashboard.curation.fix import Repair, plan_fixes
from dashboard.curation.suggest import suggest
from dashboard.present.highlight import quote_in_paragraph_html
from dashboard.web import cache
from dashboard.web import widgets as ui


def render() -> None:
    report, catalog = ui.require_catalog(banner=False)
    ui.titled("Curation")
    st.title("Curation", anchor=False)
    st.caption(
        ui.md(
            "What `indicators suggest` and `indicators fix` would do; copy a stub into the catalog, "
            "fill its TODOs, and the page updates on the next interaction."
        )
    )

    st.header("Uncovered mentions", anchor=False)
    stubs = cache.derived(report).memo("stubs", lambda: suggest(report))
    if not stubs:
        st.success(
            "Every numeric and date mention of every source is cited, dated or excluded.", icon=":material/task_alt:"
        )
    for coverage in report.coverage:
        mine = [s for s in stubs if s.source == coverage.source]
        if not mine:
            continue
        label = (
            f"{coverage.source}: {len(coverage.uncovered)} uncovered of {coverage.mentions} ({coverage.percent:.1f}%)"
        )
        with st.expander(ui.md(label), expanded=len(stubs) <= 20):
            text = report.texts[coverage.source].text
            for stub in mine:
                st.markdown(ui.md(f"Line {stub.line}: “{stub.mention.text}” ({stub.mention.kind}) → {stub.section}"))
                st.html(quote_in_paragraph_html(text, start=stub.mention.start, end=stub.mention.end))
                st.code(stub.render(), language="yaml")

    st.header("Problems and their repairs", anchor=False)
    catalog_text = report.catalog_text
    repairs: dict[int, Repair] = {id(r.problem): r for r in plan_fixes(report, catalog_text)}
    problems = [p for p in report.problems if p.severity != INFO]
    if not problems:
        st.success("No errors and no warnings.", icon=":material/verified:")
    for problem in problems:
        where = f"{Path(problem.file).name}:{problem.line}:{problem.column}"
        st.markdown(f"**{ui.md(problem.code)}** · {ui.md(where)}" + (f" · {ui.md(problem.id)}" if problem.id else ""))
        st.text(problem.message)
        repair = repairs.get(id(problem))
        if repair is not None:
            flag = " (needs `--accept-source-changes`)" if repair.needs_accept else ""
            st.caption(ui.md(f"Repair by `indicators fix --write`{flag}: {repair.description}"))
            fixed = apply_edits(catalog_text, repair.edits)
            st.code(diff(catalog_text, fixed, name=Path(report.catalog_path).name), language="diff")
        elif problem.suggestion:
            st.caption("Suggested text:")
            st.code(problem.suggestion, language=None)
