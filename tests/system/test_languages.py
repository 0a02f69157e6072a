"""A figure from a Spanish source in a real browser, on a desktop and a phone: the original sentence
highlighted in its paragraph and marked as Spanish for screen readers, the curator's translation under it,
and the source's full text in its language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

from tests.conftest import Build  # noqa: E402
from tests.support.browser import DESKTOP, PHONE, StartApp, goto, open_page, screenshot  # noqa: E402
from tests.validation.test_translations import SPANISH, spanish_catalog  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytest_plugins = ["tests.support.browser"]

CONTENT = "[data-testid=stMain]"
ORIGINAL = "La deuda externa supera los 150.000 millones de dólares"
ENGLISH = "External debt tops 150 billion dollars"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_spanish_figure_shows_the_original_highlighted_and_its_translation(
    browser: Browser, start_app: StartApp, build: Build, viewport: dict[str, int]
) -> None:
    url = start_app("spanish", build(spanish_catalog(), text=SPANISH))
    page, _ = open_page(browser, viewport)
    try:
        goto(page, f"{url}/figure?indicator=debt")
        main = page.locator(CONTENT)
        quoted = main.locator("[lang=es] mark").first
        quoted.scroll_into_view_if_needed()
        assert quoted.is_visible() and ORIGINAL in quoted.inner_text()
        note = main.get_by_text("The original is in Spanish", exact=False).first
        english = main.get_by_text(ENGLISH, exact=False).first
        assert note.is_visible() and english.is_visible()
        below, translated = quoted.bounding_box(), english.bounding_box()
        assert below is not None and translated is not None
        assert 0 < translated["y"] - below["y"] < 400, (below, translated)  # under the original, not elsewhere
        assert translated["x"] + translated["width"] <= viewport["width"]  # whole on a phone
        screenshot(page, f"spanish-figure-{viewport['width']}")
        goto(page, f"{url}/sources?source=es&indicator=debt")
        assert main.locator(".passage-box[lang=es] mark").first.is_visible()
        assert main.get_by_text(f"In English: {ENGLISH}").first.is_visible()
    finally:
        page.context.close()
