"""The reader's selection and the page URL: permalinks (`?indicator=…`), and chart and table clicks that
survive a redraw (a redrawn chart clears its own selection, so the choice is kept in the session and the URL)."""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd
import plotly.graph_objects as go
import streamlit as st


def param(name: str) -> str | None:
    """A query parameter of the page URL, or None."""
    value = st.query_params.get(name)
    return value or None


def set_param(name: str, value: str | None) -> None:
    if value:
        st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def selected(*, state_key: str, url_key: str, valid: Collection[str]) -> str | None:
    """The chosen id: the URL's when it names a valid one, else the session's; kept in both."""
    from_url = param(url_key)
    if from_url in valid:
        st.session_state[state_key] = from_url
    chosen = st.session_state.get(state_key)
    if chosen in valid:
        set_param(url_key, chosen)
        return str(chosen)
    return None


def _choose(*, state_key: str, url_key: str, value: object) -> None:
    if value is None or value == "":
        return
    st.session_state[state_key] = str(value)
    st.query_params[url_key] = str(value)


def chart_callback(*, widget_key: str, state_key: str, url_key: str) -> Callable[[], None]:
    """on_select of a chart: the clicked point's custom_data[0] becomes the selection; empty events are ignored
    (redrawing a chart clears its own selection, so the choice is kept in `state_key` and the URL)."""

    def callback() -> None:
        event = st.session_state.get(widget_key)
        points = event["selection"]["points"] if event else []
        if not points:
            return
        data = points[0].get("customdata")
        _choose(state_key=state_key, url_key=url_key, value=data[0] if isinstance(data, list) and data else data)

    return callback


def table_callback(*, widget_key: str, state_key: str, url_key: str, ids: list[str]) -> Callable[[], None]:
    """on_select of a table: the id of the selected row (a position into `ids`) becomes the selection."""

    def callback() -> None:
        event = st.session_state.get(widget_key)
        rows = event["selection"]["rows"] if event else []
        if rows and 0 <= rows[0] < len(ids):
            _choose(state_key=state_key, url_key=url_key, value=ids[rows[0]])

    return callback


def select_chart(
    fig: go.Figure, *, key: str, alt: str, state_key: str = "selected", url_key: str = "indicator"
) -> None:
    """A Plotly chart whose clicked point's custom_data id becomes the selection."""
    st.plotly_chart(
        fig,
        key=key,
        on_select=chart_callback(widget_key=key, state_key=state_key, url_key=url_key),
        selection_mode="points",
        width="stretch",
        alt=alt,
        config={"displayModeBar": False, "scrollZoom": False, "responsive": True},
    )


def select_table(table: pd.DataFrame, *, key: str, state_key: str = "selected", url_key: str = "indicator") -> None:
    """A table (first column `id`) whose clicked row becomes the selection."""
    ids = [str(i) for i in table["id"]]
    callback = table_callback(widget_key=key, state_key=state_key, url_key=url_key, ids=ids)
    st.dataframe(table, key=key, on_select=callback, selection_mode="single-row", hide_index=True, width="stretch")
