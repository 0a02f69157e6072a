"""The structural checks: ids, references, pinned hashes, quote anchoring, exclusions.

Each check is a small generator of Problems; none raises. Figure and date checks live in
indicators.py and events.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dashboard.catalog.lock import citation_key, lock_path
from dashboard.catalog.model import Catalog, Citation, Event, Exclusion, Indicator, Source
from dashboard.catalog.problems import Problem
from dashboard.text.anchor import Location, locate
from dashboard.text.mentions import LANGUAGES, fold_figure, names_a_number, pinned, read_mentions, reader_for
from dashboard.validation.drift import drift
from dashboard.validation.evidence import Anchor, Evidence, citation_pos

_SNIPPET = 160


def _short(text: str, limit: int = _SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_ids(evidence: Evidence) -> Iterator[Problem]:
    """Source ids are unique; indicator and event ids are unique together (they share permalinks)."""
    catalog = evidence.catalog
    groups: tuple[Sequence[Source | Indicator | Event], ...] = (catalog.sources, _dated(catalog))
    for group in groups:
        first: dict[str, int] = {}
        for record in group:
            if record.id in first:
                yield evidence.problem(
                    "duplicate-id",
                    f"the id `{record.id}` is already used at line {first[record.id]}; give this entry its own id.",
                    pos=record.field_pos.get("id", record.pos),
                    id=record.id,
                )
            else:
                first[record.id] = record.pos.line


def check_languages(evidence: Evidence) -> Iterator[Problem]:
    """A source in a language no reader reads: nothing in it can be proved, so say so once, at its `language`."""
    for source in evidence.catalog.sources:
        if reader_for(source.language) is None:
            yield evidence.problem(
                "language-unsupported",
                f"source `{source.id}` is in `{source.language}`, which no reader reads (readers: "
                f"{', '.join(sorted(LANGUAGES))}); its figures cannot be proved. Cite a source in one of those "
                "languages, or add a reader for this one (dashboard/text/, one module per language).",
                pos=source.field_pos.get("language", source.pos),
                id=source.id,
            )


def check_references(evidence: Evidence) -> Iterator[Problem]:
    catalog = evidence.catalog
    declared = ", ".join(s.id for s in catalog.sources) or "none"
    for owner, citations in _all_citations(catalog):
        for index, citation in enumerate(citations):
            if catalog.source(citation.source) is None:
                yield evidence.problem(
                    "unknown-source",
                    f"citation {index + 1} names the source `{citation.source}`, which `sources` does not "
                    f"declare (declared: {declared}).",
                    pos=citation_pos(citation, "source"),
                    id=owner,
                    citation=index,
                )
    for record in _dated(catalog):
        if record.theme not in catalog.themes:
            yield evidence.problem(
                "unknown-theme",
                f"the theme `{record.theme}` is not declared under `themes` "
                f"(declared: {', '.join(catalog.themes) or 'none'}); add it or fix the name.",
                pos=record.field_pos.get("theme", record.pos),
                id=record.id,
            )


def _dated(catalog: Catalog) -> tuple[Indicator | Event, ...]:
    return (*catalog.indicators, *catalog.events)


def _all_citations(catalog: Catalog) -> Iterator[tuple[str, tuple[Citation, ...]]]:
    for record in _dated(catalog):
        yield record.id, record.citations
    for number, exclusion in enumerate(catalog.exclusions):
        yield exclusion_key(number), (_as_citation(exclusion),)


def exclusion_key(number: int) -> str:
    return f"exclusion:{number}"


def _as_citation(exclusion: Exclusion) -> Citation:
    return Citation(
        source=exclusion.source,
        quote=exclusion.quote,
        prefix=exclusion.prefix,
        suffix=exclusion.suffix,
        figure=exclusion.figure,
        pos=exclusion.pos,
        field_pos=exclusion.field_pos,
    )


def check_hashes(evidence: Evidence) -> Iterator[Problem]:
    """A source whose bytes differ from its pin, with the drift report: where each citation stands now."""
    catalog = evidence.catalog
    for source in catalog.sources:
        text = evidence.texts.get(source.id)
        if text is None or text.sha256 == source.sha256:
            continue
        citing = [
            (citation_key(owner, index), citation)
            for owner, citations in _all_citations(catalog)
            for index, citation in enumerate(citations)
            if citation.source == source.id
        ]
        entry = evidence.lock.get(source.id)
        known = entry is not None and entry.sha256 == source.sha256
        told = drift(text, citing, lock=entry, pinned=source.sha256)
        where = "" if known else f" ({lock_path(catalog.path).name} has no anchors of the pinned bytes: moves not told)"
        lines = "".join(f"\n  {line}" for line in told)
        yield evidence.problem(
            "source-hash-mismatch",
            f"`{source.file}` has changed since it was pinned (sha256 {text.sha256[:12]}…, pinned "
            f"{source.sha256[:12]}…); run `indicators pin` if the change is deliberate. "
            f"Its citations now{where}:{lines or ' none'}",
            pos=source.field_pos.get("sha256", source.pos),
            id=source.id,
            suggestion=text.sha256,
        )


def anchor_citation(evidence: Evidence, *, owner: str, index: int, citation: Citation) -> Iterator[Problem]:
    """Locate a quote; record its Anchor when it can be placed (also for warnings and inexact)."""
    text = evidence.texts.get(citation.source)
    if text is None:
        return
    found = locate(text.text, citation.quote, prefix=citation.prefix, suffix=citation.suffix)
    if found.start is not None and found.end is not None and found.status != "not-found":
        evidence.anchors[(owner, index)] = Anchor(citation.source, found.start, found.end, status=found.status)
    yield from _location_problems(evidence, found, owner=owner, index=index, citation=citation)


def _location_problems(
    evidence: Evidence, found: Location, *, owner: str, index: int, citation: Citation
) -> Iterator[Problem]:
    text = evidence.texts[citation.source]
    pos = citation_pos(citation)
    label = f"citation {index + 1}"
    if found.status == "ambiguous":
        lines = ", ".join(str(text.line_col(start)[0]) for start in found.occurrences)
        yield evidence.problem(
            "quote-ambiguous",
            f"{label}: the quote occurs {len(found.occurrences)} times in `{citation.source}` (lines {lines}); add "
            "`prefix` or `suffix` (the exact text just before or after it) to pick one.",
            pos=pos,
            id=owner,
            citation=index,
        )
    elif found.status == "context-mismatch":
        lines = ", ".join(str(text.line_col(start)[0]) for start in found.occurrences)
        yield evidence.problem(
            "quote-context-mismatch",
            f"{label}: the quote is in `{citation.source}` (line {lines}) but `prefix`/`suffix` do not match the "
            "text right before/after it; copy them from the source or remove them.",
            pos=citation_pos(citation, "prefix" if citation.prefix is not None else "suffix"),
            id=owner,
            citation=index,
        )
    elif found.status == "inexact":
        line = text.line_col(found.start or 0)[0]
        yield evidence.problem(
            "quote-inexact",
            f"{label}: the quote matches `{citation.source}` line {line} only after folding quotes, dashes or "
            f"spaces; paste the exact source text: {found.exact_text!r}",
            pos=pos,
            id=owner,
            citation=index,
            suggestion=found.exact_text,
        )
    elif found.status == "not-found":
        yield _not_found(evidence, found, owner=owner, index=index, citation=citation)


def _not_found(evidence: Evidence, found: Location, *, owner: str, index: int, citation: Citation) -> Problem:
    text = evidence.texts[citation.source]
    message = f"citation {index + 1}: the quote is not in `{citation.source}`."
    suggestion = None
    if found.nearest is not None:
        line = text.line_col(found.nearest.start)[0]
        suggestion = found.nearest.text
        message += f" Nearest passage (line {line}): {_short(found.nearest.text)!r}."
        source = evidence.catalog.source(citation.source)
        differ = _numbers_that_differ(citation.quote, found.nearest.text, language=source.language if source else "en")
        if differ:
            message += f" Numbers that differ: {differ}."
    message += " Copy the quote from the source byte for byte."
    return evidence.problem(
        "quote-not-found", message, pos=citation_pos(citation), id=owner, citation=index, suggestion=suggestion
    )


def _numbers_that_differ(quote: str, passage: str, *, language: str) -> str:
    if reader_for(language) is None:
        return ""
    ours = [m.text for m in read_mentions(quote, language)]
    theirs = [m.text for m in read_mentions(passage, language)]
    only_ours = [t for t in ours if t not in theirs]
    only_theirs = [t for t in theirs if t not in ours]
    if not only_ours and not only_theirs:
        return ""
    return f"quote has {', '.join(only_ours) or 'none'}; source has {', '.join(only_theirs) or 'none'}"


def check_exclusion(evidence: Evidence, *, number: int, exclusion: Exclusion) -> Iterator[Problem]:
    key = exclusion_key(number)
    yield from anchor_citation(evidence, owner=key, index=0, citation=_as_citation(exclusion))
    anchor = evidence.anchors.get((key, 0))
    if anchor is None:
        return
    quote = evidence.texts[anchor.source].text[anchor.start : anchor.end]
    inside = evidence.mentions_in(anchor.source, anchor.start, anchor.end)
    named = pinned(inside, exclusion.figure, quote=quote, quote_start=anchor.start)
    for mention in named:
        evidence.cover(anchor.source, mention)
    source = evidence.catalog.source(anchor.source)
    # a model number or a label is no mention; in another language, number words are the reader's alone
    worded = source is not None and not source.english and fold_figure(exclusion.figure) in fold_figure(quote)
    if not named and not worded and not names_a_number(exclusion.figure, quote):
        yield evidence.problem(
            "figure-pin-mismatch",
            f"exclusion `figure: {exclusion.figure}` names no number in its quote (numbers there: "
            f"{', '.join(m.text for m in inside) or 'none'}); write the number as the quote has it.",
            pos=exclusion.field_pos.get("figure", exclusion.pos),
            id=key,
        )
