"""The catalog writers (pin, fix --write, suggest --write, add-source) under faults: a process killed
mid-write, a read-only catalog or folder, a full disk, a read-only file system, a failed backup move.
The catalog is always the old one or the complete new one, and a failure says why and changes nothing."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.catalog import atomic
from dashboard.cli.main import main
from dashboard.validation.validate import validate_path
from tests.conftest import ROOT, TRADE, base_catalog

COMMANDS = ("pin", "fix", "suggest", "add-source")
NEWS = "# Harbour deal lifts Zembla's trade\n\nPublished 12 June 2025\n\nZembla signed 14 agreements on June 10.\n"
STALE = re.compile(r"\.+indicators\.(?:yaml|lock\.json)\.\d+\.[\w.]*\.tmp")
JOURNAL = ".indicators.yaml.commit"
SAID = "; the file is as it was."


def make(folder: Path, command: str) -> tuple[Path, list[str]]:
    """A catalog in `folder` that `command` will change, and the command's arguments."""
    catalog: dict[str, Any] = base_catalog()
    if command == "pin":
        catalog["sources"][0]["sha256"] = "0" * 64
    if command == "fix":
        catalog["indicators"][1]["citations"][0]["quote"] = "Exports reached  approximately $2.5bn last year"
    (folder / "seeds").mkdir(parents=True)
    shutil.copyfile(TRADE, folder / "seeds" / "trade.txt")
    path = folder / "indicators.yaml"
    path.write_text("# curated by hand\n" + yaml.safe_dump(catalog, sort_keys=False), encoding="utf-8")
    argv = {
        "pin": ["pin", str(path)],
        "fix": ["fix", "--write", str(path)],
        "suggest": ["suggest", str(path), "--write"],
    }
    if command in argv:
        return path, argv[command]
    (folder / "incoming").mkdir()
    (folder / "incoming" / "news.md").write_text(NEWS, encoding="utf-8")
    return path, ["add-source", str(folder / "incoming" / "news.md"), "--catalog", str(path)]


def expected(tmp_path: Path, command: str) -> bytes:
    """The catalog `command` writes when nothing goes wrong, from a twin folder."""
    return expected_with_lock(tmp_path, command)[0]


def expected_with_lock(tmp_path: Path, command: str) -> tuple[bytes, bytes | None]:
    """The catalog and the lock `command` writes when nothing goes wrong, from a twin folder."""
    path, argv = make(tmp_path / "twin", command)
    assert main(argv) == 0
    lock = path.with_name("indicators.lock.json")
    return path.read_bytes(), lock.read_bytes() if lock.exists() else None


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*"))


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every file and folder under `folder`: its mode and, for a file, its bytes."""
    return {
        str(p.relative_to(folder)): (p.stat().st_mode, p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def problems(path: Path) -> list[tuple[str, str, int | None, str | None]]:
    report = validate_path(path)
    assert report.catalog is not None
    return [(p.code, p.severity, p.line, p.id) for p in report.problems]


# --------------------------------------------------------------------------------------------
# A write that goes through


@pytest.mark.parametrize("command", COMMANDS)
def test_a_write_keeps_the_old_catalog_as_bak(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    path, argv = make(tmp_path / "work", command)
    old = path.read_bytes()
    assert main(argv) == 0, capsys.readouterr()
    assert path.read_bytes() == expected(tmp_path, command) != old
    assert path.with_name("indicators.yaml.bak").read_bytes() == old
    assert hidden(path.parent) == []


def test_a_second_write_moves_the_bak_on(tmp_path: Path) -> None:
    path, argv = make(tmp_path, "fix")
    first = path.read_bytes()
    assert main(argv) == 0
    second = path.read_bytes()
    assert main(["suggest", str(path), "--write"]) == 0
    assert path.with_name("indicators.yaml.bak").read_bytes() == second != first
    assert hidden(path.parent) == []


# --------------------------------------------------------------------------------------------
# Killed mid-write

HOOK = r"""
import os, sys, tempfile, time
from pathlib import Path

from dashboard.cli.main import main

marker, stage, catalog = Path(sys.argv[1]), sys.argv[2], os.path.abspath(sys.argv[3])
temps = set()
real_mkstemp, real_fdopen, real_fsync, real_replace = tempfile.mkstemp, os.fdopen, os.fsync, os.replace


def stall():
    marker.write_text(str(os.getpid()))
    time.sleep(120)


def mkstemp(*args, **kwargs):
    handle, name = real_mkstemp(*args, **kwargs)
    if os.path.basename(name).startswith("." + os.path.basename(catalog) + ".") and ".bak." not in name:
        temps.add(handle)
    return handle, name


