"""Read numbers, dates and qualifiers in English news text; format values for display (DESIGN §3).

Pure, stdlib only. One compiled master regex scans the text once; small tables turn each match into
a `Mention`. Values are `Decimal`, never float. Decisions on open points:
- dates: see `dashboard.text.dates` (bare months, "late 2020" is a date with part "late");
- decades: "2000s" -> kind "decade", value 2000, period "2000/2009"; with a part, early ->
  "2000/2003", mid -> "2003/2006", late -> "2007/2009"; the text includes the part ("early 2000s");
- periods of year mentions: "from 2000 to 2021", "2000-2021", "between 2000 and 2021" -> both
  "2000/2021"; "2014-15" -> 2014 and 2015 (text "15"), both "2014/2015"; "since 2006" -> "2006/..";
- qualifiers attach to count, percent, currency and duration mentions only, never to years/dates;
- durations (N years/months/weeks/days/decades, N-year) carry `time_unit`; `unit_kind` maps those
  plural units to "duration".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import chain

from dashboard.text.dates import BARE_CONTEXT, MONTHS, DateExpr, needs_context, read_date
from dashboard.text.dates import PATTERN as _DATE

__all__ = [
    "DATE_KINDS",
    "KINDS",
    "QUALIFIERS",
    "DateExpr",
    "Mention",
    "format_value",
    "matches_figure",
    "qualifier_group",
    "read_mentions",
    "unit_kind",
]

_Match = re.Match

KINDS = ("count", "percent", "currency", "duration", "year", "decade", "ordinal", "date")
DATE_KINDS = ("date", "year", "decade")
"""Kinds that date something; a decade supports no ISO date (any year would be finer)."""

QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(("about", "approximately", "around", "roughly", "some", "estimated"), "approximate"),
    **dict.fromkeys(("nearly", "almost", "under", "less than", "up to"), "upper"),
    **dict.fromkeys(("over", "more than", "at least"), "lower"),
}


@dataclass(frozen=True)
class Mention:
    """One number or date expression found in a text."""

    start: int
    """Code-point offset (Python str index) of the expression in the text given."""
    end: int
    """Offset just past the expression."""
    text: str
    """text[start:end]: the expression without its qualifier ("$17bn", "60 per cent", "May 7")."""
    numeral: str
    """The number part only ("17", "eight", "11,000"); for dates and decades the text."""
    kind: str
    """One of KINDS."""
    value: Decimal | None
    """Value in base units ("$17bn" -> 17000000000, "60 per cent" -> 60); None for dates."""
    currency: str | None = None
    """ISO 4217 code for kind "currency"."""
    qualifier: str | None = None
    """Normalised qualifier directly to the left (a key of QUALIFIERS), else None."""
    date: DateExpr | None = None
    """The date read, for kind "date"."""
    period: str | None = None
    """Interval for years in ranges ("2000/2021", "2006/..") and decades ("2000/2009")."""
    time_unit: str | None = None
    """"years" | "months" | "weeks" | "days" | "decades" for kind "duration"."""


_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
)
_SMALL = {word: i for i, word in enumerate(_UNITS.split())}
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_SMALL.update({word: 10 * i for i, word in enumerate(_TENS.split(), 2)})
_SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "tn": 10**12,
}
_ISO_CODES = (
    "USD EUR GBP RUB CNY JPY INR BRL CAD AUD CHF VES MXN COP ARS CLP PEN TRY KZT IRR UAH ZAR SAR AED KRW HKD "
    "NOK SEK DKK PLN CZK HUF NZD SGD ILS NGN KES EGP TWD QAR"
)
_ISO = _ISO_CODES.split()
_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "₽": "RUB",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "R$": "BRL",
}
# Currency names written after the number, singular (a plural adds "s"); a name shared by several
# currencies counts only with its country ("Norwegian kroner", "Swiss francs"), never bare.
_CURRENCY_WORDS = {
    "dollar": "USD",
    "us dollar": "USD",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "rouble": "RUB",
    "ruble": "RUB",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupee": "INR",
    "bolívar": "VES",
    "bolivar": "VES",
    "bolívare": "VES",
    "bolivare": "VES",
    "australian dollar": "AUD",
    "canadian dollar": "CAD",
    "hong kong dollar": "HKD",
    "new zealand dollar": "NZD",
    "singapore dollar": "SGD",
    "taiwan dollar": "TWD",
    "swiss franc": "CHF",
    "norwegian krone": "NOK",
    "norwegian kroner": "NOK",
    "danish krone": "DKK",
    "danish kroner": "DKK",
    "swedish krona": "SEK",
    "swedish kronor": "SEK",
    "kronor": "SEK",
    "zloty": "PLN",
    "zlotys": "PLN",
    "rand": "ZAR",
    "naira": "NGN",
    "shekel": "ILS",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "turkish lira": "TRY",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "dirham": "AED",
    "saudi riyal": "SAR",
    "qatari riyal": "QAR",
    "indian rupee": "INR",
    "pakistani rupee": "PKR",
    "mexican peso": "MXN",
    "argentine peso": "ARS",
    "colombian peso": "COP",
    "chilean peso": "CLP",
    "brazilian real": "BRL",
    "reais": "BRL",
    "brazilian reais": "BRL",
}
_SYMBOL_FOR = {"USD": "$", "EUR": "€", "GBP": "£"}

_SP = r"[ \u00a0\u202f\u2009]"
# Between the parts of one number ("three million", "$2.5 billion", "40 per cent"): any run of blanks
# with at most one line break, so a doubled space, a tab or a wrapped line does not cut "million" off
# and leave "three" to be read as 3. Atomic, so a long run of blanks is never backtracked into.
_GAP = r"(?>[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"
_U = (
    "nineteen|eighteen|seventeen|sixteen|fifteen|fourteen|thirteen|twelve|eleven|ten|zero|one|two|"
    "three|four|five|six|seven|eight|nine"
)
_S = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:(?:-|" + _GAP + r")(?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:" + _U + r"))\b"
)
_J = r"(?:-|" + _GAP + ")"  # joins the words of one number
_G = r"(?:(?:" + _S + r"|an?)" + _J + r"hundred\b(?:" + _J + r"(?:and" + _J + r")?" + _S + r")?|" + _S + ")"
_WORDS = (
    r"(?i:(?:" + _G + r"|an?)" + _J + r"(?:thousand|million|billion|trillion)\b"
    r"(?:" + _J + r"(?:and" + _J + r")?" + _G + r")?|" + _G + ")"
)
_DIGITS = (
    r"\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
)
_LEAD = r"(?<![\w.@/:#\\])(?<!\d,)(?<![A-Za-z]-)"
# a hyphen and a word end a mention after a digit ("a 1,500-strong force"), not after a word
# ("two-thirds", "one-off") or a suffix ("$5m-a-year")
_END = r"(?![\w@%]|[.,:/]\d|(?<=[^\W\d])-[^\W\d]|\.(?i:jpe?g|png|gif|webp|svg|pdf|html?)\b)"
_ISO_RE = "(?:" + "|".join(_ISO) + ")"
# Unit symbols written against the number: "40mm", "1.5C", "2.4GHz" are counts of that unit.
_ABBR_UNITS = "(?:°[CF]|C|(?:mm|cm|km|kg|nm|GHz|MHz|Mbps|Gbps|[kMGT]Wh?|mph|kph|bpd|ha|ft|lbs?|oz)(?:/h)?)"
_CURRENCY_RE = "|".join(
    re.escape(w).replace(r"\ ", _GAP) + "s?" for w in sorted(_CURRENCY_WORDS, key=len, reverse=True)
)
_NUM = (
    r"(?:(?<![\w$])(?P<cp>US\$|A\$|C\$|HK\$|NZ\$|R\$|\$|€|£|₹|₽|" + _ISO_RE + r"[ \u00a0]?))?"
    r"(?P<neg>(?<![\w.,%)\]])[-−](?=\d))?"
    r"(?:" + _LEAD + r"(?!(?<=\[)\d{1,3}\])(?P<d>" + _DIGITS + r")|(?<![\w-])(?P<w>" + _WORDS + r")(?!\w))"
    r"(?:(?P<ord>(?<=\d)(?:st|nd|rd|th))(?![\w@]|[.,:]\d)"
    r"|(?P<dsep>-|" + _GAP + r")(?P<dur>(?i:years?|months?|weeks?|days?|decades?))(?!\w)"
    r"|(?:(?:-|" + _GAP + r")?(?P<sc>(?i:thousand|million|billion|trillion|bn|mn|tn))(?!\w)"
    r"|(?P<sg>[mMkKbB])(?!\w)|(?P<abbr>(?<=\d)" + _ABBR_UNITS + r"(?!\w)))?"
    r"(?:(?P<pct>"
    + _SP
    + r"?%|"
    + _GAP
    + r"(?i:per"
    + _GAP
    + r"?cent|percent|pct|percentage"
    + _GAP
    + r"points?)(?!\w)|pc(?!\w))"
    r"|" + _GAP + r"(?P<cs>(?i:" + _CURRENCY_RE + r")|" + _ISO_RE + r")(?!\w))?" + _END + ")"
)
_DECADE = (
    r"(?:(?P<dpart>(?i:early|mid|late))(?:-|" + _SP + r"+))?(?<![\w.@/:#\\$])"
    r"(?:(?P<dec>(?:1\d|20)\d0)['’]?s|['’](?P<dec2>\d0)s)(?!\w)"
)
_SKIP = (
    r"https?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+|(?<=\])\([^)\n]*\)|\[\d{1,3}\]"
    r"|\bCC"
    + _SP
    + r"BY(?:-(?:SA|NC|ND))*(?:"
    + _SP
    + r"\d+(?:\.\d+)?)?|\bCC0(?:"
    + _SP
    + r"\d+(?:\.\d+)?)?|(?<![\w/])/[\w.%-]+(?:/[\w.%-]+)+"
)
_MASTER = re.compile(
    "(?P<skip>" + _SKIP + ")|(?P<decade>" + _DECADE + ")|(?P<date>" + _DATE + ")|(?P<num>" + _NUM + ")"
)


_Trie = dict[str, "_Trie"]


def _trie(words: list[str]) -> str:
    """A regex matching any of `words`, factored by common prefix (sre tries branches linearly)."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


