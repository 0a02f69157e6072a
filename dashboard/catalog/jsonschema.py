"""The JSON Schema of the catalog, derived from the field table, for editors (`indicators schema`)."""

from __future__ import annotations

import json
from typing import Any

from dashboard.catalog.fields import (
    DATE_PATTERN,
    DECIMAL_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    PERIOD_PATTERN,
    QUALIFIER_CHOICES,
    RECORDS,
    SECTIONS,
    SHA256_PATTERN,
    SITE,
    URL_PATTERN,
)

SCHEMA_FILE = "indicators.schema.json"

_YEAR = {"type": "integer", "minimum": 1000, "maximum": 9999}
_KINDS: dict[str, dict[str, Any]] = {
    "id": {"type": "string", "pattern": ID_PATTERN},
    "text": {"type": "string", "minLength": 1},
    "quote": {"type": "string", "minLength": 1},
    # a bare year (`period: 2019`) is a number to a YAML 1.2 editor; the validator reads it as text
    "date": {"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, _YEAR]},
    "period": {"anyOf": [{"type": "string", "pattern": PERIOD_PATTERN}, _YEAR]},
    "sha256": {"type": "string", "pattern": SHA256_PATTERN},
    "url": {"type": "string", "pattern": URL_PATTERN},
    "language": {"type": "string", "pattern": LANGUAGE_PATTERN},
    # YAML 1.2 editors read 17_000_000_000 as a string: accept the digit-group form too
    "value": {
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": DECIMAL_PATTERN},
            {
                "type": "array",
                "minItems": 2,
                "maxItems": 2,
                "items": {"anyOf": [{"type": "number"}, {"type": "string", "pattern": DECIMAL_PATTERN}]},
            },
        ]
    },
    "qualifier": {"enum": [*QUALIFIER_CHOICES, None]},
    "flag": {"type": "boolean"},
    "citations": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/citation"}},
    "derived": {
        "type": "object",
        "additionalProperties": False,
        "required": ["formula", "from"],
        "properties": {
            "formula": {"type": "string", "minLength": 1},
            "from": {
                "type": "object",
                "minProperties": 1,
                "propertyNames": {"pattern": "^[a-z_][a-z0-9_]*$"},
                "additionalProperties": {"type": "string", "pattern": ID_PATTERN},
            },
        },
    },
}


def _record(kind: str) -> dict[str, Any]:
    fields = RECORDS[kind]
    required = [name for name, field in fields.items() if field.required]
    record: dict[str, Any] = {"type": "object", "additionalProperties": False}
    if "derived" in fields:  # a derived figure may rest on its inputs' citations alone
        required.remove("citations")
        record["anyOf"] = [{"required": ["citations"]}, {"required": ["derived"]}]
    return {
        **record,
        "required": required,
        "properties": {
            name: {**_KINDS[field.kind], "description": field.description} for name, field in fields.items()
        },
    }


def catalog_schema() -> dict[str, Any]:
    properties: dict[str, Any] = {
        "version": {"const": 1},
        **{name: {**_KINDS[field.kind], "description": field.description} for name, field in SITE.items()},
        "themes": {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    }
    for section, kind in SECTIONS.items():
        properties[section] = {"type": "array", "items": {"$ref": f"#/$defs/{kind}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "indicators.schema.json",
        "title": "Catalog of indicators with exact citations (version 1)",
        "type": "object",
        "additionalProperties": False,
        "required": ["version"],
        "properties": properties,
        "$defs": {kind: _record(kind) for kind in RECORDS},
    }


def schema_text() -> str:
    return json.dumps(catalog_schema(), indent=2, ensure_ascii=False) + "\n"
