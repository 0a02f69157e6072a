"""Readiness of a running dashboard, for a container's HEALTHCHECK or a load balancer:

    python -m dashboard.web.ready [--url http://localhost:8501[/base]] [CATALOG]

Streamlit's own `/_stcore/health` answers 200 as soon as the server runs, even when the app cannot
import its code or read its catalog. This check also imports what the pages need (streamlit, plotly,
pandas and the web layer), compiles every page, and loads and validates the catalog the app shows.
Exit 0 when ready; 1 when the app would show an error panel (the catalog is missing or broken); 2 when
the app cannot run at all (a module does not import, a page does not compile, the server does not answer).
A catalog with problems in some entries is ready: the app shows them flagged.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import urllib.error
import urllib.request
from pathlib import Path

from dashboard.catalog.errors import ExitCode, IndicatorsError

PAGES = Path(__file__).resolve().parent / "pages"
SCREENS = Path(__file__).resolve().parent / "screens"
WEB_MODULES = ("streamlit", "plotly.graph_objects", "pandas", "dashboard.web.cache", "dashboard.web.state",
               "dashboard.web.widgets", "dashboard.present.charts", "dashboard.curation.suggest")  # fmt: skip


def check_code() -> list[str]:
    """What keeps the app's code from running: modules that do not import, pages that do not compile."""
    failed = []
    screens = [f"dashboard.web.screens.{path.stem}" for path in sorted(SCREENS.glob("[!_]*.py"))]
    for module in [*WEB_MODULES, *screens]:
        try:
            importlib.import_module(module)
        except Exception as err:  # any import failure means the app cannot start
            failed.append(f"{module} does not import ({type(err).__name__}: {err})")
    for page in sorted(PAGES.glob("*.py")):
        try:  # compiled in memory: the check runs as a user who may not write the checkout (no __pycache__)
            compile(page.read_bytes(), str(page), "exec")
        except (SyntaxError, ValueError, OSError) as err:
            failed.append(f"{page.name} does not compile ({type(err).__name__}: {err})")
    return failed


def check_catalog(path: Path) -> tuple[list[str], str]:
    """(what keeps the catalog from being shown, a one-line summary of what it holds)."""
    from dashboard.validation.validate import validate_path

    if not path.is_file():
        return [f"{path}: no catalog file there (set INDICATORS_CATALOG)"], ""
    try:
        report = validate_path(path)
    except IndicatorsError as err:
        return [str(err)], ""
    if report.catalog is None:
        first = report.problems[0] if report.problems else None
        reason = f"{first.code} at line {first.line}: {first.message}" if first else "it could not be read"
        return [f"{path}: the catalog is broken ({reason})"], ""
    catalog, counts = report.catalog, report.counts
    return [], (f"{path}: {len(catalog.indicators)} figures, {len(catalog.events)} events, "
                f"{len(catalog.sources)} sources; {counts['error']} errors")  # fmt: skip


def check_server(url: str) -> list[str]:
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/_stcore/health", timeout=5) as answer:
            return [] if answer.status == 200 else [f"{url}: health answered {answer.status}"]
    except (urllib.error.URLError, OSError) as err:
        return [f"{url}: the server does not answer ({err})"]


def main(argv: list[str] | None = None) -> int:
    try:
        return _check(argv)
    except Exception as err:  # a check that breaks must still answer "not ready", never a traceback
        print(f"not ready: the check itself failed ({type(err).__name__}: {err})", file=sys.stderr)
        return ExitCode.CANNOT_RUN


def _check(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.web.ready", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("catalog", nargs="?", default="", help="catalog file (default: the app's)")
    parser.add_argument("--url", help="also ask the running server at this address (with its base path)")
    args = parser.parse_args(argv)
    broken = check_code() + (check_server(args.url) if args.url else [])
    if broken:
        print("not ready: " + "; ".join(broken), file=sys.stderr)
        return ExitCode.CANNOT_RUN
    from dashboard.web.cache import catalog_path  # imported once the code is known to import

    missing, summary = check_catalog(Path(args.catalog) if args.catalog else catalog_path())
    if missing:
        print("not ready: " + "; ".join(missing), file=sys.stderr)
        return ExitCode.PROBLEMS
    print(f"ready: {summary}")
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
