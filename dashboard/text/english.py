"""Read quantities and dates in English news text, in every common style (DESIGN §3).

Wire copy ("7.8 bln dollars", "23 pct"), financial ("$1.5tn", "€ 300m", "USD 5bn", "50p"), energy
("1.2m b/d", "9.8 bcm/yr", "4.5 tcf"), British ("40 per cent", "5pc", "£412m"), spelled quantities
("half a million", "a quarter of a million", "a dozen", "a couple of thousand"), proportions ("a third",
"two-thirds", "one in five", "3 out of 4"), multipliers ("tripled", "twice", "nine-fold"), ranges
("between 2 and 3 million", "20-25%", "from $2.4tn to $3tn"), ordinals ("80th", "third-largest",
"fifth consecutive"), measures glued or spaced ("165km", "3.2GW", "1.5C", "9,500t"), and every hedge
(hedges.py), on either side ("more than 3,000", "40,000 or more", "40-odd").

Numbers that are not quantities are never mentions: parts of names and models (T-72, Nikkei 225,
Abena-7, COVID-19, 4x100m), labels (block 12, lane 5, Resolution 2231), calibres (155mm shells), times
of day (10:30 a.m., 1215 GMT), scores (won 3-1), footnote markers ([2], superscripts), licences and
link targets. A footnote glued to a number ("67.8%²") does not hide the number. An age ("Boateng, 52,",
"a 24-year-old") is kind `age`, never a count. Where a unit cannot be told ("at 100m": metres or
million) the mention says so (`ambiguous`).

The scan looks only where a mention can start (a digit, a sign, or a word of the lexicon), reads the
number there, then what follows it (scale, unit, noun) and what precedes it (hedge, label); then lists
share a scale or unit written once, ranges become one mention, years in ranges get their period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from dashboard.text.dates import BARE_CONTEXT, MONTHS, needs_context, read_date
from dashboard.text.dates import PATTERN as DATE_PATTERN
from dashboard.text.hedges import AFTER_NUMBER, HEDGE_GROUPS
from dashboard.text.quantity import Mention
from dashboard.text.units import (
    CURRENCY_NAMES,
    CURRENCY_SIGNS,
    CURRENCY_SUBUNITS,
    ISO_CODES,
    MEASURES,
    RATE_WORDS,
    RATES,
    Measure,
    is_person_noun,
)

# ------------------------------------------------------------------------------------------------ lexicon

ONES = {
    w: i
    for i, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen""".split()
    )
}
TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
SCALE_WORDS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
               "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}  # fmt: skip
# Written after digits: always a scale ("bn", "mln"), or a scale only in some company (see _scale_of).
SCALE_ABBREVIATIONS = {"k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6,
                       "mio": 10**6, "b": 10**9, "B": 10**9, "bn": 10**9, "bln": 10**9, "tn": 10**12,
                       "trn": 10**12, "tr": 10**12, "T": 10**12}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
# The denominators of proportions in words ("a third", "two-fifths"), singular and plural.
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                  "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
                  "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}  # fmt: skip
MULTIPLIER_WORDS: dict[str, Fraction] = {
    **dict.fromkeys(("twice", "double", "doubled", "doubles", "doubling"), Fraction(2)),
    **dict.fromkeys(("thrice", "triple", "tripled", "triples", "tripling", "treble", "trebled"), Fraction(3)),
    **dict.fromkeys(("quadruple", "quadrupled", "quadrupling"), Fraction(4)),
    "quintupled": Fraction(5),
    **dict.fromkeys(("halved", "halving"), Fraction(1, 2)),
    # "twofold", "tenfold", "hundredfold"
    **{f"{word}fold": Fraction(value) for word, value in {**ONES, **TENS}.items() if value > 1},
    "hundredfold": Fraction(100),
    "thousandfold": Fraction(1000),
}
# Ordinal words are ranks only in company: a superlative or "consecutive" after them, "anniversary",
# "place", "time", "term"... ("the third-largest exporter", "for the fifth consecutive time").
_RANK_AFTER = re.compile(
    r"(?:-|\s)(?:(?:largest|biggest|highest|lowest|smallest|best|worst|most|least|fastest|slowest|busiest|"
    r"richest|poorest|oldest|youngest|longest|shortest|strongest|weakest|deadliest|costliest|greatest|"
    r"leading|ranked|placed)\b|(?:consecutive|straight|successive|successive|running)\b|(?:anniversary|"
    r"edition|place|term|time|round|century|quarter|half|generation|wave|tranche|phase|season|year in a row)\b)",
    re.IGNORECASE,
)
_FIRST_RANKS = re.compile(
    r"(?:-|\s)(?:consecutive|straight|successive|place|anniversary|largest|biggest|highest|best|busiest)\b",
    re.IGNORECASE,
)
# After "twice" or "three times": a comparison makes a multiplier ("twice as likely", "three times its size",
# "three times more"); otherwise it says how often ("scored twice", "won three times").
_COMPARES = re.compile(
    r"[^\S\n]+(?:as(?![^\S\n]+(?:the|a|an|his|her|their|its|he|she|they|it|we|(?-i:[A-Z])))|the|that|than|more|less|"
    r"fewer|higher|lower|larger|bigger|smaller|greater|faster|its|their|his|her|our|what|a|an|over|above|below|"
    r"(?-i:[a-z]+er))\b",
    re.IGNORECASE,
)
# Before "twice" or "three times", a verb of doing says how often: "scored twice", "has won three times".
_HOW_OFTEN_BEFORE = re.compile(
    r"(?i:\b(?:scored|netted|struck|won|visited|met|voted|tried|failed|lost|happened|occurred|appeared|played|hit|"
    r"fired|called|raised|cut|rejected|vetoed|delayed|postponed|married|divorced|ran|stood|served)\s+\Z)"
)
_RANK_AS_NOUN = re.compile(r"\s+(?:in|with|on|among|of|behind|after|at|and|,|\.)\b|\s*[,.;)]|\s*\Z")

_WORD = re.compile(r"[A-Za-z]+")
_GLUED = re.compile(r"[A-Za-z@_]")
_SPACE = "[ \u00a0\u202f\u2009]"
_GAP = r"(?>[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"
_DIGITS = re.compile(
    r"\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3}(?![\d.,]\d))+(?:\.\d+)?(?![\d,])"
    r"|\d+(?:\.\d+)?"
)
# Before a digit: nothing that makes it part of a word, a code, a path, a version or a model ("T-72", "A320").
_LEAD = re.compile(r"(?<![\w.@/:#\\])(?<!\d,)(?<![A-Za-z]-)(?<![\w]x)")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# After the digits: more digits of a date or a version ("13.13.2025", "2.4.1"), an address, a file name.
_NOT_A_NUMBER_AFTER = re.compile(r"[.,:/]\d|@|\.(?i:jpe?g|png|gif|webp|svg|pdf|html?|docx?|xlsx?|csv)\b")
_FOOTNOTE = re.compile(rf"[{_SUPERSCRIPTS}]+|\[\d{{1,3}}\]|\[[ivx]{{1,5}}\]")
_CURRENCY_SIGN = re.compile("(?:" + "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True)) + ")")
_ISO = "(?:" + "|".join(sorted(ISO_CODES)) + ")"
_ISO_BEFORE = re.compile(_ISO + rf"{_SPACE}?(?=\d)")
_SCALE_WORD = re.compile(r"(?:-|" + _GAP + r")?(thousand|million|billion|trillion|lakhs?|crores?)\b", re.IGNORECASE)
_SCALE_ABBR = re.compile(r"(?:" + _SPACE + r"?)(mln|mil|mio|mn|bln|bn|trn|tn|tr|[kKmMbBT])(?![\w'’@]|\.\d)")
_PERCENT = re.compile(
    r"(?:" + _SPACE + r"?%|" + _GAP + r"(?:per" + _GAP + r"?cent|percent|pct)\b|pc\b|" + _SPACE + "pc\b)",
    re.IGNORECASE,
)
_POINTS = re.compile(
    r"(?:" + _GAP + r"|-)?(percentage" + _GAP + r"points?|basis" + _GAP + r"points?|pp|ppts?|bps|bp)\b", re.IGNORECASE
)
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)(?![\w@]|[.,:]\d)")
_DURATION = re.compile(
    r"(?P<sep>-|" + _GAP + r")(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)(?!\w)"
    r"(?P<old>-old|" + _SPACE + r"old\b)?",
    re.IGNORECASE,
)
_CURRENCY_NAME = re.compile(
    _GAP
    + "(?P<name>"
    + "|".join(re.escape(n).replace(r"\ ", _GAP) + "(?:s|es)?" for n in sorted(CURRENCY_NAMES, key=len, reverse=True))
    + ")(?!\\w)",
    re.IGNORECASE,
)
_CURRENCY_CODE_AFTER = re.compile(_GAP + "(?P<code>" + _ISO + r")(?![\w$])")
_SUBUNIT = re.compile(r"(?:" + _GAP + r"(?P<word>cents?|pence|penny|kopecks?|kopeks?|centavos?|céntimos?|paise)"
                      r"|(?P<p>p))(?![\w'’])")  # fmt: skip
