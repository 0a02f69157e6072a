"""The dashboard where it is deployed: under a reverse proxy's path (`--server.baseUrlPath`), from the root
entry Streamlit Community Cloud runs (`streamlit_app.py`), and a readiness check that tells a broken
catalog apart from a healthy server."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

from tests.conftest import ROOT  # noqa: E402
from tests.support.browser import StreamlitServer, app_text, goto, require_browser  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest_plugins = ["tests.support.browser"]
BASE = "indicators"  # as in docs/deploy/nginx.conf and indicators.service


def ready(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dashboard.web.ready", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip


@pytest.fixture(scope="module")
def under_a_path() -> Iterator[str]:
    """The Community Cloud entry, served under /indicators/ as behind the proxy of docs/deploy/."""
    require_browser()
    server = StreamlitServer("base-path", script="streamlit_app.py", base_path=BASE).start()
    try:
        yield server.url
    finally:
        server.stop()


def test_the_app_under_a_path_shows_its_figures(page: Page, under_a_path: str) -> None:
    goto(page, f"{under_a_path}/")
    assert "343 agreements" in app_text(page)
    hrefs = page.locator("[data-testid=stTopNavLink]").evaluate_all("links => links.map(a => a.pathname)")
    assert hrefs and all(h.startswith(f"/{BASE}") for h in hrefs), hrefs


def test_a_permalink_under_a_path_opens_its_sentence(page: Page, under_a_path: str) -> None:
    goto(page, f"{under_a_path}/figure?indicator=russia-venezuela-agreements")
    page.locator("[data-testid=stMain] [data-testid=stHtml] mark").first.wait_for(timeout=15_000)
    assert "343" in app_text(page)
    page.get_by_text("Read it in the full text").first.click()
    page.wait_for_url(f"**/{BASE}/sources?source=*", timeout=15_000)


def test_ready_passes_against_the_running_app(under_a_path: str) -> None:
    done = ready("--url", under_a_path)
    assert done.returncode == 0 and done.stdout.startswith("ready:"), done


def test_ready_fails_on_a_broken_catalog_while_health_answers(tmp_path: Path) -> None:
    require_browser()
    broken = tmp_path / "indicators.yaml"
    broken.write_text("version: 1\nthemes: [unclosed\n", encoding="utf-8")
    server = StreamlitServer("broken-ready", catalog=broken).start()  # /_stcore/health answers 200
    try:
        done = ready("--url", server.url, str(broken))
    finally:
        server.stop()
    assert done.returncode == 1 and "yaml-syntax at line 3" in done.stderr, done
