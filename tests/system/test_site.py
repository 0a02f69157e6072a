"""The site as a reader and a curator meet it in a real browser: its name in the tab, the About page, the
curator pages out of a public menu, and a validation message shown whole.

Servers and browser come from tests/support/browser.py; a public server runs without INDICATORS_CURATOR.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

import yaml  # noqa: E402

from tests.conftest import ROOT  # noqa: E402
from tests.support.browser import StartApp, StreamlitServer, app_text, goto, require_browser  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest_plugins = ["tests.support.browser"]

CURATOR_ROUTES = {"validation", "curation"}


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def public_url() -> Iterator[str]:
    """A server of the shipped catalog as a public deployment runs it: no curator mode."""
    require_browser()
    server = StreamlitServer("public", curator=False).start()
    try:
        yield server.url
    finally:
        server.stop()


def menu(page: Page) -> set[str]:
    """The last path segment of every link of the top navigation."""
    hrefs: list[str] = page.locator("header a[href], [data-testid=stTopNavLink], nav a[href]").evaluate_all(
        "links => links.map(a => (a.getAttribute('href') || a.closest('a')?.getAttribute('href') || ''))"
    )
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs if href}


def test_the_tab_title_names_the_site(page: Page, public_url: str) -> None:
    title = shipped()["title"]
    goto(page, public_url)
    page.wait_for_function("t => document.title === t", arg=title)
    goto(page, f"{public_url}/about")
    page.wait_for_function("t => document.title === t", arg=f"About · {title}")
    goto(page, f"{public_url}/figure?indicator=russian-loans-to-venezuela")
    assert page.title().endswith(f" · {title}") and page.title().startswith("Loans extended by Russia")


def test_the_about_page_lists_the_sources_with_inferred_dates(page: Page, public_url: str) -> None:
    goto(page, f"{public_url}/about")
    table = page.locator("[data-testid=stMain] table")
    rows = table.locator("tbody tr")
    sources = shipped()["sources"]
    assert rows.count() == len(sources)
    for row, source in zip(rows.all(), sources, strict=True):
        text = row.inner_text()
        assert source["title"] in text and source["publisher"] in text
        assert ("(date inferred)" in text) == bool(source.get("published_inferred"))
        assert row.locator("a").get_attribute("href") == source["url"]
    text = app_text(page)
    assert "Last updated" in text and shipped()["licence"] in text


def test_the_public_menu_has_no_curator_pages_and_their_urls_show_nothing(page: Page, public_url: str) -> None:
    goto(page, public_url)
    links = menu(page)
    assert "about" in links and "explore" in links, links
    assert not links & CURATOR_ROUTES, links
    goto(page, f"{public_url}/validation")
    text = app_text(page)
    assert "Uncovered mentions" not in text and "Coverage per source" not in text


def test_the_curator_menu_has_the_curator_pages(page: Page, app_url: str) -> None:
    goto(page, app_url)
    assert menu(page) >= CURATOR_ROUTES


def test_a_validation_message_is_shown_whole(page: Page, start_app: StartApp, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    start = text.index("quote:", text.index("id: rosneft-share-of-venezuela-exports-2019"))
    end = text.index("\n", start)
    (tmp_path / "indicators.yaml").write_text(text[:end] + " and more words" + text[end:], encoding="utf-8")
    url = start_app("broken-quote", tmp_path / "indicators.yaml")
    goto(page, f"{url}/validation")
    last_words = page.get_by_text("Copy the quote from the source byte for byte.", exact=False)
    last_words.first.scroll_into_view_if_needed()
    assert last_words.first.is_visible()
    box = last_words.first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= page.viewport_size["width"]  # type: ignore[index]
    link = page.locator("[data-testid=stMain] a[href*='figure?indicator=rosneft-share-of-venezuela-exports-2019']")
    assert link.count() == 1
