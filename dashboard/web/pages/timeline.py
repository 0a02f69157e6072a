"""Timeline (`?theme=`, `?event=`): the catalog's events by date and theme; a click shows the quotation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.catalog.model import Catalog
from dashboard.present.charts import timeline_figure
from dashboard.present.views import EventView
from dashboard.present.wording import status_word
from dashboard.validation.report import Report
from dashboard.web import cache, state, timing
from dashboard.web import widgets as ui

ALL = ""


def _theme_changed() -> None:
    state.set_param("theme", st.session_state.get("timeline_theme"))


def _table(events: list[EventView], themes: dict[str, str]) -> pd.DataFrame:
    rows = [{"id": e.event.id, "date": e.event.date, "event": e.event.title,
             "theme": themes.get(e.event.theme, e.event.theme), "status": status_word(e.verified)}
            for e in events]  # fmt: skip
    return pd.DataFrame(rows, columns=["id", "date", "event", "theme", "status"])


def _alt(events: list[EventView]) -> str:
    return "Timeline of events by theme. " + "; ".join(f"{e.event.date}: {e.event.title}" for e in events)


@st.fragment
@timing.timed_fragment("timeline")
def _events(events: list[EventView], *, report: Report, catalog: Catalog) -> None:
    """Chart, table and the chosen event's quotation; a click reruns only this part."""
    chosen = state.selected(state_key="selected_event", url_key="event", valid={e.event.id for e in events})
    chart, table = st.tabs(["Chart", "Table"])
    with chart:
        state.select_chart(
            timeline_figure(events, catalog.themes, selected=chosen),
            key="timeline-chart",
            alt=_alt(events),
            state_key="selected_event",
            url_key="event",
        )
    with table:
        state.select_table(
            _table(events, catalog.themes), key="timeline-table", state_key="selected_event", url_key="event"
        )
    st.caption("Marker shape: how precisely the source dates the event (day, month or year).")
    by_id = {e.event.id: e for e in events}
    if chosen in by_id:
        with st.container(border=True):
            ui.event_detail(by_id[chosen], report=report, themes=catalog.themes)
    else:
        st.info("Click an event (or a table row) to read its quotation.", icon=":material/touch_app:")


report, catalog = ui.require_catalog()
st.title("Timeline", anchor=False)
every = list(cache.derived(report).events.values())
themes = [ALL, *dict.fromkeys(e.event.theme for e in every)]
wanted = state.param("theme")
if wanted and wanted not in themes and wanted not in catalog.themes:
    ui.not_found("theme", wanted, then="showing all themes.")
asked = state.param("event")
if asked and asked not in cache.derived(report).events:
    ui.not_found("event", asked, then="click an event or a table row to choose one.")
st.session_state["timeline_theme"] = wanted if wanted in themes else ALL
theme = st.selectbox(
    "Theme",
    themes,
    key="timeline_theme",
    on_change=_theme_changed,
    format_func=lambda t: catalog.themes.get(t, t) if t else "All themes",
)
shown = [e for e in every if not theme or e.event.theme == theme]
if shown:
    _events(shown, report=report, catalog=catalog)
else:
    st.info("No event in this theme.", icon=":material/event_busy:")
