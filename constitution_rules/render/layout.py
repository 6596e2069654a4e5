"""A deterministic layered layout that reads like the classic separation-of-powers diagram.

The electorate sits in a band on top, the legislature, executive, judiciary and independent bodies in
columns below it, and the instruments powers act on (laws, decrees, the budget) in a band at the
bottom. Edges are routed orthogonally through the gutters between columns and through a corridor
above and below the columns, each on a lane of its own, so no edge runs under a box. A box grows
with the number of edges that attach to it, which keeps ports apart and shows at a glance where
power gathers. Everything is computed from the sorted input: the same graph gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from constitution_rules.render.text import text_width, wrap
from constitution_rules.render.view import BRANCH_TITLES, COLUMN_BRANCHES, ChipView, EdgeView, GraphView, NodeView

FONT_SIZE = 13.0
LINE_HEIGHT = 16.0
BOX_PAD_X = 10.0
BOX_PAD_Y = 9.0
BOX_MIN_W = 118.0
BOX_MAX_W = 178.0
PILL_MAX_W = 150.0
ROW_GAP = 22.0
PORT_GAP = 7.0
LANE_GAP = 6.0
GUTTER_PAD = 14.0
SUBSLOT_MIN = 2 * GUTTER_PAD
COLUMN_GAP_MIN = 48.0
CORRIDOR_PAD = 12.0
MARGIN = 24.0
HEADER_H = 26.0
TITLE_SIZE = 18.0
MAX_ROWS = 10
CHIP_FONT = 10.5
CHIP_LINE = 13.0
CHIP_PAD_X = 6.0
CHIP_PAD_Y = 3.0
CHIP_INSET = 7.0
CHIP_GAP = 4.0
CHIP_BOX_MAX_W = 232.0
BARYCENTRE_SWEEPS = 6


@dataclass
class ChipBox:
    """A power over an act or instrument, drawn as a badge inside its holder's box."""

    chip: ChipView
    lines: list[str]
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0


@dataclass
class Box:
    node: NodeView
    lines: list[str]
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    slot: int = -1  # column slot; -1 for band nodes
    row: int = 0
    chips: list[ChipBox] = field(default_factory=list)
    label_h: float = 0.0  # the label's band at the top of the box when it holds chips

    @property
    def label_cy(self) -> float:
        return self.y + self.label_h / 2 if self.chips else self.cy

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass
class Decoration:
    """A column or band background with its heading."""

    title: str
    x: float
    y: float
    w: float
    h: float
    branch: str


@dataclass
class Route:
    edge_id: str
    points: list[tuple[float, float]]
    path: str | None = None  # an SVG path to draw instead of the rounded polyline (Graphviz splines)


@dataclass
class Layout:
    width: float
    height: float
    boxes: dict[str, Box]
    routes: dict[str, Route]
    decorations: list[Decoration]
    title: str
    subtitle: str
    title_y: float
    legend_y: float
    engine: str = "layered"
    extra: dict[str, float] = field(default_factory=dict)
    chips: list[ChipBox] = field(default_factory=list)


# An end of a route: the node, the side it leaves or enters by, and a key that orders the ports on
# that side so that neighbouring edges do not cross as they leave.
@dataclass
class _End:
    node: str
    side: str  # left, right, top, bottom
    order: Callable[[], float]
    y: float = 0.0
    x: float = 0.0
    bundle: tuple[str, ...] | None = None  # ends with the same bundle key share one port


@dataclass
class _Plan:
    edge_id: str
    start: _End
    end: _End
    gutters: list[int]  # one or two gutters the route runs down
    corridor: str | None  # "top" or "bottom" when it crosses columns or reaches a band
    lanes: dict[str, float] = field(default_factory=dict)
    kind: tuple[str, bool] = ("", False)  # category and derived: lines of one kind may be bundled


def _label_box(node: NodeView, max_width: float) -> Box:
    lines = wrap(node.label, FONT_SIZE, max_width - 2 * BOX_PAD_X, max_lines=3, bold=node.node_type == "institution")
    return Box(node=node, lines=lines)


