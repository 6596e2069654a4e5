"""JSON Schemas of every JSON output, for ``schema --for NAME``.

Every published schema is open (no ``additionalProperties: false``): within a ``schema_version``
new fields may be added, so consumers must ignore fields they do not know; a field is removed or
changes meaning only with a new ``schema_version``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def open_schema(schema: Any) -> Any:
    """The schema with every ``additionalProperties: false`` removed (pydantic closes models that
    forbid extra fields; outputs promise new fields within a version)."""
    if isinstance(schema, dict):
        return {k: open_schema(v) for k, v in schema.items() if not (k == "additionalProperties" and v is False)}
    if isinstance(schema, list):
        return [open_schema(v) for v in schema]
    return schema


def _versioned(title: str, version: str, body: dict[str, Any]) -> dict[str, Any]:
    """A top-level object carrying ``schema_version`` beside the fields ``body`` describes."""
    properties = {"schema_version": {"const": version}, **body.get("properties", {})}
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": title,
        **{k: v for k, v in body.items() if k not in ("properties", "title", "required")},
        "type": "object",
        "required": ["schema_version", *body.get("required", [])],
        "properties": properties,
    }


def _constitution() -> dict[str, Any]:
    from constitution_rules.model import SCHEMA_VERSION, Constitution

    return _versioned(
        "constitution-rules model (parse --format json)", SCHEMA_VERSION, Constitution.model_json_schema()
    )


def _check() -> dict[str, Any]:
    from constitution_rules.reports.json import json_schema

    return {"$schema": JSON_SCHEMA_DIALECT, **json_schema()}


def _graph() -> dict[str, Any]:
    from constitution_rules.render.exports import NODE_LINK_SCHEMA

    return NODE_LINK_SCHEMA


def _metrics() -> dict[str, Any]:
    from constitution_rules.metrics import Metrics
    from constitution_rules.reports.metrics import METRICS_SCHEMA_VERSION

    return _versioned("constitution-rules balance metrics", METRICS_SCHEMA_VERSION, Metrics.model_json_schema())


def _indices() -> dict[str, Any]:
    from constitution_rules.indices import SCHEMA_VERSION
    from constitution_rules.indices.items import Item

    item = Item.model_json_schema()
    items = {"type": "object", "additionalProperties": {"$ref": "#/$defs/Item"}}
    number = {"type": ["number", "null"]}
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "constitution-rules indices (Parliamentary Powers Index, Shugart-Carey)",
        "type": "object",
        "required": ["schema_version", "files"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "files": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["file", "ppi", "shugart_carey"],
                    "properties": {
                        "file": {"type": "string"},
                        "ppi": {
                            "type": "object",
                            "required": ["items", "decided", "score", "weighted"],
                            "properties": {
                                "items": items,
                                "decided": {"type": "integer"},
                                "score": number,
                                "weighted": number,
                            },
                        },
                        "shugart_carey": {
                            "type": "object",
                            "required": ["items", "decided", "legislative", "non_legislative", "total"],
                            "properties": {
                                "president": {"type": ["string", "null"]},
                                "items": items,
                                "decided": {"type": "integer"},
                                "legislative": {"type": "integer"},
                                "non_legislative": {"type": "integer"},
                                "total": {"type": "integer"},
                            },
                        },
                    },
                },
            },
        },
        "$defs": {**item.pop("$defs", {}), "Item": item},
    }


def _diff() -> dict[str, Any]:
    from constitution_rules.diff import ConstitutionDiff
    from constitution_rules.reports.diff_report import DIFF_SCHEMA_VERSION

    body = ConstitutionDiff.model_json_schema()
    body.setdefault("properties", {})["summary"] = {"type": "object"}
    return _versioned("constitution-rules diff", DIFF_SCHEMA_VERSION, body)


#: Output name -> its schema, for ``schema --for``.
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "constitution": _constitution,
    "check": _check,
    "graph": _graph,
    "metrics": _metrics,
    "indices": _indices,
    "diff": _diff,
}


def output_schema(name: str) -> dict[str, Any]:
    result: dict[str, Any] = open_schema(SCHEMAS[name]())
    return result
