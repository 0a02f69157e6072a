"""Does an indicator's `period` agree with the time its quote's sentence states?

The sentence's time expressions ("in 2023", "between 2020 and 2022", "since 2019", "last year", "March
2024", "the first quarter", "the first six months", "the 2023/24 season", "a decade ago", "last
summer"; a month without a year read against the source's `published`, in the past unless the sentence
speaks of the future) each name a span of years, or of months. A period agrees with a span it matches
at the span's precision ("2020/2022" for "between 2020 and 2022", 2023 or 2023-06 for "in 2023",
"2024-01/2024-03" or 2024 for "the first quarter" of a 2024 text). "since 2019" is held by a period
that starts in 2019 and runs on ("since 2019, when it peaked" dates 2019 itself); "the largest since
1980" by any period from 1980 on; "until 2025" by a period that ends in 2025; a year of comparison
("up from 9 million in 2021") leaves the figure at the time of writing; "now" dates the figure only
when it stands nearer to it than any other time word. Where a sentence states no time, the period must
hold the year the source was published, or a month or day the source states elsewhere. A dateline
("ACCRA, March 12 (Wire) -") is the time of writing. Time words the readers do not resolve ("a year
earlier", "the same period", "fiscal") make a period never wrong for want of a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from types import ModuleType

from dashboard.text import russian, spanish
from dashboard.text.dates import OPEN_END, DateExpr, date_parts, year_range
from dashboard.text.quantity import Mention
from dashboard.text.tense import FUTURE, tense_at

_UNRESOLVED = re.compile(
    r"(?i)\b(?:year earlier|years earlier|year before|previous year|prior year|past year|past \w+ years|"
    r"past decade|last decade|year to|years to|fiscal|financial year|FY\s?\d|season|semester|so far|"
    r"year-to-date|ytd|year-on-year|recent|recently|earlier this|later this|since then|by then|"
    r"at the time|same period|that period|the period|those years|that year|same year|following year|"
    r"the next year|that time|the time|months? to|weeks? to|in the year)\b"
)
_PRESENT = re.compile(r"(?i)\b(?:currently|now|today|at present|presently|these days|nowadays|to date)\b")
_WEEKDAY = re.compile(r"(?i)\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_UNTIL = re.compile(r"(?i)\b(?:until|till|through|by|before|to|end of|end-)\s*(?:the\s+)?\Z")
_SINCE = re.compile(
    r"(?i)\b(?:since|dating(?:\s+back)?\s+(?:to|from)|starting(?:\s+in|\s+from)?|stretching\s+back\s+to|"
    r"going\s+back\s+to)\s+\Z"
)
_BASELINE = re.compile(
    r"(?i)\b(?:largest|biggest|highest|lowest|smallest|most|least|best|worst|fastest|slowest|strongest|weakest|"
    r"deadliest|first|record|any time|anything)\b[^.;]{0,40}\Z"
)
# words that bring in the figure compared with ("up from", "compared with", "than" but not "more than")
_VERSUS = (
    r"(?:from|(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!higher )(?<!lower )(?<!rather )than|"
    r"compared\s+(?:with|to)|against|versus|vs\.?)"
)
_COMPARISON = re.compile(
    rf"(?i)\b(?:{_VERSUS}|(?:up|down|rose|fell|higher|lower)\s+(?:\S+\s+){{0,3}}on)\b(?:[^.;:]|\.\d){{0,50}}\Z"
)
# the figure itself is the one compared with: "up from 34.6%", "compared with about 9 million", "than 5%"
_COMPARED = re.compile(
    rf"(?i)\b{_VERSUS}\s+(?:(?:about|around|roughly|some|nearly|almost|just|only|a|an|the|its|their|over|"
    r"under)\s+){0,2}[$£€¥]?\Z"
)
_JOINED = re.compile(r"(?i)[^\S\n]*(?:-|–|—|to|and|until|through)[^\S\n]*")
_BETWEEN = re.compile(r"(?i)\b(?:between|from)\s+\Z")
_NOW_AND = re.compile(r"(?i)\bbetween now and ((?:19|20)\d\d)\b")
_SEASON_YEARS = re.compile(r"\b((?:19|20)\d\d)\s?[/–-]\s?(\d\d(?:\d\d)?)\b")
_AGO = re.compile(r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(years?|decades?)\s+ago\b")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_QUARTER = re.compile(
    r"(?i)\b(?:(first|second|third|fourth|final|last)\s+quarter|q([1-4]))(?:\s+(?:of\s+)?((?:19|20)\d\d))?"
)
_HALF = re.compile(r"(?i)\b(?:(first|second)\s+half|h([12]))(?:\s+(?:of\s+)?((?:19|20)\d\d))?")
_FIRST_MONTHS = re.compile(r"(?i)\bfirst\s+(three|six|nine|3|6|9)\s+months\b")
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_SPAN = re.compile(
    r"(?i)\b(" + "|".join(_MONTHS) + r")\s?[-–]\s?(" + "|".join(_MONTHS) + r")(?:\s+((?:19|20)\d\d))?\b"
)
_SEASON = re.compile(r"(?i)\b(last|this|next|the)\s+(spring|summer|autumn|fall|winter)\b")
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
# "for July delivery", "the March contract": a futures month names a contract, not a time.
_CONTRACT = re.compile(r"(?i)[^\S\n]+(?:delivery|contracts?|futures|options|expiry|expiration)\b")
_DATELINE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][\w .,'’-]{1,40},[^\S\n]*\Z")
_CLAUSE_MARKS = ",;:()\n"
_QUARTER_INDEX = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class TimeWords:
    """A language's words that place a figure in time around the dates its reader finds: each pattern is
    searched at the end of the text before a date (since, until, comparison, compared, baseline,
    between) or anywhere in the sentence (present, future, unresolved)."""

    since: re.Pattern[str]
    until: re.Pattern[str]
    present: re.Pattern[str]
    future: re.Pattern[str]
    unresolved: re.Pattern[str]
    comparison: re.Pattern[str] = _NEVER
    compared: re.Pattern[str] = _NEVER
    baseline: re.Pattern[str] = _NEVER
    between: re.Pattern[str] = _NEVER
    joined: re.Pattern[str] = _JOINED
    """What joins two dates into one span ("2020 to 2022", "abril de 2024 y marzo de 2025", "январе–мае")."""
    ago: re.Pattern[str] = _NEVER
    """A time counted back from the writing, with groups `count` (digits or a word of `ago_words`; none is one)
    and `unit` (a year or a decade word): "hace dos años", "год назад"."""
    ago_words: dict[str, int] = field(default_factory=dict)
    english: bool = False
    """English also reads phrases no mention holds (quarters, seasons, "a decade ago") and the tense of
    each clause; another language reads the tense of the whole sentence."""


ENGLISH = TimeWords(_SINCE, _UNTIL, _PRESENT, FUTURE, _UNRESOLVED, _COMPARISON, _COMPARED, _BASELINE, _BETWEEN,
                    english=True)  # fmt: skip
_DATES_ONLY = TimeWords(_NEVER, _NEVER, _NEVER, _NEVER, _NEVER)


def _time_words_of(language: ModuleType) -> TimeWords:
    """A reader module's time words: each language module (text/spanish.py, text/russian.py) names them alike."""
    return TimeWords(
        language.SINCE, language.UNTIL, language.PRESENT, language.FUTURE, language.UNRESOLVED,
        comparison=language.COMPARISON, compared=language.COMPARED, between=language.BETWEEN, joined=language.JOINED,
        ago=language.AGO, ago_words=language.AGO_WORDS,
    )  # fmt: skip