def _columns(view: GraphView, edges: list[EdgeView]) -> list[list[NodeView]]:
    """Each column's nodes by rank (head of state above the deputy, and so on), and within a rank by
    the mean position of their neighbours in the other columns (the barycentre heuristic), which
    keeps lines between columns from crossing."""
    columns = [
        sorted((n for n in view.nodes if n.branch == branch), key=lambda n: (n.tier, n.order))
        for branch in COLUMN_BRANCHES
    ]
    neighbours: dict[str, set[str]] = {}
    for edge in edges:
        if edge.source != edge.target:
            neighbours.setdefault(edge.source, set()).add(edge.target)
            neighbours.setdefault(edge.target, set()).add(edge.source)
    fixed = {"electorate": -0.5, "instrument": 1.5}
    position = {n.id: fixed[n.branch] for n in view.nodes if n.branch in fixed}
    column_of = {n.id: index for index, nodes in enumerate(columns) for n in nodes}

    def place(nodes: list[NodeView]) -> None:
        for index, node in enumerate(nodes):
            position[node.id] = index / max(1, len(nodes) - 1)

    for nodes in columns:
        place(nodes)
    for sweep in range(BARYCENTRE_SWEEPS):
        order = range(len(columns)) if sweep % 2 == 0 else range(len(columns) - 1, -1, -1)
        for index in order:
            nodes = columns[index]

            def barycentre(node: NodeView, index: int = index) -> float:
                others = sorted(
                    position[n] for n in neighbours.get(node.id, ()) if column_of.get(n) != index and n in position
                )
                return sum(others) / len(others) if others else position[node.id]

            nodes.sort(key=lambda n: (n.tier, round(barycentre(n), 6), n.order))
            place(nodes)
    return columns


def _rows(nodes: list[NodeView], per_row: int) -> list[list[NodeView]]:
    """Nodes of one column in rows of at most ``per_row``; each tier starts a new row."""
    rows: list[list[NodeView]] = []
    last_tier: int | None = None
    for node in nodes:
        if not rows or node.tier != last_tier or len(rows[-1]) >= per_row:
            rows.append([])
        rows[-1].append(node)
        last_tier = node.tier
    return rows


def _chip_width(chip: ChipView) -> float:
    return text_width(chip.text, CHIP_FONT) + 2 * (CHIP_PAD_X + CHIP_INSET)


def _chip_lines(chip: ChipView, width: float) -> list[str]:
    """The power first; its citation after a middle dot, or on a line of its own, never split."""
    if text_width(chip.text, CHIP_FONT) <= width:
        return [chip.text]
    lines = wrap(chip.power, CHIP_FONT, width, max_lines=2)
    cite = f"· {chip.citations}" if chip.citations else ""
    if cite and text_width(f"{lines[-1]} {cite}", CHIP_FONT) <= width:
        lines[-1] = f"{lines[-1]} {cite}"
    elif cite:
        lines.append(wrap(cite, CHIP_FONT, width, max_lines=1)[0])
    return lines


def _size_chips(box: Box) -> float:
    """Wraps the box's chips to its width; returns the height they take under the label."""
    height = 0.0
    for chip in box.chips:
        chip.w = box.w - 2 * CHIP_INSET
        chip.lines = _chip_lines(chip.chip, chip.w - 2 * CHIP_PAD_X)
        chip.h = len(chip.lines) * CHIP_LINE + 2 * CHIP_PAD_Y
        height += chip.h + CHIP_GAP
    return height + CHIP_INSET - CHIP_GAP if box.chips else 0.0


def _ports(plans: list[_Plan]) -> dict[tuple[str, str], list[list[_End]]]:
    """The ends on each side of each box, grouped into ports: ends of one bundle share a port."""
    grouped: dict[tuple[str, str], dict[object, list[_End]]] = {}
    for plan in plans:
        for end in (plan.start, plan.end):
            key: object = end.bundle if end.bundle is not None else ("single", plan.edge_id, end is plan.start)
            grouped.setdefault((end.node, end.side), {}).setdefault(key, []).append(end)
    return {place: list(groups.values()) for place, groups in sorted(grouped.items())}