_LEXICON = [
    *_SMALL,
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "last",
    "next",
    "this",
    "early",
    "mid",
    "late",
    *(f"a {w}" for w in ("hundred", "thousand", "million", "billion", "trillion")),
]
# Where a mention can start: after a non-word character, a digit, a currency sign or a lexicon word;
# `read_mentions` runs the master regex only there (scanning every position is ~15x slower).
_ABBR_WORDS = "Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec http https www. CC"
_TRIGGER_WORDS = [
    *_LEXICON,
    *(w.title() for w in _LEXICON),
    *(w[0].upper() + w[1:] for w in _LEXICON),  # sentence start: "A hundred", "A million"
    *_ISO,
    *(s for s in _SYMBOLS if s[0].isalpha()),
    *(m.title() for m in MONTHS),
    *_ABBR_WORDS.split(),
]
# The first-character class is a cheap filter before the trie (most blanks are followed by other words).
_TRIGGER = re.compile(
    r"[^\w](?=[\d$€£₹₽'’[(/−\-" + re.escape("".join(sorted({w[0] for w in _TRIGGER_WORDS}))) + "])"
    r"(?=[\d$€£₹₽]|[-−'’[]\d|(?<=\])\(|/[\w.%-]+/|" + _trie(_TRIGGER_WORDS) + "(?![a-z]))"
)
_WS = r"[^\S\n]*\n?[^\S\n]*(?<=\s)"  # blanks with at most one line break (not across paragraphs)
# Hedges as news writes them -> the catalog qualifier of the same meaning (a key of QUALIFIERS).
HEDGES: dict[str, str] = {
    **{
        q: q
        for q in (
            "about",
            "approximately",
            "around",
            "roughly",
            "some",
            "estimated",
            "nearly",
            "almost",
            "under",
            "less than",
            "up to",
            "over",
            "more than",
            "at least",
        )
    },
    "an estimated": "estimated",
    "approx.": "approximately",
    "circa": "about",
    "close to": "nearly",
    "just under": "under",
    "fewer than": "less than",
    "no more than": "up to",
    "not more than": "up to",
    "at most": "up to",
    "below": "under",
    "just shy of": "nearly",
    "as many as": "up to",
    "just over": "over",
    "well over": "over",
    "above": "over",
    "in excess of": "more than",
    "upwards of": "more than",
    "upward of": "more than",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "a maximum of": "up to",
    "some estimated": "estimated",
    "as much as": "up to",
    "as high as": "up to",
}
# Before a duration, a bare "over" spans it ("CHF 3bn over 10 years") unless the context makes it a
# bound ("for over 10 years", "in over a decade", "over 20 years ago").
_SPANNING_OVER = re.compile(r"(?<![\w-])(?i:over)" + _WS + r"\Z")
_BOUND_BEFORE = re.compile(r"(?<![\w-])(?i:for|in|after|of|than|lasted|lasting|took|spent|served)\s+\Z")
_AGO = re.compile(r"\s+ago\b")
_QUALIFIER = re.compile(
    r"(?<![\w-])(?i:("
    + "|".join(re.escape(h).replace(r"\ ", _GAP) for h in sorted(HEDGES, key=len, reverse=True))
    + r"))"
    + _WS
    + r"\Z"
)
_LIST_SEP = re.compile(r"\s*(?:(,)|,?\s+(?:and|or|to)|\s*[-–—])\s*")
_RANGE_SEP = re.compile(r"\s*[-–—]\s*|\s+(?:to|through|until|till|and)\s+")
_BETWEEN = re.compile(r"(?<![\w-])(?i:between|from)\s+\Z")
_SINCE = re.compile(r"(?<![\w-])(?i:since)\s+\Z")
_YEARISH = re.compile(r"(?:1[89]|20)\d\d")
_FOLD = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " "})
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (7, 9)}


