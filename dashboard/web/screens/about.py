"""About: what the site is, how its figures are gathered and checked, its sources, its limits, its licence
and who to contact, in words for a reader who quotes it."""

from __future__ import annotations

import streamlit as st

from dashboard.catalog.model import Source
from dashboard.present.wording import VERIFIED_MEANS, date_words
from dashboard.web import widgets as ui

METHOD = (
    "Each figure and each dated event was copied by hand from one of the documents listed below, together "
    "with the exact sentence that states it. Open a figure to read that sentence, highlighted in its "
    "paragraph, with a link to the document."
)
NOT_PROVEN = (
    "What the check does not prove: that the source is right, that it is the best or latest figure, or that "
    "a figure means more than its sentence says. A figure is only as good as the document that states it."
)
CAVEATS = (
    ("Hedged figures", "when the text says “about”, “nearly” or “more than”, the figure keeps that word, and "
     "the page says whether it is an estimate, a lower or an upper bound."),
    ("Attributed figures", "when the text gives a figure as someone else’s (“according to …”), the page names "
     "who states it: the document reports the claim, it does not vouch for it."),
    ("Inferred dates", "some documents do not say when they were published; their date is deduced (from the "
     "page address or the text) and marked “date inferred”."),
    ("Derived figures", "a few figures are worked out from other figures of this site (a total minus a part); "
     "no sentence states them, so the formula and the sentence of each input are shown."),
)  # fmt: skip


def published(source: Source) -> str:
    """A source's date in words, "(date inferred)" when the document does not state it."""
    words = date_words(source.published)
    return f"{words} (date inferred)" if source.published_inferred else words


def sources_table(sources: tuple[Source, ...]) -> str:
    """The sources as a markdown table (title, publisher, date, link), every cell escaped."""
    rows = ["| Document | Publisher | Published | Link |", "|---|---|---|---|"]
    for source in sources:
        cells = [
            ui.md(source.title),
            ui.md(source.publisher),
            ui.md(published(source)),
            ui.link("source page", source.url) if source.url else "",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def render() -> None:
    ui.titled("About")
    report, catalog = ui.require_catalog(banner=False)
    site = catalog.site
    st.title(f"About {ui.md(site.title)}" if site.title else "About this site", anchor=False)
    if site.description:
        st.markdown(ui.md(site.description))

    st.header("How the figures are gathered and checked", anchor=False)
    st.markdown(METHOD)
    st.markdown(
        "A program (the validator) reads every entry against its document each time the catalog changes. "
        + VERIFIED_MEANS
        + " An entry it finds a problem with is marked “Not verified” and never shown as a headline."
    )
    st.markdown(NOT_PROVEN)
    st.markdown("\n".join(f"- **{name}**: {text}" for name, text in CAVEATS))

    st.header("Sources", anchor=False)
    st.markdown(sources_table(catalog.sources))
    if any(s.published_inferred for s in catalog.sources):
        st.caption(
            "“Date inferred”: the document does not state when it was published; the date is deduced from its "
            "page address or its text."
        )

    st.header("Limits", anchor=False)
    count = len(catalog.sources)
    covered, mentions = report.total_coverage
    limits = [
        f"Everything here comes from {count} document{'s' if count != 1 else ''}: a figure missing from this "
        "site may well exist elsewhere, and each document's angle, date and way of counting carry over.",
        "Quotations are shown exactly as the documents word them, in their own language; nothing is translated "
        "or corrected.",
    ]
    if mentions:
        limits.append(
            f"Of the {mentions} numbers and dates in these documents, {covered} are quoted here or set aside on "
            "purpose, each with its reason; none is silently left out."
            if covered == mentions
            else f"Of the {mentions} numbers and dates in these documents, {covered} are quoted here or set "
            "aside on purpose; the others are not yet in the catalog."
        )
    st.markdown("\n".join(f"- {line}" for line in limits))

    st.header("Licence and contact", anchor=False)
    facts = []
    if site.licence:
        facts.append(f"- Licence: {ui.md(site.licence)}")
    if site.publisher:
        facts.append(f"- Published by {ui.md(site.publisher)}")
    if site.contact:
        facts.append(f"- Contact: {ui.contact_md(site.contact)}")
    stamp = ui.updated(report)
    if stamp is not None:
        facts.append(f"- Last updated {date_words(stamp.date().isoformat())}")
    st.markdown("\n".join(facts) or "No licence or contact is stated.")
    st.caption("Each quoted document keeps its own rights; follow its link to read it where it was published.")
