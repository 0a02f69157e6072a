"""Dashboard measurements at the large size: server-side times from the app's own timing hook
(env INDICATORS_TIMINGS, one JSON line per script or fragment run, see dashboard/web/timing.py) and the browser's
navigation-to-first-chart, each next to the same number for benchmarks/minimal_app.py (one Plotly bar chart
of the same catalog).

Both scripts run under `streamlit run` on free ports with INDICATORS_CATALOG=<large>/indicators.yaml and are
driven by Playwright with Debian chromium (/usr/bin/chromium, the launch arguments of the browser tests):

- cold render: touch the catalog (new mtime), reload the landing page: that run's server time (the app
  revalidates the catalog, the minimal script re-reads the YAML);
- warm rerun: reload the landing page again, nothing changed;
- drill-down: click a bar of the first chart (the explore page; the minimal script's only chart): the
  fragment rerun's server time;
- browser first chart: page.goto of a fresh tab -> the first `.js-plotly-plot .bars path` is in the DOM
  (performance.now() recorded by a MutationObserver, so it is measured from the navigation start);

and, in-process, the YAML floor: yaml.CSafeLoader load of the catalog + reading and hashing every source.

    python -m benchmarks.bench_app --dir /tmp/bench/large [--repeat 5]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from benchmarks.common import Row, median
from tests.support.processes import free_port, stop_process, wait_healthy

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "indicators.yaml"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
BARS = ".js-plotly-plot .bars path"
VIEWPORT = {"width": 1280, "height": 900}
# Records when the first bar of a Plotly chart enters the DOM, in ms since the navigation started.
FIRST_CHART_JS = """
(() => {
  const seen = () => {
    if (window.__firstChart === undefined && document.querySelector(__BARS__)) {
      window.__firstChart = performance.now();
      return true;
    }
    return false;
  };
  const start = () => {
    if (seen()) return;
    const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
    observer.observe(document.documentElement, {childList: true, subtree: true});
  };
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();
""".replace("__BARS__", repr(BARS))


def yaml_floor(catalog: Path) -> float:
    """Seconds to load the catalog with yaml.CSafeLoader and read + sha256 every source it names."""
    started = time.perf_counter()
    data = yaml.load(catalog.read_bytes(), Loader=yaml.CSafeLoader)
    for source in data.get("sources") or []:
        hashlib.sha256((catalog.parent / source["file"]).read_bytes()).hexdigest()
    return time.perf_counter() - started


@dataclass
class Server:
    """`streamlit run <script>` with the timing hook writing to `timings`."""

    script: str
    catalog: Path
    timings: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: Path, timeout: float = 60.0) -> Server:
        self.port = free_port()
        env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", "INDICATORS_CATALOG": str(self.catalog),
               "INDICATORS_TIMINGS": str(self.timings), "INDICATORS_CURATOR": "1"}  # fmt: skip
        cmd = [sys.executable, "-m", "streamlit", "run", self.script, "--server.headless", "true",
               "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
               "--server.runOnSave", "false"]  # fmt: skip
        with log.open("wb") as out:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        wait_healthy(self.proc, self.url, timeout=timeout, log=lambda: log.read_text(errors="replace"))
        return self

    def stop(self) -> None:
        stop_process(self.proc)

    def lines(self) -> list[dict[str, Any]]:
        if not self.timings.exists():
            return []
        return [json.loads(line) for line in self.timings.read_text(encoding="utf-8").splitlines() if line.strip()]

    def next_line(self, before: int, *, kind: str, timeout: float = 120.0) -> dict[str, Any]:
        """The first timing line of `kind` written after the first `before` lines."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [x for x in self.lines()[before:] if x["kind"] == kind]
            if found:
                return found[0]
            time.sleep(0.02)
        raise TimeoutError(f"no {kind} timing line from {self.script} within {timeout:.0f}s")


def _wait_ready(page: Page, timeout: float = 300_000) -> None:
    page.wait_for_selector("[data-testid=stApp]", timeout=timeout)
    page.wait_for_timeout(150)
    page.wait_for_selector(READY, timeout=timeout)


def _touch(path: Path) -> None:
    """A new mtime, the bytes unchanged: the app sees a catalog change."""
    now = time.time_ns()
    os.utime(path, ns=(now, now))


def _open(browser: Browser) -> Page:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)  # type: ignore[arg-type]
    context.set_default_timeout(300_000)
    context.add_init_script(FIRST_CHART_JS)
    return context.new_page()


def _run_then_line(server: Server, page: Page, url: str, *, kind: str = "full") -> float:
    before = len(server.lines())
    page.goto(url, wait_until="domcontentloaded")
    line = server.next_line(before, kind=kind)
    _wait_ready(page)
    return float(line["ms"])


def server_side(server: Server, browser: Browser, *, landing: str, repeat: int) -> dict[str, list[float]]:
    """Cold (after a touch of the catalog) and warm reruns of `landing`, in ms of server time."""
    page = _open(browser)
    try:
        _run_then_line(server, page, landing)  # first run: imports, first validation
        cold, warm = [], []
        for _ in range(repeat):
            _touch(server.catalog)
            cold.append(_run_then_line(server, page, landing))
            warm.append(_run_then_line(server, page, landing))
        return {"cold": cold, "warm": warm}
    finally:
        page.context.close()


def drill_down(server: Server, browser: Browser, *, url: str, repeat: int) -> list[float]:
    """Click bars of the first chart in turn: each click's fragment rerun, in ms of server time."""
    page = _open(browser)
    try:
        page.goto(url, wait_until="domcontentloaded")
        _wait_ready(page)
        bars = page.locator(".js-plotly-plot").first.locator(".bars path")
        bars.first.wait_for(state="visible")
        page.wait_for_timeout(500)
        times = []
        for number in range(repeat + 1):  # the first click is a warm-up (the detail's first render)
            bar = bars.nth(number % max(1, bars.count()))
            bar.evaluate("e => e.scrollIntoView({block: 'center', inline: 'center'})")
            page.wait_for_timeout(400)  # plotly reads two clicks within 300 ms as a double click
            box = bar.bounding_box()
            assert box is not None, "the bar has no box"
            before = len(server.lines())
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            line = server.next_line(before, kind="fragment", timeout=60)
            _wait_ready(page)
            if number:
                times.append(float(line["ms"]))
        return times
    finally:
        page.context.close()


# Armed before a click: the time of the next mousedown, then the time the quotation with `id` is in the DOM.
QUOTE_AFTER_CLICK_JS = """
id => {
  window.__down = undefined; window.__quote = undefined;
  document.addEventListener('mousedown', () => { window.__down = performance.now(); }, {capture: true, once: true});
  const observer = new MutationObserver(() => {
    if (window.__down !== undefined && document.getElementById(id)) {
      window.__quote = performance.now(); observer.disconnect();
    }
  });
  observer.observe(document.body, {childList: true, subtree: true});
}
"""
# The id a Plotly bar stands for: custom_data[0] of its point (what the app's on_select reads).
BAR_ID_JS = """
e => {
  const trace = e.closest('g.trace').__data__[0].trace;
  const data = (trace.customdata || [])[e.__data__.i];
  return Array.isArray(data) ? String(data[0]) : String(data);
}
"""


def click_to_quote(browser: Browser, url: str, *, repeat: int) -> list[float]:
    """ms from the mousedown on a bar of the first chart to its quotation in the DOM, as the browser clocks
    it: the server's rerun, the websocket both ways and the drawing. Each click chooses another bar."""
    from dashboard.web.widgets import quote_id

    page = _open(browser)
    try:
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector(BARS, timeout=300_000)
        _wait_ready(page)
        bars = page.locator(".js-plotly-plot").first.locator(".bars path")
        times = []
        for number in range(repeat + 1):  # the first click is a warm-up (the detail's first render)
            bar = bars.nth(number % max(1, bars.count()))
            ident = bar.evaluate(BAR_ID_JS)
            if quote_id(ident, 0) in page.content():  # already chosen: choose another first
                bar = bars.nth((number + 1) % max(1, bars.count()))
                ident = bar.evaluate(BAR_ID_JS)
            bar.evaluate("e => e.scrollIntoView({block: 'center', inline: 'center'})")
            page.wait_for_timeout(400)  # plotly reads two clicks within 300 ms as a double click
            box = bar.bounding_box()
            assert box is not None, "the bar has no box"
            page.evaluate(QUOTE_AFTER_CLICK_JS, quote_id(ident, 0))
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_function("window.__quote !== undefined", timeout=60_000, polling=20)
            elapsed = float(page.evaluate("window.__quote - window.__down"))
            _wait_ready(page)
            if number:
                times.append(elapsed)
        return times
    finally:
        page.context.close()


def first_chart(browser: Browser, url: str, *, repeat: int) -> list[float]:
    """ms from navigation start to the first bar in the DOM, a fresh tab each time (after one warm-up)."""
    times = []
    for number in range(repeat + 1):
        page = _open(browser)
        try:
            page.goto(url, wait_until="domcontentloaded")
            page.wait_for_function("window.__firstChart !== undefined", timeout=300_000, polling=50)
            value = float(page.evaluate("window.__firstChart"))
            _wait_ready(page)
        finally:
            page.context.close()
        if number:
            times.append(value)
    return times


def first_charts(browser: Browser, app_url: str, minimal_url: str, *, repeat: int) -> tuple[list[float], list[float]]:
    """first_chart of the app and of the minimal script, taken in turns (one warm-up each), so that a slow
    spell of the machine weighs on both alike."""
    first_chart(browser, app_url, repeat=0)
    first_chart(browser, minimal_url, repeat=0)
    app: list[float] = []
    minimal: list[float] = []
    for _ in range(repeat):
        app += first_chart(browser, app_url, repeat=1)[-1:]
        minimal += first_chart(browser, minimal_url, repeat=1)[-1:]
    return app, minimal


@contextmanager
def _servers(catalog: Path, work: Path) -> Iterator[tuple[Server, Server]]:
    with ExitStack() as stack:
        app = Server("dashboard/app.py", catalog, work / "app.jsonl")
        minimal = Server("benchmarks/minimal_app.py", catalog, work / "minimal.jsonl")
        for server, name in ((app, "app"), (minimal, "minimal")):
            stack.callback(server.stop)
            server.start(work / f"{name}.log")
        yield app, minimal


def _row(name: str, values: list[float], *, unit: str = "ms", target: str = "", ok: bool | None = None,
         note: str = "") -> Row:  # fmt: skip
    return Row(name, round(median(values), 1), unit, target, ok, note)


def _first_chart_rows(size: str, app: list[float], minimal: list[float], *, spread: str) -> list[Row]:
    ratio = median(app) / median(minimal)
    return [
        Row(
            f"browser: explore page to first chart drawn, {size}",
            round(median(app), 1),
            "ms",
            "<= 1.3 x minimal",
            ratio <= 1.3,
            f"{ratio:.2f} x minimal; headless chromium, {spread}, taken in turns",
        ),  # fmt: skip
        _row(f"browser: minimal script to first chart drawn, {size}", minimal, note=spread),
    ]


def measure(dirs: dict[str, Path], *, repeat: int) -> list[Row]:
    """Rows for run.py: the dashboard at the `large` size next to the minimal script."""
    from playwright.sync_api import sync_playwright

    base = dirs["large"]
    catalog = base / "indicators.yaml"
    floor_ms = median([yaml_floor(catalog) for _ in range(max(3, repeat))]) * 1000.0
    spread = f"median of {repeat}"
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp, _servers(catalog, Path(tmp)) as (app, minimal), \
            sync_playwright() as pw:  # fmt: skip
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            app_runs = server_side(app, browser, landing=app.url, repeat=repeat)
            min_runs = server_side(minimal, browser, landing=minimal.url, repeat=repeat)
            app_drill = drill_down(app, browser, url=f"{app.url}/explore", repeat=repeat)
            min_drill = drill_down(minimal, browser, url=minimal.url, repeat=repeat)
            app_chart, min_chart = first_charts(browser, f"{app.url}/explore", minimal.url, repeat=repeat)
        finally:
            browser.close()
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp, _servers(SHIPPED, Path(tmp)) as (app, minimal), \
            sync_playwright() as pw:  # fmt: skip
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            shipped_chart, shipped_min = first_charts(browser, f"{app.url}/explore", minimal.url, repeat=repeat)
            to_quote = click_to_quote(browser, f"{app.url}/explore", repeat=max(repeat, 7))
        finally:
            browser.close()
    cold, warm = median(app_runs["cold"]), median(app_runs["warm"])
    min_warm, drill = median(min_runs["warm"]), median(app_drill)
    return [
        Row(
            "YAML floor (CSafeLoader + sha256 of sources), large",
            round(floor_ms, 1),
            "ms",
            "",
            None,
            f"in-process, median of {max(3, repeat)}",
        ),
        Row(
            "dashboard cold render after a catalog change, large",
            round(cold, 1),
            "ms",
            "<= 2 x YAML floor",
            cold <= 2 * floor_ms,
            f"{cold / floor_ms:.2f} x floor; server time, {spread}",
        ),
        _row("minimal script cold render (re-read YAML), large", min_runs["cold"], note=spread),
        Row(
            "dashboard warm rerun of the overview, large",
            round(warm, 1),
            "ms",
            "<= 1.5 x minimal",
            warm <= 1.5 * min_warm,
            f"{warm / min_warm:.2f} x minimal; server time, {spread}",
        ),
        _row("minimal script warm rerun, large", min_runs["warm"], note=spread),
        Row(
            "dashboard drill-down click (fragment rerun), large",
            round(drill, 1),
            "ms",
            "<= 50 ms",
            drill <= 50,
            f"server time of the explore fragment, {spread}",
        ),
        _row("minimal script drill-down click (fragment rerun), large", min_drill, note=spread),
        *_first_chart_rows("large", app_chart, min_chart, spread=spread),
        *_first_chart_rows("shipped catalog", shipped_chart, shipped_min, spread=spread),
        Row(
            "browser: click on a bar to its quotation, shipped catalog",
            round(median(to_quote), 1),
            "ms",
            "<= 300 ms",
            median(to_quote) <= 300,
            f"mousedown to the quotation in the DOM, in the page's clock; median of {max(repeat, 7)}",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, required=True, help="a generated corpus (DIR/indicators.yaml, DIR/seeds/)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    for row in measure({"large": args.dir}, repeat=args.repeat):
        flag = "" if row.ok is None else (" ok" if row.ok else " MISSED")
        print(f"{row.name}: {row.value} {row.unit}{flag} [{row.target}] {row.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
