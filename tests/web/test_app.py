"""AppTest of every dashboard page: no exception, the expected elements, permalinks, a broken catalog,
a hostile quote, and an edited catalog showing on the next run without a restart."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Element

from dashboard.present.views import EventView, FigureView, event_views, figure_views
from dashboard.present.wording import DERIVED_VERIFIED_MEANS, VERIFIED_MEANS, when
from dashboard.validation.validate import validate_path
from dashboard.web.screens.explore import SERIES_PER_PAGE
from dashboard.web.widgets import SHOWN_MAX, md, shown
from tests.conftest import ROOT, TRADE, Build, base_catalog, mixed_periods_catalog

APP = ROOT / "dashboard" / "app.py"
PAGES = ("overview", "explore", "figure", "timeline", "sources", "validation", "curation", "search", "about")
CURATOR_PAGES = ("validation", "curation")
HEADLINES = ("343 agreements", "nearly 60%", "approximately $17 billion", "about 11,000 head of cattle per month",
             "70%", "more than 8 million people")  # fmt: skip

HOSTILE = "A note <script>alert(1)</script> says $x$ and ![a](b) of 9 ports."

Run = Callable[..., AppTest]


def plain(markdown: str) -> str:
    """Markdown source as the reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest, kind: str) -> list[str]:
    elements = cast(Sequence[Element], at.get(kind))  # `get` is typed for blocks too; these kinds are elements
    return [plain(str(e.value)) for e in elements]


def proto_body(at: AppTest, kind: str) -> list[str]:
    """The page's own html/markdown bodies: not the style sheet, scripts or the print-only footer."""
    bodies = [str(getattr(e.proto, "body", "")) for e in at.get(kind)]
    return [b for b in bodies if not b.startswith(("<style>", "<script>", '<div class="print-only"'))]


