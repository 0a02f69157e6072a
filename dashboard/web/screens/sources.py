"""Sources (`?source=<id>`, with `&indicator=`, `&event=` or `&at=<offset>` for a passage): a document's
metadata and full text, every cited span highlighted and a link to its figure or event; the passage the
reader came for stands out and is scrolled into view."""

from __future__ import annotations

import streamlit as st

from dashboard.catalog.model import Source
from dashboard.present.highlight import Span, safe_url, source_html
from dashboard.present.views import source_label
from dashboard.present.wording import language_name, published_words
from dashboard.text.sentences import sentence_bounds
from dashboard.validation.report import Report
from dashboard.web import cache, navigation, state
from dashboard.web import widgets as ui

HighlightSpan = tuple[int, int, str, str, tuple[str, str]]


def _spans(report: Report, source_id: str) -> list[HighlightSpan]:
    """(start, end, title, page, (query key, id)) of every located citation of the source."""
    return cache.derived(report).memo(("spans", source_id), lambda: _find_spans(report, source_id))


def _find_spans(report: Report, source_id: str) -> list[HighlightSpan]:
    derived = cache.derived(report)
    spans: list[HighlightSpan] = []
    for figure in derived.figures.values():
        spans += [
            (c.start, c.end, figure.indicator.title, navigation.FIGURE_PAGE, ("indicator", figure.indicator.id))
            for c in figure.citations
            if c.source.id == source_id and c.start is not None and c.end is not None
        ]
    for event in derived.events.values():
        spans += [
            (c.start, c.end, event.event.title, navigation.TIMELINE_PAGE, ("event", event.event.id))
            for c in event.citations
            if c.source.id == source_id and c.start is not None and c.end is not None
        ]
    return sorted(spans)


def _translations(report: Report, source_id: str) -> dict[tuple[int, int], str]:
    """(start, end) of each located quotation of the source -> the curator's English for it."""
    derived = cache.derived(report)
    citations = [c for f in derived.figures.values() for c in f.citations]
    citations += [c for e in derived.events.values() for c in e.citations]
    return {
        (c.start, c.end): c.citation.translation
        for c in citations
        if c.source.id == source_id and c.start is not None and c.end is not None and c.citation.translation
    }


def _metadata(source: Source, *, report: Report) -> None:
    st.header(ui.md(source.title), anchor=False)
    published = published_words(source.published, inferred=source.published_inferred)
    language = "" if source.english else f"in {language_name(source.language)}"
    byline = " · ".join(x for x in (source.author, source.publisher, published, language) if x)
    st.markdown(ui.md(byline))
    if source.published_note:
        st.caption(ui.md(source.published_note))
    url = safe_url(source.url)
    if url:
        st.link_button("Open the source page", url, icon=":material/open_in_new:")
    coverage = next((c for c in report.coverage if c.source == source.id), None)
    if coverage is not None:
        st.caption(
            f"{coverage.covered}/{coverage.mentions} numeric and date mentions accounted for "
            f"({coverage.percent:.0f}%). File {ui.md(source.file)}, sha256 {source.sha256[:12]}…"
        )
    for problem in (p for p in report.problems if p.id == source.id):
        st.error(f"**{ui.md(problem.code)}** — {ui.md(problem.message)}", icon=":material/error:")


def _wanted_passage(text: str, spans: list[HighlightSpan]) -> tuple[int, int] | None:
    """The passage the URL asks for: a figure's or an event's citation, or the sentence at an offset."""
    for key in ("indicator", "event"):
        owner = state.param(key)
        if owner:
            found = [(s, e) for s, e, _, _, (k, ident) in spans if k == key and ident == owner]
            if found:
                return found[0]
    at = state.param("at")
    if at and at.isdigit() and int(at) < len(text):
        return sentence_bounds(text, start=int(at), end=int(at) + 1)
    return None


def render() -> None:
    report, catalog = ui.require_catalog()
    st.title("Sources", anchor=False)
    ids = [s.id for s in catalog.sources]
    wanted = state.param("source")
    if wanted and wanted not in ids:
        ui.not_found("source", wanted, then="showing the first one.")
    chosen = state.url_widget(
        st.selectbox, "Source", ids, url_key="source", default=wanted if wanted in ids else ids[0], omit=None,
        format_func={s.id: source_label(s) for s in catalog.sources}.get,
    )  # fmt: skip
    source = catalog.source(chosen)
    assert source is not None
    ui.titled(f"Source: {source.title}" if wanted else "Sources")
    _metadata(source, report=report)
    text = report.texts.get(source.id)
    if text is None:
        st.error("The text of this source could not be read; see the validation report.", icon=":material/error:")
        return
    spans = _spans(report, source.id)
    passage = _wanted_passage(text.text, spans)
    marks = [Span(start, end, title, f"{navigation.url_path(page)}?{key}={ident}")
             for start, end, title, page, (key, ident) in spans]  # fmt: skip
    body, side = st.columns([3, 2], gap="large")
    with body:
        st.html(source_html(text.text, marks, emphasis=passage, label=f"Text of {source.title}",
                            language=source.language))  # fmt: skip
        if passage:
            ui.scroll_into_view("passage")
    translated = {} if source.english else _translations(report, source.id)
    with side:
        st.markdown(f"**{len(spans)} cited passages**")
        for start, end, title, page, (key, value) in spans:
            st.page_link(page, label=ui.md(title), query_params={key: value}, icon=":material/format_quote:")
            excerpt = text.text[start:end]
            st.caption(ui.md(excerpt if len(excerpt) <= 120 else excerpt[:117] + "…"))
            if (start, end) in translated:
                st.caption(f"In English: {ui.md(translated[start, end])}")
