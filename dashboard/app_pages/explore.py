"""Explore by theme (`?theme=<id>`): one chart per series, with a table view; a click shows the sentence."""

from __future__ import annotations

import streamlit as st

from dashboard import ui
from dashboard.charts import figures_table, series_alt, series_caption, series_figure
from dashboard.model import Catalog
from dashboard.validate import Report
from dashboard.views import FigureView, figure_views, series_title

ALL = ""


def _theme_changed() -> None:
    ui.set_param("theme", st.session_state.get("explore_theme"))


def _filters(catalog: Catalog, views: list[FigureView]) -> list[FigureView]:
    themes = [ALL, *dict.fromkeys(v.indicator.theme for v in views)]
    wanted = ui.param("theme")
    st.session_state["explore_theme"] = wanted if wanted in themes else ALL
    sources = [ALL, *dict.fromkeys(c.source.id for v in views for c in v.citations)]
    entities = [ALL, *sorted({v.indicator.entity for v in views if v.indicator.entity})]
    left, middle, right = st.columns(3)
    theme = left.selectbox("Theme", themes, key="explore_theme", on_change=_theme_changed,
                           format_func=lambda t: catalog.themes.get(t, t) if t else "All themes")
    source = middle.selectbox("Source", sources, key="explore_source",
                              format_func=lambda s: getattr(catalog.source(s), "title", s) if s else "All sources")
    entity = right.selectbox("Entity", entities, key="explore_entity", format_func=lambda e: e or "All entities")
    return [
        v for v in views
        if (not theme or v.indicator.theme == theme) and (not entity or v.indicator.entity == entity)
        and (not source or any(c.source.id == source for c in v.citations))
    ]  # fmt: skip


def _detail_if_chosen(figures: list[FigureView], chosen: str | None, *, report: Report, catalog: Catalog) -> None:
    for view in figures:
        if view.indicator.id == chosen:
            with st.container(border=True):
                ui.figure_detail(view, report=report, themes=catalog.themes)


@st.fragment
def _charts(figures: list[FigureView], *, report: Report, catalog: Catalog) -> None:
    """Charts and tables; a click reruns only this part and shows the chosen figure under its chart."""
    chosen = ui.selected(state_key="selected", url_key="indicator", valid={v.indicator.id for v in figures})
    groups: dict[str, list[FigureView]] = {}
    for view in figures:
        groups.setdefault(view.indicator.series or ALL, []).append(view)
    for series, members in groups.items():
        if series == ALL:
            continue
        st.subheader(ui.md(series_title(series)), anchor=False)
        chart, table = st.tabs(["Chart", "Table"])
        with chart:
            ui.select_chart(series_figure(series, members, selected=chosen), key=f"chart-{series}",
                            alt=series_alt(members, series_id=series))
        with table:
            ui.select_table(figures_table(members), key=f"table-{series}")
        st.caption(ui.md(series_caption(members)))
        _detail_if_chosen(members, chosen, report=report, catalog=catalog)
    if ALL in groups:
        st.subheader("Other figures", anchor=False)
        st.caption("Figures that belong to no series; select a row to see the sentence.")
        ui.select_table(figures_table(groups[ALL]), key="table-other")
        _detail_if_chosen(groups[ALL], chosen, report=report, catalog=catalog)
    if chosen is None and figures:
        st.info("Click a bar, a point or a table row to see the sentence that states the figure.",
                icon=":material/touch_app:")


report, catalog = ui.require_catalog()
st.title("Explore by theme", anchor=False)
shown = _filters(catalog, list(figure_views(report).values()))
if not shown:
    st.info("No figure matches these filters.", icon=":material/filter_alt_off:")
_charts(shown, report=report, catalog=catalog)
st.subheader("Downloads", anchor=False)
ui.downloads(report)
