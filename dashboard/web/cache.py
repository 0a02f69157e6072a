"""The validated catalog, cached per file stamps so an edit shows on the next interaction, and what the
pages derive from it (views, series), computed once per report."""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import streamlit as st

from dashboard.catalog.load import DEFAULT_CATALOG
from dashboard.catalog.sources import corpus_root
from dashboard.present.views import EventView, FigureView, event_views, figure_views, headline_ids
from dashboard.validation.report import Report
from dashboard.validation.validate import validate_path

ROOT = Path(__file__).resolve().parent.parent.parent
Stamp = tuple[str, int, int]


def catalog_path() -> Path:
    """The catalog the app shows: env INDICATORS_CATALOG, else indicators.yaml at the repository root."""
    return Path(os.environ.get("INDICATORS_CATALOG") or ROOT / DEFAULT_CATALOG)


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
        """The figures marked headline, verified ones only: a number with a problem is never a headline."""
        views = self.figures
        marked = [views[i] for i in headline_ids(self.report) if i in views and views[i].verified]
        return marked or [v for v in views.values() if v.verified][:6]

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
