"""The dashboard as its readers use it, in Debian chromium at desktop and phone width: Back and Forward,
the timeline, phone layouts, the quotation in view after a choice, a figure's place in its source, search,
accessibility (axe-core), shared links and tab titles."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

import axe_playwright_python
import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")

import yaml  # noqa: E402

from tests.conftest import ROOT  # noqa: E402
from tests.support.browser import PHONE, app_text, goto, open_page, screenshot, wait_ready  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytest_plugins = ["tests.support.browser"]

CONTENT = "[data-testid=stMain]"
ROUTES = ["", "explore", "figure?indicator=russia-venezuela-agreements", "timeline", "sources", "search?q=Rosneft",
          "validation", "curation"]  # fmt: skip


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    return data


def path_and_query(page: Page) -> str:
    parts = urllib.parse.urlsplit(page.url)
    return parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")


def back(page: Page) -> None:
    page.go_back(wait_until="domcontentloaded")
    wait_ready(page)


def forward(page: Page) -> None:
    page.go_forward(wait_until="domcontentloaded")
    wait_ready(page)


def tap_centre(page: Page, target: Locator) -> None:
    target.evaluate("e => e.scrollIntoView({block: 'center', inline: 'center'})")
    page.wait_for_timeout(400)  # plotly reads two clicks within 300 ms as a double click
    box = target.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_ready(page)


def choose(page: Page, selectbox: Locator, option: str) -> None:
    selectbox.locator("input").first.click()
    page.keyboard.type(option)
    page.locator("[role=option]", has_text=option).first.wait_for()
    page.keyboard.press("Enter")
    wait_ready(page)


def shown_quotes(page: Page) -> list[str]:
    return [m.inner_text() for m in page.locator(f"{CONTENT} [data-testid=stHtml] mark:has(mark)").all()]


def shown_numbers(page: Page) -> list[str]:
    """The number marked inside each shown quotation: figures of one sentence differ only there."""
    return [m.inner_text() for m in page.locator(f"{CONTENT} [data-testid=stHtml] mark:has(mark) mark").all()]


def in_viewport(page: Page, selector: str) -> bool:
    return bool(page.evaluate(
        """s => { const e = document.querySelector(s); if (!e) return false; const r = e.getBoundingClientRect();
                  return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }""",
        selector,
    ))  # fmt: skip


# ------------------------------------------------------------------------------------------- history


def test_back_and_forward_step_through_every_view(page: Page, app_url: str) -> None:
    goto(page, app_url)
    page.locator(f"{CONTENT} a[href*='figure?indicator=']").first.click()
    page.wait_for_url("**/figure?indicator=*")
    wait_ready(page)
    figure_url = path_and_query(page)
    back(page)
    assert path_and_query(page) == "", "Back from a figure does not return to the overview"
    forward(page)
    assert path_and_query(page) == figure_url

    # a permalink on the landing URL shows its view in place: Back leaves it, it never forwards again
    goto(page, f"{app_url}/?indicator=russia-venezuela-agreements")
    assert path_and_query(page) == "?indicator=russia-venezuela-agreements"
    assert "Agreements between Russia and Venezuela" in page.locator(f"{CONTENT} h1").first.inner_text()
    back(page)
    assert path_and_query(page) == figure_url


def test_back_restores_each_selection_and_filter_on_explore(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/explore?theme=humanitarian")
    bars = page.locator(f"{CONTENT} .js-plotly-plot").first.locator(".bars path")
    tap_centre(page, bars.nth(0))
    first = path_and_query(page)
    tap_centre(page, page.locator(f"{CONTENT} .js-plotly-plot").first.locator(".bars path").nth(1))
    second = path_and_query(page)
    assert first != second and "indicator=" in first and "indicator=" in second
    choose(page, page.locator(f"{CONTENT} [data-testid=stSelectbox]").first, "Military")
    assert "theme=military" in path_and_query(page)
    back(page)
    assert path_and_query(page) == second
    quote_second = shown_quotes(page), shown_numbers(page)
    back(page)  # the displaced figures share one sentence: the number marked in it tells them apart
    assert path_and_query(page) == first and (shown_quotes(page), shown_numbers(page)) != quote_second
    assert shown_quotes(page) and shown_numbers(page)
    back(page)
    assert path_and_query(page) == "/explore?theme=humanitarian" and shown_quotes(page) == []
    forward(page)
    assert path_and_query(page) == first and shown_quotes(page)


def test_back_from_a_figure_returns_to_the_source_the_reader_came_from(page: Page, app_url: str) -> None:
    source = shipped()["sources"][2]["id"]
    goto(page, f"{app_url}/sources?source={source}")
    page.locator(f"{CONTENT} [data-testid=stPageLink] a[href*='figure?indicator=']").first.click()
    page.wait_for_url("**/figure?indicator=*")
    wait_ready(page)
    back(page)
    assert path_and_query(page) == f"/sources?source={source}"
    title = next(s["title"] for s in shipped()["sources"] if s["id"] == source)
    assert title in app_text(page)


# ------------------------------------------------------------------------------------------- timeline


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_every_recent_event_can_be_chosen_one_by_one(browser: Browser, app_url: str, viewport: Any) -> None:
    page, _ = open_page(browser, viewport) if viewport else open_page(browser)
    try:
        goto(page, f"{app_url}/timeline")
        events = {e["id"]: e for e in shipped()["events"] if str(e["date"])[:4] in ("2024", "2025")}
        buttons = page.locator(f"{CONTENT} .st-key-timeline-list button")
        buttons.nth(len(events) - 1).wait_for()
        assert buttons.count() == len(events)
        for index in range(buttons.count()):
            buttons = page.locator(f"{CONTENT} .st-key-timeline-list button")
            buttons.nth(index).click()
            wait_ready(page)
            chosen = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["event"][0]
            quote = events[chosen]["citations"][0]["quote"]
            assert any(quote in q or q in quote for q in shown_quotes(page) + [app_text(page)]), chosen
        # the chart's marks: each one a different event, none under another
        marks = page.locator(f"{CONTENT} .js-plotly-plot .scatterlayer .point")
        seen = set()
        for index in range(marks.count()):
            tap_centre(page, page.locator(f"{CONTENT} .js-plotly-plot .scatterlayer .point").nth(index))
            seen.add(urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query).get("event", [""])[0])
        assert seen == set(events), f"marks that could not be clicked apart: {set(events) - seen}"
        screenshot(page, f"timeline-{'phone' if viewport else 'desktop'}", docs=True)
    finally:
        page.context.close()


# ------------------------------------------------------------------------------------------- phones


def test_phone_charts_keep_their_labels_whole_and_a_tap_selects(browser: Browser, app_url: str) -> None:
    page, _ = open_page(browser, PHONE)
    try:
        goto(page, f"{app_url}/explore?theme=humanitarian")
        plot = page.locator(f"{CONTENT} .js-plotly-plot").first
        plot.wait_for()
        labels = plot.locator(".ytick text")
        texts = [t.text_content() or "" for t in labels.all()]
        assert texts and all("…" not in t for t in texts)
        box = plot.bounding_box()
        assert box is not None
        for label in labels.all():
            edge = label.bounding_box()
            assert edge is not None and edge["x"] >= box["x"] - 1, "a bar's label is cut at the left"
            size = float(label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
            assert size >= 12, f"a label of {size}px"
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1
        page.locator(f"{CONTENT} [class*='st-key-taps-'] button").nth(1).click()
        wait_ready(page)
        assert "indicator=" in page.url
        chosen = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["indicator"][0]
        page.wait_for_function("id => !!document.getElementById('quote-' + id + '-0')", arg=chosen)
        page.wait_for_timeout(600)
        assert in_viewport(page, f"#quote-{chosen}-0"), "the quotation is out of sight after a tap"
        screenshot(page, "explore-phone", docs=True)
        # tables lead with the figure and its value (tests/web/test_app.py checks the columns)
        goto(page, f"{app_url}/explore?theme=humanitarian&view=Tables")
        page.locator(f"{CONTENT} [data-testid=stDataFrame]").first.wait_for()
    finally:
        page.context.close()


def test_after_a_click_the_quotation_is_in_view(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/explore?theme=humanitarian")
    tap_centre(page, page.locator(f"{CONTENT} .js-plotly-plot .bars path").nth(2))
    chosen = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["indicator"][0]
    page.wait_for_timeout(600)
    assert in_viewport(page, f"#quote-{chosen}-0")


# ------------------------------------------------------------------------------------------- sources


def test_a_figure_opens_its_passage_in_the_source_and_the_highlight_leads_back(page: Page, app_url: str) -> None:
    ident = "rosneft-share-of-venezuela-exports-2019"
    goto(page, f"{app_url}/figure?indicator={ident}")
    page.get_by_text("Read it in the full text").first.click()
    page.wait_for_url("**/sources?source=*")
    wait_ready(page)
    assert f"indicator={ident}" in page.url
    page.wait_for_timeout(600)
    assert in_viewport(page, "#passage"), "the source does not open at the cited passage"
    passage = page.locator("#passage ~ a mark, #passage + a mark, #passage ~ mark").first
    style = passage.get_attribute("style") or ""
    assert "outline" in style, "the passage does not stand out from the other highlights"
    other = page.locator(f"{CONTENT} .passage-box a.cited[href*='indicator=']:not([href$='{ident}'])").first
    href = other.get_attribute("href") or ""
    other.click()
    page.wait_for_url(f"**/{href}")
    wait_ready(page)
    assert page.locator(f"{CONTENT} h1").first.inner_text()
    back(page)
    assert f"indicator={ident}" in page.url and "/sources" in page.url


# ------------------------------------------------------------------------------------------- search


def test_search_finds_a_word_only_a_quote_holds(page: Page, app_url: str) -> None:
    goto(page, app_url)
    page.get_by_label("Search figures, events, quotes and sources").fill("various")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=various")
    wait_ready(page)
    link = page.locator(f"{CONTENT} a[href*='figure?indicator=russia-venezuela-agreements']")
    assert link.count() == 1
    link.click()
    page.wait_for_url("**/figure?indicator=russia-venezuela-agreements")
    back(page)
    assert path_and_query(page) == "/search?q=various"


# ------------------------------------------------------------------------------------------- links and titles


def marks_of(page: Page) -> list[list[str]]:
    return [
        sorted(p[0] for p in chart.evaluate("g => (g.data || []).flatMap(t => t.customdata || [])"))
        for chart in page.locator(f"{CONTENT} .js-plotly-plot").all()
    ]


def test_a_shared_explore_link_reproduces_filters_view_and_marks(browser: Browser, app_url: str) -> None:
    # the source filter drops the worked-out share (it cites no source): the whole and Russia's part stay drawn
    url = f"{app_url}/explore?theme=military&source=rusi-2022"
    first, _ = open_page(browser)
    second, _ = open_page(browser)
    try:
        goto(first, url)
        first.locator(f"{CONTENT} [data-testid=stButtonGroup] button", has_text="Tables").click()
        wait_ready(first)
        assert "view=Tables" in first.url
        goto(first, url)
        goto(second, url)
        for shown in (first, second):  # Plotly draws a moment after the script has finished
            shown.locator(f"{CONTENT} .js-plotly-plot .bars path").first.wait_for()
        drawn = [["russia-china-share-of-venezuela-arms-imports", "russia-share-of-venezuela-arms-imports"]]
        assert marks_of(first) == marks_of(second) and marks_of(first) == drawn
        assert first.title() == second.title() == f"Explore: Military · {shipped()['title']}"
    finally:
        first.context.close()
        second.context.close()


def test_every_view_has_its_own_tab_title(page: Page, app_url: str) -> None:
    titles = []
    for route in ROUTES:
        goto(page, f"{app_url}/{route}")
        titles.append(page.title())
    assert len(set(titles)) == len(titles), titles


def test_the_legend_keeps_its_colour_when_a_bar_is_selected(page: Page, app_url: str) -> None:
    # the arms shares: a whole and its parts, two legend entries; Russia's part is selected
    goto(page, f"{app_url}/explore?theme=military&indicator=russia-share-of-venezuela-arms-imports")
    plot = page.locator(f"{CONTENT} .js-plotly-plot").first
    plot.locator(".legend .traces").nth(1).wait_for()
    traces = plot.locator(".bars").evaluate_all(
        """ts => ts.map(t => [...t.querySelectorAll('path')]
                  .map(p => [getComputedStyle(p).fill, parseFloat(getComputedStyle(p).strokeWidth)]))"""
    )
    legend = plot.locator(".legend .traces .legendpoints path").evaluate_all(
        "ps => ps.map(p => getComputedStyle(p).fill)"
    )
    assert len(traces) == len(legend) == 2 and len(set(legend)) == 2, (traces, legend)  # whole and part apart
    for bars, colour in zip(traces, legend, strict=True):
        exact = [fill for fill, _ in bars if not fill.startswith("url(")]
        assert exact and set(exact) == {colour}, (bars, colour)  # the selected bar too: its legend's colour
    outlined = [i for i, bars in enumerate(traces) if any(width >= 2 for _, width in bars)]
    assert outlined == [1], f"the selected part is not the one outlined: {traces}"


# ------------------------------------------------------------------------------------------- accessibility

AXE_EXTRA_ROUTES = [
    "explore?theme=humanitarian&indicator=syria-displaced-people",
    "sources?source=bne-intellinews-2025&indicator=rosneft-share-of-venezuela-exports-2019",
]
AXE = Path(axe_playwright_python.__file__).resolve().parent / "axe.min.js"


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(browser: Browser, app_url: str, viewport: Any) -> None:
    page, _ = open_page(browser, viewport) if viewport else open_page(browser)
    found = {}
    try:
        for route in [*ROUTES, *AXE_EXTRA_ROUTES]:
            goto(page, f"{app_url}/{route}")
            page.wait_for_timeout(800)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
            )
            bad = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]  # fmt: skip
            if bad:
                found[route] = bad
            assert page.locator("h1").count() == 1, f"/{route} has {page.locator('h1').count()} h1"
    finally:
        page.context.close()
    assert found == {}, json.dumps(found, indent=1)[:3000]


def test_focus_is_visible_on_a_link(page: Page, app_url: str) -> None:
    goto(page, app_url)
    link = page.locator(f"{CONTENT} a[href*='figure?indicator=']").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = link.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), outline
