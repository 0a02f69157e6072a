"""Streamlit helpers shared by the pages: the cached report, the broken-catalog panel, permalinks,
selection that survives a redraw, and the safe rendering of figures, events and their quotations.

Text from the catalog or a source reaches the page only escaped: `md` for markdown, captions
and labels, `st.html` of our own escaped HTML for quotes, plain widgets (st.text, st.code, tables).
"""

from __future__ import annotations

import calendar
import functools
import gc
import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.catalog.load import CatalogUnreadable
from dashboard.catalog.model import Catalog
from dashboard.catalog.problems import ERROR, Problem
from dashboard.catalog.sources import corpus_root
from dashboard.present.exports import catalog_json, citations_csv, cite_text
from dashboard.present.highlight import md_escape, quote_in_paragraph_html
from dashboard.present.views import CitationView, EventView, FigureView, event_views, figure_views, headline_ids
from dashboard.validation.validate import Report, validate_path

ROOT = Path(__file__).resolve().parent.parent.parent
OVERVIEW_PAGE = "web/pages/overview.py"
EXPLORE_PAGE = "web/pages/explore.py"
FIGURE_PAGE = "web/pages/figure.py"
TIMELINE_PAGE = "web/pages/timeline.py"
SOURCES_PAGE = "web/pages/sources.py"
VALIDATION_PAGE = "web/pages/validation.py"
Stamp = tuple[str, int, int]
TIMINGS_ENV = "INDICATORS_TIMINGS"
F = TypeVar("F", bound=Callable[..., Any])
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


_timing = threading.local()  # set while a full script run is timed, so a fragment called inside it is not logged


