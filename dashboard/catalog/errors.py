"""One error model: every error the tool reports to its user is an IndicatorsError carrying its exit code.

Exit codes (the CLI's contract, DESIGN §5): 0 the catalog is valid, 1 problems were found (or a
request was refused for a stated reason), 2 the tool could not run (missing catalog, bad arguments,
a file it could not read or write).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1
    CANNOT_RUN = 2


class IndicatorsError(Exception):
    """An error meant for the user: str() is a sentence saying what is wrong and what to do."""

    exit_code: ExitCode = ExitCode.CANNOT_RUN


class CatalogUnreadable(IndicatorsError):
    """The catalog file itself could not be read: the tool cannot run."""


class Refused(IndicatorsError):
    """A request the tool declines for a stated reason (a file that cannot be added as it is)."""

    exit_code = ExitCode.PROBLEMS
