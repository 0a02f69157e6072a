"""Reading a source for `suggest`: the sentence around a mention, the context that makes a quote
unique, the count noun after a number, kebab ids. Pure; no catalog, no printing."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dashboard.text.anchor import paragraph_bounds
from dashboard.text.mentions import Mention, unit_kind

_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*(?=\s)")
_LOWER_NEXT = re.compile(r"[^\S\n]+[^\W\d_](?<=[a-zà-ÿа-яё])")
"""A full stop followed by a lower-case word ends no sentence in the languages read: an abbreviation ("тыс.
тонн", "EE. UU. y", "approx. two")."""
_MAX_CONTEXT = 240
_MAX_OCCURRENCES = 64
# Words that end a count noun ("120 agreements with", "people have left", "ships and").
_STOP = frozenset(
    """of in on at to from by with for since per over under across between into through during after
    before about against among than as via within without around and or but nor that which who whom whose
    while when where the a an its their his her our your my this these those is are was were be been
    being has have had will would can could may might must shall should do does did said says say
    reported according more less most fewer times each every all both some any other such last next
    first new because unless if not so too very also only just still already again yet now then here
    there above below inside outside up down out off ago later earlier apiece""".split()  # noqa: SIM905
)
_KEEP_FIRST = frozenset({"new", "other", "more"})
# Measure words that take an "of" phrase: "head of cattle", "barrels of oil".
_MEASURES = frozenset(
    {
        "head",
        "barrels",
        "tonnes",
        "tons",
        "litres",
        "liters",
        "gallons",
        "cubic",
        "square",
        "hectares",
        "acres",
        "units",
        "pieces",
        "rounds",
        "sacks",
        "bags",
        "bottles",
        "cases",
        "cups",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
    }
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_BLANK = re.compile(r"[ \u00a0\u202f\u2009]+")


def sentence_bounds(text: str, *, start: int, end: int, mentions: Sequence[Mention] = ()) -> tuple[int, int]:
    """The trimmed sentence holding text[start:end]: split on . ! ? before a space or a line break,
    and on line breaks; never across lines, never inside a mention ("Sept. 11")."""
    line_start, line_end = paragraph_bounds(text, start=start, end=end)
    inside = [(m.start, m.end) for m in mentions if m.end > line_start and m.start < line_end]
    first, last = line_start, line_end
    for found in _SENTENCE_END.finditer(text, line_start, line_end):
        cut = found.end()
        if any(a < cut < b for a, b in inside) or _LOWER_NEXT.match(text, cut):
            continue
        if cut <= start:
            first = cut
        elif cut >= end:
            last = cut
            break
    while first < start and text[first].isspace():
        first += 1
    while last > end and text[last - 1].isspace():
        last -= 1
    return first, last


def narrow(text: str, *, bounds: tuple[int, int], mention: Mention, rivals: Sequence[Mention]) -> tuple[int, int]:
    """Shrink a quote so that no rival (an equal number the `figure` pin would also name) lies in it:
    "About 30 ships and 30 boats" -> "About 30 ships and" / "ships and 30 boats docked."."""
    first, last = bounds
    for rival in rivals:
        if rival.end <= mention.start:
            first = max(first, rival.end)
        elif rival.start >= mention.end:
            last = min(last, rival.start)
    while first < mention.start and not text[first].isalnum() and text[first] not in "$€£(\"'“‘":
        first += 1
    while last > mention.end and (text[last - 1].isspace() or text[last - 1] in ",;:–—-"):
        last -= 1
    return first, last


def count_noun(text: str, *, end: int, limit: int) -> str | None:
    """The count noun right after a number ("120 agreements." -> "agreements", "30 head of cattle"
    -> "head of cattle", "three million people have left" -> "people"); None when none follows."""
    words: list[str] = []
    at = end
    while len(words) < 4:
        gap = _BLANK.match(text, at, limit)
        found = _WORD.match(text, gap.end(), limit) if gap else None
        if found is None:
            break
        word, at = found[0], found.end()
        lower = word.lower()
        if words and lower.endswith("ed"):  # "people displaced", not "armed men"
            break
        if lower == "of" and len(words) == 1 and words[0].lower() in _MEASURES:
            words.append(word)
            continue
        if lower in _STOP and (words or lower not in _KEEP_FIRST):
            break
        if word[-1] in "'’":  # a possessive ends the noun: "the two countries’ trade"
            words.append(word[:-1])
            break
        words.append(word)
        if len(words) == 1 and lower in _MEASURES | _KEEP_FIRST:
            continue
        if len(words) > 1 or lower.endswith("s"):
            break
    while words and (words[-1].lower() == "of" or (len(words) == 1 and words[0].lower() in _KEEP_FIRST)):
        words.pop()
    noun = " ".join(words)
    return noun if noun and unit_kind(noun) == "count" and not noun.isupper() else None


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or|to))\s*")


def list_end(text: str, *, mention: Mention, after: Sequence[Mention]) -> Mention:
    """The last item of a list the mention opens ("6.6, 5.9 and 4.5 million people" -> "4.5 million"),
    whose noun the whole list shares; the mention itself when it is not in a list."""
    last = mention
    for following in after:
        if following.kind != mention.kind or not _LIST_GAP.fullmatch(text, last.end, following.start):
            break
        last = following
    return last
