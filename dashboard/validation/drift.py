"""The drift report: when a source's bytes change, where does each citation's quote stand now?

`indicators.lock.json`, next to the catalog and committed with it, records for each source the
sha256 its anchors were taken on and, per citation (`<owner>#<n>`, n counted from 1 as in the
messages), `[start, end, line]` of the quote in that text. `indicators pin` and `indicators fix
--write` rewrite it in the same atomic step as the catalog. With a lock for the pinned bytes each
citation is told as "same place", "moved" (old line -> new line), "changed number" (old -> new) or
"lost"; without one, only "anchors" (line), "changed number" or "lost".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dashboard.catalog.lock import LockEntry, citation_key, lock_path, read_lock, render_lock
from dashboard.catalog.model import Catalog, Citation
from dashboard.catalog.sources import SourceText
from dashboard.text.anchor import AMBIGUOUS, CONTEXT_MISMATCH, FOUND, INEXACT, locate
from dashboard.text.mentions import read_mentions, reader_for
from dashboard.validation.report import Report

_SLOT = r"(.{1,40}?)"
"""What may stand in a number's place when looking for the quote with its numbers changed."""
_MAX_SLOTS = 8


@dataclass(frozen=True)
class Drift:
    """Where one citation's quote stands in a source's new text."""

    key: str
    """`<owner>#<n>`: the indicator, event or `exclusion:<i>` and the citation's number from 1."""
    status: str
    """same place | moved | anchors | changed number | changed text | context changed | lost."""
    detail: str = ""
    """e.g. "line 12 -> line 14", "line 3: 120 -> 121"."""

    def __str__(self) -> str:
        return f"{self.key}: {self.status}" + (f" ({self.detail})" if self.detail else "")


def drift(
    text: SourceText, citations: Iterable[tuple[str, Citation]], *, lock: LockEntry | None, pinned: str
) -> list[Drift]:
    """Tell each (key, citation) of a changed source; the lock counts only when taken on `pinned`."""
    old = lock.anchors if lock is not None and lock.sha256 == pinned else None
    return [_classify(text, key, citation, old=None if old is None else old.get(key), known=old is not None)
            for key, citation in citations]  # fmt: skip


def _classify(
    text: SourceText, key: str, citation: Citation, *, old: tuple[int, int, int | None] | None, known: bool
) -> Drift:
    found = locate(text.text, citation.quote, prefix=citation.prefix, suffix=citation.suffix)
    if found.status in (FOUND, AMBIGUOUS) and found.start is not None:
        line = text.line_col(found.start)[0]
        if old is None:
            return Drift(key, "anchors", f"line {line}" + ("" if not known else ", not in the lock"))
        if (old[0], old[1]) == (found.start, found.end):
            return Drift(key, "same place", f"line {line}")
        return Drift(key, "moved", f"line {old[2] if old[2] is not None else '?'} -> line {line}")
    if found.status == CONTEXT_MISMATCH:
        lines = ", ".join(str(text.line_col(o)[0]) for o in found.occurrences)
        return Drift(key, "context changed", f"the quote is at line {lines}; prefix/suffix no longer match")
    if found.status == INEXACT and found.start is not None:
        line = text.line_col(found.start)[0]
        return Drift(key, "changed text", f"line {line}: matches only after folding quotes, dashes or spaces")
    changed = changed_numbers(text.text, citation.quote, language=text.source.language)
    if changed is not None:
        start, pairs = changed
        return Drift(key, "changed number", f"line {text.line_col(start)[0]}: {pairs}")
    return Drift(key, "lost")


def changed_numbers(source: str, quote: str, *, language: str = "en") -> tuple[int, str] | None:
    """Find the quote with only its numbers changed: (start, "old -> new, …"), or None."""
    if reader_for(language) is None:
        return None
    mentions = read_mentions(quote, language)
    if not mentions or len(mentions) > _MAX_SLOTS:
        return None
    pattern, last = [], 0
    for mention in mentions:
        pattern += [re.escape(quote[last : mention.start]), _SLOT]
        last = mention.end
    pattern.append(re.escape(quote[last:]))
    for match in re.finditer("".join(pattern), source, flags=re.DOTALL):
        new = match.groups()
        if all(len(read_mentions(slot, language)) == 1 and slot.strip() == slot for slot in new):
            pairs = [f"{m.text} -> {slot}" for m, slot in zip(mentions, new, strict=True) if m.text != slot]
            if pairs:
                return match.start(), ", ".join(pairs)
    return None


def build_lock(report: Report, *, previous: dict[str, LockEntry]) -> dict[str, LockEntry]:
    """The lock for a report: fresh anchors for each source whose bytes match its pin; the previous
    record kept for a source that does not (so a later drift report still knows the old places)."""
    catalog: Catalog | None = report.catalog
    if catalog is None:
        return previous
    lock: dict[str, LockEntry] = {}
    for source in catalog.sources:
        text = report.texts.get(source.id)
        if text is not None and text.sha256 == source.sha256:
            anchors: dict[str, tuple[int, int, int | None]] = {
                citation_key(owner, index): (a.start, a.end, text.line_col(a.start)[0])
                for (owner, index), a in sorted(report.anchors.items(), key=lambda item: item[1].start)
                if a.source == source.id
            }
            lock[source.id] = LockEntry(source.sha256, anchors)
        elif source.id in previous:
            lock[source.id] = previous[source.id]
    return lock


def lock_write(report: Report) -> tuple[Path, str] | None:
    """(path, text) of the lock for the report's catalog when it would change, else None.

    The caller writes it in the same step as the catalog (`atomic.write_together`)."""
    if report.catalog is None:
        return None
    path = lock_path(report.catalog_path)
    try:
        old_text: str | None = path.read_text(encoding="utf-8")
    except OSError:
        old_text = None
    new_text = render_lock(build_lock(report, previous=read_lock(report.catalog_path)))
    return None if new_text == old_text else (path, new_text)
