"""What a reader must know before quoting a figure, beyond "Verified": the text hedges it, gives a range,
attributes it to someone, the source's date is deduced, or the figure is worked out rather than stated.

Each caveat is data (a kind, a short label for badges and chart legends, a sentence for the page and the
downloads), the same everywhere a figure appears. Pure; no Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dashboard.catalog.model import Citation, Indicator, Source
from dashboard.present.wording import date_words
from dashboard.text.hedges import LOWER, UPPER, qualifier_group

HEDGED, RANGE, ATTRIBUTED, DATE_INFERRED, DERIVED = "hedged", "range", "attributed", "date-inferred", "derived"

_BOUND = {LOWER: "a lower bound: the true figure may be higher", UPPER: "an upper bound: the true figure may be lower"}


@dataclass(frozen=True)
class Caveat:
    kind: str
    """One of HEDGED, RANGE, ATTRIBUTED, DATE_INFERRED, DERIVED."""
    label: str
    """A word or two for a badge or a table column: "hedged", "attributed to SIPRI"."""
    text: str
    """The sentence a reader reads on the figure's page and in the downloads."""


def figure_caveats(indicator: Indicator, citations: Iterable[tuple[Citation, Source]]) -> tuple[Caveat, ...]:
    """The caveats of one indicator, given its citations with their sources."""
    found: list[Caveat] = []
    group = qualifier_group(indicator.qualifier)
    if group:
        meaning = _BOUND.get(group, "an estimate, not an exact count")
        found.append(Caveat(HEDGED, "hedged", f"The text hedges this figure (“{indicator.qualifier}”): {meaning}."))
    if indicator.high is not None:
        found.append(Caveat(RANGE, "range", "The text gives a range, not one number; both ends are shown."))
    if indicator.derived is not None:
        found.append(
            Caveat(
                DERIVED,
                "derived",
                f"Worked out ({indicator.derived.formula}) from other figures of this dashboard, not stated by a "
                "source; each input's sentence is shown.",
            )
        )
    pairs = list(citations)
    found += [_attributed(who) for who in dict.fromkeys(c.attributed_to for c, _ in pairs if c.attributed_to)]
    found += source_caveats(source for _, source in pairs if _dated_by(indicator.period, source))
    return tuple(found)


def labels(caveats: Iterable[Caveat]) -> list[str]:
    """The badges of a figure: each label once (two sources with deduced dates make one "date inferred")."""
    return list(dict.fromkeys(caveat.label for caveat in caveats))


def _dated_by(period: str | None, source: Source) -> bool:
    """True when the figure's time rests on the source's date: it has no period (it holds "as of" the
    text), or its period is the month or year the source was published."""
    if period is None:
        return True
    start, _, end = period.partition("/")
    return not end and (source.published.startswith(start) or start.startswith(source.published))


def source_caveats(sources: Iterable[Source]) -> tuple[Caveat, ...]:
    """A caveat for each source whose publication date is deduced rather than stated (a byline or a
    citation that shows the date says so; a figure only when its time rests on that date)."""
    inferred = {source.id: source for source in sources if source.published_inferred}
    return tuple(
        Caveat(
            DATE_INFERRED,
            "date inferred",
            f"“{source.title}” does not state when it was published; {date_words(source.published)} is deduced"
            + (f" ({source.published_note.rstrip('.')})." if source.published_note else "."),
        )
        for source in inferred.values()
    )


def _attributed(who: str) -> Caveat:
    return Caveat(
        ATTRIBUTED,
        f"attributed to {who}",
        f"The text gives this figure as {who}’s, not as its own finding: it is verified as reported, not as fact.",
    )
