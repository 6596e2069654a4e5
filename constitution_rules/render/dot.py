"""Graphviz DOT of the power graph, written by hand so that every string is escaped and the order fixed.

Branches are clusters, powers of one category between two bodies one labelled edge (verbs and
citations), say-so edges dashed, institutions with findings outlined by severity. Elements carry
``id`` and ``class`` attributes so that Graphviz's SVG can be scripted like ours.
"""

from __future__ import annotations

from constitution_rules.render.view import (
    BRANCH_TITLES,
    BRANCHES,
    CATEGORY_COLOURS,
    SEVERITY_COLOURS,
    GraphView,
)

__all__ = ["CATEGORY_COLOURS", "dot_quote", "to_dot"]


def dot_quote(text: object) -> str:
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{escaped}"'


def to_dot(view: GraphView) -> str:
    lines = [f"digraph {dot_quote(view.name or 'constitution')} {{"]
    # Left to right: the branches are clusters side by side, and with ranks running top to bottom
    # they all landed on a few ranks, a drawing about eleven times wider than high. newrank ranks the
    # whole graph at once: with clusters ranked apart, dot's spline router lost edges ("triangulation
    # failed") on long labels.
    lines.append(
        f'  graph [rankdir="LR", newrank="true", fontname="Helvetica", label={dot_quote(view.name)}, labelloc="t"];'
    )
    lines.append('  node [shape="box", style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];')
    lines.append('  edge [fontname="Helvetica", fontsize="9"];')
    for branch in BRANCHES:
        members = sorted((n for n in view.nodes if n.branch == branch), key=lambda n: (n.tier, n.order))
        if not members:
            continue
        lines.append(f"  subgraph {dot_quote('cluster_' + branch)} {{")
        lines.append(f'    label={dot_quote(BRANCH_TITLES[branch])}; style="rounded"; color="#c8ced6";')
        if branch in ("electorate", "instrument"):
            lines.append('    rank="same";')
        for node in members:
            attrs = [
                f"label={dot_quote(node.label)}",
                f"id={dot_quote('node-' + node.id)}",
                f"class={dot_quote('node ' + node.branch)}",
                f"tooltip={dot_quote(node.details or node.label)}",
            ]
            if branch == "instrument":
                attrs.append('shape="oval"')
            if node.severity:
                attrs.append(f'color={dot_quote(SEVERITY_COLOURS[node.severity])}, penwidth="3"')
            lines.append(f"    {dot_quote(node.id)} [{', '.join(attrs)}];")
        lines.append("  }")
    for edge in view.edges:
        colour = CATEGORY_COLOURS.get(edge.category, "#000000")
        citations = ", ".join(sorted({c.citation for c in edge.clauses}))
        attrs = [
            f"label={dot_quote(', '.join(edge.verbs) + chr(10) + citations)}",
            f"id={dot_quote('edge-' + edge.id)}",
            f"class={dot_quote('edge ' + edge.category)}",
            f"color={dot_quote(colour)}",
            f"fontcolor={dot_quote(colour)}",
            f"tooltip={dot_quote(edge.title)}",
            f'style="{"dashed" if edge.derived else "solid"}"',
        ]
        if edge.severity:
            attrs.append('penwidth="2.5"')
        lines.append(f"  {dot_quote(edge.source)} -> {dot_quote(edge.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
