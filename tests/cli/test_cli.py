"""The `indicators` command: output shapes, exit codes, schema file, pin."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dashboard.catalog.jsonschema import schema_text
from dashboard.cli.main import main
from tests.conftest import ROOT, Build

TEXT_LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) "
    r"(?P<code>[a-z0-9-]+)( \[(?P<id>[^\]]+)\])? (?P<message>.+)$"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_clean_exits_0(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--strict", str(build()))
    assert code == 0
    assert out.splitlines()[-1].endswith("mentions)") and ": valid (strict" in out


def test_validate_text_shape_points_at_line(
    build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    catalog["indicators"][0]["value"] = 121
    path = build(catalog)
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    errors = [m for m in map(TEXT_LINE.match, out.splitlines()) if m and m["sev"] == "error"]
    assert [m["code"] for m in errors] == ["value-mismatch"]
    line = path.read_text().splitlines()[int(errors[0]["line"]) - 1]
    assert "quote:" in line and errors[0]["id"] == "agreements"
    assert "INVALID" in out.splitlines()[-1]


def test_validate_json_shape(build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    catalog["indicators"][0]["value"] = 121
    code, out, _ = run(capsys, "validate", "--format", "json", str(build(catalog)))
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"ok", "catalog", "counts", "problems", "coverage"}
    assert data["ok"] is False and set(data["counts"]) == {"error", "warning", "info"}
    problem = next(p for p in data["problems"] if p["severity"] == "error")
    assert set(problem) == {
        "code", "severity", "message", "file", "line", "column", "id", "citation", "suggestion", "fix"
    }  # fmt: skip
    assert problem["code"] == "value-mismatch" and problem["citation"] == 0
    assert problem["fix"] == {"value": "120"}
    assert set(data["coverage"]) == {"covered", "mentions", "sources"}


def test_validate_github_annotations(build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    catalog["indicators"][0]["value"] = 121
    code, out, _ = run(capsys, "validate", "--format", "github", str(build(catalog)))
    assert code == 1
    assert re.search(r"^::error file=[^,]+,line=\d+,col=\d+,title=value-mismatch::\[agreements\] ", out, re.M)


def test_strict_fails_on_warning(build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    catalog["events"].append(
        {
            "id": "summit",
            "date": "2023-05-07",
            "title": "Summit",
            "theme": "diplomacy",
            "citations": [{"source": "trade", "quote": "The summit was held in Zenda on May 7."}],
        }
    )
    path = str(build(catalog))
    assert run(capsys, "validate", path)[0] == 0
    assert run(capsys, "validate", "--strict", path)[0] == 1


def test_missing_catalog_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such catalog" in err and out == ""


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--format", "xml"])
    assert exit_info.value.code == 2


def test_broken_yaml_exits_1_with_position(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(build("version: 1\nthemes: [a\n")))
    assert code == 1 and TEXT_LINE.match(out.splitlines()[0])


def test_coverage_lists_uncovered_and_fails_under_100(build: Build, capsys: pytest.CaptureFixture[str]) -> None:
    path = build()
    code, out, _ = run(capsys, "coverage", str(path))
    assert code == 1
    assert re.search(r"^  seeds/trade.txt:\d+:\d+: '5 years' \(duration\) …", out, re.M)
    assert out.splitlines()[-1].startswith("total")
    assert run(capsys, "coverage", "--fail-under", "0", str(path))[0] == 0


def test_schema_file_is_current() -> None:
    committed = (ROOT / "indicators.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run `indicators schema` to regenerate indicators.schema.json"


def test_schema_accepts_the_shipped_catalog() -> None:
    import jsonschema
    import yaml

    data = yaml.safe_load((ROOT / "indicators.yaml").read_text(encoding="utf-8"))
    for source in data["sources"]:
        source["published"] = str(source["published"])
    for event in data.get("events", []):
        event["date"] = str(event["date"])
    for item in data.get("indicators", []):
        if "period" in item:
            item["period"] = str(item["period"])
    jsonschema.validate(data, json.loads(schema_text()))


def test_pin_updates_only_the_hash(build: Build, catalog: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    right = catalog["sources"][0]["sha256"]
    catalog["sources"][0]["sha256"] = "0" * 64
    path = build(catalog)
    before = "# curated by hand\n" + path.read_text()
    path.write_text(before)
    code, out, _ = run(capsys, "pin", str(path))
    after = path.read_text()
    assert code == 0 and "pinned" in out
    assert after == before.replace("0" * 64, right)
    source = path.parent / "seeds" / "trade.txt"
    assert source.read_bytes() == (ROOT / "tests" / "cases" / "trade.txt").read_bytes()


def test_console_script_and_module_entry_agree(build: Build) -> None:
    path = str(build())
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", "--format", "json", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and json.loads(result.stdout)["ok"] is True


def test_cli_does_not_import_heavy_packages() -> None:
    code = (
        "import sys; from dashboard.cli.main import main; "
        "print(sorted(m for m in ('pandas','plotly','streamlit','numpy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = readme.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(commands) == 2 and "streamlit run" in commands[0] and "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
