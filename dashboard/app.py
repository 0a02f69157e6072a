"""Streamlit entry point: page configuration and navigation over dashboard/web/pages/ (web/navigation.py).

`streamlit run dashboard/app.py` puts dashboard/ itself on sys.path, not the checkout; the checkout is
put first so that the app always runs its own code, installed or not (a host that installs only the
dependencies, such as Streamlit Community Cloud, then still finds `dashboard`).
"""

from __future__ import annotations

import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
if str(CHECKOUT) not in sys.path:
    sys.path.insert(0, str(CHECKOUT))

import streamlit as st  # noqa: E402

from dashboard.web import widgets  # noqa: E402
from dashboard.web.navigation import pages  # noqa: E402
from dashboard.web.timing import timed_run  # noqa: E402

ICON = Path(__file__).resolve().parent / "static" / "icon.png"  # a local file: an emoji or material icon is fetched


def run() -> None:
    """One script run: the page configuration, the navigation, the chosen page, its footer and the
    print-only line with its address and date."""
    with timed_run() as timing:  # env INDICATORS_TIMINGS=<file>: one JSON line per run (benchmarks/bench_app.py)
        st.set_page_config(page_title=widgets.APP_NAME, page_icon=str(ICON), layout="wide")
        widgets.style()
        # an embedded view (`embed=true`) is one chart in another page: no navigation around it
        page = st.navigation(pages(), position="hidden" if st.context.is_embedded else "top")
        timing["page"] = page.url_path or "overview"
        page.run()
        widgets.footer()
        widgets.print_footer(page.url_path)


if __name__ == "__main__":
    run()
