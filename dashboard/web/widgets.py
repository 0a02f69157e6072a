"""What the pages draw alike: the broken-catalog panel, badges, and the safe rendering of figures, events
and their quotations.

Text from the catalog or a source reaches the page only escaped: `md` for markdown, captions
and labels, `st.html` of our own escaped HTML for quotes, plain widgets (st.text, st.code, tables).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard.catalog.errors import CatalogUnreadable
from dashboard.catalog.model import Catalog
from dashboard.catalog.problems import ERROR, Problem
from dashboard.present.exports import (
    catalog_json,
    cite_text,
    event_cite_text,
    events_csv,
    figures_csv,
    provenance_text,
)
from dashboard.present.highlight import md_escape, quote_in_paragraph_html, safe_url
from dashboard.present.views import CitationView, EventView, FigureView
from dashboard.present.wording import NOT_VERIFIED_MEANS, VERIFIED_MEANS, badge_label, date_words, when
from dashboard.validation.report import Report
from dashboard.web.cache import load_report
from dashboard.web.navigation import FIGURE_PAGE, SOURCES_PAGE, TABLE, TIMELINE_PAGE, VALIDATION_PAGE, permalink

APP_NAME = "Indicators with exact citations"
# The page's own rules: captions at 7.6:1 on white (Streamlit's faded grey is 4.0:1), a focus ring that shows,
# and what is scrolled into view kept clear of the fixed top navigation bar. A code block's copy button shows
# only on hover, which a touch screen never has: there it always shows. On paper, only what reads: no
# navigation, no control, no chart toolbar; the footer with the page's address and the day, shown in print only.
STYLE = """<style>
[data-testid=stMain] { scroll-padding-top: 4.5rem; }
[data-testid=stCaptionContainer], [data-testid=stCaptionContainer] * {
  color: #4b5563 !important; opacity: 1 !important; }
:focus-visible { outline: 3px solid #1d4ed8 !important; outline-offset: 2px !important; }
.passage-box { max-height: min(720px, 70vh); overflow: auto; padding: 0 .5rem; border: 1px solid #dde2ea;
  border-radius: 4px; }
.passage-box a.cited { color: inherit; text-decoration: none; }
.st-key-timeline-list button, .st-key-timeline-list button *, [class*="st-key-go-"] button,
[class*="st-key-go-"] button * { justify-content: flex-start !important; text-align: left !important; }
.st-key-timeline-list button p, [class*="st-key-go-"] button p, [class*="st-key-taps-"] button p {
  white-space: normal !important; overflow-wrap: anywhere; }
@media (min-width: 641px) { [class*="st-key-taps-"] { display: none; } }
.passage-box a.cited:hover mark, .passage-box a.cited:focus-visible mark { text-decoration: underline; }
@media (hover: none) { [data-testid=stCode] > div:has([data-testid=stElementToolbarButton]) {
  opacity: 1 !important; visibility: visible !important; } }
.st-key-print-footer { display: none !important; }
@media print {
  [data-testid=stSidebar], [data-testid=stSidebarCollapsedControl], header, [data-testid=stHeader],
  [data-testid=stToolbar], [data-testid=stDecoration], [data-testid=stTopNavLink], [data-testid=stStatusWidget],
  button, input, textarea, select, [role=button], [data-testid=stButton], [data-testid=stDownloadButton],
  [data-testid=stLinkButton], [data-testid=stPageLink], [data-testid=stSelectbox], [data-testid=stMultiSelect],
  [data-testid=stTextInput], [data-testid=stButtonGroup], [data-testid=stRadio], [data-testid=stSlider],
  [data-testid=stCheckbox], [data-testid=stPopover], [data-testid=stElementToolbar], [data-testid=stExpanderToggleIcon],
  [data-testid=stCode] > div:has([data-testid=stElementToolbarButton]), [data-baseweb=popover], .modebar-container,
  .modebar { display: none !important; }
  [data-testid=stMain] { padding-top: 0 !important; }
  .st-key-print-footer { display: block !important; border-top: 1px solid #dde2ea; padding-top: .4rem; }
}
</style>"""


def style() -> None:
    st.html(STYLE)


def titled(title: str) -> None:
    """The browser tab's title for this view: "Rosneft's share of exports · Indicators with exact citations"."""
    st.set_page_config(page_title=f"{title} · {APP_NAME}" if title else APP_NAME)


def scroll_into_view(element_id: str) -> None:
    """Bring the element with this id into view after a reader's choice (on a phone the quotation sits
    under the chart, out of sight). Our own script, with the id passed as JSON: no catalog text in it."""
    target = json.dumps(element_id)
    st.html(
        "<script data-app-script>(() => {"
        f" const go = () => {{ const e = document.getElementById({target}); if (!e) return false;"
        " const r = e.getBoundingClientRect(); if (r.top < 70 || r.top > window.innerHeight * 0.6)"
        " e.scrollIntoView({block: 'start', behavior: 'instant'}); return true; };"
        " let tries = 0; const t = setInterval(() => { if (go() || ++tries > 40) clearInterval(t); }, 50); })();"
        f"</script><span hidden data-scroll-to={html.escape(target, quote=True)}></span>",
        unsafe_allow_javascript=True,
    )


# What GFM turns into a link even after escaping (it scans the text nodes): URLs, www. hosts, e-mail addresses.
_AUTOLINK = re.compile(r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _code_span(text: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md(text: str) -> str:
    """Catalog or source text for st.markdown, captions and labels: shown literally, never a link."""
    out, last = [], 0
    for match in _AUTOLINK.finditer(text):
        out += [md_escape(text[last : match.start()]), _code_span(match.group())]
        last = match.end()
    return "".join([*out, md_escape(text[last:])])


def _problem_line(problem: Problem) -> str:
    where = f"{Path(problem.file).name}:{problem.line}:{problem.column}" if problem.line else Path(problem.file).name
    return f"- {md(where)} **{md(problem.code)}** — {md(problem.message)}"


def require_catalog(*, banner: bool = True) -> tuple[Report, Catalog]:
    """The report and its catalog; when the catalog cannot be read, an error panel and st.stop()."""
    try:
        report = load_report()
    except CatalogUnreadable as err:
        st.error(f"**The catalog cannot be read.** {md(str(err))}", icon=":material/error:")
        st.stop()
    if report.catalog is None:
        lines = "\n".join(_problem_line(p) for p in report.problems)
        st.error(
            f"**The catalog is broken; nothing can be shown until it is fixed.**\n\n{lines}\n\n"
            "Fix the file and interact with the page: it reloads without a restart.",
            icon=":material/error:",
        )
        st.stop()
    errors = report.counts[ERROR]
    if banner and errors:
        st.warning(
            f"{errors} problem(s) in the catalog: the figures they affect are flagged.", icon=":material/warning:"
        )
        st.page_link(VALIDATION_PAGE, label="See the validation report", icon=":material/rule:")
    return report, report.catalog


SHOWN_MAX = 80
"""How many characters of a value from the URL a message shows."""
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: NUL shows as ␀
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or char in _BIDI_CONTROLS:
        return f"<U+{code:04X}>"
    return char


def shown(value: str, *, limit: int = SHOWN_MAX) -> str:
    """A value from the URL for a message: control and direction characters made visible, cut to `limit`
    characters, escaped for markdown."""
    head = "".join(_visible(c) for c in value[:limit])
    return md(head if len(value) <= limit else head[: limit - 1] + "…")


def not_found(kind: str, value: str, *, then: str) -> None:
    """A friendly message for an id in the URL that names nothing: the value, shown safely, and what happens."""
    st.warning(f"No {kind} has the id “{shown(value)}”; {then}", icon=":material/search_off:")


def badge(*, verified: bool, problems: tuple[Problem, ...] = (), explain: bool = True) -> None:
    """Verified (green) or "Not verified" and the problem codes (red), as the validator found them, with
    what that means (what the machine proved, and what it did not)."""
    label = badge_label(verified=verified, codes=(p.code for p in problems))
    if verified:
        st.badge(label, icon=":material/verified:", color="green")
    else:
        st.badge(md(label), icon=":material/error:", color="red")
    if explain:
        st.caption(VERIFIED_MEANS if verified else NOT_VERIFIED_MEANS)


def quote_id(owner: str, index: int) -> str:
    """The element id of a citation's quotation on the page (what a selection scrolls into view)."""
    return "quote-" + re.sub(r"[^A-Za-z0-9_-]", "_", owner) + f"-{index}"


def citation_panel(citation: CitationView, *, report: Report, cite: str | None = None, provenance: str | None = None,
                   kind: str = "indicator") -> None:  # fmt: skip
    """One citation: its sentence highlighted inside its paragraph, the source, links, a citation text."""
    source = citation.source
    text = report.texts.get(source.id)
    with st.container(border=True):
        if text is not None and citation.start is not None and citation.end is not None:
            paragraph = quote_in_paragraph_html(
                text.text,
                start=citation.start,
                end=citation.end,
                figure_start=citation.figure_start,
                figure_end=citation.figure_end,
            )
            st.html(f'<div id="{quote_id(citation.owner, citation.index)}">{paragraph}</div>')
        else:
            st.warning("This quotation could not be located in its source:", icon=":material/warning:")
            st.text(citation.quote)
        author = source.author if source.author != source.publisher else None
        byline = " · ".join(x for x in (author, source.publisher, source.published) if x)
        st.markdown(f"**{md(source.title)}**  \n{md(byline)}")
        if not citation.verified:
            st.caption("The validator raised a problem with this citation.")
        url = safe_url(source.url)
        if url:
            st.link_button("Open the source page", url, icon=":material/open_in_new:")
        st.page_link(
            SOURCES_PAGE,
            label="Read it in the full text",
            icon=":material/article:",
            query_params={"source": source.id, kind: citation.owner},
        )
        if cite:
            st.caption("Cite this")
            st.code(cite, language=None, wrap_lines=True)
        if provenance:
            st.caption(f"Provenance: {md(provenance)}")


def _problems(problems: tuple[Problem, ...]) -> None:
    for problem in problems:
        st.error(f"**{md(problem.code)}** — {md(problem.message)}", icon=":material/error:")


def _heading(text: str, level: int) -> None:
    if level == 1:
        st.title(md(text), anchor=False)
    elif level == 2:
        st.header(md(text), anchor=False)
    else:
        st.subheader(md(text), anchor=False)


def big(text: str) -> None:
    """A figure in words, large, as a reader scans for it (not a heading: it names no section)."""
    st.html(f'<p style="font-size:1.65rem;font-weight:650;line-height:1.25;margin:.2rem 0 .4rem 0;'
            f'overflow-wrap:anywhere">{html.escape(text)}</p>')  # fmt: skip


def figure_detail(view: FigureView, *, report: Report, themes: dict[str, str], level: int = 3) -> None:
    """Everything about one figure: value, period, note, status and every citation; its title a heading of
    `level` (1 on its own page, 3 under a chart's heading)."""
    indicator = view.indicator
    _heading(indicator.title, level)
    badge(verified=view.verified, problems=view.problems)
    big(view.display)
    facts = [
        f"Period: {when(indicator.period)}" if indicator.period else "",
        indicator.entity or "",
        themes.get(indicator.theme, indicator.theme),
    ]
    st.caption(" · ".join(md(f) for f in facts if f))
    if indicator.note:
        st.markdown(md(indicator.note))
    _problems(view.problems)
    for citation in view.citations:
        cite = cite_text(view, citation, accessed=date.today(),
                         link=permalink(FIGURE_PAGE, indicator=indicator.id)) if view.verified else None  # fmt: skip
        citation_panel(citation, report=report, cite=cite, provenance=provenance_text(view, citation))


def event_detail(view: EventView, *, report: Report, themes: dict[str, str], level: int = 3) -> None:
    """One event: date, theme, status and every quotation."""
    event = view.event
    _heading(event.title, level)
    badge(verified=view.verified, problems=view.problems)
    st.caption(" · ".join(md(f) for f in (when(event.date), themes.get(event.theme, event.theme))))
    _problems(view.problems)
    for citation in view.citations:
        cite = event_cite_text(view, citation, accessed=date.today(),
                               link=permalink(TIMELINE_PAGE, event=event.id)) if view.verified else None  # fmt: skip
        citation_panel(citation, report=report, cite=cite, provenance=provenance_text(view, citation), kind="event")


CSV, JSON = "text/csv", "application/json"


def downloads(report: Report, *, subset: Collection[str] | None = None, label: str = "", name: str = "") -> None:
    """The figures and the events as CSV, the catalog as JSON, each built when clicked (at 10,000 figures
    they take ~1.5 s); with `subset`, first the figures of this view alone ("This view (CSV)" on explore,
    "This figure (CSV)" on a figure's page), as the file `name`."""
    choices: list[tuple[str, Callable[[], str], str, str]] = [
        ("Figures (CSV)", lambda: figures_csv(report), "figures.csv", CSV),
        ("Events (CSV)", lambda: events_csv(report), "events.csv", CSV),
        ("Everything (JSON)", lambda: catalog_json(report), "catalog.json", JSON),
    ]
    if subset is not None:
        ids = frozenset(subset)
        choices.insert(0, (label, lambda: figures_csv(report, ids), name, CSV))
    for column, (text, data, file_name, mime) in zip(st.columns(len(choices)), choices, strict=True):
        column.download_button(
            text, data, file_name=file_name, mime=mime, icon=":material/download:", on_click="ignore", width="stretch"
        )


def print_footer(url_path: str) -> None:
    """What a printout says of where it came from: "Printed from <this page's address> on <day>", shown on
    paper only (STYLE); the address as the reader's browser reaches it, base path and parameters included."""
    page = next((file for file, _, _, path in TABLE if path == url_path), TABLE[0][0])
    params = {key: str(value) for key, value in st.query_params.to_dict().items()}
    url = permalink(page, **params)
    where = f"Printed from {url}" if url else "Printed"
    with st.container(key="print-footer"):
        st.html(
            f'<p class="print-footer">{html.escape(where)} on {html.escape(date_words(date.today().isoformat()))}</p>'
        )
