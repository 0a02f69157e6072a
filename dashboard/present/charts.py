"""Plotly figures built from the catalog (pure: no Streamlit), so a new figure in the YAML shows
without code changes. Every trace carries `custom_data=[id]` for drill-down on click.

A series is drawn by its shape: one entity over several periods as points on a time axis; ranks,
durations, years and single figures as labelled facts (a list, never bar heights: an "80th" is no
quantity and two equal terms are no comparison); anything else as horizontal bars, one row per entity with
its full label, so that a phone shows them as well as a desktop (shares on a 0-100 axis). A part is drawn
inside its whole, never beside it. Every mark says its value and its period, and every chart carries its
sources in a note that a downloaded image keeps. A hedged figure is never drawn as an exact one: bounds and estimates
get their own pattern (bars) or marker (points) and legend entry, a lower bound an arrow beyond its end,
and a range is drawn from its low to its high end (a floating bar, or a point with its span). The
selected mark is outlined, never recoloured, so the legend keeps meaning what it says.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
import plotly.graph_objects as go

from dashboard.catalog.model import Source
from dashboard.present import timeline
from dashboard.present.views import EventView, FigureView, series_title
from dashboard.present.wording import date_words, status_word, when
from dashboard.text.dates import date_parts
from dashboard.text.mentions import qualifier_group
from dashboard.text.units import parse_unit

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
FACT_KINDS = ("ordinal", "duration", "year")
"""Unit kinds that are no quantity to compare by length: a rank, a term, a date."""
WHOLE_COLOUR = "#c9d6ea"
"""A whole behind the part drawn inside it: light, so the darker part reads as within it."""
PART_COLOUR = "#1e3a5f"
"""A part inside its whole: 11:1 on white, 7:1 on the whole's colour."""
PART_NAME = "part (drawn inside the figure it belongs to)"
WHOLE_NAME = "whole (the lighter bar around a part)"
FOOT_PX = 16
"""Height of one line of the note under a chart."""
NOTE_CHARS = 34
"""The note under a chart is wrapped at this many characters, so a phone's image keeps it whole."""
FOOT_SHIFT = 64
"""How far under the plot the note starts: below the tick labels and the axis title."""
EMBED_HEIGHT = 520


def chart_shape(figures: list[FigureView]) -> str:
    """`facts`, `share`, `trend` or `comparison`, from the series' units, entities and periods."""
    if len(figures) < 2 or any(parse_unit(f.indicator.unit).kind in FACT_KINDS for f in figures):
        return "facts"
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


def mark_text(figure: FigureView) -> str:
    """A mark's label: its value in words and its period, "5.9 million people (2022)"; a figure no source
    states says it is worked out, "10%, worked out (2000–2021)", beside the stated ones of its chart."""
    shown = figure.display if figure.verified else f"{figure.display} (not verified)"
    if figure.indicator.derived is not None:
        shown += ", worked out"
    return f"{shown} ({when(figure.indicator.period)})" if figure.indicator.period else shown


def periods_differ(figures: list[FigureView]) -> bool:
    """True when the marks differ in period and in entity: a comparison across both, which a reader must be
    told of (the catalog's series-mixed warning names it; the drawing says it until it is fixed)."""
    periods = {f.indicator.period for f in figures}
    entities = {f.indicator.entity or f.indicator.title for f in figures}
    return len(periods) > 1 and len(entities) > 1 and chart_shape(figures) != "trend"


def series_heading(series_id: str, figures: list[FigureView]) -> str:
    """A chart's title, with "periods differ" when its marks compare different entities at different times."""
    title = series_title(series_id)
    return f"{title} (periods differ)" if periods_differ(figures) else title


def _source_words(source: Source) -> str:
    published = date_words(source.published) + (", date inferred" if source.published_inferred else "")
    return f"{source.publisher}, “{source.title}” ({published})"


def source_note(figures: Iterable[FigureView]) -> str:
    """The note under a chart: "Source: <publisher>, “<title>” (<date>)", each distinct source once."""
    sources = list(dict.fromkeys(_source_words(c.source) for f in figures for c in f.citations))
    if not sources:
        return ""
    return f"{'Sources' if len(sources) > 1 else 'Source'}: {'; '.join(sources)}"


