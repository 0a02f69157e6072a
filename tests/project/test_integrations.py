"""What other repositories and editors use: the pre-commit hooks, the CI example, the schema link."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml

from dashboard.catalog.jsonschema import SCHEMA_FILE
from dashboard.cli.main import parser as cli_parser
from tests.conftest import ROOT


def test_pre_commit_hooks_run_real_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"indicators-validate", "indicators-coverage"}
    for hook in hooks:
        words = shlex.split(hook["entry"])
        assert words[0] == "indicators" and hook["language"] == "python" and hook["pass_filenames"] is False
        args = cli_parser(words[1]).parse_args(words[1:])
        assert args.command in ("validate", "coverage")


def test_github_workflow_example_annotates_with_github_format() -> None:
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions-example.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["validate"]["steps"]]
    assert any("indicators validate --strict --format github" in run for run in steps)


def test_catalog_names_its_schema_on_the_first_line() -> None:
    first = (ROOT / "indicators.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    assert Path(ROOT / SCHEMA_FILE).is_file()
