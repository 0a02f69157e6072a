"""Streamlit entry point: page configuration and navigation over dashboard/web/pages/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.web.timing import timed_run

PAGES = Path(__file__).resolve().parent / "web" / "pages"
ICON = Path(__file__).resolve().parent / "static" / "icon.png"  # a local file: an emoji or material icon is fetched
# Keep what is scrolled into view (a chart mark, a heading link) clear of the fixed top navigation bar.
STYLE = "<style>[data-testid=stMain] { scroll-padding-top: 4.5rem; }</style>"

with timed_run() as timing:  # env INDICATORS_TIMINGS=<file>: one JSON line per run (benchmarks/bench_app.py)
    st.set_page_config(page_title="Indicators with exact citations", page_icon=str(ICON), layout="wide")
    st.html(STYLE)
    page = st.navigation(
        [
            st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
            st.Page(PAGES / "explore.py", title="Explore", icon=":material/bar_chart:", url_path="explore"),
            st.Page(PAGES / "figure.py", title="Figure", icon=":material/format_quote:", url_path="figure"),
            st.Page(PAGES / "timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
            st.Page(PAGES / "sources.py", title="Sources", icon=":material/article:", url_path="sources"),
            st.Page(PAGES / "validation.py", title="Validation", icon=":material/rule:", url_path="validation"),
            st.Page(PAGES / "curation.py", title="Curation", icon=":material/edit_note:", url_path="curation"),
        ],
        position="top",
    )
    timing["page"] = page.url_path or "overview"
    page.run()
