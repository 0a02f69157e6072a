"""`indicators pin`: record the sha256 of each source's current bytes in the catalog, in place.

Only the 64 hex digits of each `sha256` value change; comments, order and layout stay as they were.
The lock next to the catalog (`indicators.lock.json`, see catalog/lock.py) is rewritten with the anchors
of the pinned bytes, so a later change of a source can be told citation by citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.catalog.atomic import exclusive, write_together
from dashboard.catalog.edit import Edit, apply_edits
from dashboard.catalog.load import load_text, read_catalog_text
from dashboard.catalog.model import Source
from dashboard.catalog.sources import read_source
from dashboard.catalog.yamlmap import Span, map_catalog
from dashboard.validation.drift import lock_write
from dashboard.validation.validate import validate_loaded


@dataclass(frozen=True)
class PinChange:
    source_id: str
    file: str
    old: str
    new: str | None
    """None when the source could not be read (see `error`)."""
    error: str | None = None


def hash_edit(text: str, span: Span, digest: str) -> Edit:
    """The Edit that writes `digest` as the value at `span`, inside its quotes if it has any."""
    quoted = span.end > span.start and text[span.start] in "\"'"
    start, end = (span.start + 1, span.end - 1) if quoted else (span.start, span.end)
    return Edit(start, end, " " + digest if start == end and text[start - 1 : start] == ":" else digest)


def pin_edits(path: Path, text: str, *, only: set[str] | None = None) -> tuple[list[PinChange], list[Edit]]:
    """One PinChange per source looked at, and the Edits that pin the stale ones (nothing is written)."""
    changes: list[PinChange] = []
    edits: list[Edit] = []
    spans = map_catalog(text)
    for entry in spans.items("sources"):
        hash_span, file_span = spans.values.get((*entry, "sha256")), spans.values.get((*entry, "file"))
        ident = spans.values.get((*entry, "id"))
        if hash_span is None or file_span is None or file_span.value is None:
            continue
        source_id = ident.value if ident and ident.value else file_span.value
        current = hash_span.value or ""
        if only is not None and source_id not in only:
            continue
        probe = Source(id=source_id, file=file_span.value, sha256="", title="", publisher="", published="")
        source_text, problem = read_source(path, probe)
        if source_text is None:
            reason = problem.message if problem else "unreadable"
            changes.append(PinChange(source_id, file_span.value, current, None, reason))
            continue
        changes.append(PinChange(source_id, file_span.value, current, source_text.sha256))
        if source_text.sha256 != current:
            edits.append(hash_edit(text, hash_span, source_text.sha256))
    return changes, edits


def pin_catalog(path: Path, *, only: set[str] | None = None, dry_run: bool = False) -> list[PinChange]:
    """Update stale sha256 values and the lock, in one step; returns one PinChange per source looked at."""
    with exclusive(path):
        text = read_catalog_text(path)
        changes, edits = pin_edits(path, text, only=only)
        if dry_run:
            return changes
        new = apply_edits(text, edits)
        writes = [(path, new)] if new != text else []
        lock = lock_write(validate_loaded(load_text(new, path=path), path=path))
        writes += [lock] if lock else []
        if writes:
            write_together(writes, backup=path if new != text else None)
    return changes
