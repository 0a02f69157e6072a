"""Curation: the mentions no entry covers yet, each with a ready YAML stub, and every problem with
the repair `indicators fix` would make (or the validator's suggestion)."""

from __future__ import annotations

import streamlit as st

from dashboard.catalog.problems import INFO
from dashboard.curation.suggest import Stub, suggest
from dashboard.present.highlight import quote_in_paragraph_html
from dashboard.validation.report import SourceCoverage, Uncovered
from dashboard.web import cache
from dashboard.web import widgets as ui
from dashboard.web.screens.validation import curators_only, problem_block, repairs


def plural(count: int, word: str) -> str:
    """ "1 stub", "2 stubs" (the page counts what each heading lists)."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def _mention(item: Uncovered) -> str:
    return f"“{item.mention.text}” ({item.mention.kind}, line {item.line})"


def _source_label(coverage: SourceCoverage, mine: list[Stub]) -> str:
    """The expander's label: how many uncovered mentions, how many stubs cover them."""
    return (
        f"{coverage.source}: {plural(len(coverage.uncovered), 'uncovered mention')} of {coverage.mentions} "
        f"→ {plural(len(mine), 'stub')}"
    )


def _source_stubs(coverage: SourceCoverage, mine: list[Stub], text: str) -> None:
    """The stubs of one source, each with the mentions it accounts for; a mention no stub covers is named
    with the reason."""
    uncovered = {item.mention.start: item for item in coverage.uncovered}
    if len(mine) < len(uncovered):
        st.caption(
            "One entry accounts for every mention its quoted sentence holds (a figure and the date of its "
            "sentence, say), so there are fewer stubs than mentions; each stub names the mentions it covers."
        )
    for stub in mine:
        st.markdown(ui.md(f"Line {stub.line}: “{stub.mention.text}” ({stub.mention.kind}) → {stub.section}"))
        others = [
            uncovered[start] for start in sorted(stub.covers) if start in uncovered and start != stub.mention.start
        ]
        if others:
            st.caption(ui.md("Also covers " + ", ".join(_mention(item) for item in others) + "."))
        st.html(quote_in_paragraph_html(text, start=stub.mention.start, end=stub.mention.end))
        st.code(stub.render(), language="yaml")
    accounted = {start for stub in mine for start in (stub.mention.start, *stub.covers)}
    left = [item for start, item in sorted(uncovered.items()) if start not in accounted]
    if left:
        st.warning(
            ui.md(
                "No stub for " + ", ".join(_mention(item) for item in left) + ": no entry could be drafted "
                "from its sentence; add an indicator, an event or an exclusion with a reason by hand."
            ),
            icon=":material/edit:",
        )


def render() -> None:
    curators_only()
    report, catalog = ui.require_catalog(banner=False)
    ui.titled("Curation")
    st.title("Curation", anchor=False)
    st.caption(
        ui.message_md(
            "What `indicators suggest` and `indicators fix` would do; copy a stub into the catalog, "
            "fill its TODOs, and the page updates on the next interaction."
        )
    )

    stubs = cache.derived(report).memo("stubs", lambda: suggest(report))
    waiting = [c for c in report.coverage if c.uncovered]
    total = sum(len(c.uncovered) for c in waiting)
    st.header(
        f"{plural(total, 'uncovered mention')}, {plural(len(stubs), 'stub')}" if total else "Uncovered mentions",
        anchor=False,
    )
    if not total:
        st.success(
            "Every numeric and date mention of every source is cited, dated or excluded.", icon=":material/task_alt:"
        )
    for coverage in waiting:
        mine = [s for s in stubs if s.source == coverage.source]
        with st.expander(ui.md(_source_label(coverage, mine)), expanded=len(stubs) <= 20):
            source_text = report.texts.get(coverage.source)
            if source_text is None:
                st.caption("The source's text could not be read, so no stub can quote it.")
                continue
            _source_stubs(coverage, mine, source_text.text)

    problems = [p for p in report.problems if p.severity != INFO]
    st.header(f"{plural(len(problems), 'problem')} and their repairs" if problems else "Problems and their repairs",
              anchor=False)  # fmt: skip
    if not problems:
        st.success("No errors and no warnings.", icon=":material/verified:")
    fixes = repairs(report)
    for problem in problems:
        problem_block(problem, report=report, catalog=catalog, repair=fixes.get(id(problem)), fix_expanded=True)
