"""How a text hedges a figure, and the catalog's `qualifier` for it: three groups, each a set of phrases.

A curator may write any phrase of a group as `qualifier` (`north of`, `as many as`); what the validator
compares is the group. The readers of each language map their own hedges onto these English phrases.
"""

from __future__ import annotations

APPROXIMATE, UPPER, LOWER = "approximate", "upper", "lower"

HEDGE_GROUPS: dict[str, str] = {
    **dict.fromkeys(
        ("about", "approximately", "around", "roughly", "some", "estimated", "an estimated", "circa", "c.",
         "approx.", "or so", "odd", "give or take", "in the region of", "on the order of", "of the order of",
         "the best part of", "upward of about"),
        APPROXIMATE,
    ),
    **dict.fromkeys(
        ("nearly", "almost", "under", "less than", "up to", "close to", "just under", "fewer than", "below",
         "as many as", "as much as", "as high as", "no more than", "not more than", "at most", "just shy of",
         "shy of", "a maximum of", "not quite", "south of", "just below", "a little under", "a little less than",
         "slightly less than", "slightly under", "barely", "or less", "or fewer", "short of", "just short of",
         "less than about", "up to about", "well under", "well below", "nearly about", "close on"),
        UPPER,
    ),
    **dict.fromkeys(
        ("over", "more than", "at least", "above", "in excess of", "upwards of", "upward of", "no fewer than",
         "no less than", "north of", "just over", "well over", "longer than", "topped", "top", "tops", "topping",
         "a minimum of", "just above", "well above", "a little over", "a little more than", "slightly more than",
         "slightly over", "or more", "plus", "exceeded", "exceeding", "exceeds", "surpassed", "greater than",
         "higher than", "beyond", "not less than", "not fewer than", "more than about", "over about", "some more than"),
        LOWER,
    ),
}  # fmt: skip
"""Every hedge phrase the catalog accepts as `qualifier`, and its group."""

QUALIFIERS: dict[str, str] = HEDGE_GROUPS
"""The catalog's `qualifier` choices (the same table)."""

AFTER_NUMBER = frozenset({"or so", "or more", "or less", "or fewer", "plus", "odd"})
"""Hedges written after the number ("40,000 or more", "5,000-plus", "40-odd")."""


def qualifier_group(qualifier: str | None) -> str | None:
    """ "approximate" | "upper" | "lower" for a known qualifier, else None."""
    return HEDGE_GROUPS.get(" ".join(qualifier.lower().split())) if qualifier else None
