"""Hostile inputs, one per row of the README table "What the validator refuses".

Each case runs the real CLI in a subprocess and checks the code, the catalog line named in the
message, exit 1, and that the run stayed well under 5 s and 200 MB (measured with os.wait4 in a small launcher).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.catalog.model import Event, Indicator
from dashboard.catalog.sources import BOM
from dashboard.validation.report import Report
from tests.conftest import TRADE, Build, base_catalog, sha256, validate
from tests.support.processes import launched, read_launch_report

MAX_SECONDS = 5.0
MAX_RSS_MB = 200.0
SPARSE_SIZE = 200 * 1024 * 1024
PROBLEM_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) (?P<code>[a-z0-9-]+)"
    r"(?: \[[^\]]*\])? (?P<message>.*)$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def run_cli(*args: str | Path, cwd: Path | None = None, timeout: float = 10.0) -> Run:
    """Run `python -m dashboard ARGS`; its exit code, output, wall time and peak RSS (of that child only)."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch, "rusage")
        command = launched([sys.executable, "-m", "dashboard", *map(str, args)], report)
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, start_new_session=True
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as timed_out:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise AssertionError(f"the CLI ran longer than {timeout} s: {args}") from timed_out
        seconds, max_rss_mb = read_launch_report(report)
    stdout, stderr = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    return Run(process.returncode, stdout, stderr, seconds, max_rss_mb)


def reported(run: Run) -> list[dict[str, Any]]:
    """The problems the text output lists (errors and warnings), as dicts."""
    found = []
    for match in PROBLEM_RE.finditer(run.stdout + run.stderr):
        if match["severity"] != "info":
            found.append({**match.groupdict(), "line": int(match["line"])})
    return found


def assert_bounded(run: Run) -> None:
    assert run.seconds < MAX_SECONDS, f"took {run.seconds:.2f} s"
    assert run.max_rss_mb < MAX_RSS_MB, f"peak RSS {run.max_rss_mb:.0f} MB"
    assert "Traceback" not in run.stderr, run.stderr


def assert_refused(run: Run, code: str, line: int, *, also: tuple[str, ...] = ()) -> str:
    """Exit 1, exactly `code` (plus `also`) among errors and warnings, `code` at indicators.yaml:LINE.

    Returns the message of that problem."""
    assert_bounded(run)
    assert run.code == 1, (run.code, run.stdout, run.stderr)
    found = reported(run)
    assert {p["code"] for p in found} == {code, *also}, run.stdout
    at_line = [p for p in found if p["code"] == code and p["line"] == line]
    assert at_line, f"no {code} at line {line}:\n{run.stdout}"
    assert all(p["file"].endswith("indicators.yaml") for p in at_line)
    assert f"indicators.yaml:{line}:" in run.stdout
    return str(at_line[0]["message"])


def assert_accepted(run: Run) -> None:
    assert_bounded(run)
    assert run.code == 0, (run.stdout, run.stderr)
    assert reported(run) == [], run.stdout


def line_of(path: Path, needle: str, *, nth: int = 1) -> int:
    """1-based line of the nth line of `path` that contains `needle` (nth=-1: the last)."""
    hits = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text]
    assert len(hits) >= abs(nth), f"{needle!r} is not in {path} {abs(nth)} time(s)"
    return hits[nth - 1 if nth > 0 else nth]


