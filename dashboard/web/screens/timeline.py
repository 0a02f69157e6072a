"""Timeline (`?theme=`, `?from=2024&to=2025`, `?event=`): the catalog's events in the years chosen (by
default the most recent span that holds half of them), on a chart and in a list beside it; a click on a
mark or a title shows the quotation. Every choice is in the URL."""

from __future__ import annotations

import streamlit as st

from dashboard.catalog.model import Catalog
from dashboard.present import timeline
from dashboard.present.charts import timeline_figure
from dashboard.present.views import EventView
from dashboard.present.wording import date_words
from dashboard.validation.report import Report
from dashboard.web import cache, state, timing
from dashboard.web import widgets as ui

ALL = ""
LISTED = 60
"""Events listed at once beside the chart; the range control narrows a longer list."""
LONG_LIST = 16


def _alt(events: list[EventView]) -> str:
    return "Timeline of events by theme. " + "; ".join(f"{e.event.date}: {e.event.title}" for e in events)


def _listed(placed: list[timeline.Placed], chosen: str | None, *, first: int, last: int) -> None:
    """Every event of the chart by date, a button each: what a phone reads and a keyboard chooses."""
    years = f"{first}–{last}" if first != last else str(first)
    count = f"{len(placed)} events" if len(placed) != 1 else "1 event"
    st.markdown(f"**{count}, {years}**" + (f" (the first {LISTED})" if len(placed) > LISTED else ""))
    for item in placed[:LISTED]:
        event = item.view.event
        label = f"{date_words(event.date)} — {event.title}"
        state.choice_button(
            ui.md(label), url_key="event", value=event.id, key=f"event-{event.id}", chosen=event.id == chosen,
            others="tertiary", width="stretch",
        )  # fmt: skip


@st.fragment
@timing.timed_fragment("timeline")
def _events(events: list[EventView], *, report: Report, catalog: Catalog, first: int, last: int) -> None:
    """Chart, list and the chosen event's quotation; a click reruns only this part."""
    chosen = state.selected(url_key="event", valid={e.event.id for e in events})
    derived = cache.derived(report)
    ids = tuple(e.event.id for e in events)
    placed = derived.memo(("timeline-placed", ids, first, last),
                          lambda: timeline.place(events, catalog.themes, first=first, last=last))  # fmt: skip
    chart_side, list_side = st.columns([3, 2], gap="medium")
    with chart_side:
        state.select_chart(
            timeline_figure(events, catalog.themes, first=first, last=last, selected=chosen),
            key="timeline-chart",
            alt=_alt(events),
            url_key="event",
        )
        st.caption(
            "A point is an event dated to the day; a span with a mark in its middle, one the source dates only "
            "to the month (square) or the year (open diamond). Drag across the chart to zoom, double-click to "
            "zoom out."
        )
    # A short list is shown whole; a long one scrolls in a box of the chart's height.
    with (
        list_side,
        st.container(height=640 if len(placed) > LONG_LIST else "content", border=False, key="timeline-list"),
    ):
        _listed(placed, chosen, first=first, last=last)
    by_id = {e.event.id: e for e in events}
    if chosen in by_id:
        ui.titled(f"{by_id[chosen].event.title} · Timeline")
        with st.container(border=True):
            ui.event_detail(by_id[chosen], report=report, themes=catalog.themes, level=2)
        ui.scroll_into_view(ui.quote_id(chosen, 0))
    else:
        st.info("Click an event, on the chart or in the list, to read its quotation.", icon=":material/touch_app:")


def render() -> None:
    report, catalog = ui.require_catalog()
    ui.titled("Timeline")
    st.title("Timeline", anchor=False)
    every = list(cache.derived(report).events.values())
    themes = [ALL, *dict.fromkeys(e.event.theme for e in every)]
    wanted = state.param("theme")
    if wanted and wanted not in themes and wanted not in catalog.themes:
        ui.not_found("theme", wanted, then="showing all themes.")
    asked = state.param("event")
    if asked and asked not in cache.derived(report).events:
        ui.not_found("event", asked, then="click an event on the chart or in the list to choose one.")
    left, middle, right = st.columns([2, 1, 1])
    theme = state.url_widget(
        left.selectbox, "Theme", themes, url_key="theme", default=ALL,
        format_func=lambda t: catalog.themes.get(t, t) if t else "All themes",
    )  # fmt: skip
    in_theme = [e for e in every if not theme or e.event.theme == theme]
    years = timeline.years_of(every)
    if not years:
        st.info("No event in the catalog.", icon=":material/event_busy:")
        return
    asked_event = cache.derived(report).events.get(asked or "")
    default = timeline.recent_years(in_theme or every)
    if asked_event is not None:  # a link to an event opens the years that hold it
        year = int(asked_event.event.date[:4])
        default = (min(default[0], year), max(default[1], year))
    every_year = list(range(years[0], years[-1] + 1))
    first = state.url_widget(middle.selectbox, "From", every_year, url_key="from", default=default[0], parse=int)
    last = state.url_widget(right.selectbox, "To", every_year, url_key="to", default=default[1], parse=int)
    if last < first:
        st.info(f"“From” {first} is after “To” {last}: showing {last}–{first}.", icon=":material/swap_horiz:")
        first, last = last, first
    if theme and state.param("from") is None and asked_event is None:
        st.caption(f"Showing the theme's most recent years, {first}–{last}; choose others above.")
    shown = timeline.in_years(in_theme, first, last)
    if shown:
        _events(shown, report=report, catalog=catalog, first=first, last=last)
    else:
        st.info("No event in these years for this theme.", icon=":material/event_busy:")
