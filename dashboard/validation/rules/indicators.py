"""Does the quote state the indicator's value, at the right scale, kind and qualifier?"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal

from dashboard.catalog.model import Citation, Indicator, Pos
from dashboard.catalog.problems import Code, Problem
from dashboard.text.dates import year_range
from dashboard.text.mentions import Mention, format_value, matches_figure, qualifier_group, unit_kind
from dashboard.validation.evidence import Evidence, citation_pos
from dashboard.validation.rules.structure import anchor_citation

Flag = Callable[..., Problem]
"""Makes a Problem of this citation: flag(code, message, at=position)."""
_SCALES = (Decimal(100), Decimal(1000), Decimal(10) ** 6, Decimal(10) ** 9, Decimal(10) ** 12)
_SCALE_NAMES = {
    Decimal(100): "100 (a share written as a fraction?)",
    Decimal(1000): "a thousand",
    Decimal(10) ** 6: "a million",
    Decimal(10) ** 9: "a billion",
    Decimal(10) ** 12: "a trillion",
}


def _show(mention: Mention) -> str:
    return f"{mention.text!r} ({mention.kind} {mention.value:,f})" if mention.value is not None else repr(mention.text)


def check_indicator(evidence: Evidence, indicator: Indicator) -> Iterator[Problem]:
    stated: list[tuple[int, Mention]] = []
    mismatched: list[int] = []
    for index, citation in enumerate(indicator.citations):
        yield from anchor_citation(evidence, owner=indicator.id, index=index, citation=citation)
        anchor = evidence.anchors.get((indicator.id, index))
        if anchor is None:
            continue
        mentions = evidence.mentions_in(anchor.source, anchor.start, anchor.end)
        problems, chosen = _check_figure(evidence, indicator, index=index, citation=citation, mentions=mentions)
        if chosen is not None:
            evidence.anchors[(indicator.id, index)] = replace(anchor, figure_start=chosen.start, figure_end=chosen.end)
            evidence.cover(anchor.source, chosen)
            stated.append((index, chosen))
        _cover_period(evidence, indicator, source=anchor.source, mentions=mentions)
        if any(p.code in ("value-mismatch", "value-not-in-quote") for p in problems):
            mismatched.append(index)
        yield from problems
    yield from _disagreement(evidence, indicator, stated=stated, mismatched=mismatched)


def _check_figure(
    evidence: Evidence, indicator: Indicator, *, index: int, citation: Citation, mentions: list[Mention]
) -> tuple[list[Problem], Mention | None]:
    kind = unit_kind(indicator.unit)
    pos = citation_pos(citation)

    def problem(code: Code, message: str, at: Pos = pos) -> Problem:
        return evidence.problem(code, f"citation {index + 1}: {message}", pos=at, id=indicator.id, citation=index)

    wanted = format_value(indicator.value, unit=indicator.unit)
    if citation.figure is not None:
        pinned = [m for m in mentions if matches_figure(m, citation.figure)]
        if not pinned:
            listed = ", ".join(m.text for m in mentions) or "none"
            return [
                problem(
                    "figure-pin-mismatch",
                    f"the pinned figure {citation.figure!r} is not a number of "
                    f"the quote (numbers there: {listed}); write it as the quote has it.",
                    citation_pos(citation, "figure"),
                )
            ], None
        candidates = pinned
    else:
        candidates = [m for m in mentions if m.kind == kind]
    right_kind = [m for m in candidates if m.kind == kind and same_unit(m, indicator.unit)]
    equal = [m for m in right_kind if m.value == indicator.value]
    if equal:
        found: list[Problem] = []
        # equal numbers that hedge alike give the same verdict; only a hedge that differs needs a pin
        if citation.figure is None and len({qualifier_group(m.qualifier) for m in equal}) > 1:
            found.append(
                problem(
                    "figure-ambiguous",
                    f"{len(equal)} numbers in the quote equal {wanted} "
                    f"({', '.join(m.text for m in equal)}); pin one with `figure`.",
                )
            )
        found.extend(_check_qualifier(indicator, equal[0], problem))
        return found, equal[0]
    return _explain_miss(
        evidence,
        indicator,
        mentions=mentions,
        candidates=candidates,
        right_kind=right_kind,
        citation=citation,
        report=problem,
    ), None


def _explain_miss(
    evidence: Evidence,
    indicator: Indicator,
    *,
    mentions: list[Mention],
    candidates: list[Mention],
    right_kind: list[Mention],
    citation: Citation,
    report: Flag,
) -> list[Problem]:
    value, kind = indicator.value, unit_kind(indicator.unit)
    wanted = format_value(value, unit=indicator.unit)
    # "15,000 jobs, about 15% of its workforce" with value 15: a dropped scale or a wrong unit; say both
    found = [
        *_unit_mismatch(indicator, pool=candidates if citation.figure is not None else mentions, report=report),
        *_scale_mismatch(indicator, right_kind=right_kind, report=report),
    ]
    if found:
        return found
    elsewhere = [m for m in evidence.mentions(citation.source) if m.kind == kind and m.value == value]
    if elsewhere and not right_kind:
        text = evidence.texts[citation.source]
        line = text.line_col(elsewhere[0].start)[0]
        return [
            report(
                "value-not-in-quote",
                f"{wanted} is stated in `{citation.source}` at line {line} "
                f"({elsewhere[0].text!r}), not in this quote; quote that sentence instead.",
            )
        ]
    if not right_kind:
        listed = ", ".join(_show(m) for m in mentions) or "none"
        return [
            report(
                "figure-not-in-quote",
                f"the quote holds no {kind} number (numbers there: {listed}); quote the sentence that states {wanted}.",
            )
        ]
    listed = ", ".join(_show(m) for m in right_kind)
    hint = (
        f" ({wanted} appears at line {evidence.texts[citation.source].line_col(elsewhere[0].start)[0]})"
        if elsewhere
        else ""
    )
    return [
        report(
            "value-mismatch", f"`value` is {value:,f} but the quote states {listed}{hint}; fix the value or the quote."
        )
    ]


def _unit_mismatch(indicator: Indicator, *, pool: list[Mention], report: Flag) -> list[Problem]:
    kind = unit_kind(indicator.unit)
    other = [m for m in pool if m.value == indicator.value and not (m.kind == kind and same_unit(m, indicator.unit))]
    if not other:
        return []
    seen = other[0]
    stated = seen.currency or seen.time_unit or seen.kind
    return [
        report(
            "unit-mismatch",
            f"the quote states {seen.text!r} as {stated}, but the unit `{indicator.unit}` means "
            f"{indicator.unit if kind in ('currency', 'duration') else kind}; fix `unit`.",
        )
    ]


def _scale_mismatch(indicator: Indicator, *, right_kind: list[Mention], report: Flag) -> list[Problem]:
    value = indicator.value
    for mention in right_kind:
        ratio = _scale_ratio(mention.value, value, percent=unit_kind(indicator.unit) == "percent")
        if ratio is not None:
            return [
                report(
                    "scale-mismatch",
                    f"the quote states {_show(mention)} but `value` is {value:,f}: off by "
                    f"{_SCALE_NAMES[ratio]}; write the value in base units (e.g. 17_000_000_000 for $17bn, "
                    "60 for 60 per cent).",
                )
            ]
    return []


def same_unit(mention: Mention, unit: str) -> bool:
    """Currencies must be the same currency, durations the same time unit."""
    if mention.kind == "currency":
        return mention.currency == unit
    if mention.kind == "duration":
        return mention.time_unit == unit.lower()
    return True


def _scale_ratio(stated: Decimal | None, value: Decimal, *, percent: bool) -> Decimal | None:
    """The power of a thousand (or, for a share, the 100) between the stated number and the value."""
    if stated is None or stated == 0 or value == 0:
        return None
    for scale in _SCALES if percent else _SCALES[1:]:
        if stated == value * scale or value == stated * scale:
            return scale
    return None


def _check_qualifier(indicator: Indicator, mention: Mention, report: Flag) -> Iterator[Problem]:
    said, ours = qualifier_group(mention.qualifier), qualifier_group(indicator.qualifier)
    where = indicator.field_pos.get("qualifier", indicator.pos)
    if said and not ours:
        yield report(
            "qualifier-missing",
            f"the text hedges the figure ({mention.qualifier!r} {mention.text}) but "
            f"the indicator has no qualifier; add `qualifier: {mention.qualifier}`.",
        )
    elif ours and not said:
        yield report(
            "qualifier-unsupported",
            f"the indicator says `qualifier: {indicator.qualifier}` but the text "
            f"states {mention.text!r} without hedging; remove the qualifier or quote a hedged figure.",
            where,
        )
    elif said and ours and said != ours:
        yield report(
            "qualifier-mismatch",
            f"the text says {mention.qualifier!r} ({said}) but the indicator says "
            f"{indicator.qualifier!r} ({ours}); use `qualifier: {mention.qualifier}`.",
            where,
        )


def _disagreement(
    evidence: Evidence, indicator: Indicator, *, stated: list[tuple[int, Mention]], mismatched: list[int]
) -> Iterator[Problem]:
    if not stated or not mismatched:
        return
    agreed = ", ".join(f"citation {i + 1} ({m.text})" for i, m in stated)
    for index in mismatched:
        citation = indicator.citations[index]
        yield evidence.problem(
            "citations-disagree",
            f"citation {index + 1} does not state the value that {agreed} states; the sources disagree — "
            "split the figure into one indicator per source value.",
            pos=citation_pos(citation),
            id=indicator.id,
            citation=index,
        )


def _cover_period(evidence: Evidence, indicator: Indicator, *, source: str, mentions: list[Mention]) -> None:
    """Years and dates in a cited quote that lie within the indicator's period are its period."""
    if indicator.period is None:
        return
    first, last = year_range(indicator.period)
    for mention in mentions:
        year = mention.date.year if mention.date is not None else mention.value
        if mention.kind in ("year", "date", "decade") and year is not None and first <= int(year) <= last:
            evidence.cover(source, mention)