def big_texts(at: AppTest) -> list[str]:
    """The figures in words, as `widgets.big` draws them."""
    return [html.unescape(re.sub(r"<[^>]+>", "", b)) for b in proto_body(at, "html") if "font-size:1.65rem" in b]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run one page of the app (optionally on another catalog, with query parameters); curator mode is on
    for the curator pages (they are not in the app without it) unless `curator` says otherwise."""

    def _run(screen: str = "overview", /, *, catalog: Path | None = None, curator: bool | None = None,
             **params: str) -> AppTest:  # fmt: skip
        if curator if curator is not None else screen in CURATOR_PAGES:
            monkeypatch.setenv("INDICATORS_CURATOR", "1")
        else:
            monkeypatch.delenv("INDICATORS_CURATOR", raising=False)
        if catalog is None:
            monkeypatch.delenv("INDICATORS_CATALOG", raising=False)
        else:
            monkeypatch.setenv("INDICATORS_CATALOG", str(catalog))
        at = AppTest.from_file(str(APP), default_timeout=60).run()
        if screen != "overview" or params:
            at.switch_page(f"web/pages/{screen}.py")
            for name, value in params.items():
                at.query_params[name] = value
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return _run


def copy_catalog(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return Path(shutil.copyfile(ROOT / "indicators.yaml", tmp_path / "indicators.yaml"))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception_or_error(run: Run, page: str) -> None:
    at = run(page)
    assert not at.error, [e.value for e in at.error]


def test_overview_shows_a_tile_per_headline_with_badge_and_link(run: Run) -> None:
    at = run()
    shown_big = big_texts(at)
    for display in HEADLINES:
        assert display in shown_big
    assert sum("Verified" in m for m in texts(at, "markdown")) >= len(HEADLINES)
    figure_links = [link for link in at.get("page_link") if "indicator=" in link.proto.query_string]
    assert len(figure_links) == len(HEADLINES)
    assert any("theme=" in link.proto.query_string for link in at.get("page_link"))


def test_overview_shows_a_permalink_in_place_without_forwarding(run: Run) -> None:
    """`/?indicator=` shows the figure on the landing URL itself: a forward would trap the Back button."""
    at = run("overview", indicator="rosneft-share-of-venezuela-exports-2019")
    assert "Share of Venezuela's exports handled by Rosneft, 2019" in texts(at, "title")
    assert any("<mark" in body for body in proto_body(at, "html"))
    assert at.query_params["indicator"] == "rosneft-share-of-venezuela-exports-2019"
    at = run("overview", q="cattle")
    assert "Search" in texts(at, "title") and any("cattle" in link.proto.label for link in at.get("page_link"))


def test_explore_draws_a_page_of_series_with_captions_and_downloads(run: Run) -> None:
    at = run("explore")
    charts = at.get("plotly_chart")
    assert len(texts(at, "header")) == SERIES_PER_PAGE + 1  # the series, then Downloads
    assert all(chart.proto.alt for chart in charts)
    assert sum(c.startswith(("Sources:", "Source:")) for c in texts(at, "caption")) == SERIES_PER_PAGE
    assert {b.proto.label for b in at.get("download_button")} == {"This view (CSV)", "Figures (CSV)", "Events (CSV)",
                                                               "Everything (JSON)"}  # fmt: skip
    drawn, facts, pages = [], [], at.selectbox(key="url-page").options
    for number in range(len(pages)):  # every series once, then the figures of no series as facts
        at.selectbox(key="url-page").select_index(number).run()
        drawn += [str(c.key).removeprefix("chart-") for c in at.get("plotly_chart")]
        facts += [str(b.key).removeprefix("fact-") for b in at.button if str(b.key).startswith("fact-")]
    assert drawn == ["venezuela-arms-import-share", "displaced-population"] and not at.dataframe
    alone = [v.indicator.id for v in figure_views(validate_path(ROOT / "indicators.yaml")).values()
             if not v.indicator.series]  # fmt: skip
    assert facts == alone and "russia-venezuela-relations-anniversary-2025" in facts  # ranks are no bars


def test_explore_page_follows_the_chosen_figure_and_turning_it_drops_the_choice(run: Run) -> None:
    at = run("explore", indicator="russia-venezuela-agreements", page="0")
    assert not at.get("plotly_chart") and "Other figures" in texts(at, "header")  # the chosen figure's page
    chosen = [str(b.key) for b in at.button if str(b.key).startswith("fact-") and b.proto.type == "primary"]
    assert chosen == ["fact-russia-venezuela-agreements"]
    at.selectbox(key="url-page").select_index(0).run()
    assert "indicator" not in at.query_params and at.query_params["page"] == "0"
    assert [str(c.key) for c in at.get("plotly_chart")] == ["chart-venezuela-arms-import-share",
                                                             "chart-displaced-population"]  # fmt: skip


def test_explore_tables_view_is_in_the_url(run: Run) -> None:
    at = run("explore", view="Tables")
    assert not at.get("plotly_chart") and len(at.dataframe) == SERIES_PER_PAGE
    table = at.dataframe[0]
    assert "id" not in table.proto.column_order and list(table.proto.column_order)[:2] == ["figure", "value"]


def test_explore_theme_permalink_filters_the_charts(run: Run) -> None:
    at = run("explore", theme="humanitarian")
    assert at.selectbox(key="url-theme").value == "humanitarian"
    assert texts(at, "header")[:2] == ["Displaced population", "Other figures"]  # 2024's figure stands apart
    assert len(at.get("plotly_chart")) == 1
    at.selectbox(key="url-theme").select("military").run()
    assert at.query_params["theme"] == "military"
    assert "Venezuela arms import share" in texts(at, "header")


def test_explore_says_when_a_series_compares_different_periods(run: Run, tmp_path: Path) -> None:
    at = run("explore", catalog=mixed_periods_catalog(tmp_path), theme="humanitarian")
    assert texts(at, "header")[0] == "Displaced population (periods differ)"
    assert "(periods differ)" in at.get("plotly_chart")[0].proto.alt


def test_explore_filters_narrow_each_other(run: Run) -> None:
    at = run("explore", theme="humanitarian")
    entities = at.selectbox(key="url-entity").options
    report = validate_path(ROOT / "indicators.yaml")
    humanitarian = {v.indicator.entity for v in figure_views(report).values() if v.indicator.theme == "humanitarian"}
    every = {v.indicator.entity for v in figure_views(report).values()}
    assert set(entities) - {"All entities"} == {e for e in humanitarian if e} and humanitarian != every


def test_explore_shows_the_selected_figure_beside_its_chart(run: Run) -> None:
    at = run("explore", theme="humanitarian", indicator="russia-displaced-people")
    assert at.selectbox(key="url-indicator").value == "russia-displaced-people"
    assert "People displaced from Russia" in texts(at, "subheader")
    assert any("<mark" in body and "largest refugee crises" in body for body in proto_body(at, "html"))
    spec = at.get("plotly_chart")[0].proto.spec
    assert '"width":[3.0' in spec.replace(" ", "") or ",3.0" in spec.replace(" ", "")  # outlined, not recoloured


def test_explore_choosing_from_the_figure_list_selects_the_figure(run: Run) -> None:
    at = run("explore", theme="humanitarian")
    at.selectbox(key="url-indicator").select("syria-displaced-people").run()
    assert at.query_params.get("indicator") == "syria-displaced-people"
    assert any("<mark" in body for body in proto_body(at, "html"))


def test_figure_permalink_shows_value_every_citation_and_cite_this(run: Run) -> None:
    at = run("figure", indicator="russian-loans-to-venezuela")
    assert "Loans extended by Russia to the Venezuelan government since 2006" in texts(at, "title")
    assert "approximately $17 billion" in big_texts(at)
    marks = [b for b in proto_body(at, "html") if "<mark" in b]
    assert marks and "$17bn" in marks[0]
    assert any("approximately $17 billion" in code.value for code in at.code)
    assert [b.proto.label for b in at.get("download_button")][0] == "This figure (CSV)"


def test_figure_unknown_id_is_a_friendly_not_found_with_a_way_on(run: Run) -> None:
    at = run("figure", indicator="no-such-figure")
    assert any("No figure has the id" in w for w in texts(at, "warning"))
    report = validate_path(ROOT / "indicators.yaml")
    choices = [str(b.key).removeprefix("go-") for b in at.button if str(b.key).startswith("go-")]
    assert report.catalog is not None
    assert sorted(choices) == sorted(i.id for i in report.catalog.indicators)
    at.button(key="go-russia-venezuela-agreements").click().run()
    assert at.query_params.get("indicator") == "russia-venezuela-agreements"
    assert any("343" in h for h in proto_body(at, "html"))


def event_buttons(at: AppTest) -> list[str]:
    return [str(b.key).removeprefix("event-") for b in at.button if str(b.key).startswith("event-")]


def test_timeline_opens_on_the_recent_years_and_lists_their_events(run: Run) -> None:
    at = run("timeline")
    assert len(at.get("plotly_chart")) == 1
    assert (at.selectbox(key="url-from").value, at.selectbox(key="url-to").value) == (2024, 2025)
    listed = event_buttons(at)
    report = validate_path(ROOT / "indicators.yaml")
    recent = [e for e in event_views(report).values() if e.event.date[:4] in ("2024", "2025")]
    assert sorted(listed) == sorted(e.event.id for e in recent) and len(listed) >= len(report.catalog.events) / 2  # type: ignore[union-attr]
    at.button(key=f"event-{listed[0]}").click().run()
    assert at.query_params["event"] == listed[0]
    assert any("<mark" in body for body in proto_body(at, "html"))


def test_timeline_years_and_theme_are_in_the_url(run: Run) -> None:
    at = run("timeline", theme="sanctions", **{"from": "1999", "to": "2025"})
    report = validate_path(ROOT / "indicators.yaml")
    sanctions = [e.event.id for e in event_views(report).values() if e.event.theme == "sanctions"]
    assert sorted(event_buttons(at)) == sorted(sanctions)
    at = run("timeline", event="cuba-venezuela-cooperation-1999")
    first_year = at.selectbox(key="url-from").value
    assert first_year is not None and first_year <= 2005  # a link to an old event opens the years that hold it


def test_sources_permalink_shows_the_text_with_every_cited_span(run: Run) -> None:
    at = run("sources", source="rusi-2022")
    assert "Is Russia’s War in Ukraine Aiding the Survival of the Venezuelan Regime?" in texts(at, "header")
    (body,) = proto_body(at, "html")
    report = validate_path(ROOT / "indicators.yaml")
    views: list[FigureView | EventView] = [*figure_views(report).values(), *event_views(report).values()]
    cited = [c for v in views for c in v.citations if c.source.id == "rusi-2022"]
    links = [link.proto.query_string for link in at.get("page_link") if link.proto.page != "about"]  # not the footer
    assert len(links) == len(cited) and all("=" in q for q in links)
    assert all(html.escape(c.quote) in re.sub(r"</?(?:mark|a)[^>]*>", "", body) for c in cited)
    assert "<mark" in body and 'href="figure?indicator=' in body and 'tabindex="0"' in body
    assert 'id="passage"' not in body


def test_sources_opens_at_the_passage_a_figure_cites(run: Run) -> None:
    at = run("sources", source="bne-intellinews-2025", indicator="rosneft-share-of-venezuela-exports-2019")
    (body,) = [b for b in proto_body(at, "html") if "passage-box" in b]
    passage = body[body.index('id="passage"') :]
    assert "nearly 60 per cent" in re.sub(r"<[^>]+>", "", passage)[:400]
    assert any("scrollIntoView" in str(getattr(e.proto, "body", "")) for e in at.get("html"))


def test_validation_shows_counts_problems_and_coverage(run: Run) -> None:
    at = run("validation")
    assert [m.label for m in at.metric] == ["Errors", "Warnings", "Uncovered mentions", "Coverage"]
    assert at.metric[3].value == "100.0%"
    coverage = at.dataframe[-1].value
    assert list(coverage["source"]) == ["global-watch-2025", "bne-intellinews-2025", "ankasam-2025",
                                        "entorno-diario-2024", "rusi-2022"]  # fmt: skip


@pytest.mark.parametrize("page", PAGES)
def test_broken_yaml_shows_the_error_panel_on_every_page(run: Run, tmp_path: Path, page: str) -> None:
    path = copy_catalog(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = "  military: [unclosed"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    at = run(page, catalog=path)
    (panel,) = texts(at, "error")
    assert "The catalog is broken" in panel and "yaml-syntax" in panel
    assert re.search(r"indicators\.yaml:\d+:\d+", panel)
    assert not at.get("plotly_chart") and not at.dataframe


def test_missing_catalog_shows_a_clear_error(run: Run, tmp_path: Path) -> None:
    at = run("overview", catalog=tmp_path / "missing.yaml")
    assert any("cannot be read" in e for e in texts(at, "error"))


def test_an_invalid_entry_is_flagged_and_the_others_still_show(run: Run, tmp_path: Path) -> None:
    path = copy_catalog(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 343\n", "value: 344\n", 1), encoding="utf-8")
    at = run(catalog=path)
    assert "343 agreements" not in big_texts(at) and "344 agreements" not in big_texts(at)  # never a headline
    assert "nearly 60%" in big_texts(at)
    at = run("figure", catalog=path, indicator="russia-venezuela-agreements")
    assert any("value-mismatch" in e for e in texts(at, "error"))


def test_an_edited_catalog_shows_on_the_next_run(run: Run, tmp_path: Path) -> None:
    path = copy_catalog(tmp_path)
    at = run("figure", catalog=path, indicator="russia-venezuela-agreements")
    assert "Agreements between Russia and Venezuela" in texts(at, "title")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "title: Agreements between Russia and Venezuela", "title: Agreements in force between Russia and Venezuela"
        ),
        encoding="utf-8",
    )
    at.run()
    assert "Agreements in force between Russia and Venezuela" in texts(at, "title")


def hostile_catalog(build: Build) -> Path:
    text = TRADE.read_text(encoding="utf-8") + HOSTILE + "\n"
    catalog: dict[str, Any] = base_catalog()
    catalog["sources"][0]["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    catalog["sources"][0]["title"] = "<b>Bold</b> $x$ ![a](b)"
    catalog["indicators"].append({
        "id": "ports", "title": "Ports *noted* <i>here</i>", "theme": "trade", "value": 9, "unit": "ports",
        "citations": [{"source": "trade", "quote": HOSTILE}],
    })  # fmt: skip
    return build(yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True), text=text)


def test_hostile_text_is_escaped_everywhere(run: Run, build: Build) -> None:
    path = hostile_catalog(build)
    at = run("figure", catalog=path, indicator="ports")
    (body,) = [b for b in proto_body(at, "html") if "<mark" in b]
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "Ports \\*noted\\* \\<i\\>here\\</i\\>" in [str(s.value) for s in at.title]
    assert any("\\<b\\>Bold\\</b\\> \\$x\\$ \\!\\[a\\]\\(b\\)" in str(m.value) for m in at.markdown)
    at = run("sources", catalog=path, source="trade")
    (body,) = proto_body(at, "html")
    assert "<script>" not in body and "&lt;script&gt;" in body


def _selection_script() -> None:
    import streamlit as st

    from dashboard.web.state import chart_callback, table_callback

    selection = {"points": st.session_state.get("points", []), "rows": st.session_state.get("rows", [])}
    st.session_state["event"] = {"selection": selection}
    chart_callback(widget_key="event", url_key="indicator")()
    table_callback(widget_key="event", url_key="row", ids=["first", "second"])()


def test_a_click_puts_the_chosen_id_in_the_url_and_an_empty_event_changes_nothing() -> None:
    at = AppTest.from_function(_selection_script)
    at.session_state["points"] = [{"customdata": ["syria-displaced-people"], "point_index": 0}]
    at.run()
    assert at.query_params["indicator"] == "syria-displaced-people"
    at.session_state["points"] = []
    at.run()
    assert at.query_params["indicator"] == "syria-displaced-people"
    at.session_state["rows"] = [1]
    at.run()
    assert at.query_params["row"] == "second"


def test_md_shows_catalog_text_literally_and_never_as_a_link() -> None:
    assert md("$17bn *x* [a](b)") == "\\$17bn \\*x\\* \\[a\\]\\(b\\)"
    assert md("see http://example.com, www.example.org or me@example.com") == (
        "see `http://example.com,` `www.example.org` or `me@example.com`"
    )
    assert md("a `x` http://e.com/`b`") == "a \\`x\\` `` http://e.com/`b` ``"


def test_a_value_from_the_url_is_named_short_escaped_and_visible() -> None:
    assert plain(shown("<script>alert(5)</script>")) == "<script>alert(5)</script>"
    assert plain(shown("$x$")) == "$x$" and shown("$x$") == "\\$x\\$"
    assert shown("a\x00b\x7f") == "a\u2400b\u2421"
    assert plain(shown("id\u202ecod")) == "id<U+202E>cod"
    long = shown("Q" * 100_000)
    assert long == "Q" * (SHOWN_MAX - 1) + "…"


@pytest.mark.parametrize(("period", "words"), [
    ("2019", "2019"), ("2024-11", "November 2024"), ("2025-05-09", "9 May 2025"), ("2000/2021", "2000–2021"),
    ("2006/..", "since 2006"), (None, ""),
])  # fmt: skip
def test_periods_read_as_words(period: str | None, words: str) -> None:
    assert when(period) == words


def test_curation_page_offers_stubs_and_repairs(run: Run, build: Build, catalog: dict[str, Any]) -> None:
    quote = "“It's a new era -- truly,” the minister said."
    catalog["events"].append(
        {
            "id": "era",
            "date": "2024",
            "title": "Era",
            "theme": "diplomacy",
            "citations": [{"source": "trade", "quote": quote}],
        }
    )
    at = run("curation", catalog=build(catalog))
    codes = [str(c.value) for c in at.code]
    assert any('figure: "5 years"' in c and "title: TODO" in c for c in codes)  # a stub for "5 years"
    assert any(c.startswith("--- a/indicators.yaml") and "+" in c and "It’s a new era" in c for c in codes)
    assert any("quote-inexact" in plain(str(m.value)) for m in at.markdown)


def test_curation_page_on_the_shipped_catalog_has_nothing_to_do(run: Run) -> None:
    at = run("curation")
    assert [plain(str(s.value)) for s in at.success][:2] == [
        "Every numeric and date mention of every source is cited, dated or excluded.",
        "No errors and no warnings.",
    ]


@pytest.mark.parametrize(
    ("here", "expected"),
    [
        ("https://example.org/base/explore", "https://example.org/base/figure?indicator=a%2Fb"),
        ("https://example.org/base", "https://example.org/base/figure?indicator=a%2Fb"),
        ("http://localhost:8501/", "http://localhost:8501/figure?indicator=a%2Fb"),
        (None, None),
    ],
)
def test_a_permalink_keeps_the_base_path_the_reader_came_through(
    monkeypatch: pytest.MonkeyPatch, here: str | None, expected: str | None
) -> None:
    from types import SimpleNamespace

    from dashboard.web import navigation

    monkeypatch.setattr(navigation, "st", SimpleNamespace(context=SimpleNamespace(url=here)))
    assert navigation.permalink(navigation.FIGURE_PAGE, indicator="a/b") == expected


def markdown_with_help(at: AppTest) -> list[tuple[str, str]]:
    return [(plain(str(m.value)), str(m.proto.help)) for m in at.markdown]


def test_a_figure_page_names_its_caveats_and_what_verified_means(run: Run) -> None:
    at = run("figure", indicator="rosneft-share-of-venezuela-exports-2019")
    badges = [m for m, _ in markdown_with_help(at) if "-badge[" in m]
    assert badges[0] == ":green-badge[:material/verified: Verified] :orange-badge[hedged]"
    captions = texts(at, "caption")
    assert any("The text hedges this figure (“nearly”)" in c for c in captions)
    assert VERIFIED_MEANS in captions
    at = run("figure", indicator="russia-venezuela-agreements")
    assert any("date inferred" in m for m, _ in markdown_with_help(at) if "-badge[" in m)
    assert any("November 2024 (date inferred)" in m for m in texts(at, "markdown"))  # the byline
    (cite,) = [str(c.value) for c in at.code]
    assert "Entorno Diario, 15 November 2024 (date inferred)." in cite


def test_overview_tiles_show_caveat_labels_with_the_definition_at_hand(run: Run) -> None:
    at = run()
    tiles = [(m, h) for m, h in markdown_with_help(at) if m.startswith(":green-badge[")]
    assert len(tiles) == len(HEADLINES) and all(h == VERIFIED_MEANS for _, h in tiles)
    assert sum(":orange-badge[hedged]" in m for m, _ in tiles) == 4
    assert VERIFIED_MEANS in texts(at, "caption")
    assert not any("The text hedges" in c for c in texts(at, "caption"))  # the sentences are the figure page's


def test_an_event_names_a_deduced_date(run: Run) -> None:
    at = run("timeline", event="crimea-annexation-2014")
    assert any(":orange-badge[date inferred]" in m for m in texts(at, "markdown"))
    assert any("does not state when it was published" in c for c in texts(at, "caption"))


def test_a_derived_figure_shows_its_formula_inputs_and_a_cite_text_of_its_own(run: Run, build: Build) -> None:
    from tests.present.test_derived import ARMS_QUOTE, derived_catalog

    at = run("figure", catalog=build(derived_catalog()), indicator="share-gap")
    shown_md = texts(at, "markdown")
    assert any(":orange-badge[derived]" in m for m in shown_md)
    captions = texts(at, "caption")
    assert DERIVED_VERIFIED_MEANS in captions and VERIFIED_MEANS not in captions  # no sentence states it
    assert "**Worked out:** Arms bought from Freedonia (70%) − Share of exports (nearly 40%) = 30%" in shown_md
    assert {str(b.key) for b in at.button} >= {"input-arms-share", "input-export-share"}
    quotes = re.sub(r"<[^>]+>", "", " ".join(b for b in proto_body(at, "html") if "<mark" in b))
    assert ARMS_QUOTE in html.unescape(quotes) and "nearly 40 per cent of the total" in html.unescape(quotes)
    (cite,) = [str(c.value) for c in at.code]
    assert cite.startswith("Gap between the two shares: 30%. Worked out from other figures") and ARMS_QUOTE not in cite
    at.button(key="input-arms-share").click().run()
    assert at.query_params["indicator"] == "arms-share"
    assert "Arms bought from Freedonia" in texts(at, "title")


def test_an_attribution_is_a_badge_with_its_sentence_and_stays_literal(run: Run, build: Build) -> None:
    who = "<b>the Agency</b> ] [x](y)"
    text = TRADE.read_text(encoding="utf-8").replace("Officials said", f"{who} said")
    catalog = base_catalog()
    catalog["sources"][0]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    catalog["indicators"][0]["citations"][0]["attributed_to"] = who  # the validator finds it in the paragraph
    at = run("figure", catalog=build(catalog, text=text), indicator="agreements")
    (shown_badge,) = [str(m.value) for m in at.markdown if str(m.value).startswith(":green-badge[")]
    assert shown_badge.endswith(":orange-badge[attributed to \\<b\\>the Agency\\</b\\> \\] \\[x\\]\\(y\\)]")
    assert any("verified as reported, not as fact" in c for c in texts(at, "caption"))


# --------------------------------------------------------------------------------------------------- the site


def page_titles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every browser tab title the app sets (st.set_page_config), in order."""
    import streamlit

    titles: list[str] = []
    real = streamlit.set_page_config

    def record(*args: Any, **kwargs: Any) -> None:
        if kwargs.get("page_title"):
            titles.append(str(kwargs["page_title"]))
        real(*args, **kwargs)

    monkeypatch.setattr(streamlit, "set_page_config", record)
    return titles


