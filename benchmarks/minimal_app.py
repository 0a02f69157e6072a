"""The minimal Streamlit script the dashboard is compared with (benchmarks/bench_app.py): it reads the
same catalog with yaml.CSafeLoader (re-read when its mtime changes) and draws ONE Plotly bar chart of the
same data as the explore page's first chart (the first series), clickable, in a fragment; the same timing
hook as the app (env INDICATORS_TIMINGS). Run: INDICATORS_CATALOG=<yaml> streamlit run benchmarks/minimal_app.py
"""

from __future__ import annotations

import os
from typing import Any

import plotly.graph_objects as go
import streamlit as st
import yaml

from dashboard.web.timing import timed_fragment, timed_run


@st.cache_resource(max_entries=2)
def _series(path: str, mtime_ns: int) -> tuple[str, list[dict[str, Any]]]:
    with open(path, "rb") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    groups: dict[str, list[dict[str, Any]]] = {}
    for indicator in data.get("indicators") or []:
        if indicator.get("series"):
            groups.setdefault(indicator["series"], []).append(indicator)
    first = next(iter(groups), "")
    return first, groups.get(first, [])


@st.fragment
@timed_fragment("minimal")
def _chart(series: str, members: list[dict[str, Any]]) -> None:
    fig = go.Figure(
        go.Bar(
            x=[m.get("entity") or m["title"] for m in members],
            y=[float(m["value"]) for m in members],
            customdata=[[m["id"]] for m in members],
        )
    )
    fig.update_layout(title=series, clickmode="event+select", dragmode=False)
    event = st.plotly_chart(fig, key="chart", on_select="rerun", selection_mode="points", width="stretch")
    points = event["selection"]["points"] if event else []
    st.write(f"Selected: {points[0]['customdata'][0]}" if points else "Click a bar.")


with timed_run() as timing:
    timing["page"] = "minimal"
    path = os.environ["INDICATORS_CATALOG"]
    series, members = _series(path, os.stat(path).st_mtime_ns)
    st.title("Minimal")
    _chart(series, members)
