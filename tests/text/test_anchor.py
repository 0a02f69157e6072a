"""Tests for dashboard.text.anchor (DESIGN §4): exact, folded, nearest, paragraphs, fold map."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.text.anchor import Location, Nearest, fold, locate, nearest, paragraph_bounds

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"


def seed(number: str) -> str:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def s000() -> str:
    return seed("000")


@pytest.fixture(scope="module")
def s001() -> str:
    return seed("001")


@pytest.fixture(scope="module")
def s003() -> str:
    return seed("003")


@pytest.fixture(scope="module")
def s004() -> str:
    return seed("004")


# ---------------------------------------------------------------------------------- exact


def test_found_once_round_trips(s000: str) -> None:
    quote = "Plans to export approximately 11,000 head of cattle monthly to Iran"
    loc = locate(s000, quote)
    assert loc.status == "found"
    assert s000[loc.start : loc.end] == quote
    assert loc.occurrences == (loc.start,)
    assert loc.exact_text is None and loc.nearest is None


def test_every_exact_seed_line_round_trips() -> None:
    for number in ("000", "001", "002", "003", "004"):
        text = seed(number)
        for line in filter(None, text.splitlines()):
            loc = locate(text, line)
            assert loc.status in {"found", "ambiguous"}, (number, line)
            assert text[loc.start : loc.end] == line
            assert loc.start in loc.occurrences


def test_ambiguous_may_7(s000: str) -> None:
    loc = locate(s000, "May 7")
    assert loc.status == "ambiguous"
    assert len(loc.occurrences) == 3
    assert loc.start == loc.occurrences[0] and loc.end == loc.start + 5
    assert all(s000[o : o + 5] == "May 7" for o in loc.occurrences)


def test_prefix_picks_one_occurrence(s000: str) -> None:
    loc = locate(s000, "May 7", prefix="Vladimir Putin on ")
    assert loc.status == "found"
    assert loc.start is not None
    assert s000[loc.start - len("Vladimir Putin on ") : loc.end] == "Vladimir Putin on May 7"
    assert len(loc.occurrences) == 3  # every exact occurrence is still reported


def test_suffix_picks_one_occurrence(s000: str) -> None:
    loc = locate(s000, "May 7", suffix=" underscored")
    assert loc.status == "found"
    assert s000[loc.end :].startswith(" underscored")


def test_prefix_and_suffix_together(s000: str) -> None:
    both = locate(s000, "May 7", prefix="Moscow ", suffix=". [Alexander")
    assert both.status == "found"
    assert both.start is not None and both.end is not None
    assert s000[both.start - 7 : both.end + 12] == "Moscow May 7. [Alexander"


def test_context_still_ambiguous_keeps_first_candidate() -> None:
    text = "x May 7. y May 7. z on May 7."
    loc = locate(text, "May 7", suffix=".")
    assert loc.status == "ambiguous"
    assert loc.occurrences == (2, 11, 23)
    loc = locate(text, "May 7", prefix="on ", suffix=".")
    assert (loc.status, loc.start) == ("found", 23)


def test_context_mismatch_several(s000: str) -> None:
    loc = locate(s000, "May 7", prefix="Beijing on ")
    assert loc.status == "context-mismatch"
    assert loc.start is None and loc.end is None
    assert len(loc.occurrences) == 3


def test_context_mismatch_single_occurrence(s000: str) -> None:
    quote = "approximately 11,000 head of cattle"
    assert locate(s000, quote, prefix="Plans to export ").status == "found"
    loc = locate(s000, quote, prefix="Plans to import ")
    assert loc.status == "context-mismatch"
    assert loc.occurrences == (s000.index(quote),)
    assert locate(s000, quote, suffix=" yearly").status == "context-mismatch"


def test_prefix_from_different_occurrences_is_a_mismatch() -> None:
    text = "a X b ... c X d"
    assert locate(text, "X", prefix="a ", suffix=" d").status == "context-mismatch"


def test_empty_context_is_no_constraint(s000: str) -> None:
    assert locate(s000, "May 7", prefix="", suffix="").status == "ambiguous"


def test_folded_prefix_is_accepted(s001: str) -> None:
    # The curator types a straight apostrophe in the prefix: the context still selects.
    text = "The Kremlin’s deal on oil. The Kremlin’s deal on gas. A deal on oil."
    assert locate(text, "deal on oil", prefix="Kremlin's ").status == "found"
    assert locate(text, "deal on oil", prefix="Kremlin's").status == "found"  # junction space
    assert locate(text, "deal on oil", prefix="Kremlin’s ").start == 14
    loc = locate(text, "deal on", prefix="The Kremlin's ", suffix=" gas")
    assert loc.end is not None
    assert (loc.status, text[loc.start : loc.end + 4]) == ("found", "deal on gas")
    assert locate(text, "deal on", prefix="Kremlin’ ").status == "context-mismatch"


# -------------------------------------------------------------------------------- inexact


def test_inexact_straight_apostrophe(s001: str) -> None:
    quote = "The Kremlin's outreach comes at a critical moment"
    loc = locate(s001, quote)
    assert loc.status == "inexact"
    assert loc.exact_text == "The Kremlin’s outreach comes at a critical moment"
    assert s001[loc.start : loc.end] == loc.exact_text
    assert loc.occurrences == ()
    assert locate(s001, loc.exact_text).status == "found"


def test_inexact_double_dash_vs_en_dash(s003: str) -> None:
    loc = locate(s003, "CARACAS – Oil-rich dictatorships")
    assert loc.status == "inexact"
    assert loc.exact_text == "CARACAS -- Oil-rich dictatorships"
    assert s003[loc.start : loc.end] == loc.exact_text


def test_inexact_en_dash_written_as_hyphens(s001: str) -> None:
    loc = locate(s001, "channels with Washington open -- as shown")
    assert loc.status == "inexact"
    assert loc.exact_text == "channels with Washington open – as shown"


@pytest.mark.parametrize(
    "quote",
    [
        "The Kremlin’s  outreach comes",
        "The Kremlin’s\u00a0outreach comes",
        "The Kremlin’s\noutreach comes",
        "The Kremlin’s \t\r\n outreach comes",
        "  The Kremlin’s outreach comes\n",
    ],
)
def test_inexact_whitespace(s001: str, quote: str) -> None:
    loc = locate(s001, quote)
    assert loc.status == "inexact"
    assert loc.exact_text == "The Kremlin’s outreach comes"


def test_inexact_nbsp_in_source(s001: str) -> None:
    i = s001.index("\u00a0")
    raw = s001[i - 8 : i + 10]  # "During a\u00a0video con"
    typed = raw.replace("\u00a0", " ")
    loc = locate(s001, typed)
    assert loc.status == "inexact"
    assert loc.exact_text == raw and (loc.start, loc.end) == (i - 8, i + 10)


def test_inexact_across_paragraph_break(s004: str) -> None:
    i = s004.index("\n\n", 500)
    raw = s004[i - 20 : i + 22]
    loc = locate(s004, raw.replace("\n\n", " "))
    assert loc.status == "inexact"
    assert loc.exact_text == raw


def test_inexact_nfc() -> None:
    text = "Caracas, Venezuela: Nicola\u0301s Maduro said."
    loc = locate(text, "Nicolás Maduro")
    assert loc.status == "inexact"
    assert loc.exact_text == "Nicola\u0301s Maduro"


def test_inexact_prefers_occurrence_selected_by_context() -> None:
    text = "first: it’s here. second: it’s here."
    assert locate(text, "it's here").start == 7
    loc = locate(text, "it's here", prefix="second: ")
    assert (loc.status, loc.start, loc.exact_text) == ("inexact", 26, "it’s here")
    assert locate(text, "it's here", prefix="third: ").start == 7  # no selection: the first


def test_no_case_folding_or_accent_stripping(s000: str) -> None:
    assert locate(s000, "nicolás maduro").status == "not-found"
    assert locate(s000, "Nicolas Maduro, who has").status == "not-found"


# ------------------------------------------------------------------------------ not found


def test_not_found_edited_number_suggests_real_passage(s000: str) -> None:
    loc = locate(s000, "Plans to export approximately 12,000 head of cattle monthly to Iran")
    assert loc.status == "not-found"
    assert loc.start is None and loc.end is None and loc.occurrences == ()
    near = loc.nearest
    assert isinstance(near, Nearest)
    assert near.text == "Plans to export approximately 11,000 head of cattle monthly to Iran"
    assert s000[near.start : near.end] == near.text
    assert 90 < near.score < 100  # high, yet the quote is NOT accepted


def test_nearest_widens_to_whole_words(s000: str) -> None:
    near = nearest(s000, "ximately 12,000 head of catt")
    assert near is not None
    assert near.text == "approximately 11,000 head of cattle"


def test_nearest_is_case_insensitive_with_raw_offsets() -> None:
    text = "İstanbul talks. The PARTNERSHIP AGREEMENT was signed in 2024."
    near = nearest(text, "partnership agreement was signed in 2025")
    assert near is not None
    assert near.text == "PARTNERSHIP AGREEMENT was signed in 2024"
    assert text[near.start : near.end] == near.text


def test_empty_and_blank_quotes() -> None:
    assert locate("text", "") == Location("not-found", None, None, ())
    assert nearest("text", "") is None
    assert nearest("", "quote") is None
    assert locate("", "quote").status == "not-found"
    assert locate("a  b", "  ").status == "found"
    assert locate("ab", " ").nearest is None


def test_long_quote_nearest(s004: str) -> None:
    quote = s004[1000:6000]
    edited = quote.replace("Russia", "Rusia")
    assert edited != quote
    near = nearest(s004, edited)
    assert near is not None
    assert abs(near.start - 1000) < 30 and abs(near.end - 6000) < 30
    assert near.score > 90


def test_huge_quote_does_not_raise(s004: str) -> None:
    quote = (s004 * 10)[:100_000] + " zz"
    loc = locate(s004, quote)
    assert loc.status == "not-found"
    assert loc.nearest is not None


def test_nearest_fast_on_big_text() -> None:
    base = "".join(seed(n) for n in ("000", "001", "002", "003", "004"))
    big = (base * 9)[:300_000] + " The unique sentence with 4,321 drones delivered in March. " + base[:20_000]
    nearest(big, "warm up")  # caches the lowercased text
    start = time.perf_counter()
    near = nearest(big, "unique sentence with 4,322 drones delivered")
    elapsed = time.perf_counter() - start
    assert near is not None and near.text == "unique sentence with 4,321 drones delivered"
    assert elapsed < 0.25  # generous bound; typically a few ms
    long_quote = big[150_000:152_000].replace("e", "3", 3)
    near = nearest(big, long_quote)
    assert near is not None and near.score > 90


# ------------------------------------------------------------------------------- paragraphs


def test_paragraph_bounds_single_newlines(s000: str) -> None:
    quote = "approximately 11,000 head of cattle"
    i = s000.index(quote)
    a, b = paragraph_bounds(s000, start=i, end=i + len(quote))
    para = s000[a:b]
    assert para.startswith("The relationship") or "\n" not in para
    assert quote in para and "\n" not in para
    assert a == 0 or s000[a - 1] == "\n"
    assert b == len(s000) or s000[b] == "\n"


def test_paragraph_bounds_blank_lines(s004: str) -> None:
    quote = "Venezuela’s partnership with Russia is likely to become ever closer"
    i = s004.index(quote)
    a, b = paragraph_bounds(s004, start=i, end=i + len(quote))
    assert s004[a:b] == (
        "Venezuela’s partnership with Russia is likely to become ever closer as a result of "
        "Moscow’s growing international isolation."
    )
    assert s004[a - 2 : a] == "\n\n" and s004[b : b + 2] == "\n\n"


def test_paragraph_bounds_span_across_paragraphs(s004: str) -> None:
    i = s004.index("\n\n", 200)
    a, b = paragraph_bounds(s004, start=i - 5, end=i + 7)
    assert a <= i - 5 and b >= i + 7
    assert s004[a:b].count("\n\n") == 1
    assert s004[a - 1] == "\n" and s004[b] == "\n"


def test_paragraph_bounds_edges() -> None:
    assert paragraph_bounds("", start=0, end=0) == (0, 0)
    assert paragraph_bounds("one\ntwo", start=5, end=6) == (4, 7)
    assert paragraph_bounds("one\ntwo", start=-3, end=99) == (0, 7)
    assert paragraph_bounds("one\ntwo", start=0, end=4) == (0, 4)  # ends with its newline
    assert paragraph_bounds("one\r\ntwo\r\n", start=1, end=2) == (0, 3)
    assert paragraph_bounds("one\r\ntwo\r\n", start=5, end=6) == (5, 8)


# ---------------------------------------------------------------------------------- CRLF


def test_crlf_text(s004: str) -> None:
    crlf = s004.replace("\n", "\r\n")
    quote = "Moscow’s growing international isolation.\n\nIn mid-February 2022"
    assert quote in s004
    loc = locate(crlf, quote)
    assert loc.status == "inexact"
    assert loc.exact_text == quote.replace("\n", "\r\n")
    assert crlf[loc.start : loc.end] == loc.exact_text
    one_line = "Venezuela’s partnership with Russia"
    loc = locate(crlf, one_line)
    assert loc.status == "found" and crlf[loc.start : loc.end] == one_line
    assert loc.start is not None and loc.end is not None
    a, b = paragraph_bounds(crlf, start=loc.start, end=loc.end)
    assert crlf[a:b].endswith("isolation.") and crlf[a - 2 : a] == "\r\n"


# ------------------------------------------------------------------------------------- fold


def test_fold_examples() -> None:
    folded, index = fold("“It’s” ‘x’ «y» a\u00a0\u2009\u202f b\r\nc – d — e − f -- g ‒ h ― i")
    assert folded == '"It\'s" \'x\' "y" a b c - d - e - f - g - h - i'
    assert len(index) == len(folded) + 1
    assert fold("a\u00adb\u200bc\ufeff") == ("abc", [0, 2, 4, 6])
    assert fold("Cafe\u0301")[0] == "Café"
    assert fold("") == ("", [0])


def test_fold_is_cached() -> None:
    text = "some source text – cached"
    assert fold(text) is fold(text)


def check_fold_invariants(text: str) -> None:
    folded, index = fold(text)
    assert len(index) == len(folded) + 1
    assert index[-1] == len(text)
    assert all(a <= b for a, b in zip(index, index[1:], strict=False))
    assert all(0 <= i <= len(text) for i in index)
    assert "  " not in folded
    assert not any(c.isspace() and c != " " for c in folded)
    assert "--" not in folded and "’" not in folded and "“" not in folded


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_fold_map_invariants_on_seeds(number: str) -> None:
    text = seed(number)
    check_fold_invariants(text)
    folded, index = fold(text)
    for i in range(len(folded)):  # each folded char comes from the raw char it maps to
        raw = text[index[i]]
        assert (
            raw == folded[i]
            or fold(raw)[0] == folded[i]
            or (raw.isspace() and folded[i] == " ")
            or (raw == "-" and folded[i] == "-")
        )


FOLD_ALPHABET = st.sampled_from(list("ab -.'\"\n\r\t\u00a0\u2009\u202f–—−‒―‘’“”«»\u00ad\u200be\u0301\u0327İı"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=FOLD_ALPHABET, max_size=40) | st.text(max_size=40))
def test_fold_invariants_property(text: str) -> None:
    check_fold_invariants(text)
    folded, index = fold(text)
    assert fold(folded)[0] == folded  # idempotent


# ------------------------------------------------------------------------------- properties

TEXT = st.text(alphabet=st.sampled_from(list("ab ’'-–\n\u00a0\u0301İ")), max_size=60) | st.text(max_size=60)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.data())
def test_random_substring_is_found_at_its_offset(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    end = data.draw(st.integers(min(start + 1, len(text)), len(text)))
    quote = text[start:end]
    loc = locate(text, quote)
    if not quote:
        assert loc.status == "not-found"
        return
    assert loc.status in {"found", "ambiguous"}
    assert start in loc.occurrences
    assert text[loc.start : loc.end] == quote
    assert (loc.status == "found") == (len(loc.occurrences) == 1)
    context = locate(text, quote, prefix=text[:start], suffix=text[end:])
    assert context.status in {"found", "ambiguous"}
    if context.status == "found":
        assert context.start == start


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT, st.one_of(st.none(), TEXT), st.one_of(st.none(), TEXT))
def test_never_raises_and_offsets_are_consistent(text: str, quote: str, prefix: str | None, suffix: str | None) -> None:
    loc = locate(text, quote, prefix=prefix, suffix=suffix)
    assert loc.status in {"found", "ambiguous", "context-mismatch", "inexact", "not-found"}
    if loc.status in {"found", "ambiguous"}:
        assert text[loc.start : loc.end] == quote
    if loc.status == "inexact":
        assert loc.exact_text == text[loc.start : loc.end]
        assert loc.start is not None and loc.end is not None
        assert 0 <= loc.start < loc.end <= len(text)
    if loc.nearest is not None:
        assert text[loc.nearest.start : loc.nearest.end] == loc.nearest.text
        assert 0 <= loc.nearest.score <= 100
    a, b = paragraph_bounds(text, start=len(text) // 3, end=len(text) // 2)
    assert 0 <= a <= len(text) // 3 <= len(text) // 2 <= b <= len(text)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab ’'-–\n\u00a0")), min_size=1, max_size=60), st.data())
def test_folded_substring_maps_back(text: str, data: st.DataObject) -> None:
    # A quote retyped with straight quotes/plain spaces/hyphens is located, and its exact text folds back.
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    raw = text[start:end]
    typed = fold(raw)[0]
    loc = locate(text, typed)
    if not typed.strip():
        return
    assert loc.status in {"found", "ambiguous", "inexact"}
    if loc.status == "inexact":
        assert fold(loc.exact_text)[0].strip() == typed.strip()
