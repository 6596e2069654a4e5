"""Graphviz DOT of the power graph, written by hand so that every string is escaped and the order fixed."""

from __future__ import annotations

import networkx as nx

CATEGORY_COLOURS = {
    "selection": "#1f77b4",
    "removal": "#d62728",
    "lawmaking": "#2ca02c",
    "budget": "#8c564b",
    "oversight": "#9467bd",
    "dissolution": "#ff7f0e",
    "emergency": "#e377c2",
    "command": "#7f7f7f",
    "clemency": "#bcbd22",
    "amendment": "#17becf",
}


def dot_quote(text: object) -> str:
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{escaped}"'


def to_dot(graph: nx.MultiDiGraph) -> str:
    lines = [f"digraph {dot_quote(graph.graph.get('name', 'constitution'))} {{"]
    lines.append('  graph [rankdir="TB", fontname="Helvetica"];')
    lines.append('  node [shape="box", style="rounded", fontname="Helvetica"];')
    lines.append('  edge [fontname="Helvetica", fontsize="10"];')
    for node, data in sorted(graph.nodes(data=True)):
        shape = "box" if data.get("node_type") == "institution" else "note"
        lines.append(f"  {dot_quote(node)} [label={dot_quote(data.get('label', node))}, shape={dot_quote(shape)}];")
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        colour = CATEGORY_COLOURS.get(data.get("category", ""), "#000000")
        style = "dashed" if data.get("derived") else "solid"
        label = f"{data.get('verb', '')} ({data.get('citation', '')})"
        lines.append(
            f"  {dot_quote(source)} -> {dot_quote(target)} [key={dot_quote(key)}, label={dot_quote(label)}, "
            f"color={dot_quote(colour)}, style={dot_quote(style)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
