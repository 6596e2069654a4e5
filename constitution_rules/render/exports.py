"""Data exports of the power graph: node-link JSON and GraphML (attributes flattened to scalars)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

import networkx as nx

from constitution_rules.display import xml_safe
from constitution_rules.findings import Finding
from constitution_rules.vocabulary import CATEGORIES

NODE_LINK_SCHEMA_VERSION = "1"

#: JSON Schema of ``graph --format json`` (shown in docs/graph-json.md, printed by
#: ``schema --for graph``). Open: new fields may be added within a schema version.
NODE_LINK_SCHEMA: dict[str, Any] = json.loads(
    r"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "constitution-rules power graph (node-link)",
  "type": "object",
  "required": [
    "schema_version",
    "directed",
    "multigraph",
    "graph",
    "nodes",
    "edges",
    "findings"
  ],
  "properties": {
    "schema_version": {
      "const": "1"
    },
    "directed": {
      "const": true
    },
    "multigraph": {
      "const": true
    },
    "graph": {
      "type": "object",
      "required": [
        "name"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "version": {
          "type": "string"
        }
      }
    },
    "nodes": {
      "type": "array",
      "items": {
        "type": "object",
        "required": [
          "id",
          "node_type",
          "label",
          "kinds"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "node_type": {
            "enum": [
              "institution",
              "instrument"
            ]
          },
          "label": {
            "type": "string"
          },
          "kinds": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "seats": {
            "type": [
              "integer",
              "null"
            ]
          },
          "term_years": {
            "type": [
              "integer",
              "null"
            ]
          },
          "term_limit": {
            "type": [
              "integer",
              "null"
            ]
          },
          "member_of": {
            "type": [
              "string",
              "null"
            ]
          },
          "joint_sitting_of": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "location": {
            "$ref": "#/$defs/location"
          }
        }
      }
    },
    "edges": {
      "type": "array",
      "items": {
        "type": "object",
        "required": [
          "source",
          "target",
          "key",
          "clause_id",
          "verb",
          "category",
          "derived",
          "role",
          "citation"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "key": {
            "type": "string"
          },
          "clause_id": {
            "type": "string"
          },
          "verb": {
            "type": "string"
          },
          "category": {
            "enum": []
          },
          "derived": {
            "type": "boolean"
          },
          "role": {
            "enum": [
              "holds",
              "consents",
              "proposes",
              "overrides",
              "reviews",
              "joint",
              "lifts_immunity"
            ]
          },
          "provision_id": {
            "type": "string"
          },
          "citation": {
            "type": "string"
          },
          "share": {
            "type": [
              "object",
              "null"
            ]
          },
          "conditions": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "type"
              ]
            }
          },
          "over_target": {
            "type": "string"
          },
          "over_verb": {
            "type": "string"
          },
          "location": {
            "$ref": "#/$defs/location"
          }
        }
      }
    },
    "findings": {
      "type": "array",
      "items": {
        "type": "object",
        "required": [
          "code",
          "rule",
          "severity",
          "message"
        ],
        "properties": {
          "severity": {
            "enum": [
              "error",
              "warning",
              "info"
            ]
          }
        }
      }
    }
  },
  "$defs": {
    "location": {
      "oneOf": [
        {
          "type": "null"
        },
        {
          "type": "object",
          "required": [
            "file",
            "line",
            "column",
            "end_line",
            "end_column"
          ],
          "properties": {
            "file": {
              "type": "string"
            },
            "line": {
              "type": "integer",
              "minimum": 1
            },
            "column": {
              "type": "integer",
              "minimum": 1
            },
            "end_line": {
              "type": "integer"
            },
            "end_column": {
              "type": "integer"
            }
          }
        }
      ]
    }
  }
}
"""
)
# The categories come from the vocabulary (one definition), not a copy in the schema text.
NODE_LINK_SCHEMA["properties"]["edges"]["items"]["properties"]["category"]["enum"] = list(CATEGORIES)


def _scalar(value: Any) -> Any:
    """GraphML and GEXF take scalars only: lists become ';'-joined text, mappings JSON text; text
    loses the characters XML cannot hold."""
    if isinstance(value, (list, tuple)):
        return xml_safe(";".join(str(v) for v in value))
    if isinstance(value, dict):
        return xml_safe(json.dumps(value, sort_keys=True, ensure_ascii=False))
    if isinstance(value, str):
        return xml_safe(value)
    return value


def flattened(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat: nx.MultiDiGraph = nx.MultiDiGraph()
    flat.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None})
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(_scalar(node), **{k: _scalar(v) for k, v in data.items() if v is not None})
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        flat.add_edge(
            _scalar(source),
            _scalar(target),
            key=_scalar(key),
            **{k: _scalar(v) for k, v in data.items() if v is not None},
        )
    return flat


