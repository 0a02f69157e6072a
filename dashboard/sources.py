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

from dashboard.model import Catalog, Source
from dashboard.problems import Problem

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


def resolve_source_path(
    catalog_path: Path, file: str, *, root: Path | None = None
) -> tuple[Path | None, str | None]:
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


def read_source(
    catalog_path: Path, source: Source, *, root: Path | None = None
) -> tuple[SourceText | None, Problem | None]:
    """Read one source; a Problem (pointing at its `file` field) when it cannot be used."""
    where = source.field_pos.get("file", source.pos)

    def refuse(code: str, message: str) -> tuple[None, Problem]:
        return None, Problem(code, message, str(catalog_path), where.line, where.column, id=source.id)

    real, outside = resolve_source_path(catalog_path, source.file, root=root)
    if real is None:
        return refuse("source-outside-corpus", outside or "")
    try:
        info = real.stat()
    except OSError:
        return refuse(
            "source-missing",
            f"`{source.file}` does not exist; check the path or add the text to "
            f"{CORPUS_DIR}/ (`indicators pin` then records its sha256).",
        )
    if not stat.S_ISREG(info.st_mode):
        return refuse("source-missing", f"`{source.file}` is not a regular file; point `file` at a text file.")
    if info.st_size > MAX_SOURCE_BYTES:
        return refuse(
            "too-large",
            f"`{source.file}` is {info.st_size:,} bytes, over the limit of "
            f"{MAX_SOURCE_BYTES:,}; cite an excerpt instead.",
        )
    try:
        data = real.read_bytes()
    except OSError as err:
        return refuse("source-missing", f"`{source.file}` cannot be read ({err.strerror}).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return refuse(
            "source-not-utf8",
            f"`{source.file}` is not valid UTF-8 (byte {err.start}, line {line}); "
            "convert it to UTF-8 (e.g. `iconv -f latin1 -t utf-8`) and run `indicators pin`.",
        )
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
