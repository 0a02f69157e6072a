"""`indicators fix` and the drift report, on temporary copies of a catalog and its seeds."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from dashboard.catalog.edit import Edit
from dashboard.catalog.lock import lock_path, read_lock, render_lock
from dashboard.cli.main import main
from dashboard.curation.fix import Repair, plan_fixes, verify
from dashboard.curation.pin import pin_catalog
from dashboard.text.anchor import shortest_context
from dashboard.validation.drift import build_lock
from dashboard.validation.validate import validate_path
from tests.conftest import ROOT, TRADE, Build, sha256

COMMENTED = "# a comment at the top, kept byte for byte\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def broken(catalog: dict[str, Any]) -> None:
    """One inexact quote (a doubled space), one ambiguous quote, one inexact exclusion."""
    catalog["indicators"][1]["citations"][0]["quote"] = "Exports reached  approximately $2.5bn last year"
    catalog["events"].append(
        {
            "id": "summit",
            "date": "2023-05-07",
            "title": "Summit",
            "theme": "diplomacy",
            "citations": [{"source": "trade", "quote": "The summit was held in Zenda on May 7."}],
        }
    )
    catalog["exclusions"] = [
        {"source": "trade", "quote": "The pact runs for 5  years", "figure": "5 years", "reason": "a term"}
    ]


def commented(build: Build, catalog: dict[str, Any]) -> Path:
    path = build(catalog)
    text = path.read_text(encoding="utf-8").replace("events:\n", "events:  # the timeline\n")
    path.write_text(COMMENTED + text, encoding="utf-8")
    return path


def problem_codes(path: Path) -> set[str]:
    return {p.code for p in validate_path(path).problems if p.severity != "info"}


# --- indicators fix --------------------------------------------------------------------------------


def test_dry_run_prints_a_diff_and_writes_nothing(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    broken(catalog)
    path = commented(build, catalog)
    before = path.read_text(encoding="utf-8")
    code, out, err = run(capsys, "fix", str(path))
    assert code == 1 and path.read_text(encoding="utf-8") == before and not lock_path(path).exists()
    assert out.startswith("--- a/indicators.yaml\n+++ b/indicators.yaml\n@@ ")
    changed = [line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    assert changed == [
        "-    quote: Exports reached  approximately $2.5bn last year",
        '+    quote: "Exports reached approximately $2.5bn last year"',
        '+    prefix: "said.\\n"',
        "-  quote: The pact runs for 5  years",
        "+  quote: The pact runs for 5 years",
    ]
    assert err.count("would fix: ") == 3 and "run with --write" in err


def test_nothing_to_fix_exits_0(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fix", str(build()))
    assert code == 0 and out.endswith("nothing to fix.\n")


def test_missing_catalog_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "fix", str(tmp_path / "none.yaml"))
    assert code == 2 and err.startswith("indicators: ")


def test_write_validates_clean_and_keeps_every_other_byte(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    broken(catalog)
    path = commented(build, catalog)
    before = path.read_text(encoding="utf-8")
    assert {"quote-inexact", "quote-ambiguous"} <= problem_codes(path)
    code, out, _ = run(capsys, "fix", "--write", str(path))
    after = path.read_text(encoding="utf-8")
    assert code == 0 and out.count("fixed: ") == 3 and "fixed 3 problem(s); 0 errors, 0 warnings left" in out
    assert problem_codes(path) == set()
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    kept = [line for line in old_lines if "quote: " not in line or "  " not in line.split("quote: ", 1)[1]]
    assert [line for line in new_lines if line in kept] == kept  # the rest, in order, byte for byte
    assert len(new_lines) == len(old_lines) + 1 and after.startswith(COMMENTED) and "# the timeline" in after
    assert set(read_lock(path)) == {"trade"}  # the lock is refreshed with the fixed anchors
    assert run(capsys, "fix", str(path))[0] == 0


def test_interrupted_write_leaves_the_old_file(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken(catalog)
    path = commented(build, catalog)
    before = path.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, _, err = run(capsys, "fix", "--write", str(path))
    assert code == 2 and "could not write" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["indicators.yaml", "seeds"]


def test_stale_hash_is_pinned_only_when_accepted(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = build(catalog)
    seed = path.parent / "seeds" / "trade.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "A line added at the end.\n", encoding="utf-8")
    seed_bytes = seed.read_bytes()
    code, out, err = run(capsys, "fix", str(path))
    assert code == 0 and "held back: trade: pin sha256" in err and "nothing to fix" in err
    code, out, err = run(capsys, "fix", "--accept-source-changes", str(path))
    assert code == 1 and f"+  sha256: {sha256(seed)}" in out and "agreements#1: anchors (line 3)" in err
    code, out, _ = run(capsys, "fix", "--accept-source-changes", "--write", str(path))
    assert code == 0 and "fixed: trade: pin sha256" in out
    assert "source-hash-mismatch" not in problem_codes(path) and seed.read_bytes() == seed_bytes
    assert read_lock(path)["trade"].sha256 == sha256(seed)


def test_a_repair_that_would_bring_a_new_error_is_refused(build: Build, catalog: dict[str, Any]) -> None:
    broken(catalog)
    path = build(catalog)
    report, text = validate_path(path), path.read_text(encoding="utf-8")
    repairs = plan_fixes(report, text)
    exports = next(r for r in repairs if r.problem.id == "exports")
    value = text.index("value: 120") + len("value: ")
    bad = Repair(exports.problem, "also change a value", (*exports.edits, Edit(value, value + 3, "121")))
    outcome = verify(report, text, [bad, *[r for r in repairs if r is not exports]])
    assert [r.description for r, _ in outcome.refused] == ["also change a value"]
    assert "the problem would remain" in outcome.refused[0][1] or "new error" in outcome.refused[0][1]
    assert len(outcome.kept) == 2 and "value: 120" in outcome.text


def test_refused_repair_exits_1_and_writes_only_the_safe_ones(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken(catalog)
    path = build(catalog)

    def plan_with_a_bad_one(report: Any, text: str) -> list[Repair]:
        repairs = plan_fixes(report, text)
        start = text.index("title: Agreements") + len("title: ")
        return [*repairs, Repair(repairs[0].problem, "break a title", (Edit(start, start + 10, "[unclosed"),))]

    monkeypatch.setattr("dashboard.cli.fix.plan_fixes", plan_with_a_bad_one)
    code, out, err = run(capsys, "fix", "--write", str(path))
    assert code == 1 and "refused: break a title" in err and out.count("fixed: ") == 3
    assert problem_codes(path) == set()


def test_plan_fixes_gives_each_problem_its_repair(build: Build, catalog: dict[str, Any]) -> None:
    broken(catalog)
    path = build(catalog)
    repairs = plan_fixes(validate_path(path), path.read_text(encoding="utf-8"))
    assert [(r.problem.code, r.problem.id) for r in repairs] == [
        ("quote-inexact", "exports"),
        ("quote-ambiguous", "summit"),
        ("quote-inexact", "exclusion:0"),
    ]
    assert all(r.edits and not r.needs_accept for r in repairs)
    assert repairs[1].description.startswith("summit citation 1: add `prefix: ")


def test_find_context_prefers_the_shortest_prefix_widened_to_a_word() -> None:
    source = "We said: the deal is done. They said: the deal is done."
    quote = "the deal is done."
    assert shortest_context(source, quote, start=9, prefer_prefix=True) == ("prefix", "We said: ")
    assert shortest_context(source, quote, start=source.rindex(quote), prefer_prefix=True) == ("prefix", "They said: ")
    assert shortest_context("ab ab x", "ab", start=0, prefer_prefix=True) == ("suffix", " ab")


def test_an_existing_prefix_that_does_not_decide_is_lengthened(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog["events"].append(
        {
            "id": "summit",
            "date": "2023-05-07",
            "title": "Summit",
            "theme": "diplomacy",
            "citations": [{"source": "trade", "quote": "was held in Zenda on May 7.", "prefix": "The summit "}],
        }
    )
    path = build(catalog)
    assert run(capsys, "fix", "--write", str(path))[0] == 0
    assert 'prefix: "said.\\nThe summit "' in path.read_text(encoding="utf-8") and problem_codes(path) == set()


# --- the drift report ------------------------------------------------------------------------------


def drift_lines(path: Path) -> dict[str, str]:
    problem = next(p for p in validate_path(path).problems if p.code == "source-hash-mismatch")
    found = (re.match(r"  (\S+): (.+)$", line) for line in problem.message.splitlines()[1:])
    return {m[1]: m[2] for m in found if m}


def pinned(build: Build) -> tuple[Path, Path, str]:
    path = build()
    pin_catalog(path)
    seed = path.parent / "seeds" / "trade.txt"
    return path, seed, seed.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "key", "expected"),
    [
        (lambda t: t.replace("By Jane Doe", "By Jane Doe\nA new line."), "agreements#1", "moved (line 3 -> line 4)"),
        (lambda t: t.replace("signed 120", "signed 121"), "agreements#1", "changed number (line 3: 120 -> 121)"),
        (lambda t: t.replace("More than three million people have left since 2015.\n", ""), "emigrants#1", "lost"),
        (lambda t: t.replace("About 30 ships", "About 31 ships"), "agreements#1", "same place (line 3)"),
    ],
    ids=["moved", "changed-number", "lost", "same-place"],
)
def test_every_drift_class_fires(build: Build, change: Any, key: str, expected: str) -> None:
    path, seed, text = pinned(build)
    seed.write_text(change(text), encoding="utf-8")
    lines = drift_lines(path)
    assert lines[key] == expected
    assert set(lines) == {"agreements#1", "exports#1", "export-share#1", "emigrants#1", "signing#1"}


def test_without_a_lock_for_the_pinned_bytes_only_anchoring_is_told(build: Build) -> None:
    path, seed, text = pinned(build)
    lock = json.loads(lock_path(path).read_text(encoding="utf-8"))
    lock["trade"]["sha256"] = "0" * 64
    lock_path(path).write_text(json.dumps(lock), encoding="utf-8")
    seed.write_text(text.replace("By Jane Doe", "By Jane Doe\nA new line."), encoding="utf-8")
    assert drift_lines(path)["agreements#1"] == "anchors (line 4)"
    lock_path(path).unlink()
    assert drift_lines(path)["emigrants#1"] == "anchors (line 6)"


def test_validate_text_lists_the_drift_under_the_hash_line(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    path, seed, text = pinned(build)
    seed.write_text(text.replace("By Jane Doe", "By Jane Doe\nA new line."), encoding="utf-8")
    _, out, _ = run(capsys, "validate", str(path))
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if " error source-hash-mismatch [trade] " in line)
    assert lines[at + 1 : at + 6] == [
        "  agreements#1: moved (line 3 -> line 4)",
        "  exports#1: moved (line 4 -> line 5)",
        "  export-share#1: moved (line 4 -> line 5)",
        "  emigrants#1: moved (line 5 -> line 6)",
        "  signing#1: moved (line 3 -> line 4)",
    ]


def test_pin_writes_the_lock_and_dry_run_does_not(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    path = build()
    assert run(capsys, "pin", "--dry-run", str(path))[0] == 0 and not lock_path(path).exists()
    assert run(capsys, "pin", str(path))[0] == 0
    lock = json.loads(lock_path(path).read_text(encoding="utf-8"))
    assert lock["trade"]["sha256"] == sha256(TRADE)
    assert lock["trade"]["anchors"]["agreements#1"] == [101, 152, 3]


def test_pin_of_one_source_keeps_the_lock_of_another(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "indicators.yaml", tmp_path / "indicators.yaml")
    pin_catalog(tmp_path / "indicators.yaml")
    first = read_lock(tmp_path / "indicators.yaml")
    seed = tmp_path / "seeds" / "000_41ad38359f02d00f.txt"
    seed.write_text("A new first line.\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    pin_catalog(tmp_path / "indicators.yaml", only={"bne-intellinews-2025"})
    assert read_lock(tmp_path / "indicators.yaml") == first
    assert "moved" in "".join(drift_lines(tmp_path / "indicators.yaml").values())


def test_the_shipped_lock_is_current() -> None:
    path = ROOT / "indicators.yaml"
    report = validate_path(path)
    assert (ROOT / "indicators.lock.json").read_text(encoding="utf-8") == render_lock(
        build_lock(report, previous={})
    ), "run `indicators pin` to refresh indicators.lock.json"
