"""Plotly figures built from the catalog (pure: no Streamlit), so a new figure in the YAML shows
without code changes. Every trace carries `custom_data=[id]` for drill-down on click.

A series is drawn by its shape: shares as bars on a 0-100 axis, one entity over several periods
as points on a time axis, anything else as bars across entities. A hedged figure is never drawn as
an exact one: bounds and estimates get their own pattern (bars) or marker (points) and legend entry,
and a range is drawn from its low to its high end (a floating bar, or a point with its span).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from dashboard.present.views import EventView, FigureView, series_title, source_label
from dashboard.present.wording import status_word
from dashboard.text.dates import date_parts
from dashboard.text.mentions import qualifier_group

COLOUR = "#4a6fa5"
SELECTED = "#c2410c"
FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"

# qualifier group -> (legend label, bar pattern, point marker)
HEDGE_STYLES: dict[str | None, tuple[str, str, str]] = {
    None: ("exact", "", "circle"),
    "lower": ("lower bound (more than, over, at least)", "/", "triangle-up"),
    "upper": ("upper bound (nearly, almost, up to)", "\\", "triangle-down"),
    "approximate": ("approximate (about, some)", ".", "diamond"),
    "range": ("range (between two values)", "x", "line-ew-open"),
}
RANGE = "range"
UNIT_TITLES = {"percent": "per cent", "USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling"}


def chart_shape(figures: list[FigureView]) -> str:
    """`share`, `trend` or `comparison`, from the series' units, entities and periods."""
    if all(f.indicator.unit == "percent" for f in figures):
        return "share"
    entities = {f.indicator.entity for f in figures}
    periods = [f.indicator.period for f in figures]
    if len(figures) > 1 and len(entities) == 1 and all(periods) and len(set(periods)) == len(periods):
        return "trend"
    return "comparison"


def _label(figure: FigureView, figures: list[FigureView]) -> str:
    entity = figure.indicator.entity or figure.indicator.title
    twins = [f for f in figures if (f.indicator.entity or f.indicator.title) == entity]
    if len(twins) > 1 and figure.indicator.period:
        return f"{entity} ({figure.indicator.period})"
    return entity


def _hover(figure: FigureView) -> str:
    sources = "; ".join(dict.fromkeys(c.source.title for c in figure.citations))
    period = figure.indicator.period or "no period stated"
    return f"{figure.indicator.title}<br>{figure.display} · {period}<br>{sources}"


def _period_start(period: str) -> str:
    parts = date_parts(period.partition("/")[0])
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate((*parts, 1, 1)[:3]))


def _axis_title(figures: list[FigureView]) -> str:
    units = list(dict.fromkeys(f.indicator.unit for f in figures))
    return " / ".join(UNIT_TITLES.get(u, u) for u in units)


def _layout(fig: go.Figure, *, title: str, shape: str, y_title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 16}},
        font={"family": FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        plot_bgcolor="white",
        clickmode="event+select",
        dragmode=False,
        hoverlabel={"align": "left"},
        uirevision=title,
    )
    fig.update_yaxes(title=y_title, gridcolor="#e5e7eb", rangemode="tozero", automargin=True)
    if shape == "share":
        fig.update_yaxes(range=[0, 100], ticksuffix="%")
    fig.update_xaxes(automargin=True)
    return fig


