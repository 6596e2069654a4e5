"""The power graph as a standalone SVG picture: no system dependency, the same bytes every run.

Nodes are grouped ``<g class="node" data-node="ID">`` and edges ``<g class="edge" data-edge="eN"
data-category=...>`` so that the HTML page can script them; hover titles carry the clause text,
conditions and article citations.
"""

from __future__ import annotations

from constitution_rules.render.layout import (
    CHIP_FONT,
    CHIP_LINE,
    CHIP_PAD_X,
    CHIP_PAD_Y,
    FONT_SIZE,
    LINE_HEIGHT,
    MARGIN,
    TITLE_SIZE,
    ChipBox,
    Layout,
)
from constitution_rules.render.text import text_width, xml_attr, xml_text
from constitution_rules.render.view import CATEGORY_COLOURS, CATEGORY_TITLES, SEVERITY_COLOURS, GraphView

FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
BRANCH_FILLS = {
    "electorate": "#fff6d6",
    "legislature": "#e3eefb",
    "executive": "#fde8e2",
    "judiciary": "#ece6f6",
    "independent": "#eef1ee",
    "instrument": "#ffffff",
}
BRANCH_BACKGROUNDS = {
    "electorate": "#fffbea",
    "legislature": "#f4f8fd",
    "executive": "#fef6f3",
    "judiciary": "#f7f4fb",
    "independent": "#f6f7f6",
    "instrument": "#fafafa",
}
LEGEND_ROW = 20.0
CORNER = 6.0
CHIP_LEGEND = "a power over acts and instruments, in its holder's box"