class Half:
    def __init__(self, out):
        self.out = out

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.out.close()

    def write(self, data):
        self.out.write(data[: len(data) // 2])
        self.out.flush()
        stall()

    def __getattr__(self, name):
        return getattr(self.out, name)


def fdopen(handle, *args, **kwargs):
    out = real_fdopen(handle, *args, **kwargs)
    return Half(out) if stage == "half-written" and handle in temps else out


def fsync(handle):
    real_fsync(handle)
    if stage == "fsync" and handle in temps:
        stall()


def replace(src, dst):
    dst = os.path.abspath(dst)
    if stage == "backup-move" and dst == catalog + ".bak":
        stall()
    real_replace(src, dst)
    if stage == "renamed" and dst == catalog or stage == "committed" and dst.endswith(".commit"):
        stall()


tempfile.mkstemp, os.fdopen, os.fsync, os.replace = mkstemp, fdopen, fsync, replace
sys.exit(main(sys.argv[4:]))
"""

BEFORE_RENAME = ("half-written", "fsync")
AFTER_RENAME = ("renamed", "backup-move")


def kill_at(stage: str, path: Path, argv: list[str], marker: Path) -> None:
    """Run the command in a child process, SIGKILL it once it reaches `stage`, reap it."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOOK, str(marker), stage, str(path), *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            if child.poll() is not None:
                out, err = child.communicate()
                pytest.fail(f"the command ended (exit {child.returncode}) before {stage}: {out!r} {err!r}")
            assert time.monotonic() < deadline, f"the command never reached {stage}"
            time.sleep(0.01)
    finally:
        child.kill()
        child.communicate()
    assert child.returncode == -9


@pytest.mark.parametrize("stage", [*BEFORE_RENAME, *AFTER_RENAME])
@pytest.mark.parametrize("command", COMMANDS)
def test_killed_mid_write_leaves_the_old_catalog_or_the_new_one(tmp_path: Path, command: str, stage: str) -> None:
    path, argv = make(tmp_path / "work", command)
    lock = path.with_name("indicators.lock.json")
    old = path.read_bytes()
    new, new_lock = expected_with_lock(tmp_path, command)
    kill_at(stage, path, argv, tmp_path / "marker")
    assert path.read_bytes() == (old if stage in BEFORE_RENAME else new)
    assert not path.with_name("indicators.yaml.bak").exists()
    left = hidden(path.parent)
    assert left and all(STALE.fullmatch(name) or name == JOURNAL for name in left), left
    if stage in AFTER_RENAME and new_lock is not None:  # committed: the next reader completes the lock too
        assert JOURNAL in left or lock.read_bytes() == new_lock
        assert main(["validate", str(path)]) != 2
        assert lock.read_bytes() == new_lock and JOURNAL not in hidden(path.parent)
    if stage == "half-written":
        temp = next(p for p in path.parent.iterdir() if p.name.startswith(".") and ".bak." not in p.name)
        assert 0 < temp.stat().st_size < len(new)
    if stage in AFTER_RENAME:  # the staged backup holds the catalog as it was before the write
        staged = next(p for p in path.parent.iterdir() if p.name.endswith(".bak.tmp"))
        assert staged.read_bytes() == old

    clean = tmp_path / "clean"
    shutil.copytree(path.parent, clean, ignore=shutil.ignore_patterns(".*"))
    assert problems(path) == problems(clean / "indicators.yaml")
    assert main(["validate", str(path)]) == main(["validate", str(clean / "indicators.yaml")]) != 2

    if stage in BEFORE_RENAME:  # run again, it goes through and removes what the killed run left
        assert main(argv) == 0
        assert path.read_bytes() == new and path.with_name("indicators.yaml.bak").read_bytes() == old
    else:
        atomic.write_atomic(path, path.read_text(encoding="utf-8"), backup=True)
        assert path.read_bytes() == path.with_name("indicators.yaml.bak").read_bytes() == new
    assert hidden(path.parent) == []


@pytest.mark.parametrize("command", ["pin", "fix"])
def test_killed_after_the_commit_point_the_next_reader_completes_catalog_and_lock(tmp_path: Path, command: str) -> None:
    path, argv = make(tmp_path / "work", command)
    lock = path.with_name("indicators.lock.json")
    old, old_lock = path.read_bytes(), lock.read_bytes() if lock.exists() else None
    new, new_lock = expected_with_lock(tmp_path, command)
    kill_at("committed", path, argv, tmp_path / "marker")
    assert path.read_bytes() == old and (lock.read_bytes() if lock.exists() else None) == old_lock
    assert JOURNAL in hidden(path.parent)
    assert main(["validate", str(path)]) == 0
    assert path.read_bytes() == new and lock.read_bytes() == new_lock
    assert all(STALE.fullmatch(name) for name in hidden(path.parent))  # only the staged backup's link


def test_temp_files_of_a_live_process_are_left_alone(tmp_path: Path) -> None:
    path, argv = make(tmp_path, "suggest")
    live = path.with_name(f".indicators.yaml.{os.getppid()}.abc123.tmp")
    gone = path.with_name(".indicators.yaml.999999999.abc123.tmp")
    other = path.with_name(".indicators.yaml.notes.tmp")
    for file in (live, gone, other):
        file.write_text("partial", encoding="utf-8")
    assert main(argv) == 0
    assert hidden(path.parent) == sorted([live.name, other.name])


# --------------------------------------------------------------------------------------------
# Refused writes: nothing changes


def refused(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[str]]:
    """A catalog with an older backup beside it, and the command's arguments."""
    path, argv = make(tmp_path / "work", command)
    path.with_name("indicators.yaml.bak").write_text("# an older backup\n", encoding="utf-8")
    capsys.readouterr()
    return path, argv


def assert_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str], path: Path, reason: str, failed: Path | None = None
) -> None:
    before = snapshot(path.parent)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"indicators: {failed or path}: could not write ({reason}){SAID}\n" in err, err
    assert snapshot(path.parent) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_catalog_is_refused_even_for_root(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, argv = refused(tmp_path, command, capsys)
    path.chmod(0o444)
    reason = "the file is read-only (mode 0444); make it writable (chmod u+w) to let the command change it"
    assert_refused(capsys, argv, path, reason)


@pytest.mark.parametrize("command", ["pin", "suggest"])
def test_a_read_only_folder_is_refused_even_for_root(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, argv = refused(tmp_path, command, capsys)
    path.parent.chmod(0o555)
    try:
        reason = "its folder is read-only (mode 0555); make it writable (chmod u+w) to let the command change it"
        assert_refused(capsys, argv, path, reason)
    finally:
        path.parent.chmod(0o755)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file that has a write bit")
def test_a_catalog_its_owner_may_not_write_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, argv = refused(tmp_path, "suggest", capsys)
    path.chmod(0o464)  # a write bit for the group, none for the owner
    assert_refused(capsys, argv, path, "permission denied: the file is not writable by this user")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_mid_write(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, argv = refused(tmp_path, command, capsys)
    real_mkstemp, real_fdopen = tempfile.mkstemp, os.fdopen
    temps: set[int] = set()

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        handle, name = real_mkstemp(*args, **kwargs)
        if os.path.basename(name).startswith(".indicators.yaml."):
            temps.add(handle)
        return handle, name

    class Full:
        """The temp file fills the disk halfway through."""

        def __init__(self, out: Any) -> None:
            self.out = out

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_: object) -> None:
            self.out.close()

        def write(self, data: bytes) -> None:
            self.out.write(data[: len(data) // 2])
            self.out.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(handle: int, *args: Any, **kwargs: Any) -> Any:
        out = real_fdopen(handle, *args, **kwargs)
        return Full(out) if handle in temps else out

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "fdopen", fdopen)
    assert_refused(capsys, argv, path, "the disk is full")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_file_system(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, argv = refused(tmp_path, command, capsys)

    def read_only(*_: object, **__: object) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "link", read_only)
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    copy = path.parent / "seeds" / "news.md" if command == "add-source" else None  # the first write to fail
    assert_refused(capsys, argv, path, "the file system is read-only", copy)


LIMITED = r"""
import resource, signal, sys

from dashboard.cli.main import main

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_size_limit_is_a_real_failed_write(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, argv = refused(tmp_path, command, capsys)
    before = snapshot(path.parent)
    limit = len(path.read_bytes()) // 2
    done = subprocess.run([sys.executable, "-c", LIMITED, str(limit), *argv], cwd=ROOT, capture_output=True, text=True)
    reason = "the file is larger than this process may write (file size limit)"
    assert done.returncode == 2 and f"indicators: {path}: could not write ({reason}){SAID}\n" in done.stderr, done
    assert snapshot(path.parent) == before


# --------------------------------------------------------------------------------------------
# The backup cannot be moved into place


@pytest.mark.parametrize("command", COMMANDS)
def test_a_failed_backup_move_still_writes_the_catalog(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, argv = make(tmp_path / "work", command)
    new = expected(tmp_path, command)
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        if str(dst).endswith(".bak"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert main(argv) == 0, capsys.readouterr()
    assert path.read_bytes() == new
    assert not path.with_name("indicators.yaml.bak").exists()
    assert hidden(path.parent) == []