_MULTIPLIER_AFTER = re.compile(r"(?:" + _GAP + r"times\b|-?fold\b)", re.IGNORECASE)
_MEASURE_NAMES = sorted((k for k in MEASURES if len(k) > 1 or k in "mtgCFl"), key=len, reverse=True)
_MEASURE = re.compile(
    r"(?P<gap>"
    + _SPACE
    + r"?|-)(?P<unit>"
    + "|".join(re.escape(k).replace(r"\ ", _GAP) for k in _MEASURE_NAMES)
    + r")(?P<sup>[²³](?![¹²³⁴⁵⁶⁷⁸⁹⁰]))?(?![^\W¹²³⁴⁵⁶⁷⁸⁹⁰]|['’@]|/[A-Za-z]|\.\d)"
)
_RATE = re.compile(
    r"(?:" + _SPACE + r"?/" + _SPACE + r"?(?P<slash>d|day|yr|y|year|mo|month|wk|week|h|hr|hour)\b"
    r"|" + _GAP + r"(?:a|an|per|each|every)" + _GAP + r"(?P<per>day|year|month|week|hour)\b"
    r"|" + _GAP + r"(?P<adverb>daily|annually|monthly|weekly|a year|per annum))",
    re.IGNORECASE,
)
_HEDGE_BEFORE = re.compile(
    r"(?<![\w-])(?i:("
    + "|".join(
        re.escape(h).replace(r"\ ", _GAP)
        for h in sorted((h for h in HEDGE_GROUPS if h not in AFTER_NUMBER), key=len, reverse=True)
    )
    + r"))[^\S\n]*\n?[^\S\n]*(?:(?<=\s)|(?<=\())\Z"
)
_HEDGE_AFTER = re.compile(
    r"(?:" + _GAP + r"(?P<word>or" + _GAP + r"(?:so|more|less|fewer)|plus)\b|(?P<glued>-plus\b|\+|-odd\b))",
    re.IGNORECASE,
)
_PREPOSITION_HEDGES = frozenset({"over", "under", "above", "below", "top", "tops", "topped", "topping", "beyond"})
# Before "over/under/above/below N", a verb or a preposition makes them hedges ("rose to over", "at under");
# a noun makes them a threshold or a distance ("those under 35", "races over 100m", "each degree above 35C").
_LICENSES_HEDGE = frozenset(
    """to at of by for with from in on is was are were be been being stood stands stand remains remained
    remain stay stays stayed staying reach reached reaches reaching hit hits totalled totaled total
    totals cost costs costing worth valued paid pays pay earned earn earns spent spend spends raised
    raise raises rose rise rises rising fell fall falls falling climbed climb climbs jumped jump jumps
    grew grow grows dropped drop drops slipped slip dipped dip surged surge soared soar slid slide sank
    sink plunged plunge edged edge crept ran run runs running kept keep keeps held hold holds sits sat
    sit trades traded trading priced estimated projected forecast expected seen put set capped limited
    now just still well some roughly nearly and or but while than had has have having employs employ
    employed numbered number numbers counted count counts recorded recording recorded logged attracted
    drew draws drawing""".split()
)
_CODE_ABBREVIATIONS = frozenset("no. nos. art. arts. sec. para. ch. vol. fig. p. pp. rm. apt. ste.".split())
_CODE_NOUNS = frozenset(
    """block lane route highway motorway road gate platform article articles section sections chapter
    clause resolution room flight bus line lot unit ward district zone level grade phase stage tier
    category number no no. item row seat terminal pier berth page paragraph version model series
    generation channel track code box apartment suite floor precinct region province squad jersey shirt
    pick round""".split()
)
_NOT_LABELS = frozenset(
    """The A An Some About Around Nearly Almost Over Under Up Only Just More Less Fewer At By In On Of For
    From To With Since Until And But Or Its Their His Her Our Your My This That These Those Last Next
    Each Every Another All Both Roughly Approximately Exactly Between Than Estimated Circa Top When
    While After Before If As Among Including Plus Minus Still Now Today Yesterday Already Then So Yet
    Also Even Many Most Several Well Another Nearly Perhaps Maybe Some Another Around Up Upwards North
    South Close Barely Fully Almost I We They He She It You Only Of Per Another Both Total Totals
    Another Some Just Over Under Above Below Beyond No Not Nor Whereas During Through Within Without
    Despite Against Via Versus Vs Mr Mrs Ms Dr Prof Sir""".split()
)
_WEAPON = re.compile(
    r"[^\S\n]*(?:[\w-]+\s){0,2}?(?:howitzers?|shells?|rounds?|artillery|guns?|cannons?|calibre|caliber|ammunition|"
    r"mortars?|rifles?|rockets?|munitions?|projectiles?|bullets?|cartridges?|ammo)\b",
    re.IGNORECASE,
)
_TIME_OF_DAY = re.compile(
    r"\d{1,2}:\d{2}(?:" + _SPACE + r"?(?:[ap]\.?m\.?|GMT|BST|UTC|CET|CEST|EST|EDT|ET|PT|PST|local time)(?!\w))?"
    r"|\d{1,2}\.\d{2}" + _SPACE + r"?(?:[ap]\.?m\.?|GMT|BST|UTC|local time)(?!\w)"
    r"|\d{3,4}" + _SPACE + r"?(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PST|hrs|hours GMT)\b"
    r"|\d{1,2}" + _SPACE + r"?[ap]\.?m\.?(?!\w)",
)
_SPORT_DISTANCE = re.compile(
    r"[^\S\n]*(?:-|[^\S\n])?(?:(?:men's|women's|[a-z]+)\s)?(?:race|races|final|finals|heat|heats|hurdles|"
    r"freestyle|backstroke|breaststroke|butterfly|medley|sprint|dash|relay|run|title|record|event|events|gold|"
    r"silver|bronze|champion|specialist|world record|steeplechase|swim|walk)\b",
    re.IGNORECASE,
)
_SCORE_CONTEXT = re.compile(
    r"(?i:\b(?:won|win|wins|beat|beats|beaten|lost|lose|loses|drew|draw|victory|defeat|thrashed|edged|"
    r"scoreline|score|led|lead|leading|trailed|trailing|triumph|rout)\b)"
)
_SKIP = re.compile(
    r"https?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+|(?<=\])\([^)\n]*\)|\[\d{1,3}\]"
    r"|\bCC"
    + _SPACE
    + r"BY(?:-(?:SA|NC|ND))*(?:"
    + _SPACE
    + r"\d+(?:\.\d+)?)?|\bCC0(?:"
    + _SPACE
    + r"\d+(?:\.\d+)?)?|(?<![\w/])/[\w.%-]+(?:/[\w.%-]+)+|"
    + _TIME_OF_DAY.pattern
)
_DECADE = re.compile(
    r"(?:(?P<dpart>(?i:early|mid|late))(?:-|" + _SPACE + r"+))?(?<![\w.@/:#\\$])"
    r"(?:(?P<dec>(?:1\d|20)\d0)['’]?s|['’](?P<dec2>\d0)s)(?!\w)"
)
# "the 19th century", "the twenty-first century": a span of a hundred years, as a decade is of ten
_CENTURY = re.compile(
    r"(?i)(?:(?P<cpart>early|mid|late)(?:-|" + _SPACE + r"+))?(?<![\w.@/:#\\$])"
    r"(?:(?P<cnum>\d{1,2})(?:st|nd|rd|th)|(?P<cword>(?:twenty[- ])?[a-z]+))(?:-|" + _SPACE + r"+)century(?!\w)"
)
_DATE = re.compile(DATE_PATTERN)
_YEARISH = re.compile(r"(?:1[89]|20)\d\d")
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (7, 9)}


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


_LEXICON = [*ONES, *TENS, *SCALE_WORDS, *ORDINAL_WORDS, *FRACTION_WORDS, *MULTIPLIER_WORDS, "a", "an", "half",
            "last", "next", "this", "early", "mid", "late", "dozen", "couple"]  # fmt: skip
