"""A Mermaid flowchart that GitHub renders inside Markdown: branches as subgraphs, powers as
labelled arrows coloured by category, say-so edges dotted, findings as coloured outlines.

GitHub's Mermaid refuses diagrams over its limits (``maxEdges`` 500, ``maxTextSize`` 50,000
characters), so beyond them this refuses too and points to the HTML page instead.
"""

from __future__ import annotations

from constitution_rules.display import one_line
from constitution_rules.render.view import (
    BRANCH_TITLES,
    BRANCHES,
    CATEGORY_COLOURS,
    SEVERITY_COLOURS,
    GraphView,
)

MAX_EDGES = 500
MAX_TEXT_SIZE = 50_000


class MermaidLimitError(ValueError):
    """The diagram would be more than Mermaid draws; the message says what to use instead."""


def mermaid_label(text: str) -> str:
    """Text for a quoted Mermaid label: entity codes for the characters Mermaid or HTML would read
    (``%`` too: Mermaid reads ``%%{...}%%`` anywhere in the text as a configuration directive)."""
    replacements = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "%": "#37;"}
    cleaned = " ".join(one_line(str(text)).split())
    return "".join(replacements.get(ch, ch) for ch in cleaned)


def to_mermaid(view: GraphView, max_edges: int = MAX_EDGES, max_text_size: int = MAX_TEXT_SIZE) -> str:
    if len(view.edges) > max_edges:
        raise MermaidLimitError(
            f"the graph has {len(view.edges)} drawn edges, more than Mermaid's limit of {max_edges}; "
            "use --format html (or narrow it with --only or --focus)"
        )
    ids = {node.id: f"n{index}" for index, node in enumerate(view.nodes)}
    lines = ["flowchart TB"]
    if view.name:
        lines.insert(0, f"%% {mermaid_label(view.name)} {mermaid_label(view.version)}".rstrip())
    for branch in BRANCHES:
        members = [n for n in view.nodes if n.branch == branch]
        if not members:
            continue
        lines.append(f'  subgraph {branch}["{mermaid_label(BRANCH_TITLES[branch])}"]')
        for node in sorted(members, key=lambda n: (n.tier, n.order)):
            shape = ('(["', '"])') if branch == "instrument" else ('["', '"]')
            lines.append(f"    {ids[node.id]}{shape[0]}{mermaid_label(node.label)}{shape[1]}")
        lines.append("  end")
    styles: list[str] = []
    for index, edge in enumerate(view.edges):
        arrow = "-.->" if edge.derived else "-->"
        label = mermaid_label(", ".join(edge.verbs))
        lines.append(f'  {ids[edge.source]} {arrow}|"{label}"| {ids[edge.target]}')
        colour = CATEGORY_COLOURS.get(edge.category, "#333333")
        width = "3px" if edge.severity else "1.5px"
        styles.append(f"  linkStyle {index} stroke:{colour},stroke-width:{width}")
    lines.extend(styles)
    for severity, colour in SEVERITY_COLOURS.items():
        flagged = [ids[n.id] for n in view.nodes if n.severity == severity]
        if flagged:
            lines.append(f"  classDef {severity} stroke:{colour},stroke-width:3px")
            lines.append(f"  class {','.join(flagged)} {severity}")
    text = "\n".join(lines) + "\n"
    if len(text) > max_text_size:
        raise MermaidLimitError(
            f"the diagram is {len(text)} characters, more than Mermaid's limit of {max_text_size}; "
            "use --format html (or narrow it with --only or --focus)"
        )
    return text