def _spread(groups: list[list[_End]], start: float, length: float, axis: str) -> None:
    """Ports evenly along a side, ordered by where their lines go next."""
    groups.sort(key=lambda g: sum(e.order() for e in g) / len(g))
    step = length / (len(groups) + 1)
    for index, group in enumerate(groups):
        for end in group:
            setattr(end, axis, start + step * (index + 1))


def _assign_lanes(runs: list[tuple[float, float, _Plan, str, object]]) -> int:
    """Lanes for runs in one gutter or corridor; runs of one bundle share a lane over their union."""
    bundles: dict[object, list[tuple[float, float, _Plan, str]]] = {}
    for lo, hi, plan, name, key in runs:
        bundles.setdefault(key if key is not None else (plan.edge_id, name), []).append((lo, hi, plan, name))
    spans = sorted(
        (min(r[0] for r in members), max(r[1] for r in members), min(r[2].edge_id for r in members), members)
        for members in bundles.values()
    )
    lanes = _lane_indices([(lo, hi) for lo, hi, _, _ in spans])
    for (_, _, _, members), lane in zip(spans, lanes, strict=True):
        for _, _, plan, name in members:
            plan.lanes[name] = lane
    return max(lanes, default=-1) + 1


@dataclass
class _Scene:
    """What the layout stages share: the view, the boxes being placed, the route plans, and the
    coordinates each stage adds for the next."""

    view: GraphView
    instruments: str
    edges: list[EdgeView]
    chips: list[ChipView]
    columns: list[list[NodeView]]
    boxes: dict[str, Box] = field(default_factory=dict)
    column_rows: list[list[list[NodeView]]] = field(default_factory=list)
    slot_of_column: list[list[int]] = field(default_factory=list)
    slot_widths: list[float] = field(default_factory=list)
    top_nodes: list[NodeView] = field(default_factory=list)
    bottom_nodes: list[NodeView] = field(default_factory=list)
    plans: list[_Plan] = field(default_factory=list)
    ports: dict[tuple[str, str], list[list[_End]]] = field(default_factory=dict)
    column_height: float = 0.0
    gutter_lanes: dict[int, int] = field(default_factory=dict)
    gutter_x: list[float] = field(default_factory=list)
    width: float = 0.0
    corridor_lanes: dict[str, int] = field(default_factory=dict)
    title_y: float = 0.0
    legend_y: float = 0.0
    columns_y: float = 0.0
    top_band_y: float = 0.0
    top_h: float = 0.0
    bottom_band_y: float = 0.0
    bottom_h: float = 0.0
    corridor_y: dict[str, Callable[[float], float]] = field(default_factory=dict)

    @property
    def slots(self) -> int:
        return len(self.slot_widths)

    def bary(self, node_id: str) -> float:
        """Instruments are ordered by the mean slot of the bodies acting on them, so edges stay short."""
        slots_in = [
            self.boxes[e.source].slot for e in self.edges if e.target == node_id and self.boxes[e.source].slot >= 0
        ]
        return sum(slots_in) / len(slots_in) if slots_in else self.slots / 2


def layered_layout(view: GraphView, instruments: str = "chips") -> Layout:
    """The picture's geometry. ``instruments="chips"`` draws powers over acts and instruments as
    badges inside the holder's box; ``"band"`` draws the instruments as a row of nodes at the bottom.

    The stages run in order, each adding to the shared scene what the next one needs."""
    chips = view.chips() if instruments == "chips" else []
    chipped = {edge_id for chip in chips for edge_id in chip.edge_ids}
    edges = [e for e in view.edges if e.id not in chipped]
    scene = _Scene(view, instruments, edges, chips, _columns(view, edges))
    _place_column_slots(scene)
    _place_band_boxes(scene)
    _plan_routes(scene)
    _size_boxes_and_stack_rows(scene)
    _lay_gutter_lanes(scene)
    _position_horizontally(scene)
    _lay_corridor_lanes(scene)
    _position_vertically(scene)
    return Layout(
        width=math.ceil(scene.width),
        height=0.0,  # the renderer adds the legend's height
        boxes=scene.boxes,
        routes={plan.edge_id: Route(plan.edge_id, _points(plan, scene.corridor_y)) for plan in scene.plans},
        decorations=_decorations(scene),
        title=view.name,
        subtitle=view.version,
        title_y=scene.title_y,
        legend_y=scene.legend_y,
        chips=_place_chips(scene.boxes),
    )


