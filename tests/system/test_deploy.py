"""The dashboard where it is deployed: under a reverse proxy's path (`--server.baseUrlPath`), from the root
entry Streamlit Community Cloud runs (`streamlit_app.py`), and a readiness check that tells a broken
catalog apart from a healthy server."""

from __future__ import annotations

import csv
import io
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

from tests.conftest import ROOT  # noqa: E402
from tests.support.browser import ARTIFACTS, StreamlitServer, app_text, goto, require_browser  # noqa: E402
from tests.support.processes import free_port, stop_process, wait_healthy  # noqa: E402

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


def readme_command() -> list[str]:
    """The `streamlit run … --server.baseUrlPath …` line of the README's "## Deploy", as written there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deploy = readme.split("\n## Deploy", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in deploy.splitlines() if line.startswith("streamlit run ") and "baseUrlPath" in line]
    assert len(lines) == 1, "README ## Deploy should show one `streamlit run … --server.baseUrlPath …` line"
    return shlex.split(lines[0])


@pytest.fixture(scope="module")
def as_the_readme_says() -> Iterator[str]:
    """The README's deploy line, run as written from the checkout, on a free port; the app's URL."""
    require_browser()
    args = readme_command()
    options = dict(zip(args[3::2], args[4::2], strict=True))
    assert args[:3] == ["streamlit", "run", "dashboard/app.py"] and options["--server.headless"] == "true"
    port = free_port()
    args[args.index("--server.port") + 1] = str(port)
    url = f"http://{options['--server.address']}:{port}/{options['--server.baseUrlPath'].strip('/')}"
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "streamlit-readme-deploy.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", *args], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_healthy(proc, url, timeout=60, log=lambda: log.read_text(encoding="utf-8", errors="replace"))
        yield url
    finally:
        stop_process(proc)


def test_the_readme_deploy_line_serves_permalinks_and_downloads_under_its_path(
    page: Page, as_the_readme_says: str
) -> None:
    assert as_the_readme_says.endswith(f"/{BASE}")
    ident = "russian-loans-to-venezuela"
    goto(page, f"{as_the_readme_says}/figure?indicator={ident}")
    mark = page.locator("[data-testid=stMain] [data-testid=stHtml] mark").first
    mark.wait_for(timeout=15_000)
    assert "Russia is a major creditor to the Venezuelan government" in app_text(page)
    cite = page.locator("[data-testid=stCode]").first.inner_text()
    assert f"/{BASE}/figure?indicator={ident}" in cite  # "cite this" links the page under its path
    for label, name in (("This figure (CSV)", f"figure-{ident}.csv"), ("Figures (CSV)", "figures.csv")):
        with page.expect_download(timeout=30_000) as info:
            page.get_by_role("button", name=label).click()
        path = info.value.path()
        assert info.value.suggested_filename == name and path is not None
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), data[:20]
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows and (name == "figures.csv" or {r["id"] for r in rows} == {ident})


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
