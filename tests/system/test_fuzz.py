"""Random catalogs and random text around real quotes (README "What the validator refuses").

Properties: the validator never raises on any catalog; a figure whose value is perturbed is never
reported valid; the numbers the tools write read back to the same value.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.catalog.edit import scalar
from dashboard.catalog.errors import CatalogUnreadable
from dashboard.catalog.load import load_text
from dashboard.catalog.problems import CODES, ERROR
from dashboard.catalog.safe_yaml import CatalogRefused
from dashboard.cli.formats import render_github, render_json, render_text
from dashboard.text.mentions import QUALIFIERS, format_value, read_mentions, unit_kind
from dashboard.validation.report import Report
from dashboard.validation.validate import validate_path
from tests.conftest import TRADE, base_catalog, sha256

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder with seeds/trade.txt; each example overwrites indicators.yaml (and the source) in it."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "seeds").mkdir()
    shutil.copyfile(TRADE, root / "seeds" / "trade.txt")
    yield root
    shutil.rmtree(root, ignore_errors=True)


class _Dumper(yaml.SafeDumper):
    """Writes a Decimal as the plain number it is (no float rounding)."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    tag = "int" if value == value.to_integral_value() and "." not in format(value, "f") else "float"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{tag}", format(value, "f"))


_Dumper.add_representer(Decimal, _decimal)


def dump(catalog: Any) -> str:
    return yaml.dump(catalog, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def check_never_raises(path: Path) -> Report | None:
    """Validate as the CLI does; only the documented refusals may escape, and every report renders."""
    try:
        report = validate_path(path)
    except (CatalogRefused, CatalogUnreadable):
        return None
    lines = path.read_text(encoding="utf-8", errors="replace").count("\n") + 2
    for problem in report.problems:
        assert problem.code in CODES
        assert problem.message and "\n" not in problem.message
        if problem.file == str(path):
            assert 0 <= problem.line <= lines and problem.column >= 0
    for render in (render_text, render_json, render_github):
        assert render(report, strict=True)
    return report


# --- random catalogs ----------------------------------------------------------------------------

_WORDS = [
    "id",
    "value",
    "unit",
    "quote",
    "source",
    "file",
    "theme",
    "title",
    "citations",
    "qualifier",
    "period",
    "figure",
    "prefix",
    "suffix",
    "date",
    "sha256",
    "trade",
    "version",
    "x",
    "",
]
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30).map(lambda n: n * 10**20),
    st.floats(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**12), max_value=10**12),
    st.text(max_size=30),
    st.sampled_from(_WORDS),
    st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=8),
    st.sampled_from(["seeds/trade.txt", "../x.txt", "seeds/", "/etc/passwd", "~/x", "seeds/../seeds/trade.txt"]),
    st.sampled_from(["TODO", "2015/..", "2024-02-30", "about", "more than", "USD", "percent", sha256(TRADE)]),
)
_KEYS = st.one_of(st.sampled_from(_WORDS), st.text(max_size=12), st.integers(), st.booleans(), st.none())
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=12,
)
# raw YAML spliced in as text: literals YAML reads in surprising ways, and structure characters
_RAW = st.one_of(
    st.sampled_from(
        [
            "0x1F",
            "0o17",
            "0b101",
            "017",
            "1_000",
            "+1",
            ".5",
            "1.",
            "1e3",
            "1E+3",
            "12:30",
            "~",
            "yes",
            "on",
            "NO",
            ".NaN",
            "-.inf",
            "'1'",
            '"1"',
            "!!str 1",
            "!!int 1",
            "&a 1",
            "*a",
            "[1",
            "{a",
            "|\n  1",
            ">-\n  1",
            "? a",
            "- - 1",
            "1 # 2",
            "@",
            "`",
            "%YAML 1.2",
            "---",
            "...",
            "\t1",
        ]
    ),
    st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"%@`#,?\n\t 0123456789abc\u00a0\ufeff")), max_size=12),
)

Path_ = tuple[Any, ...]