def _place_column_slots(scene: _Scene) -> None:
    """1. Slots: each column is one or more sub-columns, wide enough for its longest label and chip."""
    chips_of: dict[str, list[ChipView]] = {}
    for chip in scene.chips:
        chips_of.setdefault(chip.source, []).append(chip)
    for nodes in scene.columns:
        per_row = 1
        while per_row < 4 and len(_rows(nodes, per_row)) > MAX_ROWS:
            per_row += 1
        rows = _rows(nodes, per_row)
        scene.column_rows.append(rows)
        width = BOX_MIN_W
        for node in nodes:
            natural = text_width(node.label, FONT_SIZE, bold=True) + 2 * BOX_PAD_X
            width = max(width, min(BOX_MAX_W, natural))
            for chip in chips_of.get(node.id, []):
                width = max(width, min(CHIP_BOX_MAX_W, _chip_width(chip)))
        first = len(scene.slot_widths)
        used = max((len(r) for r in rows), default=0)
        scene.slot_of_column.append(list(range(first, first + used)))
        scene.slot_widths.extend([width] * used)
        for row_index, row in enumerate(rows):
            for position, node in enumerate(row):
                box = _label_box(node, width)
                box.w, box.slot, box.row = width, first + position, row_index
                scene.boxes[node.id] = box


def _place_band_boxes(scene: _Scene) -> None:
    """The electorate's band on top and, without chips, the instruments' band at the bottom."""
    view, boxes = scene.view, scene.boxes
    scene.top_nodes = [n for n in view.nodes if n.branch == "electorate"]
    drawn_instruments = {e.source for e in scene.edges} | {e.target for e in scene.edges}
    scene.bottom_nodes = [
        n for n in view.nodes if n.branch == "instrument" and (scene.instruments == "band" or n.id in drawn_instruments)
    ]
    for node in scene.top_nodes:
        boxes[node.id] = _label_box(node, BOX_MAX_W)
    for node in scene.bottom_nodes:
        boxes[node.id] = _label_box(node, PILL_MAX_W)
    for chip in scene.chips:
        boxes[chip.source].chips.append(ChipBox(chip, []))
    scene.bottom_nodes.sort(key=lambda n: (scene.bary(n.id), n.order))


def _plan_routes(scene: _Scene) -> None:
    """2. Topology of every route; lines of one category leaving (or entering) a box by one side are
    bundled: they share a port and a lane until they part."""
    for edge in scene.edges:
        plan = _plan(edge.id, scene.boxes[edge.source], scene.boxes[edge.target], scene.bary, scene.slots)
        plan.kind = (edge.category, edge.derived)
        plan.start.bundle = ("out", edge.category, str(edge.derived))
        plan.end.bundle = ("in", edge.category, str(edge.derived))
        scene.plans.append(plan)
    scene.ports = _ports(scene.plans)


def _size_boxes_and_stack_rows(scene: _Scene) -> None:
    """3. Box sizes from labels, chips and port counts; rows stacked down each column; then 4. the
    ports on column sides, spread evenly, ordered by where the edge goes next."""
    boxes, ports = scene.boxes, scene.ports
    for box in boxes.values():
        label_h = len(box.lines) * LINE_HEIGHT + 2 * BOX_PAD_Y
        if box.slot < 0:
            label_w = max(text_width(line, FONT_SIZE, bold=True) for line in box.lines) + 2 * BOX_PAD_X
            flat_ports = max(len(ports.get((box.node.id, s), [])) for s in ("top", "bottom"))
            chip_w = max((min(CHIP_BOX_MAX_W, _chip_width(c.chip)) for c in box.chips), default=0.0)
            minimum = 96.0 if box.node.branch == "instrument" else BOX_MIN_W
            box.w = max(label_w, (flat_ports + 1) * PORT_GAP, minimum, chip_w)
        box.label_h = label_h - (BOX_PAD_Y / 2 if box.chips else 0.0)
        chips_h = _size_chips(box)
        side_ports = max(len(ports.get((box.node.id, s), [])) for s in ("left", "right"))
        box.h = box.label_h + chips_h if box.chips else label_h
        if box.slot >= 0:
            box.h = max(box.h, (side_ports + 1) * PORT_GAP)
    for rows in scene.column_rows:
        y = HEADER_H
        for row in rows:
            for node in row:
                boxes[node.id].y = y
            y += max(boxes[n.id].h for n in row) + ROW_GAP
        scene.column_height = max(scene.column_height, y)
    for plan in scene.plans:
        if plan.corridor == "auto":
            middle = (boxes[plan.start.node].cy + boxes[plan.end.node].cy) / 2
            plan.corridor = "top" if middle < scene.column_height / 2 else "bottom"
    for (node_id, side), groups in ports.items():
        box = boxes[node_id]
        if side in ("left", "right"):
            _spread(groups, box.y, box.h, "y")