_TRIGGER_WORDS = sorted(
    {
        *_LEXICON,
        *(w.capitalize() for w in _LEXICON),
        *ISO_CODES,
        *(s for s in CURRENCY_SIGNS if s[0].isalpha()),
        *(m.title() for m in MONTHS),
        *"Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec http https www. CC Q H FY".split(),
    }
)
_SIGN_CHARS = "".join(sorted({s[0] for s in CURRENCY_SIGNS if not s[0].isalpha()}))
_TRIGGER = re.compile(
    r"(?:^|(?<=[^\w]))(?=[\d" + re.escape(_SIGN_CHARS) + r"'’\[(/−\-]|" + _trie(_TRIGGER_WORDS) + r"(?![a-z]))",
    re.MULTILINE,
)

# -------------------------------------------------------------------------------------------------- tokens


@dataclass
class _Tok:
    """A mention under construction (mutable while lists, ranges and hedges are resolved)."""

    start: int
    end: int
    numeral: str
    kind: str = "count"
    base: Fraction | None = None
    scale: int | None = None
    scale_written: str | None = None
    currencies: tuple[str, ...] = ()
    suffix_currency: bool = False
    measure: Measure | None = None
    unit_text: str | None = None
    time_unit: str | None = None
    noun: str | None = None
    rate: str | None = None
    qualifier: str | None = None
    optional_hedge: bool = False
    fraction: tuple[int, int] | None = None
    date: object = None
    period: str | None = None
    ambiguous: str | None = None
    received: bool = False
    high: _Tok | None = None
    digits: bool = False
    number_end: int = 0
    """Where the number (with its scale) ends, before any unit or noun."""

    def value(self) -> Fraction | None:
        if self.base is None:
            return None
        return self.base * (self.scale or 1)


def read_mentions(text: str) -> list[Mention]:
    """All quantity and date mentions of an English `text`, sorted by start and non-overlapping."""
    toks: list[_Tok] = []
    end = 0
    for match in _TRIGGER.finditer(text):
        pos = match.start()
        if pos < end:
            continue
        found = _read_at(text, pos)
        if found is None:
            continue
        tok, end = found
        if tok is not None:
            toks.append(tok)
    _scores(toks, text)
    _share_units(toks, text)
    toks = _ranges(toks, text)
    _year_periods(toks, text)
    mentions = [_mention(tok, text) for tok in toks]
    return _restatements(mentions, text)


def _restatements(mentions: list[Mention], text: str) -> list[Mention]:
    """A figure restated in brackets right after another shares its hedge: "an estimated 4.5 tcf (127bn m³)",
    "about 60 pct ($4bn)"."""
    for i in range(1, len(mentions)):
        first, again = mentions[i - 1], mentions[i]
        if (
            first.qualifier
            and not again.qualifier
            and re.fullmatch(r"[^\S\n]*\([^\S\n]*", text[first.end : again.start])
        ):
            mentions[i] = replace(again, qualifier=first.qualifier)
    return mentions


def _read_at(text: str, pos: int) -> tuple[_Tok | None, int] | None:
    """(the mention starting at pos or None for something skipped, where reading may go on); None: nothing."""
    skip = _SKIP.match(text, pos)
    if skip and _LEAD.match(text, pos):
        return None, skip.end()
    decade = _DECADE.match(text, pos)
    if decade:
        return _decade(decade, text), decade.end()
    century = _CENTURY.match(text, pos)
    if century and (tok := _century(century)) is not None:
        return tok, century.end()
    date = _DATE.match(text, pos)
    if date and date.end() > pos:
        tok = _date(date, text)
        if tok is not None:
            return tok, date.end()
    tok = _quantity(text, pos)
    if tok is None:
        return None
    return tok, tok.end


def _decade(match: re.Match[str], text: str) -> _Tok:
    tok = _Tok(match.start(), match.end(), text[match.start("dec") if match["dec"] else match.start("dec2") - 1 :
                                               match.end()], kind="decade")  # fmt: skip
    year = int(match["dec"]) if match["dec"] else 1900 + int(match["dec2"])
    if not match["dec"] and year < 1930:
        year += 100
    tok.base = Fraction(year)
    low, high = _DECADE_PARTS[match["dpart"] and match["dpart"].lower()]
    tok.period = f"{year + low}/{year + high}"
    return tok


def _century(match: re.Match[str]) -> _Tok | None:
    if match["cnum"]:
        number = int(match["cnum"])
    else:
        words = re.split(r"[- ]", match["cword"].lower())
        number = sum(ORDINAL_WORDS.get(w, 20 if w == "twenty" else 0) for w in words)
        if not all(w in ORDINAL_WORDS or w == "twenty" for w in words) or words[-1] == "twenty":
            return None
    if not 1 <= number <= 21:
        return None
    tok = _Tok(match.start(), match.end(), match.group(), kind="decade")
    first = (number - 1) * 100
    tok.base = Fraction(first)
    low, high = {None: (0, 99), "early": (0, 33), "mid": (33, 66), "late": (66, 99)}[
        match["cpart"] and match["cpart"].lower()
    ]
    tok.period = f"{first + low}/{first + high}"
    return tok


def _date(match: re.Match[str], text: str) -> _Tok | None:
    written = match.group()
    date = read_date(written)
    start = match.start()
    if date is None or (needs_context(written) and not BARE_CONTEXT.search(text, max(0, start - 30), start)):
        return None
    tok = _Tok(start, match.end(), written, kind="date")
    tok.date = date
    return tok


# ------------------------------------------------------------------------------------------- the number


def _quantity(text: str, pos: int) -> _Tok | None:
    currencies: tuple[str, ...] = ()
    at = pos
    sign = _CURRENCY_SIGN.match(text, at)
    if sign and _sign_applies(text, sign):
        currencies, at = CURRENCY_SIGNS[sign.group()], sign.end()
        at += 1 if text[at : at + 1] in (" ", "\u00a0") and text[at + 1 : at + 2].isdigit() else 0
    else:
        code = _ISO_BEFORE.match(text, at)
        if code and (at == 0 or not text[at - 1].isalnum()):
            currencies, at = (code.group().strip(),), code.end()
    negative = False
    if text[at : at + 1] in ("-", "−") and text[at + 1 : at + 2].isdigit() and _negative_allowed(text, at):
        negative, at = True, at + 1
    number = _number(text, at, after_currency=bool(currencies))
    if number is None:
        return None
    tok = number
    tok.start = pos if currencies else (at - 1 if negative else at)
    if negative and tok.base is not None:
        tok.base = -tok.base
    tok.currencies = currencies
    if tok.digits and not currencies and _is_label(text, tok.start):
        return _skipped(tok)
    if (
        tok.kind in ("ordinal", "multiplier", "percent")
        and tok.fraction is None
        and not tok.digits
        or (tok.noun == "times")
    ):
        return tok
    _tail(text, tok)
    if tok.kind == "skip" or (tok.kind == "count" and tok.end == tok.number_end and _GLUED.match(text, tok.end)):
        return _skipped(tok)
    _hedge_after(text, tok)
    return tok


def _skipped(tok: _Tok) -> _Tok | None:
    """A number that is not a quantity: no mention, and reading goes on after it."""
    return None


def _sign_applies(text: str, sign: re.Match[str]) -> bool:
    """A sign is a currency only right before a number ("$5", "€ 300m", "Rs 500"), and a letter sign only
    as a word of its own ("R5bn", not the R of "FR5")."""
    written, end = sign.group(), sign.end()
    if written[0].isalpha() and sign.start() > 0 and text[sign.start() - 1].isalnum():
        return False
    follow = text[end : end + 2]
    if follow[:1].isdigit() or follow[:1] in "-−" and follow[1:2].isdigit():
        return True
    return (
        follow[:1] in (" ", "\u00a0")
        and follow[1:2].isdigit()
        and not written.isalpha()
        or (written in ("Rs", "Rs.", "Bs", "Bs.", "kr", "Fr", "RMB") and follow[:1] == " " and follow[1:2].isdigit())
    )


def _negative_allowed(text: str, at: int) -> bool:
    before = text[max(0, at - 1) : at]
    return not before or not (before.isalnum() or before in ".,%)]")