def _paths(node: Any, here: Path_ = ()) -> list[Path_]:
    found = [here]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _paths(child, (*here, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _paths(child, (*here, index))
    return found


def _at(node: Any, path: Path_) -> Any:
    for step in path:
        node = node[step]
    return node


@st.composite
def random_catalogs(draw: st.DrawFn) -> dict[str, Any]:
    """The base catalog with 1-4 random changes at random places (replace, add, delete, duplicate)."""
    catalog = base_catalog()
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(catalog)))
        target = _at(catalog, path)
        action = draw(st.sampled_from(["replace", "add", "delete", "duplicate"]))
        if action == "replace" and path:
            _at(catalog, path[:-1])[path[-1]] = draw(_VALUES)
        elif action == "add" and isinstance(target, dict):
            target[draw(_KEYS)] = draw(_VALUES)
        elif action == "add" and isinstance(target, list):
            target.insert(draw(st.integers(0, len(target))), draw(_VALUES))
        elif action == "delete" and path:
            del _at(catalog, path[:-1])[path[-1]]
        elif action == "duplicate" and isinstance(target, list) and target:
            target.append(copy.deepcopy(draw(st.sampled_from(target))))
    return catalog


@FUZZ
@given(catalog=random_catalogs())
def test_a_random_catalog_never_raises(corpus: Path, catalog: dict[str, Any]) -> None:
    path = corpus / "indicators.yaml"
    path.write_text(dump(catalog), encoding="utf-8")
    check_never_raises(path)


@FUZZ
@given(raw=_RAW, data=st.data())
def test_random_yaml_spliced_into_a_catalog_never_raises(corpus: Path, raw: str, data: st.DataObject) -> None:
    text = dump(base_catalog())
    lines = text.splitlines(keepends=True)
    index = data.draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    how = data.draw(st.sampled_from(["value", "insert", "splice"]))
    if how == "value" and ": " in line:
        lines[index] = line[: line.index(": ") + 2] + raw + "\n"
    elif how == "insert":
        lines.insert(index, raw + "\n")
    else:
        at = data.draw(st.integers(0, len(line)))
        lines[index] = line[:at] + raw + line[at:]
    path = corpus / "indicators.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    check_never_raises(path)


@FUZZ
@given(ident=st.text(min_size=1, max_size=20))
def test_a_random_id_is_kebab_case_or_a_schema_error(corpus: Path, ident: str) -> None:
    catalog = base_catalog()
    catalog["indicators"][0]["id"] = ident
    path = corpus / "indicators.yaml"
    path.write_text(dump(catalog), encoding="utf-8")
    report = check_never_raises(path)
    assert report is not None
    kebab = all(part and all(c in "abcdefghijklmnopqrstuvwxyz0123456789" for c in part) for part in ident.split("-"))
    schema = [p for p in report.problems if p.code == "schema" and "kebab-case" in p.message]
    assert bool(schema) != kebab, (ident, schema)


# --- random text around real quotes -------------------------------------------------------------

# (indicator id, the sentence its quote is) in the base catalog
SENTENCES = {
    "agreements": "Ruritania and Freedonia have signed 120 agreements.",
    "exports": "Exports reached approximately $2.5bn last year",
    "export-share": "nearly 40 per cent of the total",
    "emigrants": "More than three million people have left since 2015.",
}
_FILLER = st.text(
    alphabet=st.sampled_from(list("abcxyz ABC.,;\n\u00a0\u202f\u2009’“”'\"-–0123456789$%")), max_size=80
) | st.sampled_from(["", "\n\n", "The minister said: ", " — officials added.", "Zenda, 4 May (Test Wire) — "])
_SPACES = st.sampled_from([" ", " ", " ", "\u00a0", "\u202f", "\u2009", "  ", "\t", "\n", "\r\n", " \n  "])
_OPEN_CLOSE = st.sampled_from([("", ""), ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("(", ")")])
_FACTORS = st.sampled_from(["0.5", "2", "10", "100", "1000", "0.001", "1000000", "0.000001", "1.1", "0.9", "-1"])
_DELTAS = st.sampled_from(["1", "-1", "0.1", "-0.1", "0.01", "-0.01", "5", "-5"])


