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
from datetime import date, datetime
from pathlib import Path

import streamlit as st

from dashboard.catalog.errors import CatalogUnreadable
from dashboard.catalog.model import Catalog, Site
from dashboard.catalog.problems import ERROR, Problem
from dashboard.catalog.updated import last_updated
from dashboard.present.caveats import DERIVED, Caveat, labels
from dashboard.present.derived import derived_cite_text, formula_text
from dashboard.present.derived import inputs as derived_inputs
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
from dashboard.present.wording import (
    DERIVED_VERIFIED_MEANS,
    NOT_VERIFIED_MEANS,
    VERIFIED_MEANS,
    badge_label,
    date_words,
    language_name,
    published_words,
    when,
)
from dashboard.validation.report import Report
from dashboard.web import state
from dashboard.web.cache import derived as load_derived
from dashboard.web.cache import load_report
from dashboard.web.navigation import (
    ABOUT_PAGE,
    FIGURE_PAGE,
    SOURCES_PAGE,
    TABLE,
    TIMELINE_PAGE,
    VALIDATION_PAGE,
    curator,
    permalink,
)

APP_NAME = "Indicators with exact citations"
"""The site's name when the catalog gives no `title`."""
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
.st-key-print-footer, [class*="st-key-print-facts-"] { display: none !important; }
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
  [class*="st-key-print-facts-"] { display: block !important; }
  .st-key-print-footer { display: block !important; border-top: 1px solid #dde2ea; padding-top: .4rem; }
  .print-only { display: block !important; }
}
</style>"""


def style() -> None:
    st.html(STYLE)


def site() -> Site:
    """Who and what the site is, from the catalog's top-level fields (all empty when it cannot be read)."""
    try:
        report = load_report()
    except CatalogUnreadable:
        return Site()
    return report.catalog.site if report.catalog is not None else Site()


def site_title() -> str:
    """The catalog's `title`, else APP_NAME."""
    return site().title or APP_NAME


def titled(title: str) -> None:
    """The browser tab's title for this view: "Rosneft's share of exports · Russia and Venezuela in figures"
    (the site's title alone on the overview). The report is cached, so reading it here costs a lookup."""
    name = site_title()
    st.set_page_config(page_title=f"{title} · {name}" if title else name)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINKABLE = re.compile(r"https?://[^\s<>|\\`]+", re.IGNORECASE)


def link(label: str, url: str | None) -> str:
    """Markdown for a link to an http(s) address, its label escaped; the label alone (escaped) when the
    address is not one a page may offer (javascript:, spaces, angle brackets: never passed on)."""
    safe = safe_url(url)
    if safe and _LINKABLE.fullmatch(safe):
        return f"[{md_escape(label)}](<{safe}>)"
    return md(label)


def contact_md(contact: str) -> str:
    """A contact as markdown: an e-mail address as a mailto link, a web address as a link, else the text."""
    value = contact.strip()
    if _EMAIL.fullmatch(value):
        return f"[{md_escape(value)}](<mailto:{value}>)"
    if safe_url(value):
        return link(value, value)
    return md(value)


def updated(report: Report) -> datetime | None:
    """When the catalog or one of its sources last changed (`catalog/updated.py`), once per report."""
    files = [Path(report.catalog_path), *(text.path for text in report.texts.values())]
    return load_derived(report).memo("last-updated", lambda: last_updated(files))


def footer_parts(report: Report) -> list[str]:
    """The footer's markdown pieces: site, publisher, licence, contact, last updated."""
    about = report.catalog.site if report.catalog is not None else Site()
    parts = [md(about.title or APP_NAME)]
    if about.publisher:
        parts.append(f"Published by {md(about.publisher)}")
    if about.licence:
        parts.append(f"Licence: {md(about.licence)}")
    if about.contact:
        parts.append(f"Contact: {contact_md(about.contact)}")
    stamp = updated(report)
    if stamp is not None:
        parts.append(f"Last updated {date_words(stamp.date().isoformat())}")
    return parts


def footer() -> None:
    """The line under every page: who publishes the site, its licence, a contact and when it last changed,
    and the way to the About page. Nothing when the catalog cannot be read (the page said so already)."""
    try:
        report = load_report()
    except CatalogUnreadable:
        return
    if report.catalog is None:
        return
    st.divider()
    st.caption(" · ".join(footer_parts(report)))
    st.page_link(ABOUT_PAGE, label="About this site: method, sources, licence", icon=":material/info:")


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


_CODE = re.compile(r"`([^`\n]+)`")


def message_md(text: str) -> str:
    """A validator or curation message for markdown: its `backticked` names shown as code, the rest as
    `md` shows text (escaped, never a link)."""
    out, last = [], 0
    for match in _CODE.finditer(text):
        out += [md(text[last : match.start()]), _code_span(match.group(1))]
        last = match.end()
    return "".join([*out, md(text[last:])])


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
        if curator():  # the validation page exists only in curator mode
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


