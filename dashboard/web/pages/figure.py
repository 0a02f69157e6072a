"""One figure (`?indicator=<id>`): value, period, note, every citation in context, cite this, downloads."""

from __future__ import annotations

import streamlit as st

from dashboard.present.charts import series_alt, series_figure
from dashboard.present.views import FigureView
from dashboard.web import cache, navigation, state
from dashboard.web import widgets as ui


def _not_found(ident: str | None, *, views: dict[str, FigureView]) -> None:
    st.title("Figures", anchor=False)
    if ident:
        ui.not_found("figure", ident, then="choose one of these:")
    else:
        st.info("Choose a figure to see the sentence that states it.", icon=":material/format_quote:")
    for view in views.values():
        st.page_link(
            navigation.FIGURE_PAGE,
            label=f"{ui.md(view.indicator.title)} — {ui.md(view.display)}",
            query_params={"indicator": view.indicator.id},
        )


def _switch() -> None:
    state.set_param("indicator", st.session_state.get("figure_pick"))


report, catalog = ui.require_catalog()
derived = cache.derived(report)
views = derived.figures
ident = state.param("indicator")
if ident not in views:
    _not_found(ident, views=views)
    st.stop()
view = views[str(ident)]
state.set_param("indicator", view.indicator.id)  # a link to this page with new parameters leaves the old ones shown
st.session_state["figure_pick"] = view.indicator.id
st.selectbox(
    "Figure", list(views), key="figure_pick", on_change=_switch, format_func=lambda i: views[i].indicator.title
)
ui.figure_detail(view, report=report, themes=catalog.themes)
series = view.indicator.series
if series:
    figures = derived.series[series]
    st.subheader("In its series", anchor=False)
    state.select_chart(
        series_figure(series, figures, selected=view.indicator.id),
        key=f"figure-series-{series}",
        alt=series_alt(figures, series_id=series),
        state_key="figure_series_pick",
    )
st.subheader("Downloads", anchor=False)
ui.downloads(report)
