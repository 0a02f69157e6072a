"""Charts as a journalist takes them away, in Debian chromium: the modebar's camera saves a PNG (or an SVG,
chosen under the chart), the embed snippet opens one chart without the app around it, a lower bound says
"more than" on its bar, and a rank is a fact that selects its sentence, not a bar."""

from __future__ import annotations

import html
import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

from tests.conftest import mixed_periods_catalog  # noqa: E402
from tests.support.browser import StartApp, goto, wait_ready  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest_plugins = ["tests.support.browser"]

CONTENT = "[data-testid=stMain]"
CAMERA = f"{CONTENT} .js-plotly-plot .modebar-btn"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def open_charts(page: Page, url: str) -> None:
    """Go to a page and wait until its charts are drawn (Plotly paints after the script has finished)."""
    goto(page, url)
    page.wait_for_selector(f"{CONTENT} .js-plotly-plot .main-svg", timeout=30_000)


def save_image(page: Page) -> tuple[str, bytes]:
    """Click the first chart's camera button; the downloaded file's name and bytes."""
    camera = page.locator(CAMERA).first
    camera.scroll_into_view_if_needed()
    page.locator(f"{CONTENT} .js-plotly-plot").first.hover()
    with page.expect_download(timeout=30_000) as caught:
        camera.click()
    download = caught.value
    path = download.path()
    return download.suggested_filename, path.read_bytes()


def test_the_modebar_camera_saves_a_png_named_after_the_series(page: Page, app_url: str) -> None:
    open_charts(page, f"{app_url}/explore?theme=humanitarian")
    assert page.locator(CAMERA).count() == 1  # the image button alone, nothing to zoom or pan
    name, data = save_image(page)
    assert name == "displaced-population.png"
    assert data.startswith(PNG_SIGNATURE)


def test_svg_chosen_under_the_chart_makes_the_camera_save_an_svg(page: Page, app_url: str) -> None:
    open_charts(page, f"{app_url}/explore?theme=humanitarian")
    page.get_by_role("button", name="Download · Embed").first.click()
    page.get_by_text("SVG", exact=True).click()
    wait_ready(page)
    page.keyboard.press("Escape")
    name, data = save_image(page)
    assert name == "displaced-population.svg"
    assert data.lstrip().startswith(b"<svg") and b"Syria" in data and b"Source" in data


def test_the_embed_snippet_opens_one_chart_without_the_app_around_it(page: Page, app_url: str) -> None:
    open_charts(page, f"{app_url}/explore?theme=humanitarian")
    page.get_by_role("button", name="Download · Embed").first.click()
    snippet = page.locator("[data-testid=stCode]").first.inner_text()
    found = re.search(r'<iframe src="([^"]+)"', snippet.replace("\n", ""))
    assert found, snippet
    url = html.unescape(found.group(1))
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert query == {"series": ["displaced-population"], "embed": ["true"]}
    assert url.startswith(app_url)

    open_charts(page, url)
    assert page.locator(f"{CONTENT} .js-plotly-plot").count() == 1
    assert page.get_by_role("link", name="Timeline").count() == 0  # no navigation
    assert page.locator("[data-testid=stMainMenu], [data-testid=stSidebar], [data-testid=stToolbar]").count() == 0
    text = page.locator(CONTENT).inner_text()
    assert "Displaced population" in text and "Explore by theme" not in text
    assert "Source: RUSI, “Is Russia’s War in Ukraine" in text
    assert page.locator(CAMERA).count() == 1


def test_a_lower_bound_bar_says_more_than_and_points_beyond_its_end(
    page: Page, start_app: StartApp, tmp_path: Path
) -> None:
    url = start_app("mixed-periods", mixed_periods_catalog(tmp_path))  # the shipped catalog draws no bound
    open_charts(page, f"{url}/explore?theme=humanitarian")
    assert page.get_by_role("heading", name="Displaced population (periods differ)").count() == 1
    labels = page.locator(f"{CONTENT} .js-plotly-plot .annotation-text")
    assert labels.filter(has_text="more than 8 million people").count() == 1
    assert page.locator(f"{CONTENT} .js-plotly-plot .annotation path").count() >= 1  # the arrow beyond the bar
    assert labels.filter(has_text="Source").count() == 1  # the note a downloaded image keeps


def test_a_rank_is_a_fact_that_selects_its_sentence(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/explore?indicator=russia-venezuela-relations-anniversary-2025")
    heading = page.get_by_role("heading", name="Other figures")
    assert heading.count() == 1
    facts = page.locator(".st-key-facts-other button")
    facts.first.wait_for(timeout=30_000)
    ranks = facts.filter(has_text="80th")
    assert ranks.count() == 2
    assert page.locator(f"{CONTENT} .js-plotly-plot").filter(has_text="80th").count() == 0  # no bar of ranks
    assert "80th — 2025 — " in ranks.first.inner_text()
    ranks.nth(1).click()
    wait_ready(page)
    chosen = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["indicator"][0]
    assert chosen == "end-of-second-world-war-anniversary-2025"
    assert page.locator(f"#quote-{chosen}-0").count() == 1
