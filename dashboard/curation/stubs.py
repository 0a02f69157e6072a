"""Render `suggest` stubs as YAML to paste, and append them to the catalog in place: every other
byte of the catalog (comments, order, layout) stays as it was, and the write is atomic."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dashboard.catalog.atomic import write_atomic
from dashboard.catalog.edit import Edit, append_to_section, apply_edits, section_indent
from dashboard.catalog.load import read_catalog_text
from dashboard.catalog.yamlmap import map_catalog
from dashboard.curation.suggest import SECTIONS, Stub


def render_stubs(stubs: Sequence[Stub], *, indent: int = 2) -> str:
    """YAML of the stubs grouped by section, each under a comment saying where its mention is."""
    blocks = []
    for section in SECTIONS:
        chosen = [s for s in stubs if s.section == section]
        if not chosen:
            continue
        lines = [f"# {section}: paste under `{section}:` and fill each TODO"]
        for stub in chosen:
            pad = " " * indent
            lines.append(f"{pad}# {stub.source} line {stub.line}: {stub.mention.text!r} ({stub.mention.kind})")
            lines.append(stub.render(indent=indent).rstrip("\n"))
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def append_stubs(text: str, stubs: Sequence[Stub]) -> str:
    """The catalog text with the stubs appended to their sections; every other byte unchanged."""
    spans = map_catalog(text)
    edits: list[Edit] = []
    for section in SECTIONS:
        indent = section_indent(spans, section=section)
        entries = [s.render(indent=indent) for s in stubs if s.section == section]
        if entries:
            edits.append(append_to_section(text, spans, section=section, entries=entries))
    return apply_edits(text, edits)


def write_stubs(path: Path, stubs: Sequence[Stub]) -> tuple[str, str]:
    """Append the stubs to the catalog at `path` atomically; returns (old text, new text). The caller
    holds the catalog's lock (`atomic.exclusive`) from the reading the stubs come from to this write."""
    old = read_catalog_text(path)
    new = append_stubs(old, stubs)
    if new != old:
        write_atomic(path, new, backup=True)
    return old, new