@dataclass(frozen=True)
class FactRow:
    """A figure shown as a labelled fact, not as a mark whose length would compare it."""

    id: str
    title: str
    value: str
    """In words, with its qualifier and unit: "80th", "10 years", "more than 8 million people"."""
    period: str
    source: str

    @property
    def line(self) -> str:
        """title — value — period — source, the row as one line."""
        return " — ".join(part for part in (self.title, self.value, self.period, self.source) if part)


def fact_rows(figures: Iterable[FigureView]) -> list[FactRow]:
    """The figures of a chart of facts, one row each."""
    return [
        FactRow(
            id=f.indicator.id,
            title=f.indicator.title,
            value=f.display if f.verified else f"{f.display} (not verified)",
            period=when(f.indicator.period) or "no period stated",
            source="; ".join(dict.fromkeys(f"{c.source.publisher}, “{c.source.title}”" for c in f.citations))
            or ("worked out from other figures" if f.indicator.derived is not None else ""),
        )
        for f in figures
    ]


def embed_snippet(url: str, *, title: str, height: int = EMBED_HEIGHT) -> str:
    """An `<iframe>` that shows one chart elsewhere; every attribute value escaped."""
    return (
        f'<iframe src="{html.escape(url, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'width="100%" height="{int(height)}" style="border:0" loading="lazy"></iframe>'
    )


def image_config(series_id: str, *, image_format: str = "png") -> dict[str, object]:
    """Plotly's configuration for a chart: the modebar with only its image button, saving `<series>.png` at
    twice the size (or `<series>.svg`), so a journalist's copy stays sharp."""
    return {
        "displayModeBar": True,
        "displaylogo": False,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": image_format, "filename": series_id or "figures", "scale": 2},
        "scrollZoom": False,
        "responsive": True,
    }


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return f"{int(value):,}" if value == value.to_integral_value() else text


def _remainder(part: FigureView, whole: FigureView) -> str | None:
    """The rest of a whole beside its part, "other than Russia: 10%", when both are exact and alike."""
    if part.indicator.unit != whole.indicator.unit or part.indicator.high or whole.indicator.high:
        return None
    if part.indicator.qualifier or whole.indicator.qualifier:
        return None
    rest = whole.indicator.value - part.indicator.value
    if rest < 0:
        return None
    unit = "%" if whole.indicator.unit == "percent" else f" {whole.indicator.unit}"
    return f"other than {part.indicator.entity or part.indicator.title}: {_number(rest)}{unit}"


def _wrapped(label: str) -> str:
    """A label for Plotly, which reads tags in text: wrapped, then each line escaped."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(label, LABEL_CHARS)) or html.escape(label)


def _bar_label(figure: FigureView, figures: list[FigureView], *, prefix: str = "") -> str:
    """A bar's row label: who or what, and the figure in words under it. On the axis, not on the bar, so
    that no width of screen cuts it off."""
    return f"{_wrapped(prefix + mark_label(figure, figures))}<br><b>{_wrapped(mark_text(figure))}</b>"


def _row_label(figure: FigureView, figures: list[FigureView], parts: dict[str, list[FigureView]]) -> str:
    """The row of a bar; a whole's row names the parts drawn inside it too."""
    label = _bar_label(figure, figures)
    held = parts.get(figure.indicator.id, [])
    return "<br>".join([label, *(_bar_label(part, figures, prefix="of which ") for part in held)])


def _hover(figure: FigureView) -> str:
    sources = "; ".join(dict.fromkeys(c.source.title for c in figure.citations))
    period = figure.indicator.period or "no period stated"
    return "<br>".join(html.escape(line) for line in (figure.indicator.title, f"{figure.display} · {period}", sources))


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


def _group_of(figure: FigureView) -> str | None:
    if not figure.verified:
        return UNVERIFIED
    if figure.indicator.high is not None:
        return RANGE
    return qualifier_group(figure.indicator.qualifier)


def parts_within(figures: list[FigureView]) -> dict[str, list[FigureView]]:
    """Whole id -> the figures of the chart that are part of it (`part_of`), each drawn inside it."""
    ids = {f.indicator.id for f in figures}
    found: dict[str, list[FigureView]] = {}
    for figure in figures:
        whole = figure.indicator.part_of
        if whole in ids and whole != figure.indicator.id:
            found.setdefault(whole, []).append(figure)
    return found


