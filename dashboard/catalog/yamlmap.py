"""Where each node of a catalog is written in its text, so tools can edit it in place.

`pin`, `fix`, `suggest --write` and `add-source` change only the characters of the nodes they
mean to change; comments, order and layout elsewhere stay byte for byte. Besides safe_yaml.py, this is
the only module that imports yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from dashboard.catalog.safe_yaml import compose
from dashboard.catalog.sources import BOM

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Span:
    """One node of the catalog text."""

    start: int
    """Character offset of the node (a quoted scalar's opening quote included)."""
    end: int
    line: int
    """1-based line of the start."""
    column: int
    """1-based column of the start."""
    value: str | None
    """The scalar's value; None for lists and mappings."""


@dataclass(frozen=True)
class TextMap:
    values: dict[Path_, Span]
    """Every node by its path: ("indicators", 3, "citations", 0, "quote")."""
    keys: dict[Path_, Span]
    """Every mapping key by the path of its value."""

    def items(self, *path: str | int) -> list[Path_]:
        """Paths of the entries of the list at `path`, in order."""
        found = []
        index = 0
        while (*path, index) in self.values:
            found.append((*path, index))
            index += 1
        return found


def _span(node: yaml.Node, shift: int) -> Span:
    value = node.value if isinstance(node, yaml.ScalarNode) else None
    mark = node.start_mark
    return Span(mark.index + shift, node.end_mark.index + shift, mark.line + 1, mark.column + 1, value)


def map_catalog(text: str) -> TextMap:
    """Map a catalog's nodes; raises load.CatalogRefused when the text is not a safe YAML document.

    A leading byte-order mark is kept in the text but composed without it (libyaml's marks do not
    count it), so every span is still an offset into `text` itself."""
    shift = 1 if text.startswith(BOM) else 0
    root = compose(text[shift:]).root
    values: dict[Path_, Span] = {}
    keys: dict[Path_, Span] = {}
    stack: list[tuple[Path_, yaml.Node]] = [((), root)]
    while stack:
        path, node = stack.pop()
        values[path] = _span(node, shift)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*path, str(key.value))
                keys[child] = _span(key, shift)
                stack.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(((*path, index), item) for index, item in enumerate(node.value))
    return TextMap(values, keys)
