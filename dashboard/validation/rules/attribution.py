"""A citation's `attributed_to` must be who the text names: in the quote's sentence or its paragraph.

The reader is told "according to X"; X has to be the text's word, not the curator's guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dashboard.catalog.model import Citation, Event, Indicator
from dashboard.catalog.problems import Problem
from dashboard.text.anchor import fold, paragraph_bounds
from dashboard.text.sentences import sentence_bounds
from dashboard.validation.evidence import Evidence, citation_pos

_NAMERS = (
    re.compile(r"\baccording to (?:the )?([^,.;:()\n]+)", re.IGNORECASE),
    re.compile(r"\b((?:[A-Z][\w’'.&-]*\s)*[A-Z][\w’'.&-]*|[a-z]+ sources) (?:said|says|say|estimated|reported)\b"),
    re.compile(r"\b(?:said|says|estimated by|reported by) (?:the )?((?:[A-Z][\w’'.&-]*\s?)+)"),
)


def folded(text: str) -> str:
    """Case, quotes, dashes, spaces and a possessive "'s" folded away: "SIPRI’s" reads "sipri"."""
    text = fold(text)[0].lower()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[\"']", "", text).split())


def check_attributions(evidence: Evidence) -> Iterator[Problem]:
    records: list[Indicator | Event] = [*evidence.catalog.indicators, *evidence.catalog.events]
    for record in records:
        for index, citation in enumerate(record.citations):
            if citation.attributed_to is None:
                continue
            problem = _check(evidence, record.id, index, citation)
            if problem is not None:
                yield problem


def _check(evidence: Evidence, owner: str, index: int, citation: Citation) -> Problem | None:
    anchor = evidence.anchors.get((owner, index))
    if anchor is None:
        return None  # the quote is not in the source: its own problem says so
    text = evidence.texts[anchor.source]
    sentence = sentence_bounds(text.text, start=anchor.start, end=max(anchor.start + 1, anchor.end))
    first, last = paragraph_bounds(text.text, start=min(anchor.start, sentence[0]), end=max(anchor.end, sentence[1]))
    paragraph = text.text[first:last]
    name = folded(citation.attributed_to or "")
    if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded(paragraph)):
        return None
    start_line, end_line = text.line_col(first)[0], text.line_col(max(first, last - 1))[0]
    lines = f"line {start_line}" if start_line == end_line else f"lines {start_line}–{end_line}"
    offered = suggestions(paragraph)
    hint = f"; the text names {', '.join(repr(s) for s in offered)}" if offered else ""
    return evidence.problem(
        "attribution-not-in-source",
        f"citation {index + 1}: `attributed_to: {citation.attributed_to}` is not named in the quote's sentence or "
        f"its paragraph (`{text.source.file}` {lines}){hint}; write the name as the text gives it, or remove "
        "`attributed_to`.",
        pos=citation_pos(citation, "attributed_to"),
        id=owner,
        citation=index,
        suggestion=offered[0] if offered else None,
    )


def suggestions(paragraph: str) -> list[str]:
    """Who the paragraph says states something: after "according to", before "said"."""
    found: list[str] = []
    for pattern in _NAMERS:
        for match in pattern.finditer(paragraph):
            name = " ".join(match[1].split()[:6]).strip(" ’'")
            if name and name not in found:
                found.append(name)
    return found[:3]
