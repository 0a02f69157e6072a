"""`indicators pin`: record the sha256 of each source's current bytes in the catalog, in place.

Only the 64 hex digits of each `sha256` value change; comments, order and layout stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.atomic import write_atomic
from dashboard.load import read_catalog_text, source_hash_spans
from dashboard.model import Source
from dashboard.sources import read_source


@dataclass(frozen=True)
class PinChange:
    source_id: str
    file: str
    old: str
    new: str | None
    """None when the source could not be read (see `error`)."""
    error: str | None = None


def pin_catalog(path: Path, *, only: set[str] | None = None, dry_run: bool = False) -> list[PinChange]:
    """Update stale sha256 values; returns one PinChange per source looked at."""
    text = read_catalog_text(path)
    changes: list[PinChange] = []
    pieces: list[str] = []
    last = 0
    for span in source_hash_spans(text):
        if only is not None and span.source_id not in only:
            continue
        probe = Source(id=span.source_id, file=span.file, sha256="", title="", publisher="", published="")
        source_text, problem = read_source(path, probe)
        if source_text is None:
            changes.append(
                PinChange(span.source_id, span.file, span.current, None, problem.message if problem else "unreadable")
            )
            continue
        changes.append(PinChange(span.source_id, span.file, span.current, source_text.sha256))
        if source_text.sha256 != span.current:
            quoted = text[span.start] in "\"'"
            start, end = (span.start + 1, span.end - 1) if quoted else (span.start, span.end)
            pieces += [text[last:start], source_text.sha256]
            last = end
    if pieces and not dry_run:
        write_atomic(path, "".join(pieces) + text[last:])
    return changes
