"""Two indicators may not take the same number of a quote while another number there goes unclaimed.

When a quote states several numbers of one kind ("$2bn, $3bn and $4.5bn", "from 5% to 4%") an unpinned
indicator takes whichever equals its value. A wrong value that happens to equal a neighbour's figure
would then pass; but that neighbour is usually cited by its own indicator, so the same number claimed
twice while one of the quote's numbers is claimed by nobody shows which value is wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from dashboard.catalog.model import Indicator
from dashboard.catalog.problems import Problem
from dashboard.text.quantity import Mention
from dashboard.text.units import parse_unit
from dashboard.validation.evidence import Evidence, citation_pos
from dashboard.validation.rules.figures import in_unit


def check_claims(evidence: Evidence) -> Iterator[Problem]:
    indicators = {indicator.id: indicator for indicator in evidence.catalog.indicators}
    claims: dict[tuple[str, int], set[str]] = defaultdict(set)
    for (owner, _), anchor in evidence.anchors.items():
        if owner in indicators and anchor.figure_start is not None:
            claims[(anchor.source, anchor.figure_start)].add(owner)
    for (owner, index), anchor in sorted(evidence.anchors.items()):
        indicator = indicators.get(owner)
        if indicator is None or anchor.figure_start is None or indicator.citations[index].figure is not None:
            continue
        others = claims[(anchor.source, anchor.figure_start)] - {owner}
        if not others:
            continue
        free = [
            m
            for m in _right_kind(evidence, indicator, anchor.source, anchor.start, anchor.end)
            if (anchor.source, m.start) not in claims
        ]
        if free:
            taken = evidence.texts[anchor.source].text[anchor.figure_start : anchor.figure_end]
            yield evidence.problem(
                "value-mismatch",
                f"citation {index + 1}: `value` is {indicator.value:,f}, the number {taken!r} that "
                f"{', '.join(sorted(others))} already states, while the quote's "
                f"{', '.join(repr(m.text) for m in free)} is claimed by no indicator; fix the value, or pin "
                "`figure` if both really state the same number.",
                pos=citation_pos(indicator.citations[index]),
                id=owner,
                citation=index,
            )


def _right_kind(evidence: Evidence, indicator: Indicator, source: str, start: int, end: int) -> list[Mention]:
    unit = parse_unit(indicator.unit)
    return [m for m in evidence.mentions_in(source, start, end) if m.value is not None and in_unit(m, unit) is not None]