class _Tok:
    """A mention under construction (mutable while lists, periods and qualifiers are resolved)."""

    __slots__ = (
        "start",
        "end",
        "numeral",
        "base",
        "mult",
        "currency",
        "suffix_currency",
        "unit",
        "time_unit",
        "date",
        "period",
        "decade",
        "received",
    )

    def __init__(self, start: int, end: int, numeral: str) -> None:
        self.start, self.end, self.numeral = start, end, numeral
        self.base: Decimal | None = None
        self.mult: int | None = None
        self.currency: str | None = None
        self.suffix_currency = False
        self.unit: str | None = None  # "percent" | "duration" | "ordinal" | None
        self.time_unit: str | None = None
        self.date: DateExpr | None = None
        self.period: str | None = None
        self.decade = False
        self.received = False

    def kind(self) -> str:
        if self.date is not None:
            return "date"
        if self.decade:
            return "decade"
        if self.unit is not None:
            return self.unit
        if self.currency is not None:
            return "currency"
        if self.mult is None and _YEARISH.fullmatch(self.numeral):
            return "year"
        return "count"


def read_mentions(text: str) -> list[Mention]:
    """All number and date mentions of `text`, sorted by start and non-overlapping."""
    toks: list[_Tok] = []
    end = 0
    for pos in chain((0,), map(_Match.end, _TRIGGER.finditer(text))):
        if pos < end:
            continue
        match = _MASTER.match(text, pos)
        if match is not None:
            end = match.end()
            tok = _token(match, text)
            if tok is not None:
                toks.append(tok)
    _share_units(toks, text)
    _periods(toks, text)
    mentions = [_mention(tok, text) for tok in toks]
    return _share_range_qualifier(mentions, text)


