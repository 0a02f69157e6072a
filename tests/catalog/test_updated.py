"""When the catalog last changed: the newest commit touching it and its sources in a clean git work tree,
else the newest file mtime; git missing, slow or failing never raises."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dashboard.catalog import updated
from dashboard.catalog.updated import commit_date, last_updated, newest

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def test_newest_prefers_the_commit_and_else_takes_the_latest_mtime() -> None:
    commit = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
    assert newest(commit, [9e9]) == commit
    assert newest(None, [1_700_000_000.0, 1_750_000_000.0]) == datetime.fromtimestamp(1_750_000_000, tz=UTC)
    assert newest(None, []) is None


def git(repo: Path, *args: str, when: str = "2024-03-05T10:00:00+00:00") -> None:
    who = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    env = {**os.environ, **who, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def files_in(repo: Path) -> list[Path]:
    (repo / "seeds").mkdir(parents=True)
    catalog, source = repo / "indicators.yaml", repo / "seeds" / "a.txt"
    catalog.write_text("version: 1\n", encoding="utf-8")
    source.write_text("A text.\n", encoding="utf-8")
    (repo / "other.txt").write_text("x\n", encoding="utf-8")
    return [catalog, source]


@needs_git
def test_a_clean_work_tree_dates_by_the_newest_commit_of_the_catalog_or_its_sources(tmp_path: Path) -> None:
    files = files_in(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    files[1].write_text("A text, revised.\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "source", when="2024-06-07T09:30:00+02:00")
    (tmp_path / "other.txt").write_text("y\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "unrelated", when="2025-01-01T00:00:00+00:00")
    assert commit_date(files) == datetime.fromisoformat("2024-06-07T09:30:00+02:00")
    assert last_updated(files) == datetime.fromisoformat("2024-06-07T09:30:00+02:00")  # not the mtimes (today)


@needs_git
def test_an_uncommitted_change_or_an_untracked_file_dates_by_mtime(tmp_path: Path) -> None:
    files = files_in(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    files[0].write_text("version: 1\n# edited\n", encoding="utf-8")
    os.utime(files[0], (1_800_000_000, 1_800_000_000))
    assert commit_date(files) is None
    assert last_updated(files) == datetime.fromtimestamp(1_800_000_000, tz=UTC)
    git(tmp_path, "commit", "-qam", "edit")
    extra = tmp_path / "seeds" / "b.txt"
    extra.write_text("New.\n", encoding="utf-8")
    assert commit_date([*files, extra]) is None


def test_outside_git_or_without_git_it_dates_by_mtime_and_never_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = files_in(tmp_path)
    os.utime(files[0], (1_600_000_000, 1_600_000_000))
    os.utime(files[1], (1_650_000_000, 1_650_000_000))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # no repository above tmp_path
    assert last_updated(files) == datetime.fromtimestamp(1_650_000_000, tz=UTC)
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))  # no git at all
    assert commit_date(files) is None
    assert last_updated([*files, tmp_path / "missing.txt"]) == datetime.fromtimestamp(1_650_000_000, tz=UTC)


def test_a_git_that_hangs_is_given_up_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = files_in(tmp_path)
    slow = tmp_path / "bin"
    slow.mkdir()
    (slow / "git").write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    (slow / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{slow}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(updated, "GIT_TIMEOUT_S", 0.3)
    os.utime(files[1], (1_650_000_000, 1_650_000_000))
    os.utime(files[0], (1_600_000_000, 1_600_000_000))
    assert last_updated(files) == datetime.fromtimestamp(1_650_000_000, tz=UTC)
