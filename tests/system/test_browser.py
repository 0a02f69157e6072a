"""The dashboard in a real browser: `streamlit run` driven by Debian chromium through Playwright.

These run in CI (`CI=true`: a missing chromium or playwright fails them); locally they skip only when
/usr/bin/chromium is absent. Screenshots go to test-artifacts/ and, for the main views, docs/screenshots/.
The harness (servers, browser, `wait_ready`) is tests/support/browser.py.
"""

from __future__ import annotations

import re
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytestmark = pytest.mark.browser
pytest.register_assert_rewrite("tests.support.browser")  # before its import below, so its asserts are rewritten too

import yaml  # noqa: E402

from dashboard.curation.pin import pin_catalog  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.support.browser import (  # noqa: E402
    PHONE,
    PageRecord,
    StartApp,
    StreamlitServer,
    app_text,
    goto,
    open_page,
    require_browser,
    screenshot,
    wait_ready,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytest_plugins = ["tests.support.browser"]

# st.navigation url_path of each page (dashboard/app.py); the overview is the default page at "/".
ROUTES = ["", "explore", "figure", "timeline", "sources", "search", "about", "validation", "curation"]
TILE_LINKS = "[data-testid=stMain] a[href*='figure?indicator=']"
BAR = ".js-plotly-plot .bars path"
CONTENT = "[data-testid=stMain]"
# Where text from the catalog or a source can land: markdown, st.html, captions, widget labels, tables' cells.
TEXT_CONTAINERS = "[data-testid=stMarkdownContainer], [data-testid=stHtml], [data-testid=stCaptionContainer]"


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    return data


def indicator(ident: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for i in shipped()["indicators"] if i["id"] == ident)
    return found


def no_traceback(page: Page) -> None:
    text = app_text(page)
    assert "Traceback" not in text, text[:2000]
    assert page.locator("[data-testid=stException]").count() == 0


def click_centre(page: Page, target: Locator) -> None:
    """Scroll the mark into view and click the middle of its bounding box, like a reader with a mouse."""
    target.evaluate("e => e.scrollIntoView({block: 'center', inline: 'center'})")  # clear of the sticky top bar
    page.wait_for_timeout(400)  # plotly reads two clicks within 300 ms as a double click
    box = target.bounding_box()
    assert box is not None, "the chart mark has no box (not rendered?)"
    viewport = page.viewport_size or {"width": 0, "height": 0}
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    assert 0 <= x <= viewport["width"] and 0 <= y <= viewport["height"], f"mark centre {x, y} is off screen"
    on_chart = "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.js-plotly-plot')"
    assert page.evaluate(on_chart, [x, y]), f"something covers the chart at {x, y}"
    page.mouse.click(x, y)
    wait_ready(page)


def first_bar(page: Page) -> Locator:
    bar = page.locator(BAR).first
    bar.wait_for(state="visible")
    page.wait_for_timeout(300)  # let the other charts of the page render and the layout settle
    return bar


def quote_marks(page: Page) -> tuple[Locator, Locator]:
    """The highlighted quotation (outer <mark>) and the figure highlighted inside it (inner <mark>)."""
    quote = page.locator(f"{CONTENT} [data-testid=stHtml] mark:has(mark)")
    figure = page.locator(f"{CONTENT} [data-testid=stHtml] mark mark")
    return quote, figure


# --------------------------------------------------------------------------------------------------- the app


def test_overview_shows_the_headline_tiles(page: Page, app_url: str, browser: Browser) -> None:
    goto(page, app_url)
    no_traceback(page)
    hrefs = page.locator("[data-testid=stTopNavLink]").evaluate_all("links => links.map(a => a.pathname)")
    assert sorted(h.strip("/") for h in hrefs) == sorted(ROUTES), f"the pages moved: {hrefs}; update ROUTES"
    # A tile: the figure in words, its period and source, a badge, and a link to its sentence.
    assert page.locator(TILE_LINKS).count() >= 5, app_text(page)[:2000]
    text = app_text(page)
    for words in ("343 agreements", "nearly 60%", "$17 billion", "70%", "more than 8 million people", "Verified"):
        assert words in text, f"{words!r} not on the overview"
    screenshot(page, "overview-desktop", docs=True)

    phone, _ = open_page(browser, PHONE)
    try:
        goto(phone, app_url)
        assert phone.locator(TILE_LINKS).count() >= 5
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, f"the overview scrolls sideways at phone width ({width}px)"
        screenshot(phone, "overview-phone", docs=True)
    finally:
        phone.context.close()


def test_a_tile_opens_its_sentence(page: Page, app_url: str) -> None:
    """Landing page -> a headline's sentence in one click."""
    goto(page, app_url)
    page.locator(TILE_LINKS).first.click()
    page.wait_for_url("**/figure?indicator=*")
    wait_ready(page)
    quote, figure = quote_marks(page)
    quote.first.wait_for()
    assert figure.count() >= 1
    no_traceback(page)


def test_clicking_a_bar_shows_its_quotation_with_the_figure_highlighted(page: Page, app_url: str) -> None:
    goto(page, f"{app_url}/explore")
    bar = first_bar(page)
    quote, figure = quote_marks(page)
    assert quote.count() == 0, "a quotation is shown before any click"

    click_centre(page, bar)
    quote.first.wait_for()
    ident = page.url.split("indicator=", 1)[-1].split("&")[0]
    chosen = indicator(ident)
    assert quote.first.inner_text() == chosen["citations"][0]["quote"]
    marked = figure.first.inner_text()
    assert marked and marked in chosen["citations"][0]["quote"] and any(c.isdigit() for c in marked)
    assert figure.first.evaluate("e => getComputedStyle(e).fontWeight") in {"600", "bold", "700"}
    detail = app_text(page)
    assert chosen["title"] in detail
    no_traceback(page)
    quote.first.scroll_into_view_if_needed()
    screenshot(page, "explore-desktop", docs=True)

    # A second bar of the same chart, more than 300 ms later: the selection moves (it survives the redraw).
    bars = page.locator(".js-plotly-plot").first.locator(".bars path")
    if bars.count() >= 2:
        click_centre(page, bars.nth(1))
        page.wait_for_url(lambda url: f"indicator={ident}" not in url and "indicator=" in url)
        other = indicator(page.url.split("indicator=", 1)[-1].split("&")[0])
        page.wait_for_function(
            "q => [...document.querySelectorAll('[data-testid=stHtml] mark')].some(m => m.innerText === q)",
            arg=other["citations"][0]["quote"],
        )
        assert quote.count() == 1, "the previous quotation is still shown"


@pytest.mark.parametrize("ident", ["rosneft-share-of-venezuela-exports-2019", "maduro-terms-in-office"])
def test_an_indicator_link_opens_that_figure(page: Page, app_url: str, ident: str) -> None:
    chosen = indicator(ident)
    goto(page, f"{app_url}/figure?indicator={ident}")
    no_traceback(page)
    heading = page.locator(f"{CONTENT} h1", has_text=chosen["title"])
    heading.first.wait_for(timeout=15_000)
    quote, figure = quote_marks(page)
    quote.first.wait_for()
    assert chosen["citations"][0]["quote"] in [m.inner_text() for m in quote.all()]
    assert figure.count() >= 1
    if ident.startswith("rosneft"):
        screenshot(page, "figure-desktop", docs=True)


def test_the_sources_page_highlights_the_cited_passages(page: Page, app_url: str) -> None:
    source = shipped()["sources"][1]
    goto(page, f"{app_url}/sources?source={source['id']}")
    no_traceback(page)
    assert source["title"] in app_text(page)
    marks = page.locator(f"{CONTENT} [data-testid=stHtml] mark")
    assert marks.count() >= 1
    cited = " ".join(m.inner_text() for m in marks.all())
    quotes = [
        c["quote"] for i in shipped()["indicators"] for c in i.get("citations", []) if c["source"] == source["id"]
    ]
    assert quotes and any(q.split("\n")[0] in cited for q in quotes)
    screenshot(page, "sources-desktop", docs=True)


def test_timeline_validation_and_curation_pages_load(page: Page, app_url: str) -> None:
    for route in ("timeline", "validation", "curation"):
        goto(page, f"{app_url}/{route}")
        no_traceback(page)
        screenshot(page, f"{route}-desktop", docs=True)


# --------------------------------------------------------------------------------------------------- broken catalog


def copy_catalog(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    path = tmp_path / "indicators.yaml"
    shutil.copyfile(ROOT / "indicators.yaml", path)
    return path


def test_a_broken_catalog_shows_an_error_panel_on_every_page(page: Page, start_app: StartApp, tmp_path: Path) -> None:
    path = copy_catalog(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("themes:")) + 1
    lines.insert(at, "  military: Military: Forces\n")  # a mapping value inside a plain scalar: not YAML
    path.write_text("".join(lines), encoding="utf-8")
    url = start_app("broken-yaml", path)
    for route in ROUTES:
        goto(page, f"{url}/{route}")
        panel = page.locator(f"{CONTENT} [data-testid=stAlert]").first
        panel.wait_for()
        text = panel.inner_text()
        assert "catalog" in text.lower() and "yaml-syntax" in text, text
        assert f"indicators.yaml:{at + 1}:" in text, f"the panel does not point at line {at + 1}: {text}"
        no_traceback(page)
        if route == "":
            screenshot(page, "broken-catalog", docs=True)

    # The live curation loop: fix the file while the server runs; the next load shows the figures again.
    del lines[at]
    path.write_text("".join(lines), encoding="utf-8")
    goto(page, url)
    page.locator(TILE_LINKS).first.wait_for()
    assert "The catalog is broken" not in app_text(page)
    no_traceback(page)


# --------------------------------------------------------------------------------------------------- hostile text

HOSTILE = "<script>alert(1)</script>"
SENTENCE = f"The memo read {HOSTILE} beside $x$ and ![a](b) as officials counted 42 tankers at the port."
HOSTILE_TITLE = "Hostile <b>Wire</b> $y$ [link](http://example.com) <img src=x onerror=alert(7)>"
HOSTILE_NOTE = "Costs of $5bn and $6bn, *starred* and _underlined_ <img src=x onerror=alert(2)>."
JS_LINK, JS_BARE = "[click](javascript:alert(3))", "javascript:alert(4)"
JS_SENTENCE = f"Press {JS_LINK} or {JS_BARE} where <img src=x onerror=alert(6)> 12 ships waited."
LONG_WORD = "Z" * 20_000
LONG_SENTENCE = f"The log held {LONG_WORD} and 7 barges."
RTL_SENTENCE = "رست 17 ناقلة في الميناء."  # Arabic: "17 tankers docked at the port."
RTL_TITLE = "Tankers \u202egnp.exe מכליות בנמל"  # a RIGHT-TO-LEFT OVERRIDE, then Hebrew


def hostile_catalog(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraphs = ["Hostile Wire", "A test page.", SENTENCE, JS_SENTENCE, LONG_SENTENCE, RTL_SENTENCE]
    (seeds / "hostile.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    catalog = {
        "version": 1,
        "themes": {"trade": "Trade <i>x</i>"},
        "sources": [{
            "id": "hostile-wire", "file": "seeds/hostile.txt", "sha256": "0" * 64, "title": HOSTILE_TITLE,
            "publisher": "Test *Wire*", "published": "2024-03-05",
        }],
        "indicators": [{
            "id": "hostile-tankers", "title": "Tankers <b>at</b> the port", "theme": "trade", "value": 42,
            "unit": "tankers", "entity": "Port $z$", "series": "hostile-series", "note": HOSTILE_NOTE,
            "citations": [{"source": "hostile-wire", "quote": SENTENCE}],
        }, {
            "id": "hostile-js", "title": f"Ships {JS_LINK} {JS_BARE}", "theme": "trade", "value": 12,
            "unit": "ships", "note": f"See {JS_LINK} and {JS_BARE}.",
            "citations": [{"source": "hostile-wire", "quote": JS_SENTENCE, "figure": "12"}],
        }, {
            "id": "hostile-long", "title": "Barges in a long line", "theme": "trade", "value": 7, "unit": "barges",
            "citations": [{"source": "hostile-wire", "quote": LONG_SENTENCE}],
        }, {
            "id": "hostile-rtl", "title": RTL_TITLE, "theme": "trade", "value": 17, "unit": "tankers",
            "series": "hostile-series",  # a second bar: a series of one figure is a fact, not a chart
            "citations": [{"source": "hostile-wire", "quote": RTL_SENTENCE}],
        }],
        "events": [],
        "exclusions": [{"source": "hostile-wire", "quote": "alert(1)", "figure": "1", "reason": "Markup."}],
    }  # fmt: skip
    path = tmp_path / "indicators.yaml"
    path.write_text(yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True), encoding="utf-8")
    changes = pin_catalog(path)  # `indicators pin`: the source's sha256 must match its bytes
    assert [c.new for c in changes] and all(c.new for c in changes)
    return path


def assert_literal(page: Page, record: PageRecord, *, where: str) -> None:
    text = app_text(page)
    for literal in (HOSTILE, "$x$", "![a](b)"):
        assert literal in text, f"{literal!r} is not shown literally on {where}"
    assert record.dialogs == [], f"a dialog opened on {where}: {record.dialogs}"
    # the app's own scripts (scrolling a choice into view) carry data-app-script; no other may appear
    injected = page.locator(f"{CONTENT} script:not([data-app-script])")
    assert injected.count() == 0, f"a <script> element was injected on {where}"
    assert (
        page.locator(f"{TEXT_CONTAINERS}").locator("script:not([data-app-script]), img, iframe, a[href='b']").count()
        == 0
    ), where
    assert page.locator("img[src='b'], img[src$='/b'], img[src='x']").count() == 0, f"an image was injected on {where}"
    assert page.locator(".katex, .katex-display, math").count() == 0, f"text became LaTeX on {where}"
    rendered = re.compile(r"^\W*(Wire|x|at)\W*$")  # <b>Wire</b>, *Wire*, <i>x</i>, <b>at</b> of the hostile texts
    markup = page.locator(f"{TEXT_CONTAINERS}").locator("b, i, em, strong").filter(has_text=rendered)
    assert markup.count() == 0, f"markup from the text was rendered on {where}: {markup.all_inner_texts()}"
    assert page.evaluate("() => window.__xss === undefined")
    no_traceback(page)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server of the hostile catalog for the tests below."""
    require_browser()
    server = StreamlitServer("hostile", catalog=hostile_catalog(tmp_path_factory.mktemp("hostile"))).start()
    try:
        yield server.url
    finally:
        server.stop()


def test_a_hostile_quote_is_literal_on_the_figure_page(page_record: tuple[Page, PageRecord], hostile_url: str) -> None:
    page, record = page_record
    goto(page, f"{hostile_url}/figure?indicator=hostile-tankers")
    quote, figure = quote_marks(page)
    quote.first.wait_for()
    assert quote.first.inner_text() == SENTENCE
    assert figure.first.inner_text() == "42"
    assert_literal(page, record, where="the figure page")
    text = app_text(page)
    for literal in ("Tankers <b>at</b> the port", "$5bn and $6bn", "*starred*", "_underlined_", "Test *Wire*"):
        assert literal in text, f"{literal!r} is not shown literally on the figure page"
    screenshot(page, "hostile-figure")
    assert record.page_errors == [], record.page_errors


def test_a_hostile_source_is_literal_on_the_sources_page(
    page_record: tuple[Page, PageRecord], hostile_url: str
) -> None:
    page, record = page_record
    goto(page, f"{hostile_url}/sources?source=hostile-wire")
    page.locator(f"{CONTENT} [data-testid=stHtml] mark").first.wait_for()
    assert_literal(page, record, where="the sources page")
    screenshot(page, "hostile-sources")
    assert record.page_errors == [], record.page_errors


def test_a_hostile_quote_is_literal_after_a_click(page_record: tuple[Page, PageRecord], hostile_url: str) -> None:
    page, record = page_record
    goto(page, f"{hostile_url}/explore")
    click_centre(page, first_bar(page))
    quote, _ = quote_marks(page)
    quote.first.wait_for()
    assert quote.first.inner_text() == SENTENCE
    assert_literal(page, record, where="the explore page")
    quote.first.scroll_into_view_if_needed()
    screenshot(page, "hostile-explore")
    assert record.page_errors == [], record.page_errors


@pytest.mark.parametrize("route", ["figure?indicator=hostile-tankers", "sources?source=hostile-wire"])
def test_a_url_in_catalog_text_does_not_become_a_link(page: Page, hostile_url: str, route: str) -> None:
    """Markdown's autolinking is markdown too: a title naming a URL must not turn into a link."""
    goto(page, f"{hostile_url}/{route}")
    assert HOSTILE_TITLE in app_text(page), "the source title is not shown literally"
    links = page.locator(TEXT_CONTAINERS).locator("a[href*='example.com']")
    assert links.count() == 0, f"text of the catalog became a link on /{route}: {links.all_inner_texts()}"


def no_javascript_links(page: Page, record: PageRecord, *, where: str) -> None:
    links = page.locator("a[href^='javascript' i], a[href*='alert(' i]")
    assert links.count() == 0, f"a javascript: link on {where}: {links.all_inner_texts()}"
    assert record.dialogs == [], f"a dialog opened on {where}: {record.dialogs}"


@pytest.mark.parametrize("route", ["figure?indicator=hostile-js", "sources?source=hostile-wire"])
def test_javascript_links_and_images_in_a_quote_stay_text(
    page_record: tuple[Page, PageRecord], hostile_url: str, route: str
) -> None:
    """`[click](javascript:…)`, a bare `javascript:…` and `<img onerror>` in a quote, a title and a note."""
    page, record = page_record
    goto(page, f"{hostile_url}/{route}")
    page.locator(f"{CONTENT} [data-testid=stHtml] mark").first.wait_for()
    text = app_text(page)
    literals = [JS_SENTENCE, HOSTILE_TITLE]
    if route.startswith("figure"):
        literals += [f"Ships {JS_LINK} {JS_BARE}", f"See {JS_LINK} and {JS_BARE}."]  # the title and the note
    for literal in literals:
        assert literal in text, f"{literal!r} is not shown literally on /{route}"
    no_javascript_links(page, record, where=f"/{route}")
    assert page.locator("img[src='x'], img[src$='/x'], img[onerror]").count() == 0, f"an image was injected on /{route}"
    assert page.evaluate("() => window.__xss === undefined")
    no_traceback(page)
    assert record.page_errors == [], record.page_errors
    assert record.foreign_requests(hostile_url) == []


@pytest.mark.parametrize("route", ["figure?indicator=hostile-long", "sources?source=hostile-wire"])
def test_a_very_long_word_wraps_inside_the_page(page: Page, hostile_url: str, route: str) -> None:
    """A 20,000-character word in a quote and its paragraph: shown whole, and nothing scrolls sideways."""
    goto(page, f"{hostile_url}/{route}")
    mark = page.locator(f"{CONTENT} [data-testid=stHtml] mark", has_text="Z" * 100).first
    mark.wait_for()
    whole = LONG_WORD in mark.inner_text()
    assert whole, f"the 20,000-character word is not shown whole on /{route}"
    viewport = page.viewport_size or {"width": 0, "height": 0}
    widths = page.evaluate("""() => ['html', '[data-testid=stAppViewContainer]', '[data-testid=stMain]']
        .map(s => document.querySelector(s)).filter(Boolean)
        .map(e => [e.scrollWidth, e.clientWidth])
        .concat([[document.scrollingElement.scrollWidth, window.innerWidth]])""")
    for scroll, client in widths:
        assert scroll <= client + 2, f"/{route} scrolls sideways: {widths}"
    edges = "s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().right)"
    right = max(page.evaluate(edges, "[data-testid=stHtml] :is(p, mark)"))
    assert right <= viewport["width"], f"a quotation runs past the window on /{route} (right edge {right:.0f}px)"
    no_traceback(page)


@pytest.mark.parametrize("route", ["figure?indicator=hostile-rtl", "sources?source=hostile-wire"])
def test_right_to_left_text_is_literal(page: Page, hostile_url: str, route: str) -> None:
    """Arabic and Hebrew with a number, and a RIGHT-TO-LEFT OVERRIDE in a title, come through unchanged."""
    goto(page, f"{hostile_url}/{route}")
    marks = page.locator(f"{CONTENT} [data-testid=stHtml] mark")
    marks.first.wait_for()
    assert RTL_SENTENCE in [m.inner_text() for m in marks.all()], f"the Arabic quote is not marked on /{route}"
    if route.startswith("figure"):
        assert RTL_TITLE in app_text(page), "the title with U+202E is not shown literally"
        assert page.locator(f"{CONTENT} [data-testid=stHtml] mark mark").first.inner_text() == "17"
    else:
        link = page.locator(f"{CONTENT} a", has_text="gnp.exe").first
        assert RTL_TITLE in link.inner_text(), "the title with U+202E is not shown literally in the list"
    no_traceback(page)


def test_the_hostile_app_fetches_nothing_from_outside(page_record: tuple[Page, PageRecord], hostile_url: str) -> None:
    """Every request of every page (and of a click) goes to the app's own server: no font, image or script
    from elsewhere, and no fetch of `x` or `b` that the hostile markup names."""
    page, record = page_record
    for route in [r for r in ROUTES if r != "explore"] + ["explore"]:
        goto(page, f"{hostile_url}/{route}")
        no_traceback(page)
    click_centre(page, first_bar(page))
    quote_marks(page)[0].first.wait_for()
    assert len(record.requests) > 10, "the requests were not recorded"
    assert record.foreign_requests(hostile_url) == []
    no_javascript_links(page, record, where="the pages of the hostile catalog")


# --------------------------------------------------------------------------------------------------- bad URLs

LONG_ID = "Q" * 10_000
BAD_VALUES = ["no-such-id", "<script>alert(5)</script>", "'; DROP TABLE x;--", "../../etc/passwd", "$x$", "\x00",
              LONG_ID]  # fmt: skip
# Each page that reads an id from its URL, with the values it is given: every value on the figure page, an
# injection string and a long value elsewhere (the message is one helper, dashboard.web.widgets.not_found).
URL_PARAMS = [
    ("figure", "indicator", BAD_VALUES),
    ("", "indicator", ["'; DROP TABLE x;--"]),  # the overview forwards its permalink to the figure page
    ("sources", "source", ["../../etc/passwd", LONG_ID]),
    ("explore", "theme", ["$x$", LONG_ID]),
    ("explore", "indicator", ["<script>alert(5)</script>", LONG_ID]),
    ("timeline", "theme", ["\x00", LONG_ID]),
    ("timeline", "event", ["<script>alert(5)</script>", LONG_ID]),
]


def shown_value(value: str) -> str:
    """How a not-found message names a value (dashboard.web.widgets.shown): NUL as ␀, cut to 80 characters."""
    value = value.replace("\x00", "\u2400")
    return value if len(value) <= 80 else value[:79] + "…"


def friendly_not_found(page: Page, record: PageRecord, value: str, *, where: str) -> None:
    alert = page.locator(f"{CONTENT} [data-testid=stAlert]", has_text="has the id").first
    alert.wait_for()
    text = alert.inner_text()
    assert f"“{shown_value(value)}”" in text, f"{where}: {text[:300]}"
    assert len(text) < 400, f"{where}: the message repeats a long value ({len(text)} characters)"
    assert page.locator("[data-testid=stException]").count() == 0 and "Traceback" not in app_text(page), where
    assert record.dialogs == [] and page.evaluate("() => window.__xss === undefined"), where
    assert page.locator(f"{CONTENT} script:not([data-app-script]), {CONTENT} img[src='x']").count() == 0, where


@pytest.mark.parametrize(("route", "name", "values"), URL_PARAMS, ids=[f"{r or 'home'}-{n}" for r, n, _ in URL_PARAMS])
def test_a_bad_id_in_the_url_shows_a_friendly_message(
    page_record: tuple[Page, PageRecord], hostile_url: str, route: str, name: str, values: list[str]
) -> None:
    """Unknown ids, injection strings and a long value: a 'no … has the id' message naming the value (cut
    short), never a traceback; the rest of the page still works."""
    page, record = page_record
    for value in values:
        goto(page, f"{hostile_url}/{route}?{urllib.parse.urlencode({name: value})}")
        friendly_not_found(page, record, value, where=f"/{route}?{name}={value[:30]!r}")
    # The way on: the page still lists, charts or shows something of the catalog.
    if route in {"figure", ""}:  # the figure page (shown on the landing URL too) lists the figures as buttons
        page.locator(f"{CONTENT} .st-key-go-hostile-tankers button").first.click()
        quote_marks(page)[0].first.wait_for()
        page.wait_for_function("() => location.search === '?indicator=hostile-tankers'")  # the permalink follows
    elif route == "explore":
        first_bar(page)
    elif route == "sources":
        page.locator(f"{CONTENT} [data-testid=stHtml] mark").first.wait_for()
    else:
        page.locator(f"{CONTENT} [data-testid=stSelectbox]").first.wait_for()
    no_traceback(page)
    assert record.foreign_requests(hostile_url) == []


def test_a_100000_character_id_is_refused_or_named_in_short(
    page_record: tuple[Page, PageRecord], hostile_url: str
) -> None:
    """A 100,000-character id: the app names it cut short; or the HTTP server, whose request head limit is
    16 KiB, refuses it with a plain 400 (it does so only when the head arrives in several reads). Either way
    no traceback, and the server answers the next request."""
    page, record = page_record
    value = "H" * 100_000
    response = page.goto(f"{hostile_url}/figure?indicator={value}", wait_until="domcontentloaded")
    assert response is not None
    if response.status == 200:
        wait_ready(page)
        friendly_not_found(page, record, value, where="/figure with a 100,000-character id")
    else:
        assert 400 <= response.status < 500, response.status
        body = page.locator("body").inner_text()
        assert "Traceback" not in body and len(body) < 200, body[:500]
    goto(page, f"{hostile_url}/figure?indicator=hostile-tankers")
    quote_marks(page)[0].first.wait_for()
    no_traceback(page)
