"""What a journalist takes away from the dashboard, in Debian chromium: the downloads of what is on screen
(a filtered view, one figure), the "cite this" copy button on a touch screen, and a printout that holds the
text, the page's address and the day, and no control."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

import yaml  # noqa: E402

from dashboard.present.wording import date_words  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.support.browser import PHONE, goto  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest_plugins = ["tests.support.browser"]

FIGURE = "russian-loans-to-venezuela"
COPY = '[data-testid=stCode] button[aria-label="Copy to clipboard"]'
FACT = "venezuela-displaced-people-2024"
"""A figure of the humanitarian theme that is drawn as a fact (a button) beside the theme's chart."""


def fact_title(ident: str) -> str:
    """The shipped catalog's title of figure `ident`."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    return str(next(i["title"] for i in data["indicators"] if i["id"] == ident))


def download(page: Page, label: str) -> tuple[str, bytes]:
    """Click the download button `label`; the file's suggested name and its bytes."""
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=label).click()
    got = info.value
    path = got.path()
    assert path is not None
    return got.suggested_filename, path.read_bytes()


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_explore_downloads_the_figures_its_filters_show(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/explore?theme=energy")
    name, data = download(page, "This view (CSV)")
    shown = rows(data)
    assert name == "figures-energy.csv" and shown and {r["theme"] for r in shown} == {"energy"}
    name, data = download(page, "Events (CSV)")
    assert name == "events.csv" and all(r["date"] and "value" not in r for r in rows(data))


def test_a_figure_page_downloads_that_figure_alone(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/figure?indicator={FIGURE}")
    name, data = download(page, "This figure (CSV)")
    assert name == f"figure-{FIGURE}.csv" and [r["id"] for r in rows(data)] == [FIGURE]


def test_cite_this_copy_button_shows_on_a_phone_without_hover(browser: Browser, app_url: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        assert page.evaluate("matchMedia('(hover: none)').matches")
        goto(page, f"{app_url}/figure?indicator={FIGURE}")
        button = page.locator(COPY).first
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        shown = button.evaluate(
            """b => { let o = 1; for (let e = b; e; e = e.parentElement) o *= +getComputedStyle(e).opacity;
                      return [o, getComputedStyle(b).visibility]; }"""
        )
        assert shown[0] > 0 and shown[1] == "visible", shown
    finally:
        context.close()


def test_a_desktop_still_shows_the_copy_button_on_hover_only(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/figure?indicator={FIGURE}")
    button = page.locator(COPY).first
    assert not button.is_visible()
    page.locator("[data-testid=stCode]").first.hover()
    button.wait_for(state="visible", timeout=5_000)


@pytest.mark.parametrize("route", ["explore?theme=humanitarian", f"figure?indicator={FIGURE}"])
def test_a_printout_has_no_control_and_says_where_and_when(page: Page, app_url: str, route: str) -> None:
    goto(page, f"{app_url}/{route}")
    # print-only parts hide themselves, so the screen never shows them, not even before the stylesheet paints
    assert not page.locator(".print-only").first.is_visible()
    # the app's stylesheet comes in an st.html element that paints after the script has finished: wait for it
    page.wait_for_function("[...document.querySelectorAll('style')].some(s => s.textContent.includes('@media print'))")
    nav = page.locator("[data-testid=stTopNavLink]")
    assert nav.count() and nav.first.is_visible()  # on screen, the navigation and the controls are there
    footer = page.locator(".st-key-print-footer")
    assert footer.count() == 1 and not footer.is_visible()
    facts = page.locator("[data-testid=stMain] [class*=st-key-print-facts-]")
    assert all(not facts.nth(i).is_visible() for i in range(facts.count()))  # on screen, the facts are buttons
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    for selector in ("button", "input", "[data-testid=stSelectbox]", "[data-testid=stTopNavLink]", "header",
                     "[data-testid=stDownloadButton]", ".modebar"):  # fmt: skip
        found = page.locator(selector)
        visible = [i for i in range(found.count()) if found.nth(i).is_visible()]
        assert not visible, (selector, visible)
    assert page.locator("[data-testid=stMain] h1").first.is_visible()
    if route.startswith("figure"):
        assert page.locator("[data-testid=stMain] mark").first.is_visible()  # the quote stays
    else:
        assert page.locator("[data-testid=stPlotlyChart]").first.is_visible()  # and the charts
        assert facts.first.is_visible() and fact_title(FACT) in facts.first.inner_text()  # and the facts, as text
    assert footer.is_visible()
    assert footer.inner_text() == f"Printed from {app_url}/{route} on {date_words(date.today().isoformat())}"
