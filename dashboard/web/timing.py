"""Timing of script runs and fragment reruns, for the benchmarks: env INDICATORS_TIMINGS=<file> appends one
JSON line per run ({page, kind: full | fragment, ms, t}); unset, it costs one environment lookup."""

from __future__ import annotations

import functools
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

TIMINGS_ENV = "INDICATORS_TIMINGS"
F = TypeVar("F", bound=Callable[..., Any])

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
