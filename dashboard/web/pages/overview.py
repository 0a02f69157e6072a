"""Overview: the headline figures as tiles, each one click from the sentence that states it."""

from __future__ import annotations

import streamlit as st

from dashboard.present.views import FigureView
from dashboard.present.wording import when
from dashboard.web import cache, navigation, state
from dashboard.web import widgets as ui

PERMALINKS = {
    "indicator": navigation.FIGURE_PAGE,
    "source": navigation.SOURCES_PAGE,
    "theme": navigation.EXPLORE_PAGE,
    "event": navigation.TIMELINE_PAGE,
}
TILES_PER_ROW = 3


def _follow_permalink() -> None:
    """`/?indicator=…` and the like open their view, so a link works on the landing URL too."""
    for name, page in PERMALINKS.items():
        value = state.param(name)
        if value:
            st.switch_page(page, query_params={name: value})


def _tile(view: FigureView, *, sources: str) -> None:
    indicator = view.indicator
    with st.container(border=True, height="stretch"):
        st.markdown(ui.md(indicator.title))
        st.subheader(ui.md(view.display), anchor=False)
        facts = [when(indicator.period), indicator.entity or ""]
        st.caption(" · ".join(ui.md(f) for f in facts if f) or "No period stated")
        st.caption(f"Source: {ui.md(sources)}")
        ui.badge(verified=view.verified, problems=view.problems)
        st.page_link(
            navigation.FIGURE_PAGE,
            label="Show the sentence",
            icon=":material/format_quote:",
            query_params={"indicator": indicator.id},
        )


_follow_permalink()
report, catalog = ui.require_catalog()
derived = cache.derived(report)
views = derived.figures
st.title("Indicators with exact citations", anchor=False)
st.markdown(
    "Every figure below is stated by a source; open one to read the exact sentence, highlighted in its "
    "paragraph. The validator checks each number against its sentence on every change to the catalog."
)
headlines = derived.headlines
for first in range(0, len(headlines), TILES_PER_ROW):
    row = headlines[first : first + TILES_PER_ROW]
    for column, view in zip(st.columns(TILES_PER_ROW), row, strict=False):
        with column:
            _tile(view, sources="; ".join(dict.fromkeys(c.source.publisher for c in view.citations)))

st.subheader("Explore by theme", anchor=False)
used = derived.themes_used
links = st.columns(min(4, max(1, len(used))))
for number, theme in enumerate(used):
    links[number % len(links)].page_link(
        navigation.EXPLORE_PAGE,
        label=ui.md(catalog.themes.get(theme, theme)),
        icon=":material/bar_chart:",
        query_params={"theme": theme},
    )
covered, mentions = report.total_coverage
st.caption(
    f"{len(views)} figures, {len(catalog.events)} events and {len(catalog.sources)} sources; "
    f"{report.counts['error']} errors, {report.counts['warning']} warnings; "
    f"coverage {covered}/{mentions} numeric mentions."
)
