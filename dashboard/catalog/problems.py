"""Problems are data: a stable code, a severity, a message and a position (DESIGN §5)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
INFO: Severity = "info"
SEVERITIES: tuple[Severity, ...] = (ERROR, WARNING, INFO)

Code = Literal[
    "yaml-syntax",
    "duplicate-key",
    "yaml-alias",
    "too-large",
    "schema",
    "value-literal",
    "duplicate-id",
    "unknown-source",
    "unknown-theme",
    "source-outside-corpus",
    "source-missing",
    "source-not-utf8",
    "source-binary",
    "source-hash-mismatch",
    "quote-not-found",
    "quote-inexact",
    "quote-ambiguous",
    "quote-context-mismatch",
    "figure-not-in-quote",
    "value-not-in-quote",
    "value-mismatch",
    "scale-mismatch",
    "unit-mismatch",
    "unit-ambiguous",
    "qualifier-missing",
    "qualifier-mismatch",
    "qualifier-unsupported",
    "figure-ambiguous",
    "figure-pin-mismatch",
    "period-mismatch",
    "citations-disagree",
    "date-not-in-quote",
    "attribution-not-in-source",
    "series-mixed",
    "part-of-invalid",
    "derived-input",
    "derived-mismatch",
    "language-unsupported",
    "translation-missing",
    "translation-mismatch",
    "uncovered-figure",
]
"""Every problem code; a mistyped code is a type error, not a surprise at run time."""

CODES: dict[Code, tuple[Severity, str]] = {
    "yaml-syntax": (ERROR, "the file is not YAML (with line/column), or not UTF-8"),
    "duplicate-key": (ERROR, "a mapping repeats a key (PyYAML would silently keep the last)"),
    "yaml-alias": (
        ERROR,
        "an anchor/alias (`&a`, `*a`) or a tag (`!!python/object`) — refused before anything is expanded",
    ),
    "too-large": (ERROR, "the catalog (64 MiB) or a source (16 MiB) is over the size limit"),
    "schema": (ERROR, "missing/unknown field, wrong type, bad id, bad date or period, too deep nesting"),
    "value-literal": (ERROR, '`value` is not a plain decimal literal (`17e9`, `011000`, `"11,000"`, `.inf`, `true`)'),
    "duplicate-id": (ERROR, "two sources, or two indicators/events, share an id"),
    "unknown-source": (ERROR, "a citation or exclusion names an undeclared source"),
    "unknown-theme": (ERROR, "an indicator or event names an undeclared theme"),
    "source-outside-corpus": (ERROR, "`file` escapes `seeds/` (`..`, absolute path, symlink)"),
    "source-missing": (ERROR, "the file does not exist or is not a regular file (a directory, a FIFO)"),
    "source-not-utf8": (ERROR, "the file is not valid UTF-8 (latin-1; UTF-16 with a byte-order mark)"),
    "source-binary": (ERROR, "the file holds a NUL byte: a binary file, or UTF-16 without a byte-order mark"),
    "source-hash-mismatch": (
        ERROR,
        "the sha256 differs from the pinned one; tells each citation's quote: same "
        "place, moved, changed number or lost",
    ),
    "quote-not-found": (
        ERROR,
        "the quote is not in the source; suggests the nearest passage and the numbers that differ",
    ),
    "quote-inexact": (ERROR, "matches only after folding quotes, dashes and spaces; prints the exact text to paste"),
    "quote-ambiguous": (WARNING, "the quote occurs more than once and `prefix`/`suffix` do not decide"),
    "quote-context-mismatch": (ERROR, "`prefix`/`suffix` do not surround the quote"),
    "figure-not-in-quote": (ERROR, "the quote holds no number of the indicator's kind"),
    "value-not-in-quote": (ERROR, "the value is stated elsewhere in the source, not in the quote (says where)"),
    "value-mismatch": (ERROR, "the quote's numbers of the right kind differ from the value"),
    "scale-mismatch": (ERROR, "off by 100, a thousand, a million or a billion (17 for $17bn; 0.6 for 60 per cent)"),
    "unit-mismatch": (
        ERROR,
        "the number is there but of another kind or unit (percent vs count, USD vs EUR, km vs kg, a multiplier vs a "
        "percent), or it counts another noun (326 seats recorded as votes)",
    ),
    "unit-ambiguous": (
        ERROR,
        'the text cannot tell what the number is ("100m": metres or million) and the entry\'s unit is neither reading',
    ),
    "qualifier-missing": (
        ERROR,
        'the text hedges ("more than eight million") or gives a range, the indicator records an exact value',
    ),
    "qualifier-mismatch": (ERROR, "a different qualifier group (nearly vs more than)"),
    "qualifier-unsupported": (ERROR, "the indicator hedges, the text does not"),
    "figure-ambiguous": (WARNING, "several numbers in the quote equal the value; pin one with `figure`"),
    "figure-pin-mismatch": (ERROR, "the pinned `figure` (or an exclusion's) names no number of the quote"),
    "period-mismatch": (
        ERROR,
        '`period` disagrees with the time the quote\'s sentence states ("in 2023", "since '
        '2019", "last year"), or, where it states none, with the source\'s date',
    ),
    "citations-disagree": (ERROR, "one indicator's citations state different values"),
    "date-not-in-quote": (ERROR, "an event's quote holds no date consistent with its `date` (or only a coarser one)"),
    "attribution-not-in-source": (
        ERROR,
        "a citation's `attributed_to` is not named in the quote's sentence or paragraph (case, quotes, dashes and "
        'a possessive "\'s" aside); suggests the names the text gives',
    ),
    "series-mixed": (
        WARNING,
        "the members of one `series` are not like with like: different units, or different periods while they are "
        "also about different entities",
    ),
    "part-of-invalid": (
        ERROR,
        "`part_of` names no indicator, itself, a figure of another unit, a whole smaller than the part, or a cycle",
    ),
    "derived-input": (
        ERROR,
        "a derived figure's input is unknown or in error (so the derived figure is not verified either), or the "
        "inputs form a cycle",
    ),
    "derived-mismatch": (
        ERROR,
        "the formula over the inputs' values does not give `value` to the decimals it is written with, an input is "
        "a range, or a sum or difference mixes units",
    ),
    "language-unsupported": (
        ERROR,
        "a source's `language` has no reader (English, Spanish and Russian are read): nothing in it can be proved",
    ),
    "translation-missing": (ERROR, "a citation of a source that is not English has no English `translation`"),
    "translation-mismatch": (
        ERROR,
        "the `translation` does not state the quote's figure (value, scale, unit, qualifier or date) as the "
        "original does",
    ),
    "uncovered-figure": (INFO, "a mention in a source is cited nowhere and not excluded (coverage)"),
}
"""code -> (severity, when it fires): the README's table of problem codes is this table (tested word for word)."""


def codes_table() -> str:
    """The README's table of problem codes, in markdown."""
    rows = [f"| `{code}` | {severity} | {description} |" for code, (severity, description) in CODES.items()]
    return "\n".join(["| code | severity | fires when |", "|---|---|---|", *rows]) + "\n"


@dataclass(frozen=True)
class Problem:
    """One finding of the validator."""

    code: Code
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
    fix: tuple[tuple[str, str], ...] = ()
    """The entry's fields to set, as YAML literals, when the validator knows what the text states
    ((`value`, `4_500_000_000`), (`qualifier`, `more than`)); every such fix validates."""

    @property
    def severity(self) -> Severity:
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
            "fix": dict(self.fix),
        }


def problem_line(problem: Problem) -> str:
    """`FILE:LINE:COLUMN: SEVERITY CODE [ID] MESSAGE`, the one-line form of a problem (text output, logs)."""
    where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    ident = f" [{problem.id}]" if problem.id else ""
    return f"{where}: {problem.severity} {problem.code}{ident} {problem.message}"
