"""`indicators fix`, the pure part: plan the repairs the validator proves, check them in memory.

Three repairs, each a few Edits of the catalog text (everything else stays byte for byte):
- `quote-inexact`: the quote becomes the exact source text the validator found after folding;
- `quote-ambiguous`: a `prefix` (or `suffix`) is added — the shortest exact text, widened to a word
  boundary, that makes the first occurrence the only one;
- `source-hash-mismatch`: the new sha256 is pinned (`needs_accept`: only with --accept-source-changes).
`verify` applies them to a copy in memory, validates it, and drops any repair whose problem remains
or that would bring a new error. Nothing here writes a file or prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.catalog.edit import Edit, apply_edits, content_end, line_end, scalar
from dashboard.catalog.load import load_text
from dashboard.catalog.problems import ERROR, Problem
from dashboard.catalog.safe_yaml import CatalogRefused
from dashboard.catalog.yamlmap import Path_, TextMap, map_catalog
from dashboard.curation.pin import hash_edit
from dashboard.text.anchor import shortest_context
from dashboard.validation.report import Report
from dashboard.validation.validate import validate_loaded

"""The longest prefix or suffix tried, in characters."""


@dataclass(frozen=True)
class Repair:
    """One proven repair of one problem."""

    problem: Problem
    description: str
    """What the repair does, for people."""
    edits: tuple[Edit, ...]
    needs_accept: bool = False
    """True for a stale sha256: applied only when the curator accepts the source's new bytes."""


@dataclass(frozen=True)
class Verified:
    """The repairs that survive validation of the fixed text, and why the others were refused."""

    kept: tuple[Repair, ...]
    refused: tuple[tuple[Repair, str], ...]
    text: str
    """The catalog text with the kept repairs applied."""
    report: Report
    """The validation of that text."""


def plan_fixes(report: Report, text: str) -> list[Repair]:
    """A Repair for each problem of the report that can be fixed safely, in catalog order."""
    try:
        tmap = map_catalog(text)
    except CatalogRefused:
        return []
    at = {(s.line, s.column, p[-1]): p for p, s in tmap.values.items() if p and isinstance(p[-1], str)}
    repairs: list[Repair] = []
    taken: list[tuple[int, int]] = []
    for problem in report.problems:
        if problem.file != str(report.catalog_path):
            continue
        repair = _plan(problem, report=report, text=text, tmap=tmap, at=at)
        if repair is None or any(_overlaps(e, taken) for e in repair.edits):
            continue
        taken += [(e.start, e.end) for e in repair.edits]
        repairs.append(repair)
    return repairs


