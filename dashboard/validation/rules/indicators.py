"""Does each quote state the indicator's figure: value, scale, unit, hedge, counted noun and period?

Every message that names a value, a unit or a qualifier to write gives it as a `fix` too, computed from
what the text states, never from the catalog's guess; applied, the fix validates (a test applies each).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from dashboard.catalog.model import Citation, Indicator, Pos
from dashboard.catalog.problems import Code, Problem
from dashboard.text.anchor import paragraph_bounds
from dashboard.text.dates import year_range
from dashboard.text.hedges import LOWER, UPPER, qualifier_group
from dashboard.text.mentions import format_value, names_a_number, pinned
from dashboard.text.quantity import DATE_KINDS, Mention
from dashboard.text.sentences import sentence_bounds
from dashboard.text.units import Unit, parse_unit
from dashboard.validation.evidence import Evidence, citation_pos
from dashboard.validation.rules.figures import SCALE_NAMES, Fit, best, compare
from dashboard.validation.rules.nouns import counted_noun, other_noun
from dashboard.validation.rules.periods import period_disagrees, time_words
from dashboard.validation.rules.structure import anchor_citation
from dashboard.validation.rules.translations import check_figure_translation

Flag = Callable[..., Problem]
"""Makes a Problem of this citation: flag(code, message, at=position, fix=…)."""


def literal(value: Decimal) -> str:
    """A value as the catalog writes it: digit groups joined by `_` (4_500_000_000), no exponent."""
    text = format(value.normalize() if value == value.to_integral_value() else value, "f")
    whole, _, decimals = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    grouped = f"{int(digits):_}" if len(digits) > 4 else digits
    return sign + grouped + (f".{decimals}" if decimals else "")


def range_literal(low: Decimal, high: Decimal) -> str:
    return f"[{literal(low)}, {literal(high)}]"


def value_literal(mention: Mention, low: Decimal, high: Decimal | None = None) -> str:
    """The value to write for what `mention` states: its range when it gives one; a proportion in words
    as its percent to one decimal ("a third": 33.3), which the rules take as equal."""

    def written(value: Decimal) -> str:
        if mention.fraction is not None:
            value = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return literal(value)

    return written(low) if high is None else f"[{written(low)}, {written(high)}]"


def describe(mention: Mention) -> str:
    """ "'$4.5 bln' (4,500,000,000 USD)": what a mention states, for messages."""
    if mention.value is None:
        return repr(mention.text)
    amount = f"{mention.value:,f}" + (f"–{mention.high:,f}" if mention.high is not None else "")
    if mention.kind == "currency":
        what = f"{amount} {'/'.join(mention.currencies[:3])}"
    elif mention.kind == "measure":
        what = f"{amount} {mention.unit_text or mention.measure.dimension if mention.measure else ''}"
    elif mention.kind == "duration":
        what = f"{amount} {mention.time_unit}"
    elif mention.fraction is not None:
        what = f"{mention.fraction[0]}/{mention.fraction[1]}, {amount} percent"
    else:
        what = f"{mention.kind} {amount}"
    return f"{mention.text!r} ({what})"


def check_indicator(evidence: Evidence, indicator: Indicator) -> Iterator[Problem]:
    stated: list[tuple[int, Mention]] = []
    mismatched: list[int] = []
    for index, citation in enumerate(indicator.citations):
        yield from anchor_citation(evidence, owner=indicator.id, index=index, citation=citation)
        anchor = evidence.anchors.get((indicator.id, index))
        source = evidence.catalog.source(citation.source)
        if anchor is None:
            if source is not None:
                yield from check_figure_translation(
                    evidence, indicator, index=index, citation=citation, source=source, original=None
                )
            continue
        mentions = evidence.mentions_in(anchor.source, anchor.start, anchor.end)
        check = _CitationCheck(evidence, indicator, index=index, citation=citation, mentions=mentions)
        problems, chosen = check.run(anchor_start=anchor.start)
        if chosen is not None:
            evidence.anchors[(indicator.id, index)] = replace(anchor, figure_start=chosen.start, figure_end=chosen.end)
            evidence.cover(anchor.source, chosen)
            stated.append((index, chosen))
        else:
            for mention in check.judged:  # the entry is wrong about this mention, yet it is curated: no stub
                evidence.cover(anchor.source, mention)
        _cover_period(evidence, indicator, source=anchor.source, mentions=mentions)
        if any(p.code in ("value-mismatch", "value-not-in-quote") for p in problems):
            mismatched.append(index)
        yield from problems
        if source is not None:
            yield from check_figure_translation(
                evidence, indicator, index=index, citation=citation, source=source, original=chosen
            )
    yield from _disagreement(evidence, indicator, stated=stated, mismatched=mismatched)


class _CitationCheck:
    """One citation of one indicator, checked."""

    def __init__(
        self, evidence: Evidence, indicator: Indicator, *, index: int, citation: Citation, mentions: list[Mention]
    ) -> None:
        self.evidence, self.indicator, self.index, self.citation = evidence, indicator, index, citation
        self.mentions = mentions
        self.unit: Unit = parse_unit(indicator.unit)
        self.problems: list[Problem] = []
        self.quote_span = (0, 0)
        self.judged: list[Mention] = []
        """The quote's mentions the entry is about when it states none rightly (value 344 for "343")."""

    def flag(self, code: Code, message: str, *, at: Pos | None = None, fix: tuple[tuple[str, str], ...] = ()) -> None:
        self.problems.append(
            self.evidence.problem(
                code,
                f"citation {self.index + 1}: {message}",
                pos=at or citation_pos(self.citation),
                id=self.indicator.id,
                citation=self.index,
                fix=fix,
            )
        )

    def context(self, start: int) -> list[Mention]:
        """Where a unit written once may be: the quote's paragraph up to the quote's end first, then the
        rest of the source ("Marchand (9.89)" after "clocking 9.81 seconds")."""
        text = self.evidence.texts[self.citation.source].text
        first, _ = paragraph_bounds(text, start=start, end=start + len(self.citation.quote))
        near = self.evidence.mentions_in(self.citation.source, first, start + len(self.citation.quote))
        return near + [m for m in self.evidence.mentions(self.citation.source) if m not in near]

    def _unpinned_equal(self) -> Mention | None:
        for mention in self.mentions:
            fit = compare(
                elided(mention, self.mentions, self.unit), self.unit, self.indicator.value, self.indicator.high
            )
            if fit.fit == "equal":
                return mention
        return None

    def _length(self) -> bool:
        return self.unit.measure is not None and self.unit.measure.dimension == "m"

    @property
    def wanted(self) -> str:
        return format_value(self.indicator.value, unit=self.indicator.unit, high=self.indicator.high)

    def run(self, *, anchor_start: int) -> tuple[list[Problem], Mention | None]:
        self.quote_span = (anchor_start, anchor_start + len(self.citation.quote))
        candidates = self.mentions
        if self.citation.figure is not None:
            source = self.evidence.texts[self.citation.source].text
            quote = source[anchor_start : anchor_start + len(self.citation.quote)]
            candidates = pinned(self.mentions, self.citation.figure, quote=quote, quote_start=anchor_start)
            if candidates and all(m.kind in DATE_KINDS for m in candidates) and self.unit.kind not in DATE_KINDS:
                candidates = []  # "19th" of "the 19th century" pinned as a temperature: a time, no quantity
            if not candidates and names_a_number(self.citation.figure, quote):
                self.flag("figure-not-in-quote", f"the pinned {self.citation.figure!r} is no quantity (part of a "
                          "name, a code, a score, a footnote or a time); quote the sentence that states "
                          f"{self.wanted}.")  # fmt: skip
                return self.problems, None
            if not candidates:
                listed = ", ".join(m.text for m in self.mentions) or "none"
                self.flag(
                    "figure-pin-mismatch",
                    f"the pinned figure {self.citation.figure!r} is not a number of the quote (numbers there: "
                    f"{listed}); write it as the quote has it.",
                    at=citation_pos(self.citation, "figure"),
                )
                return self.problems, None
        candidates = [elided(m, self.context(anchor_start), self.unit) for m in candidates]
        every = [compare(m, self.unit, self.indicator.value, self.indicator.high) for m in candidates]
        if self.citation.figure is not None and every and best(every)[0].fit not in ("equal", "low", "high"):
            better = self._unpinned_equal()
            if better is not None:  # the value is in the quote, the pin names another number
                self.judged = [better]
                self.flag("figure-pin-mismatch", f"the pinned figure {self.citation.figure!r} reads "
                          f"{describe(every[0].mention)}, but `value` is the quote's {better.text!r}; pin "
                          f"`figure: {better.text}`.", at=citation_pos(self.citation, "figure"),
                          fix=(("figure", better.text),))  # fmt: skip
                return self.problems, None
        self.judged = [fit.mention for fit in best(every)]
        chosen = self._judge(best(every))
        if chosen is None and self.problems and self.problems[-1].code == "scale-mismatch":
            # "15,000 jobs, about 15% of its workforce" with value 15: a dropped scale, or the wrong unit
            for other in (f for f in every if f.fit == "unit"):
                self._unit(other)
        return self.problems, chosen

    def _judge(self, fits: list[Fit]) -> Mention | None:
        kind = fits[0].fit if fits else "other"
        if kind != "other" and fits[0].mention.ambiguous and not self._length():
            mention = fits[0].mention
            self.flag("unit-ambiguous", f"the text does not say whether {mention.text!r} is {mention.ambiguous}; "
                      "if metres, write `unit: metres` and the value in metres; if a million, quote the words that "
                      "say what it counts.")  # fmt: skip
            return None
        if kind == "equal":
            return self._equal(fits)
        if kind in ("low", "high"):
            return self._range_end(fits[0])
        if kind == "scale":
            self._scale(fits[0])
        elif kind == "unit":
            self._unit(fits[0])
        else:
            self._miss(fits)
        return None

    # ---------------------------------------------------------------------------------- right figure

    def _equal(self, fits: list[Fit]) -> Mention:
        groups = {qualifier_group(f.mention.qualifier) for f in fits}
        if self.citation.figure is None and len(groups) > 1:
            listed = ", ".join(f.mention.text for f in fits)
            self.flag("figure-ambiguous", f"{len(fits)} numbers in the quote equal {self.wanted} ({listed}); pin one "
                      "with `figure`.")  # fmt: skip
        mention = fits[0].mention
        self._qualifier(mention)
        self._noun(mention)
        self._period(mention)
        return mention

    def _qualifier(self, mention: Mention) -> None:
        said, ours = qualifier_group(mention.qualifier), qualifier_group(self.indicator.qualifier)
        where = self.indicator.field_pos.get("qualifier", self.indicator.pos)
        if said and not ours and not mention.optional_hedge:
            self.flag("qualifier-missing", f"the text hedges the figure ({mention.qualifier!r} {mention.text}) but the "
                      f"indicator has no qualifier; add `qualifier: {mention.qualifier}`.",
                      fix=(("qualifier", str(mention.qualifier)),))  # fmt: skip
        elif ours and not said and not (mention.optional_hedge and ours == "approximate"):
            self.flag("qualifier-unsupported", f"the indicator says `qualifier: {self.indicator.qualifier}` but the "
                      f"text states {mention.text!r} without hedging; remove the qualifier or quote a hedged figure.",
                      at=where, fix=(("qualifier", "null"),))  # fmt: skip
        elif said and ours and said != ours:
            self.flag("qualifier-mismatch", f"the text says {mention.qualifier!r} ({said}) but the indicator says "
                      f"{self.indicator.qualifier!r} ({ours}); use `qualifier: {mention.qualifier}`.", at=where,
                      fix=(("qualifier", str(mention.qualifier)),))  # fmt: skip

    def _noun(self, mention: Mention) -> None:
        """The counted noun, in English: a source in another language has it checked on its translation."""
        source = self.evidence.catalog.source(self.citation.source)
        if self.unit.kind != "count" or mention.kind != "count" or (source is not None and not source.english):
            return
        noun = other_noun(self.unit, mention.noun)
        if noun is not None:
            self.flag("unit-mismatch", f"the quote counts {noun} ({mention.text} {noun}), not "
                      f"{self.unit.noun}; write `unit: {noun.lower()}` or quote the sentence that counts "
                      f"{self.unit.noun}.", fix=(("unit", noun.lower()),))  # fmt: skip

    def _period(self, mention: Mention) -> None:
        period = self.indicator.period
        source = self.evidence.catalog.source(self.citation.source)
        if period is None or source is None:
            return
        text = self.evidence.texts[self.citation.source].text
        quote_start, quote_end = self.quote_span
        around = self.evidence.mentions_in(self.citation.source, *paragraph_bounds(text, start=quote_start,
                                                                                  end=quote_end))  # fmt: skip
        start = sentence_bounds(text, start=quote_start, end=quote_start + 1, mentions=around)[0]
        end = sentence_bounds(text, start=max(quote_start, quote_end - 1), end=quote_end, mentions=around)[1]
        inside = [m for m in self.evidence.mentions_in(self.citation.source, start, end) if m is not mention]
        elsewhere = [m for m in self.evidence.mentions(self.citation.source) if m.kind in DATE_KINDS]
        disagreement = period_disagrees(
            period,
            sentence=text[start:end],
            mentions=inside,
            published=source.published,
            text=text,
            sentence_at=start,
            figure_at=mention.start,
            elsewhere=elsewhere,
            words=time_words(source.language),
        )
        if disagreement is None:
            return
        better = disagreement.suggestion
        fix = (("period", f'"{better}"'),) if better else ()
        hint = f'write `period: "{better}"`' if better else "fix the period or quote the sentence that dates it"
        self.flag("period-mismatch", f"`period: {period}` disagrees with the text: {disagreement.why}; {hint}.",
                  at=self.indicator.field_pos.get("period", self.indicator.pos), fix=fix)  # fmt: skip

    # ---------------------------------------------------------------------------- nearly the figure

    def _range_end(self, fit: Fit) -> Mention | None:
        """One end of a range recorded: right with the matching bound, else the range is asked for."""
        mention, group = fit.mention, qualifier_group(self.indicator.qualifier)
        needed, end = (LOWER, "low") if fit.fit == "low" else (UPPER, "high")
        if group == needed:
            self._noun(mention)
            self._period(mention)
            return mention
        assert fit.low is not None and fit.high is not None
        whole = range_literal(fit.low, fit.high)
        bound = "at least" if needed == LOWER else "up to"
        code: Code = "qualifier-missing" if group is None else "qualifier-mismatch"
        self.flag(code, f"the text gives a range, {describe(mention)}, and `value` is its {end} end recorded "
                  f"{'as exact' if group is None else f'with `qualifier: {self.indicator.qualifier}`'}; record the "
                  f"range, `value: {whole}`, or the {end} end with `qualifier: {bound}`.",
                  fix=(("value", whole), ("qualifier", "null")))  # fmt: skip
        return None

    def _scale(self, fit: Fit) -> None:
        assert fit.low is not None and fit.ratio is not None
        value = value_literal(fit.mention, fit.low, fit.high)
        fix = (("value", value),) + (
            (("qualifier", "null"),) if fit.high is not None and self.indicator.qualifier else ()
        )
        self.flag("scale-mismatch", f"the quote states {describe(fit.mention)} but `value` is "
                  f"{self.indicator.value:,f}: off by {SCALE_NAMES[fit.ratio]}; write `value: {value}`.",
                  fix=fix)  # fmt: skip

    def _unit(self, fit: Fit) -> None:
        mention = fit.mention
        if _attributive(mention) and self.unit.kind != mention.kind:
            self.flag("figure-not-in-quote", f"{describe(mention)} qualifies a noun or names an age, it is no "
                      f"{self.unit.kind} figure; quote the sentence that states {self.wanted}.")  # fmt: skip
            return
        unit, value = _unit_of(mention), mention.value
        fix: tuple[tuple[str, str], ...] = ()
        if unit is not None and value is not None:
            fix = (("unit", unit), ("value", value_literal(mention, value, mention.high)))
        what = unit or mention.kind
        self.flag("unit-mismatch", f"the quote states {describe(mention)}, of another kind or unit than "
                  f"`unit: {self.indicator.unit}`" + (f"; write `unit: {unit}`." if unit else "; fix `unit`."),
                  fix=fix if what else ())  # fmt: skip

    def _miss(self, fits: list[Fit]) -> None:
        value = self.indicator.value
        right_kind = [f for f in fits if f.fit == "value"]
        source = self.citation.source
        text = self.evidence.texts[source]
        elsewhere = [
            m for m in self.evidence.mentions(source)
            if compare(m, self.unit, value, self.indicator.high).fit == "equal"
        ]  # fmt: skip
        if elsewhere and not right_kind:
            line = text.line_col(elsewhere[0].start)[0]
            self.flag("value-not-in-quote", f"{self.wanted} is stated in `{source}` at line {line} "
                      f"({elsewhere[0].text!r}), not in this quote; quote that sentence instead.")  # fmt: skip
            return
        if not right_kind:
            if self.citation.figure is not None and fits and fits[0].mention.value is not None:
                self._unit(fits[0])
                return
            listed = ", ".join(describe(m) for m in self.mentions) or "none"
            self.flag("figure-not-in-quote", f"the quote holds no {self.unit.kind} number (numbers there: {listed}); "
                      f"quote the sentence that states {self.wanted}.")  # fmt: skip
            return
        listed = ", ".join(describe(f.mention) for f in right_kind)
        hint = f" ({self.wanted} appears at line {text.line_col(elsewhere[0].start)[0]})" if elsewhere else ""
        only = right_kind[0] if len(right_kind) == 1 else None
        fix: tuple[tuple[str, str], ...] = ()
        if only is not None and only.low is not None:
            fix = (("value", value_literal(only.mention, only.low, only.high)),)
        self.flag("value-mismatch", f"`value` is {self.indicator.value:,f} but the quote states {listed}{hint}; fix "
                  "the value or the quote.", fix=fix)  # fmt: skip


