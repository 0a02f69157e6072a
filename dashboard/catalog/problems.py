"""Problems are data: a stable code, a severity, a message and a position (DESIGN §5)."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

CODES: dict[str, tuple[str, str]] = {
    "yaml-syntax": (ERROR, "the file is not YAML (with line/column)"),
    "duplicate-key": (ERROR, "a mapping repeats a key (PyYAML silently keeps the last)"),
    "yaml-alias": (ERROR, "the catalog uses a YAML anchor, alias or tag; write each value out"),
    "too-large": (ERROR, "the catalog or a source exceeds the size limit"),
    "schema": (ERROR, "missing/unknown field, wrong type, bad id, bad date"),
    "value-literal": (ERROR, '`value` is not a plain decimal literal (17e9, 011000, "11,000")'),
    "duplicate-id": (ERROR, "two indicators/events/sources share an id"),
    "unknown-source": (ERROR, "a citation names an undeclared source"),
    "unknown-theme": (ERROR, "an indicator or event names an undeclared theme"),
    "source-outside-corpus": (ERROR, "`file` escapes `seeds/` (`..`, absolute path, symlink)"),
    "source-missing": (ERROR, "the file does not exist or is not a regular file (a directory, a FIFO)"),
    "source-not-utf8": (ERROR, "the file is not valid UTF-8 (latin-1, UTF-16 with a byte-order mark)"),
    "source-binary": (ERROR, "the file holds a NUL byte: binary, or UTF-16 without a byte-order mark"),
    "source-hash-mismatch": (ERROR, "sha256 differs from the pinned one; lists the citations affected"),
    "quote-not-found": (ERROR, "not in the source; suggests the nearest passage and differing numbers"),
    "quote-inexact": (ERROR, "matches only after folding; prints the exact text"),
    "quote-ambiguous": (WARNING, "occurs more than once and prefix/suffix do not decide"),
    "quote-context-mismatch": (ERROR, "prefix/suffix do not surround the quote"),
    "figure-not-in-quote": (ERROR, "the quote holds no number of the right kind"),
    "value-not-in-quote": (ERROR, "the value is elsewhere in the source, not in the quote (says where)"),
    "value-mismatch": (ERROR, "the quote's numbers of the right kind differ from the value"),
    "scale-mismatch": (ERROR, "off by 10^3/10^6/10^9/100 (17 vs $17bn; 0.6 vs 60 per cent)"),
    "unit-mismatch": (ERROR, "the number is there but of another kind (percent vs count, year vs duration)"),
    "qualifier-missing": (ERROR, 'the text hedges ("more than eight million"), the indicator does not'),
    "qualifier-mismatch": (ERROR, "different qualifier group (nearly vs more than)"),
    "qualifier-unsupported": (ERROR, "the indicator hedges, the text does not"),
    "figure-ambiguous": (WARNING, "several numbers of the right kind equal candidates; pin `figure`"),
    "figure-pin-mismatch": (ERROR, "the pinned `figure` is not in the quote or reads differently"),
    "citations-disagree": (ERROR, "one indicator's citations give different values"),
    "date-not-in-quote": (ERROR, "an event's quote holds no date consistent with `date`"),
    "uncovered-figure": (INFO, "a mention in a source is cited nowhere and not excluded (coverage)"),
}


@dataclass(frozen=True)
class Problem:
    """One finding of the validator."""

    code: str
    """Stable kebab-case code, a key of CODES."""
    message: str
    """What is wrong and what to do, in one or two sentences."""
    file: str
    """The catalog file (or source file) the position refers to."""
    line: int
    """1-based line; 0 when the problem has no position."""
    column: int
    """1-based column; 0 when the problem has no position."""
    id: str | None = None
    """The indicator, event, source or exclusion id concerned."""
    citation: int | None = None
    """0-based index of the citation concerned."""
    suggestion: str | None = None
    """Text to paste or an action to take, when the validator can tell."""

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "id": self.id,
            "citation": self.citation,
            "suggestion": self.suggestion,
        }