_DASH = re.compile(r"[^\S\n]*[-–—][^\S\n]*")


def _share_range_qualifier(mentions: list[Mention], text: str) -> list[Mention]:
    """A hedge before a dash range covers both ends ("roughly 20–25%", "about 5-6 million")."""
    for i in range(1, len(mentions)):
        low, high = mentions[i - 1], mentions[i]
        if (
            low.qualifier
            and not high.qualifier
            and low.kind == high.kind
            and low.kind in ("count", "percent", "currency")
            and _DASH.fullmatch(text, low.end, high.start)
        ):
            mentions[i] = replace(high, qualifier=low.qualifier)
    return mentions


def _token(match: re.Match[str], text: str) -> _Tok | None:
    if match["num"] is not None:
        return _number(match)
    start, end = match.span()
    if match["decade"] is not None:
        tok = _Tok(start, end, match["dec"] and match.group("dec") + "s" or "'" + match["dec2"] + "s")
        tok.numeral = text[match.start("dec") if match["dec"] else match.start("dec2") - 1 : end]
        year = int(match["dec"]) if match["dec"] else 1900 + int(match["dec2"])
        if not match["dec"] and year < 1930:
            year += 100
        tok.decade, tok.base = True, Decimal(year)
        low, high = _DECADE_PARTS[match["dpart"] and match["dpart"].lower()]
        tok.period = f"{year + low}/{year + high}"
        return tok
    if match["date"] is not None:
        date = read_date(match["date"])
        if date is None or (needs_context(match["date"]) and not BARE_CONTEXT.search(text, max(0, start - 12), start)):
            return None
        tok = _Tok(start, end, match["date"])
        tok.date = date
        return tok
    return None


