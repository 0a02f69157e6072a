"""`indicators pin`: record the sha256 of each source's current bytes in the catalog, in place.

Only the 64 hex digits of each `sha256` value change; comments, order and layout stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.atomic import write_atomic
from dashboard.load import read_catalog_text
from dashboard.model import Source
from dashboard.sources import read_source
from dashboard.yamlmap import map_catalog


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
            quoted = text[hash_span.start] in "\"'"
            start, end = (hash_span.start + 1, hash_span.end - 1) if quoted else (hash_span.start, hash_span.end)
            pieces += [text[last:start], source_text.sha256]
            last = end
    if pieces and not dry_run:
        write_atomic(path, "".join(pieces) + text[last:])
    return changes