TIME_WORDS: dict[str, TimeWords] = {"en": ENGLISH, "es": _time_words_of(spanish), "ru": _time_words_of(russian)}
"""Primary language subtag -> its time words; a language without an entry has no period check but its dates."""


def time_words(language: str) -> TimeWords:
    """The time words of a BCP 47 tag; a language no entry names reads only the dates its reader finds."""
    return TIME_WORDS.get(language.split("-")[0].lower(), _DATES_ONLY)


@dataclass(frozen=True)
class Span:
    """A span of time a time expression names: years, and months when the text gives them."""

    first: int
    last: int
    written: str
    at: int = -1
    """Where the expression stands in the source (for "now": is it the time word nearest the figure?)."""
    first_month: int | None = None
    last_month: int | None = None
    since: bool = False
    """ "since 2019": held by a period that starts then and runs on (to the publication or open)."""
    baseline: bool = False
    """ "the largest since 1980": held by any period from then on."""
    until: bool = False
    """ "until 2025", "by 2030": held by any period that ends that year."""
    comparison: bool = False
    """ "up from 9 million in 2021": the other figure's time, not this one's."""
    present: bool = False
    """ "now", "currently": the time of writing."""


@dataclass(frozen=True)
class Disagreement:
    why: str
    suggestion: str | None
    """A period that agrees, when the sentence names exactly one span of years."""