def _overlaps(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    return any(edit.start < end and start < edit.end or edit.start == start == edit.end for start, end in taken)


def _plan(
    problem: Problem, *, report: Report, text: str, tmap: TextMap, at: dict[tuple[int, int, str], Path_]
) -> Repair | None:
    if problem.code == "source-hash-mismatch" and problem.suggestion:
        path = at.get((problem.line, problem.column, "sha256"))
        if path is None:
            return None
        span = tmap.values[path]
        drift = "".join("\n" + line for line in problem.message.splitlines()[1:])
        return Repair(
            problem,
            f"{problem.id}: pin sha256 {problem.suggestion[:12]}… (was {(span.value or 'empty')[:12]}…){drift}",
            (hash_edit(text, span, problem.suggestion),),
            needs_accept=True,
        )
    path = at.get((problem.line, problem.column, "quote"))
    if path is None:
        return None
    label = f"{problem.id} citation {(problem.citation or 0) + 1}"
    if problem.code == "quote-inexact" and problem.suggestion:
        span = tmap.values[path]
        edit = Edit(span.start, content_end(text, span), scalar(problem.suggestion))
        return Repair(problem, f"{label}: quote the exact source text {problem.suggestion!r}", (edit,))
    if problem.code == "quote-ambiguous":
        return _disambiguate(problem, report=report, text=text, tmap=tmap, path=path, label=label)
    return None


def _disambiguate(
    problem: Problem, *, report: Report, text: str, tmap: TextMap, path: Path_, label: str
) -> Repair | None:
    """Add (or lengthen) a prefix or suffix that leaves only the first occurrence of the quote."""
    citation = path[:-1]
    quote, source = tmap.values[path].value, tmap.values.get((*citation, "source"))
    anchor = report.anchors.get((problem.id or "", problem.citation or 0))
    if quote is None or source is None or source.value is None or anchor is None:
        return None
    found = report.texts.get(source.value)
    if found is None or found.text[anchor.start : anchor.start + len(quote)] != quote:
        return None
    given = {name: tmap.values.get((*citation, name)) for name in ("prefix", "suffix")}
    context = shortest_context(
        found.text,
        quote,
        start=anchor.start,
        prefix=given["prefix"].value if given["prefix"] else None,
        suffix=given["suffix"].value if given["suffix"] else None,
        prefer_prefix=True,
    )
    if context is None:
        return None
    name, value = context
    line = found.line_col(anchor.start)[0]
    description = f"{label}: add `{name}: {scalar(value)}` to pick the occurrence at line {line} of `{source.value}`"
    span = given[name]
    if span is not None:
        replaced = Edit(span.start, content_end(text, span), scalar(value))
        return Repair(problem, description.replace("add", "set", 1), (replaced,))
    edit = _insert_after(text, tmap=tmap, path=path, line=f"{name}: {scalar(value)}")
    return None if edit is None else Repair(problem, description, (edit,))


def _insert_after(text: str, *, tmap: TextMap, path: Path_, line: str) -> Edit | None:
    """A new `key: value` line right after the quote's line(s), aligned with the `quote` key."""
    key, span = tmap.keys[path], tmap.values[path]
    lead = text[text.rfind("\n", 0, key.start) + 1 : key.start]
    if lead.strip() not in ("", "-"):
        return None  # a flow mapping ({source: …, quote: …}): no line of its own to add after
    at = line_end(text, content_end(text, span) - 1)
    newline = "" if text[at - 1 : at] == "\n" else "\n"
    return Edit(at, at, f"{newline}{' ' * (key.column - 1)}{line}\n")


def validate_text(text: str, *, path: Path) -> Report:
    """Validate catalog text as if it were the file at `path` (its sources resolve from there)."""
    return validate_loaded(load_text(text, path=path), path=path)


def _key(problem: Problem) -> tuple[str, str | None, int | None]:
    return problem.code, problem.id, problem.citation


def verify(report: Report, text: str, repairs: list[Repair]) -> Verified:
    """Apply the repairs in memory and keep those whose problem goes away without a new error."""
    before = {_key(p) for p in report.problems if p.severity == ERROR}
    kept, refused = list(repairs), list[tuple[Repair, str]]()
    while True:
        fixed = apply_edits(text, [e for r in kept for e in r.edits])
        after = validate_text(fixed, path=report.catalog_path)
        reasons = _reasons(kept, before=before, after=after)
        if reasons and not any(reasons.values()):  # a new error no single repair explains: try each alone
            reasons = {i: _alone(repair, text=text, report=report, before=before) for i, repair in enumerate(kept)}
            reasons = {i: why for i, why in reasons.items() if why} or {i: "the repairs clash" for i in reasons}
        if not reasons:
            return Verified(tuple(kept), tuple(refused), fixed, after)
        refused += [(kept[i], reason) for i, reason in sorted(reasons.items())]
        kept = [r for i, r in enumerate(kept) if i not in reasons]


_Keys = set[tuple[str, str | None, int | None]]


def _reasons(kept: list[Repair], *, before: _Keys, after: Report) -> dict[int, str]:
    """Why each failing repair fails; all keys with empty reasons when a new error is no one's alone."""
    remaining = {_key(p) for p in after.problems}
    new = [p for p in after.problems if p.severity == ERROR and _key(p) not in before]
    reasons: dict[int, str] = {}
    for i, repair in enumerate(kept):
        mine = [p for p in new if p.id == repair.problem.id and p.citation in (None, repair.problem.citation)]
        if mine:
            reasons[i] = f"it would bring a new error, {mine[0].code}: {mine[0].message.splitlines()[0]}"
        elif _key(repair.problem) in remaining:
            reasons[i] = "the problem would remain"
    if reasons or not new:
        return reasons
    return dict.fromkeys(range(len(kept)), "")


def _alone(repair: Repair, *, text: str, report: Report, before: _Keys) -> str:
    after = validate_text(apply_edits(text, repair.edits), path=report.catalog_path)
    return _reasons([repair], before=before, after=after).get(0) or next(
        (f"it would bring a new error, {p.code}: {p.message.splitlines()[0]}"
         for p in after.problems if p.severity == ERROR and _key(p) not in before),
        "",
    )  # fmt: skip
