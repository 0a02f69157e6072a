"""Replace a file's contents atomically: write a sibling temp file, flush it to disk, rename it over.

With `backup=True` (the catalog writers: pin, fix --write, suggest --write, add-source) the previous
content is kept next to the file as `NAME.bak`: staged as a hidden hard link (or copy) before the
rename, moved into place after it. A process killed at any moment leaves the old file or the new one,
never half of either; a failure (read-only file or folder, full disk) raises WriteFailed and changes
nothing.

A read-only file is one whose mode has no write bit for anyone (0444), whoever runs the command: root
may write any file, so the mode, not os.access alone, is what says the file is not to be changed. The
same holds for a folder (0555). Hidden temp files are named `.NAME.PID.*.tmp`; a process killed
mid-write may leave one behind, and the next write to NAME removes those whose process is gone.

Several files written together (the catalog and its lock, `indicators.lock.json`) change as one:
each is written to its temp file, then a hidden journal `.NAME.commit` naming the renames is put in
place (the commit point), then the renames are made and the journal removed. A process killed after
the commit point leaves the journal; the next writer or reader of the catalog finishes the renames
before it does anything else, so the two files are never seen out of step after a kill.

Writers take an advisory lock (`flock`) on the catalog for the whole read-modify-write
(`exclusive`), so two commands changing one catalog at once run one after the other and neither
change is lost.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from dashboard.catalog.errors import IndicatorsError

try:
    import fcntl
except ImportError:  # not a POSIX system: writers are not serialised there
    fcntl = None  # type: ignore[assignment]

BACKUP_SUFFIX = ".bak"


class WriteFailed(IndicatorsError, OSError):
    """A file could not be written; nothing was changed. str() is a sentence for the user."""

    def __init__(self, path: Path, reason: str, code: int | None = None) -> None:
        super().__init__(code or 0, f"{path}: could not write ({reason}); the file is as it was.")
        self.path, self.reason = path, reason

    def __str__(self) -> str:
        return str(self.args[1])


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def _why(err: OSError) -> str:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if err.errno == errno.EROFS:
        return "the file system is read-only"
    if err.errno == errno.EFBIG:
        return "the file is larger than this process may write (file size limit)"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return err.strerror or str(err)


def _write_temp(path: Path, data: bytes, mode: int) -> Path:
    """A hidden sibling of `path` holding `data`, flushed to disk."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def _replace(path: Path, data: bytes, mode: int) -> None:
    temp = _write_temp(path, data, mode)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every system can fsync a folder)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, under another user
        return True
    return True


