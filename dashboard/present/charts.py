"""Plotly figures built from the catalog (pure: no Streamlit), so a new figure in the YAML shows
without code changes. Every trace carries `custom_data=[id]` for drill-down on click.

A series is drawn by its shape: one entity over several periods as points on a time axis; anything
else as horizontal bars, one row per entity with its full label, so that a phone shows them as well as
a desktop (shares on a 0-100 axis). A hedged figure is never drawn as an exact one: bounds and estimates
get their own pattern (bars) or marker (points) and legend entry, and a range is drawn from its low to its
high end (a floating bar, or a point with its span). The selected mark is outlined, never recoloured, so
the legend keeps meaning what it says.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from dashboard.present import timeline
from dashboard.present.views import EventView, FigureView, series_title, source_label
from dashboard.present.wording import status_word, when
from dashboard.text.dates import date_parts
from dashboard.text.mentions import qualifier_group

COLOUR = "#4a6fa5"
OUTLINE = "#111827"
"""The selected mark's outline."""
TEXT = "#1f2937"
"""Every label of a chart: 14.7:1 on white."""
GRID = "#e5e7eb"
FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"
LABEL_CHARS = 22
"""A bar's label is wrapped at this many characters, so a phone keeps it whole."""
BAR_PX = 46

# qualifier group -> (legend label, bar pattern, point marker)
HEDGE_STYLES: dict[str | None, tuple[str, str, str]] = {
    None: ("exact", "", "circle"),
    "lower": ("lower bound (more than, over, at least)", "/", "triangle-up"),
    "upper": ("upper bound (nearly, almost, up to)", "\\", "triangle-down"),
    "approximate": ("approximate (about, some)", ".", "diamond"),
    "range": ("range (between two values)", "x", "line-ew-open"),
}
RANGE = "range"
UNVERIFIED = "unverified"
UNVERIFIED_STYLE = ("not verified: a problem was found, do not quote", "", "x-open")
GREY = "#6b7280"
"""Marks of figures the validator did not verify: 4.8:1 on white, apart from COLOUR."""
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


def mark_label(figure: FigureView, figures: list[FigureView]) -> str:
    """Who or what a mark stands for, with its period in words when another mark of the chart shares it."""
    entity = figure.indicator.entity or figure.indicator.title
    twins = [f for f in figures if (f.indicator.entity or f.indicator.title) == entity]
    if len(twins) > 1 and figure.indicator.period:
        return f"{entity} ({when(figure.indicator.period)})"
    return entity


def _wrapped(label: str) -> str:
    return "<br>".join(textwrap.wrap(label, LABEL_CHARS)) or label


def _bar_label(figure: FigureView, figures: list[FigureView]) -> str:
    """A bar's row label: who or what, and the figure in words under it. On the axis, not on the bar, so
    that no width of screen cuts it off."""
    shown = figure.display if figure.verified else f"{figure.display} (not verified)"
    return f"{_wrapped(mark_label(figure, figures))}<br><b>{_wrapped(shown)}</b>"


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


def _layout(fig: go.Figure, *, title: str, revision: str, height: int | None = None) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 16, "color": TEXT}} if title else None,
        font={"family": FONT, "size": 13, "color": TEXT},
        margin={"l": 10, "r": 10, "t": 70 if title else 36, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "font": {"color": TEXT}},
        plot_bgcolor="white",
        clickmode="event+select",
        dragmode=False,
        hoverlabel={"align": "left"},
        uirevision=revision,
        uniformtext={"minsize": 12, "mode": "show"},  # value labels never shrink below 12 px
        **({"height": height} if height else {}),
    )
    fig.update_xaxes(automargin=True, gridcolor=GRID, tickfont={"color": TEXT})
    fig.update_yaxes(automargin=True, gridcolor=GRID, tickfont={"color": TEXT})
    return fig


def _outline(figures: list[FigureView], selected: str | None) -> list[float]:
    return [3.0 if f.indicator.id == selected else 0.0 for f in figures]


def _members(figures: list[FigureView], group: str | None) -> list[FigureView]:
    """The figures one legend entry stands for: the unverified apart, whatever their qualifier."""
    if group == UNVERIFIED:
        return [f for f in figures if not f.verified]
    verified = [f for f in figures if f.verified]
    if group == RANGE:
        return [f for f in verified if f.indicator.high is not None]
    return [f for f in verified if f.indicator.high is None and qualifier_group(f.indicator.qualifier) == group]


