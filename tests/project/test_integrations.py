"""What other repositories and editors use: the pre-commit hooks, the CI example, the schema link."""

from __future__ import annotations

import re
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


WORKFLOW = yaml.safe_load((ROOT / "docs" / "github-actions-example.yml").read_text(encoding="utf-8"))


def test_github_workflow_example_annotates_with_github_format() -> None:
    steps = [step.get("run", "") for step in WORKFLOW["jobs"]["validate"]["steps"]]
    assert any("indicators validate --strict --format github" in run for run in steps)


def test_github_workflow_example_installs_the_cli_only_from_a_tag_with_a_cache_and_a_timeout() -> None:
    assert re.fullmatch(r"indicators-dashboard @ git\+https://\S+@v\d+\.\d+\.\d+", WORKFLOW["env"]["VALIDATOR"])
    for job in WORKFLOW["jobs"].values():
        assert 0 < job["timeout-minutes"] <= 15
        installs = [step["run"] for step in job["steps"] if "pip install" in step.get("run", "")]
        assert installs and all("[dashboard" not in run and "$VALIDATOR" in run for run in installs)
    setup = next(s for s in WORKFLOW["jobs"]["validate"]["steps"] if "setup-python" in s.get("uses", ""))
    assert setup["with"]["cache"] == "pip"


def test_github_workflow_example_runs_the_newest_versions_weekly() -> None:
    schedule = WORKFLOW[True]["schedule"]  # YAML 1.1 reads the key `on` as true
    assert len(schedule) == 1 and schedule[0]["cron"].split()[2:] == ["*", "*", "1"]
    newest = WORKFLOW["jobs"]["newest-versions"]
    assert newest["if"] == "github.event_name == 'schedule'"
    assert any("--upgrade --upgrade-strategy eager" in step.get("run", "") for step in newest["steps"])


def test_catalog_names_its_schema_on_the_first_line() -> None:
    first = (ROOT / "indicators.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    assert Path(ROOT / SCHEMA_FILE).is_file()