@st.composite
def quoted_sources(draw: st.DrawFn) -> tuple[str, str, str]:
    """(indicator id, its sentence as the source spells it, the whole source text)."""
    ident = draw(st.sampled_from(sorted(SENTENCES)))
    words = SENTENCES[ident].split(" ")
    sentence = words[0] + "".join(draw(_SPACES) + word for word in words[1:])
    opener, closer = draw(_OPEN_CLOSE)
    text = draw(_FILLER) + draw(_SPACES) + opener + sentence + closer + draw(_SPACES) + draw(_FILLER) + "\n"
    return ident, sentence, text


def catalog_over(corpus: Path, text: str, *, ident: str, quote: str, value: Decimal | None = None) -> Path:
    """A catalog whose only indicator is `ident`, quoting `quote` from a source that is `text`."""
    source = corpus / "seeds" / "trade.txt"
    source.write_text(text, encoding="utf-8")
    catalog = base_catalog()
    catalog["sources"][0]["sha256"] = sha256(source)
    (indicator,) = (i for i in catalog["indicators"] if i["id"] == ident)
    indicator["citations"][0]["quote"] = quote
    if value is not None:
        indicator["value"] = value
    catalog["indicators"], catalog["events"] = [indicator], []
    path = corpus / "indicators.yaml"
    path.write_text(dump(catalog), encoding="utf-8")
    return path


def errors_for(report: Report, ident: str) -> list[str]:
    return [p.code for p in report.problems if p.id == ident and CODES[p.code][0] == ERROR]


def true_value(ident: str) -> Decimal:
    return Decimal(next(i for i in base_catalog()["indicators"] if i["id"] == ident)["value"])


# a doubled space, a tab or a wrapped line inside a number once cut its scale word off: "three  million"
# was read as 3, so a value a million times too small was valid and the true one was not
@pytest.mark.parametrize(
    ("ident", "sentence", "factor"),
    [
        ("emigrants", "More than three  million people have left since 2015.", "0.000001"),
        ("emigrants", "More than three\tmillion people have left since 2015.", "0.000001"),
        ("emigrants", "More than three\nmillion people have left since 2015.", "0.000001"),
        ("exports", "Exports reached approximately $2.5\r\nbillion", "0.000000001"),
        ("export-share", "nearly 40\nper  cent of the total", "1"),
    ],
)
def test_blanks_inside_a_number_keep_its_scale_in_a_catalog(
    corpus: Path, ident: str, sentence: str, factor: str
) -> None:
    text = f"“{sentence}”\n"
    report = check_never_raises(catalog_over(corpus, text, ident=ident, quote=sentence))
    assert report is not None
    assert not errors_for(report, ident), report.problems
    if factor != "1":
        value = true_value(ident) * Decimal(factor)
        report = check_never_raises(catalog_over(corpus, text, ident=ident, quote=sentence, value=value))
        assert report is not None and errors_for(report, ident)


@FUZZ
@given(quoted=quoted_sources(), factor=_FACTORS)
def test_a_value_times_a_factor_is_never_valid(corpus: Path, quoted: tuple[str, str, str], factor: str) -> None:
    ident, sentence, text = quoted
    value = true_value(ident) * Decimal(factor)
    report = check_never_raises(catalog_over(corpus, text, ident=ident, quote=sentence, value=value))
    assert report is not None and errors_for(report, ident), (text, value)
    assert not report.ok()


@FUZZ
@given(quoted=quoted_sources(), delta=_DELTAS)
def test_a_value_plus_a_little_is_never_valid(corpus: Path, quoted: tuple[str, str, str], delta: str) -> None:
    ident, sentence, text = quoted
    value = true_value(ident) + Decimal(delta)
    report = check_never_raises(catalog_over(corpus, text, ident=ident, quote=sentence, value=value))
    assert report is not None and errors_for(report, ident), (text, value)