def _number(match: re.Match[str]) -> _Tok | None:
    tok = _Tok(match.start("num"), match.end("num"), match["d"] or match["w"])
    if match["d"]:
        tok.base = Decimal(re.sub(r"[,\u00a0\u202f\u2009]", "", match["d"]))
    else:
        tok.base, tok.numeral = _words(match["w"])
        if match["w"].lower() == "one" and not (
            match["sc"] or match["pct"] or match["cs"] or match["cp"] or match["dsep"] == "-"
        ):
            return None  # "one of the first": idiomatic, not a figure
    if match["neg"]:
        tok.base = -tok.base
    scale = match["sc"] or match["sg"]
    if scale:
        if scale in "bB" and not match["cp"]:
            return None
        tok.mult = _SCALES[scale.lower()]
    if match["cp"]:
        tok.currency = _SYMBOLS.get(match["cp"].strip()) or match["cp"].strip()
    if match["cs"]:
        word = " ".join(match["cs"].lower().split())
        tok.currency = match["cs"] if match["cs"] in _ISO else _CURRENCY_WORDS.get(word) or _CURRENCY_WORDS[word[:-1]]
        tok.suffix_currency = True
    if match["ord"]:
        tok.unit = "ordinal"
    elif match["dur"]:
        tok.unit, tok.time_unit = "duration", match["dur"].lower().rstrip("s") + "s"
    elif match["pct"]:
        tok.unit = "percent"
    return tok


def _words(phrase: str) -> tuple[Decimal, str]:
    """Value of a number-word phrase, and its numeral (the phrase without a trailing scale word)."""
    total = current = 0
    words = re.findall(r"[A-Za-z]+", phrase)
    for word in (w.lower() for w in words):
        if word in _SMALL:
            current += _SMALL[word]
        elif word in ("a", "an"):
            current = current or 1
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total, current = total + (current or 1) * _SCALES[word], 0
    numeral = phrase
    if len(words) > 1 and words[-1].lower() in ("thousand", "million", "billion", "trillion"):
        numeral = phrase[: phrase.lower().rindex(words[-1].lower())].rstrip(" -")
    return Decimal(total + current), numeral


def _share_units(toks: list[_Tok], text: str) -> None:
    """Give list items the scale or unit written once at the end ("6.6, 5.9 and 4.5 million")."""
    for j in range(len(toks) - 1, 0, -1):
        last, item = toks[j], toks[j - 1]
        carries = last.mult or last.unit in ("percent", "duration") or last.suffix_currency
        if not carries or item.mult or item.unit or item.date or item.decade or last.date:
            continue
        sep = _LIST_SEP.fullmatch(text, item.end, last.start)
        if sep is None or (sep[1] and not last.received):
            continue
        if _YEARISH.fullmatch(item.numeral) and not _YEARISH.fullmatch(last.numeral):
            continue  # "in 2019, 5 million": a year, not a list item
        item.mult, item.unit, item.time_unit = last.mult, last.unit, last.time_unit
        if last.suffix_currency and item.currency is None:
            item.currency, item.suffix_currency = last.currency, True
        item.received = True


