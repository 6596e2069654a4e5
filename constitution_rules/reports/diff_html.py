"""A diff as one offline HTML page: one power graph of old and new together, powers the change
adds drawn thick green, powers it removes dashed red, changed bundles orange; then the tables.

The graph is the render package's own (layout and SVG); the marking is done with CSS rules on
its ``data-edge`` ids, so nothing of the renderer is copied here.
"""

from __future__ import annotations

import html

import networkx as nx

from constitution_rules import model as m
from constitution_rules.diff import ConstitutionDiff
from constitution_rules.reports.diff_report import changed_metrics

REMOVED_PREFIX = "removed:"
MARKS = {
    "added": "stroke:#1a7f37 !important;stroke-width:4px !important",
    "removed": "stroke:#cf222e !important;stroke-width:3px !important;stroke-dasharray:7 4",
    "changed": "stroke:#bc4c00 !important;stroke-width:4px !important",
}


def union_graph(old: m.Constitution, new: m.Constitution, diff: ConstitutionDiff) -> nx.MultiDiGraph:
    """The new power graph plus, under ``removed:`` keys, the clauses the change removed."""
    from constitution_rules.graph import build_graph

    graph = build_graph(new)
    removed = {c.old.clause_id for c in diff.powers if c.kind in ("removed", "changed") and c.old}
    old_graph = build_graph(old)
    swap = diff.renamed
    for source, target, key, data in sorted(old_graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
        if data.get("derived") or data.get("clause_id") not in removed:
            continue
        source, target = swap.get(source, source), swap.get(target, target)
        for node in (source, target):
            if node not in graph:
                graph.add_node(node, **old_graph.nodes[node] if node in old_graph else {"node_type": "institution"})
        graph.add_edge(source, target, key=REMOVED_PREFIX + str(key), **{**data, "clause_id": REMOVED_PREFIX + key})
    return graph


def render_html(diff: ConstitutionDiff, old: m.Constitution, new: m.Constitution, fail_on: str = "never") -> str:
    from constitution_rules.render.layout import layered_layout
    from constitution_rules.render.svg import render_svg
    from constitution_rules.render.view import build_view

    graph = union_graph(old, new, diff)
    view = build_view(graph, new)
    layout = layered_layout(view)
    svg = render_svg(view, layout, standalone=False)
    added = {c.new.clause_id for c in diff.powers if c.kind in ("added", "changed") and c.new}

    def mark_of(ids: set[str]) -> str | None:
        gone = {i for i in ids if i.startswith(REMOVED_PREFIX)}
        new_ids = ids & added
        if not gone and not new_ids:
            return None
        return "removed" if gone == ids else "added" if new_ids == ids else "changed"

    rules = []
    clauses_of = {edge.id: {c.clause_id for c in edge.clauses} for edge in view.edges}
    for edge in view.edges:
        mark = mark_of(clauses_of[edge.id])
        if mark:
            rules.append(f'g.edge[data-edge="{edge.id}"] path.line {{{MARKS[mark]}}}')
    # Powers over acts and instruments are drawn as chips in their holder's box, one chip per
    # bundle of edges: the chip is marked by what happened to all the clauses it stands for.
    for placed in layout.chips:
        mark = mark_of(set().union(*(clauses_of.get(i, set()) for i in placed.chip.edge_ids)))
        if mark:
            rules.append(f'g.chip[data-chip="{placed.chip.id}"] rect.chip {{{MARKS[mark]}}}')
    title = "Constitutional impact: " + (" + ".join(diff.amendments) or diff.new.file)
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Compared with <code>{html.escape(diff.old.file)}</code>.</p>",
        '<p class="legend"><span class="added">━ added power</span> <span class="removed">┅ removed power</span> '
        '<span class="changed">━ bundle with added and removed powers</span></p>',
        svg,
        *_tables(diff, fail_on),
    ]
    style = "\n".join(
        [
            "body{font-family:system-ui,sans-serif;margin:1.5em;color:#1f2328}",
            "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #d0d7de;padding:3px 8px}",
            ".added{color:#1a7f37}.removed{color:#cf222e}.changed{color:#bc4c00}",
            *rules,
        ]
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            '<head><meta charset="utf-8">',
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            f"<title>{html.escape(title)}</title>",
            f"<style>\n{style}\n</style></head>",
            "<body>",
            *body,
            "</body></html>",
            "",
        ]
    )


def _tables(diff: ConstitutionDiff, fail_on: str) -> list[str]:
    e = html.escape
    out = ["<h2>Powers</h2>", "<table><tr><th>institution</th><th>change</th><th>before</th><th>after</th></tr>"]
    for institution, changes in diff.powers_by_institution().items():
        for c in changes:
            before = f"{e(c.old.text)} ({e(c.old.citation)})" if c.old else ""
            after = f"{e(c.new.text)} ({e(c.new.citation)})" if c.new else ""
            out.append(
                f'<tr class="{c.kind}"><td>{e(institution)}</td><td>{c.kind}</td><td>{before}</td><td>{after}</td></tr>'
            )
    out.append("</table>")
    out.append("<h2>Findings</h2><table><tr><th></th><th>rule</th><th>severity</th><th>message</th></tr>")
    for status in ("new", "resolved", "changed"):
        for fc in diff.findings_with(status):
            f = fc.finding
            out.append(f"<tr><td>{status}</td><td>{e(f.code)}</td><td>{f.severity}</td><td>{e(f.message)}</td></tr>")
    out.append("</table>")
    out.append(f"<p>{len(diff.findings_with('unchanged'))} findings unchanged.</p>")
    if fail_on != "never":
        out.append(f"<p>Gate <code>--fail-on {fail_on}</code>: {'fails' if diff.fails(fail_on) else 'passes'}</p>")
    out.append("<h2>Balance metrics</h2><table><tr><th>metric</th><th>before</th><th>after</th><th>change</th></tr>")
    for metric in changed_metrics(diff):
        delta = f"{metric.delta:+.4f}" if metric.delta is not None else ""
        out.append(
            f"<tr><td>{e(metric.name)}</td><td>{e(str(metric.old))}</td><td>{e(str(metric.new))}</td><td>{delta}</td></tr>"
        )
    out.append("</table>")
    return out
