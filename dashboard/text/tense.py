"""Does an English clause look ahead or back? Enough to place a month named without a year ("in
December") before or after the time of writing.

The marker of tense nearest before the position decides ("confirmed in December that it would ..." looks
back; "will be published in January" looks ahead: a participle after a form of "be" is not a tense);
else the nearest after it in its clause; else the first in the rest of the sentence ("In December,
ministers confirmed ..."); where there is none, nothing is said.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["future", "past"]

FUTURE = re.compile(
    r"(?i)\b(?:will|would|shall|is to|are to|due|scheduled|expected to|set to|plans? to|planned|upcoming|"
    r"forecast|projected|aims? to|target|targets|by the end of)\b"
)
_IRREGULAR_PAST = (
    "was were had did said told made took gave came went saw drew won lost met rose fell grew began "
    "paid sold bought held left ran struck spent brought built chose fought flew froze got led meant sent "
    "shot spoke stood stole threw understood woke wrote broke drove ate forgot found heard kept knew laid "
    "sank sought taught thought tore withdrew overtook undertook became arose hid dealt felt fed fled hung "
    "lent lit shook shrank sprang stuck swam swept swung slid spun wound bore swore ago last earlier "
    "previously"
)
_PAST = (
    r"\b(?:" + "|".join(sorted(set(_IRREGULAR_PAST.split()))) + r")\b|"
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bam )"
    r"\b[a-z]{2,}(?<!need)(?<!feed)(?<!seed)(?<!speed)(?<!bleed)(?<!breed)(?<!hundred)ed\b"
)
_MARKER = re.compile(rf"(?i)(?P<future>{FUTURE.pattern[4:]})|(?P<past>{_PAST})")
_CLAUSE_MARKS = ",;:()\n"


def tense_at(sentence: str, at: int) -> Tense | None:
    """The tense that governs position `at` of `sentence`."""
    start = max(sentence.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1
    ends = [i for i in (sentence.find(mark, at) for mark in _CLAUSE_MARKS) if i >= 0]
    end = min(ends) if ends else len(sentence)
    before = list(_MARKER.finditer(sentence, start, at))
    if before:
        return _tense(before[-1])
    after = _MARKER.search(sentence, at, end)
    if after:
        return _tense(after)
    rest = _MARKER.search(sentence[:start] + " " * (end - start) + sentence[end:])
    return _tense(rest) if rest else None


def _tense(match: re.Match[str]) -> Tense:
    return "future" if match["future"] else "past"