def _lay_gutter_lanes(scene: _Scene) -> None:
    """5. Lanes in the gutters: a vertical run needs its own lane wherever it overlaps another."""
    gutter_runs: dict[int, list[tuple[float, float, _Plan, str, object]]] = {}
    for plan in scene.plans:
        for name, gutter, lo, hi in _vertical_runs(plan, scene.column_height):
            gutter_runs.setdefault(gutter, []).append((lo, hi, plan, name, _run_bundle(plan, name)))
    for gutter, runs in sorted(gutter_runs.items()):
        scene.gutter_lanes[gutter] = _assign_lanes(runs)


def _position_horizontally(scene: _Scene) -> None:
    """6. Horizontal positions: gutters, then slots (a gap between columns is at least
    COLUMN_GAP_MIN); the electorate centred over the columns, instruments in one row under them;
    then the ports on band sides, ordered by the lane the edge turns into."""
    boxes, slots = scene.boxes, scene.slots
    column_of_slot = {s: c for c, ss in enumerate(scene.slot_of_column) for s in ss}
    gutter_x: list[float] = []
    slot_x: list[float] = []
    x = MARGIN
    for gutter in range(slots + 1):
        needed = scene.gutter_lanes.get(gutter, 0) * LANE_GAP + 2 * GUTTER_PAD
        between_columns = 0 < gutter < slots and column_of_slot[gutter - 1] != column_of_slot[gutter]
        width = max(needed, COLUMN_GAP_MIN if between_columns else SUBSLOT_MIN)
        gutter_x.append(x)
        x += width
        if gutter < slots:
            slot_x.append(x)
            x += scene.slot_widths[gutter]
    column_area_w = x
    for box in boxes.values():
        if box.slot >= 0:
            box.x = slot_x[box.slot]
    band_gap = 18.0
    top_w = sum(boxes[n.id].w for n in scene.top_nodes) + band_gap * max(0, len(scene.top_nodes) - 1)
    bottom_w = sum(boxes[n.id].w for n in scene.bottom_nodes) + band_gap * max(0, len(scene.bottom_nodes) - 1)
    # A band's heading sits at its left end; its boxes start after it.
    heads = {b: MARGIN / 2 + 8 + text_width(BRANCH_TITLES[b].upper(), 12, bold=True) + 16 for b in BRANCH_TITLES}
    scene.width = max(
        column_area_w + MARGIN,
        bottom_w + heads["instrument"] + MARGIN,
        top_w + heads["electorate"] + MARGIN,
        560.0,
    )
    shift = (scene.width - column_area_w - MARGIN) / 2
    for box in boxes.values():
        if box.slot >= 0:
            box.x += shift
    scene.gutter_x = [g + shift for g in gutter_x]
    x = max((scene.width - top_w) / 2, heads["electorate"])
    for node in scene.top_nodes:
        boxes[node.id].x = x
        x += boxes[node.id].w + band_gap
    x = max((scene.width - bottom_w) / 2, heads["instrument"])
    for node in scene.bottom_nodes:
        boxes[node.id].x = x
        x += boxes[node.id].w + band_gap
    for plan in scene.plans:
        for end in (plan.start, plan.end):
            if end.side in ("left", "right"):
                box = boxes[end.node]
                end.x = box.x if end.side == "left" else box.x + box.w
    for (node_id, side), groups in scene.ports.items():
        if side in ("top", "bottom"):
            box = boxes[node_id]
            _spread(groups, box.x, box.w, "x")
    for plan in scene.plans:
        for name, gutter in _named_gutters(plan):
            plan.lanes[name + "_x"] = scene.gutter_x[gutter] + GUTTER_PAD + plan.lanes[name] * LANE_GAP + LANE_GAP / 2