@dataclass(frozen=True)
class Writing:
    """When a text was written, and whether the sentence looks ahead."""

    year: int
    month: int | None
    future: bool

    @classmethod
    def of(cls, published: str, sentence: str, words: TimeWords = ENGLISH) -> Writing:
        parts = date_parts(published)
        return cls(parts[0], parts[1] if len(parts) > 1 else None, bool(words.future.search(sentence)))

    def year_of(self, month: int) -> int:
        """The year of a month named without one: the last such month before writing, or the next one when
        the sentence speaks of the future ("will be published in January")."""
        if self.month is None or month == self.month:
            return self.year
        if month > self.month:
            return self.year if self.future else self.year - 1
        return self.year + 1 if self.future else self.year


def time_spans(mentions: Iterable[Mention], *, published: str, text: str = "", sentence: str = "",
               sentence_at: int = 0, words: TimeWords = ENGLISH) -> list[Span]:  # fmt: skip
    """The spans each time expression among `mentions` and in `sentence` (at offset `sentence_at` of
    `text`, the source) names, read against the date of publication, in the language of `words`."""
    writing = Writing.of(published, sentence, words)
    ordered = sorted(mentions, key=lambda m: m.start)
    spans: list[Span] = []
    for mention in ordered:
        before = text[max(0, mention.start - 60) : mention.start] if text else ""
        if mention.kind == "year" and mention.value is not None:
            spans.append(_year_span(mention, before, text, words))
        elif mention.kind == "decade" and mention.period:
            first, last = year_range(mention.period)
            spans.append(Span(first, last, mention.text, mention.start))
        elif (
            mention.kind == "date"
            and mention.date is not None
            and not _dateline(mention, text)
            and not (_CONTRACT.match(text, mention.end) if text else False)
        ):
            inside = 0 <= mention.start - sentence_at < len(sentence)
            clause = _clause_writing(writing, sentence, mention.start - sentence_at, words) if inside else writing
            span = _date_span(mention, mention.date, clause, precise=not words.english)
            if span is not None:
                since = bool(words.since.search(before))
                spans.append(replace(span, since=since, last=OPEN_END if since else span.last,
                                     comparison=bool(words.comparison.search(before))))  # fmt: skip
    spans += _joined(ordered, spans, text, words)
    if not words.english:
        year = writing.year
        spans += [Span(year, year, m.group(), sentence_at + m.start(), present=True)
                  for m in words.present.finditer(sentence)]  # fmt: skip
        for match in words.ago.finditer(sentence):
            count = match["count"] or "1"
            back = (int(count) if count.isdigit() else words.ago_words.get(count.lower(), 1)) * (
                10 if match["unit"].lower().startswith(("déc", "dec", "десят")) else 1
            )
            compared = bool(words.comparison.search(sentence, max(0, match.start() - 60), match.start()))
            spans.append(
                Span(year - back, year - back, match.group(), sentence_at + match.start(), comparison=compared)
            )
        return spans
    return spans + _phrase_spans(sentence, writing=writing, at=sentence_at)


def _year_span(mention: Mention, before: str, text: str, words: TimeWords) -> Span:
    assert mention.value is not None
    if mention.period:
        first, last = year_range(mention.period)
        if last == OPEN_END:
            when = text[mention.end : mention.end + 8] if text else ""
            if re.match(r",?\s+when\b", when):  # "since 2019, when it peaked": 2019 itself
                return Span(first, first, mention.text, mention.start)
            return Span(first, last, mention.text, mention.start, since=True,
                        baseline=bool(words.baseline.search(before[:-6] or " ")))  # fmt: skip
        return Span(first, last, mention.text, mention.start)
    year = int(mention.value)
    if words.since.search(before):
        return Span(year, OPEN_END, mention.text, mention.start, since=True)
    return Span(year, year, mention.text, mention.start, until=bool(words.until.search(before)),
                comparison=bool(words.comparison.search(before)))  # fmt: skip


