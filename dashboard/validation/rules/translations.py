"""A quotation from a source that is not English carries the curator's English `translation`; does it state
the figure (or the date) the original states?

The figure is proven against the original, by that language's reader. The translation, read by the
English reader, must then state the same figure: the value at the same scale, in the same unit, hedged in
the same group (an event: a date consistent with the event's). What the catalog's English unit noun
counts is checked on the translation, since the original's nouns are in its own language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from dashboard.catalog.model import Citation, Indicator, Source
from dashboard.catalog.problems import Problem
from dashboard.text import english
from dashboard.text.hedges import HEDGE_GROUPS, qualifier_group
from dashboard.text.mentions import DATE_KINDS, Mention, format_value, read_mentions
from dashboard.text.units import parse_unit
from dashboard.validation.evidence import Evidence, citation_pos
from dashboard.validation.rules.figures import compare
from dashboard.validation.rules.nouns import other_noun


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
    if source.english:
        return
    if citation.translation is None:
        yield translation_missing(evidence, owner=indicator.id, index=index, citation=citation, source=source)
        return
    unit = parse_unit(indicator.unit)
    translation = citation.translation
    mentions = read_mentions(translation)
    equal = [m for m in mentions if _states(m, indicator)]
    wanted = format_value(indicator.value, unit=indicator.unit, qualifier=indicator.qualifier, high=indicator.high)
    said = f"the original states {original.text!r}" if original is not None else f"the entry records {wanted}"
    where = citation_pos(citation, "translation")

    def flag(message: str) -> Problem:
        return evidence.problem(
            "translation-mismatch", f"citation {index + 1}: {message}", pos=where, id=indicator.id, citation=index
        )

    group = qualifier_group(original.qualifier) if original is not None else qualifier_group(indicator.qualifier)
    if not equal:
        worded = _worded(translation, indicator, unit.kind)
        if worded is not None:
            phrase = _phrase_before(translation, worded, between=r"(?: [a-z]+)?")  # "approximately another third"
            theirs = None if phrase in _EMPHASIS else qualifier_group(phrase)
            if theirs == group:
                return
            yield flag(
                f"{said}, hedged {group or 'not at all'}, but the translation words it hedged "
                f"{theirs or 'not at all'}; translate the hedge too, or drop one the original lacks."
            )
            return
        listed = ", ".join(repr(m.text) for m in mentions if m.kind not in DATE_KINDS) or "no figure"
        yield flag(f"{said} ({wanted}) but the translation states {listed}; translate the figure as the original "
                   "gives it (the same number at the same scale).")  # fmt: skip
        return
    hedged = [m for m in equal if _same_hedge(m, group, translation)]
    if not hedged:
        shown = equal[0]
        theirs = _hedge_of(shown, translation)
        theirs_said = f"{theirs!r} ({qualifier_group(theirs)})" if theirs else "no hedge"
        ours = f"{original.qualifier!r} ({group})" if original is not None and original.qualifier else "no hedge"
        yield flag(f"{said}, hedged with {ours}, but the translation's {shown.text!r} has {theirs_said}; translate "
                   "the hedge too (nearly, more than, about, at least …), or drop one the original lacks.")  # fmt: skip
        return
    if unit.kind == "count":
        for mention in hedged:
            counted = mention.noun or _noun_before(translation, mention.start)
            noun = other_noun(unit, counted, strict=True) if mention.kind == "count" else None
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


_EMPHASIS = frozenset({"barely"})
"""English hedges a translation may use for an exact figure said with emphasis ("apenas un tercio": "barely a
third"), where the original's reader reads no hedge."""
_WORDS = re.compile(r"[a-z]+")


def _states(mention: Mention, indicator: Indicator) -> bool:
    """The translation's mention gives the entry's number at its scale (the unit is proven on the original):
    "1.04 trillion" for 1,04 billones de bolívares, "5 degrees" for 5 градусов."""
    if mention.value is None or mention.kind in DATE_KINDS:
        return False
    if compare(mention, parse_unit(indicator.unit), indicator.value, indicator.high).fit == "equal":
        return True
    return mention.value == indicator.value and mention.high == indicator.high


def _worded(translation: str, indicator: Indicator, kind: str) -> int | None:
    """Where the translation words a rank, a multiple or a share the English reader reads only in company
    ("the second route", "nearly double", "another third"); None when it does not."""
    wanted = indicator.value
    for found in _WORDS.finditer(translation.lower()):
        word = found.group()
        if kind == "ordinal" and english.ORDINAL_WORDS.get(word) == wanted:
            return found.start()
        if kind == "multiplier" and english.MULTIPLIER_WORDS.get(word) == wanted:
            return found.start()
        denominator = english.FRACTION_WORDS.get(word)
        if kind == "percent" and denominator and indicator.high is None:
            before = translation.lower()[max(0, found.start() - 8) : found.start()].split()
            count = english.ONES.get(before[-1], 1) if before else 1
            if abs(Decimal(100 * count) / denominator - wanted) < Decimal("0.5"):
                return found.start()
    return None


_VERBS = {"exceed": "over", "surpass": "over", "top": "over", "reach up to": "up to", "not exceed": "no more than",
          "not surpass": "no more than", "did not exceed": "no more than",
          "does not exceed": "no more than"}  # fmt: skip
"""Verbs that hedge a figure after a modal ("may exceed 4 million"), which the English reader leaves alone."""
_PHRASES = sorted([*HEDGE_GROUPS, *_VERBS], key=len, reverse=True)
_NUMBER_OF = re.compile(
    r"(?i)\b(?:number|total|count)\s+of\s+(?:(?:such|the|these|those|all)\s+)?((?:[a-z-]+\s+){0,2}[a-z-]+)"
)


def _noun_before(translation: str, at: int) -> str | None:
    """What a count with no noun after it counts when the sentence names it before: "the number of such
    transfers, about 41 thousand" -> "transfers"."""
    found = list(_NUMBER_OF.finditer(translation, 0, at))
    return found[-1].group(1) if found else None


def _phrase_before(text: str, at: int, *, between: str = "") -> str | None:
    """A hedge phrase standing right before text[at:] ("tops 150 billion", "nearly double"), an article (and
    what `between` allows) apart."""
    before = " ".join(text[max(0, at - 40) : at].lower().split())
    for phrase in _PHRASES:
        if re.search(rf"(?:^|\W){re.escape(phrase)}(?: the| a| an)?{between}$", before):
            return _VERBS.get(phrase, phrase)
    return None


def _hedge_of(mention: Mention, translation: str) -> str | None:
    """The translation's hedge of a mention: the reader's, else a hedge phrase right before it."""
    return mention.qualifier or _phrase_before(translation, mention.start)


def _same_hedge(mention: Mention, group: str | None, translation: str) -> bool:
    """The translation hedges as the original: the same group, or words vague in themselves ("some
    thousands") where the original is exact or approximate."""
    if mention.optional_hedge and group in (None, "approximate"):
        return True
    said = mention.qualifier
    if qualifier_group(said) == group or (said in _EMPHASIS and group is None):
        return True
    # a hedging verb the English reader leaves to its context ("debt tops 150 billion") may only confirm
    return said is None and group is not None and qualifier_group(_phrase_before(translation, mention.start)) == group
