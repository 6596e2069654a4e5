"""``--layout dot``: node positions and edge splines from Graphviz's ``dot`` program, drawn by our
own SVG renderer so that the picture, hover titles and HTML page behave as with the built-in layout.

Boxes keep our sizes (``fixedsize``), so labels are measured and wrapped the same way; only where
they go and how edges bend comes from Graphviz.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

from constitution_rules.render.dot import dot_quote
from constitution_rules.render.layout import (
    BOX_MAX_W,
    BOX_MIN_W,
    BOX_PAD_X,
    BOX_PAD_Y,
    FONT_SIZE,
    LINE_HEIGHT,
    MARGIN,
    TITLE_SIZE,
    Box,
    Layout,
    Route,
)
from constitution_rules.render.svg import num
from constitution_rules.render.text import text_width, wrap
from constitution_rules.render.view import GraphView

POINTS_PER_INCH = 72.0


class GraphvizMissing(RuntimeError):
    """Graphviz's dot is not installed or failed; the message says what to do."""


def _boxes(view: GraphView) -> dict[str, Box]:
    boxes: dict[str, Box] = {}
    for node in view.nodes:
        lines = wrap(node.label, FONT_SIZE, BOX_MAX_W - 2 * BOX_PAD_X, max_lines=3, bold=True)
        width = max(BOX_MIN_W, max(text_width(line, FONT_SIZE, bold=True) for line in lines) + 2 * BOX_PAD_X)
        boxes[node.id] = Box(node=node, lines=lines, w=width, h=len(lines) * LINE_HEIGHT + 2 * BOX_PAD_Y)
    return boxes


def _dot_source(view: GraphView, boxes: dict[str, Box]) -> str:
    lines = ["digraph layout {", '  graph [rankdir="TB", nodesep="0.35", ranksep="0.6"];']
    lines.append('  node [shape="box", fixedsize="true", label=""];')
    for node in view.nodes:
        box = boxes[node.id]
        lines.append(
            f"  {dot_quote(node.id)} [width={dot_quote(num(box.w / POINTS_PER_INCH))}, "
            f"height={dot_quote(num(box.h / POINTS_PER_INCH))}];"
        )
    for edge in view.edges:
        lines.append(f"  {dot_quote(edge.source)} -> {dot_quote(edge.target)} [eid={dot_quote(edge.id)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _run_dot(source: str) -> dict[str, Any]:
    program = shutil.which("dot")
    if program is None:
        raise GraphvizMissing(
            "--layout dot needs Graphviz's 'dot' program, which is not installed "
            "(e.g. apt-get install graphviz); the default --layout layered needs nothing"
        )
    done = subprocess.run([program, "-Tjson"], input=source, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise GraphvizMissing(f"Graphviz's dot failed: {done.stderr.strip() or done.returncode}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _pairs(text: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in (p.split(",")[-2:] for p in text.split())]


def graphviz_layout(view: GraphView) -> Layout:
    boxes = _boxes(view)
    data = _run_dot(_dot_source(view, boxes))
    _, _, right, top = (float(v) for v in data["bb"].split(","))
    offset_x, offset_y = MARGIN, MARGIN + TITLE_SIZE + 24

    def point(x: float, y: float) -> tuple[float, float]:
        return (x + offset_x, top - y + offset_y)

    for obj in data.get("objects", []):
        box = boxes.get(obj.get("name", ""))
        if box is not None and "pos" in obj:
            cx, cy = point(*(float(v) for v in obj["pos"].split(",")))
            box.x, box.y = cx - box.w / 2, cy - box.h / 2
    routes: dict[str, Route] = {}
    for edge in data.get("edges", []):
        eid, pos = edge.get("eid"), edge.get("pos", "")
        if not eid or not pos:
            continue
        parts = pos.split()
        tip = None
        if parts[0].startswith("e,"):
            tip = point(*_pairs(parts[0])[0])
            parts = parts[1:]
        spline = [point(x, y) for x, y in _pairs(" ".join(p for p in parts if not p.startswith("s,")))]
        path = f"M{num(spline[0][0])} {num(spline[0][1])}"
        for index in range(1, len(spline) - 2, 3):
            (ax, ay), (bx, by), (cx2, cy2) = spline[index : index + 3]
            path += f"C{num(ax)} {num(ay)} {num(bx)} {num(by)} {num(cx2)} {num(cy2)}"
        if tip is not None:
            path += f"L{num(tip[0])} {num(tip[1])}"
        routes[eid] = Route(eid, spline, path)
    width = max(right + 2 * MARGIN, 560.0)
    return Layout(
        width=float(int(width + 0.999)),
        height=0.0,
        boxes=boxes,
        routes=routes,
        decorations=[],
        title=view.name,
        subtitle=view.version,
        title_y=MARGIN + TITLE_SIZE,
        legend_y=offset_y + top + 30,
        engine="dot",
    )