def to_graphml(graph: nx.MultiDiGraph) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(flattened(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def to_node_link(graph: nx.MultiDiGraph, findings: Sequence[Finding] | None = None) -> dict[str, Any]:
    """Node-link JSON, documented in docs/graph-json.md.

    ``{"schema_version", "directed", "multigraph", "graph", "nodes": [{"id", ...}],
    "edges": [{"source", "target", "key", ...}], "findings": [...]}``
    """
    nodes = [{"id": node, **data} for node, data in sorted(graph.nodes(data=True))]
    edges = [
        {"source": s, "target": t, "key": k, **data}
        for s, t, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1]))
    ]
    return {
        "schema_version": NODE_LINK_SCHEMA_VERSION,
        "directed": True,
        "multigraph": True,
        "graph": dict(sorted(graph.graph.items())),
        "nodes": nodes,
        "edges": edges,
        "findings": [f.model_dump(mode="json") for f in findings or ()],
    }


def to_json(graph: nx.MultiDiGraph, findings: Sequence[Finding] | None = None) -> str:
    return json.dumps(to_node_link(graph, findings), indent=2, ensure_ascii=False) + "\n"


def _gexf_type(values: list[Any]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _gexf_value(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def _gexf_attributes(items: list[dict[str, Any]], reserved: set[str]) -> list[tuple[str, str]]:
    keys = sorted({k for item in items for k in item if k not in reserved})
    return [(key, _gexf_type([item[key] for item in items if key in item])) for key in keys]


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """GEXF 1.2 for Gephi and networkx, written here rather than by networkx, whose writer stamps
    today's date. 1.2 (the ``1.2draft`` namespace), not 1.3: networkx before 3.6 reads only 1.1 and
    1.2 ("No <graph> element" on 1.3), and Gephi reads both."""
    from xml.sax.saxutils import quoteattr

    from constitution_rules.render.view import CATEGORY_COLOURS

    flat = flattened(graph)
    nodes = [(str(n), dict(d)) for n, d in flat.nodes(data=True)]
    edges = [(str(s), str(t), str(k), dict(d)) for s, t, k, d in flat.edges(keys=True, data=True)]
    node_attrs = _gexf_attributes([d for _, d in nodes], {"label"})
    edge_attrs = _gexf_attributes([d for *_, d in edges], set())
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
        "  <meta>",
        "    <creator>constitution-rules</creator>",
        f"    <description>{_xml(str(graph.graph.get('name', '')))}</description>",
        "  </meta>",
        '  <graph defaultedgetype="directed" mode="static">',
        '    <attributes class="node">',
        *[f"      <attribute id={quoteattr(k)} title={quoteattr(k)} type={quoteattr(t)}/>" for k, t in node_attrs],
        "    </attributes>",
        '    <attributes class="edge">',
        *[f"      <attribute id={quoteattr(k)} title={quoteattr(k)} type={quoteattr(t)}/>" for k, t in edge_attrs],
        "    </attributes>",
        "    <nodes>",
    ]
    node_types = dict(node_attrs)
    for node, data in nodes:
        out.append(f"      <node id={quoteattr(node)} label={quoteattr(str(data.get('label', node)))}>")
        out.append("        <attvalues>")
        for key in sorted(k for k in data if k in node_types):
            value = _gexf_value(data[key], node_types[key])
            out.append(f"          <attvalue for={quoteattr(key)} value={quoteattr(value)}/>")
        out.append("        </attvalues>")
        out.append("      </node>")
    out.append("    </nodes>")
    out.append("    <edges>")
    edge_types = dict(edge_attrs)
    for source, target, key, data in edges:
        colour = CATEGORY_COLOURS.get(str(data.get("category", "")), "#333333")
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        out.append(
            f"      <edge id={quoteattr(key)} source={quoteattr(source)} target={quoteattr(target)} "
            f"label={quoteattr(str(data.get('verb', '')))}>"
        )
        out.append("        <attvalues>")
        for name in sorted(k for k in data if k in edge_types):
            value = _gexf_value(data[name], edge_types[name])
            out.append(f"          <attvalue for={quoteattr(name)} value={quoteattr(value)}/>")
        out.append("        </attvalues>")
        out.append(f'        <viz:color r="{red}" g="{green}" b="{blue}"/>')
        out.append("      </edge>")
    out.append("    </edges>")
    out.append("  </graph>")
    out.append("</gexf>")
    return "\n".join(out) + "\n"


def _xml(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(xml_safe(text))
