"""One self-contained, offline HTML page: the SVG power graph, a findings panel, hover highlighting,
click-through to clauses and citations, a category filter and a search box.

No CDN and no network: the script and style are inline. User text reaches the page only as escaped
SVG text or as JSON inside ``<script type="application/json">`` (with ``<``, ``>`` and ``&`` written
as ``\\u003c`` etc.), and the script writes it with ``textContent``, never as markup.
"""

from __future__ import annotations

import html
import json
from typing import Any

from constitution_rules.render.layout import Layout
from constitution_rules.render.svg import render_svg
from constitution_rules.render.view import CATEGORY_COLOURS, CATEGORY_TITLES, SEVERITY_COLOURS, GraphView


def script_json(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def page_data(view: GraphView, layout: Layout | None = None) -> dict[str, Any]:
    findings = []
    for finding in view.findings:
        findings.append(
            {
                "code": finding.code,
                "rule": finding.rule,
                "severity": finding.severity,
                "message": finding.message,
                "institutions": list(finding.institutions),
                "citations": sorted({e.citation for e in finding.evidence if e.citation}),
                "evidence": [{"citation": e.citation or "", "text": e.text} for e in finding.evidence],
                "location": str(finding.location) if finding.location else "",
                "waived": finding.waived,
            }
        )
    return {
        "name": view.name,
        "version": view.version,
        "nodes": {
            n.id: {"label": n.label, "details": n.details, "branch": n.branch, "findings": n.findings}
            for n in view.nodes
        },
        "edges": {
            e.id: {
                "source": e.source,
                "target": e.target,
                "category": e.category,
                "derived": e.derived,
                "verbs": list(e.verbs),
                "findings": e.findings,
                "clauses": [
                    {"citation": c.citation, "text": c.text, "location": c.location, "clause_id": c.clause_id}
                    for c in e.clauses
                ],
            }
            for e in view.edges
        },
        "chips": {
            placed.chip.id: {
                "source": placed.chip.source,
                "category": placed.chip.category,
                "power": placed.chip.power,
                "edges": list(placed.chip.edge_ids),
                "findings": placed.chip.findings,
                "clauses": [
                    {"citation": c.citation, "text": c.text, "location": c.location, "clause_id": c.clause_id}
                    for c in placed.chip.clauses
                ],
            }
            for placed in (layout.chips if layout else [])
        },
        "findings": findings,
        "articleTexts": view.article_texts,
        "categories": [
            {"id": c, "title": CATEGORY_TITLES.get(c, c), "colour": CATEGORY_COLOURS.get(c, "#333333")}
            for c in view.categories
        ],
        "severityColours": SEVERITY_COLOURS,
    }


STYLE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 Helvetica,Arial,'Liberation Sans',sans-serif;color:#1d232b;background:#f3f5f8}
header{padding:10px 16px;background:#fff;border-bottom:1px solid #d9dee5;display:flex;flex-wrap:wrap;gap:8px 18px;
align-items:center}
header h1{font-size:17px;margin:0}
header .version{color:#5b6470;font-size:12px}
#toolbar{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center}
#search{padding:4px 8px;border:1px solid #b8c0cc;border-radius:4px;min-width:220px;font:inherit}
#filters label{font-size:12px;white-space:nowrap;cursor:pointer}
#filters .swatch{display:inline-block;width:14px;height:3px;vertical-align:middle;margin:0 3px}
main{display:flex;height:calc(100vh - 58px)}
#graph{flex:1;overflow:auto;background:#fff}
#graph svg{display:block}
#panel{width:380px;overflow:auto;border-left:1px solid #d9dee5;background:#fff;padding:12px 14px}
#panel h2{font-size:15px;margin:4px 0 6px}
#panel h3{font-size:13px;margin:12px 0 4px;color:#4a5563;text-transform:uppercase;letter-spacing:.03em}
#panel ul{margin:0;padding-left:0;list-style:none}
#panel li{margin:0 0 6px;padding:5px 7px;border-radius:4px;background:#f6f7f9}
#panel li.finding{border-left:4px solid #999;cursor:pointer}
#panel .cite{font-weight:bold;white-space:nowrap}
#panel .loc{color:#6b7480;font-size:11px;display:block}
#panel blockquote.text{margin:4px 0 0 8px;padding-left:6px;border-left:2px solid #c8ced6;color:#333;
  white-space:pre-line;font-size:12px}
#panel .muted{color:#6b7480}
.edge,.node{cursor:pointer}
svg.dimming .edge:not(.hl){opacity:.1}
svg.dimming .node:not(.hl){opacity:.35}
.edge.hl path.line{stroke-width:2.6}
.edge.filtered{display:none}
.node.selected rect.box{stroke:#111;stroke-width:2.5}
.edge.selected path.line{stroke-width:3.2}
.chip.selected rect.chip{stroke:#111;stroke-width:2.2}
.node.match rect.box{stroke:#f0b400;stroke-width:3}
.node:focus{outline:none}.node:focus rect.box{stroke:#111;stroke-width:2}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.querySelector("#graph svg");
  var panel = document.getElementById("panel");
  var nodeEls = Array.prototype.slice.call(svg.querySelectorAll(".node"));
  var edgeEls = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  // Chips are powers over instruments drawn inside a box; they filter and highlight like edges.
  var chipEls = edgeEls.filter(function (e) { return e.hasAttribute("data-chip"); });
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function label(id) { return data.nodes[id] ? data.nodes[id].label : id; }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function clauseItem(c) {
    var li = el("li");
    li.appendChild(el("span", c.citation, "cite"));
    li.appendChild(document.createTextNode(" " + c.text));
    if (c.location) { li.appendChild(el("span", c.location, "loc")); }
    var wording = data.articleTexts[c.citation];
    if (wording) { li.appendChild(el("blockquote", wording, "text")); }
    return li;
  }
  function findingItem(i) {
    var f = data.findings[i];
    var li = el("li", null, "finding");
    li.style.borderLeftColor = data.severityColours[f.severity] || "#999";
    li.appendChild(el("strong", f.code + " " + f.severity + (f.waived ? " (waived)" : "")));
    li.appendChild(document.createTextNode(" " + f.message));
    if (f.citations.length) { li.appendChild(el("span", f.citations.join(", "), "loc")); }
    if (f.location) { li.appendChild(el("span", f.location, "loc")); }
    li.addEventListener("click", function () { showFinding(i); });
    return li;
  }
  function section(title, items, empty) {
    panel.appendChild(el("h3", title));
    if (!items.length) { panel.appendChild(el("p", empty, "muted")); return; }
    var ul = el("ul");
    items.forEach(function (item) { ul.appendChild(item); });
    panel.appendChild(ul);
  }
  function select(elements) {
    svg.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
    elements.forEach(function (e) { if (e) { e.classList.add("selected"); } });
  }
  function nodeEl(id) { return nodeEls.filter(function (n) { return n.getAttribute("data-node") === id; })[0]; }
  function edgeIds(e) { return (e.getAttribute("data-edge") || "").split(" "); }
  function edgeEl(id) { return edgeEls.filter(function (e) { return edgeIds(e).indexOf(id) >= 0; })[0]; }
  function targetsOf(e) { return (e.getAttribute("data-target") || "").split(" "); }
  function clausesOf(edgeIds) {
    var items = [];
    edgeIds.forEach(function (id) {
      data.edges[id].clauses.forEach(function (c) { items.push(clauseItem(c)); });
    });
    return items;
  }
  function showNode(id) {
    var node = data.nodes[id];
    clear(panel);
    panel.setAttribute("data-showing", "node:" + id);
    panel.appendChild(el("h2", node.label));
    if (node.details) { panel.appendChild(el("p", node.details, "muted")); }
    var out = [], inn = [];
    Object.keys(data.edges).forEach(function (eid) {
      var e = data.edges[eid];
      if (e.source === id) { out.push(eid); }
      if (e.target === id && e.source !== id) { inn.push(eid); }
    });
    section("Powers it holds", clausesOf(out), "none");
    section("Powers over it", clausesOf(inn), "none");
    section("Findings", node.findings.map(findingItem), "none");
    select([nodeEl(id)]);
  }
  function showEdge(id) {
    var e = data.edges[id];
    clear(panel);
    panel.setAttribute("data-showing", "edge:" + id);
    panel.appendChild(el("h2", label(e.source) + " \u2192 " + label(e.target)));
    var cat = data.categories.filter(function (c) { return c.id === e.category; })[0];
    var kind = (cat ? cat.title : e.category) + (e.derived ? " \u2014 a say over another's power" : "");
    panel.appendChild(el("p", kind, "muted"));
    section("Clauses", clausesOf([id]), "none");
    section("Findings", e.findings.map(findingItem), "none");
    select([edgeEl(id)]);
  }
  function showChip(id) {
    var c = data.chips[id];
    clear(panel);
    panel.setAttribute("data-showing", "chip:" + id);
    panel.appendChild(el("h2", label(c.source) + ": " + c.power));
    var cat = data.categories.filter(function (k) { return k.id === c.category; })[0];
    panel.appendChild(el("p", cat ? cat.title : c.category, "muted"));
    section("Clauses", c.clauses.map(clauseItem), "none");
    section("Findings", c.findings.map(findingItem), "none");
    select(chipEls.filter(function (e) { return e.getAttribute("data-chip") === id; }));
  }
  function showFinding(i) {
    var f = data.findings[i];
    var marked = [];
    f.institutions.forEach(function (inst) { marked.push(nodeEl(inst)); });
    Object.keys(data.edges).forEach(function (eid) {
      if (data.edges[eid].findings.indexOf(i) >= 0) { marked.push(edgeEl(eid)); }
    });
    chipEls.forEach(function (e) {
      if (data.chips[e.getAttribute("data-chip")].findings.indexOf(i) >= 0) { marked.push(e); }
    });
    select(marked);
  }
  function showOverview() {
    clear(panel);
    panel.setAttribute("data-showing", "overview");
    panel.appendChild(el("h2", "Findings"));
    var items = data.findings.map(function (_, i) { return findingItem(i); });
    if (!items.length) { panel.appendChild(el("p", "No findings shown.", "muted")); }
    else { var ul = el("ul"); items.forEach(function (li) { ul.appendChild(li); }); panel.appendChild(ul); }
    panel.appendChild(el("p", "Click an institution or a line to see its clauses and citations.", "muted"));
  }
  function highlight(id) {
    svg.classList.add("dimming");
    nodeEl(id).classList.add("hl");
    edgeEls.forEach(function (e) {
      if (e.getAttribute("data-source") === id || targetsOf(e).indexOf(id) >= 0) {
        e.classList.add("hl");
        var src = e.getAttribute("data-source"), dst = e.getAttribute("data-target");
        var other = src === id ? dst : src;
        var n = nodeEl(other); if (n) { n.classList.add("hl"); }
      }
    });
  }
  function unhighlight() {
    svg.classList.remove("dimming");
    svg.querySelectorAll(".hl").forEach(function (e) { e.classList.remove("hl"); });
  }
  nodeEls.forEach(function (n) {
    var id = n.getAttribute("data-node");
    n.setAttribute("tabindex", "0");
    n.setAttribute("role", "button");
    n.addEventListener("mouseenter", function () { highlight(id); });
    n.addEventListener("mouseleave", unhighlight);
    n.addEventListener("focus", function () { highlight(id); });
    n.addEventListener("blur", unhighlight);
    n.addEventListener("click", function (ev) { ev.stopPropagation(); showNode(id); });
    n.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); showNode(id); }
    });
  });
  chipEls.forEach(function (e) {
    var holder = e.getAttribute("data-source");
    e.addEventListener("mouseenter", function () { highlight(holder); });
    e.addEventListener("mouseleave", unhighlight);
  });
  edgeEls.forEach(function (e) {
    e.addEventListener("click", function (ev) {
      ev.stopPropagation();
      var chip = e.getAttribute("data-chip");
      if (chip) { showChip(chip); } else { showEdge(e.getAttribute("data-edge")); }
    });
  });
  svg.addEventListener("click", function () { select([]); showOverview(); });
  var filters = document.getElementById("filters");
  data.categories.forEach(function (c) {
    var lab = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = c.id; box.setAttribute("data-category", c.id);
    box.addEventListener("change", function () {
      edgeEls.forEach(function (e) {
        if (e.getAttribute("data-category") === c.id) { e.classList.toggle("filtered", !box.checked); }
      });
    });
    var sw = el("span", null, "swatch"); sw.style.background = c.colour;
    lab.appendChild(box); lab.appendChild(sw); lab.appendChild(document.createTextNode(c.title));
    filters.appendChild(lab);
  });
  var search = document.getElementById("search");
  function matches() {
    var q = search.value.trim().toLowerCase();
    var found = [];
    nodeEls.forEach(function (n) {
      var id = n.getAttribute("data-node");
      var hit = q !== "" && (id.toLowerCase().indexOf(q) >= 0 || label(id).toLowerCase().indexOf(q) >= 0);
      n.classList.toggle("match", hit);
      if (hit) { found.push(id); }
    });
    return found;
  }
  search.addEventListener("input", matches);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = matches();
      if (found.length) {
        showNode(found[0]);
        nodeEl(found[0]).scrollIntoView({block: "center", inline: "center"});
      }
    }
  });
  showOverview();
  document.body.setAttribute("data-ready", "true");
})();
"""


def render_html(view: GraphView, layout: Layout) -> str:
    svg = render_svg(view, layout, standalone=False)
    title = f"Power graph: {view.name}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # Nothing may be fetched: the page must work from file:// with no network.
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
            f"<title>{html.escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<header>",
            f'<div><h1>{html.escape(view.name)}</h1><div class="version">{html.escape(view.version)}</div></div>',
            '<div id="toolbar"><input id="search" type="search" placeholder="Find an institution…" '
            'aria-label="Find an institution"><div id="filters" aria-label="Power categories"></div></div>',
            "</header>",
            "<main>",
            f'<div id="graph">{svg}</div>',
            '<aside id="panel" aria-live="polite"></aside>',
            "</main>",
            f'<script type="application/json" id="graph-data">{script_json(page_data(view, layout))}</script>',
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
