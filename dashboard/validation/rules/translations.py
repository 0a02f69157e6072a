"""A quotation from a source that is not English carries the curator's English `translation`; does it state
the figure (or the date) the original states?

The figure is proven against the original, by that language's reader. The translation, read by the
English reader, must then state the same figure: the value at the same scale, in the same unit, hedged in
the same group (an event: a date consistent with the event's). What the catalog's English unit noun
counts is checked on the translation, since the original's nouns are in its own language.
"""

from __future__ import annotations

from collections.abc import Iterator

from dashboard.catalog.model import Citation, Indicator, Source
from dashboard.catalog.problems import Problem
from dashboard.text.hedges import qualifier_group
from dashboard.text.mentions import DATE_KINDS, Mention, format_value, read_mentions
from dashboard.text.units import parse_unit
from dashboard.validation.evidence import Evidence, citation_pos
from dashboard.validation.rules.figures import compare
from dashboard.validation.rules.nouns import other_noun

ENGLISH = "en"


def is_english(source: Source) -> bool:
    return source.language.split("-")[0].lower() == ENGLISH


def translation_missing(evidence: Evidence, *, owner: str, index: int, citation: Citation, source: Source) -> Problem:
    return evidence.problem(
        "translation-missing",
        f"citation {index + 1}: `{source.id}` is in `{source.language}`; add `translation:` with the quote in "
        "English, so that a reader who does not read the original knows what it says.",
        pos=citation_pos(citation),
        id=owner,
        citation=index,
    )


def check_figure_translation(
    evidence: Evidence,
    indicator: Indicator,
    *,
    index: int,
    citation: Citation,
    source: Source,
    original: Mention | None,
) -> Iterator[Problem]:
    """The translation of one citation of an indicator states its figure, hedged as the original hedges it."""
    if is_english(source):
        return
    if citation.translation is None:
        yield translation_missing(evidence, owner=indicator.id, index=index, citation=citation, source=source)
        return
    unit = parse_unit(indicator.unit)
    mentions = read_mentions(citation.translation)
    equal = [m for m in mentions if compare(m, unit, indicator.value, indicator.high).fit == "equal"]
    wanted = format_value(indicator.value, unit=indicator.unit, qualifier=indicator.qualifier, high=indicator.high)
    said = f"the original states {original.text!r}" if original is not None else f"the entry records {wanted}"
    where = citation_pos(citation, "translation")

    def flag(message: str) -> Problem:
        return evidence.problem(
            "translation-mismatch", f"citation {index + 1}: {message}", pos=where, id=indicator.id, citation=index
        )

    if not equal:
        listed = ", ".join(repr(m.text) for m in mentions if m.kind not in DATE_KINDS) or "no figure"
        yield flag(f"{said} ({wanted}) but the translation states {listed}; translate the figure as the original "
                   "gives it (the same number, scale and unit).")  # fmt: skip
        return
    group = qualifier_group(original.qualifier) if original is not None else qualifier_group(indicator.qualifier)
    hedged = [m for m in equal if _same_hedge(m, group)]
    if not hedged:
        shown = equal[0]
        theirs = f"{shown.qualifier!r} ({qualifier_group(shown.qualifier)})" if shown.qualifier else "no hedge"
        ours = f"{original.qualifier!r} ({group})" if original is not None and original.qualifier else "no hedge"
        yield flag(f"{said}, hedged with {ours}, but the translation's {shown.text!r} has {theirs}; translate "
                   "the hedge too (nearly, more than, about, at least …), or drop one the original lacks.")  # fmt: skip
        return
    if unit.kind == "count":
        for mention in hedged:
            noun = other_noun(unit, mention.noun) if mention.kind == "count" else None
            if noun is not None:
                yield evidence.problem(
                    "unit-mismatch",
                    f"citation {index + 1}: the quote counts {noun} (translation: {mention.text} {noun}), not "
                    f"{unit.noun}; write `unit: {noun.lower()}` or cite the sentence that counts {unit.noun}.",
                    pos=citation_pos(citation),
                    id=indicator.id,
                    citation=index,
                    fix=(("unit", noun.lower()),),
                )
                return


def _same_hedge(mention: Mention, group: str | None) -> bool:
    """The translation hedges as the original: the same group, or words vague in themselves ("some
    thousands") where the original is exact or approximate."""
    return qualifier_group(mention.qualifier) == group or (mention.optional_hedge and group in (None, "approximate"))
