"""YAML -> Catalog, keeping the line and column of every node; the only module that imports yaml.

The YAML is composed into nodes (never constructed by PyYAML), so that positions survive, duplicate
keys and aliases can be refused, and `value` can be checked as the literal the curator typed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from dashboard.model import Catalog, Pos
from dashboard.problems import Problem
from dashboard.schema import build_catalog
from dashboard.sources import NotReadable, read_bounded

MAX_CATALOG_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAG = "tag:yaml.org,2002:"
_CORE_TAGS = {_STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


class CatalogUnreadable(Exception):
    """The catalog file itself could not be read: the tool cannot run (exit 2)."""


@dataclass(frozen=True)
class Loaded:
    """A catalog as far as it could be read, and what was wrong with it."""

    catalog: Catalog | None
    """None when the file is not a usable YAML mapping at all."""
    problems: tuple[Problem, ...]
    text: str
    """The catalog text as read (for tools that edit it in place)."""


class CatalogRefused(Exception):
    """The catalog is refused before it is built (alias, tag, syntax, size); carries a code and position."""

    def __init__(self, code: str, message: str, pos: Pos) -> None:
        super().__init__(message)
        self.code, self.message, self.pos = code, message, pos


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


def node_pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


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
    """Load and check the structure of a catalog file. Raises CatalogUnreadable only."""
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
        root = _compose(text)
        duplicates = _check_tree(root)
    except CatalogRefused as refusal:
        return Loaded(None, (_refusal_problem(refusal, path=path),), text)
    if duplicates:
        found = [Problem("duplicate-key", message, str(path), pos.line, pos.column) for pos, message in duplicates]
        return Loaded(None, tuple(found), text)
    catalog, problems = build_catalog(root, path=path)
    return Loaded(catalog, tuple(problems), text)


def _refusal_problem(refusal: CatalogRefused, *, path: Path) -> Problem:
    return Problem(refusal.code, refusal.message, str(path), refusal.pos.line, refusal.pos.column)


def _compose(text: str) -> yaml.Node:
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        what = " ".join(part for part in (err.context, err.problem) if part)
        raise CatalogRefused("yaml-syntax", f"not valid YAML: {what}; fix the syntax at this place.", pos) from err
    except yaml.YAMLError as err:
        raise CatalogRefused("yaml-syntax", f"not valid YAML: {err}.", Pos(1, 1)) from err
    except RecursionError as err:
        raise CatalogRefused("yaml-syntax", "the YAML nests too deeply to read.", Pos(1, 1)) from err
    if root is None:
        raise CatalogRefused("schema", "the catalog is empty; it needs `version: 1` and its sections.", Pos(1, 1))
    return root


def _check_tree(root: yaml.Node) -> list[tuple[Pos, str]]:
    """Refuse aliases, non-core tags and deep nesting; list repeated keys. Nothing is built yet.

    An alias makes the composer hand out the same node twice, so seeing a node again means an
    alias: refusing it here stops a "billion laughs" file before it is ever expanded.
    """
    seen: set[int] = set()
    duplicates: list[tuple[Pos, str]] = []
    # (node, depth, the node whose position reports an alias there); positions are made only when reported
    stack: list[tuple[yaml.Node, int, yaml.Node]] = [(root, 0, root)]
    pop, push, add = stack.pop, stack.append, seen.add
    mapping, sequence, core_tags = yaml.MappingNode, yaml.SequenceNode, _CORE_TAGS
    while stack:
        node, depth, where = pop()
        if id(node) in seen:
            raise CatalogRefused(
                "yaml-alias",
                "the catalog uses a YAML alias (*name); write the value out in full instead.",
                node_pos(where),
            )
        add(id(node))
        if node.tag not in core_tags:
            raise CatalogRefused(
                "yaml-alias",
                f"the catalog uses the YAML tag {node.tag.replace(_STANDARD_TAG, '!!')}; remove it "
                "and write a plain value.",
                node_pos(node),
            )
        if depth > MAX_DEPTH:
            raise CatalogRefused("schema", f"the YAML nests deeper than {MAX_DEPTH} levels.", node_pos(node))
        if isinstance(node, mapping):
            keys: dict[str, yaml.Node] = {}
            for key, _ in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise CatalogRefused(
                        "schema",
                        "a mapping key is a list or mapping (`? [a, b]` or `{a: 1}: …`); keys are plain names.",
                        node_pos(key),
                    )
                label = key.value
                first = keys.get(label)
                if first is None:
                    keys[label] = key
                    continue
                message = (
                    f"the key `{label}` is repeated (first at line {first.start_mark.line + 1}); YAML "
                    "would silently keep only the last — remove or merge one."
                )
                duplicates.append((node_pos(key), message))
            # children pushed in reverse so the walk meets them in document order; an alias is
            # reported where it is used (its key, or the list holding it), not at its anchor
            child = depth + 1
            for key, value in reversed(node.value):
                push((value, child, key))
                push((key, child, key))
        elif isinstance(node, sequence):
            stack.extend((item, depth + 1, node) for item in reversed(node.value))
    return sorted(duplicates, key=lambda found: (found[0].line, found[0].column))