def badge(*, verified: bool, problems: tuple[Problem, ...] = (), caveats: tuple[Caveat, ...] = (),
          explain: bool = True) -> None:  # fmt: skip
    """Verified (green) and a badge per caveat (hedged, range, attributed to …, date inferred, derived), or "Not
    verified" and the problem codes (red), as the validator found them. With `explain`, the caveats' sentences
    and what the status means (what the machine proved, and what it did not) follow; without it (a tile), the
    meaning is the badges' tooltip."""
    label = badge_label(verified=verified, codes=(p.code for p in problems))
    worked_out = any(c.kind == DERIVED for c in caveats)
    means = (DERIVED_VERIFIED_MEANS if worked_out else VERIFIED_MEANS) if verified else NOT_VERIFIED_MEANS
    if verified:
        shown_caveats = " ".join(f":orange-badge[{md(text)}]" for text in labels(caveats))
        st.markdown(f":green-badge[:material/verified: {label}] {shown_caveats}".strip(),
                    help=None if explain else means)  # fmt: skip
    else:
        st.badge(md(label), icon=":material/error:", color="red", help=None if explain else means)
    if explain:
        if verified:
            for caveat in caveats:
                st.caption(f":material/info: {md(caveat.text)}")
        st.caption(means)


def quote_id(owner: str, index: int) -> str:
    """The element id of a citation's quotation on the page (what a selection scrolls into view)."""
    return "quote-" + re.sub(r"[^A-Za-z0-9_-]", "_", owner) + f"-{index}"


def translation(citation: CitationView) -> None:
    """Under a quotation from a source in another language: which language, and the curator's English, marked
    as the curator's (the machine proved the figure in the original and checked the translation states it)."""
    source, translated = citation.source, citation.citation.translation
    if source.english:
        return
    st.caption(f"The original is in {language_name(source.language)}. In English (the curator's translation, "
               "checked to state the same figure):")  # fmt: skip
    st.markdown(f"“{md(translated)}”" if translated else "*No translation given.*")


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
            language = html.escape(source.language, quote=True)
            st.html(f'<div id="{quote_id(citation.owner, citation.index)}" lang="{language}">{paragraph}</div>')
        else:
            st.warning("This quotation could not be located in its source:", icon=":material/warning:")
            st.text(citation.quote)
        translation(citation)
        author = source.author if source.author != source.publisher else None
        published = published_words(source.published, inferred=source.published_inferred)
        byline = " · ".join(x for x in (author, source.publisher, published) if x)
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
    badge(verified=view.verified, problems=view.problems, caveats=view.caveats)
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
    if indicator.derived is not None:
        _derived(view, report=report, own_page=level == 1)
    for citation in view.citations:
        cite = cite_text(view, citation, accessed=date.today(),
                         link=permalink(FIGURE_PAGE, indicator=indicator.id)) if view.verified else None  # fmt: skip
        citation_panel(citation, report=report, cite=cite, provenance=provenance_text(view, citation))


def _derived(view: FigureView, *, report: Report, own_page: bool) -> None:
    """A derived figure: its formula with the inputs' titles and values, each input (a link to its page, its
    status, its quotations) and a citation saying it is worked out from the inputs' sources."""
    views = load_derived(report).figures
    st.markdown(f"**Worked out:** {md(formula_text(view, views))}")
    if view.verified:
        link = permalink(FIGURE_PAGE, indicator=view.indicator.id)
        st.caption("Cite this")
        st.code(derived_cite_text(view, views, link=link), language=None, wrap_lines=True)
    seen: set[str] = set()
    for found in derived_inputs(view, views):
        if found.id in seen:
            continue
        seen.add(found.id)
        if found.view is None:
            st.warning(f"The input “{md(found.name)}” names no figure of the catalog ({shown(found.id)}).",
                       icon=":material/warning:")  # fmt: skip
            continue
        _input(found.view, report=report, own_page=own_page)


def _input(view: FigureView, *, report: Report, own_page: bool) -> None:
    """One input of a derived figure: its title as a way to its page, its value and status, its quotations."""
    ident = view.indicator.id
    label = f"{md(view.indicator.title)} — {md(view.display)}"
    if own_page:  # a link to the page the reader is on would leave the old parameters in the address bar
        state.choice_button(label, url_key="indicator", value=ident, key=f"input-{ident}", others="tertiary",
                            icon=":material/format_quote:")  # fmt: skip
    else:
        st.page_link(FIGURE_PAGE, label=label, icon=":material/format_quote:", query_params={"indicator": ident})
    badge(verified=view.verified, problems=view.problems, caveats=view.caveats, explain=False)
    for citation in view.citations:
        citation_panel(citation, report=report)


def event_detail(view: EventView, *, report: Report, themes: dict[str, str], level: int = 3) -> None:
    """One event: date, theme, status and every quotation."""
    event = view.event
    _heading(event.title, level)
    badge(verified=view.verified, problems=view.problems, caveats=view.caveats)
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
        print_only(f'<p class="print-footer">{html.escape(where)} on '
                   f"{html.escape(date_words(date.today().isoformat()))}</p>")  # fmt: skip


def print_only(body: str) -> None:
    """HTML (already escaped) that only paper shows: hidden by its own inline style, so it never shows on screen
    while the page's stylesheet is still on its way; STYLE's print rules show it."""
    st.html(f'<div class="print-only" style="display:none">{body}</div>')
