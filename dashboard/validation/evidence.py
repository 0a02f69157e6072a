"""What the rules establish while they check: where each quote sits, which mentions are covered.

The rules write into an Evidence as they go; validate.py turns it into the Report's anchors and
coverage. Kept apart from the rules so the dashboard can read anchors without re-running checks.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from dashboard.catalog.lock import LockEntry
from dashboard.catalog.model import Catalog, Citation, Pos
from dashboard.catalog.problems import Code, Problem
from dashboard.catalog.sources import SourceText
from dashboard.text.mentions import Mention, reader_for


@dataclass(frozen=True)
class Anchor:
    """Where one citation's quote (and the figure it carries) sits in its source."""

    source: str
    start: int
    end: int
    figure_start: int | None = None
    figure_end: int | None = None
    status: str = "found"
    """The anchor status: found, ambiguous, inexact (located only after folding)."""


@dataclass
class Evidence:
    """Shared state of one validation run."""

    catalog: Catalog
    texts: dict[str, SourceText]
    lock: dict[str, LockEntry] = field(default_factory=dict)
    """The lock file's records, read once by validate (the rules read no file)."""
    anchors: dict[tuple[str, int], Anchor] = field(default_factory=dict)
    """(record id, citation index) -> anchor; exclusions use id `exclusion:<n>`."""
    covered: dict[str, set[int]] = field(default_factory=dict)
    """source id -> start offsets of mentions shown to be covered."""
    _mentions: dict[str, list[Mention]] = field(default_factory=dict)
    _starts: dict[str, list[int]] = field(default_factory=dict)

    def mentions(self, source_id: str) -> list[Mention]:
        """The source's mentions, read by the reader of its language (none when no reader reads it)."""
        if source_id not in self._mentions:
            text = self.texts[source_id].text
            source = self.catalog.source(source_id)
            reader = reader_for(source.language if source else None)
            found = reader(text) if reader is not None else []
            self._mentions[source_id] = found
            self._starts[source_id] = [m.start for m in found]
        return self._mentions[source_id]

    def mentions_in(self, source_id: str, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside [start, end) of the source."""
        mentions = self.mentions(source_id)
        first = bisect_left(self._starts[source_id], start)
        inside = []
        for mention in mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                inside.append(mention)
        return inside

    def cover(self, source_id: str, mention: Mention) -> None:
        self.covered.setdefault(source_id, set()).add(mention.start)

    def problem(
        self,
        code: Code,
        message: str,
        *,
        pos: Pos,
        id: str | None = None,
        citation: int | None = None,
        suggestion: str | None = None,
        fix: tuple[tuple[str, str], ...] = (),
    ) -> Problem:
        return Problem(
            code,
            message,
            str(self.catalog.path),
            pos.line,
            pos.column,
            id=id,
            citation=citation,
            suggestion=suggestion,
            fix=fix,
        )


def citation_pos(citation: Citation, field_name: str = "quote") -> Pos:
    return citation.field_pos.get(field_name, citation.pos)
