"""The pages of the app, in one table: app.py builds the navigation from it and every link names a page by
its file here. Paths are absolute, so links work whichever entry script runs the app (dashboard/app.py,
or streamlit_app.py at the root for Streamlit Community Cloud)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import streamlit as st

PAGES = Path(__file__).resolve().parent / "pages"
OVERVIEW_PAGE = str(PAGES / "overview.py")
EXPLORE_PAGE = str(PAGES / "explore.py")
FIGURE_PAGE = str(PAGES / "figure.py")
TIMELINE_PAGE = str(PAGES / "timeline.py")
SOURCES_PAGE = str(PAGES / "sources.py")
VALIDATION_PAGE = str(PAGES / "validation.py")
CURATION_PAGE = str(PAGES / "curation.py")
SEARCH_PAGE = str(PAGES / "search.py")
ABOUT_PAGE = str(PAGES / "about.py")

# file, title, icon, url path ("" is the default page at the root)
TABLE = (
    (OVERVIEW_PAGE, "Overview", ":material/dashboard:", ""),
    (EXPLORE_PAGE, "Explore", ":material/bar_chart:", "explore"),
    (FIGURE_PAGE, "Figure", ":material/format_quote:", "figure"),
    (TIMELINE_PAGE, "Timeline", ":material/timeline:", "timeline"),
    (SOURCES_PAGE, "Sources", ":material/article:", "sources"),
    (SEARCH_PAGE, "Search", ":material/search:", "search"),
    (ABOUT_PAGE, "About", ":material/info:", "about"),
    (VALIDATION_PAGE, "Validation", ":material/rule:", "validation"),
    (CURATION_PAGE, "Curation", ":material/edit_note:", "curation"),
)

CURATOR_PAGES = frozenset({VALIDATION_PAGE, CURATION_PAGE})
"""The pages for whoever edits the catalog: left out of the app unless curator mode is on."""
CURATOR_ENV = "INDICATORS_CURATOR"


def curator() -> bool:
    """Curator mode: env INDICATORS_CURATOR=1 (also true, yes, on). Off by default, so a public deployment
    shows readers no validation or curation page, and a URL to one finds no page."""
    return os.environ.get(CURATOR_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def shown(page: str) -> bool:
    """Whether this page of TABLE is in the app now (a curator page only in curator mode)."""
    return page not in CURATOR_PAGES or curator()


def shown_rows() -> list[tuple[str, str, str, str]]:
    """The rows of TABLE in the app now."""
    return [row for row in TABLE if shown(row[0])]


def pages() -> list[st.Page]:
    """The st.Page of every row of TABLE that is shown, the first the default."""
    return [
        st.Page(Path(file), title=title, icon=icon, url_path=path or None, default=not path)
        for file, title, icon, path in shown_rows()
    ]


def url_path(page: str) -> str:
    """The URL path of a page of TABLE, relative to the app's root ("figure"; "" for the overview)."""
    return next(path for file, _, _, path in TABLE if file == page)


def permalink(page: str, /, **params: str) -> str | None:
    """The full address of a page with its parameters, as the reader's browser reaches the app (a base path
    behind a proxy included); None when Streamlit cannot tell."""
    try:
        here = st.context.url
    except Exception:  # no session (a bare script run)
        return None
    if not here:
        return None
    base = here.rstrip("/")
    last = base.rsplit("/", 1)[-1]
    if last and last in {path for *_, path in TABLE if path}:
        base = base[: -len(last) - 1]
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in params.items())
    path = url_path(page)
    return f"{base}/{path}" + (f"?{query}" if query else "")
