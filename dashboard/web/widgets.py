"""What the pages draw alike: the broken-catalog panel, badges, and the safe rendering of figures, events
and their quotations.

Text from the catalog or a source reaches the page only escaped: `md` for markdown, captions
and labels, `st.html` of our own escaped HTML for quotes, plain widgets (st.text, st.code, tables).
"""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from dashboard.catalog.errors import CatalogUnreadable
from dashboard.catalog.model import Catalog
from dashboard.catalog.problems import ERROR, Problem
from dashboard.present.exports import catalog_json, citations_csv, cite_text
from dashboard.present.highlight import md_escape, quote_in_paragraph_html, safe_url
from dashboard.present.views import CitationView, EventView, FigureView
from dashboard.present.wording import badge_label, when
from dashboard.validation.report import Report
from dashboard.web.cache import load_report
from dashboard.web.navigation import SOURCES_PAGE, VALIDATION_PAGE

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


def badge(*, verified: bool, problems: tuple[Problem, ...] = ()) -> None:
    """Verified (green) or the problem codes (red), as the validator found them."""
    label = badge_label(verified=verified, codes=(p.code for p in problems))
    if verified:
        st.badge(label, icon=":material/verified:", color="green")
    else:
        st.badge(md(label), icon=":material/error:", color="red")


def citation_panel(citation: CitationView, *, report: Report, cite: str | None = None) -> None:
    """One citation: its sentence highlighted inside its paragraph, the source, links, a citation text."""
    source = citation.source
    text = report.texts.get(source.id)
    with st.container(border=True):
        if text is not None and citation.start is not None and citation.end is not None:
            st.html(
                quote_in_paragraph_html(
                    text.text,
                    start=citation.start,
                    end=citation.end,
                    figure_start=citation.figure_start,
                    figure_end=citation.figure_end,
                )
            )
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
            query_params={"source": source.id},
        )
        if cite:
            st.caption("Cite this")
            st.code(cite, language=None, wrap_lines=True)


def _problems(problems: tuple[Problem, ...]) -> None:
    for problem in problems:
        st.error(f"**{md(problem.code)}** — {md(problem.message)}", icon=":material/error:")


def figure_detail(view: FigureView, *, report: Report, themes: dict[str, str]) -> None:
    """Everything about one figure: value, period, note, status and every citation."""
    indicator = view.indicator
    st.subheader(md(indicator.title), anchor=False)
    badge(verified=view.verified, problems=view.problems)
    st.markdown(f"### {md(view.display)}")
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
        citation_panel(citation, report=report, cite=cite_text(view, citation))


def event_detail(view: EventView, *, report: Report, themes: dict[str, str]) -> None:
    """One event: date, theme, status and every quotation."""
    event = view.event
    st.subheader(md(event.title), anchor=False)
    badge(verified=view.verified, problems=view.problems)
    st.caption(" · ".join(md(f) for f in (when(event.date), themes.get(event.theme, event.theme))))
    _problems(view.problems)
    for citation in view.citations:
        citation_panel(citation, report=report)


def downloads(report: Report) -> None:
    """The citations as CSV and the catalog as JSON, built when clicked (at 10,000 figures they take ~1.5 s)."""
    left, right = st.columns(2)
    left.download_button(
        "Citations (CSV)",
        lambda: citations_csv(report),
        file_name="citations.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    right.download_button(
        "Catalog (JSON)",
        lambda: catalog_json(report),
        file_name="catalog.json",
        mime="application/json",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