def series_figure(series_id: str, figures: list[FigureView], *, selected: str | None = None) -> go.Figure:
    shape = chart_shape(figures)
    fig = go.Figure()
    top = max((float(f.indicator.high or f.indicator.value) for f in figures), default=0.0)
    for group, (legend, pattern, marker) in [*HEDGE_STYLES.items(), (UNVERIFIED, UNVERIFIED_STYLE)]:
        members = _members(figures, group)
        if not members:
            continue
        colour = GREY if group == UNVERIFIED else COLOUR
        lows = [float(f.indicator.value) for f in members]
        highs = [float(f.indicator.high if f.indicator.high is not None else f.indicator.value) for f in members]
        common = {
            "name": legend,
            "customdata": [[f.indicator.id] for f in members],
            "hovertext": [_hover(f) for f in members],
            "hoverinfo": "text",
            "text": [f.display for f in members],
            "textfont": {"size": 13, "color": TEXT},
        }
        if shape == "trend":
            # a range is drawn from its low to its high end: an error bar around the middle
            middles = [(low + high) / 2 for low, high in zip(lows, highs, strict=True)]
            spread = {
                "type": "data",
                "symmetric": False,
                "array": [h - m for h, m in zip(highs, middles, strict=True)],
                "arrayminus": [m - low for m, low in zip(middles, lows, strict=True)],
                "thickness": 3,
                "width": 8,
            }
            fig.add_trace(go.Scatter(
                x=[_period_start(f.indicator.period or "") for f in members], y=middles,
                mode="markers+text", textposition="top center",
                marker={"symbol": marker, "size": [18 if f.indicator.id == selected else 14 for f in members],
                        "color": colour, "line": {"width": [3 if f.indicator.id == selected else 1 for f in members],
                                                  "color": OUTLINE}},
                error_y=spread if group == RANGE else None,
                **common,
            ))  # fmt: skip
        else:
            fig.add_trace(go.Bar(
                y=[_bar_label(f, figures) for f in members],
                x=[h - low for h, low in zip(highs, lows, strict=True)] if group == RANGE else lows,
                base=lows if group == RANGE else None,
                orientation="h", textposition="none",
                marker={"color": colour, "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "white"},
                        "line": {"width": _outline(members, selected), "color": OUTLINE}},
                **common,
            ))  # fmt: skip
    if shape == "trend":
        fig.update_xaxes(type="date")
        fig.update_yaxes(title=_axis_title(figures), rangemode="tozero")
        return _layout(fig, title="", revision=series_id)
    axis_top = 100.0 if shape == "share" else top * 1.05 or 1.0
    fig.update_xaxes(title=_axis_title(figures), range=[0, axis_top], ticksuffix="%" if shape == "share" else "")
    labels = [_bar_label(f, figures) for f in figures]
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    # no title inside the chart: the page's heading above it names the series
    return _layout(fig, title="", revision=series_id, height=70 + len(figures) * max(BAR_PX, 20 * lines))


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
    items = "; ".join(f"{mark_label(f, figures)}: {f.display}" for f in figures)
    return f"{shape}, {series_title(series_id)}. {items}."


def figures_table(figures: Iterable[FigureView]) -> pd.DataFrame:
    rows = [
        {
            "id": f.indicator.id,
            "figure": f.indicator.title,
            "value": f.display,
            "period": when(f.indicator.period),
            "entity": f.indicator.entity or "",
            "theme": f.indicator.theme,
            "sources": "; ".join(dict.fromkeys(c.source.title for c in f.citations)),
            "status": status_word(f.verified),
        }
        for f in figures
    ]
    columns = ["id", "figure", "value", "period", "entity", "theme", "sources", "status"]  # id: kept out of sight
    return pd.DataFrame(rows, columns=columns)


PRECISION = {1: ("during the year", "diamond-open"), 2: ("during the month", "square"), 3: ("on the day", "circle")}


def timeline_figure(
    events: list[EventView], themes: dict[str, str], *, first: int, last: int, selected: str | None = None
) -> go.Figure:
    """Events of the years first..last on a time axis, one row per theme (a lane more where marks would
    overlap): a day is a point, a month or a year a span with its mark in the middle."""
    placed = timeline.place(events, themes, first=first, last=last)
    rows = timeline.rows(placed)
    y_of = {id(p): rows[p.row][0] + p.lane for p in placed}
    fig = go.Figure()
    spans = [p for p in placed if p.precision < 3]
    if spans:
        xs: list[str | None] = []
        ys: list[float | None] = []
        for p in spans:
            xs += [p.start.isoformat(), p.end.isoformat(), None]
            ys += [y_of[id(p)], y_of[id(p)], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": COLOUR, "width": 4}, opacity=0.45,
                                 hoverinfo="skip", showlegend=False, name="span"))  # fmt: skip
    for precision, (name, marker) in PRECISION.items():
        members = [p for p in placed if p.precision == precision]
        if not members:
            continue
        fig.add_trace(go.Scatter(
            x=[p.mark.isoformat() for p in members], y=[y_of[id(p)] for p in members],
            mode="markers", name=name, customdata=[[p.view.event.id] for p in members],
            hovertext=[f"{p.view.event.date}: {p.view.event.title}" for p in members], hoverinfo="text",
            marker={"symbol": marker, "size": [18 if p.view.event.id == selected else 13 for p in members],
                    "color": COLOUR, "line": {"width": [3 if p.view.event.id == selected else 1 for p in members],
                                              "color": OUTLINE}},
        ))  # fmt: skip
    fig.update_xaxes(type="date", range=[f"{first}-01-01", f"{last}-12-31"])
    centres = {row: y + (lanes - 1) / 2 for row, (y, lanes) in rows.items()}
    fig.update_yaxes(tickvals=list(centres.values()), ticktext=list(centres), autorange="reversed",
                     showgrid=False, zeroline=False, fixedrange=True)  # fmt: skip
    height = 140 + 34 * sum(lanes for _, lanes in rows.values()) + 20 * len(rows)
    # No title inside the chart (the list beside it names the years): on a phone a title and the legend
    # would share the top margin and overlap.
    fig = _layout(fig, title="", revision=f"timeline-{first}-{last}", height=height)
    fig.update_layout(dragmode="zoom")  # drag across the axis to zoom into a span; double-click to zoom out
    fig.update_yaxes(fixedrange=True)
    return fig
