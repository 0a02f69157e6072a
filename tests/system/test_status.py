"""What "Verified" says in a browser: its definition beside the badge, the caveats a hedged figure carries, a
broken entry kept out of headlines and citations, and a derived figure shown with its formula and inputs."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

from dashboard.present.wording import VERIFIED_MEANS  # noqa: E402
from tests.conftest import ROOT, Build  # noqa: E402
from tests.present.test_derived import ARMS_QUOTE, derived_catalog  # noqa: E402
from tests.support.browser import StartApp, app_text, goto  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest_plugins = ["tests.support.browser"]

CONTENT = "[data-testid=stMain]"
BADGE = f"{CONTENT} [data-testid=stMarkdownContainer] span:text-is('Verified')"


def definition_near_badge(page: Page) -> None:
    """The first Verified badge and the definition are both on screen, the definition within a tile's height."""
    badge = page.locator(BADGE).first
    definition = page.locator(f"{CONTENT} [data-testid=stCaptionContainer]", has_text=VERIFIED_MEANS).first
    badge.scroll_into_view_if_needed()
    assert badge.is_visible() and definition.is_visible()
    top, below = badge.bounding_box(), definition.bounding_box()
    assert top is not None and below is not None
    assert abs(below["y"] - top["y"]) < 400, (top, below)


def test_the_definition_of_verified_is_beside_the_badge(page: Page, app_url: str) -> None:
    goto(page, app_url)
    definition_near_badge(page)
    goto(page, f"{app_url}/figure?indicator=russia-share-of-venezuela-arms-imports")
    definition_near_badge(page)


def test_a_hedged_figure_says_so_with_its_sentence(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/figure?indicator=rosneft-share-of-venezuela-exports-2019")
    main = page.locator(CONTENT)
    assert main.locator("span:text-is('hedged')").first.is_visible()
    assert main.get_by_text(
        "The text hedges this figure (“nearly”): an upper bound: the true figure may be lower."
    ).is_visible()


def test_a_broken_entry_is_no_headline_and_offers_no_citation(page: Page, start_app: StartApp, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    path = tmp_path / "indicators.yaml"
    path.write_text((ROOT / "indicators.yaml").read_text(encoding="utf-8").replace("value: 343\n", "value: 344\n", 1),
                    encoding="utf-8")  # fmt: skip
    url = start_app("broken-entry", path)
    goto(page, url)
    tiles = page.locator(CONTENT).inner_text()
    assert "nearly 60%" in tiles and "343 agreements" not in tiles and "344 agreements" not in tiles
    goto(page, f"{url}/figure?indicator=russia-venezuela-agreements")
    text = app_text(page)
    assert "Not verified: value-mismatch" in text and "Do not quote it" in text
    assert "Cite this" not in text and page.locator(f"{CONTENT} [data-testid=stCode]").count() == 0


def test_a_derived_figure_shows_its_formula_and_its_inputs_sentences(
    page: Page, start_app: StartApp, build: Build
) -> None:
    url = start_app("derived", build(derived_catalog()))
    goto(page, f"{url}/figure?indicator=share-gap")
    main = page.locator(CONTENT)
    assert main.locator("span:text-is('derived')").first.is_visible()
    text = main.inner_text()
    assert "Worked out: Arms bought from Freedonia (70%) − Share of exports (nearly 40%) = 30%" in text
    marks = " ".join(m.inner_text() for m in main.locator("[data-testid=stHtml] mark").all())
    assert ARMS_QUOTE.rstrip(".") in marks and "nearly 40 per cent of the total" in marks
    assert "5 March 2024 (date inferred)" in text
    (cite,) = [c.inner_text() for c in main.locator("[data-testid=stCode]").all()]
    assert cite.startswith("Gap between the two shares: 30%. Worked out from other figures")
