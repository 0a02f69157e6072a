"""Explore by theme (`?theme=<id>`): one chart per series, with a table view; a click shows the sentence."""

from __future__ import annotations

import streamlit as st

from dashboard.catalog.model import Catalog
from dashboard.present.charts import figures_table, series_alt, series_caption, series_figure
from dashboard.present.views import FigureView, series_title
from dashboard.validation.report import Report
from dashboard.web import cache, state, timing
from dashboard.web import widgets as ui

ALL = ""
SERIES_PER_PAGE = 5


def _theme_changed() -> None:
    state.set_param("theme", st.session_state.get("explore_theme"))


def _options(views: list[FigureView]) -> tuple[list[str], list[str], list[str]]:
    themes = [ALL, *dict.fromkeys(v.indicator.theme for v in views)]
    sources = [ALL, *dict.fromkeys(c.source.id for v in views for c in v.citations)]
    entities = [ALL, *sorted({v.indicator.entity for v in views if v.indicator.entity})]
    return themes, sources, entities


def _filters(catalog: Catalog, derived: cache.Derived) -> list[FigureView]:
    views = list(derived.figures.values())
    themes, sources, entities = derived.memo("explore-options", lambda: _options(views))
    wanted = state.param("theme")
    if wanted and wanted not in themes and wanted not in catalog.themes:
        ui.not_found("theme", wanted, then="showing all themes.")
    st.session_state["explore_theme"] = wanted if wanted in themes else ALL
    left, middle, right = st.columns(3)
    theme = left.selectbox(
        "Theme",
        themes,
        key="explore_theme",
        on_change=_theme_changed,
        format_func=lambda t: catalog.themes.get(t, t) if t else "All themes",
    )
    source = middle.selectbox(
        "Source",
        sources,
        key="explore_source",
        format_func=lambda s: getattr(catalog.source(s), "title", s) if s else "All sources",
    )
    entity = right.selectbox("Entity", entities, key="explore_entity", format_func=lambda e: e or "All entities")
    return derived.memo(("explore-shown", theme, source, entity), lambda: [
        v for v in views
        if (not theme or v.indicator.theme == theme) and (not entity or v.indicator.entity == entity)
        and (not source or any(c.source.id == source for c in v.citations))
    ])  # fmt: skip


def _groups(figures: list[FigureView]) -> dict[str, list[FigureView]]:
    groups: dict[str, list[FigureView]] = {}
    for view in figures:
        groups.setdefault(view.indicator.series or ALL, []).append(view)
    return groups


def _page_of_series(series: list[str], *, chosen_series: str | None) -> list[str]:
    """At most SERIES_PER_PAGE charts at once (10,000 figures must not draw 2,000 charts), with a selector
    of the page when there are more; it opens on the page of the chosen figure."""
    if len(series) <= SERIES_PER_PAGE:
        return series
    pages = list(range(0, len(series), SERIES_PER_PAGE))
    if "explore_series_page" not in st.session_state and chosen_series in series:
        st.session_state["explore_series_page"] = series.index(chosen_series) // SERIES_PER_PAGE * SERIES_PER_PAGE
    total = len(series)
    first = st.selectbox(
        "Series",
        pages,
        key="explore_series_page",
        format_func=lambda i: f"Series {i + 1}–{min(i + SERIES_PER_PAGE, total)} of {total}",
    )
    start = first if isinstance(first, int) and 0 <= first < len(series) else 0
    return series[start : start + SERIES_PER_PAGE]


MARKED = "explore_marked_series"  # the series whose chart shows the chosen figure, as last drawn


def _charts(figures: list[FigureView], *, report: Report, catalog: Catalog) -> None:
    """One fragment per series: a click reruns only the chart clicked, not every chart on the page."""
    derived = cache.derived(report)
    key = id(figures)  # the filtered list is memoised per filter, so its identity names it (checked below)
    held, groups, valid = derived.memo(
        ("explore-groups", key), lambda: (figures, _groups(figures), {v.indicator.id: v for v in figures})
    )
    if held is not figures:
        held, groups, valid = figures, _groups(figures), {v.indicator.id: v for v in figures}
    chosen = state.selected(state_key="selected", url_key="indicator", valid=valid)
    st.session_state[MARKED] = None
    if figures:
        st.caption("Click a bar, a point or a table row to see the sentence that states the figure.")
    chosen_series = valid[chosen].indicator.series if chosen else None
    for series in _page_of_series([s for s in groups if s != ALL], chosen_series=chosen_series):
        _series(series, groups[series], valid=valid, report=report, catalog=catalog)
    if ALL in groups:
        _series(ALL, groups[ALL], valid=valid, report=report, catalog=catalog)


@st.fragment
@timing.timed_fragment("explore")
def _series(
    series: str, members: list[FigureView], *, valid: dict[str, FigureView], report: Report, catalog: Catalog
) -> None:
    """A series' chart and table (or the figures of no series, as a table), and the chosen figure's sentence
    under them. When a click here moves the choice away from another series, the whole page reruns so that
    series drops its mark."""
    derived = cache.derived(report)
    chosen = state.selected(state_key="selected", url_key="indicator", valid=valid)
    ids = tuple(v.indicator.id for v in members)
    mark = chosen if chosen in ids else None
    if mark:
        if st.session_state.get(MARKED) not in (None, series):
            st.rerun(scope="app")
        st.session_state[MARKED] = series
    elif st.session_state.get(MARKED) == series:
        st.session_state[MARKED] = None
    if series == ALL:
        st.subheader("Other figures", anchor=False)
        st.caption("Figures that belong to no series; select a row to see the sentence.")
        state.select_table(derived.memo(("figures-table", ALL, ids), lambda: figures_table(members)), key="table-other")
    else:
        st.subheader(ui.md(series_title(series)), anchor=False)
        chart, table = st.tabs(["Chart", "Table"])
        with chart:
            fig, alt = derived.memo(
                ("series-figure", series, ids, mark),
                lambda: (series_figure(series, members, selected=mark), series_alt(members, series_id=series)),
            )
            state.select_chart(fig, key=f"chart-{series}", alt=alt)
        with table:
            state.select_table(
                derived.memo(("figures-table", series, ids), lambda: figures_table(members)), key=f"table-{series}"
            )
        st.caption(ui.md(derived.memo(("series-caption", series, ids), lambda: series_caption(members))))
    if mark:
        with st.container(border=True):
            ui.figure_detail(valid[mark], report=report, themes=catalog.themes)


report, catalog = ui.require_catalog()
st.title("Explore by theme", anchor=False)
asked = state.param("indicator")
if asked and asked not in cache.derived(report).figures:
    ui.not_found("figure", asked, then="click a bar, a point or a table row to choose one.")
shown = _filters(catalog, cache.derived(report))
if not shown:
    st.info("No figure matches these filters.", icon=":material/filter_alt_off:")
_charts(shown, report=report, catalog=catalog)
st.subheader("Downloads", anchor=False)
ui.downloads(report)
