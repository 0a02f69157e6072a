"""Load: concurrent browser sessions against one `streamlit run dashboard/app.py` server.

One server (env INDICATORS_TIMINGS set, so it logs every script and fragment run, see dashboard/web/timing.py).
`--browsers` of the sessions are tabs of one headless Debian chromium (/usr/bin/chromium, the launch
arguments of the browser tests); the others are websocket clients speaking the frontend's protocol on
/_stcore/stream (a rerun request per navigation, a chart's selection as a fragment rerun), which load the
server as tabs would without rendering (two cores cannot render twenty tabs). For `--seconds`, every session
loops over random actions:

- open a route by URL: the overview, explore, figure?indicator=<id>, timeline, sources?source=<id>,
  validation, and wait until the app is idle (a run has finished and the frontend is connected);
- on explore, click a bar of the first chart (a fragment rerun) and wait for the quotation;
- on the overview, click a headline tile's "Show the sentence" link and wait for the quotation.

An error in a tab is any of: an uncaught page error, a console error, a dialog, a crashed page, an HTTP status
>= 500, a failed request (other than one aborted by a navigation), a websocket closed or failed other
than by leaving its page, an exception element or "The catalog is broken" / "Traceback" on the page, a
frontend not connected after an action, a timeout; in a websocket client: an exception element, a
broken-catalog panel, a run not finished successfully, a click that shows no quotation, a closed connection,
a timeout. The server process tree's CPU and RSS are sampled from
/proc every second.

    python -m benchmarks.load [--sessions 20] [--browsers 2] [--seconds 60] [--catalog PATH] [--json OUT] [--write]

Exits 1 when there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shlex
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import yaml

from benchmarks.bench_app import BAR_ID_JS, CHROMIUM, CHROMIUM_ARGS, READY, VIEWPORT, Server

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Page, WebSocket

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_MD = ROOT / "BENCHMARKS.md"
SECTION = "## Load"
# Twenty tabs in one browser: none of them may be throttled as a background tab.
LOAD_ARGS = [*CHROMIUM_ARGS, "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
             "--disable-backgrounding-occluded-windows"]  # fmt: skip
ROUTES = {"": 3, "explore": 4, "figure": 3, "timeline": 1, "sources": 2, "validation": 1}  # route -> weight
CONTENT = "[data-testid=stMain]"
CONNECTED = "[data-testid=stApp][data-test-connection-state=CONNECTED]"
QUOTE = f"{CONTENT} [data-testid=stHtml] mark"
TILE_LINKS = f"{CONTENT} a[href*='figure?indicator=']"
NAV_LINKS = "[data-testid=stTopNavLink]"
PERMALINK = 0.25  # share of later actions that open their route by URL (a page load) rather than in the app
SETTLE_MS = 300
RAMP_S = 5.0  # the sessions arrive spread over the first seconds, not all in the same instant
CLICK_GAP_MS = 400  # plotly reads two clicks within 300 ms as a double click
PAGE_CHECK_JS = """
() => {
  const app = document.querySelector('[data-testid=stApp]');
  const text = app ? app.innerText : '';
  return {
    exceptions: document.querySelectorAll('[data-testid=stException]').length,
    broken: text.includes('The catalog is broken') || text.includes('The catalog cannot be read'),
    traceback: text.includes('Traceback'),
    connection: app ? app.getAttribute('data-test-connection-state') : null,
  };
}
"""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def spread(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1),
            "max": round(max(values, default=0.0), 1)}  # fmt: skip


# --------------------------------------------------------------------------------------------- process sampling


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants, from the parent field of /proc/*/stat."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def _rss_kb(pid: int) -> int:
    found = re.search(r"^VmRSS:\s*(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    return int(found[1]) if found else 0


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all cores from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, sum(values)


class Sampler(threading.Thread):
    """Every `interval` seconds: CPU % (of one core) and RSS (MB) of a process tree, and the machine's CPU %."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.cpu: list[float] = []
        self.rss: list[float] = []
        self.machine: list[float] = []
        self._halt = threading.Event()
        self._hz = os.sysconf("SC_CLK_TCK")

    def _read(self) -> tuple[int, int]:
        ticks = rss = 0
        for pid in _tree(self.pid):
            try:
                ticks += _cpu_ticks(pid)
                rss += _rss_kb(pid)
            except (OSError, IndexError, ValueError):
                continue
        return ticks, rss

    def run(self) -> None:
        ticks, _ = self._read()
        busy, total = _machine_ticks()
        last = time.monotonic()
        while not self._halt.wait(self.interval):
            now = time.monotonic()
            new_ticks, rss = self._read()
            new_busy, new_total = _machine_ticks()
            self.cpu.append(100.0 * (new_ticks - ticks) / self._hz / (now - last))
            self.rss.append(rss / 1024)
            if new_total > total:
                self.machine.append(100.0 * (new_busy - busy) / (new_total - total))
            ticks, busy, total, last = new_ticks, new_busy, new_total, now

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