@FUZZ
@given(quoted=quoted_sources())
def test_the_true_value_anchors_exactly_in_any_surroundings(corpus: Path, quoted: tuple[str, str, str]) -> None:
    ident, sentence, text = quoted
    report = check_never_raises(catalog_over(corpus, text, ident=ident, quote=sentence))
    assert report is not None
    anchor = report.anchors.get((ident, 0))
    assert anchor is not None, report.problems
    assert text[anchor.start : anchor.end] == sentence
    assert not errors_for(report, ident), (text, report.problems)


@FUZZ
@given(quoted=quoted_sources())
def test_a_quote_retyped_with_plain_spaces_is_inexact_or_found(corpus: Path, quoted: tuple[str, str, str]) -> None:
    ident, sentence, text = quoted
    typed = " ".join(sentence.split())
    report = check_never_raises(catalog_over(corpus, text, ident=ident, quote=typed))
    assert report is not None
    codes = {p.code for p in report.problems if p.id == ident}
    if typed == sentence:
        assert "quote-not-found" not in codes and "quote-inexact" not in codes
    else:
        assert "quote-inexact" in codes, report.problems
        (inexact,) = (p for p in report.problems if p.code == "quote-inexact")
        assert repr(sentence) in inexact.message


@pytest.mark.parametrize("blank", ["  ", "\t", "\n", "\r\n", " \n\t", "\u00a0"])
@pytest.mark.parametrize(
    ("phrase", "kind", "value", "qualifier"),
    [
        ("more{}than three{}million", "count", 3_000_000, "more than"),
        ("$2.5{}billion", "currency", 2_500_000_000, None),
        ("40{}per cent", "percent", 40, None),
        ("two{}hundred", "count", 200, None),
        ("17 US{}dollars", "currency", 17, None),
        ("5{}years", "duration", 5, None),
    ],
)
def test_blanks_inside_a_number_keep_its_scale(
    phrase: str, kind: str, value: int, qualifier: str | None, blank: str
) -> None:
    readings = [(m.kind, m.value, m.qualifier) for m in read_mentions(phrase.replace("{}", blank))]
    assert readings == [(kind, Decimal(value), qualifier)], phrase
    # a paragraph break still ends a number
    split = [(m.kind, m.value, m.qualifier) for m in read_mentions(phrase.replace("{}", "\n\n"))]
    assert split[0] != (kind, Decimal(value), qualifier)


# --- numbers read back as they are written ------------------------------------------------------

_UNITS = st.sampled_from(["percent", "USD", "EUR", "GBP", "JPY", "people", "agreements", "years", "days"])
_QUALIFIERS = st.sampled_from([None, *QUALIFIERS])


def _decimals(places: int, top: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=-top, max_value=top, places=places, allow_nan=False, allow_infinity=False)


_WIDE = st.integers(0, 3).flatmap(lambda places: _decimals(places, 10**15))


@FUZZ
@given(value=_WIDE, unit=_UNITS, qualifier=_QUALIFIERS)
def test_every_displayed_value_reads_back(value: Decimal, unit: str, qualifier: str | None) -> None:
    text = format_value(value, unit=unit, qualifier=qualifier)
    (mention,) = read_mentions(text)
    assert (mention.value, mention.kind, mention.qualifier) == (value, unit_kind(unit), qualifier), text


_LITERALS = st.one_of(
    st.integers(-(10**20), 10**20).map(Decimal),
    st.integers(0, 8).flatmap(lambda places: st.decimals(places=places, allow_nan=False, allow_infinity=False)),
).filter(lambda v: not (v.is_zero() and v.is_signed()))


@FUZZ
@given(value=_LITERALS)
def test_every_value_a_tool_writes_reads_back(corpus: Path, value: Decimal) -> None:
    text = dump(base_catalog()).replace("  value: 120\n", f"  value: {scalar(value)}\n", 1)
    loaded = load_text(text, path=corpus / "indicators.yaml")
    assert loaded.catalog is not None and not loaded.problems, loaded.problems
    assert loaded.catalog.indicators[0].value == value
