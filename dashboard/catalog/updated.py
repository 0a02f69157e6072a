"""When the catalog last changed: the date a reader sees as "Last updated".

The newest commit that touched the catalog or one of its source files, when they sit in a git work tree
with no uncommitted change to them (a fresh clone sets every file's mtime to the clone's time, so the
mtime of a deployment says nothing); otherwise the newest modification time of those files. `newest`
decides from what was gathered and is pure; `commit_date` runs git, with a timeout, and never raises.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

GIT_TIMEOUT_S = 3.0


def newest(commit: datetime | None, mtimes: Iterable[float]) -> datetime | None:
    """The commit's date when there is one, else the newest of the files' mtimes (seconds since the epoch,
    as UTC); None when there is neither."""
    if commit is not None:
        return commit
    latest = max(mtimes, default=None)
    return None if latest is None else datetime.fromtimestamp(latest, tz=UTC)


def _git(args: Sequence[str], cwd: Path) -> str | None:
    """Git's output, or None when git is missing, fails, or takes longer than GIT_TIMEOUT_S."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return done.stdout if done.returncode == 0 else None


def commit_date(files: Sequence[Path]) -> datetime | None:
    """The committer date of the newest commit that touched `files`, when they are all in one git work tree
    and none of them is modified, staged or untracked; else None (no git, no repository, a change not yet
    committed, git too slow)."""
    if not files:
        return None
    cwd = files[0].parent
    paths = [str(f) for f in files]
    status = _git(["status", "--porcelain", "--untracked-files=all", "--", *paths], cwd)
    if status is None or status.strip():
        return None
    tracked = _git(["ls-files", "--error-unmatch", "--", *paths], cwd)
    if tracked is None:
        return None
    stamp = _git(["log", "-1", "--format=%cI", "--", *paths], cwd)
    if not stamp or not stamp.strip():
        return None
    try:
        return datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None


def mtimes(files: Iterable[Path]) -> list[float]:
    """The modification time of each file that can be stat'ed."""
    found = []
    for file in files:
        try:
            found.append(file.stat().st_mtime)
        except OSError:
            continue
    return found


def last_updated(files: Sequence[Path]) -> datetime | None:
    """When the catalog and its sources (`files`, the catalog first) last changed."""
    return newest(commit_date(files), mtimes(files))
