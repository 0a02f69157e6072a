"""A derived figure as a reader checks it: its formula with each input's title and value in place of the
names, the inputs themselves, and a citation that says the figure is worked out, not stated (pure)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from dashboard.present.views import FigureView
from dashboard.present.wording import published_words, when

_TOKEN = re.compile(r"[A-Za-z_]\w*|[-*/]")
_SIGNS = {"-": "−", "*": "×", "/": "÷"}


@dataclass(frozen=True)
class Input:
    name: str
    """The name the formula uses."""
    id: str
    """The input indicator's id."""
    view: FigureView | None
    """None when no figure of the catalog has that id (the validator names the problem)."""


def inputs(view: FigureView, views: Mapping[str, FigureView]) -> tuple[Input, ...]:
    """The inputs of a derived figure in the order written; () for a figure that is stated."""
    derived = view.indicator.derived
    if derived is None:
        return ()
    return tuple(Input(name, ident, views.get(ident)) for name, ident in derived.inputs)


def _term(found: Input | None, name: str) -> str:
    if found is None:
        return name
    if found.view is None:
        return f"{name} (no figure “{found.id}”)"
    return f"{found.view.indicator.title} ({found.view.display})"


def formula_text(view: FigureView, views: Mapping[str, FigureView]) -> str:
    """`total - russia` -> "Russia and China's share (80%) − Russia's share (70%) = 10%": each name replaced in
    one pass (a title is never read as a name), the operators as printed, the result as displayed."""
    derived = view.indicator.derived
    if derived is None:
        return ""
    by_name = {found.name: found for found in inputs(view, views)}

    def replace(match: re.Match[str]) -> str:
        token = match.group()
        return _SIGNS.get(token) or _term(by_name.get(token), token)

    return f"{_TOKEN.sub(replace, derived.formula.strip())} = {view.display}"


def derived_cite_text(view: FigureView, views: Mapping[str, FigureView], *, link: str | None = None) -> str:
    """A ready citation of a derived figure: what it says, that it is worked out and how, and the sources of its
    inputs (a derived figure has no sentence of its own to quote)."""
    i = view.indicator
    period = when(i.period)
    period = f", {period}" if period and period not in i.title else ""
    sources = []
    for found in inputs(view, views):
        for citation in found.view.citations if found.view else ():
            s = citation.source
            sources.append(f"“{s.title}”, {s.publisher}, {published_words(s.published, inferred=s.published_inferred)}")
    stated = "; ".join(dict.fromkeys(sources)) or "no source"
    page = f" Figure: {link}" if link else ""
    return (
        f"{i.title}: {view.display}{period}. Worked out from other figures, not stated by a source: "
        f"{formula_text(view, views)}. The inputs are stated in {stated}.{page}"
    )