def footer(at: AppTest) -> str:
    (line,) = [c for c in texts(at, "caption") if "Last updated" in c]
    return line


def test_overview_is_headed_by_the_site_and_every_page_has_its_footer(run: Run) -> None:
    shipped = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    at = run()
    assert texts(at, "title")[0] == shipped["title"]
    assert plain(texts(at, "markdown")[0]) == shipped["description"]
    line = footer(at)
    assert line.startswith(shipped["title"]) and f"Licence: {shipped['licence']}" in line
    assert re.search(r"Last updated \d{1,2} [A-Z][a-z]+ \d{4}$", line)
    assert not any("numeric mentions" in c for c in texts(at, "caption") + texts(at, "markdown"))
    assert any(link.proto.page == "about" for link in at.get("page_link"))
    for page in ("explore", "sources", "about", "validation"):
        assert footer(run(page)) == line


def test_every_tab_title_names_the_view_and_the_site(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    titles = page_titles(monkeypatch)
    run("figure", indicator="russian-loans-to-venezuela")
    assert (
        titles[-1]
        == "Loans extended by Russia to the Venezuelan government since 2006 · Russia and Venezuela in figures"
    )
    run("about")
    assert titles[-1] == "About · Russia and Venezuela in figures"
    run()
    assert titles[-1] == "Russia and Venezuela in figures"


def test_a_catalog_without_site_fields_falls_back_and_contacts_are_links_only_when_safe(
    run: Run, build: Build, catalog: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    titles = page_titles(monkeypatch)
    at = run(catalog=build(catalog))
    assert (
        texts(at, "title")[0] == "Indicators with exact citations" and titles[-1] == "Indicators with exact citations"
    )
    assert "Licence" not in footer(at)
    catalog |= {"title": "Ruritania *watch*", "publisher": "Test Desk", "contact": "desk@example.org"}
    at = run(catalog=build(catalog))
    assert texts(at, "title")[0] == "Ruritania *watch*"  # shown literally
    assert "Published by Test Desk" in footer(at)
    assert "[desk@example.org](<mailto:desk@example.org>)" in plain(footer(at))
    catalog["contact"] = "https://example.org/contact"
    assert "(<https://example.org/contact>)" in footer(run(catalog=build(catalog)))
    catalog["contact"] = "javascript:alert(1)"
    line = footer(run(catalog=build(catalog)))
    assert "](" not in line and "javascript" in plain(line)


def test_about_explains_the_method_and_lists_every_source_with_inferred_dates(run: Run) -> None:
    from dashboard.present.wording import VERIFIED_MEANS

    at = run("about")
    assert texts(at, "title") == ["About Russia and Venezuela in figures"]
    assert texts(at, "header") == [
        "How the figures are gathered and checked",
        "Sources",
        "Limits",
        "Licence and contact",
    ]
    body = "\n".join(texts(at, "markdown"))
    assert VERIFIED_MEANS in body and "does not prove" in body
    for kind in ("Hedged", "Attributed", "Inferred dates", "Derived"):
        assert f"**{kind}" in body
    report = validate_path(ROOT / "indicators.yaml")
    assert report.catalog is not None
    (table,) = [t for t in texts(at, "markdown") if t.startswith("| Document |")]
    rows = table.splitlines()[2:]
    assert len(rows) == len(report.catalog.sources) == 5
    for source, row in zip(report.catalog.sources, rows, strict=True):
        assert source.title in row and source.publisher in row
        assert ("(date inferred)" in row) == source.published_inferred
        assert f"(<{source.url}>)" in row
    assert "5 documents" in body and "Licence: CC BY 4.0" in body and "Last updated" in body
    assert "numeric mentions" not in body


def test_curator_pages_exist_only_in_curator_mode(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboard.web import navigation

    monkeypatch.delenv("INDICATORS_CURATOR", raising=False)
    public = [path for *_, path in navigation.shown_rows()]
    assert public == ["", "explore", "figure", "timeline", "sources", "search", "about"]
    monkeypatch.setenv("INDICATORS_CURATOR", "1")
    assert [path for *_, path in navigation.shown_rows()] == [*public, "validation", "curation"]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        run("validation", curator=False)
    assert len(run("validation", curator=True).metric) == 4


def test_a_public_banner_on_a_flawed_catalog_offers_no_link_to_the_hidden_report(run: Run, tmp_path: Path) -> None:
    path = copy_catalog(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("value: 343\n", "value: 344\n", 1), encoding="utf-8")
    links = [link.proto.page for link in run(catalog=path).get("page_link")]
    assert "validation" not in links
    assert "validation" in [link.proto.page for link in run(catalog=path, curator=True).get("page_link")]


def broken_catalog(tmp_path: Path) -> Path:
    """The shipped catalog with a wrong value and a quote that is not in its source."""
    path = copy_catalog(tmp_path)
    text = path.read_text(encoding="utf-8").replace("value: 343\n", "value: 344\n", 1)
    start = text.index("quote:", text.index("id: rosneft-share-of-venezuela-exports-2019"))
    end = text.index("\n", start)
    path.write_text(text[:end] + " and more words" + text[end:], encoding="utf-8")
    return path


def test_validation_shows_each_problem_whole_with_a_link_to_its_entry(run: Run, tmp_path: Path) -> None:
    at = run("validation", catalog=broken_catalog(tmp_path))
    body = texts(at, "markdown")
    report = validate_path(tmp_path / "indicators.yaml")
    for problem in report.problems:
        assert any(problem.code in m for m in body)
    (message,) = [m for m in body if "Nearest passage" in m]
    assert message.endswith("Copy the quote from the source byte for byte.")  # the whole message, its end too
    assert "`bne-intellinews-2025`" in message  # a name in the message shown as code
    links = {link.proto.query_string for link in at.get("page_link") if link.proto.page == "figure"}
    assert links == {"indicator=russia-venezuela-agreements", "indicator=rosneft-share-of-venezuela-exports-2019"}
    assert any("`value: 343`" in m for m in body)  # the fix the validator knows
    (passage,) = [c for c in at.code if "crippling sanctions" in c.value]  # the nearest passage, whole, to copy
    assert passage.proto.wrap_lines and passage.value.startswith("At a point in 2019")
    assert not at.dataframe[:-1]  # no problem table that cuts messages: the only table is coverage


def number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, (pattern, text)
    return int(found.group(1))


def test_curation_counts_what_each_heading_lists(run: Run, tmp_path: Path) -> None:
    at = run("curation", catalog=broken_catalog(tmp_path))
    stubs = [c for c in at.code if "# TODO" in str(c.value)]
    report = validate_path(tmp_path / "indicators.yaml")
    uncovered = sum(len(c.uncovered) for c in report.coverage)
    heading = texts(at, "header")[0]
    # the broken entry's mention is covered by that entry: no duplicate stub (validation/rules/indicators.py)
    assert heading == f"{uncovered} uncovered mentions, {len(stubs)} stub" and uncovered == 2 and len(stubs) == 1
    labels = [plain(str(e.proto.label)) for e in at.get("expander") if "uncovered" in str(e.proto.label)]
    assert sum(number(r"→ (\d+) stub", label) for label in labels) == len(stubs)
    assert sum(number(r": (\d+) uncovered", label) for label in labels) == uncovered
    assert any(c.startswith("Also covers “2019”") for c in texts(at, "caption"))
    assert texts(at, "header")[1] == "2 problems and their repairs"
    literal = [m for m in texts(at, "markdown") + texts(at, "caption") if "\\`" in m]
    assert not literal, literal  # backticks render as code, never as characters


# ------------------------------------------------------------------------------------------ other languages


def test_a_spanish_figure_shows_its_original_in_its_language_and_the_translation(run: Run, build: Build) -> None:
    from tests.validation.test_translations import SPANISH, spanish_catalog

    at = run("figure", catalog=build(spanish_catalog(), text=SPANISH), indicator="debt")
    (quoted,) = [b for b in proto_body(at, "html") if "<mark" in b]
    assert 'lang="es"' in quoted and "150.000 millones de dólares" in html.unescape(quoted)
    assert any("The original is in Spanish" in c for c in texts(at, "caption"))
    assert "“External debt tops 150 billion dollars”" in texts(at, "markdown")
    (cite,) = [str(c.value) for c in at.code]
    assert "(Spanish; in English: “External debt tops 150 billion dollars”)" in cite
    at = run("sources", catalog=build(spanish_catalog(), text=SPANISH), source="es", indicator="debt")
    (text,) = [b for b in proto_body(at, "html") if "passage-box" in b]
    assert 'lang="es"' in text
    assert any("in Spanish" in m for m in texts(at, "markdown"))
    assert "In English: External debt tops 150 billion dollars" in texts(at, "caption")


def test_an_english_figure_names_no_language_and_offers_no_translation(run: Run) -> None:
    at = run("figure", indicator="rosneft-share-of-venezuela-exports-2019")
    (quoted,) = [b for b in proto_body(at, "html") if "<mark" in b]
    assert 'lang="en"' in quoted
    assert not any("The original is in" in c for c in texts(at, "caption"))
