"""Read the source documents a catalog declares: confined to seeds/, bounded in size, UTF-8, hashed.

Reading never writes, never follows a path out of the corpus and never blocks on a FIFO.
"""

from __future__ import annotations

import hashlib
import os
import stat
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.catalog.model import Catalog, Source
from dashboard.catalog.problems import Code, Problem

MAX_SOURCE_BYTES = 16 * 1024 * 1024
CORPUS_DIR = "seeds"


@dataclass(frozen=True)
class SourceText:
    """A source's text as read from disk."""

    source: Source
    path: Path
    text: str
    sha256: str
    """sha256 of the bytes on disk (compare with source.sha256)."""
    line_starts: list[int] = field(default_factory=list, compare=False, hash=False)
    """Offset of the first character of each line, for line/column of an offset."""

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


def corpus_root(catalog_path: Path) -> Path:
    return catalog_path.parent / CORPUS_DIR


def resolve_source_path(catalog_path: Path, file: str, *, root: Path | None = None) -> tuple[Path | None, str | None]:
    """The source file's real path, or why it is refused (outside the corpus).

    `root` is `corpus_root(catalog_path).resolve()`, when the caller has it already."""
    if os.path.isabs(file) or file.startswith("~"):
        return None, f"`{file}` is an absolute path; give a path relative to the catalog inside {CORPUS_DIR}/."
    root = corpus_root(catalog_path).resolve() if root is None else root
    real = (catalog_path.parent / file).resolve()
    if not real.is_relative_to(root):
        return None, f"`{file}` resolves to {real}, outside {root}; copy the text into {CORPUS_DIR}/ instead."
    return real, None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    index = find("\n")
    while index != -1:
        starts.append(index + 1)
        index = find("\n", index + 1)
    return starts


BOM = "\ufeff"
"""A UTF-8 byte-order mark: accepted at the start of a source and not part of its text (offsets
start after it; the sha256 still covers the bytes on disk)."""


class NotReadable(Exception):
    """A file that cannot be read as asked: `why` is missing, not-regular, too-large or error."""

    def __init__(self, why: str, detail: str, size: int = 0) -> None:
        super().__init__(detail)
        self.why, self.detail, self.size = why, detail, size


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_bounded(path: Path, *, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; NotReadable otherwise.

    The size is judged before anything is read, and the file is opened without blocking (a FIFO
    never waits for a writer) and checked on the open descriptor, so a file swapped between the
    check and the read is still caught. At most `limit` + 1 bytes are ever read."""
    try:
        info = path.stat()
    except OSError as err:
        why = "missing" if isinstance(err, FileNotFoundError) else "error"
        raise NotReadable(why, err.strerror or str(err)) from err
    if not stat.S_ISREG(info.st_mode):
        raise NotReadable("not-regular", _kind_of(info.st_mode))
    if info.st_size > limit:
        raise NotReadable("too-large", f"{info.st_size:,} bytes", info.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as err:
        raise NotReadable("error", err.strerror or str(err)) from err
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable("not-regular", _kind_of(info.st_mode))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise NotReadable("error", err.strerror or str(err)) from err
    finally:
        os.close(handle)
    if size > limit:
        raise NotReadable("too-large", f"over {limit:,} bytes", size)
    return b"".join(chunks)


class NotText(ValueError):
    """Bytes that are not a UTF-8 text: `code` is source-not-utf8 or source-binary."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def decode_text(data: bytes, *, name: str) -> str:
    """A source's text: UTF-8, a leading byte-order mark dropped; NotText for anything else.

    A NUL byte is valid UTF-8 but never part of a text document (it marks a binary file, or
    UTF-16 without a byte-order mark), so it is refused as `source-binary` before any decoding: a
    binary file is not told to convert from latin-1. UTF-16 with a byte-order mark holds NUL bytes
    too, but is recognised by its mark and told how to convert."""
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    nul = -1 if utf16 else data.find(b"\0")
    if nul != -1:
        line = data[:nul].count(b"\n") + 1
        raise NotText(
            "source-binary",
            f"`{name}` holds a NUL byte (byte {nul}, line {line}): it is a binary file, or UTF-16 without a "
            "byte-order mark; give the plain UTF-8 text (e.g. `iconv -f utf-16le -t utf-8`) and run `indicators pin`.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        if utf16:
            hint = f"it is UTF-16 (byte-order mark {data[:2].hex()}); convert it with `iconv -f utf-16 -t utf-8`"
        else:
            hint = "convert it to UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
        raise NotText(
            "source-not-utf8",
            f"`{name}` is not valid UTF-8 (byte {err.start}, line {line}); {hint} and run `indicators pin`.",
        ) from err
    return text[1:] if text.startswith(BOM) else text


def read_source(
    catalog_path: Path, source: Source, *, root: Path | None = None
) -> tuple[SourceText | None, Problem | None]:
    """Read one source; a Problem (pointing at its `file` field) when it cannot be used."""
    where = source.field_pos.get("file", source.pos)

    def refuse(code: Code, message: str) -> tuple[None, Problem]:
        return None, Problem(code, message, str(catalog_path), where.line, where.column, id=source.id)

    real, outside = resolve_source_path(catalog_path, source.file, root=root)
    if real is None:
        return refuse("source-outside-corpus", outside or "")
    try:
        data = read_bounded(real, limit=MAX_SOURCE_BYTES)
    except NotReadable as err:
        if err.why == "missing":
            return refuse(
                "source-missing",
                f"`{source.file}` does not exist; check the path or add the text to "
                f"{CORPUS_DIR}/ (`indicators pin` then records its sha256).",
            )
        if err.why == "not-regular":
            return refuse(
                "source-missing", f"`{source.file}` is {err.detail}, not a regular file; point `file` at a text file."
            )
        if err.why == "too-large":
            return refuse(
                "too-large",
                f"`{source.file}` is {err.detail}, over the limit of {MAX_SOURCE_BYTES:,}; cite an excerpt instead.",
            )
        return refuse("source-missing", f"`{source.file}` cannot be read ({err.detail}).")
    try:
        text = decode_text(data, name=source.file)
    except NotText as err:
        return refuse(err.code, err.message)
    digest = hashlib.sha256(data).hexdigest()
    return SourceText(source, real, text, digest, _line_starts(text)), None


def read_sources(catalog: Catalog) -> tuple[dict[str, SourceText], list[Problem]]:
    texts: dict[str, SourceText] = {}
    problems: list[Problem] = []
    root = corpus_root(catalog.path).resolve()
    for source in catalog.sources:
        if source.id in texts:
            continue
        text, problem = read_source(catalog.path, source, root=root)
        if text is not None:
            texts[source.id] = text
        if problem is not None:
            problems.append(problem)
    return texts, problems
