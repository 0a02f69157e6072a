"""Streamlit helpers shared by the pages: the cached report, the broken-catalog panel, permalinks,
selection that survives a redraw, and the safe rendering of figures, events and their quotations.

Text from the catalog or a source reaches the page only escaped: `md` for markdown, captions
and labels, `st.html` of our own escaped HTML for quotes, plain widgets (st.text, st.code, tables).
"""

from __future__ import annotations

import calendar
import os
import re
from collections.abc import Callable, Collection
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.exports import catalog_json, citations_csv, cite_text
from dashboard.highlight import md_escape, quote_in_paragraph_html
from dashboard.load import CatalogUnreadable
from dashboard.model import Catalog
from dashboard.problems import ERROR, Problem
from dashboard.sources import corpus_root
from dashboard.validate import Report, validate_path
from dashboard.views import CitationView, EventView, FigureView

ROOT = Path(__file__).resolve().parent.parent
OVERVIEW_PAGE = "app_pages/overview.py"
EXPLORE_PAGE = "app_pages/explore.py"
FIGURE_PAGE = "app_pages/figure.py"
TIMELINE_PAGE = "app_pages/timeline.py"
SOURCES_PAGE = "app_pages/sources.py"
VALIDATION_PAGE = "app_pages/validation.py"
Stamp = tuple[str, int, int]
# What GFM turns into a link even after escaping (it scans the text nodes): URLs, www. hosts, e-mail addresses.
_AUTOLINK = re.compile(r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _code_span(text: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md(text: str) -> str:
    """Catalog or source text for st.markdown, captions and labels: shown literally, never a link."""
    out, last = [], 0
    for match in _AUTOLINK.finditer(text):
        out += [md_escape(text[last : match.start()]), _code_span(match.group())]
        last = match.end()
    return "".join([*out, md_escape(text[last:])])


def catalog_path() -> Path:
    """The catalog the app shows: env INDICATORS_CATALOG, else indicators.yaml at the repository root."""
    return Path(os.environ.get("INDICATORS_CATALOG") or ROOT / "indicators.yaml")


def _stamps(path: Path) -> tuple[Stamp, ...]:
    """(name, st_mtime_ns, st_size) of the catalog and of every file of its corpus: the cache key."""
    files = [path]
    root = corpus_root(path)
    if root.is_dir():
        files += sorted(p for p in root.rglob("*") if not p.is_dir())
    stamps = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            continue
        stamps.append((str(file), info.st_mtime_ns, info.st_size))
    return tuple(stamps)


@st.cache_resource(show_spinner=False, max_entries=4)
def _validated(path: str, stamps: tuple[Stamp, ...]) -> Report:
    return validate_path(Path(path))


def load_report() -> Report:
    """The validated catalog, revalidated whenever the catalog or a source file changes on disk."""
    path = catalog_path()
    return _validated(str(path), _stamps(path))


def _problem_line(problem: Problem) -> str:
    where = f"{Path(problem.file).name}:{problem.line}:{problem.column}" if problem.line else Path(problem.file).name
    return f"- {md(where)} **{md(problem.code)}** — {md(problem.message)}"


def require_catalog(*, banner: bool = True) -> tuple[Report, Catalog]:
    """The report and its catalog; when the catalog cannot be read, an error panel and st.stop()."""
    try:
        report = load_report()
    except CatalogUnreadable as err:
        st.error(f"**The catalog cannot be read.** {md(str(err))}", icon=":material/error:")
        st.stop()
    if report.catalog is None:
        lines = "\n".join(_problem_line(p) for p in report.problems)
        st.error(f"**The catalog is broken; nothing can be shown until it is fixed.**\n\n{lines}\n\n"
                 "Fix the file and interact with the page: it reloads without a restart.", icon=":material/error:")
        st.stop()
    errors = report.counts[ERROR]
    if banner and errors:
        st.warning(f"{errors} problem(s) in the catalog: the figures they affect are flagged.",
                   icon=":material/warning:")
        st.page_link(VALIDATION_PAGE, label="See the validation report", icon=":material/rule:")
    return report, report.catalog


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
    st.plotly_chart(fig, key=key, on_select=chart_callback(widget_key=key, state_key=state_key, url_key=url_key),
                    selection_mode="points", width="stretch", alt=alt,
                    config={"displayModeBar": False, "scrollZoom": False, "responsive": True})


def select_table(table: pd.DataFrame, *, key: str, state_key: str = "selected", url_key: str = "indicator") -> None:
    """A table (first column `id`) whose clicked row becomes the selection."""
    ids = [str(i) for i in table["id"]]
    callback = table_callback(widget_key=key, state_key=state_key, url_key=url_key, ids=ids)
    st.dataframe(table, key=key, on_select=callback, selection_mode="single-row", hide_index=True, width="stretch")


def badge(*, verified: bool, problems: tuple[Problem, ...] = ()) -> None:
    """Verified (green) or the problem codes (red), as the validator found them."""
    if verified:
        st.badge("Verified", icon=":material/verified:", color="green")
    else:
        codes = ", ".join(dict.fromkeys(p.code for p in problems)) or "not located"
        st.badge(f"Problem: {md(codes)}", icon=":material/error:", color="red")


def _date_words(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return iso


def when(period: str | None) -> str:
    """An ISO period in words: `2000/2021` -> `2000–2021`, `2006/..` -> `since 2006`, `2024-11` -> `November 2024`."""
    if not period:
        return ""
    start, slash, end = period.partition("/")
    if not slash:
        return _date_words(start)
    if end == "..":
        return f"since {_date_words(start)}"
    if start == "..":
        return f"until {_date_words(end)}"
    return f"{_date_words(start)}–{_date_words(end)}"


def _safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("https://", "http://")) else None


def citation_panel(citation: CitationView, *, report: Report, cite: str | None = None) -> None:
    """One citation: its sentence highlighted inside its paragraph, the source, links, a citation text."""
    source = citation.source
    text = report.texts.get(source.id)
    with st.container(border=True):
        if text is not None and citation.start is not None and citation.end is not None:
            st.html(quote_in_paragraph_html(text.text, start=citation.start, end=citation.end,
                                            figure_start=citation.figure_start, figure_end=citation.figure_end))
        else:
            st.warning("This quotation could not be located in its source:", icon=":material/warning:")
            st.text(citation.quote)
        author = source.author if source.author != source.publisher else None
        byline = " · ".join(x for x in (author, source.publisher, source.published) if x)
        st.markdown(f"**{md(source.title)}**  \n{md(byline)}")
        if not citation.verified:
            st.caption("The validator raised a problem with this citation.")
        url = _safe_url(source.url)
        if url:
            st.link_button("Open the source page", url, icon=":material/open_in_new:")
        st.page_link(SOURCES_PAGE, label="Read it in the full text", icon=":material/article:",
                     query_params={"source": source.id})
        if cite:
            st.caption("Cite this")
            st.code(cite, language=None, wrap_lines=True)


def _problems(problems: tuple[Problem, ...]) -> None:
    for problem in problems:
        st.error(f"**{md(problem.code)}** — {md(problem.message)}", icon=":material/error:")


def figure_detail(view: FigureView, *, report: Report, themes: dict[str, str]) -> None:
    """Everything about one figure: value, period, note, status and every citation."""
    indicator = view.indicator
    st.subheader(md(indicator.title), anchor=False)
    badge(verified=view.verified, problems=view.problems)
    st.markdown(f"### {md(view.display)}")
    facts = [f"Period: {when(indicator.period)}" if indicator.period else "", indicator.entity or "",
             themes.get(indicator.theme, indicator.theme)]
    st.caption(" · ".join(md(f) for f in facts if f))
    if indicator.note:
        st.markdown(md(indicator.note))
    _problems(view.problems)
    for citation in view.citations:
        citation_panel(citation, report=report, cite=cite_text(view, citation))


def event_detail(view: EventView, *, report: Report, themes: dict[str, str]) -> None:
    """One event: date, theme, status and every quotation."""
    event = view.event
    st.subheader(md(event.title), anchor=False)
    badge(verified=view.verified, problems=view.problems)
    st.caption(" · ".join(md(f) for f in (when(event.date), themes.get(event.theme, event.theme))))
    _problems(view.problems)
    for citation in view.citations:
        citation_panel(citation, report=report)


def downloads(report: Report) -> None:
    """The citations as CSV and the catalog as JSON."""
    left, right = st.columns(2)
    left.download_button("Citations (CSV)", citations_csv(report), file_name="citations.csv", mime="text/csv",
                         icon=":material/download:", on_click="ignore", width="stretch")
    right.download_button("Catalog (JSON)", catalog_json(report), file_name="catalog.json",
                          mime="application/json", icon=":material/download:", on_click="ignore", width="stretch")