def _periods(toks: list[_Tok], text: str) -> None:
    """Set `period` on years in ranges and after "since"; read "2014-15" as 2014 and 2015."""
    for a, b in zip(toks, toks[1:], strict=False):
        if a.kind() != "year" or a.period or a.base is None or b.base is None:
            continue
        sep = _RANGE_SEP.fullmatch(text, a.end, b.start)
        if sep is None or ("and" in sep[0] and not _BETWEEN.search(text, max(0, a.start - 10), a.start)):
            continue
        if (
            b.kind() == "count"
            and re.fullmatch(r"\d\d", b.numeral)
            and sep[0].strip() in "-–—"
            and b.base > a.base % 100
        ):
            b.base, b.unit = a.base - a.base % 100 + b.base, "year"
        if b.kind() == "year" and a.base < b.base:
            a.period = b.period = f"{a.base}/{b.base}"
    for tok in toks:
        if tok.kind() == "year" and tok.period is None and _SINCE.search(text, max(0, tok.start - 8), tok.start):
            tok.period = f"{tok.base}/.."


def _mention(tok: _Tok, text: str) -> Mention:
    kind = tok.kind()
    value = None
    if tok.base is not None and kind != "date":
        value = tok.base * (tok.mult or 1)
        value = value.to_integral_value() if value == value.to_integral_value() else value.normalize()
    qualifier = None
    if kind in ("count", "percent", "currency", "duration"):
        found = _QUALIFIER.search(text, max(0, tok.start - 32), tok.start)
        before = text[max(0, found.start() - 10) : found.start()] if found else ""
        if (
            found
            and kind == "duration"
            and _SPANNING_OVER.fullmatch(found[0])
            and before.strip()
            and not _BOUND_BEFORE.search(before)
            and not _AGO.match(text, tok.end)
        ):
            found = None
        if found:
            qualifier = HEDGES[" ".join(found[1].lower().split())]
    return Mention(
        start=tok.start,
        end=tok.end,
        text=text[tok.start : tok.end],
        numeral=tok.numeral,
        kind=kind,
        value=value,
        currency=tok.currency if kind == "currency" else None,
        qualifier=qualifier,
        date=tok.date,
        period=tok.period,
        time_unit=tok.time_unit,
    )


def qualifier_group(qualifier: str | None) -> str | None:
    """ "approximate" | "upper" | "lower" for a known qualifier, else None."""
    return QUALIFIERS.get(qualifier) if qualifier else None


def matches_figure(mention: Mention, figure: str) -> bool:
    """True when a catalog `figure` pin names this mention (its text or numeral, spaces folded)."""
    pin = figure.translate(_FOLD)
    return pin in (mention.text.translate(_FOLD), mention.numeral.translate(_FOLD))


def unit_kind(unit: str) -> str:
    """The mention kind a catalog unit calls for."""
    if unit == "percent":
        return "percent"
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "currency"
    if unit in ("years", "months", "weeks", "days", "decades"):
        return "duration"
    if unit in ("year", "ordinal"):
        return unit
    return "count"


def format_value(value: Decimal, *, unit: str, qualifier: str | None = None) -> str:
    """Display text that `read_mentions` reads back to the same value, kind and qualifier."""
    kind = unit_kind(unit)
    if kind == "year":
        body = format(value, "f")
    elif kind == "ordinal":
        body = f"{value:f}{_ordinal_suffix(int(value))}"
    elif kind == "percent":
        body = _grouped(value) + "%"
    elif kind == "currency":
        symbol = _SYMBOL_FOR.get(unit)
        body = f"{symbol}{_scaled(value)}" if symbol else f"{_scaled(value)} {unit}"
    elif kind == "duration":
        body = f"{_grouped(value)} {unit[:-1] if value == 1 else unit}"
    else:
        body = f"{_scaled(value)} {unit}"
    if not qualifier:
        return body
    return f"{'an estimated' if qualifier == 'estimated' else qualifier} {body}"


def _grouped(value: Decimal) -> str:
    return format(value, ",f")


def _scaled(value: Decimal) -> str:
    """ "6.6 million" when exact to 3 decimals in millions/billions/trillions, else "11,000"."""
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if scale <= abs(value) and (abs(value) < scale * 1000 or scale == 10**12):
            short = value / scale
            if short == short.quantize(Decimal("0.001")):
                return f"{_grouped(short.normalize())} {word}"
    return _grouped(value)


def _ordinal_suffix(number: int) -> str:
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