def series_figure(series_id: str, figures: list[FigureView], *, selected: str | None = None) -> go.Figure:
    shape = chart_shape(figures)
    fig = go.Figure()
    for group, (legend, pattern, marker) in HEDGE_STYLES.items():
        if group == RANGE:
            members = [f for f in figures if f.indicator.high is not None]
        else:
            members = [
                f for f in figures if f.indicator.high is None and qualifier_group(f.indicator.qualifier) == group
            ]
        if not members:
            continue
        colours = [SELECTED if f.indicator.id == selected else COLOUR for f in members]
        lows = [float(f.indicator.value) for f in members]
        highs = [float(f.indicator.high if f.indicator.high is not None else f.indicator.value) for f in members]
        common = {
            "name": legend,
            "customdata": [[f.indicator.id] for f in members],
            "hovertext": [_hover(f) for f in members],
            "hoverinfo": "text",
            "text": [f.display for f in members],
        }
        # a range is drawn from its low to its high end: an error bar around the middle, or a floating bar
        middles = [(low + high) / 2 for low, high in zip(lows, highs, strict=True)]
        spread = {
            "type": "data",
            "symmetric": False,
            "array": [h - m for h, m in zip(highs, middles, strict=True)],
            "arrayminus": [m - low for m, low in zip(middles, lows, strict=True)],
            "thickness": 3,
            "width": 8,
        }
        if shape == "trend":
            fig.add_trace(go.Scatter(
                x=[_period_start(f.indicator.period or "") for f in members], y=middles,
                mode="markers+text", textposition="top center",
                marker={"symbol": marker, "size": 14, "color": colours, "line": {"width": 1, "color": "#1f2937"}},
                error_y=spread if group == RANGE else None,
                **common,
            ))  # fmt: skip
        else:
            fig.add_trace(go.Bar(
                x=[_label(f, figures) for f in members],
                y=[h - low for h, low in zip(highs, lows, strict=True)] if group == RANGE else lows,
                base=lows if group == RANGE else None,
                textposition="outside", cliponaxis=False,
                marker={"color": colours, "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "white"},
                        "line": {"width": [3 if f.indicator.id == selected else 0 for f in members],
                                 "color": "#1f2937"}},
                **common,
            ))  # fmt: skip
    if shape == "trend":
        fig.update_xaxes(type="date")
    return _layout(fig, title=series_title(series_id), shape=shape, y_title=_axis_title(figures))


def series_caption(figures: list[FigureView]) -> str:
    sources = dict.fromkeys(source_label(c.source) for f in figures for c in f.citations)
    hedged = [f.display for f in figures if f.indicator.qualifier or f.indicator.high is not None]
    note = (
        f" Hedged figures ({'; '.join(hedged)}) are drawn as bounds, estimates or ranges, not exact values."
        if hedged
        else ""
    )
    return f"Sources: {'; '.join(sources)}.{note}"


def series_alt(figures: list[FigureView], *, series_id: str) -> str:
    shape = {"share": "Bar chart of shares", "trend": "Points over time", "comparison": "Bar chart"}[
        chart_shape(figures)
    ]
    items = "; ".join(f"{_label(f, figures)}: {f.display}" for f in figures)
    return f"{shape}, {series_title(series_id)}. {items}."


def figures_table(figures: Iterable[FigureView]) -> pd.DataFrame:
    rows = [
        {
            "id": f.indicator.id,
            "figure": f.indicator.title,
            "value": f.display,
            "period": f.indicator.period or "",
            "entity": f.indicator.entity or "",
            "theme": f.indicator.theme,
            "sources": "; ".join(dict.fromkeys(c.source.title for c in f.citations)),
            "status": status_word(f.verified),
        }
        for f in figures
    ]
    columns = ["id", "figure", "value", "period", "entity", "theme", "sources", "status"]
    return pd.DataFrame(rows, columns=columns)


PRECISION_MARKERS = {1: "diamond-open", 2: "square", 3: "circle"}


def timeline_figure(events: list[EventView], themes: dict[str, str], *, selected: str | None = None) -> go.Figure:
    """Events on a time axis, one row per theme; the marker says how precise the date is."""
    fig = go.Figure()
    for precision, marker in PRECISION_MARKERS.items():
        members = [e for e in events if len(date_parts(e.event.date)) == precision]
        if not members:
            continue
        name = {1: "year known", 2: "month known", 3: "day known"}[precision]
        fig.add_trace(go.Scatter(
            x=[_period_start(e.event.date) for e in members],
            y=[themes.get(e.event.theme, e.event.theme) for e in members],
            mode="markers", name=name, customdata=[[e.event.id] for e in members],
            hovertext=[f"{e.event.date}: {e.event.title}" for e in members], hoverinfo="text",
            marker={"symbol": marker, "size": [18 if e.event.id == selected else 12 for e in members],
                    "color": [SELECTED if e.event.id == selected else COLOUR for e in members],
                    "line": {"width": 1, "color": "#1f2937"}},
        ))  # fmt: skip
    fig.update_xaxes(type="date", gridcolor="#e5e7eb")
    fig.update_yaxes(type="category", gridcolor="#f3f4f6", automargin=True)
    return _layout(fig, title="Timeline of events", shape="timeline", y_title="")
