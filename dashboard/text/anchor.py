"""Locate a quote in a source text (DESIGN §4): exact, folded (diagnostic), nearest (suggestion).

Offsets are Unicode code points (Python ``str`` indices) into the raw source text, as in the W3C
Web Annotation TextQuoteSelector / TextPositionSelector. Nothing is case-folded, accent-stripped or
markdown-stripped before offsets are computed.

Policy of :func:`locate`, in order:

1. Exact substring search in the raw text (overlapping occurrences count). One occurrence is
   ``found``; several are narrowed by ``prefix``/``suffix`` (W3C semantics: the text immediately
   before / after). Context is compared raw first; if that fails, it is compared after folding both
   sides with whitespace at the junction ignored, so a curator's straight apostrophe or missing
   space in a prefix still selects the occurrence. A given context that selects no occurrence is
   ``context-mismatch``; several left is ``ambiguous``.
2. No exact match: fold both sides (:func:`fold`) and search again; a hit is ``inexact`` (still an
   error for the validator) and carries the exact raw text to paste.
3. Otherwise ``not-found`` with the :func:`nearest` passage as a suggestion. A fuzzy score never
   accepts a quote.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

FOUND = "found"
AMBIGUOUS = "ambiguous"
CONTEXT_MISMATCH = "context-mismatch"
INEXACT = "inexact"
NOT_FOUND = "not-found"


@dataclass(frozen=True)
class Nearest:
    """The source passage most similar to a quote that was not found (a suggestion only)."""

    start: int
    """Raw code-point offset where the passage starts in the source."""
    end: int
    """Raw code-point offset just after the passage."""
    text: str
    """``source[start:end]``."""
    score: float
    """rapidfuzz similarity 0-100; diagnostic only, never used to accept a quote."""


@dataclass(frozen=True)
class Location:
    """Where (and how well) a quote was located in a source text."""

    status: str
    """One of ``found``, ``ambiguous``, ``context-mismatch``, ``inexact``, ``not-found``."""
    start: int | None
    """Raw start offset: the match (found), the first candidate left after context (ambiguous),
    the folded match mapped back to raw text (inexact); None for context-mismatch and not-found."""
    end: int | None
    """Raw end offset (exclusive), paired with ``start``."""
    occurrences: tuple[int, ...]
    """Raw start offsets of every exact occurrence, before context filtering; empty unless the
    quote occurs exactly (found, ambiguous, context-mismatch)."""
    exact_text: str | None = None
    """For ``inexact``: ``source[start:end]``, the exact text to paste as the quote."""
    nearest: Nearest | None = None
    """For ``not-found``: the most similar passage, for a suggestion (None if nothing useful)."""


# --------------------------------------------------------------------------------------------
# Folding

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u02bc"  # ‘ ’ ‚ ‛ ′ ‹ › ʼ
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"  # “ ” „ ‟ ″ « »
_QUOTE_MAP = {**dict.fromkeys(_SINGLE_QUOTES, "'"), **dict.fromkeys(_DOUBLE_QUOTES, '"')}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"  # ‐ ‑ ‒ – — ― − ﹘ ﹣ －
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"  # soft hyphen, zero-width space, word joiner, BOM
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]+")
_FOLD_RE = re.compile(
    r"(?P<space>[^\S ]\s*| \s+)"  # a lone ASCII space is already folded
    rf"|(?P<dash>[-{_DASHES}]{{2,}}|[{_DASHES}])"
)
_HANGUL_V_T = frozenset(map(chr, [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]))


@lru_cache(maxsize=1)
def _backward_composing() -> frozenset[str]:
    """Starters (combining class 0) that canonically compose with the character before them."""
    found = set(_HANGUL_V_T)
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = decomposition.split()
        if len(parts) == 2:
            second = chr(int(parts[1], 16))
            if unicodedata.combining(second) == 0:
                found.add(second)
    return frozenset(found)


def _nfc_groups(text: str, *, safe_boundary: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Split ``text`` into [start, end) groups that NFC normalizes independently."""
    groups: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        if safe_boundary(text[i]):
            groups.append((start, i))
            start = i
    if text:
        groups.append((start, len(text)))
    return groups


