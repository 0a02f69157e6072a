"""Explore (`?theme=`, `?source=`, `?entity=`, `?view=`, `?page=`, `?indicator=`): one chart (or table) per
series; a click on a bar, a point, a row, a fact or a name in the figure list shows the sentence beside the
chart (under it on a phone, scrolled into view). Every choice is in the URL. Every chart saves as an image
from its modebar (PNG, or SVG chosen under it) and embeds elsewhere: `?series=<id>&embed=true` draws that
one chart, its title and its source note."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

import streamlit as st

from dashboard.catalog.model import Catalog
from dashboard.present.charts import (
    chart_shape,
    embed_snippet,
    fact_rows,
    figures_table,
    image_config,
    mark_label,
    mark_text,
    series_alt,
    series_caption,
    series_figure,
    series_heading,
    source_note,
)
from dashboard.present.exports import file_name
from dashboard.present.views import FigureView, series_title, source_label
from dashboard.validation.report import Report
from dashboard.web import cache, navigation, state, timing
from dashboard.web import widgets as ui

ALL = ""
SERIES_PER_PAGE = 2
"""Charts drawn at once: a browser lays out every chart of a page before it paints the first, so a page
holds what a screen shows (docs: BENCHMARKS.md, explore page to first chart)."""
VIEWS = ["Charts", "Tables"]
NAMED_PAGES = 40
TAP_MAX = 12
MAX_BARS = 20
"""A chart with more bars than this gets no buttons under it (a phone chooses from the figure list)."""


def _narrowed(views: list[FigureView], *, theme: str, source: str, entity: str, skip: str) -> list[FigureView]:
    """The figures every filter but `skip` admits: what the `skip` filter may still offer."""
    return [
        v for v in views
        if (skip == "theme" or not theme or v.indicator.theme == theme)
        and (skip == "entity" or not entity or v.indicator.entity == entity)
        and (skip == "source" or not source or any(c.source.id == source for c in v.citations))
    ]  # fmt: skip


def _filters(catalog: Catalog, derived: cache.Derived) -> tuple[list[FigureView], str]:
    views = list(derived.figures.values())
    chosen = {name: state.param(name) or ALL for name in ("theme", "source", "entity")}
    wanted = chosen["theme"]
    every_theme = {v.indicator.theme for v in views}
    if wanted and wanted not in every_theme and wanted not in catalog.themes:
        ui.not_found("theme", wanted, then="showing all themes.")

    def options(name: str, of: Callable[[FigureView], Iterable[str | None]]) -> list[str]:
        def make() -> list[str]:
            admitted = _narrowed(views, **chosen, skip=name)
            return [ALL, *sorted({x for v in admitted for x in of(v) if x})]

        return derived.memo(("explore-options", name, *chosen.values()), make)

    left, middle, right = st.columns(3)
    theme = state.url_widget(
        left.selectbox, "Theme", options("theme", lambda v: [v.indicator.theme]), url_key="theme", default=ALL,
        format_func=lambda t: catalog.themes.get(t, t) if t else "All themes",
    )  # fmt: skip
    source = state.url_widget(
        middle.selectbox, "Source", options("source", lambda v: [c.source.id for c in v.citations]),
        url_key="source", default=ALL,
        format_func={ALL: "All sources", **{s.id: source_label(s) for s in catalog.sources}}.get,
    )  # fmt: skip
    entity = state.url_widget(
        right.selectbox, "Entity", options("entity", lambda v: [v.indicator.entity]), url_key="entity", default=ALL,
        format_func=lambda e: e or "All entities",
    )  # fmt: skip
    shown = derived.memo(("explore-shown", theme, source, entity),
                         lambda: _narrowed(views, theme=theme, source=source, entity=entity, skip=""))  # fmt: skip
    return shown, theme


def _groups(figures: list[FigureView]) -> dict[str, list[FigureView]]:
    groups: dict[str, list[FigureView]] = {}
    for view in figures:
        groups.setdefault(view.indicator.series or ALL, []).append(view)
    return groups


def _page_of_series(series: list[str], *, chosen_series: str | None) -> list[str]:
    """At most SERIES_PER_PAGE charts at once, with a selector of the page when there are more (`?page=`,
    the index of its first series). A chosen figure's page wins; turning the page drops the choice."""
    if len(series) <= SERIES_PER_PAGE:
        return series
    starts = list(range(0, len(series), SERIES_PER_PAGE))
    at = series.index(chosen_series) if chosen_series is not None and chosen_series in series else None
    home = 0 if at is None else at // SERIES_PER_PAGE * SERIES_PER_PAGE

    def name(start: int) -> str:
        number = f"{start // SERIES_PER_PAGE + 1} of {len(starts)}"
        if len(starts) > NAMED_PAGES:  # a thousand pages named in full would be a megabyte sent to the browser
            return f"Charts {number}"
        return " · ".join(_short(s) for s in series[start : start + SERIES_PER_PAGE]) + f" ({number})"

    first = state.url_widget(
        st.selectbox, "Charts", starts, url_key="page", default=home, clears=("indicator",), format_func=name,
        parse=lambda raw: home if at is not None else int(raw),  # the chosen figure's page over `?page=`
    )  # fmt: skip
    start = first if isinstance(first, int) and 0 <= first < len(series) else 0
    return series[start : start + SERIES_PER_PAGE]