def _number(text: str, at: int, *, after_currency: bool) -> _Tok | None:
    """The number at `at`, in digits or words, with its scale; kind set for ordinals, proportions and
    multipliers written in words."""
    if at < len(text) and text[at].isdigit():
        if not after_currency and not _LEAD.match(text, at):
            return None
        digits = _DIGITS.match(text, at)
        if digits is None or _NOT_A_NUMBER_AFTER.match(text, digits.end()):
            return None
        if text[at - 1 : at] == "[" and text[digits.end() : digits.end() + 1] == "]":
            return None  # a footnote marker
        written = digits.group()
        tok = _Tok(at, digits.end(), written, base=Fraction(re.sub(r"[,\u00a0\u202f\u2009 ]", "", written)))
        tok.digits = True
        footnote = _FOOTNOTE.match(text, tok.end)
        tok.end = tok.number_end = footnote.end() if footnote and footnote.group()[0] in _SUPERSCRIPTS else tok.end
        _read_scale(text, tok, after_currency=after_currency)
        if not tok.scale and not after_currency:
            return _digit_proportion(text, tok) or tok
        return tok
    if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-" and at > 1 and text[at - 2].isalpha()):
        return None
    return _words(text, at)


_IN_EVERY = re.compile(r"[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+(?:every[^\S\n]+)?(?:(\d{1,4})(?![\d.,%])|([a-z]+)\b)")


def _digit_proportion(text: str, tok: _Tok) -> _Tok | None:
    """ "3 out of 4", "1 in 5", "9 out of ten": a proportion, as its percent."""
    found = _IN_EVERY.match(text, tok.end)
    if found is None or tok.base is None or tok.base != int(tok.base):
        return None
    denominator = int(found[1]) if found[1] else ONES.get(found[2]) or TENS.get(found[2] or "")
    if not denominator or tok.base > denominator or tok.base == 0 or denominator > 1000:
        return None  # "3 in 2019" is a count and a year
    tok.end = tok.number_end = found.end()
    tok.numeral = text[tok.start : tok.end]
    tok.base, tok.kind = tok.base * 100 / denominator, "percent"
    tok.fraction = (int(tok.numeral.split()[0]), denominator)
    return tok


def _read_scale(text: str, tok: _Tok, *, after_currency: bool) -> None:
    """A scale word or abbreviation after the digits ("1.5 million", "$17bn", "2.4m tonnes", "40k")."""
    word = _SCALE_WORD.match(text, tok.end)
    if word:
        tok.scale, tok.scale_written = SCALE_WORDS[word[1].lower()], word[1]
        tok.end = tok.number_end = word.end()
        return
    abbreviation = _SCALE_ABBR.match(text, tok.end)
    if abbreviation is None:
        return
    written = abbreviation[1]
    if written in ("b", "B", "T", "tr") and not after_currency and not _currency_follows(text, abbreviation.end()):
        return
    if written in ("m", "M") and not after_currency and not _currency_follows(text, abbreviation.end()):
        reading = _m_reading(text, tok, abbreviation)
        if reading == "metres":
            return  # read as a measure by _tail
        if reading == "ambiguous":
            tok.ambiguous = "metres or million"
    tok.scale, tok.scale_written = SCALE_ABBREVIATIONS[written], written
    tok.end = tok.number_end = abbreviation.end()


def _currency_follows(text: str, end: int) -> bool:
    return bool(_CURRENCY_NAME.match(text, end) or _CURRENCY_CODE_AFTER.match(text, end))


_UNIT_OR_NOUN = re.compile(r"(?:" + _SPACE + r"?[/]|" + _GAP + r"(?:[a-z][a-z'’-]*|[A-Z]{2,}\b))")


def _m_reading(text: str, tok: _Tok, abbreviation: re.Match[str]) -> str:
    """Whether "m" after a number is metres, million, or cannot be told: a race or a distance is metres
    ("the 100m final", "400m hurdles"), a unit or a noun after it is a million ("2.4m tonnes", "1.2m b/d",
    "3m people"), a glued "m" before nothing else is either."""
    after = abbreviation.end()
    if _SPORT_DISTANCE.match(text, after) or text[after : after + 1] == "-" and _SPORT_DISTANCE.match(text, after + 1):
        return "metres"
    if _DISTANCE_BEFORE.search(text, max(0, tok.start - 30), tok.start):
        return "metres"
    if abbreviation.group().startswith((" ", "\u00a0")):
        return "million"
    if _MEASURE.match(text, after) or _RATE.match(text, after):
        return "million"
    noun = _UNIT_OR_NOUN.match(text, after)
    if noun and noun.group().strip() not in _NOUN_STOPS:
        return "million"
    return "ambiguous"


_DISTANCE_BEFORE = re.compile(
    r"(?i:\b(?:races?|sprints?|runs?|swims?|events?|distances?|dash|heats?|hurdles)\s+(?:over|of|at)\s+\Z)"
)
_NOUN_STOPS = frozenset(
    """of in on at to from by with for since per over under across between into through during after before
    about against among than as via within without around and or but nor that which who whom whose while
    when where the a an its their his her our your my this these those is are was were be been being has
    have had will would can could may might must shall should do does did said says say ahead behind
    away up down off out apart back""".split()
)


def _words(text: str, at: int) -> _Tok | None:
    """A number written in words at `at`: a cardinal with its scale ("one hundred and twenty", "eight
    million", "half a million", "a quarter of a million", "two dozen", "a couple of thousand"), a
    proportion ("a third", "two-thirds", "one in five", "seven in ten"), a multiplier ("tripled",
    "twice", "nine-fold") or a rank ("third-largest", "fifth consecutive")."""
    words = _word_run(text, at)
    if not words:
        return None
    first = words[0][0].lower()
    if first in MULTIPLIER_WORDS:
        return _multiplier_word(text, words)
    if first in ORDINAL_WORDS or (first in TENS and len(words) > 1 and words[1][0].lower() in ORDINAL_WORDS
                                  and text[words[0][2] : words[1][1]] in ("-", " ")):  # fmt: skip
        rank = _rank(text, words)
        if rank is not None or first not in FRACTION_WORDS:
            return rank
    proportion = _proportion(text, words)
    if proportion is not None:
        return proportion
    return _cardinal(text, words)


def _word_run(text: str, at: int, limit: int = 9) -> list[tuple[str, int, int]]:
    """Up to `limit` words from `at` joined by a space, a hyphen or a line break: (word, start, end)."""
    found: list[tuple[str, int, int]] = []
    pos = at
    while len(found) < limit:
        word = _WORD.match(text, pos)
        if word is None:
            break
        found.append((word.group(), word.start(), word.end()))
        gap = re.match(r"(?:-|[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)", text[word.end() : word.end() + 8])
        if gap is None:
            break
        pos = word.end() + gap.end()
    return found


def _cardinal_value(words: list[tuple[str, int, int]], i: int) -> tuple[Fraction, int] | None:
    """A cardinal in words from words[i]: (value, index past it), "one hundred and five thousand"."""
    total = Fraction(0)
    current: Fraction | None = None
    j = i
    while j < len(words):
        word = words[j][0].lower()
        if word in ONES or word in TENS:
            if current is not None and current % 100 != 0 and not (current % 10 == 0 and word in ONES
                                                                      and current % 100 >= 20):  # fmt: skip
                break
            current = (current or Fraction(0)) + (ONES.get(word) or TENS.get(word, 0))
        elif word == "hundred" and current is not None and current < 100:
            current *= 100
        elif word in SCALE_WORDS and word != "hundred" and current is not None:
            total += current * SCALE_WORDS[word]
            current = None
        elif (
            word == "and"
            and current is not None
            and j + 1 < len(words)
            and (words[j + 1][0].lower() in ONES or words[j + 1][0].lower() in TENS)
            and (current >= 100 or total)
        ):
            pass
        else:
            break
        j += 1
    if j == i:
        return None
    if words[j - 1][0].lower() == "and":
        j -= 1
    return total + (current or 0), j