def tint(colour: str, amount: float = 0.87) -> str:
    """``colour`` mixed with white: a chip's background in its category's hue."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


def num(value: float) -> str:
    """Coordinates at 0.1 px, without trailing zeros, so output is short and stable."""
    text = f"{round(value, 1):.1f}"
    text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def rounded_path(points: list[tuple[float, float]]) -> str:
    """An orthogonal polyline with its corners rounded."""
    clean: list[tuple[float, float]] = []
    for point in points:
        if clean and abs(point[0] - clean[-1][0]) < 0.05 and abs(point[1] - clean[-1][1]) < 0.05:
            continue
        clean.append(point)
    # drop middle points of straight runs
    reduced = [clean[0]]
    for index in range(1, len(clean) - 1):
        (x0, y0), (x1, y1), (x2, y2) = reduced[-1], clean[index], clean[index + 1]
        if abs((x1 - x0) * (y2 - y1) - (y1 - y0) * (x2 - x1)) < 0.01:
            continue
        reduced.append(clean[index])
    if len(clean) > 1:
        reduced.append(clean[-1])
    parts = [f"M{num(reduced[0][0])} {num(reduced[0][1])}"]
    for index in range(1, len(reduced) - 1):
        (x0, y0), (x1, y1), (x2, y2) = reduced[index - 1], reduced[index], reduced[index + 1]
        before = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        after = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        radius = min(CORNER, before / 2, after / 2)
        ax = x1 - (x1 - x0) / before * radius if before else x1
        ay = y1 - (y1 - y0) / before * radius if before else y1
        bx = x1 + (x2 - x1) / after * radius if after else x1
        by = y1 + (y2 - y1) / after * radius if after else y1
        parts.append(f"L{num(ax)} {num(ay)}Q{num(x1)} {num(y1)} {num(bx)} {num(by)}")
    if len(reduced) > 1:
        parts.append(f"L{num(reduced[-1][0])} {num(reduced[-1][1])}")
    return "".join(parts)


def _style() -> str:
    return (
        "<style>"
        ".edge path.line{fill:none;stroke-width:1.4;stroke-linejoin:round}"
        ".edge path.derived{stroke-dasharray:5 3}"
        ".edge path.halo{fill:none;stroke-width:5;stroke-opacity:.16}"
        ".edge path.hit{fill:none;stroke:transparent;stroke-width:8}"
        ".node rect.box{stroke:#5b6470;stroke-width:1}"
        ".chip rect.chip{stroke-width:1}"
        ".chip text{fill:#1d232b}"
        ".node text,.legend text,.deco text{fill:#1d232b}"
        ".deco text.head{font-weight:bold;fill:#4a5563;font-size:12px;letter-spacing:.04em}"
        "</style>"
    )


def _markers(categories: list[str]) -> str:
    out = ["<defs>"]
    for category in categories:
        colour = CATEGORY_COLOURS.get(category, "#333333")
        out.append(
            f'<marker id="arrow-{category}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            f'markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L10 5L0 10z" '
            f'fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    return "".join(out)


def _legend(view: GraphView, layout: Layout) -> tuple[list[str], float]:
    """Legend items laid out in rows across the picture; returns the markup and its height."""
    items: list[tuple[str, str]] = []  # (kind, label)
    for category in view.categories:
        items.append((f"cat:{category}", CATEGORY_TITLES.get(category, category)))
    if layout.chips:
        items.append(("chip", CHIP_LEGEND))
    if any(e.derived for e in view.edges):
        items.append(("derived", "a say over that power (consent, proposal, override, review)"))
    severities = sorted(
        {n.severity for n in view.nodes if n.severity}, key=lambda s: ["error", "warning", "info"].index(s)
    )
    for severity in severities:
        items.append((f"sev:{severity}", f"finding ({severity})"))
    size = 12.0
    item_widths = [42 + text_width(label, size) + 22 for _, label in items]
    usable = layout.width - 2 * MARGIN
    out = [f'<g class="legend" transform="translate({num(MARGIN)} {num(layout.legend_y)})">']
    out.append(f'<text x="0" y="0" font-size="{num(size)}" font-weight="bold">Legend</text>')
    x, y = 0.0, LEGEND_ROW
    for (kind, label), width in zip(items, item_widths, strict=True):
        if x > 0 and x + width > usable:
            x, y = 0.0, y + LEGEND_ROW
        mid = y - 4
        if kind.startswith("cat:"):
            colour = CATEGORY_COLOURS.get(kind[4:], "#333333")
            out.append(
                f'<path class="line" d="M{num(x)} {num(mid)}H{num(x + 34)}" stroke="{colour}" stroke-width="2" '
                f'marker-end="url(#arrow-{kind[4:]})"/>'
            )
        elif kind == "chip":
            colour = CATEGORY_COLOURS["lawmaking"]
            out.append(
                f'<rect x="{num(x)}" y="{num(mid - 6)}" width="34" height="12" rx="3" fill="{tint(colour)}" '
                f'stroke="{colour}"/><rect x="{num(x)}" y="{num(mid - 6)}" width="3" height="12" fill="{colour}"/>'
            )
        elif kind == "derived":
            out.append(
                f'<path d="M{num(x)} {num(mid)}H{num(x + 34)}" stroke="#555555" stroke-width="1.4" '
                'stroke-dasharray="5 3" fill="none"/>'
            )
        else:
            colour = SEVERITY_COLOURS[kind[4:]]
            out.append(
                f'<rect x="{num(x + 4)}" y="{num(mid - 7)}" width="26" height="14" rx="4" fill="#ffffff" '
                f'stroke="{colour}" stroke-width="3"/>'
            )
        out.append(f'<text x="{num(x + 42)}" y="{num(y)}" font-size="{num(size)}">{xml_text(label)}</text>')
        x += width
    out.append("</g>")
    return out, y + 14


def render_svg(view: GraphView, layout: Layout, standalone: bool = True) -> str:
    legend, legend_h = _legend(view, layout)
    height = layout.legend_y + legend_h + MARGIN
    layout.height = height
    width = layout.width
    out: list[str] = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="power-graph" width="{num(width)}" height="{num(height)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" font-family="{xml_attr(FONT_FAMILY)}" '
        f'font-size="{num(FONT_SIZE)}" role="img" aria-labelledby="graph-title">'
    )
    title = f"Power graph: {layout.title}" + (f" ({layout.subtitle})" if layout.subtitle else "")
    out.append(f'<title id="graph-title">{xml_text(title)}</title>')
    out.append(_style())
    out.append(_markers(view.categories))
    out.append(f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#ffffff"/>')
    out.append(
        f'<text x="{num(MARGIN)}" y="{num(layout.title_y)}" font-size="{num(TITLE_SIZE)}" font-weight="bold">'
        f"{xml_text(layout.title)}</text>"
    )
    if layout.subtitle:
        title_w = text_width(layout.title, TITLE_SIZE, bold=True)
        out.append(
            f'<text x="{num(MARGIN + title_w + 12)}" y="{num(layout.title_y)}" font-size="12" fill="#5b6470">'
            f"{xml_text(layout.subtitle)}</text>"
        )
    out.extend(_decorations(layout))
    out.extend(_edges(view, layout))
    out.extend(_nodes(view, layout))
    out.extend(_chips(view, layout))
    out.extend(legend)
    out.append("</svg>\n")
    return "".join(out) if not standalone else out[0] + "\n".join(out[1:])


def _decorations(layout: Layout) -> list[str]:
    out = ['<g class="deco">']
    for deco in layout.decorations:
        fill = BRANCH_BACKGROUNDS.get(deco.branch, "#fafafa")
        out.append(
            f'<rect x="{num(deco.x)}" y="{num(deco.y)}" width="{num(deco.w)}" height="{num(deco.h)}" rx="8" '
            f'fill="{fill}" stroke="#d9dee5"/>'
        )
        if deco.branch in ("electorate", "instrument"):
            out.append(
                f'<text class="head" x="{num(deco.x + 8)}" y="{num(deco.y + deco.h / 2 + 4)}">'
                f"{xml_text(deco.title.upper())}</text>"
            )
        else:
            out.append(
                f'<text class="head" x="{num(deco.x + deco.w / 2)}" y="{num(deco.y + 17)}" text-anchor="middle">'
                f"{xml_text(deco.title.upper())}</text>"
            )
    out.append("</g>")
    return out


def _edges(view: GraphView, layout: Layout) -> list[str]:
    out = ['<g class="edges">']
    # Marked edges last, so a finding's evidence is never hidden under another line.
    ordered = sorted(view.edges, key=lambda e: (e.severity is not None, e.derived, int(e.id[1:])))
    for edge in ordered:
        route = layout.routes.get(edge.id)
        if route is None:
            continue
        colour = CATEGORY_COLOURS.get(edge.category, "#333333")
        d = route.path or rounded_path(route.points)
        classes = "edge" + (" derived" if edge.derived else "") + (" has-finding" if edge.severity else "")
        out.append(
            f'<g class="{classes}" data-edge="{edge.id}" data-source="{xml_attr(edge.source)}" '
            f'data-target="{xml_attr(edge.target)}" data-category="{xml_attr(edge.category)}">'
        )
        out.append(f"<title>{xml_text(edge.title)}</title>")
        if edge.severity:
            out.append(f'<path class="halo" d="{d}" stroke="{SEVERITY_COLOURS[edge.severity]}"/>')
        line_class = "line derived" if edge.derived else "line"
        out.append(
            f'<path class="{line_class}" d="{d}" stroke="{colour}" marker-end="url(#arrow-{xml_attr(edge.category)})"'
            + (' stroke-width="2.2"' if edge.severity else "")
            + "/>"
        )
        out.append(f'<path class="hit" d="{d}"/>')
        out.append("</g>")
    out.append("</g>")
    return out


def _nodes(view: GraphView, layout: Layout) -> list[str]:
    out = ['<g class="nodes">']
    for node in view.nodes:
        box = layout.boxes.get(node.id)
        if box is None:
            continue
        fill = BRANCH_FILLS.get(node.branch, "#ffffff")
        instrument = node.branch == "instrument"
        tooltip = [node.label if node.label == node.id else f"{node.label} ({node.id})", node.details]
        tooltip += [
            f"{view.findings[i].code} {view.findings[i].severity}: {view.findings[i].message}" for i in node.findings
        ]
        classes = "node" + (" instrument" if instrument else "") + (" has-finding" if node.severity else "")
        out.append(f'<g class="{classes}" data-node="{xml_attr(node.id)}" data-branch="{node.branch}">')
        out.append(f"<title>{xml_text(chr(10).join(t for t in tooltip if t))}</title>")
        stroke = ""
        if node.severity:
            stroke = f' style="stroke:{SEVERITY_COLOURS[node.severity]};stroke-width:3"'
        radius = box.h / 2 if instrument else 5
        dash = ' stroke-dasharray="3 2"' if instrument else ""
        out.append(
            f'<rect class="box" x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" height="{num(box.h)}" '
            f'rx="{num(min(radius, 17))}" fill="{fill}"{dash}{stroke}/>'
        )
        first = box.label_cy - (len(box.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
        weight = "normal" if instrument else "bold"
        for index, line in enumerate(box.lines):
            out.append(
                f'<text class="label" x="{num(box.cx)}" y="{num(first + index * LINE_HEIGHT)}" text-anchor="middle" '
                f'font-weight="{weight}">{xml_text(line)}</text>'
            )
        if node.severity:
            count = str(len(node.findings))
            bx, by = box.x + box.w - 2, box.y + 2
            out.append(
                f'<circle class="badge" cx="{num(bx)}" cy="{num(by)}" r="8" fill="{SEVERITY_COLOURS[node.severity]}"/>'
                f'<text x="{num(bx)}" y="{num(by + 3.5)}" text-anchor="middle" font-size="10" font-weight="bold" '
                f'fill="#ffffff">{count}</text>'
            )
        out.append("</g>")
    out.append("</g>")
    return out


def _chips(view: GraphView, layout: Layout) -> list[str]:
    """Powers over instruments as badges in their holder's box. Each is scripted like an edge (same
    class, category and source), so hovering, filtering and clicking treat it as one."""
    out = ['<g class="chips">']
    for placed in layout.chips:
        out.extend(_chip(placed))
    out.append("</g>")
    return out


def _chip(placed: ChipBox) -> list[str]:
    chip = placed.chip
    colour = CATEGORY_COLOURS.get(chip.category, "#333333")
    classes = "edge chip" + (" derived" if chip.derived else "") + (" has-finding" if chip.severity else "")
    out = [
        f'<g class="{classes}" data-chip="{chip.id}" data-edge="{" ".join(chip.edge_ids)}" '
        f'data-source="{xml_attr(chip.source)}" data-target="{xml_attr(" ".join(chip.targets))}" '
        f'data-category="{xml_attr(chip.category)}">',
        f"<title>{xml_text(chip.title)}</title>",
    ]
    stroke = SEVERITY_COLOURS[chip.severity] if chip.severity else colour
    extra = ' stroke-width="2"' if chip.severity else ""
    extra += ' stroke-dasharray="4 2"' if chip.derived else ""
    x, y, w, h = placed.x, placed.y, placed.w, placed.h
    out.append(
        f'<rect class="chip" x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="3" '
        f'fill="{tint(colour)}" stroke="{stroke}"{extra}/>'
    )
    out.append(f'<rect class="chip-mark" x="{num(x)}" y="{num(y)}" width="3" height="{num(h)}" fill="{colour}"/>')
    for index, line in enumerate(placed.lines):
        baseline = y + CHIP_PAD_Y + index * CHIP_LINE + CHIP_FONT * 0.95
        out.append(
            f'<text class="chip-text" x="{num(x + CHIP_PAD_X)}" y="{num(baseline)}" '
            f'font-size="{num(CHIP_FONT)}">{xml_text(line)}</text>'
        )
    out.append("</g>")
    return out
