"""The words a reader sees for a figure's status and its period, the same on every page and download."""

from __future__ import annotations

import calendar
from collections.abc import Iterable

VERIFIED = "verified"
PROBLEM = "problem"


VERIFIED_MEANS = (
    "Verified means a machine found this number, at this scale, unit and qualifier, in the quoted sentence "
    "of the source, and the source is unchanged since it was pinned. It does not mean the source is right."
)
DERIVED_VERIFIED_MEANS = (
    "Verified, for a worked-out figure, means a machine found each of its inputs in its quoted sentence and "
    "that its formula gives this number from them. No source states this number itself."
)
"""What Verified means where no sentence states the number: VERIFIED_MEANS would say one does."""
NOT_VERIFIED_MEANS = (
    "Not verified: the validator found a problem with this entry, so its number may not be what its "
    "sentence states. Do not quote it; the problem is named below."
)


def status_word(verified: bool) -> str:
    """The status column of tables and downloads."""
    return VERIFIED if verified else PROBLEM


def badge_label(*, verified: bool, codes: Iterable[str] = ()) -> str:
    """The badge: "Verified", or "Problem: " and the codes the validator raised."""
    if verified:
        return "Verified"
    return "Not verified: " + (", ".join(dict.fromkeys(codes)) or "not located")


def date_words(iso: str) -> str:
    """`2024-11-15` -> `15 November 2024`, `2024-11` -> `November 2024`, a year or anything else as given."""
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return iso


def published_words(iso: str, *, inferred: bool) -> str:
    """A source's date for a byline or a citation: `2025-05`, deduced -> `May 2025 (date inferred)`, so that a
    date the source does not state never reads as one it does."""
    return f"{date_words(iso)} (date inferred)" if inferred else date_words(iso)


def when(period: str | None) -> str:
    """An ISO period in words: `2000/2021` -> `2000–2021`, `2006/..` -> `since 2006`, `2024-11` -> `November 2024`."""
    if not period:
        return ""
    start, slash, end = period.partition("/")
    if not slash:
        return date_words(start)
    if end == "..":
        return f"since {date_words(start)}"
    if start == "..":
        return f"until {date_words(end)}"
    return f"{date_words(start)}–{date_words(end)}"


LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "ru": "Russian", "pt": "Portuguese", "fr": "French",
                  "de": "German", "zh": "Chinese", "ar": "Arabic", "fa": "Persian", "tr": "Turkish"}  # fmt: skip


def language_name(tag: str) -> str:
    """`es-VE` -> `Spanish`; a tag no name is known for, as written."""
    return LANGUAGE_NAMES.get(tag.split("-")[0].lower(), tag)