def edit(path: Path, old: str, new: str) -> Path:
    """Replace the one occurrence of `old` in the catalog text."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def with_source_bytes(build: Build, data: bytes) -> Path:
    """The base catalog over seeds/trade.txt holding `data`, its sha256 pinned."""
    catalog = base_catalog()
    path = build(catalog)
    source = path.parent / "seeds" / "trade.txt"
    source.write_bytes(data)
    catalog["sources"][0]["sha256"] = sha256(source)
    path.write_text(yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def quote_of(report: Report, ident: str, index: int) -> str:
    assert report.catalog is not None
    records: tuple[Indicator | Event, ...] = (*report.catalog.indicators, *report.catalog.events)
    record = next(r for r in records if r.id == ident)
    return record.citations[index].quote


def validate_cli(path: Path, **kwargs: Any) -> Run:
    return run_cli("validate", path, **kwargs)


TEXT = TRADE.read_text(encoding="utf-8")


# --- the YAML itself ----------------------------------------------------------------------------

BILLION_LAUGHS = "version: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def test_billion_laughs_is_refused_before_expansion(build: Build) -> None:
    run = validate_cli(build(BILLION_LAUGHS))
    message = assert_refused(run, "yaml-alias", 3)
    assert "alias" in message
    assert run.max_rss_mb < 100


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/object/apply:subprocess.call [[touch, {marker}]]",
        "!!python/object:builtins.dict {{}}",
        "!!python/object/new:os.system [touch {marker}]",
        "!!python/name:os.system",
        "!include {marker}",
        "!!binary aGVsbG8=",
    ],
)
def test_a_tag_is_refused_and_nothing_runs(build: Build, tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "PWNED"
    path = edit(build(), "  value: 120\n", f"  value: {tagged.format(marker=marker)}\n")
    run = validate_cli(path, cwd=tmp_path)
    message = assert_refused(run, "yaml-alias", line_of(path, "value: !"))
    assert "tag" in message
    assert not marker.exists()
    assert not (tmp_path / "PWNED").exists()


def test_a_python_object_tag_at_the_top_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    path = tmp_path / "indicators.yaml"
    path.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    assert_refused(validate_cli(path, cwd=tmp_path), "yaml-alias", 1)
    assert not marker.exists()


DEPTH = 10_000


@pytest.mark.parametrize(
    ("nested", "line"),
    [
        ("themes: " + "[" * DEPTH + "]" * DEPTH + "\n", 2),
        ("themes: " + "{a: " * DEPTH + "x" + "}" * DEPTH + "\n", 2),
        ("themes:\n  " + "- " * DEPTH + "x\n", 3),
        # block mappings, one more space per level: level 65 is the 65th line of the nest
        ("themes:\n" + "".join(" " * level + "a:\n" for level in range(1, 201)) + " " * 201 + "x\n", 66),
    ],
    ids=["flow-list", "flow-map", "block-list", "block-map"],
)
def test_deep_nesting_is_refused(tmp_path: Path, nested: str, line: int) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text("version: 1\n" + nested, encoding="utf-8")
    message = assert_refused(validate_cli(path), "schema", line)
    assert "deeper than 64 levels" in message


@pytest.mark.parametrize("key", ["? [a, b]\n  : Trade\n", "? {a: 1}\n  : Trade\n", "[a, b]: Trade\n"])
def test_a_list_or_mapping_as_a_key_is_refused(build: Build, key: str) -> None:
    path = edit(build(), "  trade: Trade\n", "  " + key)
    message = assert_refused(validate_cli(path), "schema", 3)
    assert "keys are plain names" in message


def test_a_200_mb_catalog_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("version: 1\nthemes: {trade: Trade}\n")
        handle.truncate(SPARSE_SIZE)
    message = assert_refused(validate_cli(path), "too-large", 1)
    assert f"{SPARSE_SIZE:,}" in message
    assert path.stat().st_blocks * 512 < 1024 * 1024  # still sparse: nothing was written to it


def test_a_200_mb_source_is_refused_by_its_size(build: Build) -> None:
    path = build()
    source = path.parent / "seeds" / "trade.txt"
    with source.open("r+b") as handle:
        handle.truncate(SPARSE_SIZE)
    message = assert_refused(validate_cli(path), "too-large", line_of(path, "file: seeds/trade.txt"))
    assert f"{SPARSE_SIZE:,}" in message


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("exclusions: []\n", "exclusions: []\nversion: 1\n", "version"),
        ("  diplomacy: Diplomacy\n", "  diplomacy: Diplomacy\n  trade: Commerce\n", "trade"),
        ("  publisher: Test Wire\n", "  publisher: Test Wire\n  title: Again\n", "title"),
        ("  unit: agreements\n", "  unit: agreements\n  value: 121\n", "value"),
        (
            "    quote: Ruritania and Freedonia have signed 120 agreements.\n",
            "    quote: Ruritania and Freedonia have signed 120 agreements.\n    source: trade\n",
            "source",
        ),
    ],
    ids=["top", "themes", "source", "indicator", "citation"],
)
def test_a_repeated_key_is_refused_at_the_repeat(build: Build, old: str, new: str, key: str) -> None:
    path = build()
    first = {
        "version": 1,
        "trade": line_of(path, "  trade: Trade"),
        "title": line_of(path, "  title: Ruritania"),
        "value": line_of(path, "  value: 120"),
        "source": line_of(path, "  - source: trade"),
    }[key]
    edit(path, old, new)
    repeat = line_of(path, new.splitlines()[-1], nth=-1)
    message = assert_refused(validate_cli(path), "duplicate-key", repeat)
    assert f"`{key}` is repeated (first at line {first})" in message


def test_a_catalog_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_bytes("version: 1\nthemes:\n  cafe: Café\n".encode("latin-1"))
    message = assert_refused(validate_cli(path), "yaml-syntax", 3)
    assert "not valid UTF-8" in message


# --- source encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code", "says"),
    [
        (TEXT.replace("Zenda", "Zénda").encode("latin-1", "replace"), "source-not-utf8", "iconv -f latin1"),
        (TEXT.encode("utf-16"), "source-not-utf8", "it is UTF-16"),
        (TEXT.encode("utf-16-le"), "source-binary", "UTF-16 without a byte-order mark"),
        (TEXT.encode("utf-8").replace(b"Zenda", b"Ze\0nda", 1), "source-binary", "NUL byte"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "source-binary", "binary file"),
    ],
    ids=["latin-1", "utf-16-bom", "utf-16-no-bom", "nul", "png"],
)
def test_a_source_that_is_not_utf8_text(build: Build, data: bytes, code: str, says: str) -> None:
    path = with_source_bytes(build, data)
    message = assert_refused(validate_cli(path), code, line_of(path, "file: seeds/trade.txt"))
    assert says in message and "indicators pin" in message


def test_a_utf8_bom_at_the_start_of_a_source_is_accepted(build: Build) -> None:
    data = (BOM + TEXT).encode("utf-8")
    path = with_source_bytes(build, data)
    assert_accepted(validate_cli(path))
    report = validate(path)
    text = report.texts["trade"].text
    assert text == TEXT and report.texts["trade"].sha256 == sha256(path.parent / "seeds" / "trade.txt")
    assert report.anchors
    for (ident, index), anchor in report.anchors.items():
        quote = quote_of(report, ident, index)
        assert text[anchor.start : anchor.end] == quote == TEXT[anchor.start : anchor.end]


def test_a_utf8_bom_at_the_start_of_the_catalog_is_accepted(build: Build) -> None:
    path = build()
    path.write_bytes(BOM.encode("utf-8") + path.read_bytes())
    assert_accepted(validate_cli(path))
    path.write_bytes(path.read_bytes().replace(sha256(TRADE).encode(), b"0" * 64))
    assert_refused(validate_cli(path), "source-hash-mismatch", line_of(path, "sha256:"))


@pytest.mark.parametrize("command", [("pin",), ("fix", "--write"), ("suggest", "--write")])
def test_the_commands_that_write_keep_a_catalog_bom_and_edit_the_right_bytes(
    build: Build, tmp_path: Path, command: tuple[str, ...]
) -> None:
    catalog = base_catalog()
    if command == ("pin",):
        catalog["sources"][0]["sha256"] = "0" * 64
    era = {"id": "era", "date": "2024", "title": "Era", "theme": "diplomacy"}
    catalog["events"].append({**era, "citations": [{"source": "trade", "quote": '"It\'s a new era -- truly,"'}]})
    plain = build(catalog)
    before = plain.read_bytes()
    shutil.copytree(tmp_path / "seeds", tmp_path / "bom" / "seeds")
    marked = tmp_path / "bom" / "indicators.yaml"
    marked.write_bytes(BOM.encode("utf-8") + before)
    for path in (plain, marked):
        run = run_cli(*command, path)
        assert_bounded(run)
        assert run.code in (0, 1), (run.stdout, run.stderr)
    assert plain.read_bytes() != before
    assert marked.read_bytes() == BOM.encode("utf-8") + plain.read_bytes()


def test_crlf_line_endings_in_a_source(build: Build) -> None:
    crlf = TEXT.replace("\n", "\r\n")
    path = with_source_bytes(build, crlf.encode("utf-8"))
    assert_accepted(validate_cli(path))
    report = validate(path)
    text = report.texts["trade"].text
    assert text == crlf
    for (ident, index), anchor in report.anchors.items():
        quote = quote_of(report, ident, index)
        assert text[anchor.start : anchor.end] == quote
        line, column = report.texts["trade"].line_col(anchor.start)
        lf_start = anchor.start - (line - 1)  # one \r fewer per line break before it
        assert TEXT[lf_start : lf_start + len(quote)] == quote
        assert column == lf_start - TEXT.rfind("\n", 0, lf_start)


def test_a_quote_across_a_crlf_line_break(build: Build) -> None:
    path = with_source_bytes(build, TEXT.replace("\n", "\r\n").encode("utf-8"))
    event = (
        "- id: pact\n  date: '2015'\n  title: Pact\n  theme: diplomacy\n  citations:\n  - source: trade\n"
        '    quote: "since 2015.\\nThe pact runs for 5 years"\n'
    )
    edit(path, "exclusions: []\n", event + "exclusions: []\n")
    message = assert_refused(validate_cli(path), "quote-inexact", line_of(path, 'quote: "since 2015.'))
    assert "paste the exact source text: 'since 2015.\\r\\nThe pact runs for 5 years'" in message


# --- paths --------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", ["../x.txt", "seeds/../../x.txt", "/etc/passwd", "~/x.txt", "seeds/link.txt"])
def test_a_source_outside_the_corpus(build: Build, tmp_path: Path, file: str) -> None:
    path = build()
    shutil.copyfile(TRADE, tmp_path / "x.txt")
    (tmp_path / "seeds" / "link.txt").symlink_to(tmp_path / "x.txt")
    edit(path, "file: seeds/trade.txt", f"file: {file}")
    message = assert_refused(validate_cli(path), "source-outside-corpus", line_of(path, "  file: "))
    assert file in message


@pytest.mark.parametrize(("kind", "says"), [("directory", "is a directory"), ("fifo", "is a FIFO")])
def test_a_source_that_is_not_a_regular_file(build: Build, tmp_path: Path, kind: str, says: str) -> None:
    path = build()
    special = tmp_path / "seeds" / "special.txt"
    if kind == "directory":
        special.mkdir()
    else:
        os.mkfifo(special)
    edit(path, "file: seeds/trade.txt", "file: seeds/special.txt")
    run = validate_cli(path, timeout=MAX_SECONDS)
    message = assert_refused(run, "source-missing", line_of(path, "  file: "))
    assert says in message


# --- ids, quotes, values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ident",
    ["has space", "Agreements", "agreements\n", "\u0430greements", "agreements\u200b"],
    ids=["space", "upper", "newline", "cyrillic", "zero-width"],
)
def test_a_bad_id_is_a_schema_error(build: Build, ident: str) -> None:
    catalog = base_catalog()
    catalog["indicators"][0]["id"] = ident
    path = build(catalog)
    line = line_of(path, "indicators:") + 1
    message = assert_refused(validate_cli(path), "schema", line)
    assert "must be kebab-case" in message
    assert "\n" not in message


def test_a_one_character_quote(build: Build) -> None:
    catalog = base_catalog()
    catalog["indicators"][0]["citations"][0]["quote"] = "1"
    path = build(catalog)
    quote_line = line_of(path, "quote: '1'")
    assert_refused(validate_cli(path), "quote-ambiguous", quote_line, also=("value-not-in-quote",))


def test_a_100000_character_quote(build: Build) -> None:
    catalog = base_catalog()
    long_quote = ("Ruritania and Freedonia have signed 120 pacts. " * 2200)[:100_000]
    catalog["indicators"][0]["citations"][0]["quote"] = long_quote
    path = build(catalog)
    quote_line = line_of(path, "quote: Ruritania and Freedonia have signed 120 pacts.")
    message = assert_refused(validate_cli(path), "quote-not-found", quote_line)
    assert "Nearest passage (line 1): 'Ruritania and Freedonia" in message


@pytest.mark.parametrize("literal", [".inf", "-.inf", ".nan", "1e400", "-0", "true", "2025-01-01", "null", "~", ""])
def test_a_value_that_is_not_a_plain_decimal(build: Build, literal: str) -> None:
    path = edit(build(), "  value: 120\n", f"  value: {literal}\n")
    message = assert_refused(validate_cli(path), "value-literal", line_of(path, "  value: " + literal))
    assert "not a plain decimal number" in message
