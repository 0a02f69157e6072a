"""Overview: the headline figures as tiles, each one click from the sentence that states it, and a search.

A permalink to the landing URL (`/?indicator=…`, `?event=`, `?source=`, `?theme=`, `?q=`) shows its view
right here, without forwarding: a forward would put the landing URL in the history a second time and trap
the Back button.
"""

from __future__ import annotations

import streamlit as st

from dashboard.catalog.problems import ERROR
from dashboard.present.views import FigureView
from dashboard.present.wording import VERIFIED_MEANS, when
from dashboard.validation.report import Report
from dashboard.web import cache, navigation, state
from dashboard.web import widgets as ui

TILES_PER_ROW = 3


def _tile(view: FigureView, *, sources: str) -> None:
    indicator = view.indicator
    with st.container(border=True, height="stretch"):
        st.markdown(f"**{ui.md(indicator.title)}**")
        ui.big(view.display)
        facts = [when(indicator.period), indicator.entity or ""]
        st.caption(" · ".join(ui.md(f) for f in facts if f) or "No period stated")
        st.caption(f"Source: {ui.md(sources)}")
        ui.badge(verified=view.verified, problems=view.problems, caveats=view.caveats, explain=False)
        st.page_link(
            navigation.FIGURE_PAGE,
            label="Show the sentence",
            icon=":material/format_quote:",
            query_params={"indicator": indicator.id},
        )


def _permalink() -> bool:
    """Show the view a landing-URL permalink names; True when one was shown."""
    from dashboard.web.screens import explore, figure, search, sources, timeline

    for name, screen in (("indicator", figure), ("event", timeline), ("source", sources), ("theme", explore),
                         ("q", search)):  # fmt: skip
        if state.param(name):
            screen.render()
            return True
    return False


def render() -> None:
    if _permalink():
        return
    ui.titled("")
    report, catalog = ui.require_catalog()
    derived = cache.derived(report)
    site = catalog.site
    st.title(ui.md(site.title or ui.APP_NAME), anchor=False)
    st.markdown(
        ui.md(site.description)
        if site.description
        else "Every figure below is stated by a source; open one to read the exact sentence, highlighted in its "
        "paragraph. The validator checks each number against its sentence on every change to the catalog."
    )
    with st.form("overview-search", border=False):
        left, right = st.columns([4, 1], vertical_alignment="bottom")
        query = left.text_input("Search figures, events, quotes and sources", placeholder="e.g. Rosneft, cattle, 2019")
        if right.form_submit_button("Search", icon=":material/search:", width="stretch") and query.strip():
            st.switch_page(navigation.SEARCH_PAGE, query_params={"q": query.strip()})
    st.header("Headline figures", anchor=False)
    st.caption(VERIFIED_MEANS)
    headlines = derived.headlines
    for first in range(0, len(headlines), TILES_PER_ROW):
        row = headlines[first : first + TILES_PER_ROW]
        for column, view in zip(st.columns(TILES_PER_ROW), row, strict=False):
            with column:
                _tile(view, sources="; ".join(dict.fromkeys(c.source.publisher for c in view.citations)))
    st.header("Explore by theme", anchor=False)
    used = derived.themes_used
    links = st.columns(min(4, max(1, len(used))))
    for number, theme in enumerate(used):
        links[number % len(links)].page_link(
            navigation.EXPLORE_PAGE,
            label=ui.md(catalog.themes.get(theme, theme)),
            icon=":material/bar_chart:",
            query_params={"theme": theme},
        )
    st.caption(_summary(report, figures=len(derived.figures)))


def _summary(report: Report, *, figures: int) -> str:
    """What the site holds, in a reader's words: how many figures, events and sources, how many entries are
    not verified, and how many of the numbers and dates in the sources are accounted for."""
    assert report.catalog is not None
    catalog = report.catalog
    said = f"{figures} figures, {len(catalog.events)} dated events and {len(catalog.sources)} sources."
    flagged = report.counts[ERROR]
    if flagged:
        said += f" {flagged} problem(s) found by the validator: the entries concerned are marked Not verified."
    covered, mentions = report.total_coverage
    if mentions:
        said += (
            f" Of the {mentions} numbers and dates in the sources, {covered} are quoted here or set aside "
            "on purpose, each with its reason."
        )
    return said