def _short(series: str) -> str:
    return "Other figures" if series == ALL else series_title(series)


MARKED = "explore_marked_series"  # the series whose chart shows the chosen figure, as last drawn


def _figure_list(figures: list[FigureView]) -> None:
    """The figures of the charts in view as a list a keyboard (or a screen reader) can choose from: the
    same selection as a click on a chart."""
    ids = [ALL, *(v.indicator.id for v in figures)]
    titles = {v.indicator.id: f"{v.indicator.title} — {v.display}" for v in figures}
    state.url_widget(
        st.selectbox, "Figure (or click a bar, a point or a table row)", ids, url_key="indicator", default=ALL,
        clears=("page",),
        format_func=lambda i: titles.get(i, "Choose a figure to see its sentence"),
    )  # fmt: skip


def _charts(figures: list[FigureView], *, report: Report, catalog: Catalog, view: str) -> None:
    derived = cache.derived(report)
    key = id(figures)  # the filtered list is memoised per filter, so its identity names it (checked below)
    held, groups, valid = derived.memo(
        ("explore-groups", key), lambda: (figures, _groups(figures), {v.indicator.id: v for v in figures})
    )
    if held is not figures:
        held, groups, valid = figures, _groups(figures), {v.indicator.id: v for v in figures}
    chosen = state.selected(url_key="indicator", valid=valid)
    st.session_state[MARKED] = None
    chosen_series = valid[chosen].indicator.series if chosen else None
    ordered = [s for s in groups if s != ALL] + ([ALL] if ALL in groups else [])  # the other figures last
    shown = _page_of_series(ordered, chosen_series=chosen_series or (ALL if chosen else None))
    _figure_list([view for series in shown for view in groups[series]])
    for series in shown:
        _series(series, groups[series], valid=valid, report=report, catalog=catalog, view=view)


def _drawn(members: list[FigureView], mark: str | None) -> list[FigureView]:
    """The bars a chart draws: all, or MAX_BARS of them around the chosen figure (a chart of a thousand
    bars is neither readable nor quick to draw)."""
    if len(members) <= MAX_BARS:
        return members
    at = next((i for i, v in enumerate(members) if v.indicator.id == mark), 0)
    start = at // MAX_BARS * MAX_BARS
    return members[start : start + MAX_BARS]


def _tap_list(series: str, members: list[FigureView], mark: str | None) -> None:
    """The chart's figures as buttons, shown on narrow screens only (see widgets.STYLE): on a touch screen
    Plotly takes a first tap on a bar for a hover, so a button is what selects in one tap."""
    with st.container(key=f"taps-{series}", gap="small"):
        for view in members:
            state.choice_button(
                ui.md(f"{mark_label(view, members)}: {mark_text(view)}"), url_key="indicator",
                value=view.indicator.id, key=f"tap-{view.indicator.id}", chosen=view.indicator.id == mark,
                width="stretch",
            )  # fmt: skip


def _facts(series: str, members: list[FigureView], mark: str | None) -> None:
    """Ranks, terms, years and single figures as a list of labelled facts, never as bar lengths: each a
    button that chooses it, as a click on a bar does. A printout hides every button, so the same facts are
    also written as a plain list that only paper shows (see widgets.STYLE)."""
    rows = fact_rows(members)
    with st.container(key=f"facts-{series or 'other'}", gap="small"):
        for row in rows:
            state.choice_button(
                ui.md(row.line), url_key="indicator", value=row.id, key=f"fact-{row.id}", chosen=row.id == mark,
                others="tertiary", width="stretch",
            )  # fmt: skip
    with st.container(key=f"print-facts-{series or 'other'}"):
        ui.print_only("<ul>" + "".join(f"<li>{html.escape(row.line)}</li>" for row in rows) + "</ul>")


IMAGE_FORMATS = {"PNG": "png", "SVG": "svg"}


def _image_format(series: str) -> str:
    """The format the chart's camera button saves in, as chosen under it (PNG unless SVG was asked for)."""
    return IMAGE_FORMATS.get(str(st.session_state.get(f"image-format-{series}") or "PNG"), "png")


def _publish(series: str, heading: str) -> None:
    """Under a chart: the image format of its camera button, and the snippet that embeds it elsewhere."""
    with st.popover("Download · Embed", icon=":material/ios_share:"):
        st.segmented_control(
            "The camera button above the chart saves it as", list(IMAGE_FORMATS), key=f"image-format-{series}",
            default="PNG", help="PNG at twice the screen size, or SVG to edit or print at any size.",
        )  # fmt: skip
        url = navigation.permalink(navigation.EXPLORE_PAGE, series=series, embed="true")
        if url is None:
            st.caption("The address of this app is not known here, so no embed code can be made.")
        else:
            st.caption("Embed this chart, its title and its sources in another page:")
            st.code(embed_snippet(url, title=heading), language="html", wrap_lines=True)


