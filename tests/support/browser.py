"""Browser-test harness: a real `streamlit run` server on a free port, driven by Debian chromium via Playwright.

Loaded by tests/system/test_browser.py as a pytest plugin (`pytest_plugins`), so its fixtures are available there:

- `browser`: one headless chromium for the session (`/usr/bin/chromium`, not a Playwright download).
- `app_url`: a server of the shipped catalog (`indicators.yaml`), started once per session.
- `start_app`: a factory that starts another server on a given catalog (e.g. a broken or hostile temporary copy);
  each is stopped at the end of the test.
- `page`: a fresh desktop page (1280x900) per test, with dialogs, console errors and requests recorded.

Under `CI=true` a missing chromium or playwright fails the tests; locally they skip only when chromium is absent.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.processes import free_port, stop_process, wait_healthy

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page, Playwright

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
START_TIMEOUT = 60.0  # seconds for the server to answer /_stcore/health
SETTLE_MS = 400  # after the script stops: let the frontend paint (and keep clicks > 300 ms apart)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_browser() -> None:
    """Fail under CI, skip locally (only for a missing chromium), when the browser stack is unavailable."""
    if not CHROMIUM.is_file():
        if in_ci():
            pytest.fail(
                f"CI=true but {CHROMIUM} is missing: `.ci/run` should have installed it (apt-get install chromium)"
            )
        pytest.skip(f"browser tests need Debian chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:  # playwright is in the `test` extra: its absence is a broken install
        pytest.fail(f"playwright is not installed ({exc}); install the test extra: pip install -e '.[test]'")


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:100] or "x"


@dataclass
class StreamlitServer:
    """`streamlit run <script>` in `app_dir` on a free port; INDICATORS_CATALOG points at `catalog` when given;
    in curator mode unless `curator` is False."""

    name: str
    catalog: Path | None = None
    app_dir: Path = ROOT
    script: str = "dashboard/app.py"
    base_path: str = ""
    """Served under this path (`--server.baseUrlPath`), as behind a reverse proxy."""
    curator: bool = True
    """Curator mode (INDICATORS_CURATOR=1): the Validation and Curation pages exist; False is a public site."""
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}" + (f"/{self.base_path}" if self.base_path else "")

    def start(self) -> StreamlitServer:
        ARTIFACTS.mkdir(exist_ok=True)
        self.log_path = ARTIFACTS / f"streamlit-{slug(self.name)}.log"
        env = dict(os.environ)
        env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
        if self.catalog is not None:
            env["INDICATORS_CATALOG"] = str(self.catalog)
        else:
            env.pop("INDICATORS_CATALOG", None)
        if self.curator:
            env["INDICATORS_CURATOR"] = "1"
        else:
            env.pop("INDICATORS_CURATOR", None)
        cmd = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            *(["--server.baseUrlPath", self.base_path] if self.base_path else []),
        ]  # fmt: skip
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.app_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.wait_healthy()
        return self

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path else ""

    def wait_healthy(self, timeout: float = START_TIMEOUT) -> None:
        assert self.proc is not None
        wait_healthy(self.proc, self.url, timeout=timeout, log=self.log)

    def stop(self) -> None:
        stop_process(self.proc)


def wait_ready(page: Page, timeout: float = 30_000) -> None:
    """Wait until the app's script has finished running (after a load or an interaction), then let it paint."""
    page.wait_for_selector("[data-testid=stApp]", timeout=timeout)
    # A rerun may start a moment after the interaction that triggers it: settle, then wait for the idle state.
    page.wait_for_timeout(150)
    page.wait_for_selector(READY, timeout=timeout)
    page.wait_for_timeout(SETTLE_MS)
    page.wait_for_selector(READY, timeout=timeout)


def goto(page: Page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_ready(page)


def screenshot(page: Page, name: str, *, docs: bool = False) -> Path:
    """Save a viewport screenshot to test-artifacts/<name>.png; with UPDATE_DOCS_SCREENSHOTS=1, the main views
    also refresh docs/screenshots/<name>.png (left alone otherwise, so a test run leaves the tree clean)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{slug(name)}.png"
    page.screenshot(path=str(path))
    if docs and os.environ.get("UPDATE_DOCS_SCREENSHOTS") == "1":
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (DOCS_SCREENSHOTS / path.name).write_bytes(path.read_bytes())
    return path


def app_text(page: Page) -> str:
    return page.locator("[data-testid=stApp]").inner_text()


@dataclass
class PageRecord:
    """What a page did besides rendering: dialogs it opened, console errors, uncaught page errors, and the URL
    of every request it made (documents, scripts, images, fonts, fetches, websockets)."""

    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self, base_url: str) -> list[str]:
        """Requests that left the app's own server, or fetched a path no app serves (`<img src=x>` resolves
        to the app's host, so a same-host fetch of `…/x` is an injected image too)."""
        own = urllib.parse.urlsplit(base_url)
        foreign = []
        for url in self.requests:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                continue  # built in the page, not fetched
            same = parts.scheme in {"http", "ws"} and parts.hostname in {own.hostname, "localhost", "127.0.0.1"}
            if not same or parts.port != own.port or parts.path.rsplit("/", 1)[-1] in {"x", "b"}:
                foreign.append(url[:200])
        return foreign


def open_page(browser: Browser, viewport: dict[str, int] = DESKTOP) -> tuple[Page, PageRecord]:
    context = browser.new_context(viewport=viewport, device_scale_factor=1)  # type: ignore[arg-type]
    context.set_default_timeout(30_000)
    page = context.new_page()
    record = PageRecord()

    def on_dialog(dialog: Dialog) -> None:
        record.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: record.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: record.page_errors.append(str(err)))
    page.on("request", lambda req: record.requests.append(req.url))
    page.on("websocket", lambda socket: record.requests.append(socket.url))
    return page, record


# --------------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


StartApp = Callable[..., str]


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """A server of the shipped catalog, shared by the whole session."""
    require_browser()
    server = StreamlitServer("shipped").start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def start_app() -> Iterator[StartApp]:
    """Start `streamlit run` on another catalog: `start_app(name, catalog_path) -> base URL`; stopped after the test."""
    servers: list[StreamlitServer] = []

    def _start(name: str, catalog: Path | None = None) -> str:
        server = StreamlitServer(name, catalog=catalog)
        servers.append(server)
        return server.start().url

    yield _start
    for server in servers:
        server.stop()


@pytest.fixture
def page_record(browser: Browser, request: pytest.FixtureRequest) -> Iterator[tuple[Page, PageRecord]]:
    """A fresh desktop page per test; a screenshot of its last state goes to test-artifacts/ on failure."""
    page, record = open_page(browser)
    yield page, record
    report: Any = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        with contextlib.suppress(Exception):  # best effort: the page may be gone
            screenshot(page, f"FAILED-{request.node.name}")
    page.context.close()


@pytest.fixture
def page(page_record: tuple[Page, PageRecord]) -> Page:
    return page_record[0]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the item so fixtures can tell a failed test (for the failure screenshot)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
