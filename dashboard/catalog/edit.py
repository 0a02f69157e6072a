"""Edit the catalog's text in place: small replacements and insertions at known node spans, a
diff to show first, and YAML for new entries. Everything outside the edited spans stays byte for
byte, comments included."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dashboard.catalog.yamlmap import Span, TextMap

_PLAIN = re.compile(r"^[A-Za-z](?:[A-Za-z0-9 .,'’()/–-]*[A-Za-z0-9.)])?$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`."""

    start: int
    end: int
    text: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (any order)."""
    out, last = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        out += [text[last : edit.start], edit.text]
        last = edit.end
    return "".join(out) + text[last:]


def diff(old: str, new: str, *, name: str) -> str:
    lines = difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{name}", f"b/{name}")
    return "".join(lines)


def scalar(value: Any) -> str:
    """A YAML scalar for a value: numbers and plain words as they are, other text double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int):
        return f"{value:f}" if isinstance(value, Decimal) else str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def render_entry(fields: Mapping[str, Any], *, indent: int, comments: Mapping[str, str] | None = None) -> str:
    """A list entry (`- key: value` lines) at `indent` spaces; nested lists of mappings are citations."""
    comments = comments or {}
    pad = " " * indent
    lines: list[str] = []
    for name, value in fields.items():
        lead = f"{pad}- " if not lines else f"{pad}  "
        note = f"  # {comments[name]}" if name in comments else ""
        if isinstance(value, Sequence) and value and all(isinstance(v, Decimal | int) for v in value):
            lines.append(f"{lead}{name}: [{', '.join(scalar(v) for v in value)}]{note}")  # a range
        elif isinstance(value, Sequence) and not isinstance(value, str):
            lines.append(f"{lead}{name}:{note}")
            for item in value:
                lines.append(render_entry(item, indent=indent + 4).rstrip("\n"))
        else:
            lines.append(f"{lead}{name}: {scalar(value)}{note}")
    return "\n".join(lines) + "\n"


def line_end(text: str, offset: int) -> int:
    """Offset just past the newline of the line holding `offset` (or the end of the text)."""
    found = text.find("\n", offset)
    return len(text) if found == -1 else found + 1


def content_end(text: str, span: Span) -> int:
    """End of a node's own text: the composer's end mark runs on over blank and comment lines."""
    lines = text[span.start : span.end].splitlines(keepends=True)
    while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    return span.start + len("".join(lines).rstrip())


def section_indent(spans: TextMap, *, section: str) -> int:
    """Spaces before the `- ` of the entries of a top-level list (2 when it has none yet)."""
    items = spans.items(section)
    return spans.values[items[0]].column - 3 if items else 2


def append_to_section(text: str, spans: TextMap, *, section: str, entries: Sequence[str]) -> Edit:
    """An Edit that appends rendered entries after the last entry of a top-level list (each after a
    blank line), fills a section that is there but empty (`events: []`, `events:`), or adds the
    section at the end of the file."""
    block = "".join("\n" + entry for entry in entries)
    items = spans.items(section)
    if items:
        at = line_end(text, content_end(text, spans.values[items[-1]]) - 1)
        return Edit(at, at, block if text[at - 1 : at] == "\n" else "\n" + block)
    key, value = spans.keys.get((section,)), spans.values.get((section,))
    if key is not None and value is not None:
        flow = text[value.start : value.end] == "[]"
        at = line_end(text, value.end if flow else key.end)
        rest = text[value.end : at] if flow else text[key.end : at]
        newline = "" if rest.endswith("\n") else "\n"
        return Edit(key.end, at, (":" if flow else "") + rest + newline + block.lstrip("\n"))
    tail = "" if text.endswith("\n") else "\n"
    return Edit(len(text), len(text), f"{tail}\n{section}:{block}")