WHOLE_BAND = 0.8
"""A whole's bar, as a share of its row's height."""


def _slices(inner: list[FigureView], parts: dict[str, list[FigureView]]) -> tuple[list[float], list[float]]:
    """Each part's bar width and offset: half the whole's band for a lone part, centred; for several, an
    equal slice of the band each, top to bottom."""
    widths: list[float] = []
    offsets: list[float] = []
    for part in inner:
        siblings = parts[part.indicator.part_of or ""]
        slot = WHOLE_BAND / len(siblings)
        width = WHOLE_BAND / 2 if len(siblings) == 1 else slot * 0.75
        at = [s.indicator.id for s in siblings].index(part.indicator.id)
        widths.append(width)
        offsets.append(-WHOLE_BAND / 2 + at * slot + (slot - width) / 2)
    return widths, offsets


def _nested(fig: go.Figure, figures: list[FigureView], parts: dict[str, list[FigureView]],
            rows: dict[str, str], selected: str | None) -> None:  # fmt: skip
    """Each whole as a wide light bar, its parts as narrower dark bars inside it on the same row, and the
    rest of the whole named past its end. Parts of one whole lie side by side across the whole's band, in
    the order the row's label names them: drawn over each other, a small part would hide inside a larger
    one (and two parts need not be apart, so they are not stacked end to end)."""
    wholes = [f for f in figures if f.indicator.id in parts]
    inner = [p for w in wholes for p in parts[w.indicator.id]]
    for members, name, colour in ((wholes, WHOLE_NAME, WHOLE_COLOUR), (inner, PART_NAME, PART_COLOUR)):
        widths, offsets = _slices(members, parts) if name == PART_NAME else ([WHOLE_BAND] * len(members), None)
        fig.add_trace(go.Bar(
            y=[rows[f.indicator.part_of if name == PART_NAME and f.indicator.part_of else f.indicator.id]
               for f in members],
            x=[float(f.indicator.value) for f in members], width=widths, offset=offsets, name=name,
            orientation="h", textposition="none", text=[mark_text(f) for f in members],
            customdata=[[f.indicator.id] for f in members], hovertext=[_hover(f) for f in members], hoverinfo="text",
            marker={"color": colour, "line": {"width": _outline(members, selected), "color": OUTLINE},
                    "pattern": {"shape": [HEDGE_STYLES.get(_group_of(f), HEDGE_STYLES[None])[1] for f in members],
                                "fillmode": "overlay", "fgcolor": "white"}},
        ))  # fmt: skip
    for whole in wholes:
        held = parts[whole.indicator.id]
        rest = _remainder(held[0], whole) if len(held) == 1 else None
        if rest:
            fig.add_annotation(x=float(whole.indicator.value), y=rows[whole.indicator.id], text=html.escape(rest),
                               xanchor="left", showarrow=False, font={"color": TEXT, "size": 12},
                               xshift=6, name=f"rest-{whole.indicator.id}")  # fmt: skip


def _bounds(fig: go.Figure, figures: list[FigureView], rows: dict[str, str], top: float) -> None:
    """A lower bound's bar is open-ended: an arrow beyond its end and "more than …" on it; an upper bound's
    bar says "nearly …" on it. The label sits on a white box, readable over the bar's hatch."""
    for figure in figures:
        group = qualifier_group(figure.indicator.qualifier) if figure.indicator.high is None else None
        if group not in ("lower", "upper"):
            continue
        row = rows.get(figure.indicator.id) or rows.get(figure.indicator.part_of or "")
        if row is None:
            continue
        end = float(figure.indicator.value)
        box = {"bgcolor": "white", "bordercolor": TEXT, "borderpad": 2, "font": {"color": TEXT, "size": 11}}
        text = html.escape(figure.display)  # its period is on the row's label: a phone's short bar holds this
        if group == "lower":
            fig.add_annotation(x=end + top * 0.12, y=row, ax=end, ay=row,
                               axref="x", ayref="y", showarrow=True, arrowhead=2, arrowsize=1.4, arrowwidth=3,
                               arrowcolor=TEXT, text="", name=f"open-{figure.indicator.id}")  # fmt: skip
        fig.add_annotation(x=end, y=row, text=text, showarrow=False, xanchor="right",
                           xshift=-6, name=f"bound-{figure.indicator.id}", **box)  # fmt: skip


