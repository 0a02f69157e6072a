"""Compose a catalog's YAML into nodes under the project's own limits; the only module that imports yaml.

The limits are ours, checked in document order, and give the same code, position and message
whatever PyYAML release reads the text: no alias (a "billion laughs" file is refused before anything
is expanded), no tag outside YAML's core schema (nothing is ever constructed), no collection as a
mapping key, no nesting deeper than MAX_DEPTH; repeated keys are listed, never silently merged.

The fast path lets PyYAML's composer (libyaml's, when present) build the tree and then walks it.
When that composer fails for any reason (libyaml refuses nesting past 1,000 levels since PyYAML
6.0.4, and scans up to 1,024 characters ahead, so it can fail before the 65th level is even
reported; PyYAML's pure-Python composer recurses and runs out of stack) the text is read again as
a stream of parser events by PyYAML's pure-Python parser, which keeps no recursion and no nesting
limit, and the tree is built here with the same checks applied to each event as it arrives. What
PyYAML raises decides nothing but "this is not YAML", at the place it names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from dashboard.catalog.errors import ExitCode, IndicatorsError
from dashboard.catalog.model import Pos
from dashboard.catalog.problems import Code

MAX_DEPTH = 64
Node = yaml.Node
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAG = "tag:yaml.org,2002:"
CORE_TAGS = frozenset(
    _STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


class CatalogRefused(IndicatorsError):
    """The text is refused before a catalog is built; carries a problem code, a message and a position."""

    exit_code = ExitCode.PROBLEMS

    def __init__(self, code: Code, message: str, pos: Pos) -> None:
        super().__init__(message)
        self.code, self.message, self.pos = code, message, pos


@dataclass(frozen=True)
class Composed:
    """A YAML document as nodes, with its repeated keys (position, message) in document order."""

    root: Node
    duplicates: tuple[tuple[Pos, str], ...]


def node_pos(node: Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def _mark_pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def alias_refusal(pos: Pos) -> CatalogRefused:
    return CatalogRefused(
        "yaml-alias", "the catalog uses a YAML alias (*name); write the value out in full instead.", pos
    )


def tag_refusal(tag: str, pos: Pos) -> CatalogRefused:
    shown = tag.replace(_STANDARD_TAG, "!!")
    return CatalogRefused(
        "yaml-alias", f"the catalog uses the YAML tag {shown}; remove it and write a plain value.", pos
    )


def depth_refusal(pos: Pos) -> CatalogRefused:
    return CatalogRefused("schema", f"the YAML nests deeper than {MAX_DEPTH} levels.", pos)


def key_refusal(pos: Pos) -> CatalogRefused:
    return CatalogRefused(
        "schema", "a mapping key is a list or mapping (`? [a, b]` or `{a: 1}: …`); keys are plain names.", pos
    )


def duplicate_message(label: str, first_line: int) -> str:
    return (
        f"the key `{label}` is repeated (first at line {first_line}); YAML would silently keep only the last "
        "— remove or merge one."
    )


def syntax_refusal(err: Exception) -> CatalogRefused:
    if isinstance(err, yaml.MarkedYAMLError):
        mark = err.problem_mark or err.context_mark
        what = " ".join(part for part in (err.context, err.problem) if part)
        where = _mark_pos(mark) if mark else Pos(1, 1)
        return CatalogRefused("yaml-syntax", f"not valid YAML: {what}; fix the syntax at this place.", where)
    return CatalogRefused("yaml-syntax", f"not valid YAML: {err}.", Pos(1, 1))


def empty_refusal() -> CatalogRefused:
    return CatalogRefused("schema", "the catalog is empty; it needs `version: 1` and its sections.", Pos(1, 1))


def compose(text: str) -> Composed:
    """The document's nodes and repeated keys; raises CatalogRefused for anything over the limits or not YAML.

    A leading byte-order mark is not part of the document: marks count from the character after it."""
    text = text.removeprefix("\ufeff")
    try:
        root = yaml.compose(text, Loader=_FAST_LOADER)
    except (yaml.YAMLError, RecursionError, MemoryError):
        return compose_from_events(text)
    if root is None:
        raise empty_refusal()
    return Composed(root, tuple(check_tree(root)))


def check_tree(root: Node) -> list[tuple[Pos, str]]:
    """Refuse aliases, non-core tags, collection keys and deep nesting, in document order; list repeated keys.

    An alias makes the composer hand out the same node twice, so meeting a node again means an alias:
    it is refused where it is used (at its key, or at the list holding it) before it is expanded.
    """
    seen: set[int] = set()
    duplicates: list[tuple[Pos, str]] = []
    # (node, depth, the node whose position reports an alias there, whether the node is a mapping key)
    stack: list[tuple[Node, int, Node, bool]] = [(root, 0, root, False)]
    pop, push, add = stack.pop, stack.append, seen.add
    mapping, sequence, scalar, core_tags = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode, CORE_TAGS
    while stack:
        node, depth, where, is_key = pop()
        if id(node) in seen:
            raise alias_refusal(node_pos(where))
        add(id(node))
        if node.tag not in core_tags:
            raise tag_refusal(node.tag, node_pos(node))
        if depth > MAX_DEPTH:
            raise depth_refusal(node_pos(node))
        if is_key and not isinstance(node, scalar):
            raise key_refusal(node_pos(node))
        if isinstance(node, mapping):
            duplicates += _repeated_keys(node.value)
            # pushed in reverse so the walk meets the children in document order
            child = depth + 1
            for key, value in reversed(node.value):
                push((value, child, key, False))
                push((key, child, key, True))
        elif isinstance(node, sequence):
            stack.extend((item, depth + 1, node, False) for item in reversed(node.value))
    return sorted(duplicates, key=lambda found: (found[0].line, found[0].column))


def _repeated_keys(pairs: list[tuple[Node, Node]]) -> list[tuple[Pos, str]]:
    first_of: dict[str, Node] = {}
    found = []
    for key, _ in pairs:
        if not isinstance(key, yaml.ScalarNode):
            continue  # refused when the walk reaches it
        first = first_of.setdefault(key.value, key)
        if first is not key:
            found.append((node_pos(key), duplicate_message(key.value, first.start_mark.line + 1)))
    return found


class _Open:
    """A collection whose end event has not come yet."""

    __slots__ = ("node", "key", "expect_key")

    def __init__(self, node: Node) -> None:
        self.node = node
        self.key: Node | None = None
        self.expect_key = isinstance(node, yaml.MappingNode)


def compose_from_events(text: str) -> Composed:
    """Build the nodes from PyYAML's pure-Python event stream, refusing at the first event over a limit.

    Gives the same refusals, at the same places, as `check_tree` gives on a composed tree."""
    loader = yaml.SafeLoader(text)
    try:
        return _walk_events(loader.get_event, loader.resolve)
    except (yaml.YAMLError, RecursionError, MemoryError) as err:
        raise syntax_refusal(err) from err
    finally:
        loader.dispose()


def _walk_events(next_event: Callable[[], Any], resolve: Callable[..., str]) -> Composed:
    # events are typed loosely: PyYAML's stubs give Event none of the fields its subclasses carry
    anchored: dict[str, Node] = {}
    stack: list[_Open] = []
    root: Node | None = None
    while True:
        event = next_event()
        if isinstance(event, yaml.DocumentEndEvent) and root is not None:
            _refuse_a_second_document(next_event())
            break
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.StreamEndEvent)):
            if isinstance(event, yaml.StreamEndEvent):
                raise empty_refusal()
            continue
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            closed = stack.pop().node
            closed.end_mark = event.end_mark
            if not stack:
                root = closed
            else:
                _attach(stack[-1], closed)
            continue
        parent = stack[-1] if stack else None
        if isinstance(event, yaml.AliasEvent):
            raise alias_refusal(_alias_place(parent, anchored.get(event.anchor or ""), event))
        node = _node_of(event, resolve)
        if getattr(event, "anchor", None):
            anchored[event.anchor] = node
        if node.tag not in CORE_TAGS:
            raise tag_refusal(node.tag, node_pos(node))
        if len(stack) > MAX_DEPTH:
            raise depth_refusal(node_pos(node))
        if parent is not None and parent.expect_key and not isinstance(node, yaml.ScalarNode):
            raise key_refusal(node_pos(node))
        if isinstance(node, yaml.ScalarNode):
            if parent is None:
                root = node
            else:
                _attach(parent, node)
        else:
            stack.append(_Open(node))
    assert root is not None
    return Composed(root, tuple(check_tree(root)))


def _refuse_a_second_document(event: Any) -> None:
    if not isinstance(event, yaml.StreamEndEvent):
        raise CatalogRefused(
            "yaml-syntax",
            "not valid YAML: the file holds a second document (after `---`); keep the catalog in one document.",
            _mark_pos(event.start_mark),
        )


def _alias_place(parent: _Open | None, target: Node | None, event: Any) -> Pos:
    """Where `check_tree` reports this alias: its key, the list holding it, or (as a key) its anchor."""
    if parent is None:
        return _mark_pos(event.start_mark)
    if isinstance(parent.node, yaml.SequenceNode):
        return node_pos(parent.node)
    if parent.expect_key:
        return node_pos(target) if target is not None else _mark_pos(event.start_mark)
    assert parent.key is not None
    return node_pos(parent.key)


def _node_of(event: Any, resolve: Callable[..., str]) -> Node:
    tag, start, end = event.tag, event.start_mark, event.end_mark
    if isinstance(event, yaml.ScalarEvent):
        if tag is None or tag == "!":
            tag = resolve(yaml.ScalarNode, event.value, event.implicit)
        return yaml.ScalarNode(tag, event.value, start, end, style=event.style)
    kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
    if tag is None or tag == "!":
        tag = resolve(kind, None, event.implicit)
    return kind(tag, [], start, None, flow_style=event.flow_style)


def _attach(parent: _Open, node: Node) -> None:
    if isinstance(parent.node, yaml.SequenceNode):
        parent.node.value.append(node)
    elif parent.expect_key:
        parent.key, parent.expect_key = node, False
    else:
        assert parent.key is not None
        parent.node.value.append((parent.key, node))
        parent.key, parent.expect_key = None, True