def _lay_corridor_lanes(scene: _Scene) -> None:
    """7. Corridor lanes: horizontal runs above and below the columns."""
    for corridor in ("top", "bottom"):
        runs: list[tuple[float, float, _Plan, str, object]] = []
        for plan in scene.plans:
            for name, lo, hi in _horizontal_runs(plan, corridor):
                runs.append((lo, hi, plan, name, _run_bundle(plan, name, corridor)))
        scene.corridor_lanes[corridor] = _assign_lanes(runs)


def _position_vertically(scene: _Scene) -> None:
    """8. Vertical positions of the title, the bands, the corridors and the column area."""
    boxes = scene.boxes
    scene.title_y = MARGIN + TITLE_SIZE
    y = scene.title_y + 30
    scene.top_band_y = y
    scene.top_h = max((boxes[n.id].h for n in scene.top_nodes), default=0.0)
    for node in scene.top_nodes:
        boxes[node.id].y = scene.top_band_y + (scene.top_h - boxes[node.id].h) / 2
    y += scene.top_h
    top_corridor_y = y + CORRIDOR_PAD
    y += scene.corridor_lanes["top"] * LANE_GAP + 2 * CORRIDOR_PAD
    scene.columns_y = y
    for box in boxes.values():
        if box.slot >= 0:
            box.y += scene.columns_y
    for plan in scene.plans:
        for end in (plan.start, plan.end):
            if end.side in ("left", "right"):
                end.y += scene.columns_y
    y += scene.column_height
    bottom_corridor_y = y + CORRIDOR_PAD
    y += scene.corridor_lanes["bottom"] * LANE_GAP + 2 * CORRIDOR_PAD
    scene.bottom_band_y = y
    scene.bottom_h = max((boxes[n.id].h for n in scene.bottom_nodes), default=0.0)
    for node in scene.bottom_nodes:
        boxes[node.id].y = scene.bottom_band_y + (scene.bottom_h - boxes[node.id].h) / 2
    for plan in scene.plans:
        for end in (plan.start, plan.end):
            box = boxes[end.node]
            if end.side == "bottom":
                end.y = box.y + box.h
            elif end.side == "top":
                end.y = box.y
    scene.legend_y = y + scene.bottom_h + 30
    scene.corridor_y = {
        "top": lambda lane: top_corridor_y + lane * LANE_GAP + LANE_GAP / 2,
        "bottom": lambda lane: bottom_corridor_y + lane * LANE_GAP + LANE_GAP / 2,
    }


def _decorations(scene: _Scene) -> list[Decoration]:
    """The branch frames: one per column, and the two bands."""
    boxes, width = scene.boxes, scene.width
    decorations: list[Decoration] = []
    for branch, slot_ids in zip(COLUMN_BRANCHES, scene.slot_of_column, strict=True):
        if not slot_ids:
            continue
        left = min(b.x for b in boxes.values() if b.slot in slot_ids)
        right = max(b.x + b.w for b in boxes.values() if b.slot in slot_ids)
        height = scene.column_height - ROW_GAP + 8
        decorations.append(
            Decoration(BRANCH_TITLES[branch], left - 8, scene.columns_y, right - left + 16, height, branch)
        )
    if scene.top_nodes:
        decorations.append(
            Decoration(
                BRANCH_TITLES["electorate"],
                MARGIN / 2,
                scene.top_band_y - 6,
                width - MARGIN,
                scene.top_h + 12,
                "electorate",
            )
        )
    if scene.bottom_nodes:
        decorations.append(
            Decoration(
                BRANCH_TITLES["instrument"],
                MARGIN / 2,
                scene.bottom_band_y - 6,
                width - MARGIN,
                scene.bottom_h + 12,
                "instrument",
            )
        )
    return decorations