def _nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """NFC-normalize ``text``; map[i] is the raw index each output char came from (+ sentinel).

    The map is None when ``text`` is already NFC (the identity, the common case).
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    backward = _backward_composing()
    boundaries = (
        lambda c: unicodedata.combining(c) == 0 and c not in backward,
        lambda c: c < "\x80",  # ASCII never composes with, or reorders around, what precedes it
    )
    expected = unicodedata.normalize("NFC", text)
    for safe_boundary in boundaries:
        out: list[str] = []
        index: list[int] = []
        for start, end in _nfc_groups(text, safe_boundary=safe_boundary):
            piece = unicodedata.normalize("NFC", text[start:end])
            out.append(piece)
            index.extend([start] * len(piece))
        if "".join(out) == expected:
            index.append(len(text))
            return expected, index
    return expected, [0] * len(expected) + [len(text)]  # pragma: no cover - unreachable in practice


def _straighten_quotes(text: str) -> str:
    """Curly quotes to straight ones; one char to one char, so indices are unchanged."""
    for curly, straight in _QUOTE_MAP.items():
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _drop_invisible(text: str) -> tuple[str, list[int] | None]:
    """Remove soft hyphens and zero-width characters; the map is None when nothing was removed."""
    if not _INVISIBLE_RE.search(text):
        return text, None
    kept: list[str] = []
    index: list[int] = []
    pos = 0
    for match in _INVISIBLE_RE.finditer(text):
        a, b = match.span()
        kept.append(text[pos:a])
        index.extend(range(pos, a))
        pos = b
    kept.append(text[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(kept), index


def _collapse(text: str) -> tuple[str, list[int]]:
    """Whitespace runs to one space and dash runs to one ``-``, with the index map."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for match in _FOLD_RE.finditer(text):
        a, b = match.span()
        out.append(text[pos:a])
        index.extend(range(pos, a))
        out.append(" " if match.lastgroup == "space" else "-")
        index.append(a)
        pos = b
    out.append(text[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(out), index


def _fold(text: str) -> tuple[str, list[int]]:
    """Uncached :func:`fold` (used for quotes, prefixes and suffixes)."""
    visible, drop_map = _drop_invisible(text)  # first, so that NFC sees what is left adjacent
    nfc, nfc_map = _nfc_with_map(visible)
    folded, index = _collapse(_straighten_quotes(nfc))
    for outer in (nfc_map, drop_map):
        if outer is not None:
            index = [outer[i] for i in index]
    return folded, index


@lru_cache(maxsize=64)
def fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for a tolerant comparison and map every folded index back to a raw index.

    NFC; curly quotes, primes, guillemets and the modifier apostrophe become ``'`` or ``"``; en/em
    dashes, minus and other dash characters, and any run of two or more dashes (``--``), become one
    ``-``; every run of whitespace (incl. U+00A0, U+2009, U+202F, CR/LF) becomes one space; soft
    hyphens, zero-width spaces, word joiners and BOMs are dropped. Case, accents and markdown are
    kept.

    Returns ``(folded, index)`` where ``index[i]`` is the raw index folded char ``i`` came from and
    ``index[len(folded)] == len(text)``; ``index`` is non-decreasing, so a folded span ``[i, j)``
    maps back to raw ``[index[i], index[j])``. Cached (the result is shared: do not mutate it).
    """
    return _fold(text)


def _raw_end(index: list[int], j: int) -> int:
    """Raw end for a folded span ending at ``j``, never splitting what one raw unit produced."""
    while 0 < j < len(index) - 1 and index[j] == index[j - 1]:
        j += 1
    return index[j]


def _folded_pos(index: list[int], raw: int) -> int:
    """The first folded index whose raw origin is at or after ``raw``."""
    return bisect_left(index, raw)


# --------------------------------------------------------------------------------------------
# Context (prefix / suffix)


def _prefix_ok(text: str, *, start: int, prefix: str | None) -> bool:
    if not prefix or text.endswith(prefix, 0, start):
        return True
    wanted = _fold(prefix)[0].strip()
    if not wanted:
        return True
    folded, index = fold(text)
    k = _folded_pos(index, start)
    if k > 0 and folded[k - 1] == " ":
        k -= 1
    return k >= len(wanted) and folded.startswith(wanted, k - len(wanted), k)


def _suffix_ok(text: str, *, end: int, suffix: str | None) -> bool:
    if not suffix or text.startswith(suffix, end):
        return True
    wanted = _fold(suffix)[0].strip()
    if not wanted:
        return True
    folded, index = fold(text)
    k = _folded_pos(index, end)
    if k < len(folded) and folded[k] == " ":
        k += 1
    return folded.startswith(wanted, k)


def _context_ok(text: str, *, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    """True when ``prefix`` ends right before ``start`` and ``suffix`` starts right at ``end``."""
    return _prefix_ok(text, start=start, prefix=prefix) and _suffix_ok(text, end=end, suffix=suffix)


# --------------------------------------------------------------------------------------------
# Locate


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of a non-empty ``needle``."""
    found: list[int] = []
    i = haystack.find(needle)
    while i >= 0:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def _locate_exact(text: str, quote: str, *, occurrences: list[int], prefix: str | None, suffix: str | None) -> Location:
    occ = tuple(occurrences)
    if prefix or suffix:
        candidates = [
            o for o in occurrences if _context_ok(text, start=o, end=o + len(quote), prefix=prefix, suffix=suffix)
        ]
        if not candidates:
            return Location(CONTEXT_MISMATCH, None, None, occ)
    else:
        candidates = occurrences
    status = FOUND if len(candidates) == 1 else AMBIGUOUS
    return Location(status, candidates[0], candidates[0] + len(quote), occ)


def _locate_folded(text: str, quote: str, *, prefix: str | None, suffix: str | None) -> Location | None:
    wanted = _fold(quote)[0].strip()
    if not wanted:
        return None
    folded, index = fold(text)
    spans = []
    for i in occurrences(folded, wanted):
        start, end = index[i], _raw_end(index, i + len(wanted))
        while end > start + 1 and (text[end - 1] in _INVISIBLE or text[end - 1].isspace()):
            end -= 1
        spans.append((start, end))
    if not spans:
        return None
    chosen = spans[0]
    if prefix or suffix:
        chosen = next(
            (s for s in spans if _context_ok(text, start=s[0], end=s[1], prefix=prefix, suffix=suffix)), chosen
        )
    start, end = chosen
    return Location(INEXACT, start, end, (), exact_text=text[start:end])


def locate(text: str, quote: str, *, prefix: str | None = None, suffix: str | None = None) -> Location:
    """Locate ``quote`` in the raw source ``text`` following DESIGN §4 (see the module docstring).

    An empty ``prefix``/``suffix`` is no constraint. An empty quote is ``not-found`` with no
    nearest passage. Never raises on ``str`` input.
    """
    if not quote:
        return Location(NOT_FOUND, None, None, ())
    found = occurrences(text, quote)
    if found:
        return _locate_exact(text, quote, occurrences=found, prefix=prefix, suffix=suffix)
    inexact = _locate_folded(text, quote, prefix=prefix, suffix=suffix)
    if inexact is not None:
        return inexact
    return Location(NOT_FOUND, None, None, (), nearest=nearest(text, quote))


# --------------------------------------------------------------------------------------------
# Paragraphs

MAX_CONTEXT = 200
"""How long a `prefix` or `suffix` that `shortest_context` proposes may be."""
MAX_OCCURRENCES = 64
"""Past this many occurrences of a quote, `shortest_context` gives up (the quote is too common to pin)."""


def shortest_context(
    text: str,
    quote: str,
    *,
    start: int,
    prefix: str | None = None,
    suffix: str | None = None,
    prefer_prefix: bool = False,
) -> tuple[str, str] | None:
    """("prefix" | "suffix", context): the shortest exact text of whole words right before (or after) the
    occurrence of `quote` at `start` with which `locate` picks that occurrence alone, the other given
    context kept. The shorter of the two wins (a prefix on a tie, or always with `prefer_prefix`); None
    when the quote occurs once, too often, or no context of at most MAX_CONTEXT characters decides."""
    end = start + len(quote)
    others = [i for i in occurrences(text, quote) if i != start]
    if not others or len(others) > MAX_OCCURRENCES:
        return None
    found: list[tuple[str, str]] = []
    for cut in range(start - 1, max(-1, start - MAX_CONTEXT - 1), -1):
        at_word = (cut == 0 or text[cut - 1].isspace()) and not text[cut].isspace()
        if at_word and _picks(text, quote, start=start, prefix=text[cut:start], suffix=suffix):
            found.append(("prefix", text[cut:start]))
            break
    if found and prefer_prefix:
        return found[0]
    for cut in range(end + 1, min(len(text), end + MAX_CONTEXT) + 1):
        at_word = (cut == len(text) or text[cut].isspace()) and not text[cut - 1].isspace()
        if at_word and _picks(text, quote, start=start, prefix=prefix, suffix=text[end:cut]):
            found.append(("suffix", text[end:cut]))
            break
    return min(found, key=lambda option: len(option[1]), default=None)


def _picks(text: str, quote: str, *, start: int, prefix: str | None, suffix: str | None) -> bool:
    """True when `locate` (which also folds the context) picks the occurrence at `start`."""
    found = locate(text, quote, prefix=prefix, suffix=suffix)
    return found.status == FOUND and found.start == start


_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def paragraph_bounds(text: str, *, start: int, end: int) -> tuple[int, int]:
    """Raw ``[start, end)`` of the paragraph(s) holding the span ``[start, end)``.

    A paragraph is a maximal run of text between line breaks (this covers both sources that
    separate paragraphs with blank lines and those that use single newlines); a span that crosses
    line breaks extends to cover every line it touches. The result never includes the line breaks
    around it (CRLF included) and always contains the (clamped) span.
    """
    n = len(text)
    start = max(0, min(start, n))
    end = max(start, min(end, n))
    para_start = max(text.rfind(c, 0, start) for c in _LINE_BREAKS) + 1
    if end > start and text[end - 1] in _LINE_BREAKS:
        return para_start, end
    ends = [i for i in (text.find(c, end) for c in _LINE_BREAKS) if i >= 0]
    return para_start, min(ends, default=n)


# --------------------------------------------------------------------------------------------
# Nearest passage

_LONG_QUOTE = 400
"""Quotes longer than this are aligned by their head and tail pieces (cost grows ~quadratically)."""
_PIECE = 200
_BIG_TEXT = 200_000
"""Texts longer than this are searched only in windows around rare words of the quote."""
_MAX_WINDOWS = 24
_SCAN_HEAD = 64
_RATIO_LIMIT = 20_000
_WORD_RE = re.compile(r"\w{3,}")
_INNER_WORD = ".,'’-\u00ad"


@dataclass(frozen=True)
class _Hit:
    score: float
    start: int
    end: int
    src_start: int
    src_end: int


def _same_length_lower(s: str) -> str:
    """``s.lower()`` with offsets preserved (a char whose lowercase is longer is kept as is)."""
    lowered = s.replace("\u0130", "i").lower()  # "İ".lower() is two code points
    if len(lowered) == len(s):  # every char lowered to exactly one char: offsets still align
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in s)


_lower_cached = lru_cache(maxsize=8)(_same_length_lower)


def _windows(text: str, piece: str) -> list[tuple[int, int]]:
    """Merged windows of ``text`` around occurrences of the rarest words of ``piece``."""
    words = sorted(set(_WORD_RE.findall(piece)), key=len, reverse=True)[:24]
    counted = sorted((c, w) for w in words if (c := text.count(w)) > 0)
    spans: list[tuple[int, int]] = []
    margin = len(piece) + 16
    for count, word in counted:
        if count > _MAX_WINDOWS - len(spans):
            break
        spans.extend((max(0, i - margin), i + len(word) + margin) for i in occurrences(text, word))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _align_in(text: str, piece: str, *, regions: list[tuple[int, int]]) -> _Hit | None:
    best: _Hit | None = None
    for a, b in regions:
        cutoff = best.score if best is not None else 0
        result = fuzz.partial_ratio_alignment(piece, text[a:b], score_cutoff=cutoff)
        if result is None or (best is not None and result.score <= best.score):
            continue
        best = _Hit(result.score, a + result.dest_start, a + result.dest_end, result.src_start, result.src_end)
    return best


def _align(text: str, piece: str) -> _Hit | None:
    """Best partial alignment of ``piece`` in ``text`` (windowed for big texts)."""
    if len(text) <= _BIG_TEXT:
        return _align_in(text, piece, regions=[(0, len(text))])
    windows = _windows(text, piece)
    if windows:
        return _align_in(text, piece, regions=windows)
    hit = _align_in(text, piece[:_SCAN_HEAD], regions=[(0, len(text))])
    if hit is None:
        return None
    return _Hit(hit.score, hit.start, max(hit.end, hit.start + len(piece) - hit.src_start), hit.src_start, len(piece))


def _span_for(text: str, quote: str) -> tuple[float, int, int] | None:
    """(score, start, end) of the passage best matching ``quote``; both already lowercased."""
    if len(quote) <= _LONG_QUOTE:
        hit = _align(text, quote)
        return None if hit is None else (hit.score, hit.start, hit.end)
    head, tail = _align(text, quote[:_PIECE]), _align(text, quote[-_PIECE:])
    if head is None and tail is None:
        return None
    start = None if head is None else head.start - head.src_start
    end = None if tail is None else tail.end + (_PIECE - tail.src_end)
    if start is None or end is None or not 0 < end - start <= 2 * len(quote):
        if start is not None and (end is None or (head is not None and tail is not None and head.score >= tail.score)):
            start, end = start, start + len(quote)
        else:
            assert end is not None  # head or tail is set
            start, end = end - len(quote), end
    start, end = max(0, start), min(len(text), end)
    if len(quote) <= _RATIO_LIMIT and end - start <= 2 * _RATIO_LIMIT:
        score = fuzz.ratio(quote, text[start:end])
    else:
        score = max(h.score for h in (head, tail) if h is not None)
    return score, start, end


def _is_word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` belongs to a word, counting inner punctuation such as 11,000 or it's."""
    c = text[i]
    if c.isalnum():
        return True
    return c in _INNER_WORD and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _widen_to_words(text: str, *, start: int, end: int) -> tuple[int, int]:
    """Extend ``[start, end)`` to whole words and trim surrounding whitespace."""
    while start > 0 and start < len(text) and _is_word_char(text, start) and _is_word_char(text, start - 1):
        start -= 1
    while 0 < end < len(text) and _is_word_char(text, end - 1) and _is_word_char(text, end):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def nearest(text: str, quote: str) -> Nearest | None:
    """The passage of ``text`` most similar to ``quote`` (rapidfuzz partial alignment), widened
    to whole words; None when either is empty or blank. Case-insensitive, offsets raw.

    For quotes over 400 chars the head and tail (200 chars each) are aligned; for texts over
    200 KB only windows around the quote's rarest words are searched, so a lookup stays fast.
    """
    if not text or not quote or quote.isspace() or text.isspace():
        return None
    found = _span_for(_lower_cached(text), _same_length_lower(quote))
    if found is None:
        return None
    score, start, end = found
    start, end = _widen_to_words(text, start=start, end=end)
    if start >= end:
        return None
    return Nearest(start, end, text[start:end], float(score))
