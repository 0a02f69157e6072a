"""One figure (`?indicator=<id>`): value, period, note, every citation in context, cite this, its series."""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import series_alt, series_figure
from dashboard.present.exports import file_name
from dashboard.present.views import FigureView, series_title
from dashboard.web import cache, state
from dashboard.web import widgets as ui


def _not_found(ident: str | None, *, views: dict[str, FigureView]) -> None:
    ui.titled("Figures")
    st.title("Figures", anchor=False)
    if ident:
        ui.not_found("figure", ident, then="choose one of these:")
    else:
        st.info("Choose a figure to see the sentence that states it.", icon=":material/format_quote:")
    # Buttons, not page links: a link to the page the reader is on reruns it with the new parameters but
    # leaves the old ones in the address bar; a button writes them (one history entry).
    for view in views.values():
        state.choice_button(
            f"{ui.md(view.indicator.title)} — {ui.md(view.display)}", url_key="indicator", value=view.indicator.id,
            key=f"go-{view.indicator.id}", others="tertiary", icon=":material/format_quote:",
        )  # fmt: skip


def render() -> None:
    report, catalog = ui.require_catalog()
    derived = cache.derived(report)
    views = derived.figures
    ident = state.param("indicator")
    if ident not in views:
        _not_found(ident, views=views)
        return
    view = views[str(ident)]
    ui.titled(view.indicator.title)
    ui.figure_detail(view, report=report, themes=catalog.themes, level=1)
    series = view.indicator.series
    if series:
        figures = derived.series[series]
        st.header(f"In its series: {ui.md(series_title(series))}", anchor=False)
        state.select_chart(
            series_figure(series, figures, selected=view.indicator.id),
            key=f"figure-series-{series}",
            alt=series_alt(figures, series_id=series),
        )
    st.header("Other figures", anchor=False)
    state.url_widget(
        st.selectbox, "Go to a figure", list(views), url_key="indicator", default=None,
        format_func=lambda i: views[i].indicator.title,
    )  # fmt: skip
    st.header("Downloads", anchor=False)
    ui.downloads(report, subset=[view.indicator.id], label="This figure (CSV)",
                 name=file_name("figure", view.indicator.id))  # fmt: skip