def _place_chips(boxes: dict[str, Box]) -> list[ChipBox]:
    """Chips stacked under their holder's label, in declaration order."""
    placed: list[ChipBox] = []
    for box in sorted(boxes.values(), key=lambda b: b.node.order):
        y = box.y + box.label_h
        for badge in box.chips:
            badge.x, badge.y = box.x + CHIP_INSET, y
            y += badge.h + CHIP_GAP
            placed.append(badge)
    return placed


def _plan(edge_id: str, source: Box, target: Box, bary: Callable[[str], float], slots: int) -> _Plan:
    """Which sides, gutters and corridor an edge uses; positions come later."""

    def other_y(box: Box) -> Callable[[], float]:
        return lambda: box.cy if box.slot >= 0 else (-1e6 if box.node.branch == "electorate" else 1e6)

    def position(box: Box) -> float:
        if box.slot >= 0:
            return box.slot + 0.5
        return bary(box.node.id) + 0.5 if box.node.branch == "instrument" else slots / 2

    a, b = source.slot, target.slot
    s, t = source.node.id, target.node.id
    if a >= 0 and b >= 0:
        if a == b:
            down = (target.row, target.node.order) >= (source.row, source.node.order)
            side, gutter = ("right", a + 1) if down else ("left", a)
            return _Plan(edge_id, _End(s, side, other_y(target)), _End(t, side, other_y(source)), [gutter], None)
        if a < b:
            start, end, g1, g2 = _End(s, "right", other_y(target)), _End(t, "left", other_y(source)), a + 1, b
        else:
            start, end, g1, g2 = _End(s, "left", other_y(target)), _End(t, "right", other_y(source)), a, b + 1
        if g1 == g2:
            return _Plan(edge_id, start, end, [g1], None)
        return _Plan(edge_id, start, end, [g1, g2], "auto")  # the nearer corridor, once heights are known
    if a >= 0:  # column -> band
        band_top = target.node.branch == "electorate"
        go_right = position(target) > a + 0.5
        side, gutter = ("right", a + 1) if go_right else ("left", a)
        end_side = "bottom" if band_top else "top"
        start = _End(s, side, other_y(target))
        end = _End(t, end_side, lambda: float(gutter))
        return _Plan(edge_id, start, end, [gutter], "top" if band_top else "bottom")
    if b >= 0:  # band -> column
        from_top = source.node.branch == "electorate"
        go_right = position(source) > b + 0.5
        side, gutter = ("right", b + 1) if go_right else ("left", b)
        start = _End(s, "bottom" if from_top else "top", lambda: float(gutter))
        end = _End(t, side, other_y(source))
        return _Plan(edge_id, start, end, [gutter], "top" if from_top else "bottom")
    # band -> band: down the outer gutter nearer the source when the bands differ
    start_side = "bottom" if source.node.branch == "electorate" else "top"
    end_side = "bottom" if target.node.branch == "electorate" else "top"
    if start_side == end_side:
        corridor = "top" if start_side == "bottom" else "bottom"
        return _Plan(
            edge_id,
            _End(s, start_side, lambda: position(target)),
            _End(t, end_side, lambda: position(source)),
            [],
            corridor,
        )
    gutter = 0 if position(source) < slots / 2 else slots
    return _Plan(
        edge_id,
        _End(s, start_side, lambda: float(gutter)),
        _End(t, end_side, lambda: float(gutter)),
        [gutter],
        "both",
    )


def _run_bundle(plan: _Plan, name: str, corridor: str = "") -> tuple[str, ...] | None:
    """The bundle a run belongs to. Runs that leave one port share a lane until they part, and runs
    that converge on one port share a lane from where they meet; a run through both corridors is
    never bundled. ``corridor`` keeps the two corridors apart."""
    if plan.corridor == "both":
        return None
    leaving = name == "c" or (name == "g0" and plan.start.side in ("left", "right"))
    end = plan.start if leaving else plan.end
    return ("from" if leaving else "to", corridor, end.node, end.side, *map(str, plan.kind))


def _named_gutters(plan: _Plan) -> list[tuple[str, int]]:
    return [(f"g{i}", g) for i, g in enumerate(plan.gutters)]