def _embedded(series: str, report: Report) -> None:
    """The chrome-less view of one chart (`?series=<id>&embed=true`): its title, the chart, its sources."""
    derived = cache.derived(report)
    members = [v for v in derived.figures.values() if v.indicator.series == series]
    if not members:
        ui.not_found("series", series, then="no chart to show.")
        return
    heading = series_heading(series, members)
    ui.titled(heading)
    st.subheader(ui.md(heading), anchor=False)
    drawn = _drawn(members, None)
    if chart_shape(drawn) == "facts":
        for row in fact_rows(drawn):
            st.markdown(ui.md(row.line))
    else:
        fig = series_figure(series, drawn, title="")
        state.select_chart(fig, key=f"embed-{series}", alt=series_alt(drawn, series_id=series),
                           config=image_config(series))  # fmt: skip
    st.caption(ui.md(source_note(drawn)))


@st.fragment
@timing.timed_fragment("explore")
def _series(
    series: str, members: list[FigureView], *, valid: dict[str, FigureView], report: Report, catalog: Catalog,
    view: str,
) -> None:  # fmt: skip
    """A series' chart (or table), with the chosen figure's sentence beside it. When a click here moves the
    choice away from another series, the whole page reruns so that series drops its mark."""
    derived = cache.derived(report)
    chosen = state.selected(url_key="indicator", valid=valid)
    ids = tuple(v.indicator.id for v in members)
    mark = chosen if chosen in ids else None
    if mark:
        if st.session_state.get(MARKED) not in (None, series):
            st.rerun(scope="app")
        st.session_state[MARKED] = series
    elif st.session_state.get(MARKED) == series:
        st.session_state[MARKED] = None
    title = "Other figures" if series == ALL else series_heading(series, members)
    st.header(ui.md(title), anchor=False)
    as_table = view == "Tables"
    as_facts = not as_table and (series == ALL or chart_shape(members) == "facts")
    drawn = members if as_table or as_facts else _drawn(members, mark)
    chart_side, detail_side = st.columns([3, 2], gap="medium") if mark else (st.container(), None)
    with chart_side:
        if as_table:
            table = derived.memo(("figures-table", series, ids), lambda: figures_table(members))
            state.select_table(table, key=f"table-{series or 'other'}")
        elif as_facts:
            _facts(series, members, mark)
        else:
            fig, alt = derived.memo(
                ("series-figure", series, ids, mark),
                lambda: (series_figure(series, drawn, selected=mark), series_alt(drawn, series_id=series)),
            )
            state.select_chart(
                fig, key=f"chart-{series}", alt=alt, config=image_config(series, image_format=_image_format(series))
            )
            if len(drawn) < len(members):
                first = members.index(drawn[0]) + 1
                st.caption(
                    f"Bars {first}–{first + len(drawn) - 1} of {len(members)}: a figure chosen from the list "
                    "opens its own; Tables lists them all."
                )
            if len(members) <= TAP_MAX:
                _tap_list(series, members, mark)
        shown = tuple(v.indicator.id for v in drawn)
        st.caption(ui.md(derived.memo(("series-caption", series, shown), lambda: series_caption(drawn))))
        if series != ALL and not as_table and not as_facts:
            _publish(series, title)
    if mark and detail_side is not None:
        ui.titled(f"{valid[mark].indicator.title} · Explore")
        with detail_side, st.container(border=True):
            ui.figure_detail(valid[mark], report=report, themes=catalog.themes)
        ui.scroll_into_view(ui.quote_id(mark, 0))


def render() -> None:
    report, catalog = ui.require_catalog()
    embedded = state.param("series")
    if embedded and st.context.is_embedded:  # Streamlit keeps `embed=true` out of st.query_params
        _embedded(embedded, report)
        return
    derived = cache.derived(report)
    st.title("Explore by theme", anchor=False)
    asked = state.param("indicator")
    if asked and asked not in derived.figures:
        ui.not_found("figure", asked, then="click a bar, a point or a table row to choose one.")
    shown, theme = _filters(catalog, derived)
    ui.titled(f"Explore: {catalog.themes.get(theme, theme)}" if theme else "Explore")
    view = state.url_widget(st.segmented_control, "Show", VIEWS, url_key="view", default=VIEWS[0], required=True)
    if not shown:
        st.info("No figure matches these filters.", icon=":material/filter_alt_off:")
    else:
        st.caption("Click a bar, a point or a table row, or choose a figure from the list, to see its sentence.")
    _charts(shown, report=report, catalog=catalog, view=view or VIEWS[0])
    st.header("Downloads", anchor=False)
    chosen = (st.session_state.get(f"url-{name}") for name in ("theme", "source", "entity"))  # as url_widget read
    ui.downloads(report, subset=[v.indicator.id for v in shown], label="This view (CSV)",
                 name=file_name("figures", *chosen))  # fmt: skip
