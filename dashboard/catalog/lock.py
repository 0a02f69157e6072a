"""The lock file next to a catalog (`indicators.lock.json`): where each quote sat in the bytes a source
was pinned at, so a later change of the source can be told citation by citation (validation/drift.py).

`{source id: {sha256, anchors: {"<owner>#<n>": [start, end, line]}}}`, one anchor per line so a diff
of the lock reads like the change it records. Written only together with the catalog.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LOCK_SUFFIX = ".lock.json"


@dataclass(frozen=True)
class LockEntry:
    """One source's record in the lock file."""

    sha256: str
    anchors: dict[str, tuple[int, int, int | None]]
    """key -> (start, end, line) of the quote in the text of that sha256."""


def lock_path(catalog_path: Path) -> Path:
    """`indicators.yaml` -> `indicators.lock.json`, in the same folder."""
    return catalog_path.with_suffix(LOCK_SUFFIX)


def citation_key(owner: str, index: int) -> str:
    return f"{owner}#{index + 1}"


def read_lock(catalog_path: Path) -> dict[str, LockEntry]:
    """The lock next to a catalog; empty when it is missing or unreadable (never raises)."""
    try:
        data = json.loads(lock_path(catalog_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {sid: entry for sid, raw in data.items() if (entry := _entry(raw)) is not None}


def _entry(raw: Any) -> LockEntry | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("sha256"), str) or not isinstance(raw.get("anchors"), dict):
        return None
    anchors: dict[str, tuple[int, int, int | None]] = {}
    for key, span in raw["anchors"].items():
        if isinstance(span, list) and len(span) in (2, 3) and all(isinstance(n, int) for n in span):
            anchors[str(key)] = (span[0], span[1], span[2] if len(span) == 3 else None)
    return LockEntry(raw["sha256"], anchors)


def render_lock(lock: dict[str, LockEntry]) -> str:
    """Stable JSON with one anchor per line, so a diff of the lock reads like the change it records."""
    out = ["{"]
    for i, (sid, entry) in enumerate(lock.items()):
        anchors = [
            f"      {json.dumps(key, ensure_ascii=False)}: {json.dumps([n for n in span if n is not None])}"
            for key, span in entry.anchors.items()
        ]
        out += [f"  {json.dumps(sid, ensure_ascii=False)}: {{", f'    "sha256": {json.dumps(entry.sha256)},']
        out.append('    "anchors": {' + ("\n" + ",\n".join(anchors) + "\n    }" if anchors else "}"))
        out.append("  }" + ("," if i < len(lock) - 1 else ""))
    out.append("}")
    return "\n".join(out) + "\n"