def _date_span(mention: Mention, date: DateExpr, writing: Writing, *, precise: bool = False) -> Span | None:
    """The span a date names; `precise`: "last month" names that month, not just its year."""
    if date.relative_unit == "year":
        shift = {"last": -1, "next": 1}.get(date.relative or "", 0)
        year = writing.year + shift
        return Span(year, year, mention.text, mention.start, date.month, date.month)
    if date.relative_unit == "month" and precise and writing.month is not None:
        shift = {"last": -1, "next": 1}.get(date.relative or "", 0)
        year, month = divmod(writing.year * 12 + writing.month - 1 + shift, 12)
        return Span(year, year, mention.text, mention.start, month + 1, month + 1)
    if date.relative_unit in ("month", "week"):
        return Span(writing.year, writing.year, mention.text, mention.start)
    if date.year is not None:
        return Span(date.year, date.year, mention.text, mention.start, date.month, date.month)
    if date.month is None:
        return None
    if date.relative in ("last", "next"):
        year = (
            writing.year_of(date.month)
            if date.relative == "last"
            else writing.year + (1 if writing.month is not None and date.month <= writing.month else 0)
        )
        return Span(year, year, mention.text, mention.start, date.month, date.month)
    year = writing.year_of(date.month)
    return Span(year, year, mention.text, mention.start, date.month, date.month)


def _joined(ordered: list[Mention], spans: list[Span], text: str, words: TimeWords) -> list[Span]:
    """ "between March 2023 and May 2024", "from 2010 to 2015": two time expressions joined as one span."""
    by_start = {s.at: s for s in spans}
    found = []
    for first, second in zip(ordered, ordered[1:], strict=False):
        a, b = by_start.get(first.start), by_start.get(second.start)
        if a is None or b is None or not text or a.last == OPEN_END:
            continue
        consecutive = not words.english and (
            (a.first_month is None is b.first_month and b.first == a.last + 1)  # "en 2026 y 2027"
            or (a.last_month is not None and b.first_month is not None and a.last == b.first
                and b.first_month == a.last_month + 1)  # "julio y agosto"
        )  # fmt: skip
        if words.joined.fullmatch(text, first.end, second.start) and (
            words.between.search(text, max(0, first.start - 12), first.start) or "-" in text[first.end : second.start]
            or "–" in text[first.end : second.start] or consecutive
        ):  # fmt: skip
            found.append(Span(a.first, b.last, f"{first.text}–{second.text}", a.at, a.first_month, b.last_month))
    return found


def _dateline(mention: Mention, text: str) -> bool:
    """ "ACCRA, March 12 (Meridian Newswire) -": the date the story was filed."""
    if not text:
        return False
    after = text[mention.end : mention.end + 60]
    return bool(_DATELINE.search(text[max(0, mention.start - 44) : mention.start])) and bool(
        re.match(r"[^\S\n]*(?:\([^)\n]{1,40}\))?[^\S\n]*[-–—]", after)
    )


def _clause_writing(writing: Writing, sentence: str, at: int, words: TimeWords = ENGLISH) -> Writing:
    """The writing time as seen from the clause holding sentence[at]: it looks ahead only if that clause does."""
    if words.english:
        return replace(writing, future=tense_at(sentence, at) == "future")
    return replace(writing, future=looks_ahead(sentence, at, words))


def clause_bounds(sentence: str, at: int, marks: str = _CLAUSE_MARKS) -> tuple[int, int]:
    """[start, end) of the clause of `sentence` holding sentence[at], between punctuation `marks`."""
    start = max((sentence.rfind(mark, 0, at) for mark in marks), default=-1) + 1
    ends = [end for end in (sentence.find(mark, at) for mark in marks) if end >= 0]
    return start, min(ends, default=len(sentence))


def looks_ahead(sentence: str, at: int, words: TimeWords) -> bool:
    """The clause holding sentence[at] has a word of plan or a future verb of the language of `words`."""
    return bool(words.future.search(sentence, *clause_bounds(sentence, at)))


