"""Catalog file -> Catalog, keeping the line and column of every node.

The YAML is composed into nodes (never constructed by PyYAML, see safe_yaml.py), so that positions
survive, duplicate keys and aliases are refused, and `value` is checked as the literal the curator typed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dashboard.catalog.atomic import recover
from dashboard.catalog.build import build_catalog
from dashboard.catalog.errors import CatalogUnreadable
from dashboard.catalog.model import Catalog, Pos
from dashboard.catalog.problems import Problem
from dashboard.catalog.safe_yaml import CatalogRefused, compose
from dashboard.catalog.sources import NotReadable, read_bounded

DEFAULT_CATALOG = "indicators.yaml"
MAX_CATALOG_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Loaded:
    """A catalog as far as it could be read, and what was wrong with it."""

    catalog: Catalog | None
    """None when the file is not a usable YAML mapping at all."""
    problems: tuple[Problem, ...]
    text: str
    """The catalog text as read (for tools that edit it in place)."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a catalog is read and checked.

    Loading allocates millions of small acyclic objects (YAML nodes, marks, records, mentions); each
    allocation burst triggers full collections that rescan everything alive, which made a large
    catalog's load cost grow faster than its size. Reference counting still frees everything; cycles
    made meanwhile are collected once the collector is back on. Nested uses keep it paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_catalog_text(path: Path) -> str:
    """Read the catalog file; raise CatalogUnreadable when it is missing or not a file.

    The size is judged before a byte is read (CatalogRefused `too-large`), and a FIFO or device
    is never opened for a blocking read."""
    try:
        data = read_bounded(path, limit=MAX_CATALOG_BYTES)
    except NotReadable as err:
        if err.why == "too-large":
            raise CatalogRefused(
                "too-large",
                f"the catalog is {err.detail}, over the limit of {MAX_CATALOG_BYTES:,}; split it or "
                "remove what does not belong in it.",
                Pos(1, 1),
            ) from err
        if err.why == "not-regular":
            raise CatalogUnreadable(f"{path}: {err.detail}, not a file; give the path of a catalog YAML file.") from err
        raise CatalogUnreadable(f"{path}: cannot read the catalog ({err.detail}).") from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CatalogRefused(
            "yaml-syntax",
            f"the catalog is not valid UTF-8 (byte {err.start}); save it as UTF-8.",
            Pos(line, 1),
        ) from err


def load_catalog(path: Path) -> Loaded:
    """Load and check the structure of a catalog file. Raises CatalogUnreadable only.

    A write that a killed process committed but did not complete is completed first (atomic.py)."""
    recover(path)
    try:
        text = read_catalog_text(path)
    except CatalogRefused as refusal:
        return Loaded(None, (_refusal_problem(refusal, path=path),), "")
    return load_text(text, path=path)


def load_text(text: str, *, path: Path) -> Loaded:
    """Load catalog text as if it were the file at `path` (its sources resolve from there)."""
    with paused_gc():
        return _load_text(text, path=path)


def _load_text(text: str, *, path: Path) -> Loaded:
    try:
        composed = compose(text)
    except CatalogRefused as refusal:
        return Loaded(None, (_refusal_problem(refusal, path=path),), text)
    if composed.duplicates:
        found = [
            Problem("duplicate-key", message, str(path), pos.line, pos.column) for pos, message in composed.duplicates
        ]
        return Loaded(None, tuple(found), text)
    catalog, problems = build_catalog(composed.root, path=path)
    return Loaded(catalog, tuple(problems), text)


def _refusal_problem(refusal: CatalogRefused, *, path: Path) -> Problem:
    return Problem(refusal.code, refusal.message, str(path), refusal.pos.line, refusal.pos.column)