def elided(mention: Mention, siblings: list[Mention], unit: Unit) -> Mention:
    """A bare number that leaves its unit to another figure of the quote takes that unit: "13.2 million barrels
    a day in April, up from 12.3 million", "$5bn in 2024 against 4.2bn"."""
    if mention.kind != "count" or counted_noun(mention.noun) is not None or mention.noun == "times":
        return mention
    if unit.kind not in ("measure", "currency", "duration", "percent"):
        return mention
    for sibling in siblings:
        if sibling is mention or sibling.kind != unit.kind:
            continue
        if unit.kind == "currency" and unit.currency in sibling.currencies:
            return replace(mention, kind="currency", currencies=sibling.currencies, noun=None)
        if unit.kind == "duration" and sibling.time_unit == unit.time_unit:
            return replace(mention, kind="duration", time_unit=sibling.time_unit, noun=None)
        if unit.kind == "percent" and sibling.fraction is None:
            return replace(mention, kind="percent", noun=None)
        if (
            unit.kind == "measure"
            and sibling.measure
            and unit.measure
            and (sibling.measure.dimension == unit.measure.dimension)
        ):
            return replace(mention, kind="measure", measure=sibling.measure, unit_text=sibling.unit_text, noun=None)
    return mention


def _attributive(mention: Mention) -> bool:
    """An age, or a number joined to its unit before a noun ("a 30-year mortgage", "12-inch wafers"):
    what it counts is the noun's kind, not a figure of another unit."""
    return mention.kind == "age" or bool(re.search(r"\d-[A-Za-z]", mention.text))


def _unit_of(mention: Mention) -> str | None:
    """A catalog unit that reads `mention` as the text writes it."""
    if mention.kind == "currency":
        return mention.currency
    if mention.kind == "measure":
        return mention.unit_text
    if mention.kind in ("duration", "age"):
        return mention.time_unit
    return {"percent": "percent", "multiplier": "times", "ordinal": "ordinal", "year": "year"}.get(mention.kind)


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