def _phrase_spans(sentence: str, *, writing: Writing, at: int) -> list[Span]:
    """Time phrases no mention holds: seasons of two years, quarters, halves, the first months, month
    ranges, "a decade ago", "last summer", "between now and 2028", a weekday, "now"."""
    year = writing.year
    found: list[Span] = []
    for match in _SEASON_YEARS.finditer(sentence):
        first, tail = int(match[1]), match[2]
        last = int(tail) if len(tail) == 4 else first - first % 100 + int(tail)
        if last == first + 1:
            found.append(Span(first, last, match.group(), at + match.start()))
    for match in _AGO.finditer(sentence):
        count = _NUMBERS[match[1].lower()] if match[1].isalpha() else int(match[1])
        back = count * (10 if match[2].lower().startswith("decade") else 1)
        found.append(Span(year - back, year - back, match.group(), at + match.start()))
    for match in _QUARTER.finditer(sentence):
        index = _QUARTER_INDEX[match[1].lower()] if match[1] else int(match[2])
        which = int(match[3]) if match[3] else _clause_writing(writing, sentence, match.start()).year_of(3 * index)
        found.append(Span(which, which, match.group(), at + match.start(), 3 * index - 2, 3 * index))
    for match in _HALF.finditer(sentence):
        index = (1 if match[1].lower() == "first" else 2) if match[1] else int(match[2])
        which = int(match[3]) if match[3] else _clause_writing(writing, sentence, match.start()).year_of(6 * index)
        found.append(Span(which, which, match.group(), at + match.start(), 6 * index - 5, 6 * index))
    for match in _FIRST_MONTHS.finditer(sentence):
        months = {"three": 3, "six": 6, "nine": 9}.get(match[1].lower()) or int(match[1])
        found.append(Span(year, year, match.group(), at + match.start(), 1, months))
    for match in _MONTH_SPAN.finditer(sentence):
        first_month, last_month = _MONTHS.index(match[1].lower()) + 1, _MONTHS.index(match[2].lower()) + 1
        which = int(match[3]) if match[3] else _clause_writing(writing, sentence, match.start()).year_of(last_month)
        found.append(Span(which, which, match.group(), at + match.start(), first_month, last_month))
    for match in _SEASON.finditer(sentence):
        relative = match[1].lower()
        if relative == "the":  # "in the summer": the last one before writing, or the next one ahead
            which = _clause_writing(writing, sentence, match.start()).year_of(_SEASON_MONTH[match[2].lower()])
        else:
            which = year + {"last": -1, "this": 0, "next": 1}[relative]
        found.append(Span(which, which, match.group(), at + match.start()))
    for match in _NOW_AND.finditer(sentence):
        found.append(Span(year, int(match[1]), match.group(), at + match.start()))
    for match in _WEEKDAY.finditer(sentence):  # "said on Tuesday": the time of writing, as "now" is
        found.append(Span(year, year, match.group(), at + match.start(), writing.month, writing.month, present=True))
    for match in _PRESENT.finditer(sentence):
        found.append(Span(year, year, match.group(), at + match.start(), present=True))
    return found


def period_disagrees(
    period: str,
    *,
    sentence: str,
    mentions: list[Mention],
    published: str,
    text: str = "",
    sentence_at: int = 0,
    figure_at: int = -1,
    elsewhere: list[Mention] | None = None,
    words: TimeWords = ENGLISH,
) -> Disagreement | None:
    """Why `period` disagrees with the sentence (or, when it states no time, with the source); None when it
    agrees or the sentence's time words cannot be resolved. `figure_at`: where the figure stands;
    `elsewhere`: the source's other time mentions."""
    spans = _relevant(time_spans(mentions, published=published, text=text, sentence=sentence,
                                 sentence_at=sentence_at, words=words), figure_at)  # fmt: skip
    if not words.english and figure_at >= 0:
        sentence, spans = _own_clause(sentence, sentence_at, figure_at, spans)
    if text and figure_at >= 0 and words.compared.search(text, max(0, figure_at - 40), figure_at):
        # "up from 34.6% at the last election in 2021": the figure compared with is dated by its own clause
        after = [s for s in spans if s.comparison and s.at > figure_at]
        if not after:
            return None
        own = min(after, key=lambda s: s.at)
        # another language's unresolved words may be resolved by the date itself ("el mismo periodo de 2024")
        end = own.at if words.english else own.at + len(own.written)
        if _agrees(period, own, published=published) or words.unresolved.search(text, figure_at, end):
            return None
        return Disagreement(f"the quote's sentence dates the figure compared with “{own.written}” ({_words(own)})",
                            _period_of({(own.first, own.last)}))  # fmt: skip
    elif spans and all(s.comparison for s in spans):
        year = date_parts(published)[0]
        # in another language the time compared with never dates this figure ("casi el doble que en 2023")
        spans = spans if words.english else []
        spans.append(Span(year, year, "the time of writing"))
    elif not words.english and any(s.comparison for s in spans):
        spans = [s for s in spans if not s.comparison]  # "… в 2024 году, против 6,1 млрд в 2023 году"
    if any(_agrees(period, span, published=published) for span in spans):
        return None
    if spans and not words.unresolved.search(sentence):
        said = ", ".join(f"“{s.written}” ({_words(s)})" for s in spans if s.written)
        stated = {(s.first, s.last) for s in spans if not s.comparison and not s.present}
        return Disagreement(f"the quote's sentence dates the figure {said}", _period_of(stated))
    if spans:
        return None
    first_year, last_year = year_range(period)
    if first_year <= date_parts(published)[0] <= last_year or words.unresolved.search(sentence):
        return None
    if "-" in period:  # a month or a day the source states elsewhere ("47.2C" restating "July 14, 2023")
        others = time_spans(elsewhere or [], published=published, text=text, words=words)
        if any(_agrees(period, span, published=published) and span.first_month for span in others):
            return None
    year = date_parts(published)[0]
    return Disagreement(f"the quote's sentence states no time, and the source was published in {year}", None)


