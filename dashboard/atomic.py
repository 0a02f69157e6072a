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
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import tempfile
from pathlib import Path

BACKUP_SUFFIX = ".bak"


class WriteFailed(OSError):
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


def _replace(path: Path, data: bytes, mode: int) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
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
            raise WriteFailed(path, f"the file is read-only (mode {mode:04o}); make it writable "
                              "(chmod u+w) to let the command change it", errno.EACCES)
        if not os.access(path, os.W_OK):
            raise WriteFailed(path, "permission denied: the file is not writable by this user", errno.EACCES)
    if folder & 0o222 == 0:
        raise WriteFailed(path, f"its folder is read-only (mode {folder:04o}); make it writable "
                          "(chmod u+w) to let the command change it", errno.EACCES)


def _stage_backup(path: Path) -> Path:
    """A hidden sibling holding the current content: a hard link to it, or a copy where links fail."""
    staged = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.bak.tmp")
    try:
        os.link(path, staged)
    except OSError:
        _replace(staged, path.read_bytes(), path.stat().st_mode & 0o777)
    return staged


def write_atomic(path: Path, text: str, *, backup: bool = False) -> None:
    """Write `text` to `path` so a reader sees the old file or the new one, never half of either.

    `backup=True` keeps the previous content as `NAME.bak` once the new one is in place. A
    read-only target (no write bit in its mode or its folder's, or not writable as os.access judges
    it), a read-only or full file system raise WriteFailed, and then neither the file nor its backup
    has changed."""
    exists = path.exists()
    mode = path.stat().st_mode & 0o777 if exists else 0o644
    _refuse_read_only(path, exists)
    _remove_stale_temps(path)
    staged: Path | None = None
    try:
        if backup and exists:
            staged = _stage_backup(path)
        _replace(path, text.encode("utf-8"), mode)
    except OSError as err:
        if staged is not None:
            staged.unlink(missing_ok=True)
        raise WriteFailed(path, _why(err), err.errno) from err
    if staged is not None:
        try:
            os.replace(staged, backup_path(path))
        except OSError:  # the new content is in place; only the backup is missing
            staged.unlink(missing_ok=True)
