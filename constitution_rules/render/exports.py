"""Data exports of the power graph: node-link JSON and GraphML (attributes flattened to scalars)."""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx

NODE_LINK_SCHEMA_VERSION = "1"


def _scalar(value: Any) -> Any:
    """GraphML and GEXF take scalars only: lists become ';'-joined text, mappings JSON text."""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def flattened(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat: nx.MultiDiGraph = nx.MultiDiGraph()
    flat.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None})
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        flat.add_edge(source, target, key=key, **{k: _scalar(v) for k, v in data.items() if v is not None})
    return flat


def to_graphml(graph: nx.MultiDiGraph) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(flattened(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def to_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link JSON, documented in docs/graph-json.md.

    ``{"schema_version", "directed", "multigraph", "graph", "nodes": [{"id", ...}],
    "edges": [{"source", "target", "key", ...}]}``
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
    }


def to_json(graph: nx.MultiDiGraph) -> str:
    return json.dumps(to_node_link(graph), indent=2, ensure_ascii=False) + "\n"