def _footnote(fig: go.Figure, title: str, figures: list[FigureView]) -> int:
    """The chart's title and source note as an annotation under it, so a downloaded image carries both;
    returns the pixels it needs."""
    note = source_note(figures)
    lines = [f"<b>{html.escape(line)}</b>" for line in textwrap.wrap(title, NOTE_CHARS)]
    lines += [html.escape(line) for line in textwrap.wrap(note, NOTE_CHARS)]
    if not lines:
        return 0
    fig.add_annotation(text="<br>".join(lines), xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       yshift=-FOOT_SHIFT, showarrow=False, align="left", font={"size": 11, "color": TEXT},
                       name="source-note")  # fmt: skip
    return FOOT_SHIFT + FOOT_PX * len(lines)


def series_figure(
    series_id: str, figures: list[FigureView], *, selected: str | None = None, title: str | None = None
) -> go.Figure:
    """A series' chart; `title` (default: the series' heading) goes into the note under it with the sources."""
    shape = chart_shape(figures)
    heading = series_heading(series_id, figures) if title is None else title
    fig = go.Figure()
    parts = parts_within(figures) if shape != "trend" else {}
    nested = {f.indicator.id for ps in parts.values() for f in ps} | set(parts)
    plain = [f for f in figures if f.indicator.id not in nested]
    inside = nested - set(parts)
    rows = {f.indicator.id: _row_label(f, figures, parts) for f in figures if f.indicator.id not in inside}
    top = max((float(f.indicator.high or f.indicator.value) for f in figures), default=0.0)
    for group, (legend, pattern, marker) in [*HEDGE_STYLES.items(), (UNVERIFIED, UNVERIFIED_STYLE)]:
        members = _members(plain, group)
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
            "text": [mark_text(f) for f in members],
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
                y=[rows[f.indicator.id] for f in members],
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
        foot = _footnote(fig, heading, figures)
        fig = _layout(fig, title="", revision=series_id, height=420 + foot)
        fig.update_layout(margin={"b": 10 + foot})
        return fig
    if parts:
        _nested(fig, figures, parts, rows, selected)
    _bounds(fig, figures, rows, top)
    open_ended = any(qualifier_group(f.indicator.qualifier) == "lower" and f.indicator.high is None for f in figures)
    room = 1.35 if parts else 1.2 if open_ended else 1.05  # past a whole, its rest's label; past a bound, its arrow
    axis_top = 100.0 if shape == "share" else (top * room) or 1.0
    fig.update_xaxes(title=_axis_title(figures), range=[0, axis_top], ticksuffix="%" if shape == "share" else "")
    labels = list(dict.fromkeys(rows.values()))
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    foot = _footnote(fig, heading, figures)
    # the page's heading above the chart names the series; the note under it repeats it for a download
    fig = _layout(fig, title="", revision=series_id, height=70 + len(labels) * max(BAR_PX, 20 * lines) + foot)
    fig.update_layout(barmode="overlay", margin={"b": 10 + foot})
    return fig


def series_caption(figures: list[FigureView]) -> str:
    """The note under a chart: its sources, and which figures are drawn as bounds, estimates or ranges."""
    hedged = [f.display for f in figures if f.indicator.qualifier or f.indicator.high is not None]
    note = (
        f" Hedged figures ({'; '.join(hedged)}) are drawn as bounds, estimates or ranges, not exact values."
        if hedged
        else ""
    )
    worked = [f.display for f in figures if f.indicator.derived is not None]
    if worked:
        note += f" Worked out from other figures, not stated by a source: {'; '.join(worked)}."
    return f"{source_note(figures)}.{note}".lstrip(".").strip()


def series_alt(figures: list[FigureView], *, series_id: str) -> str:
    shape = {
        "share": "Bar chart of shares",
        "trend": "Points over time",
        "comparison": "Bar chart",
        "facts": "List of figures",
    }[chart_shape(figures)]
    items = "; ".join(f"{mark_label(f, figures)}: {mark_text(f)}" for f in figures)
    within = "; ".join(
        f"{p.indicator.entity or p.indicator.title} is part of {w}"
        for w, ps in parts_within(figures).items()
        for p in ps
    )
    return f"{shape}, {series_heading(series_id, figures)}. {items}." + (f" {within}." if within else "")


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