def _vertical_runs(plan: _Plan, column_height: float) -> list[tuple[str, int, float, float]]:
    """Vertical runs in gutters, in column-area coordinates; corridors lie just outside it."""
    top, bottom = -1.0, column_height + 1.0
    start_y = plan.start.y if plan.start.side in ("left", "right") else (top if plan.start.side == "bottom" else bottom)
    end_y = plan.end.y if plan.end.side in ("left", "right") else (top if plan.end.side == "bottom" else bottom)
    if plan.corridor == "both":
        return [("g0", plan.gutters[0], top, bottom)]
    if len(plan.gutters) == 2:
        via = top if plan.corridor == "top" else bottom
        return [
            ("g0", plan.gutters[0], *_span(start_y, via)),
            ("g1", plan.gutters[1], *_span(via, end_y)),
        ]
    if len(plan.gutters) == 1:
        return [("g0", plan.gutters[0], *_span(start_y, end_y))]
    return []


def _horizontal_runs(plan: _Plan, corridor: str) -> list[tuple[str, float, float]]:
    lanes = plan.lanes
    if plan.corridor == "both":
        gx = lanes["g0_x"]
        runs: list[tuple[str, float, float]] = []
        if corridor == "top":
            runs.append(("c_top", *_span(plan.start.x, gx)))
        else:
            runs.append(("c_bottom", *_span(gx, plan.end.x)))
        return runs
    if plan.corridor != corridor:
        return []
    if len(plan.gutters) == 2:
        return [("c", *_span(lanes["g0_x"], lanes["g1_x"]))]
    if len(plan.gutters) == 1:
        band_end = plan.start if plan.start.side in ("top", "bottom") else plan.end
        return [("c", *_span(band_end.x, lanes["g0_x"]))]
    return [("c", *_span(plan.start.x, plan.end.x))]


def _span(a: float, b: float) -> tuple[float, float]:
    return (a, b) if a <= b else (b, a)


def _lane_indices(intervals: list[tuple[float, float]]) -> list[int]:
    """Greedy interval partitioning in the given order: the fewest lanes with no overlap on one lane."""
    lane_ends: list[float] = []
    result: list[int] = []
    for lo, hi in intervals:
        for lane, end in enumerate(lane_ends):
            if lo > end + LANE_GAP:
                lane_ends[lane] = hi
                result.append(lane)
                break
        else:
            lane_ends.append(hi)
            result.append(len(lane_ends) - 1)
    return result


def _points(plan: _Plan, corridor_y: dict[str, Callable[[float], float]]) -> list[tuple[float, float]]:
    s, e, lanes = plan.start, plan.end, plan.lanes
    if plan.corridor == "both":
        gx = lanes["g0_x"]
        ty, by = corridor_y["top"](lanes["c_top"]), corridor_y["bottom"](lanes["c_bottom"])
        return [(s.x, s.y), (s.x, ty), (gx, ty), (gx, by), (e.x, by), (e.x, e.y)]
    if len(plan.gutters) == 2:
        cy = corridor_y[plan.corridor or "top"](lanes["c"])
        g0, g1 = lanes["g0_x"], lanes["g1_x"]
        return [(s.x, s.y), (g0, s.y), (g0, cy), (g1, cy), (g1, e.y), (e.x, e.y)]
    if len(plan.gutters) == 1 and plan.corridor is None:
        g0 = lanes["g0_x"]
        return [(s.x, s.y), (g0, s.y), (g0, e.y), (e.x, e.y)]
    if len(plan.gutters) == 1:
        cy = corridor_y[plan.corridor or "top"](lanes["c"])
        g0 = lanes["g0_x"]
        if s.side in ("top", "bottom"):
            return [(s.x, s.y), (s.x, cy), (g0, cy), (g0, e.y), (e.x, e.y)]
        return [(s.x, s.y), (g0, s.y), (g0, cy), (e.x, cy), (e.x, e.y)]
    cy = corridor_y[plan.corridor or "top"](lanes["c"])
    return [(s.x, s.y), (s.x, cy), (e.x, cy), (e.x, e.y)]