def _log_timing(file: str, page: str, kind: str, started: float) -> None:
    line = {"page": page, "kind": kind, "ms": round((time.perf_counter() - started) * 1000.0, 3), "t": time.time()}
    with open(file, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


@contextmanager
def timed_run() -> Iterator[dict[str, str]]:
    """Time one script run when env INDICATORS_TIMINGS names a file: one JSON line {page, kind: full, ms, t}.
    The caller sets `timing["page"]`. Unset, it costs one environment lookup."""
    file = os.environ.get(TIMINGS_ENV)
    timing = {"page": "?"}
    if not file:
        yield timing
        return
    started = time.perf_counter()
    _timing.active = True
    try:
        yield timing
    finally:  # st.stop() and st.switch_page() end a run by raising: still one line
        _timing.active = False
        _log_timing(file, timing["page"], "full", started)


def timed_fragment(page: str) -> Callable[[F], F]:
    """Decorator (under @st.fragment) logging a fragment's own reruns as {page, kind: fragment, ms}; the
    fragment's part of a full run is in that run's line. Unset env: the function itself, unchanged."""

    def wrap(fn: F) -> F:
        file = os.environ.get(TIMINGS_ENV)
        if not file:
            return fn

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if getattr(_timing, "active", False):
                return fn(*args, **kwargs)
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                _log_timing(file, page, "fragment", started)

        return timed  # type: ignore[return-value]

    return wrap


def catalog_path() -> Path:
    """The catalog the app shows: env INDICATORS_CATALOG, else indicators.yaml at the repository root."""
    return Path(os.environ.get("INDICATORS_CATALOG") or ROOT / "indicators.yaml")


CORPUS_RESCAN_S = 2.0
"""How old a scan of the corpus's files (name, mtime, size) may be before it is refreshed. The catalog file
and the corpus directory are stat'ed on every run, so an edit of the catalog, and a source added, removed or
saved by rename (as editors do), show on the next run. An in-place rewrite of a source is seen once a scan
older than this has been refreshed in the background (stale-while-revalidate): stat'ing 2,000 files and
hashing their stamps took ~12 ms, and the old stamp walk (rglob + a 2,000-tuple cache key) ~25 ms, of every
rerun. A source is a pinned copy that is never edited in place, so this delay costs nothing in practice."""
_scans: dict[str, tuple[float, int, str]] = {}  # corpus root -> (monotonic time, directory mtime, digest)
_rescanning: set[str] = set()
_rescan_lock = threading.Lock()


def _rescan(root: str, directory: int) -> None:
    try:
        _scans[root] = (time.monotonic(), directory, _scan(root))
    finally:
        with _rescan_lock:
            _rescanning.discard(root)


def _scan(root: str) -> str:
    """A digest of (relative name, mtime, size) of every file under the corpus root."""
    stamps: list[Stamp] = []
    pending = [root]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    pending.append(entry.path)
                    continue
                info = entry.stat()
            except OSError:
                continue
            stamps.append((entry.path, info.st_mtime_ns, info.st_size))
    return hashlib.blake2b(repr(sorted(stamps)).encode(), digest_size=16).hexdigest()


def _stamps(path: Path) -> tuple[Stamp, str]:
    """The cache key: (name, st_mtime_ns, st_size) of the catalog and a digest of the files of its corpus."""
    try:
        info = os.stat(path)
        catalog: Stamp = (str(path), info.st_mtime_ns, info.st_size)
    except OSError:
        catalog = (str(path), -1, -1)
    root = str(corpus_root(path))
    try:
        directory = os.stat(root).st_mtime_ns
    except OSError:
        return catalog, ""
    now = time.monotonic()
    scanned = _scans.get(root)
    if scanned is None or scanned[1] != directory:
        scanned = (now, directory, _scan(root))
        _scans[root] = scanned
    elif now - scanned[0] > CORPUS_RESCAN_S:
        with _rescan_lock:
            start = root not in _rescanning
            _rescanning.add(root)
        if start:
            threading.Thread(target=_rescan, args=(root, directory), daemon=True, name="corpus-rescan").start()
    return catalog, scanned[2]


@st.cache_resource(show_spinner=False, max_entries=4)
def _validated(path: str, stamps: tuple[Stamp, str]) -> Report:
    report = validate_path(Path(path))
    # The report of a large catalog is millions of long-lived objects; every full garbage collection
    # rescanned them (~0.4 s at 10,000 figures). Frozen, the collector skips them; reference counting still
    # frees them when the cache drops the report. See also runner.postScriptGC in .streamlit/config.toml.
    gc.freeze()
    return report


def load_report() -> Report:
    """The validated catalog, revalidated whenever the catalog or a source file changes on disk."""
    path = catalog_path()
    return _validated(str(path), _stamps(path))


T = TypeVar("T")


class Derived:
    """What the pages derive from one report (views, series, filter options, tables, charts), computed once
    per report: the report is cached per stamps, so this is too, and a rerun only looks things up."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._memo: dict[Any, Any] = {}

    def memo(self, key: Any, make: Callable[[], T]) -> T:
        """`make()` once per key for this report (a bounded memo: cleared when it grows past 1,024 keys)."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            pass
        value = make()
        if len(self._memo) >= 1024:
            self._memo.clear()
        self._memo[key] = value
        return value

    @functools.cached_property
    def figures(self) -> dict[str, FigureView]:
        return figure_views(self.report)

    @functools.cached_property
    def events(self) -> dict[str, EventView]:
        return event_views(self.report)

    @functools.cached_property
    def series(self) -> dict[str, list[FigureView]]:
        groups: dict[str, list[FigureView]] = {}
        for view in self.figures.values():
            if view.indicator.series:
                groups.setdefault(view.indicator.series, []).append(view)
        return groups

    @functools.cached_property
    def headlines(self) -> list[FigureView]:
        views = self.figures
        return [views[i] for i in headline_ids(self.report) if i in views] or list(views.values())[:6]

    @functools.cached_property
    def themes_used(self) -> list[str]:
        return list(dict.fromkeys(v.indicator.theme for v in self.figures.values()))


_derived: dict[int, Derived] = {}


def derived(report: Report) -> Derived:
    """The Derived of this report object (kept for the last few reports)."""
    found = _derived.get(id(report))
    if found is None or found.report is not report:
        found = Derived(report)
        if len(_derived) >= 8:
            _derived.clear()
        _derived[id(report)] = found
    return found


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


SHOWN_MAX = 80
"""How many characters of a value from the URL a message shows."""
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: NUL shows as ␀
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or char in _BIDI_CONTROLS:
        return f"<U+{code:04X}>"
    return char


def shown(value: str, *, limit: int = SHOWN_MAX) -> str:
    """A value from the URL for a message: control and direction characters made visible, cut to `limit`
    characters, escaped for markdown."""
    head = "".join(_visible(c) for c in value[:limit])
    return md(head if len(value) <= limit else head[: limit - 1] + "…")


def not_found(kind: str, value: str, *, then: str) -> None:
    """A friendly message for an id in the URL that names nothing: the value, shown safely, and what happens."""
    st.warning(f"No {kind} has the id “{shown(value)}”; {then}", icon=":material/search_off:")


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
    """The citations as CSV and the catalog as JSON, built when clicked (at 10,000 figures they take ~1.5 s)."""
    left, right = st.columns(2)
    left.download_button("Citations (CSV)", lambda: citations_csv(report), file_name="citations.csv", mime="text/csv",
                         icon=":material/download:", on_click="ignore", width="stretch")
    right.download_button("Catalog (JSON)", lambda: catalog_json(report), file_name="catalog.json",
                          mime="application/json", icon=":material/download:", on_click="ignore", width="stretch")
