"""Composed YAML nodes -> typed records, with a `schema` or `value-literal` problem for each flaw.

Works on the nodes PyYAML composes (duck-typed by their `id`: scalar, mapping, sequence) so that
only safe_yaml.py and yamlmap.py import yaml. An entry with a flaw is left out of the Catalog; the rest still loads.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from dashboard.catalog.fields import (
    DECIMAL_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    QUALIFIER_CHOICES,
    RECORDS,
    SECTIONS,
    SHA256_PATTERN,
    SITE,
    TOP_LEVEL,
    URL_PATTERN,
    Field,
    is_period,
    is_real_date,
)
from dashboard.catalog.formula import FormulaError, names_in
from dashboard.catalog.model import Catalog, Citation, Derived, Event, Exclusion, Indicator, Pos, Site, Source
from dashboard.catalog.problems import Code, Problem
from dashboard.catalog.safe_yaml import node_pos

Node = Any  # a yaml.Node; typed loosely so this module needs no yaml import
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_RECORD_TYPES = {"source": Source, "indicator": Indicator, "event": Event, "exclusion": Exclusion}


class _Builder:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def flag(self, code: Code, node: Node, message: str, *, id: str | None = None) -> None:
        pos = node_pos(node)
        self.problems.append(Problem(code, message, str(self.path), pos.line, pos.column, id=id))

    def build(self, root: Node) -> Catalog:
        sections: dict[str, tuple[Any, ...]] = {name: () for name in SECTIONS}
        themes: dict[str, str] = {}
        version = 1
        if root.id != "mapping":
            self.flag(
                "schema",
                root,
                "the catalog must be a mapping with `version`, `themes`, `sources`, "
                "`indicators`, `events` and `exclusions`.",
            )
            return Catalog(self.path, version, themes, (), (), (), ())
        present = {key.value: (key, value) for key, value in root.value}
        for name, (key, _) in present.items():
            if name not in TOP_LEVEL:
                self.flag(
                    "schema",
                    key,
                    f"unknown top-level key `{name}`{_did_you_mean(name, TOP_LEVEL)}; allowed: {', '.join(TOP_LEVEL)}.",
                )
        if "version" not in present:
            self.flag("schema", root, "missing `version: 1` at the top of the catalog.")
        elif present["version"][1].value != "1":
            self.flag("schema", present["version"][1], "`version` must be 1 (the contract this tool reads).")
        if "themes" in present:
            themes = self.themes(present["themes"][1])
        site = Site(**{name: self.site_field(present[name][1], name=name) for name in SITE if name in present})
        for name, kind in SECTIONS.items():
            if name in present:
                sections[name] = self.section(present[name][1], kind=kind, name=name)
        return Catalog(
            self.path,
            version,
            themes,
            sections["sources"],
            sections["indicators"],
            sections["events"],
            sections["exclusions"],
            site,
        )

    def site_field(self, node: Node, *, name: str) -> str | None:
        if node.id != "scalar" or node.tag == _NULL or not node.value.strip():
            self.flag("schema", node, f"top-level `{name}` must be a text: {SITE[name].description}")
            return None
        return str(node.value)

    def themes(self, node: Node) -> dict[str, str]:
        if node.id != "mapping":
            self.flag("schema", node, "`themes` must map theme ids to display titles (military: Military).")
            return {}
        themes = {}
        for key, value in node.value:
            if not re.fullmatch(ID_PATTERN, key.value):
                self.flag("schema", key, f"theme id `{key.value}` must be kebab-case (a-z, 0-9, -).")
            elif value.id != "scalar" or value.tag == _NULL or not value.value.strip():
                self.flag("schema", value, f"theme `{key.value}` needs a display title.")
            else:
                themes[key.value] = value.value
        return themes

    def section(self, node: Node, *, kind: str, name: str) -> tuple[Any, ...]:
        if node.tag == _NULL:
            return ()
        if node.id != "sequence":
            self.flag("schema", node, f"`{name}` must be a list of {kind} entries (each line starting with `- `).")
            return ()
        records = (self.record(item, kind=kind) for item in node.value)
        return tuple(record for record in records if record is not None)

    def record(self, node: Node, *, kind: str) -> Any:
        fields = self.fields(node, kind=kind)
        if fields is None:
            return None
        fields["pos"] = node_pos(node)
        return _RECORD_TYPES[kind](**fields)

    def fields(self, node: Node, *, kind: str) -> dict[str, Any] | None:
        """Check one mapping against RECORDS[kind]; None when anything is wrong (already flagged)."""
        spec = RECORDS[kind]
        if node.id != "mapping":
            self.flag("schema", node, f"each {kind} must be a mapping of fields ({', '.join(spec)}).")
            return None
        given = {key.value: (key, value) for key, value in node.value}
        ident = _scalar(given["id"][1]) if "id" in given else None
        before = len(self.problems)
        values: dict[str, Any] = {}
        positions: dict[str, Pos] = {}
        for name, (key, value) in given.items():
            if name not in spec:
                self.flag(
                    "schema",
                    key,
                    f"unknown field `{name}` in {kind}{_did_you_mean(name, spec)}; allowed: {', '.join(spec)}.",
                    id=ident,
                )
                continue
            positions[name] = node_pos(value)
            values[name] = self.field(value, field=spec[name], name=name, kind=kind, ident=ident)
        for name, field in spec.items():
            if field.required and values.get(name) is None and name in given:
                continue  # already flagged as a bad value
            if name == "citations" and "derived" in given and name not in given:
                values[name] = ()  # a derived figure may rest on its inputs' citations alone
            elif field.required and name not in given:
                self.flag("schema", node, f"{kind} {_label(ident)}is missing `{name}` ({field.description})", id=ident)
        if len(self.problems) > before:
            return None
        values = {name: value for name, value in values.items() if value is not None}
        if isinstance(values.get("value"), tuple):
            values["value"], values["high"] = values["value"]
        values["field_pos"] = positions
        return values

    def field(self, node: Node, *, field: Field, name: str, kind: str, ident: str | None) -> Any:
        where = f"{kind} {_label(ident)}field `{name}`"
        if field.kind == "citations":
            return self.citations(node, where=where, ident=ident)
        if field.kind == "value":
            return self.value(node, where=where, ident=ident)
        if field.kind == "derived":
            return self.derived(node, where=where, ident=ident)
        if field.kind == "flag":
            if node.id == "scalar" and node.tag == _BOOL:
                return node.value.lower() in ("true", "yes", "on")
            self.flag("schema", node, f"{where} must be true or false.", id=ident)
            return None
        if node.id != "scalar":
            self.flag("schema", node, f"{where} must be a single value, not a list or mapping.", id=ident)
            return None
        if node.tag == _NULL:
            if field.required:
                self.flag("schema", node, f"{where} is empty; {field.description}", id=ident)
            return None
        text = node.value
        problem = _check_scalar(text, field.kind)
        if problem:
            self.flag("schema", node, f"{where} {problem}", id=ident)
            return None
        return text

    def citations(self, node: Node, *, where: str, ident: str | None) -> tuple[Citation, ...] | None:
        if node.id != "sequence" or not node.value:
            self.flag("schema", node, f"{where} must be a non-empty list of {{source, quote}} entries.", id=ident)
            return None
        built = [self.fields(item, kind="citation") for item in node.value]
        if any(fields is None for fields in built):
            return None
        return tuple(
            Citation(pos=node_pos(item), **fields)  # type: ignore[arg-type]
            for item, fields in zip(node.value, built, strict=True)
        )

    def derived(self, node: Node, *, where: str, ident: str | None) -> Derived | None:
        """`{formula: total - part, from: {total: <id>, part: <id>}}`: every name of the formula an input."""
        shape = "`{formula: total - part, from: {total: <indicator id>, part: <indicator id>}}`"
        given: dict[str, Node] = {key.value: value for key, value in node.value} if node.id == "mapping" else {}
        formula, inputs = given.get("formula"), given.get("from")
        if formula is None or inputs is None or set(given) != {"formula", "from"}:
            self.flag("schema", node, f"{where} must be {shape}.", id=ident)
            return None
        if formula.id != "scalar" or inputs.id != "mapping":
            self.flag("schema", node, f"{where} must be {shape}.", id=ident)
            return None
        pairs = []
        for key, value in inputs.value:
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", key.value) or value.id != "scalar":
                self.flag("schema", key, f"{where}: each input is `name: <indicator id>` with a lower-case "
                          "name (letters, digits, _) the formula uses.", id=ident)  # fmt: skip
                return None
            if not re.fullmatch(ID_PATTERN, value.value):
                self.flag("schema", value, f"{where}: `{_shown(value.value)}` is not an indicator id.", id=ident)
                return None
            pairs.append((key.value, value.value))
        try:
            used = names_in(str(formula.value))
        except FormulaError as error:
            self.flag("schema", formula, f"{where}: {error}", id=ident)
            return None
        unknown = [name for name in used if name not in dict(pairs)]
        unused = [name for name, _ in pairs if name not in used]
        if unknown or unused or not used:
            said = f"uses {', '.join(unknown)}, which `from` does not name" if unknown else ""
            said = said or (f"does not use {', '.join(unused)}" if unused else "uses no input")
            self.flag("schema", formula, f"{where}: the formula {said}; every input is used, and only those.", id=ident)
            return None
        return Derived(str(formula.value), tuple(pairs))

    def value(self, node: Node, *, where: str, ident: str | None) -> Decimal | tuple[Decimal, Decimal] | None:
        """A plain decimal, or a range `[low, high]` of two (low below high)."""
        if node.id == "sequence":
            return self.range(node, where=where, ident=ident)
        return self.number(node, where=where, ident=ident)

    def range(self, node: Node, *, where: str, ident: str | None) -> tuple[Decimal, Decimal] | None:
        if len(node.value) != 2:
            self.flag(
                "schema",
                node,
                f"{where} is a list of {len(node.value)}; a range is two numbers, `[low, high]` "
                '(e.g. `[2_000_000, 3_000_000]` for "between 2 and 3 million").',
                id=ident,
            )
            return None
        low, high = (self.number(item, where=where, ident=ident) for item in node.value)
        if low is None or high is None:
            return None
        if low >= high:
            self.flag("schema", node, f"{where} is the range [{low}, {high}]; write the low end first.", id=ident)
            return None
        return low, high

    def number(self, node: Node, *, where: str, ident: str | None) -> Decimal | None:
        text = node.value if node.id == "scalar" else ""
        plain = node.id == "scalar" and not node.style
        if plain and node.tag in _NUMBER_TAGS and re.fullmatch(DECIMAL_PATTERN, text):
            number = Decimal(text.replace("_", ""))
            if not (number.is_zero() and number.is_signed()):
                return number
        self.flag(
            "value-literal",
            node,
            f"{where} is `{text}`, not a plain decimal number; {_literal_advice(text, node=node)}",
            id=ident,
        )
        return None


def _check_scalar(text: str, kind: str) -> str | None:
    """Why a scalar does not fit its kind, or None."""
    if kind in ("text", "quote") and not text.strip():
        return "is empty."
    if text.strip() == "TODO":
        return "is still TODO: fill it in (see the comment `indicators suggest` left beside it)."
    if kind == "id" and not re.fullmatch(ID_PATTERN, text):
        return f"`{_shown(text)}` must be kebab-case: lower-case letters, digits and single hyphens."
    if kind == "date" and not is_real_date(text):
        return f"`{text}` must be a real date written YYYY, YYYY-MM or YYYY-MM-DD."
    if kind == "period" and not is_period(text):
        return f"`{text}` must be an ISO date or interval start/end (2019, 2000/2021, 2006/..)."
    if kind == "sha256" and not re.fullmatch(SHA256_PATTERN, text):
        return "must be 64 lower-case hex digits; run `indicators pin` to fill it in."
    if kind == "url" and not re.fullmatch(URL_PATTERN, text):
        return f"`{text}` must be an http(s) address."
    if kind == "language" and not re.fullmatch(LANGUAGE_PATTERN, text):
        return f"`{_shown(text)}` must be a BCP 47 language tag: `en`, `es`, `ru`, `pt-BR`."
    if kind == "qualifier" and text not in QUALIFIER_CHOICES:
        return (
            f"`{text}` is not a known qualifier{_did_you_mean(text, QUALIFIER_CHOICES)}; use one of: "
            f"{', '.join(QUALIFIER_CHOICES)}, or null."
        )
    return None


def _literal_advice(text: str, *, node: Node) -> str:
    digits = re.sub(r"[^0-9.]", "", text)
    if node.id != "scalar" or node.tag == _NULL:
        return "give the figure as a number, e.g. `value: 343`."
    if re.fullmatch(r"-0(?:\.0*)?", text.replace("_", "")):
        return f"a negative zero states nothing a source can say; write `{digits}`."
    if node.style:
        return f"remove the quotes so it reads as a number, e.g. `value: {digits or 0}`."
    if "," in text:
        return f"thousands separators make YAML read a string; write `{text.replace(',', '_')}` or `{digits}`."
    if re.search(r"[eE]", text) and re.match(r"^[-+]?[0-9.]+[eE][-+]?[0-9]+$", text):
        return (
            f"write the number out in full (`{Decimal(text):f}`): YAML reads exponent forms "
            "inconsistently (17e9 is a string)."
        )
    if re.match(r"^[-+]?0[0-9_]+$", text):
        return "a leading zero makes YAML 1.1 read an octal number (011000 = 4608); drop the zero."
    if node.tag == "tag:yaml.org,2002:bool":
        return "YAML reads this as true/false; write the number."
    return "write digits with an optional decimal point and `_` between digit groups (17_000_000_000)."


def _scalar(node: Node) -> str | None:
    return node.value if node.id == "scalar" and isinstance(node.value, str) else None


def _label(ident: str | None) -> str:
    return f"`{_shown(ident)}` " if ident else ""


def _shown(text: str) -> str:
    """The text for a one-line message: a newline, tab or other control character is escaped."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _did_you_mean(name: str, choices: Any) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def build_catalog(root: Node, *, path: Path) -> tuple[Catalog, list[Problem]]:
    builder = _Builder(path)
    return builder.build(root), builder.problems