def _cardinal(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    first = words[0][0].lower()
    if first in ("a", "an"):
        return _article_number(text, words)
    if first == "half" and len(words) > 2 and words[1][0].lower() == "a" and words[2][0].lower() in SCALE_WORDS:
        return _word_tok(text, words, 0, 3, Fraction(1, 2), SCALE_WORDS[words[2][0].lower()])
    if first == "couple":
        return None
    found = _cardinal_value(words, 0)
    if found is None:
        return None
    value, j = found
    # "two dozen", "two and a half million", "three-quarters of a million" (handled as proportion of a scale)
    if j < len(words) and words[j][0].lower() == "dozen":
        return _word_tok(text, words, 0, j + 1, value * 12, None)
    if (
        j + 3 < len(words)
        and [w[0].lower() for w in words[j : j + 3]] == ["and", "a", "half"]
        and (words[j + 3][0].lower() in SCALE_WORDS)
    ):
        return _word_tok(text, words, 0, j + 4, value + Fraction(1, 2), SCALE_WORDS[words[j + 3][0].lower()])
    scale: int | None = None
    last = words[j - 1][0].lower()
    if last in SCALE_WORDS and last != "hundred" and j > 1:
        scale = SCALE_WORDS[last]
        value = value / scale
        numeral_end = words[j - 2][2]
    else:
        numeral_end = words[j - 1][2]
    tok = _word_tok(text, words, 0, j, value, scale, numeral_end=numeral_end)
    if first == "one" and j == 1 and not _one_is_figure(text, tok):
        return None
    return tok


def _one_is_figure(text: str, tok: _Tok) -> bool:
    """ "one" alone is a figure only with a unit, a scale or a time unit ("one million", "one year"),
    never in "one of the first", "no one", "one day"."""
    rest = text[tok.end : tok.end + 24]
    return bool(re.match(r"(?:-|\s)(?:years?|months?|weeks?|decades?)\b|\s?%|\s(?:per ?cent|percent)", rest))


def _word_tok(
    text: str, words: list[tuple[str, int, int]], i: int, j: int, value: Fraction, scale: int | None,
    *, numeral_end: int | None = None,
) -> _Tok:  # fmt: skip
    start, end = words[i][1], words[j - 1][2]
    tok = _Tok(start, end, text[start : numeral_end or end], base=value, scale=scale)
    tok.number_end = end
    return tok


def _article_number(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """ "a hundred", "a million", "a dozen", "a couple of (thousand)", "a quarter of a million", "a third",
    "an estimated" (no number), "a year" (a duration only after a hedge)."""
    lowered = [w[0].lower() for w in words]
    if len(lowered) < 2:
        return None
    second = lowered[1]
    if second in SCALE_WORDS:
        tok = _word_tok(text, words, 0, 2, Fraction(1), SCALE_WORDS[second] if second != "hundred" else None)
        if second == "hundred":
            tok.base = Fraction(100)
        return tok
    if second == "dozen":
        return _word_tok(text, words, 0, 2, Fraction(12), None)
    if second == "couple" and len(lowered) > 2 and lowered[2] == "of":
        tok = _word_tok(text, words, 0, 2, Fraction(2), None)
        if len(lowered) > 3 and lowered[3] in SCALE_WORDS:
            tok = _word_tok(text, words, 0, 4, Fraction(2), SCALE_WORDS[lowered[3]])
        tok.optional_hedge = True
        return tok
    if second in FRACTION_WORDS or second in ("half",):
        return _proportion(text, words)
    if second in ("year", "month", "week", "day", "decade", "hour") and _hedged(text, words[0][1]):
        tok = _word_tok(text, words, 0, 2, Fraction(1), None, numeral_end=words[0][2])
        tok.kind, tok.time_unit = "duration", second + "s"
        return tok
    return None


def _proportion(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """A proportion in words, as its percent equivalent: "half", "a third", "two-thirds", "three-quarters",
    "one in five", "seven in ten", "nine out of ten"; "half a million" and "a quarter of a million" are
    quantities of that scale instead; "the first half", "the second quarter" are parts of a year."""
    lowered = [w[0].lower() for w in words]
    numerator, i = Fraction(1), 0
    if lowered[0] in ("a", "an", "one"):
        i = 1
    elif lowered[0] in ONES or lowered[0] in TENS:
        found = _cardinal_value(words, 0)
        if found is None:
            return None
        numerator, i = found
    if i < len(lowered) and lowered[i] in ("in", "out") and lowered[0] not in ("a", "an"):
        return _one_in(text, words, numerator, i)
    if i >= len(lowered) or lowered[i] not in FRACTION_WORDS:
        return None
    word = lowered[i]
    if word.endswith("s") and word != "halves" and numerator == 1 and lowered[0] in ("a", "an", "one"):
        return None  # "a thirds" is no English
    if lowered[0] not in ("a", "an", "one", "half") and i == 0 and word != "half":
        return None  # a bare "third" is an ordinal, read elsewhere
    denominator = FRACTION_WORDS[word]
    if _is_part_of_year(text, words, i):
        return None
    after = i + 1
    # "half a million", "a quarter of a million", "three-quarters of a billion"
    if (
        after + 2 < len(lowered)
        and lowered[after] == "of"
        and lowered[after + 1] in ("a", "an")
        and (lowered[after + 2] in SCALE_WORDS)
    ):
        return _word_tok(text, words, 0, after + 3, numerator / denominator, SCALE_WORDS[lowered[after + 2]])
    if (
        word == "half"
        and i == 0
        and after < len(lowered)
        and lowered[after] in ("a", "an")
        and (after + 1 < len(lowered) and lowered[after + 1] in SCALE_WORDS)
    ):
        return _word_tok(text, words, 0, after + 2, Fraction(1, 2), SCALE_WORDS[lowered[after + 1]])
    if word == "half" and i == 0 and lowered[after : after + 2] == ["a", "dozen"]:  # "half a dozen" is six
        return _word_tok(text, words, 0, after + 2, Fraction(6), None)
    if word == "half" and i == 0 and not _half_is_share(text, words):
        return None
    tok = _word_tok(text, words, 0, after, numerator * 100 / denominator, None)
    tok.kind = "percent"
    tok.fraction = (int(numerator), denominator)
    return tok


def _one_in(text: str, words: list[tuple[str, int, int]], numerator: Fraction, i: int) -> _Tok | None:
    """ "one in five", "seven in ten", "3 out of 4" (words), "one in every three"."""
    lowered = [w[0].lower() for w in words]
    j = i + 1
    if lowered[i] == "out":
        if j >= len(lowered) or lowered[j] != "of":
            return None
        j += 1
    if j < len(lowered) and lowered[j] == "every":
        j += 1
    found = _cardinal_value(words, j) if j < len(words) else None
    if found is None or found[0] == 0:
        return _one_in_digits(text, words, numerator, j)
    denominator, end = found
    if numerator > denominator:
        return None
    tok = _word_tok(text, words, 0, end, numerator * 100 / denominator, None)
    tok.kind, tok.fraction = "percent", (int(numerator), int(denominator))
    return tok


def _one_in_digits(text: str, words: list[tuple[str, int, int]], numerator: Fraction, j: int) -> _Tok | None:
    """ "nine out of 10": the denominator in digits."""
    at = words[j - 1][2]
    digits = re.compile(r"[^\S\n]+(\d{1,4})(?!\d|[.,]\d)").match(text, at)
    if digits is None or int(digits[1]) == 0 or numerator > int(digits[1]):
        return None
    tok = _Tok(words[0][1], digits.end(), text[words[0][1] : digits.end()], base=numerator * 100 / int(digits[1]))
    tok.number_end, tok.kind, tok.fraction = digits.end(), "percent", (int(numerator), int(digits[1]))
    return tok


def _is_part_of_year(text: str, words: list[tuple[str, int, int]], i: int) -> bool:
    """ "the first half of 2027", "the second quarter", "the October-December quarter": a date, not a share."""
    before = text[max(0, words[0][1] - 24) : words[0][1]].lower()
    word = words[i][0].lower()
    if word in ("half", "quarter", "quarters", "halves") and re.search(
        r"(?:first|second|third|fourth|final|last|next|this|same|previous|latest|current|coming|opening|"
        r"[a-z]+-[a-z]+)\s+\Z", before
    ):  # fmt: skip
        return True
    return bool(word in ("half", "quarter") and re.match(r"\s+of\s+(?:the\s+)?(?:year|19\d\d|20\d\d)\b",
                                                          text[words[i][2] : words[i][2] + 20]))  # fmt: skip


def _half_is_share(text: str, words: list[tuple[str, int, int]]) -> bool:
    """ "half of the world's semiconductors", "about half": a share; "half-time", "halfway", "half an hour"
    are not."""
    after = text[words[0][2] : words[0][2] + 14]
    if re.match(r"-(?:time|hour|year|day|century|brother|sister|price|term|life|empty|full|way|hearted|baked)",
                after, re.IGNORECASE):  # fmt: skip
        return False
    return not re.match(r"\s+(?:an?\s+(?:hour|day|year|week|month|century|minute|second|mile|dozen)|past)\b", after)


def _multiplier_word(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    word = words[0][0].lower()
    factor = MULTIPLIER_WORDS[word]
    if word in ("twice", "thrice") and (
        not _COMPARES.match(text, words[0][2]) or _HOW_OFTEN_BEFORE.search(text, max(0, words[0][1] - 16), words[0][1])
    ):
        tok = _word_tok(text, words, 0, 1, Fraction(factor), None)
        tok.noun = "times"  # how often: "scored twice", "visited twice"
        return tok
    if word in ("double", "triple", "treble", "quadruple") and re.match(
        r"[\s-]+(?:digits?|-?digit|room|rooms|bed|beds|decker|check|dip|whammy|bind|standard|agent|crown|"
        r"jump|figures?|taxation|the\s+amount)\b", text[words[0][2] : words[0][2] + 20], re.IGNORECASE
    ):  # fmt: skip
        return None
    tok = _word_tok(text, words, 0, 1, Fraction(factor), None)
    tok.kind = "multiplier"
    return tok


def _rank(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """An ordinal word that ranks: "third-largest", "second consecutive", "the 5th time", "came third"."""
    first = words[0][0].lower()
    value, j = ORDINAL_WORDS.get(first), 1
    if value is None:  # "twenty-first"
        value, j = TENS[first] + ORDINAL_WORDS[words[1][0].lower()], 2
    end = words[j - 1][2]
    is_rank = _RANK_AFTER.match(text, end) or (
        _RANK_AS_NOUN.match(text, end)
        and re.search(
            r"(?:came|finished|placed|ranked|ranks|sit|sits|is|was|lies|lie|stand|stands|in|to)\s+\Z",
            text[max(0, words[0][1] - 16) : words[0][1]],
        )  # fmt: skip
    )
    if first == "first" and not _FIRST_RANKS.match(text, end):
        return None  # "the first time", "first oil", "at first": no figure
    if not is_rank and not re.search(r"(?:\b(?:its|their|his|her|the|our|a)|['’]s)\s+\Z",
                                     text[max(0, words[0][1] - 16) : words[0][1]]):  # fmt: skip
        return None
    if not is_rank and not re.match(r"\s+(?:in|of|among|for)\b|\s*[,;]|\s+(?:[a-z]+\s+)?(?:time|term|title)\b",
                                    text[end : end + 24]):  # fmt: skip
        return None
    tok = _word_tok(text, words, 0, j, Fraction(value), None)
    tok.kind = "ordinal"
    return tok


def _hedged(text: str, start: int) -> bool:
    return _HEDGE_BEFORE.search(text, max(0, start - 40), start) is not None


# -------------------------------------------------------------------------------------- what follows


def _tail(text: str, tok: _Tok) -> None:
    """What the number is of: percent, points, ordinal suffix, a time unit, a currency written after,
    a multiplier, a measure (with its rate), or else a count with the words that follow (its noun)."""
    end = tok.end
    if tok.kind == "percent":  # a proportion in words: nothing to add
        return
    if tok.digits and not tok.scale:
        ordinal = _ORDINAL_SUFFIX.match(text, end)
        if ordinal:
            tok.kind, tok.end = "ordinal", ordinal.end()
            return
        if _calibre(text, tok):
            tok.kind = "skip"
            return
    points = _POINTS.match(text, end)
    if points and not tok.currencies:
        tok.unit_text = _points_key(points[1])
        tok.kind, tok.measure, tok.end = "measure", MEASURES[tok.unit_text], points.end()
        return
    percent = _PERCENT.match(text, end)
    if percent and not tok.currencies:
        tok.kind, tok.end = "percent", percent.end()
        return
    duration = _DURATION.match(text, end)
    if duration and not tok.currencies and not tok.scale:
        unit = duration["unit"].lower()
        tok.time_unit = unit if unit.endswith("s") else unit + "s"
        tok.kind, tok.end = ("age" if duration["old"] else "duration"), duration.end("unit")
        if duration["old"]:
            tok.end = duration.end()
        return
    if _currency_after(text, tok):
        _rate(text, tok)
        return
    multiplier = _MULTIPLIER_AFTER.match(text, end)
    if multiplier and not tok.currencies and not tok.scale:
        if multiplier.group().strip().lower() == "times" and not _COMPARES.match(text, multiplier.end()):
            tok.end, tok.noun = multiplier.end(), "times"  # "won three times": how often, a count
            return
        tok.kind, tok.end = "multiplier", multiplier.end()
        return
    if tok.currencies:
        tok.kind = "currency"
        _rate(text, tok)
        return
    measure = _MEASURE.match(text, end)
    if measure and _measure_applies(text, tok, measure):
        unit = " ".join(measure["unit"].split()) + (measure["sup"] or "")
        key = unit if unit in MEASURES else " ".join(measure["unit"].split())
        tok.kind, tok.measure, tok.end, tok.unit_text = "measure", MEASURES[key], measure.end(), key
        _rate(text, tok)
        return
    if tok.ambiguous and tok.scale_written in ("m", "M"):
        tok.kind = "count"
        return
    _rate(text, tok)
    _hedge_after(text, tok)
    hedge = _HEDGE_AFTER.match(text, tok.end) if tok.qualifier else None
    tok.noun = _noun_words(text, hedge.end() if hedge else tok.end)
    _age(text, tok)


def _points_key(written: str) -> str:
    low = " ".join(written.lower().split())
    if low.startswith("percentage"):
        return "percentage points"
    if low.startswith("basis"):
        return "basis points"
    return low


def _calibre(text: str, tok: _Tok) -> bool:
    """ "155mm artillery rounds", "a 7.62mm rifle": a calibre names a weapon, it is no quantity."""
    unit = re.compile(r"(?:" + _SPACE + r"?|-)(?:mm|millimetre|millimeter)\b").match(text, tok.end)
    return bool(unit and _WEAPON.match(text, unit.end()))


def _currency_after(text: str, tok: _Tok) -> bool:
    """A currency named after the number: "5bn dollars", "300m euros", "17 billion USD", "75 cents", "50p"."""
    name = _CURRENCY_NAME.match(text, tok.end)
    if name and not tok.currencies:
        written = " ".join(name["name"].lower().split())
        key = next((k for k in (written, written[:-1], written[:-2]) if k in CURRENCY_NAMES), None)
        if key is not None and not (key == "pound" and re.match(r"\s+of\b", text[name.end() : name.end() + 5])):
            tok.kind, tok.currencies, tok.suffix_currency, tok.end = "currency", CURRENCY_NAMES[key], True, name.end()
            return True
    code = _CURRENCY_CODE_AFTER.match(text, tok.end)
    if code and not tok.currencies:
        tok.kind, tok.currencies, tok.suffix_currency, tok.end = "currency", (code["code"],), True, code.end()
        return True
    subunit = _SUBUNIT.match(text, tok.end)
    if subunit and not tok.currencies and not tok.scale and (subunit["word"] or tok.digits):
        key = (subunit["word"] or "p").lower()
        currencies, fraction = CURRENCY_SUBUNITS[key]
        tok.kind, tok.currencies, tok.suffix_currency, tok.end = "currency", currencies, True, subunit.end()
        tok.base = tok.base * Fraction(fraction) if tok.base is not None else None
        return True
    return False


def _measure_applies(text: str, tok: _Tok, measure: re.Match[str]) -> bool:
    """A one-letter symbol only glued to digits ("9,500t", "1.5C", "60m"); "m" read as a scale is not a
    measure; a word unit only after a space."""
    unit = measure["unit"]
    glued = not measure["gap"]
    if len(unit) == 1 and (not glued or not tok.digits):
        return False
    if unit in ("C", "F") and not re.match(rf"\s*(?:[,.;:)\[{_SUPERSCRIPTS}]|\s|$)",
                                          text[measure.end() : measure.end() + 2] or " "):  # fmt: skip
        return False
    return not (unit[0].isalpha() and unit.islower() and len(unit) > 3 and glued and tok.digits
                and not unit.startswith(("km", "kg", "mm", "cm")))  # fmt: skip


def _rate(text: str, tok: _Tok) -> None:
    """ "a day", "per year", "/yr", "annually" after a count, an amount or a measure."""
    rate = _RATE.match(text, tok.end)
    if rate is None:
        return
    word = (rate["slash"] or rate["per"] or rate["adverb"] or "").lower()
    key = RATES.get(word) or RATES.get(word.split()[-1])
    if key is None:
        return
    if tok.measure is not None:
        if tok.measure.rate is None:
            tok.measure = Measure(tok.measure.dimension, tok.measure.factor, key)
            tok.unit_text = f"{tok.unit_text} per {RATE_WORDS[key]}"
            tok.end = rate.end()
        return
    tok.rate = key
    if tok.kind == "currency":
        tok.end = rate.end()


_NOUN_RUN = re.compile(r"(?:[^\S\n]+(?:[A-Za-z][\w'’-]*|\d[\d,.]*(?:-?[A-Za-z][\w-]*)?))")


def _noun_words(text: str, end: int, limit: int = 6) -> str | None:
    """The words after a count, up to punctuation: what it may count ("12-inch wafers a month")."""
    words: list[str] = []
    pos = end
    while len(words) < limit:
        found = _NOUN_RUN.match(text, pos)
        if found is None:
            break
        words.append(found.group().strip())
        pos = found.end()
    return " ".join(words) or None


def _age(text: str, tok: _Tok) -> None:
    """ "Boateng, 52, said", "aged 34", "those under 35": an age, not a count."""
    if not tok.digits or tok.scale or tok.base is None or tok.base >= 130 or tok.base != int(tok.base):
        return
    before = text[max(0, tok.start - 40) : tok.start]
    after = text[tok.end : tok.end + 3]
    apposition = re.search(r"[A-Z][\w'’-]+,\s\Z", before) and after[:1] == ","
    aged = re.search(r"\b(?:aged|age|ages|aged\s+between|ages\s+of)\s+\Z", before, re.IGNORECASE)
    threshold = re.search(
        r"\b(?:those|people|anyone|everyone|children|adults|men|women|persons|voters|workers|patients|"
        r"residents|girls|boys|kids|students|individuals)\s+(?:under|over|above|below|older than|younger than)\s+\Z",
        before,
        re.IGNORECASE,
    )
    if apposition or aged or threshold:
        tok.kind, tok.time_unit, tok.noun = "age", "years", None


def _hedge_after(text: str, tok: _Tok) -> None:
    """A hedge written after the number: "40,000 or more", "5,000-plus", "40-odd", "ten or so"."""
    found = _HEDGE_AFTER.match(text, tok.end)
    if found is None or tok.kind in ("date", "year", "decade", "ordinal"):
        return
    phrase = " ".join((found["word"] or found["glued"]).lower().lstrip("-").split())
    tok.qualifier = {"+": "plus", "odd": "odd"}.get(phrase, phrase)
    tok.end = found.end() if found["glued"] else tok.end


# --------------------------------------------------------------------------------------- labels


def _is_label(text: str, start: int) -> bool:
    """Digits that name rather than count: "block 12", "lane 5", "Resolution 2231", "Nikkei 225", "the
    Forward 21 party"; never "the Netherlands 18 in total" or "Maduro's 2018 re-election"."""
    before = re.search(r"([A-Za-z][\w.'’&]*)(\s)\Z", text[max(0, start - 30) : start])
    digits = _DIGITS.match(text, start)
    if digits is None or "," in digits.group() or "." in digits.group():
        return False
    if _NAMED_AFTER.match(text, digits.end()):
        return True  # "the 78704 ZIP code", "a 3nm process"
    if before is None:
        return False
    word = before[1]
    if re.fullmatch(r"(?:1[89]|20)\d\d", digits.group()) or word.endswith(("'s", "’s", "s'", "s’")):
        return False  # a year after a name is a year ("Paris 2024"); a possessive owns a figure
    rest = text[digits.end() : digits.end() + 24]
    if word.isupper() and len(word) > 1 and word not in ISO_CODES and word not in _NOT_LABELS:
        return True  # "IMO 9912345", "ISO 9001", "G 7"
    if re.match(r"\s?(?:%|per ?cent|percent|million|billion|thousand|bn|mn|m\b|k\b)", rest):
        return False
    if word.endswith("."):  # "No. 5", "Art. 12" name; "… in the region. 942 people": a sentence ended
        return word.lower() in _CODE_ABBREVIATIONS
    if word.lower().rstrip(".") in _CODE_NOUNS or word in _LABEL_WORDS:
        return True
    return word[0].isupper() and word not in _NOT_LABELS and bool(_NAME_GOES_ON.match(rest))


# A number that names what follows it: a code, a process node, a route.
_NAMED_AFTER = re.compile(
    r"(?:\s+(?:ZIP|zip code|postcode|post code|area code|postal code|exit|bus route)\b"
    r"|(?:nm|nanometre|nanometer)[\s-]+(?:process|node|chips?|technology|generation|class|fab|line|production)\b)"
)
_LABEL_WORDS = frozenset(
    """Article Section Resolution Chapter Route Flight Block Lane Gate Phase Level Grade Category Model Series
    Version Windows Formula Apollo Boeing Nikkei FTSE DAX CAC S&P Stoxx Dow Sensex Nifty Kospi IBEX Russell Vision
    Agenda Operation Room Unit Division Highway Interstate Class Platform Terminal Pier Berth Paragraph Clause
    Annex Item Row Ward District Zone Track Channel Gen Mk Mark Type Tier Stage Level Camp Building""".split()
)
# After a capitalised word and a number, a name that goes on ("the Forward 21 party", "the Nikkei 225 index").
_NAME_GOES_ON = re.compile(
    r"\s+(?:party|index|indices|group|summit|series|model|class|programme|program|project|plan|initiative|"
    r"team|squad|bill|act|law|treaty|accord|agreement|declaration|formula|format|edition|generation|launch|"
    r"rocket|mission|satellite|aircraft|jet|jets|fighter|fighters|tank|tanks|missile|missiles|system|systems|"
    r"processor|chip|chips|smartphone|phone|console|engine|vaccine|variant|strain|virus|film|movie|album|"
    r"[A-Z][a-z]+)\b"
)


# --------------------------------------------------------------------------------- lists and ranges


_LIST_SEP = re.compile(r"\s*(?:(,)|,?\s+(?:and|or)|\s*[-–—]|\s+to)\s*")
_RANGE_SEP = re.compile(r"[^\S\n]*(?:[-–—]|to|and|or|-to-)[^\S\n]*|[^\S\n]+(?:to|and|or)[^\S\n]+")
_SINCE = re.compile(r"(?<![\w-])(?i:since)\s+\Z")
_BETWEEN = re.compile(r"(?i:\b(between|from|range\w*\s+from|ranging\s+from))\s+\Z")
_CHANGE_BEFORE = re.compile(
    r"(?i:\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|increased?|increases|increasing|"
    r"decreased?|decreases|grew|grow|grows|growing|grown|climbed?|climbs|jumped?|jumps|dropped|drops?|"
    r"declined?|declines|cut|cuts|raised?|raises|lifted|lifts?|lowered|lowers?|surged?|slipped|slips?|"
    r"widened|narrowed|expanded|shrank|shrunk|went|moved?|changed?|up|down|boosted|boosts?|slashed|"
    r"reduced|reduces|doubled|tripled|halved|soared|plunged|tumbled|eased|edged|recovered|rebounded)\b)"
    r"[^.;:]{0,60}\Z"
)


def _share_units(toks: list[_Tok], text: str) -> None:
    """Give earlier items of a list or range the scale, unit or currency written once at its end
    ("6.6, 5.9 and 4.5 million", "20-25%", "between 2 and 3 million", "220,000, 135,000 and 163,000
    barrels a day")."""
    for j in range(len(toks) - 1, 0, -1):
        last, item = toks[j], toks[j - 1]
        if item.kind not in ("count",) or item.scale or item.currencies or item.measure or item.fraction:
            continue
        if last.kind in ("date", "decade", "year", "ordinal", "age") or not item.digits and last.digits:
            continue
        carries = (
            last.scale
            or last.kind in ("percent", "duration", "measure", "currency", "multiplier")
            or (last.noun and last.kind == "count")
        )
        if not carries:
            continue
        sep = _LIST_SEP.fullmatch(text, item.number_end, last.start)
        if sep is None or (sep[1] and not last.received and not _in_list(toks, j)):
            continue
        if _YEARISH.fullmatch(item.numeral) and not _YEARISH.fullmatch(last.numeral):
            continue  # "in 2019, 5 million": a year, not a list item
        if last.fraction or last.kind == "percent" and not last.digits:
            continue
        item.end = item.number_end
        item.scale = item.scale or (last.scale if last.kind != "currency" or not last.suffix_currency else last.scale)
        item.kind, item.time_unit, item.measure, item.rate = last.kind, last.time_unit, last.measure, last.rate
        item.noun = last.noun
        if last.kind == "currency":
            item.currencies, item.suffix_currency = last.currencies, True
        item.ambiguous = item.ambiguous or last.ambiguous
        item.received = True


def _in_list(toks: list[_Tok], j: int) -> bool:
    """A comma between two numbers joins them only inside a list that ends with "and" or "or"."""
    return j + 1 < len(toks) and toks[j + 1].received


def _ranges(toks: list[_Tok], text: str) -> list[_Tok]:
    """Two numbers of one kind joined as a range become one mention: "between 2 and 3 million", "4-5
    million", "20-25%", "from $2.4tn to $3tn", "8 to 12 years". After a verb of change ("rose from 5% to
    7%") they stay two values; years stay years (with a period)."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        low = toks[i]
        high = toks[i + 1] if i + 1 < len(toks) else None
        if high is not None and _is_range(low, high, text):
            low.high = high
            low.end = high.end
            low.qualifier = low.qualifier or high.qualifier
            out.append(low)
            i += 2
            continue
        out.append(low)
        i += 1
    return out


def _is_range(low: _Tok, high: _Tok, text: str) -> bool:
    if low.kind != high.kind or low.kind in ("date", "year", "decade", "ordinal", "age", "skip"):
        return False
    if (
        low.kind == "count"
        and (_YEARISH.fullmatch(low.numeral) or _YEARISH.fullmatch(high.numeral))
        and not (low.scale or high.scale)
    ):
        return False
    if low.currencies and high.currencies and not set(low.currencies) & set(high.currencies):
        return False
    if low.measure and high.measure and low.measure.dimension != high.measure.dimension:
        return False
    sep = _RANGE_SEP.fullmatch(text, low.number_end if low.received else low.end, high.start)
    if sep is None:
        return False
    word = sep.group().strip().lower()
    before = text[max(0, low.start - 40) : low.start]
    low_value, high_value = low.value(), high.value()
    if low_value is None or high_value is None or low_value >= high_value:
        return False
    if word in ("and",):
        return bool(_BETWEEN.search(before))
    if word == "or":
        return low.received and high_value - low_value <= max(low_value, Fraction(1))
    if word == "to":
        between = _BETWEEN.search(before)
        if between and between[1].lower() == "from" and _CHANGE_BEFORE.search(before[: between.start()] + " "):
            return False
        return not (between is None and _CHANGE_BEFORE.search(before))
    return True  # a dash


def _year_periods(toks: list[_Tok], text: str) -> None:
    """Set `period` on years in ranges and after "since"; read "2014-15" as 2014 and 2015."""
    years = [t for t in toks if t.kind == "count" and t.digits and not t.scale and _YEARISH.fullmatch(t.numeral)
             and not t.currencies and t.measure is None]  # fmt: skip
    for tok in years:
        if tok.noun is None or not re.match(r"(?:people|troops|jobs|homes|tonnes|barrels|units)\b", tok.noun):
            tok.kind = "year"
            tok.noun = None
    for a, b in zip(toks, toks[1:], strict=False):
        if a.kind != "year" or a.period or a.base is None or b.base is None:
            continue
        sep = _RANGE_SEP.fullmatch(text, a.end, b.start)
        if sep is None or ("and" in sep.group() and not _BETWEEN.search(text, max(0, a.start - 12), a.start)):
            continue
        if (b.kind == "count" and re.fullmatch(r"\d\d", b.numeral) and sep.group().strip() in "-–—/"
                and b.base > a.base % 100):  # fmt: skip
            b.base, b.kind = a.base - a.base % 100 + b.base, "year"
        if b.kind == "year" and a.base < b.base:
            a.period = b.period = f"{a.base}/{b.base}"
    for tok in toks:
        if tok.kind == "year" and tok.period is None and _SINCE.search(text, max(0, tok.start - 24), tok.start):
            tok.period = f"{tok.base}/.."


def _scores(toks: list[_Tok], text: str) -> None:
    """ "won 3-1", "a 2-0 victory": a score is no range and no count; both numbers are dropped."""
    drop: set[int] = set()
    for i in range(len(toks) - 1):
        first, second = toks[i], toks[i + 1]
        if not (first.kind == second.kind == "count" and first.digits and second.digits) or first.scale or second.scale:
            continue
        if first.base is None or second.base is None or first.base > 30 or second.base > 30:
            continue
        if not re.fullmatch(r"[-–]", text[first.number_end : second.start]):
            continue
        after = text[second.number_end : second.number_end + 24]
        if (
            _SCORE_CONTEXT.search(text, max(0, first.start - 30), first.start)
            or re.match(r"\s+(?:win|victory|defeat|loss|draw|lead|scoreline|home|away|on aggregate|at home)\b", after)
            or re.match(r"\s+(?:in|at|against|over)\s+(?:the\s+)?[A-Z]", after)
        ):
            drop |= {i, i + 1}
    toks[:] = [t for i, t in enumerate(toks) if i not in drop]


# ---------------------------------------------------------------------------------------- mentions


def _mention(tok: _Tok, text: str) -> Mention:
    kind = tok.kind
    value = _decimal(tok.value()) if kind != "date" else None
    high = _decimal(tok.high.value()) if tok.high is not None else None
    qualifier, optional = tok.qualifier, tok.optional_hedge
    if qualifier is None and kind not in ("year", "date", "decade", "ordinal"):
        qualifier = _hedge_before(text, tok)
    return Mention(
        start=tok.start, end=tok.end, text=text[tok.start : tok.end], numeral=tok.numeral, kind=kind, value=value,
        high=high, currencies=tok.currencies if kind == "currency" else (), measure=tok.measure,
        unit_text=tok.unit_text if kind == "measure" else None,
        time_unit=tok.time_unit, noun=tok.noun if kind == "count" else None, rate=tok.rate, qualifier=qualifier,
        optional_hedge=optional, fraction=tok.fraction, date=tok.date,  # type: ignore[arg-type]
        period=tok.period, ambiguous=tok.ambiguous,
    )  # fmt: skip


def _decimal(value: Fraction | None) -> Decimal | None:
    if value is None:
        return None
    number = Decimal(value.numerator) / Decimal(value.denominator)
    return number.to_integral_value() if number == number.to_integral_value() else number.normalize()


_SPANNING_OVER = re.compile(r"(?<![\w-])(?i:over)[^\S\n]*\n?[^\S\n]*\Z")
_BOUND_BEFORE = re.compile(r"(?<![\w-])(?i:for|in|after|of|than|lasted|lasting|took|spent|served)\s+\Z")


def _hedge_before(text: str, tok: _Tok) -> str | None:
    """The hedge right before a number, when it hedges: "more than 8 million", "rose to over 40%"; not
    "those under 35", "races over 100m", "over the next five years" or "over four days"."""
    found = _HEDGE_BEFORE.search(text, max(0, tok.start - 40), tok.start)
    if found is None:
        return None
    phrase = " ".join(found[1].lower().split())
    if phrase in _PREPOSITION_HEDGES:
        before = text[max(0, found.start() - 24) : found.start()]
        previous = re.search(r"([A-Za-z][\w'’-]*)\W*\Z", before)
        if previous and not re.search(r"[.!?;:(\"“]\s*\Z", before):
            word = previous[1].lower()
            if (
                word not in _LICENSES_HEDGE
                and not word.endswith("ed")
                and (word.endswith("s") or is_person_noun(previous[1]) or word in _NOUN_BEFORE_THRESHOLD)
            ):
                return None
        if (
            tok.kind == "duration"
            and phrase == "over"
            and before.strip()
            and not _BOUND_BEFORE.search(before)
            and (not re.match(r"\s+ago\b", text[tok.end : tok.end + 6]))
        ):
            return None
    return phrase


_NOUN_BEFORE_THRESHOLD = frozenset(
    """degree those these anyone everyone someone anything everything aged race event distance temperature
    speed height depth income earnings amount sum loan loans debts debt value""".split()
)


def numeric_tokens(text: str) -> list[tuple[int, int]]:
    """Spans of every number written in digits or number words, quantity or not (model numbers, labels,
    times, footnotes included): what an exclusion's `figure` may name."""
    spans = [(m.start(), m.end()) for m in re.finditer(rf"\d+(?:[.,:]\d+)*|[{_SUPERSCRIPTS}]+", text)]
    for word in re.finditer(r"(?i)\b[a-z]+(?:-[a-z]+)*\b", text):
        parts = word.group().lower().split("-")
        if any(p in ONES or p in TENS or p in ORDINAL_WORDS or p in FRACTION_WORDS or p in SCALE_WORDS
               or p in MULTIPLIER_WORDS or p == "dozen" for p in parts):  # fmt: skip
            spans.append((word.start(), word.end()))
    return sorted(spans)