_OWN_CLAUSE_MARKS = ",;:()—"


def _own_clause(sentence: str, sentence_at: int, figure_at: int, spans: list[Span]) -> tuple[str, list[Span]]:
    """The clause holding the figure, and its spans, when it dates the figure itself ("В прошлом году компания
    вложила 15 млрд рублей, а в 2025 году планирует …": the figure is last year's); else the sentence and all its
    spans."""
    start, end = clause_bounds(sentence, figure_at - sentence_at, _OWN_CLAUSE_MARKS)
    own = [s for s in spans if start <= s.at - sentence_at < end]
    if any(not s.comparison for s in own):
        return sentence[start:end], own
    return sentence, spans  # the clause names only the time compared with ("un 12 % más que en 2023")


def _relevant(spans: list[Span], figure_at: int) -> list[Span]:
    """ "now" dates the figure only when no other time word stands nearer to it."""
    if figure_at < 0 or not any(s.present for s in spans):
        return spans
    others = [s for s in spans if not s.present and s.at >= 0]
    if not others:
        return spans
    nearest_other = min(abs(s.at - figure_at) for s in others)
    return [s for s in spans if not s.present or abs(s.at - figure_at) < nearest_other]


def _period_of(spans: set[tuple[int, int]]) -> str | None:
    """The period to write when the sentence names exactly one span of years."""
    if len(spans) != 1:
        return None
    first, last = next(iter(spans))
    if last == OPEN_END:
        return f"{first}/.."
    return str(first) if first == last else f"{first}/{last}"


def _bounds(period: str) -> tuple[tuple[int, int | None], tuple[int, int | None]]:
    """((first year, first month or None), (last year, last month or None)) of a catalog period."""
    start, _, end = period.partition("/")
    first = date_parts(start)
    if not end:
        last = first
    elif end == "..":
        last = (OPEN_END,)
    else:
        last = date_parts(end)
    return (first[0], first[1] if len(first) > 1 else None), (last[0], last[1] if len(last) > 1 else None)


def _agrees(period: str, span: Span, *, published: str) -> bool:
    (first, first_month), (last, last_month) = _bounds(period)
    if span.baseline:
        return first >= span.first
    if span.since:
        return first == span.first and (last == OPEN_END or last >= date_parts(published)[0] - 1)
    if span.until:
        return last == span.last and first <= last
    if (first, last) != (span.first, span.last):
        return False
    if first_month is None or span.first_month is None:
        return True  # a year, or a text that gives no month: the years decide
    return (first_month, last_month) == (span.first_month, span.last_month) or (
        first_month == last_month == span.first_month == span.last_month
    )


def _words(span: Span) -> str:
    if span.last == OPEN_END:
        return f"since {span.first}"
    if span.first_month is not None and span.first == span.last:
        if span.first_month == span.last_month:
            return f"{span.first}-{span.first_month:02d}"
        return f"{span.first}-{span.first_month:02d}/{span.last}-{span.last_month:02d}"
    return str(span.first) if span.first == span.last else f"{span.first}–{span.last}"
