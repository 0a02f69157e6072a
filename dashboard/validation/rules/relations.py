"""Rules over several indicators at once: a series compares like with like, a part lies within its whole,
a derived figure is what its formula gives from verified inputs.

They run after the per-indicator rules, because a derived figure is only as good as its inputs: an input
with any error leaves the derived figure unverified too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from dashboard.catalog.formula import FormulaError, evaluate
from dashboard.catalog.model import Indicator
from dashboard.catalog.problems import ERROR, Code, Problem
from dashboard.text.units import parse_unit
from dashboard.validation.evidence import Evidence
from dashboard.validation.rules.indicators import literal


def unit_key(unit: str) -> tuple[str, str]:
    """What makes two units the same kind of figure: percent, a currency, a measure's dimension, a time
    unit, or the noun counted ("agreements" is not "people")."""
    read = parse_unit(unit)
    detail = read.currency or read.time_unit or read.noun or ""
    if read.measure is not None:
        detail = read.measure.dimension
    return read.kind, (detail or read.text).lower()


def when(period: str | None) -> str:
    """A period in words for messages: `2000/2021` -> `2000–2021`, `2006/..` -> `since 2006`."""
    if not period:
        return "no period"
    start, slash, end = period.partition("/")
    if not slash:
        return start
    if end == "..":
        return f"since {start}"
    return f"until {end}" if start == ".." else f"{start}–{end}"


def check_relations(evidence: Evidence, problems: Iterable[Problem]) -> list[Problem]:
    """series-mixed, part-of-invalid, derived-input and derived-mismatch, given the problems found so far."""
    found = list(check_series(evidence)) + list(check_parts(evidence))
    in_error = {p.id for p in [*problems, *found] if p.severity == ERROR and p.id is not None}
    found += _Derivations(evidence, in_error).run()
    return found


# ----------------------------------------------------------------------------------------------- series


def check_series(evidence: Evidence) -> Iterator[Problem]:
    groups: dict[str, list[Indicator]] = {}
    for indicator in evidence.catalog.indicators:
        if indicator.series:
            groups.setdefault(indicator.series, []).append(indicator)
    for series, members in groups.items():
        problem = _mixed(evidence, series, members)
        if problem is not None:
            yield problem


def _mixed(evidence: Evidence, series: str, members: list[Indicator]) -> Problem | None:
    """The chart is wrong, not the figures: the problem names the members but belongs to none of them, so
    each figure stays verified where it is shown alone."""
    first = members[0]
    for member in members[1:]:
        if unit_key(member.unit) != unit_key(first.unit):
            return evidence.problem(
                "series-mixed",
                f"series `{series}` mixes units: `{first.id}` is in {first.unit}, `{member.id}` in {member.unit}; "
                "a chart compares like with like: give them one unit, or split the series.",
                pos=member.field_pos.get("series", member.pos),
            )
    entities = {m.entity for m in members}
    if len(entities) == 1:
        return None  # a time series: one entity over several periods
    for member in members[1:]:
        if member.period != first.period:
            return evidence.problem(
                "series-mixed",
                f"series `{series}` mixes periods across entities: `{first.id}` is {first.entity or 'no entity'} in "
                f"{when(first.period)}, `{member.id}` is {member.entity or 'no entity'} in {when(member.period)}; a "
                "cross-section shares its period: give them one period, or split the series.",
                pos=member.field_pos.get("series", member.pos),
            )
    return None


# ------------------------------------------------------------------------------------------------ parts


def check_parts(evidence: Evidence) -> Iterator[Problem]:
    by_id = {i.id: i for i in evidence.catalog.indicators}
    for indicator in evidence.catalog.indicators:
        if indicator.part_of is None:
            continue
        why = _part_problem(indicator, by_id)
        if why is not None:
            yield evidence.problem(
                "part-of-invalid",
                f"`part_of: {indicator.part_of}`: {why}",
                pos=indicator.field_pos.get("part_of", indicator.pos),
                id=indicator.id,
            )


def _part_problem(part: Indicator, by_id: dict[str, Indicator]) -> str | None:
    whole = by_id.get(part.part_of or "")
    if whole is None:
        return "names no indicator; write the id of the figure that contains this one."
    if whole.id == part.id:
        return "names the figure itself; name the figure that contains it."
    if unit_key(whole.unit) != unit_key(part.unit):
        return f"the whole is in {whole.unit}, the part in {part.unit}; a part shares its whole's unit."
    if part.value > whole.value:
        return (
            f"the part ({literal(part.value)} {part.unit}) is larger than its whole ({literal(whole.value)}); "
            "check both values or the `part_of`."
        )
    seen = [part.id]
    current = whole
    while current.part_of is not None and current.part_of in by_id:
        if current.part_of in seen:
            return f"the chain {' -> '.join([*seen, current.id, current.part_of])} goes round in a cycle; break it."
        seen.append(current.id)
        current = by_id[current.part_of]
    return None


# ---------------------------------------------------------------------------------------------- derived


class _Derivations:
    """Derived figures checked inputs first, so a derived figure of a derived figure in error is in error."""

    def __init__(self, evidence: Evidence, in_error: set[str]) -> None:
        self.evidence = evidence
        self.in_error = in_error
        self.by_id = {i.id: i for i in evidence.catalog.indicators}
        self.done: set[str] = set()
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        for indicator in self.evidence.catalog.indicators:
            if indicator.derived is not None:
                self.check(indicator, path=())
        return self.problems

    def flag(self, indicator: Indicator, code: Code, message: str) -> None:
        self.problems.append(
            self.evidence.problem(
                code,
                message,
                pos=indicator.field_pos.get("derived", indicator.pos),
                id=indicator.id,
            )
        )
        self.in_error.add(indicator.id)

    def check(self, indicator: Indicator, *, path: tuple[str, ...]) -> None:
        derived = indicator.derived
        if derived is None or indicator.id in self.done:
            return
        if indicator.id in path:
            return
        self.done.add(indicator.id)
        inputs: dict[str, Indicator] = {}
        for name, ident in derived.inputs:
            source = self.by_id.get(ident)
            if source is None:
                self.flag(indicator, "derived-input", f"input `{name}: {ident}` names no indicator; write an id.")
                return
            if ident == indicator.id or self._reaches(ident, indicator.id, set()):
                self.flag(indicator, "derived-input", f"input `{name}: {ident}` leads back to `{indicator.id}`: "
                          "the inputs form a cycle; work the figure out from stated figures.")  # fmt: skip
                return
            self.check(source, path=(*path, indicator.id))
            if ident in self.in_error:
                self.flag(indicator, "derived-input", f"input `{name}: {ident}` is in error, so `{indicator.id}` "
                          f"is not verified either; fix `{ident}` first.")  # fmt: skip
                return
            inputs[name] = source
        self._compare(indicator, inputs)

    def _reaches(self, start: str, target: str, seen: set[str]) -> bool:
        """Does following derived inputs from `start` come to `target`?"""
        if start in seen:
            return False
        seen.add(start)
        node = self.by_id.get(start)
        if node is None or node.derived is None:
            return False
        return any(i == target or self._reaches(i, target, seen) for _, i in node.derived.inputs)

    def _compare(self, indicator: Indicator, inputs: dict[str, Indicator]) -> None:
        derived = indicator.derived
        assert derived is not None
        ranges = [f"`{n}` ({i.id})" for n, i in inputs.items() if i.high is not None]
        if ranges:
            self.flag(indicator, "derived-mismatch", f"{', '.join(ranges)} is a range; ranges cannot be inputs of "
                      "a formula: derive from single values.")  # fmt: skip
            return
        if "*" not in derived.formula and "/" not in derived.formula:
            other = [f"`{n}` ({i.unit})" for n, i in inputs.items() if unit_key(i.unit) != unit_key(indicator.unit)]
            if other:
                self.flag(indicator, "derived-mismatch", f"`{derived.formula}` adds or subtracts {', '.join(other)} "
                          f"for a figure in {indicator.unit}; a sum or difference keeps one unit.")  # fmt: skip
                return
        values = {name: source.value for name, source in inputs.items()}
        try:
            result = evaluate(derived.formula, values)
        except FormulaError as error:
            self.flag(indicator, "derived-mismatch", str(error))
            return
        constants = [Decimal(c) for c in re.findall(r"\d+(?:\.\d+)?", derived.formula)]
        places = max(_decimals(v) for v in [indicator.value, *values.values(), *constants])
        rounded = result.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if rounded == indicator.value:
            return
        given = ", ".join(f"{name} = {literal(value)}" for name, value in values.items())
        self.flag(indicator, "derived-mismatch", f"`{derived.formula}` with {given} gives {result.normalize():f}, "
                  f"not {literal(indicator.value)}; write `value: {literal(rounded)}`.")  # fmt: skip


def _decimals(value: Decimal) -> int:
    """How many decimals a value is written with (10 -> 0, 33.3 -> 1). A result is compared to the finest of
    the value, the inputs and the formula's numbers: 33.3 for 100/3 is right, 30 for 29.6 is not."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
