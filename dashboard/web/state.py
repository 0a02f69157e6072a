"""The page URL is the reader's state: the selection (`?indicator=`, `?event=`), the filters, the view and the
search all live in its query parameters, so that a link reproduces what the reader saw and the browser's
Back and Forward step through every view they made.

Every change a reader makes is written to the URL by the server (Streamlit then adds one history entry per
change), and every widget takes its value from the URL on each run, so that Back, which reruns the page
with the earlier URL, restores it. Nothing forwards on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st


def param(name: str) -> str | None:
    """A query parameter of the page URL, or None."""
    value = st.query_params.get(name)
    return value or None


def set_param(name: str, value: str | None) -> None:
    if value:
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    elif name in st.query_params:
        del st.query_params[name]


def selected(*, url_key: str, valid: Collection[str]) -> str | None:
    """The id the URL chooses, when it names a valid one."""
    chosen = param(url_key)
    return chosen if chosen in valid else None


_UNSET = object()


def _from_widget(widget_key: str, url_key: str, omit: Any, clears: tuple[str, ...] = ()) -> None:
    for name in clears:
        set_param(name, None)
    value = st.session_state.get(widget_key)
    if value is None or value == omit:
        set_param(url_key, None)
        return
    set_param(url_key, "-".join(str(v) for v in value) if isinstance(value, tuple | list) else str(value))


def url_widget(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[Any],
    *,
    url_key: str,
    default: Any,
    omit: Any = _UNSET,
    parse: Callable[[str], Any] = str,
    clears: tuple[str, ...] = (),
    **kwargs: Any,
) -> Any:
    """`widget` (st.selectbox, st.segmented_control, st.select_slider, or the same method of a container)
    holding the URL's value of `url_key`, writing its changes back there. Without a value in the URL (or
    with one that is no option) it shows `default`; choosing `omit` (by default, `default`) leaves the
    parameter out of the URL, so that a plain link stays plain. A change also drops the `clears` parameters
    (a choice the new value hides)."""
    key = f"url-{url_key}"
    raw = param(url_key)
    try:
        value = parse(raw) if raw is not None else default
    except ValueError:
        value = default
    in_options = value in options if not isinstance(value, tuple) else all(v in options for v in value)
    st.session_state[key] = value if in_options else default
    left_out = default if omit is _UNSET else omit
    return widget(label, options, key=key, on_change=_from_widget, args=(key, url_key, left_out, clears), **kwargs)


def chart_callback(*, widget_key: str, url_key: str) -> Callable[[], None]:
    """on_select of a chart: the clicked point's custom_data[0] becomes the URL's selection; empty events
    (a redrawn chart clears its own selection) are ignored."""

    def callback() -> None:
        event = st.session_state.get(widget_key)
        points = event["selection"]["points"] if event else []
        if not points:
            return
        data = points[0].get("customdata")
        set_param(url_key, str(data[0] if isinstance(data, list) and data else data or ""))

    return callback


def table_callback(*, widget_key: str, url_key: str, ids: list[str]) -> Callable[[], None]:
    """on_select of a table: the id of the selected row (a position into `ids`) becomes the URL's selection."""

    def callback() -> None:
        event = st.session_state.get(widget_key)
        rows = event["selection"]["rows"] if event else []
        if rows and 0 <= rows[0] < len(ids):
            set_param(url_key, ids[rows[0]])

    return callback


def choose(url_key: str, value: str) -> None:
    """on_click of a button that selects `value`."""
    set_param(url_key, value)


def choice_button(label: str, *, url_key: str, value: str, key: str, chosen: bool = False,
                  others: Literal["secondary", "tertiary"] = "secondary", **kwargs: Any) -> None:  # fmt: skip
    """A button that puts `value` in the URL as `url_key` (one history entry); the chosen one is primary."""
    st.button(label, key=key, on_click=choose, args=(url_key, value), type="primary" if chosen else others, **kwargs)


def select_chart(
    fig: go.Figure, *, key: str, alt: str, url_key: str = "indicator", config: dict[str, object] | None = None
) -> None:
    """A Plotly chart whose clicked point's custom_data id becomes the selection; `config` is Plotly's (its
    modebar: charts.image_config), hidden when not given."""
    st.plotly_chart(
        fig,
        key=key,
        on_select=chart_callback(widget_key=key, url_key=url_key),
        selection_mode="points",
        width="stretch",
        alt=alt,
        config=config or {"displayModeBar": False, "scrollZoom": False, "responsive": True},
    )


def select_table(table: pd.DataFrame, *, key: str, url_key: str = "indicator") -> None:
    """A table whose clicked row's `id` (a column kept out of sight) becomes the selection."""
    ids = [str(i) for i in table["id"]]
    callback = table_callback(widget_key=key, url_key=url_key, ids=ids)
    shown = [c for c in table.columns if c != "id"]
    st.dataframe(
        table,
        key=key,
        on_select=callback,
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_order=shown,
    )