def _remove_stale_temps(path: Path) -> None:
    """Delete hidden temp files a killed writer of `path` left behind (never those of a live process)."""
    pattern = re.compile(rf"\.+{re.escape(path.name)}\.(\d+)\.[\w.]*\.tmp")
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            found = pattern.fullmatch(entry.name)
            if found and int(found[1]) != os.getpid() and not _alive(int(found[1])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _refuse_read_only(path: Path, exists: bool) -> None:
    """WriteFailed when the file or its folder is marked read-only, even for root, or is not ours to write."""
    try:
        folder = path.parent.stat().st_mode & 0o777
    except OSError:  # a missing or unreadable folder: the write itself says why it fails
        folder = 0o700
    if exists:
        mode = path.stat().st_mode & 0o777
        if mode & 0o222 == 0:
            raise WriteFailed(
                path,
                f"the file is read-only (mode {mode:04o}); make it writable (chmod u+w) to let the command change it",
                errno.EACCES,
            )
        if not os.access(path, os.W_OK):
            raise WriteFailed(path, "permission denied: the file is not writable by this user", errno.EACCES)
    if folder & 0o222 == 0:
        raise WriteFailed(
            path,
            f"its folder is read-only (mode {folder:04o}); make it writable (chmod u+w) to let the command change it",
            errno.EACCES,
        )


def _stage_backup(path: Path) -> Path:
    """A hidden sibling holding the current content: a hard link to it, or a copy where links fail."""
    staged = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.bak.tmp")
    try:
        os.link(path, staged)
    except OSError:
        _replace(staged, path.read_bytes(), path.stat().st_mode & 0o777)
    return staged


def journal_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.commit")


def recover(path: Path) -> bool:
    """Finish a write of `path` that a killed process committed but did not complete; True if one was.

    Safe to call from any reader: it does nothing unless the journal is there, and then it waits for
    a live writer (which holds the lock) before it looks again."""
    if not journal_path(path).exists():
        return False
    try:
        with exclusive(path):
            pass
    except OSError:  # WriteFailed included: a folder we may not write is left to a writer who can
        return False
    return True


def _finish_interrupted(path: Path) -> None:
    journal = journal_path(path)
    if journal.exists():
        try:
            _roll_forward(journal)
        except OSError as err:
            raise WriteFailed(path, f"an interrupted write could not be completed: {_why(err)}", err.errno) from err


def _roll_forward(journal: Path) -> bool:
    try:
        renames = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(renames, list):
        renames = []
    for pair in renames:
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(name, str) for name in pair):
            temp, target = (journal.with_name(os.path.basename(name)) for name in pair)
            if temp.exists():
                os.replace(temp, target)
    _sync_folder(journal.parent)
    journal.unlink(missing_ok=True)
    _sync_folder(journal.parent)
    return True


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold an advisory lock on the file at `path` (which must exist) for a read-modify-write; a write
    a killed process committed is completed first. Not re-entrant: never nest it for one path.

    The lock is taken on the file itself; since every write replaces the file by a rename, a writer
    that waited for the lock checks that it still holds the file the path names, and takes it again
    if not."""
    if fcntl is None:
        _finish_interrupted(path)
        yield
        return
    handle = _lock_current(path)
    try:
        _finish_interrupted(path)
        yield
    finally:
        if handle is not None:
            os.close(handle)


def _lock_current(path: Path) -> int | None:
    """A descriptor holding the lock on the file `path` names now; None when it is not a regular file
    (a FIFO or a device is never locked nor read: the reader refuses it with a reason)."""
    assert fcntl is not None
    while True:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the open
        try:
            held = os.fstat(handle)
            if not stat.S_ISREG(held.st_mode):
                os.close(handle)
                return None
            fcntl.flock(handle, fcntl.LOCK_EX)
            current = os.stat(path)
        except BaseException:
            os.close(handle)
            raise
        if (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino):
            return handle
        os.close(handle)


def write_atomic(path: Path, text: str, *, backup: bool = False) -> None:
    """Write `text` to `path` so a reader sees the old file or the new one, never half of either.

    `backup=True` keeps the previous content as `NAME.bak` once the new one is in place. A
    read-only target (no write bit in its mode or its folder's, or not writable as os.access judges
    it), a read-only or full file system raise WriteFailed, and then neither the file nor its backup
    has changed."""
    write_together([(path, text)], backup=path if backup else None)


def write_together(files: Sequence[tuple[Path, str]], *, backup: Path | None = None) -> None:
    """Write each (path, text) of one folder so that all change, or none: the first path is the main
    file (the catalog), whose journal makes the set one step. `backup` (one of the paths) keeps its
    previous content as `NAME.bak`. Raises WriteFailed, and then nothing has changed."""
    main = files[0][0]
    states = []
    for path, _ in files:
        exists = path.exists()
        states.append((exists, path.stat().st_mode & 0o777 if exists else 0o644))
        _refuse_read_only(path, exists)
    _finish_interrupted(main)
    for path in (*(path for path, _ in files), journal_path(main)):
        _remove_stale_temps(path)
    staged: Path | None = None
    temps: list[tuple[Path, Path]] = []
    try:
        if backup is not None and backup.exists():
            staged = _stage_backup(backup)
        if len(files) == 1:
            _replace(main, files[0][1].encode("utf-8"), states[0][1])
        else:
            for (path, text), (_, mode) in zip(files, states, strict=True):
                temps.append((_write_temp(path, text.encode("utf-8"), mode), path))
            journal_text = json.dumps([[temp.name, path.name] for temp, path in temps])
            _replace(journal_path(main), journal_text.encode("utf-8"), 0o644)
    except OSError as err:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        if staged is not None:
            staged.unlink(missing_ok=True)
        raise WriteFailed(main, _why(err), err.errno) from err
    if temps:  # committed: from here on the next reader completes what a kill interrupts
        _roll_forward(journal_path(main))
    if staged is not None and backup is not None:
        try:
            os.replace(staged, backup_path(backup))
        except OSError:  # the new content is in place; only the backup is missing
            staged.unlink(missing_ok=True)
