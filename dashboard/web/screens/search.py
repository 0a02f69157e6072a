"""Search (`?q=`): figures, events, sources and passages of the sources' text that hold every word of the
query; each result links to its figure, event or passage."""

from __future__ import annotations

import streamlit as st

from dashboard.present.search import Hit, SearchIndex
from dashboard.web import cache, navigation, state
from dashboard.web import widgets as ui

PAGES = {"figure": navigation.FIGURE_PAGE, "event": navigation.TIMELINE_PAGE, "source": navigation.SOURCES_PAGE,
         "passage": navigation.SOURCES_PAGE}  # fmt: skip
HEADINGS = {"figure": "Figures", "event": "Events", "source": "Sources", "passage": "Passages in the sources"}
ICONS = {"figure": ":material/format_quote:", "event": ":material/event:", "source": ":material/article:",
         "passage": ":material/text_snippet:"}  # fmt: skip


def _submitted() -> None:
    state.set_param("q", (st.session_state.get("search-box") or "").strip() or None)


def _hit(hit: Hit) -> None:
    label = hit.title + (f" — {hit.detail}" if hit.detail else "")
    st.page_link(PAGES[hit.kind], label=ui.md(label), query_params=hit.params, icon=ICONS[hit.kind])
    if hit.snippet:
        st.caption(ui.md(hit.snippet))


def render() -> None:
    report, _ = ui.require_catalog()
    query = state.param("q") or ""
    ui.titled(f"Search: {query}" if query else "Search")
    st.title("Search", anchor=False)
    st.session_state["search-box"] = query
    st.text_input(
        "Words to find in titles, values, entities, quotes and sources",
        key="search-box",
        on_change=_submitted,
        placeholder="e.g. Rosneft, cattle, 2019",
    )
    if not query:
        st.info("Type words and press Enter: every word must occur.", icon=":material/search:")
        return
    derived = cache.derived(report)
    index = derived.memo("search-index", lambda: SearchIndex(report, derived.figures, derived.events))
    hits = derived.memo(("search", query), lambda: index.find(query))
    if not hits:
        st.warning(f"Nothing holds “{ui.shown(query)}”.", icon=":material/search_off:")
        return
    st.caption(f"{len(hits)} results for “{ui.shown(query)}”.")
    for kind, heading in HEADINGS.items():
        found = [h for h in hits if h.kind == kind]
        if found:
            st.header(f"{heading} ({len(found)})", anchor=False)
            for hit in found:
                _hit(hit)