# --------------------------------------------------------------------------------------------------- sessions


@dataclass
class Session:
    number: int
    kind: str = "websocket"
    """"browser" (a chromium tab) or "websocket" (a client speaking Streamlit's protocol, as the frontend does)."""
    actions: int = 0
    drilldowns: int = 0
    routes: Counter[str] = field(default_factory=Counter)
    latency_ms: list[float] = field(default_factory=list)
    drill_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    benign: int = 0

    def error(self, message: str) -> None:
        self.errors.append(f"session {self.number}: {message.splitlines()[0][:300] if message else '?'}")


@dataclass
class Catalog:
    indicators: list[str]
    sources: list[str]
    headlines: list[str]

    @classmethod
    def read(cls, path: Path) -> Catalog:
        data = yaml.load(path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        indicators = data.get("indicators") or []
        return cls(
            [i["id"] for i in indicators],
            [s["id"] for s in data.get("sources") or []],
            [i["id"] for i in indicators if i.get("headline")] or [i["id"] for i in indicators[:6]],
        )


def _url(base: str, route: str, catalog: Catalog, rng: random.Random) -> str:
    if route == "figure" and catalog.indicators:
        return f"{base}/figure?indicator={rng.choice(catalog.indicators)}"
    if route == "sources" and catalog.sources:
        return f"{base}/sources?source={rng.choice(catalog.sources)}"
    return f"{base}/{route}"


async def _idle(page: Page) -> None:
    """A run has finished (script state notRunning, not `initial`) and stayed finished after a short settle."""
    await page.wait_for_selector(READY)
    await page.wait_for_timeout(SETTLE_MS)
    await page.wait_for_selector(READY)


def _chosen(url: str) -> str | None:
    found = re.search(r"[?&]indicator=([^&#]+)", url)
    return unquote(found[1]) if found else None


async def _click_bar(page: Page, rng: random.Random) -> bool:
    """Click the middle of a random bar of the first chart (not the one already chosen), as a reader with a
    mouse; wait until the URL names its figure and a quotation is shown. False when there was nothing new to
    click."""
    bars = page.locator(".js-plotly-plot").first.locator(".bars path")
    await bars.first.wait_for(state="visible")
    await page.wait_for_timeout(SETTLE_MS)
    before = _chosen(page.url)
    candidates = []
    for number in range(await bars.count()):
        bar = bars.nth(number)
        ident = await bar.evaluate(BAR_ID_JS)
        if ident != before:
            candidates.append((bar, ident))
    rng.shuffle(candidates)
    for bar, ident in candidates:
        await bar.evaluate("e => e.scrollIntoView({block: 'center', inline: 'center'})")
        await page.wait_for_timeout(CLICK_GAP_MS)
        box = await bar.bounding_box()
        if box is None or box["height"] < 3 or box["width"] < 3:
            continue
        await page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        await page.wait_for_url(lambda url, ident=ident: _chosen(url) == ident)  # type: ignore[misc]
        await _idle(page)
        await page.locator(QUOTE).first.wait_for()
        return True
    return False


async def _click_link(page: Page, links: str, rng: random.Random) -> bool:
    """Click a random figure link (a headline tile, or the figure page's list) and wait for its quotation."""
    found = page.locator(links)
    await found.first.wait_for(state="visible")
    link = found.nth(rng.randrange(await found.count()))
    href = await link.get_attribute("href") or ""
    ident = _chosen(href)
    await link.scroll_into_view_if_needed()
    await link.click()
    await page.wait_for_url(lambda url: "/figure?" in url and _chosen(url) == ident)
    await _idle(page)
    await page.locator(QUOTE).first.wait_for()
    return True


async def _navigate(page: Page, route: str) -> None:
    """Open `route` from the top navigation bar, inside the running app (no page load)."""
    await page.locator(NAV_LINKS).first.wait_for()  # the bar is drawn from the run's navigation message
    paths = await page.locator(NAV_LINKS).evaluate_all("links => links.map(a => a.pathname)")
    wanted = [number for number, path in enumerate(paths) if path.strip("/").split("/")[-1] == route]
    if not wanted:
        raise RuntimeError(f"no navigation link to /{route} on {page.url} among {paths}")
    await page.locator(NAV_LINKS).nth(wanted[0]).click()
    await page.wait_for_url(lambda url: urlsplit(url).path.strip("/").split("/")[-1] == route)
    await _idle(page)


async def _check(page: Page, session: Session, where: str) -> None:
    found = await page.evaluate(PAGE_CHECK_JS)
    if found["exceptions"]:
        session.error(f"{found['exceptions']} exception element(s) on {where}")
    if found["broken"]:
        session.error(f"the catalog is reported broken on {where}")
    if found["traceback"]:
        session.error(f"a traceback is shown on {where}")
    if found["connection"] != "CONNECTED":
        session.error(f"the frontend is {found['connection']} after {where}")


def _benign(text: str, url: str) -> bool:
    """Streamlit's frontend, loaded at a page's path (/explore), first asks /explore/_stcore/health and
    /explore/_stcore/host-config, gets 404 and retries at the root (streamlit/streamlit#7074)."""
    return "status of 404" in text and re.search(r"/[^/]+/_stcore/(health|host-config)$", url) is not None


def _watch(page: Page, session: Session, leaving: set[WebSocket], live: set[WebSocket]) -> None:
    def on_console(message: Any) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if _benign(message.text, url):
            session.benign += 1
        else:
            session.error(f"console error: {message.text} ({url})")

    def on_response(response: Any) -> None:
        if response.status >= 500:
            session.error(f"HTTP {response.status} {response.url}")

    def on_request_failed(request: Any) -> None:
        failure = request.failure or ""
        if "ERR_ABORTED" not in failure:
            session.error(f"request failed: {failure} {request.url}")

    async def on_dialog(dialog: Any) -> None:
        session.error(f"dialog: {dialog.type}: {dialog.message}")
        await dialog.dismiss()

    def on_websocket(socket: WebSocket) -> None:
        if "_stcore/stream" not in socket.url:
            return
        live.add(socket)
        socket.on("close", lambda s: None if s in leaving else session.error(f"websocket closed: {s.url}"))
        socket.on("socketerror", lambda message: session.error(f"websocket error: {message}"))

    page.on("pageerror", lambda error: session.error(f"page error: {error}"))
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    page.on("dialog", on_dialog)
    page.on("crash", lambda _: session.error("the page crashed"))
    page.on("websocket", on_websocket)


async def run_session(context: BrowserContext, session: Session, *, base: str, catalog: Catalog, deadline: float,
                      timeout_ms: float, seed: int, delay: float = 0.0) -> None:  # fmt: skip
    """Random actions until `deadline` (time.monotonic()); the one in progress then is finished.

    The first action opens a route by URL; later ones open it by URL with probability PERMALINK, else from
    the navigation bar; a figure is always opened by its URL (figure?indicator=<id>), since the figure page's
    own list of figures does not navigate when a link is clicked (Streamlit 1.67, a page_link to the page
    it is on). Until a session has drilled down, its next action is the overview or explore."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    rng = random.Random(seed)
    await asyncio.sleep(delay)
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    leaving: set[WebSocket] = set()
    live: set[WebSocket] = set()
    _watch(page, session, leaving, live)
    routes, weights = list(ROUTES), list(ROUTES.values())
    loaded = False
    try:
        while time.monotonic() < deadline:
            route = rng.choices(routes, weights)[0] if session.drilldowns else rng.choice(["", "explore"])
            by_url = not loaded or route == "figure" or rng.random() < PERMALINK
            where = f"/{route}"
            started = time.perf_counter()
            try:
                if by_url:
                    leaving.update(live)  # a page load closes the page's websocket on purpose
                    live.clear()
                    url = _url(base, route, catalog, rng)
                    where = url[len(base) :] or "/"
                    await page.goto(url, wait_until="domcontentloaded")
                    await _idle(page)
                    loaded = True
                else:
                    await _navigate(page, route)
                where += " (by URL)" if by_url else " (from the navigation bar)"
                if route in ("explore", ""):
                    clicked = time.perf_counter()
                    drill = _click_bar(page, rng) if route == "explore" else _click_link(page, TILE_LINKS, rng)
                    if await drill:
                        session.drill_ms.append((time.perf_counter() - clicked) * 1000.0)
                        session.drilldowns += 1
                        where += " and a drill-down"
                await _check(page, session, where)
            except PlaywrightTimeout as err:
                session.error(f"timeout on {where}: {err}")
                continue
            except (PlaywrightError, RuntimeError) as err:
                session.error(f"{type(err).__name__} on {where}: {err}")
                continue
            session.latency_ms.append((time.perf_counter() - started) * 1000.0)
            session.actions += 1
            session.routes[(route or "overview") + (" by URL" if by_url else "")] += 1
    finally:
        leaving.update(live)
        await page.close()


# ------------------------------------------------------------------------------------------- websocket sessions


@dataclass
class Run:
    """What the server sent for one script or fragment run, up to its script_finished message."""

    status: int = -1
    exceptions: list[str] = field(default_factory=list)
    charts: list[tuple[str, str, list[str]]] = field(default_factory=list)  # widget id, fragment id, point ids
    quote: bool = False
    broken: bool = False
    query: str | None = None


async def _collect(socket: Any, timeout: float) -> Run:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    run = Run()
    async with asyncio.timeout(timeout):
        while True:
            message = ForwardMsg()
            message.ParseFromString(await socket.recv())
            kind = message.WhichOneof("type")
            if kind == "script_finished":
                run.status = message.script_finished
                return run
            if kind == "page_info_changed":
                run.query = message.page_info_changed.query_string
            if kind != "delta" or message.delta.WhichOneof("type") != "new_element":
                continue
            element = message.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
            elif which == "alert" and ("The catalog is broken" in element.alert.body
                                       or "The catalog cannot be read" in element.alert.body):  # fmt: skip
                run.broken = True
            elif which == "html" and "<mark" in element.html.body:
                run.quote = True
            elif which == "plotly_chart":
                points = json.loads(element.plotly_chart.spec).get("data", [{}])[0].get("customdata") or []
                ids = [str(c[0] if isinstance(c, list) and c else c) for c in points]
                run.charts.append((element.plotly_chart.id, message.delta.fragment_id, ids))


async def _send(socket: Any, *, page: str, query: str = "", fragment: str = "",
                widget: tuple[str, str] | None = None) -> None:  # fmt: skip
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    message.rerun_script.page_name = page
    message.rerun_script.query_string = query
    if fragment:
        message.rerun_script.fragment_id = fragment
    if widget:
        state = message.rerun_script.widget_states.widgets.add()
        state.id, state.string_value = widget
    await socket.send(message.SerializeToString())


def _selection(index: int, ident: str) -> str:
    """The value the frontend sends when a point of a chart with on_select is clicked."""
    point = {"curve_number": 0, "point_number": index, "point_index": index, "customdata": [ident]}
    return json.dumps({"selection": {"points": [point], "point_indices": [index], "box": [], "lasso": []}})


def _check_run(run: Run, session: Session, where: str, *, fragment: bool = False) -> None:
    expected = 3 if fragment else 0  # FINISHED_FRAGMENT_RUN_SUCCESSFULLY, FINISHED_SUCCESSFULLY
    if run.status != expected:
        session.error(f"the run of {where} finished with status {run.status}, not {expected}")
    for text in run.exceptions:
        session.error(f"exception on {where}: {text}")
    if run.broken:
        session.error(f"the catalog is reported broken on {where}")


async def run_socket_session(session: Session, *, base: str, catalog: Catalog, deadline: float,
                             timeout_ms: float, seed: int, delay: float = 0.0) -> None:  # fmt: skip
    """The browser session's loop, speaking the frontend's protocol over /_stcore/stream: a navigation is a
    rerun request for the page (a page load, with probability PERMALINK, is a new websocket), a click on a bar
    is the chart's selection sent as a fragment rerun, a tile is a rerun of the figure page with its id."""
    import websockets
    from websockets.typing import Subprotocol

    rng = random.Random(seed)
    timeout = timeout_ms / 1000.0
    await asyncio.sleep(delay)
    stream = base.replace("http://", "ws://", 1) + "/_stcore/stream"
    routes, weights = list(ROUTES), list(ROUTES.values())
    socket: Any = None
    try:
        while time.monotonic() < deadline:
            route = rng.choices(routes, weights)[0] if session.drilldowns else rng.choice(["", "explore"])
            by_url = socket is None or rng.random() < PERMALINK
            query = ""
            if route == "figure" and catalog.indicators:
                query = f"indicator={rng.choice(catalog.indicators)}"
            elif route == "sources" and catalog.sources:
                query = f"source={rng.choice(catalog.sources)}"
            where = f"/{route}{'?' + query if query else ''}" + (" (by URL)" if by_url else " (in the app)")
            started = time.perf_counter()
            try:
                if by_url:
                    if socket is not None:
                        await socket.close()
                    socket = await asyncio.wait_for(
                        websockets.connect(stream, subprotocols=[Subprotocol("streamlit")], max_size=None), timeout
                    )
                await _send(socket, page=route, query=query)
                run = await _collect(socket, timeout)
                _check_run(run, session, where)
                clicked = time.perf_counter()
                if route == "explore" and run.charts and len(run.charts[0][2]) > 0:
                    widget, fragment, ids = run.charts[0]
                    index = rng.randrange(len(ids))
                    await _send(socket, page=route, fragment=fragment, widget=(widget, _selection(index, ids[index])))
                    drill = await _collect(socket, timeout)
                    _check_run(drill, session, where + " and a drill-down", fragment=True)
                    if drill.query is None or f"indicator={ids[index]}" not in drill.query or not drill.quote:
                        session.error(f"a click on {ids[index]} on {where} showed no quotation (query {drill.query})")
                    session.drilldowns += 1
                    session.drill_ms.append((time.perf_counter() - clicked) * 1000.0)
                elif route == "" and catalog.headlines:
                    ident = rng.choice(catalog.headlines)
                    await _send(socket, page="figure", query=f"indicator={ident}")
                    drill = await _collect(socket, timeout)
                    _check_run(drill, session, f"/figure?indicator={ident} from a tile")
                    if not drill.quote:
                        session.error(f"the tile of {ident} opened no quotation")
                    session.drilldowns += 1
                    session.drill_ms.append((time.perf_counter() - clicked) * 1000.0)
            except TimeoutError:
                session.error(f"timeout on {where} after {timeout:.0f} s")
                socket = None
                continue
            except (OSError, websockets.WebSocketException) as err:
                session.error(f"{type(err).__name__} on {where}: {err}")
                socket = None
                continue
            session.latency_ms.append((time.perf_counter() - started) * 1000.0)
            session.actions += 1
            session.routes[(route or "overview") + (" by URL" if by_url else "")] += 1
    finally:
        if socket is not None:
            await socket.close()


async def drive(url: str, catalog: Catalog, *, sessions: int, browsers: int, seconds: float, timeout_ms: float,
                seed: int) -> tuple[list[Session], str, float, float]:  # fmt: skip
    """Run the sessions, the first `browsers` of them chromium tabs, the others websocket clients;
    (sessions, chromium version, load start and end as time.time())."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=LOAD_ARGS, headless=True)
        try:
            # One context: the tabs share the HTTP cache, as a reader's tabs would; each tab is its own websocket,
            # so its own Streamlit session.
            context = await browser.new_context(
                viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]},
                device_scale_factor=1,
                reduced_motion="reduce",
            )
            warm = await context.new_page()
            for route in ("", "explore"):  # the first run imports and validates: not part of the load
                await warm.goto(f"{url}/{route}", wait_until="domcontentloaded", timeout=120_000)
                await warm.wait_for_selector(READY, timeout=120_000)
            await warm.close()
            started = time.time()
            deadline = time.monotonic() + seconds
            state = [Session(n, "browser" if n < browsers else "websocket") for n in range(sessions)]
            tasks = []
            for session in state:
                session_seed = seed * 1000 + session.number
                delay = RAMP_S * session.number / max(1, sessions)
                tasks.append(
                    run_session(
                        context,
                        session,
                        base=url,
                        catalog=catalog,
                        deadline=deadline,
                        timeout_ms=timeout_ms,
                        seed=session_seed,
                        delay=delay,
                    )
                    if session.kind == "browser"
                    else run_socket_session(
                        session,
                        base=url,
                        catalog=catalog,
                        deadline=deadline,
                        timeout_ms=timeout_ms,
                        seed=session_seed,
                        delay=delay,
                    )
                )
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 3 * timeout_ms / 1000.0 + 30)
            await context.close()  # fmt: skip
            return state, browser.version, started, time.time()
        finally:
            await browser.close()


# --------------------------------------------------------------------------------------------------- results


def summarise(state: list[Session], lines: list[dict[str, Any]], sampler: Sampler, *, seconds: float,
              window: tuple[float, float], chromium: str, catalog: Path) -> dict[str, Any]:  # fmt: skip
    during = [x for x in lines if window[0] <= float(x.get("t", 0.0)) <= window[1] + 1.0]
    full = [float(x["ms"]) for x in during if x["kind"] == "full"]
    fragment = [float(x["ms"]) for x in during if x["kind"] == "fragment"]
    pages = sorted({str(x["page"]) for x in during if x["kind"] == "full"})
    errors = [e for s in state for e in s.errors]
    return {
        "catalog": str(catalog),
        "sessions": len(state),
        "seconds": seconds,
        "wall_seconds": round(window[1] - window[0], 1),
        "actions": sum(s.actions for s in state),
        "drilldowns": sum(s.drilldowns for s in state),
        "per_session": [
            {
                "number": s.number,
                "kind": s.kind,
                "actions": s.actions,
                "drilldowns": s.drilldowns,
                "routes": dict(s.routes),
                "errors": len(s.errors),
            }
            for s in state
        ],  # fmt: skip
        "errors": len(errors),
        "error_messages": errors[:20],
        "benign_404": sum(s.benign for s in state),
        "server_cpu_mean": round(statistics.fmean(sampler.cpu), 1) if sampler.cpu else 0.0,
        "server_cpu_max": round(max(sampler.cpu, default=0.0), 1),
        "server_rss_start_mb": round(sampler.rss[0], 1) if sampler.rss else 0.0,
        "server_rss_max_mb": round(max(sampler.rss, default=0.0), 1),
        "machine_cpu_mean": round(statistics.fmean(sampler.machine), 1) if sampler.machine else 0.0,
        "samples": len(sampler.cpu),
        "server_full_ms": spread(full),
        "server_fragment_ms": spread(fragment),
        "server_full_ms_by_page": {
            p: spread([float(x["ms"]) for x in during if x["kind"] == "full" and x["page"] == p]) for p in pages
        },
        "browsers": sum(s.kind == "browser" for s in state),
        "client_action_ms": {
            kind: spread([v for s in state if s.kind == kind for v in s.latency_ms])
            for kind in ("browser", "websocket")
        },
        "client_drill_ms": {
            kind: spread([v for s in state if s.kind == kind for v in s.drill_ms]) for kind in ("browser", "websocket")
        },
        "chromium": chromium,
    }


def _ms(values: dict[str, float]) -> str:
    return f"{values['p50']:,.0f} / {values['p95']:,.0f} / {values['max']:,.0f} ms (n={values['n']:,.0f})"


def table(result: dict[str, Any]) -> str:
    actions = [s["actions"] for s in result["per_session"]]
    drills = [s["drilldowns"] for s in result["per_session"]]
    rows = [
        ("sessions", f"{result['sessions']}: {result['browsers']} chromium tabs, "
                     f"{result['sessions'] - result['browsers']} websocket clients"),
        ("duration", f"{result['seconds']:.0f} s of new actions, {result['wall_seconds']:.0f} s until the last ended"),
        ("actions (page opened, idle, checked)", f"{result['actions']} — per session min {min(actions, default=0)}, "
                                                 f"median {statistics.median(actions) if actions else 0:.0f}"),
        ("drill-downs (bar click or headline tile, quote shown)", f"{result['drilldowns']} — per session min "
                                                                  f"{min(drills, default=0)}"),
        ("**errors**", f"**{result['errors']}**"),
        ("server CPU, mean / max", f"{result['server_cpu_mean']:.0f}% / {result['server_cpu_max']:.0f}% of one core "
                                   f"({result['samples']} samples, 1 s apart)"),
        ("server RSS, at start / max", f"{result['server_rss_start_mb']:.0f} / {result['server_rss_max_mb']:.0f} MB"),
        ("machine CPU (server + chromium + rest), mean", f"{result['machine_cpu_mean']:.0f}% of all cores"),
        ("server full rerun, p50 / p95 / max", _ms(result["server_full_ms"])),
        ("server fragment rerun (drill-down), p50 / p95 / max", _ms(result["server_fragment_ms"])),
        *((f"server full rerun, {page}, p50 / p95 / max", _ms(values))
          for page, values in result["server_full_ms_by_page"].items()),
        ("browser tab: action (navigation to idle, incl. a drill-down), p50 / p95 / max",
         _ms(result["client_action_ms"]["browser"])),
        ("browser tab: drill-down (click to quote shown, idle), p50 / p95 / max",
         _ms(result["client_drill_ms"]["browser"])),
        ("websocket client: action (rerun request to script finished, incl. a drill-down), p50 / p95 / max",
         _ms(result["client_action_ms"]["websocket"])),
        ("websocket client: drill-down (selection sent to quote received), p50 / p95 / max",
         _ms(result["client_drill_ms"]["websocket"])),
    ]  # fmt: skip
    lines = ["| measure | value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join(lines) + "\n"


def section(result: dict[str, Any], *, command: str) -> str:
    from benchmarks.run import machine

    errors = "".join(f"- `{e}`\n" for e in result["error_messages"][:5])
    return (
        f"{SECTION}\n\n"
        f"{result['sessions']} concurrent sessions against one `streamlit run dashboard/app.py` server for "
        f"{result['seconds']:.0f} s (`benchmarks/load.py`; `tests/test_load_sessions.py` runs it in the suite and "
        f"asserts 0 errors): {result['browsers']} tabs of one headless chromium and "
        f"{result['sessions'] - result['browsers']} websocket clients that speak the frontend's protocol "
        "(`/_stcore/stream`: a rerun request per navigation, the chart's selection as a fragment rerun for a click), "
        "back to back without think time. Each loops over random actions: open the overview, explore, a figure, "
        "the timeline, a source or the validation page (a quarter of them as a new page load, the rest inside the "
        "app) and wait until the run has finished; on explore click a bar of the first chart, on the overview a "
        "headline tile, and wait for the quotation. Errors: in the tabs, page errors, console errors, dialogs, HTTP "
        ">= 500, failed requests, websockets closed other than by a page load, exception elements, a broken-catalog "
        "panel or a traceback, a disconnected frontend; in the clients, exception elements, a broken-catalog "
        "panel, a run not finished successfully, a click that shows no quotation, a closed connection; in both, "
        "timeouts. Server CPU and RSS are the streamlit process tree's, from /proc every second; rerun times are "
        "the server's own (env INDICATORS_TIMINGS) for the runs of the load window (after one warm-up load of the "
        "overview and explore).\n\n"
        f"Command: `{command}` — {time.strftime('%Y-%m-%d')}, catalog `{Path(result['catalog']).name}`"
        f"{' (shipped)' if Path(result['catalog']) == ROOT / 'indicators.yaml' else ''}\n\n"
        f"Machine: {machine()}; {result['chromium'] and 'chromium ' + result['chromium']}\n\n"
        f"{table(result)}\n"
        f"{'First errors:' + chr(10) + chr(10) + errors + chr(10) if errors else ''}"
        f"The machine has {os.cpu_count()} cores shared by the server, the browser tabs, the websocket clients "
        "and other work on the host: the tabs' latencies include the browser's own rendering under that "
        "contention and the server's times include waiting for a core. Twenty chromium tabs do not fit on these "
        "cores (tried: page loads took over 30 s and timed out, the server stayed at ~5% CPU), hence the "
        "websocket clients, which load the server as tabs would without rendering anything.\n"
    )


def write(text: str, path: Path = BENCHMARKS_MD) -> None:
    """Replace the `## Load` section of `path` (up to the next `## ` heading), or append one."""
    current = path.read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(SECTION)}\s*$", current, re.M)
    if found is None:
        path.write_text(current.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        return
    after = re.search(r"^## ", current[found.end() :], re.M)
    tail = current[found.end() + after.start() :] if after else ""
    path.write_text(current[: found.start()] + text + ("\n" + tail if tail else ""), encoding="utf-8")


def run(*, catalog: Path, sessions: int, browsers: int, seconds: float, timeout_ms: float,
        seed: int) -> dict[str, Any]:  # fmt: skip
    ids = Catalog.read(catalog)
    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        work = Path(tmp)
        server = Server("dashboard/app.py", catalog, work / "timings.jsonl").start(work / "server.log")
        try:
            assert server.proc is not None
            sampler = Sampler(server.proc.pid)
            sampler.start()
            try:
                state, chromium, started, ended = asyncio.run(
                    drive(
                        server.url,
                        ids,
                        sessions=sessions,
                        browsers=browsers,
                        seconds=seconds,
                        timeout_ms=timeout_ms,
                        seed=seed,
                    )
                )
            finally:
                sampler.stop()
            alive = server.proc.poll() is None
            lines = server.lines()
        finally:
            server.stop()
        result = summarise(state, lines, sampler, seconds=seconds, window=(started, ended), chromium=chromium,
                           catalog=catalog)  # fmt: skip
        if not alive:
            result["errors"] += 1
            result["error_messages"].insert(
                0, "the server exited during the load: " + (work / "server.log").read_text(errors="replace")[-500:]
            )
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--browsers", type=int, default=2, help="how many of the sessions are chromium tabs")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long sessions start new actions")
    parser.add_argument("--catalog", type=Path, default=ROOT / "indicators.yaml")
    parser.add_argument("--timeout", type=float, default=45.0, help="seconds one wait of an action may take")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the result as JSON here")
    parser.add_argument("--write", action="store_true", help="replace the Load section of BENCHMARKS.md")
    args = parser.parse_args(argv)
    result = run(catalog=args.catalog.resolve(), sessions=args.sessions, browsers=min(args.browsers, args.sessions),
                 seconds=args.seconds,
                 timeout_ms=args.timeout * 1000.0, seed=args.seed)  # fmt: skip
    result["python"] = platform.python_version()
    sys.stdout.write(table(result))
    for message in result["error_messages"][:10]:
        print(f"error: {message}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if args.write:
        command = "python -m benchmarks.load " + shlex.join(argv if argv is not None else sys.argv[1:])
        write(section(result, command=command.strip()))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
